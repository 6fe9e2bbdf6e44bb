// A private embedded Neo4j for benchmarks: its own port and data directory under bench/out/, so a
// benchmark never wipes or loads the database another process (a developer's server, the test run)
// is using, and it is stopped when the part ends.
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../../src/graph/config.ts";
import { type GraphConnection, openGraph } from "../../src/graph/connection.ts";
import { probeBolt } from "../../src/graph/embedded.ts";

export const benchOut = path.join(repoRoot, "bench", "out");

export interface BenchGraph {
  graph: GraphConnection;
  uri: string;
  dataDir: string;
  /** PID of the Java process serving it (for RSS), when it can be found. */
  javaPid: number | null;
}

/** Bolt port of the benchmark database (CHIDAO_BENCH_NEO4J_PORT, default 7797). */
export function benchPort(): number {
  return Number(process.env.CHIDAO_BENCH_NEO4J_PORT ?? 7797);
}

/**
 * Starts the benchmark Neo4j. `fresh` deletes its data directory first (bench/out/neo4j or
 * CHIDAO_BENCH_NEO4J_DATA, never anything else). Refuses to run when something already listens on the port: it would not be ours.
 */
/** The environment a benchmark's private embedded Neo4j runs with (port, data directory, memory). */
export function benchGraphEnv(dataDir: string): Record<string, string | undefined> {
  return {
    ...process.env,
    NEO4J_URI: undefined,
    NEO4J_PASSWORD: undefined,
    CHIDAO_NEO4J_PORT: String(benchPort()),
    CHIDAO_NEO4J_DATA: dataDir,
    CHIDAO_NEO4J_HEAP: process.env.CHIDAO_BENCH_NEO4J_HEAP ?? "2g",
    CHIDAO_NEO4J_PAGECACHE: process.env.CHIDAO_BENCH_NEO4J_PAGECACHE ?? "1g",
    CHIDAO_NEO4J_TX_MEMORY: process.env.CHIDAO_BENCH_NEO4J_TX_MEMORY ?? "512m",
  };
}

export async function startBenchGraph(options: { fresh: boolean }): Promise<BenchGraph> {
  const port = benchPort();
  // CHIDAO_BENCH_NEO4J_DATA lets two benchmarks run side by side, each on its own database.
  const dataDir = path.resolve(process.env.CHIDAO_BENCH_NEO4J_DATA ?? path.join(benchOut, "neo4j"));
  if ((await probeBolt(port)) !== "closed")
    throw new Error(
      `port ${port} is already in use; stop what runs there or set CHIDAO_BENCH_NEO4J_PORT to a free port`,
    );
  if (options.fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const graph = await openGraph({ env: benchGraphEnv(dataDir) });
  return { graph, uri: graph.uri, dataDir, javaPid: findJavaChild() };
}

/** The Java child this process started (the launcher), by scanning /proc; null elsewhere. */
function findJavaChild(): number | null {
  try {
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === process.pid && stat.includes("(java)")) return Number(entry);
    }
  } catch {
    // no /proc: RSS of the database is then not reported
  }
  return null;
}

/** Resident set size of a process in MiB from /proc, or NaN when unavailable. */
export function rssMiB(pid: number | null): number {
  if (pid === null) return Number.NaN;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU seconds (user + system) a process has used, from /proc; NaN when unavailable. On a shared,
 * overloaded machine CPU time per unit of work is steadier than wall time.
 */
export function cpuSeconds(pid: number | null): number {
  if (pid === null) return Number.NaN;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat(5), i.e. 11 and 12 after the command name.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Neo4j's own version string, for the record. */
export async function neo4jVersion(graph: GraphConnection): Promise<string> {
  return graph.read(async (tx) => {
    const r = await tx.run(
      "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS v, edition",
    );
    const rec = r.records[0];
    return rec ? `${rec.get("v")} ${rec.get("edition")}` : "unknown";
  });
}

/** Node and relationship counts (from the count store: constant time). */
export async function graphCounts(graph: GraphConnection): Promise<{ nodes: number; relationships: number }> {
  return graph.read(async (tx) => {
    const n = await tx.run("MATCH (n) RETURN count(n) AS c");
    const r = await tx.run("MATCH ()-[r]->() RETURN count(r) AS c");
    return {
      nodes: Number(n.records[0]?.get("c") ?? 0),
      relationships: Number(r.records[0]?.get("c") ?? 0),
    };
  });
}
