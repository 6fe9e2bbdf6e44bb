// Everything the graph layer reads from the environment, in one place, so the README's
// configuration table and the code cannot drift apart.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: relative defaults (data directory, launcher, migrations) hang off it. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface GraphConfig {
  /** An external server (NEO4J_URI); when set nothing is started. */
  uri: string | undefined;
  user: string;
  /** Empty means "no authentication" — what the embedded launcher expects. */
  password: string;
  database: string;
  /** Bolt port of the embedded launcher. */
  port: number;
  /** Data directory of the embedded launcher. */
  dataDir: string;
  /** How long to wait for the embedded Neo4j to answer on Bolt. */
  readyTimeoutMs: number;
  /** JVM heap, page cache and transaction-memory ceiling of the embedded launcher. */
  heap: string;
  pageCache: string;
  txMemory: string;
}

export type Env = Record<string, string | undefined>;

export function readGraphConfig(env: Env = process.env): GraphConfig {
  return {
    uri: nonEmpty(env.NEO4J_URI),
    user: nonEmpty(env.NEO4J_USER) ?? "neo4j",
    password: env.NEO4J_PASSWORD ?? "",
    database: nonEmpty(env.NEO4J_DATABASE) ?? "neo4j",
    port: integer(env, "CHIDAO_NEO4J_PORT", 7687, 1, 65535),
    dataDir: path.resolve(repoRoot, nonEmpty(env.CHIDAO_NEO4J_DATA) ?? ".data/neo4j"),
    readyTimeoutMs: integer(env, "CHIDAO_NEO4J_READY_TIMEOUT_MS", 180_000, 1_000, 3_600_000),
    heap: memorySize(env, "CHIDAO_NEO4J_HEAP", "512m"),
    pageCache: memorySize(env, "CHIDAO_NEO4J_PAGECACHE", "64m"),
    txMemory: memorySize(env, "CHIDAO_NEO4J_TX_MEMORY", "256m"),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}=${raw} is not an integer between ${min} and ${max}`);
  }
  return value;
}

function memorySize(env: Env, name: string, fallback: string): string {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  if (!/^\d+[kmg]$/i.test(raw)) throw new Error(`${name}=${raw} is not a size like 256m or 1g`);
  return raw.toLowerCase();
}
