// Turns one file's extraction into the rows the ingest statements UNWIND, and checks them first:
// Community Edition enforces only uniqueness, so existence and types of properties are enforced
// here. Every row of a kind has every property key, null where the text gives no value: the
// statements set each property by name (null keeps what another file wrote), and a constant shape
// keeps their plans cached. A row that breaks the contract is an extractor bug and refuses the whole file (nothing is
// written); a reference to a key the extraction does not define is a data problem and becomes a
// warning, the link being left out.
import neo4j, { type Integer } from "neo4j-driver";
import { fold } from "../extract/normalise.ts";
import { resolveRegistered } from "../extract/organisations/index.ts";
import type {
  DocumentRef,
  Extraction,
  OrganisationTier,
  RelationKind,
  Span,
  TaskStatus,
} from "../extract/types.ts";
import {
  DOCUMENT_RELATION_KINDS,
  DOCUMENT_TYPE_NAMES,
  ORGANISATION_TIERS,
  TASK_STATUSES,
} from "../extract/vocabulary.ts";

export const RELATION_KINDS: ReadonlySet<RelationKind> = new Set(DOCUMENT_RELATION_KINDS);

const TIERS: ReadonlySet<OrganisationTier> = new Set(ORGANISATION_TIERS);

const STATUSES: ReadonlySet<TaskStatus> = new Set(TASK_STATUSES);

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The file being ingested, as the Source node records it. */
export interface SourceMeta {
  key: string;
  name: string;
  path: string;
  sha256: string;
  format: string;
  bytes: number;
}

type Props = Record<string, unknown>;

export interface MentionRow {
  start: Integer | null;
  end: Integer | null;
  quote: string;
}

/** Where in the file a fact was read, as every extracted relationship records it. */
export interface Provenance {
  source: string;
  start: Integer | null;
  end: Integer | null;
  quote: string;
  confidence: number;
  extractorVersion: string;
}

/** An extracted node other than a document or organisation: its properties and where it was read. */
export interface NodeRow {
  key: string;
  props: Props;
  mention: MentionRow;
  provenance: Provenance;
}

export interface StatusRow {
  key: string;
  value: TaskStatus;
  reportedOn: string | null;
  reportedBy: string;
  mention: MentionRow;
}

export interface IngestRows {
  source: Props & { key: string };
  selfKey: string;
  documents: { key: string; own: boolean; props: Props; mentions: MentionRow[]; confidence: number }[];
  organisations: { key: string; registered: boolean; props: Props; mentions: MentionRow[] }[];
  issuers: {
    document: string;
    organisation: string;
    own: boolean;
    quote: string;
    start: Integer | null;
    end: Integer | null;
  }[];
  relations: { from: string; to: string; kind: RelationKind; props: Provenance & { cue: string } }[];
  tasks: (NodeRow & {
    assignedBy: string[];
    implements: string[];
    results: string[];
    lead: string[];
    cooperating: string[];
    status: StatusRow | null;
  })[];
  /** `task`: the task whose row or item states the target, when the text ties it to one. */
  targets: (NodeRow & { setBy: string[]; task: string | null })[];
  actions: (NodeRow & { servesTasks: string[]; servesDocuments: string[]; actor: string | null })[];
  statistics: NodeRow[];
  findings: NodeRow[];
  warnings: string[];
  /** Nodes and relationships this file contributes, for the summary and for the crash test. */
  counts: { documents: number; relations: number; tasks: number; actions: number; findings: number };
}

export class ExtractionContractError extends Error {
  constructor(file: string, what: string) {
    super(`${file}: extraction breaks the graph contract (${what}); nothing was written`);
    this.name = "ExtractionContractError";
  }
}

export function buildRows(extraction: Extraction, source: SourceMeta, text: string): IngestRows {
  const file = source.path;
  const fail = (what: string): never => {
    throw new ExtractionContractError(file, what);
  };
  const warnings: string[] = extraction.warnings.map((w) => `${w.message} (characters ${w.start}–${w.end})`);
  const str = (value: unknown, what: string): string =>
    typeof value === "string" && value.length > 0 ? value : fail(`${what} must be a non-empty string`);
  const span = (s: Span | null | undefined, what: string): MentionRow => {
    if (!s || !Number.isSafeInteger(s.start) || !Number.isSafeInteger(s.end) || s.start < 0) {
      return fail(`${what}: span must have integer start/end`);
    }
    if (s.end < s.start || s.end > text.length) fail(`${what}: span ${s.start}–${s.end} outside the text`);
    return { start: neo4j.int(s.start), end: neo4j.int(s.end), quote: s.text };
  };
  const date = (value: string | null | undefined, what: string): string | null => {
    if (value === null || value === undefined) return null;
    return ISO_DATE.test(value) ? value : fail(`${what}: "${value}" is not an ISO date`);
  };
  const tier = (value: unknown, what: string): OrganisationTier | null => {
    if (value === null || value === undefined) return null;
    return TIERS.has(value as OrganisationTier) ? (value as OrganisationTier) : fail(`${what}: unknown tier`);
  };
  const confidence = (value: unknown, what: string): number =>
    typeof value === "number" && value >= 0 && value <= 1
      ? value
      : fail(`${what}: confidence must be in 0..1`);
  const version = str(extraction.extractorVersion, "extractorVersion");

  const selfKey = str(extraction.document.key, "document.key");
  const resolve = (key: string) => (key === "SELF" ? selfKey : key);

  // --- documents: the file's own, then those it cites ---
  const documents: IngestRows["documents"] = [
    {
      key: selfKey,
      own: true,
      props: { ...documentProps(extraction.document, false), candidates: null },
      mentions: [],
      confidence: 1,
    },
  ];
  const documentKeys = new Set([selfKey]);
  for (const c of extraction.citations) {
    const key = str(c.key, "citation.key");
    date(c.date, `citation ${key}`);
    if (documentKeys.has(key)) continue; // a citation of the document itself is its own text
    documentKeys.add(key);
    documents.push({
      key,
      own: false,
      props: { ...documentProps(c, c.ambiguous), candidates: c.candidates ?? null },
      mentions: c.mentions.map((m, i) => span(m, `citation ${key} mention ${i}`)),
      confidence: c.ambiguous ? 0.5 : 1,
    });
  }
  date(extraction.document.date, "document.date");

  // --- organisations mentioned in the text ---
  const organisations: IngestRows["organisations"] = extraction.organisations.map((o) => ({
    key: str(o.key, "organisation.key"),
    registered: o.registered === true,
    props: {
      name: o.name,
      nameFolded: folded(o.name),
      label: o.name,
      tier: tier(o.tier, `organisation ${o.key}`),
      jurisdiction: o.jurisdiction ?? null,
      registered: o.registered === true,
      // A group of bodies named by their kind ("Các sở, ban, ngành"): absent for a single body.
      collective: o.collective === true ? true : null,
    },
    // An organisation resolved without a quotable span (e.g. the issuer behind a symbol suffix)
    // still gets one MENTIONS, so the file's claim on it is recorded and replaced like any other.
    mentions: o.mentions.length
      ? o.mentions.map((m, i) => span(m, `organisation ${o.key} mention ${i}`))
      : [{ start: null, end: null, quote: o.name }],
  }));
  const organisationKeys = new Set(organisations.map((o) => o.key));
  const firstMention = new Map(organisations.map((o) => [o.key, o.mentions[0] ?? null]));

  const issuers: IngestRows["issuers"] = [];
  for (const d of [extraction.document, ...extraction.citations]) {
    if (!documentKeys.has(d.key)) continue;
    // The citation pass names the issuer; when it has not resolved it to an organisation, the
    // registry resolves the name in the document's own place and time, so that the document's tier
    // is known (ISSUED_BY reaches the registry node, loaded before any file).
    const issuerKey =
      d.issuerKey ??
      (d.issuer
        ? (resolveRegistered(d.issuer, { jurisdiction: d.jurisdiction, date: d.date })?.key ?? null)
        : null);
    if (!issuerKey) continue;
    const at = firstMention.get(issuerKey) ?? null;
    issuers.push({
      document: d.key,
      own: d === extraction.document,
      organisation: issuerKey,
      quote: d.issuer ?? at?.quote ?? issuerKey,
      start: at?.start ?? null,
      end: at?.end ?? null,
    });
  }

  const provenance = (s: MentionRow, conf: number): Provenance => ({
    source: source.key,
    start: s.start,
    end: s.end,
    quote: s.quote,
    confidence: conf,
    extractorVersion: version,
  });
  const known = (key: string, what: string, keys: Set<string>): boolean => {
    if (keys.has(key)) return true;
    warnings.push(`${what} refers to ${key}, which this file does not define; link left out`);
    return false;
  };
  const docRefs = (keys: string[], what: string) =>
    keys.map(resolve).filter((k) => known(k, what, documentKeys));
  const orgRefs = (keys: string[], what: string) => keys.filter((k) => known(k, what, organisationKeys));

  // --- relations between documents ---
  const relations: IngestRows["relations"] = [];
  for (const r of extraction.relations) {
    if (!RELATION_KINDS.has(r.kind)) fail(`relation kind "${r.kind}" is not in the model`);
    const from = resolve(str(r.from, "relation.from"));
    const to = resolve(str(r.to, "relation.to"));
    if (!known(from, `${r.kind} relation`, documentKeys) || !known(to, `${r.kind} relation`, documentKeys))
      continue;
    const at = span({ start: r.start, end: r.end, text: text.slice(r.start, r.end) }, `relation ${r.kind}`);
    relations.push({
      from,
      to,
      kind: r.kind,
      props: { ...provenance(at, confidence(r.confidence, `relation ${r.kind}`)), cue: r.cue },
    });
  }

  // --- obligations ---
  const taskKeys = new Set(extraction.tasks.map((t) => str(t.key, "task.key")));
  const tasks = extraction.tasks.map((t) => {
    const at = span(t.span, `task ${t.key}`);
    const status = t.status;
    if (status && !STATUSES.has(status.value)) fail(`task ${t.key}: unknown status ${status.value}`);
    const assignedBy = t.assignedBy ? docRefs([t.assignedBy], `task ${t.ref} assignedBy`) : [];
    return {
      key: t.key,
      props: {
        ref: t.ref ?? null,
        label: t.content,
        content: t.content,
        contentFolded: folded(t.content),
        deadlineText: t.deadline?.text ?? null,
        deadlineFrom: date(t.deadline?.from, `task ${t.key} deadline`),
        deadlineTo: date(t.deadline?.to, `task ${t.key} deadline`),
        recurring: t.deadline?.recurring ?? false,
        product: t.product ?? null,
        productFolded: t.product ? folded(t.product) : null,
        section: t.section ?? null,
      },
      mention: at,
      provenance: provenance(at, 1),
      assignedBy,
      implements: docRefs(t.implements, `task ${t.ref} implements`),
      results: docRefs(t.results, `task ${t.ref} results`),
      lead: orgRefs(t.leadKeys, `task ${t.ref} lead`),
      cooperating: orgRefs(t.cooperatingKeys, `task ${t.ref} cooperating`),
      status:
        status && known(resolve(status.reportedBy), `task ${t.ref} status`, documentKeys)
          ? {
              key: `${t.key}@${resolve(status.reportedBy)}`,
              value: status.value,
              reportedOn: date(status.reportedOn, `task ${t.key} status`),
              reportedBy: resolve(status.reportedBy),
              mention: t.statusSpan ? span(t.statusSpan, `task ${t.key} status`) : at,
            }
          : null,
    };
  });

  const targets = extraction.targets.map((g) => {
    const at = span(g.span, `target ${g.key}`);
    return {
      key: str(g.key, "target.key"),
      props: {
        label: g.indicator,
        indicator: g.indicator,
        indicatorFolded: folded(g.indicator),
        unit: g.unit ?? null,
        comparator: g.comparator ?? null,
        value: g.value ?? null,
        valueText: g.valueText ?? null,
        horizon: g.horizon ?? null,
      },
      mention: at,
      provenance: provenance(at, 1),
      setBy: docRefs([g.setBy], `target ${g.key} setBy`),
      task: g.task !== undefined && known(g.task, `target ${g.key} task`, taskKeys) ? g.task : null,
    };
  });

  const actions = extraction.actions.map((a) => {
    const at = span(a.span, `action ${a.key}`);
    const serves = a.serves.map(resolve);
    return {
      key: str(a.key, "action.key"),
      props: {
        label: a.text,
        text: a.text,
        textFolded: folded(a.text),
        actor: a.actor ?? null,
        partners: a.partners.length ? a.partners : null,
        quantity: a.quantity ?? null,
        unit: a.unit ?? null,
        total: a.total ?? null,
      },
      mention: at,
      provenance: provenance(at, 1),
      servesTasks: serves.filter((k) => taskKeys.has(k)),
      servesDocuments: serves
        .filter((k) => !taskKeys.has(k))
        .filter((k) => known(k, `action ${a.key} serves`, documentKeys)),
      actor: a.actorKey && known(a.actorKey, `action ${a.key} actor`, organisationKeys) ? a.actorKey : null,
    };
  });

  const count = (n: number | null) => (n === null ? null : neo4j.int(n));
  const statistics = extraction.statistics.map((s) => {
    const at = span(s.span, `statistics ${s.key}`);
    return {
      key: str(s.key, "statistics.key"),
      props: {
        label: s.label,
        assigned: count(s.assigned),
        completed: count(s.completed),
        completedLate: count(s.completedLate),
        notCompleted: count(s.notCompleted),
        overdue: count(s.overdue),
        asOf: date(s.asOf, `statistics ${s.key} asOf`),
      },
      mention: at,
      provenance: provenance(at, 1),
    };
  });

  const findings = extraction.findings.map((f) => {
    const evidence = f.evidence.map((e, i) => span(e, `finding ${f.key} evidence ${i}`));
    const at = evidence[0] ?? { start: neo4j.int(0), end: neo4j.int(0), quote: "" };
    return {
      key: str(f.key, "finding.key"),
      props: {
        label: f.messageEn,
        kind: f.kind,
        severity: f.severity,
        messageVi: f.messageVi,
        messageViFolded: folded(f.messageVi),
        messageEn: f.messageEn,
        messageEnFolded: folded(f.messageEn),
        evidence: JSON.stringify(f.evidence),
      },
      mention: at,
      provenance: provenance(at, 1),
    };
  });

  return {
    source: {
      key: source.key,
      name: source.name,
      label: source.name,
      path: source.path,
      sha256: source.sha256,
      format: source.format,
      bytes: neo4j.int(source.bytes),
      chars: neo4j.int(text.length),
      extractorVersion: version,
    },
    selfKey,
    documents,
    organisations,
    issuers,
    relations,
    tasks,
    targets,
    actions,
    statistics,
    findings,
    warnings,
    counts: {
      documents: documents.length,
      relations: relations.length,
      tasks: tasks.length,
      actions: actions.length,
      findings: findings.length,
    },
  };
}

function documentProps(d: DocumentRef, ambiguous: boolean): Props {
  const name = DOCUMENT_TYPE_NAMES[d.type] ?? DOCUMENT_TYPE_NAMES.OTHER;
  const label = d.symbol
    ? `${name} ${d.symbol}${d.issuer ? ` của ${d.issuer}` : ""}`
    : (d.title ?? `${name}${d.issuer ? ` của ${d.issuer}` : ""}`);
  return {
    label,
    symbol: d.symbol ?? null,
    symbolFolded: d.symbol ? folded(d.symbol) : null,
    type: d.type,
    system: d.system ?? null,
    issuer: d.issuer ?? null,
    issuerFolded: d.issuer ? folded(d.issuer) : null,
    issuerKey: d.issuerKey ?? null,
    issuedOn: d.date ?? null,
    year: d.date ? neo4j.int(Number(d.date.slice(0, 4))) : null,
    title: d.title ?? null,
    titleFolded: d.title ? folded(d.title) : null,
    jurisdiction: d.jurisdiction ?? null,
    ambiguous,
  };
}

/** The searchable twin of a text: NFC, then diacritics removed, đ→d, lower case. */
export function folded(text: string): string {
  return fold(text.normalize("NFC"));
}
