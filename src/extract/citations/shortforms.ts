// Short forms that point back to a document already cited in full (grammar §4 rule 7):
// "NQ 57", "NQ71", "Nghị quyết 57", "Chương trình hành động số 26", and aliases introduced by
// "(sau đây gọi tắt là …)" / "(gọi tắt là CTHĐ)". They add mentions; they never create documents.
import type { DocumentType } from "../types.ts";
import type { Anchor } from "./model.ts";
import { typeOfWord } from "./typewords.ts";
import { isUpperAt, type TextView } from "./view.ts";

const ABBR: Record<string, DocumentType> = {
  nq: "RESOLUTION",
  nd: "DECREE",
  qd: "DECISION",
  ct: "DIRECTIVE",
  kl: "CONCLUSION",
  kh: "PLAN",
  ctr: "PROGRAMME",
  tb: "NOTICE",
};
// A number followed by a unit or another symbol part is a quantity or a full symbol, not a short form.
const NOT_AFTER = String.raw`(?![0-9]|[ \t]?[/-][ \t]?[0-9a-z]|\s+(?:nam|thang|ngay|nhiem vu|lan|nguoi|ty|trieu|%))`;
const ABBR_RE = new RegExp(String.raw`(nq|nd|qd|ct|kl|kh|ctr|tb)[ \t]?(\d{1,5})${NOT_AFTER}`, "g");
const WORD_RE = new RegExp(
  String.raw`(nghi quyet|nghi dinh|quyet dinh|chi thi|ket luan|ke hoach|chuong trinh hanh dong|chuong trinh|de an|thong bao|thong tu|cong van|van ban)\s+(?:so\s+)?(\d{1,5})${NOT_AFTER}`,
  "g",
);
const ALIAS_RE = /\(\s*(?:sau day\s+)?goi\s+(?:tat\s+)?la\s*:?\s*([^()\n]{1,60}?)\s*\)/g;

export interface ShortMention {
  start: number;
  end: number;
  candidates: Anchor[];
}

function numberOf(symbol: string | null): number | null {
  if (symbol === null) return null;
  const m = /^(\d+)/.exec(symbol);
  return m ? Number(m[1]) : null;
}

function compatible(a: DocumentType, b: DocumentType): boolean {
  if (a === b) return true;
  const letter = (t: DocumentType) => t === "OFFICIAL_LETTER";
  return letter(a) || letter(b);
}

/** Whether `pos` falls inside a full reference (anchors sorted by start). */
function inside(pos: number, anchors: Anchor[]): boolean {
  let lo = 0;
  let hi = anchors.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const a = anchors[mid] as Anchor;
    if (a.start > pos) hi = mid - 1;
    else if (pos >= a.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Short forms resolved against the documents (one representative anchor per document). */
export function findShortForms(v: TextView, docs: Anchor[], anchors: Anchor[]): ShortMention[] {
  const out: ShortMention[] = [];
  const numbered = docs.filter((d) => d.symbol !== null);
  if (numbered.length === 0) return out;
  const scan = (re: RegExp, typeOf: (w: string) => DocumentType | null, capitals: boolean) => {
    re.lastIndex = 0;
    for (let m = re.exec(v.folded); m !== null; m = re.exec(v.folded)) {
      if (/[a-z0-9]/.test(v.folded[m.index - 1] ?? " ")) continue;
      if (capitals && !(isUpperAt(v.plain, m.index) && isUpperAt(v.plain, m.index + 1))) continue;
      if (inside(m.index, anchors)) continue;
      const type = typeOf(m[1] as string);
      const n = Number(m[2]);
      if (type === null) continue;
      const candidates = numbered.filter((d) => numberOf(d.symbol) === n && compatible(d.type, type));
      if (candidates.length > 0) out.push({ start: m.index, end: m.index + m[0].length, candidates });
    }
  };
  scan(ABBR_RE, (w) => ABBR[w] ?? null, true);
  scan(WORD_RE, typeOfWord, false);
  return out.sort((a, b) => a.start - b.start);
}

export interface Alias {
  /** The anchor the alias names. */
  target: Anchor;
  text: string;
  start: number;
  end: number;
}

/** "(sau đây gọi tắt là X)" after a reference: X then names that document. */
export function findAliases(v: TextView, anchors: Anchor[]): Alias[] {
  const out: Alias[] = [];
  ALIAS_RE.lastIndex = 0;
  for (let m = ALIAS_RE.exec(v.folded); m !== null; m = ALIAS_RE.exec(v.folded)) {
    const aliasStart = m.index + m[0].lastIndexOf(m[1] as string);
    const text = v.plain.slice(aliasStart, aliasStart + (m[1] as string).length).trim();
    // A symbol as alias is already a citation; only bare names are new.
    if (/\d+\s*[/-]\s*\p{L}/u.test(text) || text.length < 2) continue;
    let target: Anchor | null = null;
    for (const a of anchors) {
      if (a.start >= m.index) break;
      target = a;
    }
    if (target === null || /[;\n]/.test(v.folded.slice(target.end, m.index))) continue;
    // "Chương trình hành động … thực hiện Nghị quyết số 71/NQ-CP (gọi tắt là CTHĐ)" names the programme.
    const t = target;
    target = anchors.find((a) => a.linked === t && a.start < t.start && a.symbol === null) ?? target;
    out.push({ target, text, start: aliasStart, end: aliasStart + text.length });
  }
  return out;
}

/** Later uses of an alias, as whole words, case-sensitive as written. */
export function aliasUses(v: TextView, alias: Alias): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (
    let i = v.plain.indexOf(alias.text, alias.end);
    i >= 0;
    i = v.plain.indexOf(alias.text, i + alias.text.length)
  ) {
    const before = v.plain[i - 1] ?? " ";
    const after = v.plain[i + alias.text.length] ?? " ";
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    out.push({ start: i, end: i + alias.text.length });
  }
  return out;
}
