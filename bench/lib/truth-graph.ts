// Loads a generated corpus's ground truth straight into Neo4j, in the shape docs/graph-model.md
// describes (Document, Task; IMPLEMENTS, CONTINUES, AMENDS, REPORTS_ON, RESPONDS_TO, BASED_ON,
// PART_OF, ASSIGNED_BY; provenance properties on relationships), with large batched UNWIND writes.
//
// Why: the API benchmark measures reading a national-scale graph. Building that graph through the
// ingest path measures ingest (bench:ingest does that) and mixes extraction errors into the graph the
// API is timed on; loading the truth gives both APIs — ours and the @neo4j/graphql peer — the same
// known graph in minutes, whatever the state of ingest. docs/benchmarks.md says which graph was used.

import { fold } from "../../src/extract/normalise.ts";
import type { TruthDocument, TruthRecord } from "../../src/generate/truth.ts";
import { readTruth } from "../../src/generate/write.ts";
import type { GraphConnection } from "../../src/graph/connection.ts";

const SYSTEM_PREFIX: Record<string, string> = {
  PARTY: "party",
  STATE_NORMATIVE: "state-norm",
  STATE_ADMINISTRATIVE: "state-admin",
  UNKNOWN: "unknown",
};

/** The extraction-style key of a truth document ("party|national|36-NQ/TW|2023"). */
export function documentKey(d: Pick<TruthDocument, "system" | "jurisdiction" | "symbol" | "year">): string {
  return `${SYSTEM_PREFIX[d.system] ?? "unknown"}|${d.jurisdiction}|${d.symbol}|${d.year}`;
}

export const taskKey = (docKey: string, ref: string): string => `task|${docKey}|${ref}`;

function tierOf(d: TruthDocument): string {
  const issuerCode = d.symbol.split(/[-/]/).pop() ?? "";
  if (d.jurisdiction === "national") return d.system === "PARTY" ? "CENTRAL_PARTY" : "CENTRAL_STATE";
  if (d.system === "PARTY") return "PROVINCIAL_PARTY";
  if (issuerCode === "UBND" || issuerCode === "HĐND" || /^UBND-/.test(d.symbol.split("/")[1] ?? ""))
    return "PROVINCIAL_STATE";
  return "DEPARTMENT";
}

function documentProps(d: TruthDocument, held: boolean): Record<string, unknown> {
  return {
    key: documentKey(d),
    label: `${d.symbol}${d.title ? ` — ${d.title}` : ""}`,
    symbol: d.symbol,
    symbolFolded: fold(d.symbol),
    type: d.type,
    system: d.system,
    issuer: d.issuer,
    issuedOn: d.date,
    year: d.year,
    title: d.title,
    titleFolded: d.title ? fold(d.title) : null,
    jurisdiction: d.jurisdiction,
    tier: tierOf(d),
    held,
    ambiguous: false,
  };
}

const WRITE_DOCUMENTS = `
UNWIND $rows AS row
MERGE (d:Document {key: row.key})
ON CREATE SET d = row
ON MATCH SET d.held = d.held OR row.held`;

// Relationship types cannot be parameters (and the embedded server has no APOC): one statement per
// kind, each with a literal type from this closed list, never from input.
const RELATION_KINDS = [
  "IMPLEMENTS",
  "CONTINUES",
  "AMENDS",
  "REPORTS_ON",
  "RESPONDS_TO",
  "BASED_ON",
  "CITES",
];
const writeRelationsOf = (kind: string): string => `
UNWIND $rows AS row
MATCH (a:Document {key: row.from}), (b:Document {key: row.to})
MERGE (a)-[r:${kind} {source: row.source}]->(b)
ON CREATE SET r += row.props`;

const WRITE_TASKS = `
UNWIND $rows AS row
MATCH (d:Document {key: row.document})
MERGE (t:Task {key: row.props.key})
ON CREATE SET t = row.props
MERGE (t)-[p:PART_OF {source: row.source}]->(d)
ON CREATE SET p += row.provenance
MERGE (t)-[a:ASSIGNED_BY {source: row.source}]->(d)
ON CREATE SET a += row.provenance`;

export interface LoadedGraph {
  documents: number;
  relations: number;
  tasks: number;
  ms: number;
}

/**
 * Loads the truth of `dir` into an empty graph.
 * Status rows of reports are not loaded: the lineage questions do not read them.
 */
export async function loadTruthGraph(
  graph: GraphConnection,
  dir: string,
  onProgress?: (files: number) => void,
): Promise<LoadedGraph> {
  const started = performance.now();
  const batch = {
    documents: new Map<string, Record<string, unknown>>(),
    relations: [] as Record<string, unknown>[],
    tasks: [] as Record<string, unknown>[],
  };
  const totals = { documents: 0, relations: 0, tasks: 0 };
  const flushDocuments = async () => {
    const rows = [...batch.documents.values()];
    batch.documents.clear();
    if (rows.length) await graph.write((tx) => tx.run(WRITE_DOCUMENTS, { rows }));
    totals.documents += rows.length;
  };
  const flushLinks = async () => {
    const relations = batch.relations.splice(0);
    const tasks = batch.tasks.splice(0);
    for (const kind of RELATION_KINDS) {
      const rows = relations.filter((r) => r.kind === kind);
      if (rows.length) await graph.write((tx) => tx.run(writeRelationsOf(kind), { rows }));
    }
    for (let i = 0; i < tasks.length; i += 5_000) {
      const rows = tasks.slice(i, i + 5_000);
      await graph.write((tx) => tx.run(WRITE_TASKS, { rows }));
    }
    totals.relations += relations.length;
    totals.tasks += tasks.length;
  };
  let files = 0;
  for await (const record of readTruth(dir)) {
    addRecord(batch, record);
    files++;
    if (files % 500 === 0) {
      // Documents first: relations and tasks MATCH them.
      await flushDocuments();
      await flushLinks();
      onProgress?.(files);
    }
  }
  await flushDocuments();
  await flushLinks();
  return { ...totals, ms: performance.now() - started };
}

function addRecord(
  batch: {
    documents: Map<string, Record<string, unknown>>;
    relations: Record<string, unknown>[];
    tasks: Record<string, unknown>[];
  },
  record: TruthRecord,
): void {
  const self = documentKey(record.document);
  batch.documents.set(self, documentProps(record.document, true));
  const byId = new Map<string, string>([[record.document.id, self]]);
  for (const c of record.citations) {
    const key = documentKey(c);
    byId.set(c.id, key);
    if (!batch.documents.has(key)) batch.documents.set(key, documentProps(c, false));
  }
  const source = `truth:${record.file}`;
  for (const r of record.relations) {
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    if (from && to)
      batch.relations.push({
        from,
        to,
        kind: r.kind,
        source,
        props: { source, confidence: 1, quote: "", cue: "" },
      });
  }
  for (const t of record.tasks) {
    if (t.status) continue;
    batch.tasks.push({
      document: self,
      source,
      provenance: { source, confidence: 1 },
      props: {
        key: taskKey(self, t.ref),
        label: t.content,
        ref: t.ref,
        content: t.content,
        contentFolded: fold(t.content),
        deadlineText: t.deadline?.text ?? null,
        deadlineFrom: t.deadline?.from ?? null,
        deadlineTo: t.deadline?.to ?? null,
        recurring: t.deadline ? t.deadline.to === null : false,
        product: t.product,
        section: t.section,
        tier: "DEPARTMENT",
      },
    });
  }
}
