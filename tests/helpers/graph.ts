// How an integration test reaches Neo4j. The global setup (tests/setup/neo4j.global.ts) starts one
// server for the run; each test file opens the process's connection to it and clears what it needs:
//
//   import { afterAll, beforeAll } from "vitest";
//   import { clearGraph, openTestGraph } from "../helpers/graph.ts";
//   let graph: GraphConnection;
//   beforeAll(async () => { graph = await openTestGraph(); await clearGraph(graph); });
//   afterAll(async () => { await graph.close(); });
//
// Files run one at a time against the same database, so a file never relies on another file's data.
import neo4j from "neo4j-driver";
import { inject } from "vitest";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { openGraph } from "../../src/graph/connection.ts";
import { sourceKey } from "../../src/graph/ingest.ts";

/** Environment for code (or child processes) that should use the test run's Neo4j. */
export function testGraphEnv(): Record<string, string | undefined> {
  return { ...process.env, NEO4J_URI: inject("neo4jUri") };
}

/** The run's Neo4j with cypher/migrations applied (or `migrationsDir` instead). */
export function openTestGraph(options: { migrationsDir?: string } = {}): Promise<GraphConnection> {
  return openGraph({ env: testGraphEnv(), ...options });
}

/**
 * Deletes every node and relationship except the :Migration records, which describe the schema
 * (constraints and indexes survive a data wipe, so their records must too).
 */
export async function clearGraph(graph: GraphConnection): Promise<void> {
  const session = graph.driver.session({ database: graph.database });
  try {
    // CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
    await session.run(
      "MATCH (n) WHERE NOT n:Migration CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
    );
  } finally {
    await session.close();
  }
}

/** The first column of the first row, with driver Integers turned into numbers. */
export async function readOne<T>(
  graph: GraphConnection,
  query: string,
  params: Record<string, unknown> = {},
): Promise<T> {
  return graph.read(async (tx) => {
    const value = (await tx.run(query, params)).records[0]?.get(0);
    return (typeof value?.toNumber === "function" ? value.toNumber() : value) as T;
  });
}

/** Whole-graph counts, for "this changed nothing" and "this changed only that" assertions. */
export async function graphCounts(
  graph: GraphConnection,
): Promise<{ nodes: number; relationships: number; registered: number }> {
  return {
    nodes: await readOne<number>(graph, "MATCH (n) RETURN count(n)"),
    relationships: await readOne<number>(graph, "MATCH ()-[r]->() RETURN count(r)"),
    registered: await readOne<number>(graph, "MATCH (o:Organisation {registered: true}) RETURN count(o)"),
  };
}

/** What one file contributed: its Source's relationships and every relationship carrying it as source, as sorted text. */
export async function sourceContribution(graph: GraphConnection, path: string): Promise<string[]> {
  const rows = await graph.read(async (tx) =>
    (
      await tx.run(
        `MATCH (a)-[r]->(b) WHERE r.source = $key OR (a:Source AND a.key = $key)
         RETURN type(r) + ' ' + coalesce(a.key, '') + ' -> ' + coalesce(b.key, '') + ' ' + coalesce(r.quote, '') AS f`,
        { key: sourceKey(path) },
      )
    ).records.map((r) => r.get("f") as string),
  );
  return rows.sort();
}

/**
 * Every node (labels, properties) and relationship (type, ends' keys, properties) of a database,
 * sorted: two graphs are the same when their fingerprints are. Values carry their Cypher type
 * (Integer, Float, list …), so a 1 stored as a Float differs from a 1 stored as an Integer;
 * ingestedAt and loadedAt are times of the run and are left out.
 */
export async function graphFingerprint(
  graph: Pick<GraphConnection, "driver" | "database">,
): Promise<string[]> {
  const typed = (value: unknown): string =>
    neo4j.isInt(value)
      ? `int ${value.toString()}`
      : Array.isArray(value)
        ? `[${value.map(typed).join(", ")}]`
        : `${typeof value} ${String(value)}`;
  const text = (props: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(props)
        .filter((k) => k !== "ingestedAt" && k !== "loadedAt")
        .sort()
        .map((k) => [k, typed(props[k])]),
    );
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const nodes = await tx.run(
        "MATCH (n) WHERE NOT n:Migration RETURN labels(n) AS labels, properties(n) AS p",
      );
      const rels = await tx.run(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.key AS a, b.key AS b, properties(r) AS p",
      );
      return [
        ...nodes.records.map((r) => `${(r.get("labels") as string[]).join(":")} ${text(r.get("p"))}`),
        ...rels.records.map((r) => `${r.get("type")} ${r.get("a")} -> ${r.get("b")} ${text(r.get("p"))}`),
      ].sort();
    });
  } finally {
    await session.close();
  }
}
