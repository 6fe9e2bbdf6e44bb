// What one file adds to an offline first load, computed where the file was extracted (a worker
// thread): its relationships as finished CSV lines, because a file's relationships are its own
// (the transactional writer CREATEs them), and its nodes as plain values, because nodes are shared
// between files and must be merged in file order (fold.ts) before they can be written.
import { isInt } from "neo4j-driver";
import { fileLinks } from "../links.ts";
import type { IngestRows, MentionRow } from "../rows.ts";
import { type Props, relationshipLine, type Value } from "./csv.ts";

export interface NodeContribution {
  key: string;
  props: Props;
}

/** A node whose tier is its organisation's (a task's first lead unit, an action's actor). */
export interface TieredContribution extends NodeContribution {
  tierOf: string | null;
}

export interface IssuerContribution {
  document: string;
  organisation: string;
  own: boolean;
  /** ISSUED_BY's line, written once the organisation is known to exist (see fold.ts). */
  line: string;
}

export interface FileContribution {
  source: NodeContribution;
  documents: (NodeContribution & { own: boolean })[];
  organisations: NodeContribution[];
  tasks: TieredContribution[];
  statuses: NodeContribution[];
  targets: NodeContribution[];
  actions: TieredContribution[];
  statistics: NodeContribution[];
  findings: NodeContribution[];
  issuers: IssuerContribution[];
  /** MENTIONS, CONTAINS and every link the file states, as lines of the relationships file. */
  relationships: string[];
}

/** The driver's Integer as the bigint a worker can post and the CSV types as long. */
function plain(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.toBigInt();
  return value as Value;
}

function plainProps(props: Record<string, unknown>): Props {
  const out: Props = {};
  for (const [name, value] of Object.entries(props)) out[name] = plain(value);
  return out;
}

const int = (value: unknown): bigint | null => plain(value) as bigint | null;

/**
 * The file's contribution, mirroring the ingest statements (cypher/queries/ingest-*.cypher): one
 * MENTIONS per row and span, CONTAINS for its own document, links grouped by fact (links.ts).
 */
export function contributionOf(rows: IngestRows): FileContribution {
  const source = `Source|${rows.source.key}`;
  const version = rows.source.extractorVersion as string;
  const relationships: string[] = [];
  const mention = (label: string, key: string, m: MentionRow, confidence: number) =>
    relationships.push(
      relationshipLine(source, "MENTIONS", `${label}|${key}`, {
        start: int(m.start),
        end: int(m.end),
        quote: m.quote,
        confidence,
        extractorVersion: version,
      }),
    );

  for (const d of rows.documents) {
    if (d.own)
      relationships.push(
        relationshipLine(source, "CONTAINS", `Document|${d.key}`, { extractorVersion: version }),
      );
    for (const m of d.mentions) mention("Document", d.key, m, d.confidence);
  }
  for (const o of rows.organisations) for (const m of o.mentions) mention("Organisation", o.key, m, 1);
  const node =
    (label: string) => (r: { key: string; props: Record<string, unknown>; mention: MentionRow }) => {
      mention(label, r.key, r.mention, 1);
      return { key: r.key, props: plainProps(r.props) };
    };
  const tasks = rows.tasks.map((t) => ({ ...node("Task")(t), tierOf: t.lead[0] ?? null }));
  const statuses = rows.tasks.flatMap((t) => {
    if (!t.status) return [];
    const s = t.status;
    mention("StatusReport", s.key, s.mention, 1);
    return [{ key: s.key, props: { value: s.value, reportedOn: s.reportedOn, label: s.value } }];
  });
  const targets = rows.targets.map(node("Target"));
  const actions = rows.actions.map((a) => ({ ...node("Action")(a), tierOf: a.actor }));
  const statistics = rows.statistics.map(node("Statistics"));
  const findings = rows.findings.map(node("Finding"));

  const { facts, issuers } = fileLinks(rows, (label, key) => `${label}|${key}`);
  for (const fact of facts)
    for (const l of fact.links)
      relationships.push(
        relationshipLine(l.from, l.type, l.to, {
          source: rows.source.key,
          start: int(fact.start),
          end: int(fact.end),
          quote: fact.quote,
          confidence: fact.confidence,
          cue: fact.cue,
          extractorVersion: version,
        }),
      );

  return {
    source: { key: rows.source.key, props: plainProps(rows.source) },
    documents: rows.documents.map((d) => ({ key: d.key, own: d.own, props: plainProps(d.props) })),
    organisations: rows.organisations.map((o) => ({ key: o.key, props: plainProps(o.props) })),
    tasks,
    statuses,
    targets,
    actions,
    statistics,
    findings,
    issuers: issuers.map((i) => ({
      document: i.document,
      organisation: i.organisation,
      own: i.own,
      line: relationshipLine(`Document|${i.document}`, "ISSUED_BY", `Organisation|${i.organisation}`, {
        source: rows.source.key,
        start: int(i.start),
        end: int(i.end),
        quote: i.quote,
        confidence: 1,
        extractorVersion: version,
      }),
    })),
    relationships,
  };
}
