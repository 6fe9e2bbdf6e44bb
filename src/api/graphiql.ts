// An offline GraphiQL page at GET /graphql for browsers: the UMD bundles of graphiql and React 18
// are served from node_modules, because Apollo's landing pages load from a CDN and Chidao must work
// on a machine without internet.
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { repoRoot } from "../graph/config.ts";

const ASSET_PREFIX = "/graphql/assets/";

const ASSETS: Record<string, { file: string; type: string }> = {
  "graphiql.min.js": {
    file: "node_modules/graphiql/graphiql.min.js",
    type: "text/javascript; charset=utf-8",
  },
  "graphiql.min.css": { file: "node_modules/graphiql/graphiql.min.css", type: "text/css; charset=utf-8" },
  "react.production.min.js": {
    file: "node_modules/react/umd/react.production.min.js",
    type: "text/javascript; charset=utf-8",
  },
  "react-dom.production.min.js": {
    file: "node_modules/react-dom/umd/react-dom.production.min.js",
    type: "text/javascript; charset=utf-8",
  },
};

const DEFAULT_QUERY = `# Chidao — lineage of Vietnamese directives (truy vết chỉ đạo)
query {
  document(ref: "Nghị quyết 36-NQ/TW") {
    id
    label
    issuedOn
    implementedBy(first: 10) { edges { node { label issuedOn } } }
  }
}
`;

const INIT = `const root = ReactDOM.createRoot(document.getElementById("graphiql"));
root.render(React.createElement(GraphiQL, {
  fetcher: GraphiQL.createFetcher({ url: "/graphql" }),
  defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
}));
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chidao GraphQL</title>
<link rel="stylesheet" href="${ASSET_PREFIX}graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${ASSET_PREFIX}react.production.min.js"></script>
<script src="${ASSET_PREFIX}react-dom.production.min.js"></script>
<script src="${ASSET_PREFIX}graphiql.min.js"></script>
<script src="${ASSET_PREFIX}init.js"></script>
</body>
</html>
`;

const cache = new Map<string, Buffer>();

/** True when a browser asks for the page: a GET that prefers HTML and carries no query. */
function wantsPage(req: IncomingMessage, url: URL): boolean {
  return (
    req.method === "GET" &&
    url.pathname === "/graphql" &&
    !url.searchParams.has("query") &&
    /text\/html/.test(req.headers.accept ?? "")
  );
}

/** Serves the page and its assets; false for every other request. */
export async function graphiqlRoute(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (wantsPage(req, url)) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" });
    res.end(PAGE);
    return true;
  }
  if (req.method !== "GET" || !url.pathname.startsWith(ASSET_PREFIX)) return false;
  const name = url.pathname.slice(ASSET_PREFIX.length);
  if (name === "init.js") {
    res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" });
    res.end(INIT);
    return true;
  }
  const asset = ASSETS[name];
  if (!asset) return false;
  let body = cache.get(name);
  if (!body) {
    body = await readFile(path.join(repoRoot, asset.file));
    cache.set(name, body);
  }
  res.writeHead(200, { "content-type": asset.type, "cache-control": "public, max-age=86400" });
  res.end(body);
  return true;
}
