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
import { inject } from "vitest";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { openGraph } from "../../src/graph/connection.ts";

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
