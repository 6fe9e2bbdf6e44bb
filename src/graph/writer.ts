// Writes one file's rows inside the caller's write transaction, with a fixed sequence of small
// batched `UNWIND $rows AS row MERGE …` statements: one node label per statement, then one read of
// the written nodes' ids, then every relationship of the file in one flat batch between those ids,
// then who issued the documents and the tiers. No write statement chains subqueries or returns rows,
// so none needs an Eager and each is planned in milliseconds; every parameter has the same shape for
// every file (lists always lists, null where a value is missing), so after the first file every plan
// comes from the cache. The number of round trips per file is bounded (at most fourteen) whatever
// the number of citations, tasks or actions it holds; a write whose batch is empty is not sent.
import type { Integer, ManagedTransaction } from "neo4j-driver";
import { cypher } from "./queries/cypher.ts";
import type { IngestRows, NodeRow, Provenance } from "./rows.ts";

/** The part of a transaction the writer uses; tests wrap `run` to count round trips. */
export type QueryRunner = Pick<ManagedTransaction, "run">;

/** The relationship types the writer creates besides the document relation kinds (src/graph/rows.ts). */
type LinkType =
  | IngestRows["relations"][number]["kind"]
  | "PART_OF"
  | "ASSIGNED_BY"
  | "RESULTED_IN"
  | "LEAD"
  | "COOPERATES"
  | "HAS_STATUS"
  | "REPORTED_BY"
  | "SERVES"
  | "PERFORMED_BY"
  | "FOUND_IN";

/** One row of ingest-links: every key always present, so the statement's plan is cached once. */
interface LinkRow {
  from: string;
  to: string;
  type: LinkType;
  start: Integer | null;
  end: Integer | null;
  quote: string;
  confidence: number;
  cue: string | null;
}

export async function writeRows(tx: QueryRunner, rows: IngestRows): Promise<void> {
  const base = { source: rows.source.key, version: rows.source.extractorVersion };
  const touched = await begin(tx, rows.source);
  const send = async (name: string, param: string, batch: object[]) => {
    if (batch.length) await tx.run(cypher(name), { ...base, [param]: batch });
  };
  // Only what a node statement reads, so its parameter's shape never depends on what else a row holds.
  const nodes = (list: NodeRow[]) => list.map(({ key, props, mention }) => ({ key, props, mention }));
  const statuses = rows.tasks.flatMap((t) => (t.status ? [t.status] : []));

  await send("ingest-documents", "documents", rows.documents);
  await send("ingest-organisations", "organisations", rows.organisations);
  await send("ingest-tasks", "tasks", nodes(rows.tasks));
  await send(
    "ingest-status-reports",
    "statuses",
    statuses.map(({ key, value, reportedOn, mention }) => ({ key, value, reportedOn, mention })),
  );
  await send("ingest-targets", "targets", nodes(rows.targets));
  await send("ingest-actions", "actions", nodes(rows.actions));
  await send("ingest-statistics", "statistics", nodes(rows.statistics));
  await send("ingest-findings", "findings", nodes(rows.findings));

  const written = await tx.run(cypher("ingest-ids"), {
    source: base.source,
    documents: rows.documents.map((d) => d.key),
  });
  const ids = new Map<string, string>();
  for (const r of written.records) {
    for (const label of r.get("labels") as string[])
      ids.set(`${label}|${r.get("key")}`, r.get("id") as string);
  }
  const links: LinkRow[] = [];
  const id = (label: string, key: string): string => {
    const found = ids.get(`${label}|${key}`);
    // rows.ts only lets through references to keys the file defines, all written above.
    if (found === undefined) throw new Error(`ingest writer: no ${label} ${key} was written`);
    return found;
  };
  const link = (from: string, type: LinkType, to: string, p: Provenance, cue: string | null = null) =>
    links.push({ from, to, type, start: p.start, end: p.end, quote: p.quote, confidence: p.confidence, cue });
  const document = (key: string) => id("Document", key);
  const organisation = (key: string) => id("Organisation", key);
  const self = document(rows.selfKey);

  for (const r of rows.relations) link(document(r.from), r.kind, document(r.to), r.props, r.props.cue);
  const tiers: { node: string; organisation: string | null }[] = [];
  for (const t of rows.tasks) {
    const task = id("Task", t.key);
    const p = t.provenance;
    link(task, "PART_OF", self, p);
    for (const key of t.assignedBy) link(task, "ASSIGNED_BY", document(key), p);
    for (const key of t.implements) link(task, "IMPLEMENTS", document(key), p);
    for (const key of t.results) link(task, "RESULTED_IN", document(key), p);
    for (const key of t.lead) link(organisation(key), "LEAD", task, p);
    for (const key of t.cooperating) link(organisation(key), "COOPERATES", task, p);
    if (t.status) {
      const report = id("StatusReport", t.status.key);
      link(task, "HAS_STATUS", report, p);
      link(report, "REPORTED_BY", document(t.status.reportedBy), p);
    }
    tiers.push({ node: task, organisation: t.lead[0] ?? null });
  }
  for (const g of rows.targets) {
    for (const key of g.setBy) link(id("Target", g.key), "PART_OF", document(key), g.provenance);
  }
  for (const a of rows.actions) {
    const action = id("Action", a.key);
    for (const key of a.servesTasks) link(action, "SERVES", id("Task", key), a.provenance);
    for (const key of a.servesDocuments) link(action, "SERVES", document(key), a.provenance);
    if (a.actor) link(action, "PERFORMED_BY", organisation(a.actor), a.provenance);
    tiers.push({ node: action, organisation: a.actor });
  }
  for (const s of rows.statistics) link(id("Statistics", s.key), "PART_OF", self, s.provenance);
  for (const f of rows.findings) link(id("Finding", f.key), "FOUND_IN", self, f.provenance);

  if (links.length) await tx.run(cypher("ingest-links"), { ...base, links });
  if (rows.issuers.length) await tx.run(cypher("ingest-issuers"), { ...base, issuers: rows.issuers });
  if (tiers.length) await tx.run(cypher("ingest-tiers"), { tiers });
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
