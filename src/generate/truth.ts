// The ground truth the generator writes next to the documents (ground-truth.jsonl, one record per
// file), so that extraction can be scored at scale. Identity is what a reader can check from the
// text alone — canonical symbol + jurisdiction + year — never an internal key, so any extractor's
// output can be compared with it.
import type { DocumentSystem, DocumentType, RelationKind, TaskStatus } from "../extract/types.ts";

export interface TruthDocument {
  /** `${symbol}|${jurisdiction}|${year}`; see documentId. */
  id: string;
  /** Canonical symbol: NFC, no spaces, ASCII separators, official capitals (71-CTr/TU, 60/2021/NĐ-CP). */
  symbol: string;
  /** "national" or a province slug ("quang-tri"). */
  jurisdiction: string;
  year: number;
  type: DocumentType;
  system: DocumentSystem;
  /** Canonical issuer ("Bộ Chính trị", "Ban Thường vụ Tỉnh ủy Quảng Trị", "Sở Y tế tỉnh Quảng Trị"). */
  issuer: string;
  /** ISO date of issue. */
  date: string;
  title: string | null;
}

export interface TruthCitation extends TruthDocument {
  /** Every way the text wrote this reference, as written (deviations included). */
  written: string[];
}

export interface TruthRelation {
  from: string;
  kind: RelationKind;
  to: string;
}

export interface TruthDeadline {
  text: string;
  from: string | null;
  to: string | null;
}

export interface TruthTask {
  /** Id as written in its row, without a trailing dot ("12"). */
  ref: string;
  content: string;
  /** Canonical organisation names. */
  lead: string[];
  cooperating: string[];
  deadline: TruthDeadline | null;
  product: string | null;
  section: string | null;
  /** Document that assigns the task (the plan; for a report row, the plan it reports on). */
  assignedBy: string;
  implements: string[];
  /** Status as claimed by this document (report rows only). */
  status: { value: TaskStatus; reportedOn: string } | null;
}

export interface TruthStatistics {
  assigned: number;
  completed: number;
  completedLate: number;
  notCompleted: number;
  overdue: number;
  /** True when the generator wrote totals that do not add up on purpose (an audit finding to find). */
  inconsistent: boolean;
}

export interface TruthRecord {
  /** Path relative to the output directory. */
  file: string;
  document: TruthDocument;
  citations: TruthCitation[];
  relations: TruthRelation[];
  tasks: TruthTask[];
  statistics: TruthStatistics[];
  /** Deviation kind → how many times it was applied in this file. */
  deviations: Record<string, number>;
}

export function documentId(symbol: string, jurisdiction: string, year: number): string {
  return `${symbol}|${jurisdiction}|${year}`;
}
