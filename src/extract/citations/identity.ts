// Document identity (issue 3 §3): a symbol is not a document. 243/KH-UBND exists in every province
// every year, Party numbers restart each term, so the key is
//   <system>|<jurisdiction>|<canonical symbol>|<year>
// with system "party" | "state-norm" | "state-admin", jurisdiction "national" or a province slug
// ("quang-tri"), and "?" for a part that could not be read (the citation is then marked ambiguous).
// Documents without a number (a draft, or "Đề án … ban hành kèm theo Quyết định 324/QĐ-UBND") get
//   untitled|<jurisdiction>|<type>:<descriptor>|<year>
// where the descriptor names what identifies them ("kem-theo-324/QĐ-UBND", "thuc-hien-01/NQ-CP", or
// the folded title).
import type { DocumentSystem, DocumentType } from "../types.ts";
import { slug } from "./view.ts";

const SYSTEM_PREFIX: Record<DocumentSystem, string> = {
  PARTY: "party",
  STATE_NORMATIVE: "state-norm",
  STATE_ADMINISTRATIVE: "state-admin",
  UNKNOWN: "unknown",
};

export const UNKNOWN_PART = "?";

export function symbolKey(
  system: DocumentSystem,
  jurisdiction: string | null,
  symbol: string,
  year: string | null,
): string {
  return `${SYSTEM_PREFIX[system]}|${jurisdiction ?? UNKNOWN_PART}|${symbol}|${year ?? UNKNOWN_PART}`;
}

export function untitledKey(
  jurisdiction: string | null,
  type: DocumentType,
  descriptor: string,
  year: string | null,
): string {
  return `untitled|${jurisdiction ?? UNKNOWN_PART}|${type.toLowerCase()}:${descriptor}|${year ?? UNKNOWN_PART}`;
}

/** Descriptor from a title: folded, hyphenated, bounded so keys stay readable. */
export function titleDescriptor(title: string): string {
  return slug(title).slice(0, 80).replace(/-+$/, "");
}

/** Jurisdiction slug of a place name ("Quảng Trị" -> "quang-tri"); null for an empty name. */
export function jurisdictionOf(place: string | null): string | null {
  if (place === null) return null;
  const s = slug(place.replace(/^(?:tỉnh|thành phố|TỈNH|THÀNH PHỐ)\s+/u, ""));
  return s === "" ? null : s;
}
