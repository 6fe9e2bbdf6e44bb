// Serves the explorer: index.html at `/`, the client bundled by esbuild from src/web/client (once,
// in memory, at first use — no build step, no CDN) and the stylesheet. Everything else falls through
// to the API server's other routes.
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

interface Asset {
  type: string;
  body: Buffer;
}

/** Bundles the browser code; exported so the bench and the tests use exactly what the server serves. */
export async function bundleExplorer(): Promise<string> {
  const out = await build({
    entryPoints: [here("./client/main.ts")],
    bundle: true,
    write: false,
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: false,
    logLevel: "silent",
  });
  return out.outputFiles[0]?.text ?? "";
}

let assets: Promise<Map<string, Asset>> | null = null;

async function loadAssets(): Promise<Map<string, Asset>> {
  const [html, css, js] = await Promise.all([
    readFile(here("./index.html")),
    readFile(here("./app.css")),
    bundleExplorer(),
  ]);
  return new Map([
    ["/", { type: "text/html; charset=utf-8", body: html }],
    ["/index.html", { type: "text/html; charset=utf-8", body: html }],
    ["/explorer/app.css", { type: "text/css; charset=utf-8", body: css }],
    ["/explorer/app.js", { type: "text/javascript; charset=utf-8", body: Buffer.from(js) }],
  ]);
}

/** Starts bundling ahead of the first request (server start calls this so the first page is quick). */
export function prepareExplorer(): Promise<void> {
  assets ??= loadAssets();
  return assets.then(() => undefined);
}

/** Answers the explorer's routes; returns false for any other path so the caller can go on. */
export async function handleExplorer(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (path !== "/" && path !== "/index.html" && !path.startsWith("/explorer/")) return false;
  assets ??= loadAssets();
  const asset = (await assets).get(path);
  if (!asset) return false;
  res.writeHead(200, {
    "content-type": asset.type,
    "content-length": asset.body.length,
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
    // Only our own assets and our own /graphql: the explorer loads nothing from elsewhere.
    "content-security-policy":
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
  });
  res.end(req.method === "HEAD" ? undefined : asset.body);
  return true;
}
