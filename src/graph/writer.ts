// Writes a batch of files' rows inside the caller's write transaction, with a fixed sequence of
// small `UNWIND $files AS file … UNWIND file.<rows> AS row …` statements over all the batch's rows,
// grouped by file so that a file's Source key and extractor version travel once: the Source nodes
// (and, for files ingested before, the removal of what they wrote), one node label per statement
// (tasks and actions with their tier), one read of the written nodes' ids, every relationship of the
// batch in one statement between those ids (grouped by the fact they were read from, whose quote
// travels once), then who issued the documents. The parameters are most of what a batch costs:
// packing them is most of this process's work on a write, and unpacking them a sixth of Neo4j's
// (docs/benchmarks.md). No node statement chains subqueries or sets a property map, so none needs an
// Eager; every parameter has the same shape for every batch (lists of rows with every key, null
// where a value is missing), so plans come from the cache (Neo4j plans again only when a list's size
// falls in a new size bucket, which a simple statement does in milliseconds). The number of round
// trips is bounded (at most fourteen) whatever the number of files, citations, tasks or actions; a
// statement whose rows are empty is not sent.
import neo4j from "neo4j-driver";
import type { QueryRunner } from "./connection.ts";
import { fileLinks } from "./links.ts";
import { cypher } from "./queries/cypher.ts";
import type { IngestRows, NodeRow } from "./rows.ts";

/** One file: its rows in one transaction of their own (see writeBatch). */
export async function writeRows(tx: QueryRunner, rows: IngestRows): Promise<void> {
  await writeBatch(tx, [rows]);
}

/**
 * Writes several files in the caller's transaction, as if each were written alone in this order:
 * rows keep file order inside every statement, so where two files describe the same document the
 * later one wins as it would in a later transaction. The files' Source keys must be distinct.
 */
export async function writeBatch(tx: QueryRunner, files: readonly IngestRows[]): Promise<void> {
  if (files.length === 0) return;
  const touched = await begin(
    tx,
    files.map((f) => f.source),
  );
  // A statement's rows grouped by file: `{source, version, [param]: rows}` per file with rows. Files
  // without rows are left out, and a statement with no rows at all is not sent.
  const send = async <T extends object>(
    name: string,
    param: string,
    pick: (f: IngestRows) => T[],
    shape: (row: T) => object,
  ) => {
    const grouped = files.flatMap((f) => {
      const rows = pick(f);
      return rows.length ? [{ ...fileTag(f), [param]: rows.map(shape) }] : [];
    });
    if (grouped.length) await tx.run(cypher(name), { files: grouped });
  };
  // Only what a node statement reads, so its parameter's shape never depends on what else a row holds.
  const node = ({ key, props, mention }: NodeRow) => ({ key, props, mention });

  await send(
    "ingest-documents",
    "documents",
    (f) => f.documents,
    ({ key, own, props, mentions, confidence }) => ({ key, own, props, mentions, confidence }),
  );
  await send(
    "ingest-organisations",
    "organisations",
    (f) => f.organisations,
    ({ key, props, mentions }) => ({ key, props, mentions }),
  );
  // A task's tier is its first lead unit's, an action's its actor's.
  await send(
    "ingest-tasks",
    "tasks",
    (f) => f.tasks,
    (t) => ({ ...node(t), tierOf: t.lead[0] ?? null }),
  );
  await send(
    "ingest-status-reports",
    "statuses",
    (f) => f.tasks.flatMap((t) => (t.status ? [t.status] : [])),
    ({ key, value, reportedOn, mention }) => ({ key, value, reportedOn, mention }),
  );
  await send("ingest-targets", "targets", (f) => f.targets, node);
  await send(
    "ingest-actions",
    "actions",
    (f) => f.actions,
    (a) => ({ ...node(a), tierOf: a.actor }),
  );
  await send("ingest-statistics", "statistics", (f) => f.statistics, node);
  await send("ingest-findings", "findings", (f) => f.findings, node);

  const written = await tx.run(cypher("ingest-ids"), {
    sources: files.map((f) => f.source.key),
    documents: [...new Set(files.flatMap((f) => f.documents.map((d) => d.key)))],
  });
  // Links name their ends by position in `nodes`, each element id (≈ 45 characters, most nodes end
  // several links) sent once per batch.
  const nodes: string[] = [];
  const ids = new Map<string, number>();
  for (const r of written.records) {
    for (const label of r.get("labels") as string[]) ids.set(`${label}|${r.get("key")}`, nodes.length);
    nodes.push(r.get("id") as string);
  }
  const links: object[] = [];
  const issuers: object[] = [];
  for (const rows of files) {
    const linked = fileLinks(rows, (label, key) => {
      const found = ids.get(`${label}|${key}`);
      // rows.ts only lets through references to keys the file defines, all written above.
      if (found === undefined) throw new Error(`ingest writer: no ${label} ${key} was written`);
      return neo4j.int(found);
    });
    if (linked.facts.length) links.push({ ...fileTag(rows), facts: linked.facts });
    if (linked.issuers.length) issuers.push({ ...fileTag(rows), issuers: linked.issuers });
  }
  if (links.length) await tx.run(cypher("ingest-links"), { nodes, files: links });
  if (issuers.length) await tx.run(cypher("ingest-issuers"), { files: issuers });
  await finish(tx, touched);
}

/** What every statement says once per file: whose rows these are. */
function fileTag(rows: IngestRows): { source: string; version: string } {
  return { source: rows.source.key, version: rows.source.extractorVersion as string };
}

/**
 * Deletes a Source and exactly what it contributed: a replacement by nothing, through the same
 * ingest-begin and ingest-finish as a changed file, so deleting and re-ingesting can never disagree
 * about what a file owns. Orphans go, registry organisations stay, documents other files still cite
 * stay (no longer held if this was their text). False when there is no such Source; at most five
 * round trips whatever the file held.
 */
export async function deleteSourceRows(tx: QueryRunner, key: string): Promise<boolean> {
  const existing = await tx.run(cypher("ingest-source-state"), { keys: [key] });
  if (existing.records.length === 0) return false;
  const gone = {
    key,
    name: null,
    label: null,
    path: null,
    sha256: null,
    format: null,
    bytes: null,
    chars: null,
  };
  await finish(tx, await begin(tx, [{ ...gone, extractorVersion: null }]));
  await tx.run(cypher("ingest-forget"), { key });
  return true;
}

/**
 * The Source nodes, with everything the files contributed last time removed; returns the nodes they
 * touched. A file that touched nothing was never ingested (its own document is always contained),
 * so a batch of new files skips ingest-clear.
 */
async function begin(tx: QueryRunner, sources: object[]): Promise<string[]> {
  const begun = await tx.run(cypher("ingest-begin"), { sources });
  const before = begun.records.filter((r) => (r.get("touched") as string[]).length > 0);
  if (before.length)
    await tx.run(cypher("ingest-clear"), { keys: before.map((r) => r.get("key") as string) });
  return begun.records.flatMap((r) => r.get("touched") as string[]);
}

async function finish(tx: QueryRunner, touched: string[]): Promise<void> {
  if (touched.length) await tx.run(cypher("ingest-finish"), { touched: [...new Set(touched)] });
}
