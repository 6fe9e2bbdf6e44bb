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
  const begun = await tx.run(cypher("ingest-begin"), { source: rows.source });
  const touched = (begun.records[0]?.get("touched") as string[] | undefined) ?? [];

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
  if (touched.length) await tx.run(cypher("ingest-finish"), { touched });
}
