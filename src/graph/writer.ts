// Writes one file's rows inside the caller's write transaction, with a fixed sequence of batched
// UNWIND statements: the number of round trips per file is bounded (at most nine) whatever the
// number of citations, tasks or actions it holds, and a statement whose batch is empty is not sent.
import type { ManagedTransaction } from "neo4j-driver";
import { cypher } from "./queries/cypher.ts";
import type { IngestRows } from "./rows.ts";

/** The part of a transaction the writer uses; tests wrap `run` to count round trips. */
export type QueryRunner = Pick<ManagedTransaction, "run">;

export async function writeRows(tx: QueryRunner, rows: IngestRows): Promise<void> {
  const base = { source: rows.source.key, self: rows.selfKey, version: rows.source.extractorVersion };
  const touched = await begin(tx, rows.source);

  await tx.run(cypher("ingest-documents"), { ...base, documents: rows.documents });
  if (rows.organisations.length) {
    await tx.run(cypher("ingest-organisations"), { ...base, organisations: rows.organisations });
  }
  if (rows.relations.length || rows.issuers.length) {
    await tx.run(cypher("ingest-links"), { ...base, relations: rows.relations, issuers: rows.issuers });
  }
  if (rows.tasks.length) await tx.run(cypher("ingest-tasks"), { ...base, tasks: rows.tasks });
  if (rows.targets.length) await tx.run(cypher("ingest-targets"), { ...base, targets: rows.targets });
  // Actions after tasks: an action SERVES a task written just before.
  if (rows.actions.length) await tx.run(cypher("ingest-actions"), { ...base, actions: rows.actions });
  if (rows.statistics.length || rows.findings.length) {
    await tx.run(cypher("ingest-reports"), { ...base, statistics: rows.statistics, findings: rows.findings });
  }
  await finish(tx, touched);
}

/**
 * Deletes a Source and exactly what it contributed: a replacement by nothing, through the same
 * ingest-begin and ingest-finish as a changed file, so deleting and re-ingesting can never disagree
 * about what a file owns. Orphans go, registry organisations stay, documents other files still cite
 * stay (no longer held if this was their text). False when there is no such Source; at most four
 * round trips whatever the file held.
 */
export async function deleteSourceRows(tx: QueryRunner, key: string): Promise<boolean> {
  const existing = await tx.run(cypher("ingest-source-state"), { key });
  if (existing.records.length === 0) return false;
  await finish(tx, await begin(tx, { key }));
  await tx.run(cypher("ingest-forget"), { key });
  return true;
}

/** The Source node, with everything the file contributed last time removed; returns what it touched. */
async function begin(tx: QueryRunner, source: { key: string }): Promise<string[]> {
  const begun = await tx.run(cypher("ingest-begin"), { source });
  return (begun.records[0]?.get("touched") as string[] | undefined) ?? [];
}

async function finish(tx: QueryRunner, touched: string[]): Promise<void> {
  if (touched.length) await tx.run(cypher("ingest-finish"), { touched });
}
