// Working records shared by the citation readers. Offsets are in the normalised text; index.ts maps
// them to the original input when it builds the output.
import type { DocumentSystem, DocumentType, RelationKind } from "../types.ts";
import type { Issuer } from "./issuers.ts";

/** One place where the text names a document: a numbered citation or a named document without number. */
export interface Anchor {
  /** Span quoted as the mention (type word through symbol, or the named document's words). */
  start: number;
  end: number;
  /** End of the whole reference: date, issuer phrase and place included. */
  tailEnd: number;
  symbol: string | null;
  system: DocumentSystem;
  type: DocumentType;
  issuer: Issuer | null;
  /** True when the issuer was read from the prose rather than the symbol's suffix. */
  issuerProse: boolean;
  date: string | null;
  /** Year that identifies the document: the symbol's year segment, else the date's. */
  year: string | null;
  jurisdiction: string | null;
  /** Named documents: descriptive title and key descriptor. */
  title: string | null;
  /** Where the title is written (normalised offsets), so the output can quote it as written. */
  titleSpan: [number, number] | null;
  descriptor: string | null;
  /** Named documents: the numbered document that identifies them (its year dates them). */
  linked: Anchor | null;
  /** Filled when documents are grouped. */
  key: string;
  /** "SELF" when the anchor turned out to be the document itself. */
  self: boolean;
}

export interface PendingRelation {
  from: Anchor | "SELF";
  to: Anchor | "SELF";
  kind: RelationKind;
  cueStart: number;
  cueEnd: number;
  confidence: number;
}

export interface PendingWarning {
  message: string;
  start: number;
  end: number;
}
