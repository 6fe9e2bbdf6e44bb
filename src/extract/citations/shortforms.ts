// Short forms that point back to a document already cited in full (grammar §4 rule 7):
// "NQ 57", "NQ71", "Nghị quyết 57", "Chương trình hành động số 26", and aliases introduced by
// "(sau đây gọi tắt là …)" / "(gọi tắt là CTHĐ)". They add mentions; they never create documents.
import { isSpace } from "../normalise.ts";
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
// Anchored (sticky): tried only where a form could end at a number (findShortForms).
const ABBR_AT = new RegExp(String.raw`(nq|nd|qd|ct|kl|kh|ctr|tb)[ \t]?(\d{1,5})${NOT_AFTER}`, "y");
const WORDS = [
  "nghi quyet",
  "nghi dinh",
  "quyet dinh",
  "chi thi",
  "ket luan",
  "ke hoach",
  "chuong trinh hanh dong",
  "chuong trinh",
  "de an",
  "thong bao",
  "thong tu",
  "cong van",
  "van ban",
];
const WORD_AT = new RegExp(String.raw`(${WORDS.join("|")})\s+(?:so\s+)?(\d{1,5})${NOT_AFTER}`, "y");
// Anchored (sticky) at each "(" in turn (indexOf finds them faster than the engine tries every position).
const ALIAS_AT = /\(\s*(?:sau day\s+)?goi\s+(?:tat\s+)?la\s*:?\s*([^()\n]{1,60}?)\s*\)/y;

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

// Every short form ends in a number that follows its word or abbreviation. Numbers are rarer than
// the letters the words open with, so the patterns are tried only where they could end at a number:
// from each run of digits back over the space (and "số") in front of it to a word ending there, the
// same pattern anchored (sticky) at that word. A match covers one run of digits and only letters and
// spaces before it, so matches never overlap and these are the matches of the global scan.
const isSpaceAt = (f: string, i: number) => i >= 0 && isSpace(f.charCodeAt(i));

const DIGIT_RUN = /[0-9]+/g;

/**
 * Starts of the runs of digits in `f` whose value is in `numbers`, in order. The engine finds the
 * runs (faster than a loop); test() instead of exec() leaves no match object behind for each of
 * them (dates, amounts, counts: most runs are no cited document's number).
 */
function runsOf(f: string, numbers: Set<number | null>): number[] {
  const out: number[] = [];
  DIGIT_RUN.lastIndex = 0;
  while (DIGIT_RUN.test(f)) {
    const end = DIGIT_RUN.lastIndex;
    // Back to the run's start; a run longer than a form's number (5 digits) is no form's.
    let start = end;
    while (start > 0 && end - start <= 5 && isDigit(f.charCodeAt(start - 1))) start--;
    if (end - start > 5) continue;
    let n = 0;
    for (let i = start; i < end; i++) n = n * 10 + f.charCodeAt(i) - 48;
    if (numbers.has(n)) out.push(start);
  }
  return out;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The match of the sticky `re` at `at` if it takes in the run of digits at `d`. */
function execAt(re: RegExp, f: string, at: number, d: number): RegExpExecArray | null {
  if (at < 0) return null;
  re.lastIndex = at;
  const m = re.exec(f);
  return m !== null && re.lastIndex > d ? m : null;
}

/** The abbreviation form ending at the run of digits at `d` ("NQ57", "NQ 57"), if any. */
function abbrAt(f: string, d: number): RegExpExecArray | null {
  const end = f[d - 1] === " " || f[d - 1] === "\t" ? d - 1 : d;
  // Every abbreviation ends in one of these letters (nq, nd, qd, ct, kl, kh, ctr, tb).
  if (!"qdtlhrb".includes(f[end - 1] ?? " ")) return null;
  return execAt(ABBR_AT, f, end - 3, d) ?? execAt(ABBR_AT, f, end - 2, d);
}

/** Start of a word of WORDS that ends at `e`, or -1. */
function wordEndingAt(f: string, e: number): number {
  // Every word ends in one of these letters.
  if (!"thingou".includes(f[e - 1] ?? " ")) return -1;
  for (const w of WORDS) if (f.startsWith(w, e - w.length)) return e - w.length;
  return -1;
}

/** The word form ending at the run of digits at `d` ("Nghị quyết số 57"), if any. */
function wordAt(f: string, d: number): RegExpExecArray | null {
  let q = d;
  while (isSpaceAt(f, q - 1)) q--;
  if (q === d) return null;
  // "… số 57": the word ends before "số" (no word ends in "so", and none ends in another, so
  // there is at most one word per end and the one before "số" starts first).
  if (f.startsWith("so", q - 2) && isSpaceAt(f, q - 3)) {
    let r = q - 2;
    while (isSpaceAt(f, r - 1)) r--;
    const m = execAt(WORD_AT, f, wordEndingAt(f, r), d);
    if (m !== null) return m;
  }
  return execAt(WORD_AT, f, wordEndingAt(f, q), d);
}

/** Short forms resolved against the documents (one representative anchor per document). */
export function findShortForms(v: TextView, docs: Anchor[], anchors: Anchor[]): ShortMention[] {
  const out: ShortMention[] = [];
  const numbered = docs.filter((d) => d.symbol !== null);
  if (numbered.length === 0) return out;
  // A form names a document only by its number: runs of digits that are no cited document's number
  // (most of them: dates, amounts, counts) are not tried at all.
  const known = new Set(numbered.map((d) => numberOf(d.symbol)));
  const runs = runsOf(v.folded, known);
  const scan = (
    at: (f: string, d: number) => RegExpExecArray | null,
    typeOf: (w: string) => DocumentType | null,
    capitals: boolean,
  ) => {
    for (const d of runs) {
      const m = at(v.folded, d);
      if (m === null) continue;
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
  scan(abbrAt, (w) => ABBR[w] ?? null, true);
  scan(wordAt, typeOfWord, false);
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
  for (let p = v.folded.indexOf("("); p >= 0; p = v.folded.indexOf("(", p + 1)) {
    ALIAS_AT.lastIndex = p;
    const m = ALIAS_AT.exec(v.folded);
    if (m === null) continue;
    p = ALIAS_AT.lastIndex - 1; // a global scan goes on after the match
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
