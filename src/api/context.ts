// What every resolver gets for one request: the graph, fresh loaders, the per-query timeout, and
// whether the caller presented the API key.
import { timingSafeEqual } from "node:crypto";
import type { GraphConnection } from "../graph/connection.ts";
import { today } from "../graph/queries/status.ts";
import { createLoaders, type Loaders } from "./loaders.ts";
import { createNestedLoader, type NestedLoader } from "./nested.ts";

export interface ApiContext {
  graph: GraphConnection;
  loaders: Loaders;
  /** Nested connection selections compiled into one statement (nested.ts). */
  nested: NestedLoader;
  /** Neo4j transaction timeout for every query of this request. */
  timeoutMs: number;
  /** The default "as of" date: today, fixed once per request so one answer never straddles midnight. */
  today: string;
  /** True when CHIDAO_API_KEY is set and the request carries it as a bearer token. */
  authorised: boolean;
}

export interface ApiConfig {
  graph: GraphConnection;
  /** CHIDAO_API_KEY: mutations exist only when it is set. */
  apiKey: string | null;
  /** CHIDAO_QUERY_TIMEOUT_MS. */
  timeoutMs: number;
}

export function apiConfigFromEnv(graph: GraphConnection, env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const timeout = Number(env.CHIDAO_QUERY_TIMEOUT_MS ?? 10_000);
  return {
    graph,
    apiKey: env.CHIDAO_API_KEY?.trim() ? env.CHIDAO_API_KEY.trim() : null,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 10_000,
  };
}

export function createContext(config: ApiConfig, authorization: string | undefined): ApiContext {
  const loaders = createLoaders(config.graph, config.timeoutMs);
  return {
    graph: config.graph,
    loaders,
    nested: createNestedLoader(config.graph, loaders, config.timeoutMs),
    timeoutMs: config.timeoutMs,
    today: today(),
    authorised: config.apiKey !== null && bearerMatches(authorization, config.apiKey),
  };
}

/** Constant-time comparison, so the key cannot be guessed byte by byte from response times. */
function bearerMatches(header: string | undefined, key: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) return false;
  const given = Buffer.from(match[1] as string);
  const wanted = Buffer.from(key);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
