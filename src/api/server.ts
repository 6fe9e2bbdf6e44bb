// The HTTP server: plain node:http with a tiny router, Apollo Server 5 plugged in through
// executeHTTPGraphQLRequest (no framework: one less layer between a request and its Cypher).
//
// Order of a request: the routes handed to createServer (e.g. the explorer at `/`), then /graphql
// (the offline GraphiQL page for browsers, else the API), then 404. A route returns true when it
// answered.
import fs from "node:fs";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { repoRoot } from "../graph/config.ts";
import type { GraphConnection } from "../graph/connection.ts";
import { type ApiConfig, type ApiContext, apiConfigFromEnv, createContext } from "./context.ts";
import { formatError } from "./errors.ts";
import { graphiqlRoute } from "./graphiql.ts";
import { type Limits, limitsPlugin } from "./limits.ts";
import { health } from "./resolvers/health.ts";
import { mutationResolvers } from "./resolvers/mutation.ts";
import { queryResolvers } from "./resolvers/query.ts";
import { typeResolvers } from "./resolvers/types.ts";

/** Answers a request and returns true, or returns false to let the next route try. */
export type Route = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface ServerOptions {
  graph: GraphConnection;
  /** Tried in order before /graphql. */
  routes?: Route[];
  /** Directory whose *.graphql files make up the schema; defaults to schema/. */
  schemaDir?: string;
  /** Overrides of the environment's API settings (CHIDAO_API_KEY, CHIDAO_QUERY_TIMEOUT_MS). */
  api?: Partial<Omit<ApiConfig, "graph">>;
  /** Depth, alias and cost limits; DEFAULT_LIMITS otherwise. */
  limits?: Limits;
}

export interface ChidaoServer {
  readonly httpServer: http.Server;
  /** Starts listening; resolves to the server's base URL (http://host:port). */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting requests, closes open connections and stops Apollo. */
  close(): Promise<void>;
}

const maxBodyBytes = 1_000_000;

/**
 * Every *.graphql file of the directory, in name order, merged into one schema. mutation.graphql is
 * left out unless mutations are enabled: without an API key the schema itself is read-only.
 */
export function loadTypeDefs(dir = path.join(repoRoot, "schema"), mutations = false): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".graphql") && (mutations || name !== "mutation.graphql"))
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), "utf8"));
}

export async function createServer(options: ServerOptions): Promise<ChidaoServer> {
  const { graph, routes = [] } = options;
  const config = { ...apiConfigFromEnv(graph), ...options.api };
  const mutations = config.apiKey !== null;
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(options.schemaDir, mutations),
    resolvers: {
      ...typeResolvers,
      Query: { health, ...queryResolvers },
      ...(mutations ? { Mutation: mutationResolvers } : {}),
    },
  });
  const apollo = new ApolloServer<ApiContext>({
    schema,
    // Apollo's landing page loads from a CDN; the browser page at /graphql is our own (graphiql.ts).
    // Cache control is on by default and wraps every field's resolver to collect hints we never set,
    // only to answer `cache-control: no-store` (handleGraphQL sends that itself): for a 100-node
    // lineage page the wrapping was 2.4 ms of CPU (CPU profile in docs/benchmarks.md, "api round 4").
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(options.limits),
    ],
    formatError,
    includeStacktraceInErrorResponses: false,
    // Parsing is the first cost a hostile query imposes; cap it before any validation runs.
    parseOptions: { maxTokens: 20_000 },
  });
  await apollo.start();

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (body === tooLarge) return sendText(res, 413, "Request body larger than 1 MB");
    let parsed: unknown = body;
    if (body && /\bjson\b/i.test(req.headers["content-type"] ?? "")) {
      try {
        parsed = JSON.parse(body);
      } catch {
        return sendText(res, 400, "Request body is not valid JSON");
      }
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: req.method ?? "GET",
      headers,
      search: new URL(req.url ?? "/", "http://localhost").search,
      body: parsed,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => createContext(config, req.headers.authorization),
    });
    res.statusCode = response.status ?? 200;
    // Answers follow the graph, which ingest changes: no cache may keep them.
    res.setHeader("cache-control", "no-store");
    for (const [name, value] of response.headers) res.setHeader(name, value);
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  const httpServer = http.createServer((req, res) => {
    void (async () => {
      for (const route of [graphiqlRoute, ...routes]) {
        if (await route(req, res)) return;
      }
      const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
      if (pathname === "/graphql") return handleGraphQL(req, res);
      sendText(res, 404, "Not found");
    })().catch((error: unknown) => {
      // Details stay in the log; the client learns only that it failed.
      process.stderr.write(`chidao: ${req.method} ${req.url} failed: ${(error as Error).stack ?? error}\n`);
      if (!res.headersSent) sendText(res, 500, "Internal server error");
      else res.destroy();
    });
  });

  return {
    httpServer,
    listen(port, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          httpServer.off("error", reject);
          const address = httpServer.address() as AddressInfo;
          const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    async close() {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}

const tooLarge = Symbol("tooLarge");

async function readBody(req: IncomingMessage): Promise<string | typeof tooLarge> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return tooLarge;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}
