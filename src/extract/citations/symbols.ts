// The three symbol grammars (grammar §0, §4): legal normative số/năm/LOẠI-CQ, administrative
// số/LOẠI-CQ (công văn số/CQ-ĐV), Party số-LOẠI/CQ. Matching runs on folded text; every quantifier is
// bounded and the alternatives are anchored on digits, so a megabyte of digits and slashes costs a
// constant amount of work per position.
import type { DocumentSystem, DocumentType } from "../types.ts";
import { canonicalSegment, issuerOfCode, isTypeCode, PARTY_ISSUER_HINT, typeOfCode } from "./codes.ts";
import { isUpperAt } from "./view.ts";

const SEG = "[a-z][a-z0-9&]{0,15}";
// A hyphen glued to a code may end a line, the symbol going on after the break ("3187/UBND-\nKGVX":
// grammar §5.1, a line break inside a citation); a spaced hyphen at a line's end ends the symbol.
const ISS = `${SEG}(?:(?:[ \\t]?-[ \\t]?|-\\r?\\n[ \\t]*)${SEG}){0,5}`;
const SYMBOL_RE = new RegExp(
  "(?:" +
    String.raw`(\d{1,5})\s?/\s?((?:19|20)\d{2})\s?/\s?(${ISS})` +
    String.raw`|(\d{1,5})\s?-\s?([a-z]{1,4})\s?/\s?(${ISS})` +
    String.raw`|(\d{1,5}[a-z]?)\s?/\s?(${ISS})` +
    `)(?![a-z0-9&/])`,
  "y",
);
// Every symbol has a slash at most this far from its start ("12345 - ctr /": number, dash, type).
const SLASH_REACH = 13;

export interface RawSymbol {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  system: DocumentSystem;
  number: string;
  /** Year segment of a normative symbol. */
  year: string | null;
  typeCode: string | null;
  /** Issuer code (first issuer segment); for a công văn the agency before the unit. */
  issuerCode: string | null;
  /** Remaining segments (drafting unit, co-issuers). */
  rest: string[];
  /** Type implied by the code, null when ambiguous (QĐ, TT, a QH symbol) or absent. */
  codeType: DocumentType | null;
  warnings: string[];
}

// Segments of a symbol's tail, read with exec from lastIndex 0 (matchAll would clone the pattern
// per symbol).
const SEGMENT_RE = /([^\s-]+)(\s?-\s?|-\r?\n[ \t]*)?/g;
const SEGMENT_END_RE = /[^\s-]+/g;

/** Splits "KH-UBND" into segments, dropping those not written in capitals (prose, not a code). */
function segmentsAt(plain: string, start: number, written: string): string[] {
  const out: string[] = [];
  let offset = start;
  SEGMENT_RE.lastIndex = 0;
  for (let m = SEGMENT_RE.exec(written); m !== null; m = SEGMENT_RE.exec(written)) {
    const part = m[1] as string;
    const at = start + m.index;
    if (!isUpperAt(plain, at)) break;
    const seg = plain.slice(at, at + part.length);
    // After a spaced hyphen ("NĐ - CP") only a code in capitals continues the symbol, not prose.
    if (out.length > 0 && /\s/.test(plain.slice(offset, at)) && seg !== seg.toUpperCase()) break;
    out.push(seg);
    offset = at + part.length;
  }
  return out;
}

/** Offset just after the `count`-th segment of `written` (which starts at `start`). */
function segmentsEnd(written: string, start: number, count: number): number {
  let end = start;
  let n = 0;
  SEGMENT_END_RE.lastIndex = 0;
  for (let m = SEGMENT_END_RE.exec(written); m !== null; m = SEGMENT_END_RE.exec(written)) {
    if (n++ === count) break;
    end = start + m.index + m[0].length;
  }
  return end;
}

function padNumber(n: string): string {
  const m = /^0*(\d+)([a-z]?)$/.exec(n);
  if (!m) return n;
  return `${(m[1] as string).padStart(2, "0")}${m[2]}`;
}

/** Canonical symbol text of a raw symbol. */
export function canonicalSymbol(s: RawSymbol): string {
  const iss = [s.issuerCode, ...s.rest].filter((x): x is string => x !== null);
  if (s.system === "PARTY") return `${s.number}-${s.typeCode}/${iss.join("-")}`;
  const head = s.typeCode !== null ? [s.typeCode, ...iss] : iss;
  if (s.system === "STATE_NORMATIVE" && s.year !== null) return `${s.number}/${s.year}/${head.join("-")}`;
  return `${s.number}/${head.join("-")}`;
}

const QH_TERM = /^(?:QH|UBTVQH)\d{1,2}$/;
// Codes that are always normative: a symbol with them but no year segment has lost its year.
const ALWAYS_NORMATIVE = new Set(["NĐ", "TT", "TTLT"]);

function build(
  plain: string,
  start: number,
  end: number,
  number: string,
  year: string | null,
  party: boolean,
  typeStart: number,
  typePart: string | null,
  restStart: number,
  restWritten: string,
): RawSymbol | null {
  // Numbers run from 01: "0/…" is not a document number.
  if (/^0+[a-z]?$/.test(number)) return null;
  const segs = segmentsAt(plain, restStart, restWritten).map(canonicalSegment);
  const warnings: string[] = [];
  let cut = segs.length === 0 ? -1 : segmentsEnd(restWritten, restStart, segs.length);
  if (party) {
    if (typePart === null || segs.length === 0 || !isUpperAt(plain, typeStart)) return null;
    const typeCode = canonicalSegment(plain.slice(typeStart, typeStart + typePart.length));
    return {
      start,
      end: cut,
      system: "PARTY",
      number: padNumber(number),
      year: null,
      typeCode,
      issuerCode: segs[0] as string,
      rest: segs.slice(1),
      codeType: typeCode === "QĐ" || typeCode === "TT" ? null : typeOfCode(typeCode),
      warnings,
    };
  }
  if (segs.length === 0) return null;
  let typeCode: string | null = null;
  let issuers = segs;
  if (isTypeCode(segs[0] as string) && segs.length > 1) {
    typeCode = segs[0] as string;
    issuers = segs.slice(1);
  } else if (
    segs.length === 1 &&
    year === null &&
    (isTypeCode(segs[0] as string) || issuerOfCode(segs[0] as string) === null)
  ) {
    // "12/KH" or "3/T" alone is not a symbol we can identify; an agency code alone ("15/UBND") is.
    return null;
  }
  // "193/2025/NQ-QH15" is written for the official "193/2025/QH15".
  if (year !== null && typeCode === "NQ" && issuers.length === 1 && QH_TERM.test(issuers[0] as string)) {
    warnings.push(
      `symbol written with NQ inside a National Assembly symbol; read as ${number}/${year}/${issuers[0]}`,
    );
    typeCode = null;
  }
  const issuerCode = issuers[0] as string;
  // Party issuer with state separators ("22/NQ-TU", "31/QĐ-TW") is a Party document.
  if (
    year === null &&
    typeCode !== null &&
    PARTY_ISSUER_HINT.test(issuerCode) &&
    issuerOfCode(issuerCode) !== null
  ) {
    warnings.push(
      `Party issuer ${issuerCode} written with state separators; read as ${padNumber(number)}-${typeCode}/${issuers.join("-")}`,
    );
    return {
      start,
      end: cut,
      system: "PARTY",
      number: padNumber(number),
      year: null,
      typeCode,
      issuerCode,
      rest: issuers.slice(1),
      codeType: typeCode === "QĐ" || typeCode === "TT" ? null : typeOfCode(typeCode),
      warnings,
    };
  }
  let system: DocumentSystem = year !== null ? "STATE_NORMATIVE" : "STATE_ADMINISTRATIVE";
  if (year === null && typeCode !== null && ALWAYS_NORMATIVE.has(typeCode)) system = "STATE_NORMATIVE";
  let codeType: DocumentType | null;
  if (typeCode === null) codeType = QH_TERM.test(issuerCode) ? null : "OFFICIAL_LETTER";
  else codeType = typeCode === "QĐ" || typeCode === "TT" ? null : typeOfCode(typeCode);
  if (typeCode === "TT" || typeCode === "QĐ") codeType = typeCode === "TT" ? "CIRCULAR" : "DECISION";
  if (cut < 0) cut = end;
  return {
    start,
    end: cut,
    system,
    number: padNumber(number),
    year,
    typeCode,
    issuerCode,
    rest: issuers.slice(1),
    codeType,
    warnings,
  };
}

/**
 * The matches of SYMBOL_RE, in order, as a global scan would give them. Each has a slash within
 * SLASH_REACH of its start, which is a digit; slashes are rare and indexOf finds them far faster
 * than the engine tries every digit, so the pattern is tried (sticky) only at the digits in reach
 * in front of each slash, each position once.
 */
function symbolMatches(folded: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let tried = 0; // every position before this has been tried or lies inside a match
  for (let q = folded.indexOf("/"); q >= 0; q = folded.indexOf("/", q + 1)) {
    for (let s = Math.max(tried, q - SLASH_REACH); s < q; s++) {
      const c = folded.charCodeAt(s);
      if (c < 48 || c > 57) continue;
      SYMBOL_RE.lastIndex = s;
      const m = SYMBOL_RE.exec(folded);
      if (m === null) continue;
      out.push(m);
      tried = s + m[0].length;
      break;
    }
    tried = Math.max(tried, q);
  }
  return out;
}

/** Every symbol in the text, in order. */
export function findSymbols(folded: string, plain: string): RawSymbol[] {
  const out: RawSymbol[] = [];
  for (const m of symbolMatches(folded)) {
    const start = m.index;
    // The symbol must not continue a number, a path or a word ("số31-QĐ/TW" glued to "số" is fine).
    const prev = folded[start - 1];
    if (
      prev !== undefined &&
      /[0-9a-z/.,&-]/.test(prev) &&
      !(prev === "o" && folded[start - 2] === "s" && !/[a-z]/.test(folded[start - 3] ?? " "))
    )
      continue;
    const end = start + m[0].length;
    const tail = m[3] ?? m[6] ?? m[8];
    if (tail === undefined) continue;
    const restStart = end - tail.length;
    let s: RawSymbol | null;
    if (m[1] !== undefined)
      s = build(plain, start, end, m[1], m[2] as string, false, -1, null, restStart, tail);
    else if (m[4] !== undefined) {
      const dash = m[0].indexOf("-");
      const typeStart = start + dash + 1 + (/\s/.test(m[0][dash + 1] ?? "") ? 1 : 0);
      s = build(plain, start, end, m[4], null, true, typeStart, m[5] as string, restStart, tail);
    } else s = build(plain, start, end, m[7] as string, null, false, -1, null, restStart, tail);
    if (s !== null) out.push(s);
  }
  return out;
}
