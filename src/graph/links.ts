// The relationships one file states, read from its rows (src/graph/rows.ts): the single definition
// both writers use — the transactional one (src/graph/writer.ts) names the ends by position in its
// batch's list of element ids, the offline first load (src/graph/bulk/) by import id — so that the
// two can never disagree about which links a file makes.
import type { Integer } from "neo4j-driver";
import type { IngestRows, Provenance } from "./rows.ts";

/** The relationship types a file's facts create besides the document relation kinds (src/graph/rows.ts). */
export type LinkType =
  | IngestRows["relations"][number]["kind"]
  | "PART_OF"
  | "SETS_TARGET"
  | "ASSIGNED_BY"
  | "RESULTED_IN"
  | "LEAD"
  | "COOPERATES"
  | "HAS_STATUS"
  | "REPORTED_BY"
  | "SERVES"
  | "PERFORMED_BY"
  | "FOUND_IN";

/**
 * What a file states once and links share: the provenance of a task, action, relation … and the
 * relationships read from it. Every key always present, so a statement's plan is cached once.
 */
export interface Fact<End> {
  start: Integer | null;
  end: Integer | null;
  quote: string;
  confidence: number;
  cue: string | null;
  links: { from: End; type: LinkType; to: End }[];
}

/**
 * A file's relationships grouped by the fact (provenance) they were read from, and its issuers
 * (each document and organisation once). Each (from, type, to) comes once, as the first mention of
 * it describes it: both writers CREATE (a file's earlier relationships are gone before it is written
 * again). `end` names a node by label and key; rows.ts only lets through references to keys the
 * file defines.
 */
export function fileLinks<End>(
  rows: IngestRows,
  end: (label: string, key: string) => End,
): { facts: Fact<End>[]; issuers: IngestRows["issuers"] } {
  const facts = new Map<Provenance, Fact<End>>();
  const seen = new Set<string>();
  // Links from one fact share its Provenance object (rows.ts builds one per task, action, relation …).
  const link = (from: string, type: LinkType, to: string, p: Provenance, cue: string | null = null) => {
    const key = `${from}\u0000${type}\u0000${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    let fact = facts.get(p);
    if (!fact) {
      fact = { start: p.start, end: p.end, quote: p.quote, confidence: p.confidence, cue, links: [] };
      facts.set(p, fact);
    }
    fact.links.push({ from: node(from), type, to: node(to) });
  };
  // Ends travel as "Label|key" until the link is kept, so dedup compares strings, not End values.
  const ends = new Map<string, End>();
  const node = (ref: string): End => {
    let found = ends.get(ref);
    if (found === undefined) {
      const bar = ref.indexOf("|");
      found = end(ref.slice(0, bar), ref.slice(bar + 1));
      ends.set(ref, found);
    }
    return found;
  };
  const document = (key: string) => `Document|${key}`;
  const organisation = (key: string) => `Organisation|${key}`;
  const self = document(rows.selfKey);

  for (const r of rows.relations) link(document(r.from), r.kind, document(r.to), r.props, r.props.cue);
  for (const t of rows.tasks) {
    const task = `Task|${t.key}`;
    const p = t.provenance;
    link(task, "PART_OF", self, p);
    for (const key of t.assignedBy) link(task, "ASSIGNED_BY", document(key), p);
    for (const key of t.implements) link(task, "IMPLEMENTS", document(key), p);
    for (const key of t.results) link(task, "RESULTED_IN", document(key), p);
    for (const key of t.lead) link(organisation(key), "LEAD", task, p);
    for (const key of t.cooperating) link(organisation(key), "COOPERATES", task, p);
    if (t.status) {
      const report = `StatusReport|${t.status.key}`;
      link(task, "HAS_STATUS", report, p);
      link(report, "REPORTED_BY", document(t.status.reportedBy), p);
    }
  }
  for (const g of rows.targets) {
    for (const key of g.setBy) link(`Target|${g.key}`, "PART_OF", document(key), g.provenance);
    if (g.task) link(`Task|${g.task}`, "SETS_TARGET", `Target|${g.key}`, g.provenance);
  }
  for (const a of rows.actions) {
    const action = `Action|${a.key}`;
    for (const key of a.servesTasks) link(action, "SERVES", `Task|${key}`, a.provenance);
    for (const key of a.servesDocuments) link(action, "SERVES", document(key), a.provenance);
    if (a.actor) link(action, "PERFORMED_BY", organisation(a.actor), a.provenance);
  }
  for (const s of rows.statistics) link(`Statistics|${s.key}`, "PART_OF", self, s.provenance);
  for (const f of rows.findings) link(`Finding|${f.key}`, "FOUND_IN", self, f.provenance);

  const issued = new Set<string>();
  const issuers = rows.issuers.filter((i) => {
    const key = `${i.document}\u0000${i.organisation}`;
    if (issued.has(key)) return false;
    issued.add(key);
    return true;
  });
  return { facts: [...facts.values()], issuers };
}
