// The extraction contract: what `src/extract` produces from one document's text, and what
// `src/graph` writes and `npx chidao extract` prints. Everything here is plain JSON-serialisable
// data so the CLI output and the graph writer share one shape.
//
// Offsets (`start`, `end`) are UTF-16 code-unit offsets into the ORIGINAL input string (before
// normalisation), end exclusive, so `input.slice(start, end)` is the quoted text.

import type {
  DOCUMENT_RELATION_KINDS,
  DOCUMENT_SYSTEMS,
  DOCUMENT_TYPES,
  ORGANISATION_TIERS,
  TASK_STATUSES,
} from "./vocabulary.ts";

/** A piece of evidence: where in the original text a fact was read. */
export interface Span {
  start: number;
  end: number;
  /** The original text of the span, as written (not normalised). */
  text: string;
}

/** The three symbol systems (see docs/vn-document-grammar.md §0). */
export type DocumentSystem = (typeof DOCUMENT_SYSTEMS)[number];

/**
 * Document types, in English, with the Vietnamese term. Kept as a closed set so that the graph and
 * the API can use it as an enum.
 */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Canonical document reference as extracted (the document itself or one it cites). */
export interface DocumentRef {
  /**
   * Canonical identity key: system + jurisdiction + canonical symbol + year, e.g.
   * "party|national|36-NQ/TW|2023", "state-admin|quang-tri|243/KH-UBND|2023",
   * "state-norm|quang-tri|36/2024/NQ-HĐND|2024". Unnumbered documents get a key derived from their
   * descriptive title ("untitled|quang-tri|programme:<folded title>|2024"). Keys are stable across runs
   * and across documents, which is what lets two files link to the same node.
   */
  key: string;
  /** Canonical symbol (NFC, no spaces, ASCII separators, official capitals) or null. */
  symbol: string | null;
  type: DocumentType;
  system: DocumentSystem;
  /** Canonical issuer name, e.g. "Bộ Chính trị", "Ban Thường vụ Tỉnh ủy Quảng Trị", or null. */
  issuer: string | null;
  /** Organisation key of the issuer when resolved to the registry (see ExtractedOrganisation.key). */
  issuerKey: string | null;
  /** ISO date "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when only partly known, or null. */
  date: string | null;
  title: string | null;
  /** "national" or a province slug like "quang-tri" (folded, hyphenated); null when unknown. */
  jurisdiction: string | null;
}

export interface Citation extends DocumentRef {
  /** True when the reference could not be resolved to exactly one document. */
  ambiguous: boolean;
  /** Keys of the candidate documents when ambiguous. */
  candidates?: string[];
  mentions: Span[];
}

export type RelationKind = (typeof DOCUMENT_RELATION_KINDS)[number];

export interface Relation {
  /** "SELF" (the document being read) or a citation key. */
  from: string;
  to: string;
  kind: RelationKind;
  /** The cue phrase as written. */
  cue: string;
  start: number;
  end: number;
  confidence: number;
}

export interface Warning {
  message: string;
  start: number;
  end: number;
}

/** Result of reading citations, identity and relations (issue: citations). */
export interface CitationExtraction {
  document: DocumentRef;
  citations: Citation[];
  relations: Relation[];
  warnings: Warning[];
}

// ---- Obligations (issue: organisations, tasks, targets, actions, statistics, findings) ----

export type OrganisationTier = (typeof ORGANISATION_TIERS)[number];

export interface ExtractedOrganisation {
  /** Registry key ("org:quang-tri:skhcn") or a derived key for organisations not in the registry. */
  key: string;
  name: string;
  tier: OrganisationTier;
  jurisdiction: string | null;
  /** True when the organisation came from the registry, false when created from the text. */
  registered: boolean;
  /** A group of bodies named by their kind ("Các sở, ban, ngành", "UBND các huyện"), not one body. */
  collective?: true;
  mentions: Span[];
}

/** A deadline as written plus the interval it denotes (ISO dates, inclusive). */
export interface Deadline {
  text: string;
  from: string | null;
  to: string | null;
  /** "Thường xuyên" / "Hằng năm" deadlines recur rather than expire. */
  recurring: boolean;
}

export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface StatusObservation {
  value: TaskStatus;
  /** Key of the report that made the claim (usually the document itself). */
  reportedBy: string;
  /** ISO date (possibly partial) of the claim. */
  reportedOn: string | null;
  span: Span;
}

export interface Task {
  key: string;
  /** Id as written in the source: "Nhiệm vụ số 74", "1.", "a)". */
  ref: string;
  content: string;
  /** Organisation names as written; resolved organisation keys in leadKeys. */
  lead: string[];
  leadKeys: string[];
  cooperating: string[];
  cooperatingKeys: string[];
  deadline: Deadline | null;
  product: string | null;
  /** Section context such as "Quý II/2024" or "I. Hoàn thiện thể chế". */
  section: string | null;
  assignedBy: string | null;
  implements: string[];
  status: Omit<StatusObservation, "span"> | null;
  statusSpan: Span | null;
  /** Keys of documents that resulted from the task (e.g. a department's plan). */
  results: string[];
  actions: string[];
  span: Span;
  /** Where the task was read: a row of a table, or an item of a numbered/lettered list. */
  from?: "table" | "list";
}

export interface Target {
  key: string;
  indicator: string;
  unit: string | null;
  /** Comparator as written: "≥", "≤", "=", "khoảng" … */
  comparator: string | null;
  value: number | null;
  valueText: string;
  horizon: string | null;
  /** Key of the document that sets the target. */
  setBy: string;
  span: Span;
  /** Key of the task whose row or list item states the target ("hỗ trợ tối thiểu 30 doanh nghiệp"). */
  task?: string;
}

export interface Action {
  key: string;
  text: string;
  actor: string | null;
  actorKey: string | null;
  partners: string[];
  quantity: number | null;
  unit: string | null;
  /** The whole the quantity is a count of, when written as a fraction: "8/13 trung tâm" is 8 of 13. */
  total?: number;
  /** Keys of tasks and/or documents the action serves. */
  serves: string[];
  span: Span;
}

/** Reported statistics of one table or summary line. */
export interface Statistics {
  key: string;
  label: string;
  assigned: number | null;
  completed: number | null;
  completedLate: number | null;
  notCompleted: number | null;
  overdue: number | null;
  /** Reported as still in progress (đang thực hiện), when the report counts them separately. */
  inProgress?: number | null;
  /** The date the counts stand at when the text says so ("Tính đến ngày 15/6/2024, …"). */
  asOf?: string;
  span: Span;
}

export type FindingKind =
  | "TOTALS_MISMATCH"
  | "IMPLEMENTS_LATER_DOCUMENT"
  | "ISSUER_SPELLING_VARIANTS"
  | "DATE_DISAGREEMENT"
  | "TASK_WITHOUT_LEAD"
  | "OVERDUE_REPORTED_ON_TRACK"
  | "UNREADABLE_TABLE";

export type Severity = "INFO" | "WARNING" | "ERROR";

export interface Finding {
  key: string;
  kind: FindingKind;
  severity: Severity;
  messageVi: string;
  messageEn: string;
  evidence: Span[];
}

export interface ObligationExtraction {
  organisations: ExtractedOrganisation[];
  tasks: Task[];
  targets: Target[];
  actions: Action[];
  statistics: Statistics[];
  findings: Finding[];
  warnings: Warning[];
}

/** The full extraction of one file: what `chidao extract` prints and what ingest writes. */
export interface Extraction extends CitationExtraction, ObligationExtraction {
  file: string;
  /** Version of the extractor, recorded as provenance on every node and relationship. */
  extractorVersion: string;
}
