// Numbered citations: a symbol with the type word in front of it and the date and issuer after it.
import type { DocumentType } from "../types.ts";
import { issuerOfCode } from "./codes.ts";
import { dateAfter, yearOf } from "./dates.ts";
import { jurisdictionOf } from "./identity.ts";
import { type Issuer, issuerAfter, issuerAt, issuerBefore, resolveDepartmentCode } from "./issuers.ts";
import type { Anchor, PendingWarning } from "./model.ts";
import { canonicalSymbol, type RawSymbol } from "./symbols.ts";
import { type TypeWord, typeWordBefore } from "./typewords.ts";
import { isUpperAt, type TextView } from "./view.ts";

export interface CitingContext {
  /** Jurisdiction of the citing document: local issuer codes (UBND, TU, Sở …) belong to it. */
  jurisdiction: string | null;
  departmentCodes: string[];
}

/** Resolves department-code variants in place and reports the correction. */
export function fixIssuerCode(s: RawSymbol, ctx: CitingContext, warnings: PendingWarning[]): void {
  if (s.issuerCode === null) return;
  const fixed = resolveDepartmentCode(s.issuerCode, ctx.departmentCodes);
  if (fixed !== s.issuerCode) {
    warnings.push({
      message: `issuer code ${s.issuerCode} read as ${fixed} (spelling variant)`,
      start: s.start,
      end: s.end,
    });
    s.issuerCode = fixed;
  }
}

function resolveType(s: RawSymbol, word: { type: DocumentType; generic: boolean } | null): DocumentType {
  const ambiguousCode = s.typeCode === null || s.typeCode === "QĐ" || s.typeCode === "TT";
  // QĐ, TT and symbols without a type code (công văn, QH) are named by the word in front.
  if (word && !word.generic && ambiguousCode) return word.type;
  if (s.codeType !== null) return s.codeType;
  if (word) return word.type;
  if (s.system === "PARTY") return s.typeCode === "TT" ? "PARTY_CIRCULAR" : "DECISION";
  if (s.issuerCode !== null && /^(?:QH|UBTVQH)\d/.test(s.issuerCode))
    return s.issuerCode.startsWith("QH") ? "LAW" : "RESOLUTION";
  return "OTHER";
}

// "Luật Khoa học và Công nghệ số 29/2013/QH13": a law or ordinance is cited by its name, and its
// number, when written, follows the name; the name is the document's title.
const LAW_NAME = /(?<![a-z])(bo luat|luat|phap lenh) ([^;\n]{3,150}?) so\s*:?\s*$/;

function lawNameBefore(v: TextView, s: RawSymbol): { word: TypeWord; title: [number, number] } | null {
  if (s.issuerCode === null || !/^(?:QH|UBTVQH)\d/.test(s.issuerCode)) return null;
  const from = Math.max(0, s.start - 200);
  const m = LAW_NAME.exec(v.folded.slice(from, s.start));
  if (m === null) return null;
  const start = from + m.index;
  if (!isUpperAt(v.plain, start)) return null;
  const typeWord = m[1] as string;
  const nameEnd = start + typeWord.length + 1 + (m[2] as string).length;
  return {
    word: { type: typeWord === "phap lenh" ? "ORDINANCE" : "LAW", start, generic: false },
    title: [start, nameEnd],
  };
}

export function anchorOf(
  v: TextView,
  s: RawSymbol,
  nextStart: number,
  ctx: CitingContext,
  warnings: PendingWarning[],
): Anchor {
  fixIssuerCode(s, ctx, warnings);
  for (const message of s.warnings) warnings.push({ message, start: s.start, end: s.end });
  const direct = typeWordBefore(v.folded, v.plain, s.start);
  const law = direct === null ? lawNameBefore(v, s) : null;
  const word = direct ?? law?.word ?? null;
  const type = resolveType(s, word);
  if (
    word &&
    !word.generic &&
    s.codeType !== null &&
    s.typeCode !== "QĐ" &&
    s.typeCode !== "TT" &&
    word.type !== s.codeType
  ) {
    warnings.push({
      message: `type word and symbol disagree; the symbol's code (${s.typeCode}) is kept`,
      start: word.start,
      end: s.end,
    });
  }
  const date = dateAfter(v.folded, s.end, nextStart);
  // "Nghị định số 88/NĐ-CP ngày 13/4/2025" has lost the year segment of 88/2025/NĐ-CP.
  if (s.system === "STATE_NORMATIVE" && s.year === null && date !== null) {
    s.year = yearOf(date.iso);
    warnings.push({
      message: `normative symbol without its year; read as ${canonicalSymbol(s)}`,
      start: s.start,
      end: s.end,
    });
  }
  const afterDate = date?.end ?? s.end;
  const prose =
    issuerAfter(v.folded, v.plain, afterDate) ??
    (date === null
      ? null
      : (issuerAfter(v.folded, v.plain, s.end) ?? issuerAt(v.folded, v.plain, afterDate + 1))) ??
    issuerBefore(v.folded, v.plain, word?.start ?? s.start);
  const code = s.issuerCode ? issuerOfCode(s.issuerCode) : null;
  let issuer: Issuer | null = prose;
  if (issuer === null && code !== null) issuer = { name: code.name, national: code.national, place: null };
  let jurisdiction: string | null;
  if (prose !== null)
    jurisdiction = prose.national ? "national" : (jurisdictionOf(prose.place) ?? ctx.jurisdiction);
  else if (code !== null) jurisdiction = code.national ? "national" : ctx.jurisdiction;
  else jurisdiction = ctx.jurisdiction;
  const symbol = canonicalSymbol(s);
  const d = date?.iso ?? null;
  return {
    start: word?.start ?? s.start,
    end: s.end,
    tailEnd: Math.max(s.end, afterDate, prose?.end ?? 0),
    symbol,
    system: s.system,
    type,
    issuer: issuer === null ? null : { name: issuer.name, national: issuer.national, place: issuer.place },
    issuerProse: prose !== null,
    date: d,
    year: s.year ?? (d !== null && d.length >= 4 ? yearOf(d) : null),
    jurisdiction,
    title: null,
    titleSpan: law?.title ?? null,
    descriptor: null,
    linked: null,
    key: "",
    self: false,
  };
}
