// Text normalisation for matching Vietnamese documents. Real files mix NFD and NFC, look-alike
// letters (Ð U+00D0 for Đ), typographic dashes, no-break spaces, soft hyphens and two accent
// placements (hoà/hòa). Matching runs on the normalised text; every span found there is mapped
// back to the ORIGINAL input so provenance quotes the text as written.

export interface NormalisedText {
  /** NFC text with look-alikes, dashes, slashes and spaces unified; may be shorter than the input. */
  text: string;
  /** Maps an offset in `text` (0..text.length) to the offset in the original input. */
  toOriginal(offset: number): number;
  /** fold(text), folded once however many readers of the document ask for it. */
  folded(): string;
}

// Characters replaced one-for-one, or removed ("").
const REPLACE: Record<string, string> = {
  "\u00D0": "Đ", // Ð eth
  "\u00F0": "đ", // ð eth
  "\u0189": "Đ", // Ɖ African D
  "\u0256": "đ", // ɖ
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\uFE63": "-",
  "\uFF0D": "-",
  "\u2215": "/",
  "\u2044": "/",
  "\uFF0F": "/",
  "\u29F8": "/",
  "\u00A0": " ",
  "\u1680": " ",
  "\u2000": " ",
  "\u2001": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u2004": " ",
  "\u2005": " ",
  "\u2006": " ",
  "\u2007": " ",
  "\u2008": " ",
  "\u2009": " ",
  "\u200A": " ",
  "\u202F": " ",
  "\u205F": " ",
  "\u3000": " ",
  "\u00AD": "", // soft hyphen
  "\u200B": "", // zero-width space
  "\u200C": "",
  "\u200D": "",
  "\u2060": "",
  "\uFEFF": "", // BOM
};
const REMOVE = 0xffff;
// One code unit in, one (or none) out: a table lookup per code unit instead of a regex scan.
let replaceTable: Uint16Array | null = null;

function buildReplaceTable(): Uint16Array {
  const t = new Uint16Array(65536);
  for (const [from, to] of Object.entries(REPLACE))
    t[from.charCodeAt(0)] = to === "" ? REMOVE : to.charCodeAt(0);
  return t;
}

const decoder = new TextDecoder("utf-16le");

// Tone marks (dấu thanh) — the only marks whose placement differs between the two styles.
const TONES = "\u0300\u0301\u0303\u0309\u0323";
// Old style puts the tone on the first vowel of oa/oe/uy at the end of a syllable (hòa, khỏe, thủy);
// the canonical form here is the new style (hoà, khoẻ, thuỷ). "quý" is untouched: there the u belongs
// to the consonant "qu" and both styles agree.
const toned = (bases: string) =>
  [...bases].flatMap((b) => [...TONES].map((t) => `${b}${t}`.normalize("NFC"))).join("");
// Without the u flag and without look-around, so the scan stays fast; the context is checked in code.
const OLD_STYLE_RE = new RegExp(`([${toned("oO")}])([aAeE])|([${toned("uU")}])([yY])`, "g");
const LETTER_RE = /[\p{L}\p{M}]/u;
// Every pair OLD_STYLE_RE can match, with the tone moved to the second vowel (hòa → hoà), worked
// out once instead of normalising each occurrence.
const NEW_STYLE = new Map(
  [...toned("oO")]
    .flatMap((o) => [..."aAeE"].map((v) => [o, v]))
    .concat([...toned("uU")].flatMap((u) => [..."yY"].map((v) => [u, v])))
    .map(([first, vowel]) => {
      const d = (first as string).normalize("NFD");
      return [`${first}${vowel}`, `${d[0]}${`${vowel}${d.slice(1)}`.normalize("NFC")}`];
    }),
);

/**
 * Offset map as breakpoints: within a run starting at out[k], original = orig[k] + (offset - out[k]).
 * Edits are sparse in real text, so this stays small where a per-character table would not.
 */
class OffsetMap {
  private readonly out: number[] = [];
  private readonly orig: number[] = [];

  /** Records that output offset `o` corresponds to original offset `s` (o non-decreasing). */
  mark(o: number, s: number): void {
    const k = this.out.length - 1;
    if (k >= 0) {
      const outK = this.out[k] as number;
      const origK = this.orig[k] as number;
      if (origK + (o - outK) === s) return; // already implied by the current run
      if (outK === o) {
        this.orig[k] = s;
        return;
      }
    }
    this.out.push(o);
    this.orig.push(s);
  }

  map(offset: number): number {
    const out = this.out;
    if (out.length === 0) return offset;
    let lo = 0;
    let hi = out.length - 1;
    if (offset < (out[0] as number)) return offset;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((out[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.orig[lo] as number) + (offset - (out[lo] as number));
  }
}

// What a code unit asks of normalise(), as bits: NFC may change it (combining marks, singletons
// such as U+212B Ångström, Hangul jamo, surrogates — astral marks are rare; a surrogate sends the
// text down the careful path); it is replaced or removed (REPLACE); it can open an old-style tone
// pair (hòa). One scan of this table tells which steps a text needs: most need neither NFC nor the
// tone swap, and a table lookup per code unit is much cheaper than running either to find out.
const NFC_SENSITIVE = 1;
const REPLACED = 2;
const TONED_O = 4;
const TONED_U = 8;
let unitFlags: Uint8Array | null = null;

const flagsOf = (c: number) => (unitFlags as Uint8Array)[c] as number;

function buildUnitFlags(): Uint8Array {
  const t = new Uint8Array(65536);
  const mark = /\p{M}/u;
  for (let c = 0x80; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = NFC_SENSITIVE;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (mark.test(ch) || ch.normalize("NFC") !== ch || (c >= 0x1100 && c <= 0x11ff)) t[c] = NFC_SENSITIVE;
  }
  for (const from of Object.keys(REPLACE))
    t[from.charCodeAt(0)] = (t[from.charCodeAt(0)] as number) | REPLACED;
  for (const ch of toned("oO")) t[ch.charCodeAt(0)] = (t[ch.charCodeAt(0)] as number) | TONED_O;
  for (const ch of toned("uU")) t[ch.charCodeAt(0)] = (t[ch.charCodeAt(0)] as number) | TONED_U;
  return t;
}

/**
 * The UTF-16 code units of a text as an array (a native copy): the scans below read them about
 * twice as fast as they read the string through charCodeAt.
 */
function codeUnits(text: string): Uint16Array {
  const buf = Buffer.from(text, "utf16le");
  return new Uint16Array(buf.buffer, buf.byteOffset, text.length);
}

/** Composes NFC segment by segment (a base character plus its marks) so offsets stay mappable. */
function composeNfc(input: string, map: OffsetMap): string {
  const parts: string[] = [];
  const segRe = /\P{M}\p{M}*|\p{M}+/gu;
  let o = 0;
  let last = 0; // start of the pending unchanged run in `input`
  for (let m = segRe.exec(input); m !== null; m = segRe.exec(input)) {
    const seg = m[0];
    if (seg.length === 1) continue;
    const composed = seg.normalize("NFC");
    if (composed === seg) continue;
    if (m.index > last) {
      parts.push(input.slice(last, m.index));
      o += m.index - last;
    }
    map.mark(o, m.index);
    for (let i = 1; i < composed.length; i++) map.mark(o + i, m.index + Math.min(i, seg.length - 1));
    parts.push(composed);
    o += composed.length;
    last = m.index + seg.length;
    map.mark(o, last);
  }
  parts.push(input.slice(last));
  return parts.join("");
}

/**
 * Look-alikes replaced and invisible characters removed (REPLACE) in one pass over `units`,
 * removals recorded in `map`; the flags of every code unit are OR-ed into `seen` on the way, so the
 * same pass tells whether the text needs NFC at all, and it notes where an old-style tone pair
 * (OLD_STYLE_RE: toned o before a or e, toned u before y) starts in the output. Those positions hold
 * only when nothing was removed: replacements are one for one and neither make nor break a pair.
 */
function replaceUnits(
  units: Uint16Array,
  map: OffsetMap,
): { out: Uint16Array; length: number; seen: number; removed: boolean; pairs: number[] } {
  if (unitFlags === null) unitFlags = buildUnitFlags();
  if (replaceTable === null) replaceTable = buildReplaceTable();
  const flags = unitFlags;
  const table = replaceTable;
  const n = units.length;
  const out = new Uint16Array(n);
  const pairs: number[] = [];
  let o = 0;
  let seen = 0;
  let removed = false;
  for (let i = 0; i < n; i++) {
    const c = units[i] as number;
    const f = flags[c] as number;
    seen |= f;
    if ((f & REPLACED) === 0) {
      out[o++] = c;
      if ((f & (TONED_O | TONED_U)) !== 0) {
        const next = units[i + 1];
        if (
          f & TONED_O
            ? next === 0x61 || next === 0x41 || next === 0x65 || next === 0x45
            : next === 0x79 || next === 0x59
        )
          pairs.push(o - 1);
      }
    } else {
      const r = table[c] as number;
      if (r !== REMOVE) out[o++] = r;
      else {
        map.mark(o, i + 1);
        removed = true;
      }
    }
  }
  return { out, length: o, seen, removed, pairs };
}

/** Old-style tone placement moved to the new style (hòa → hoà) for a match of OLD_STYLE_RE at `at`. */
function newStyle(pair: string, uy: boolean, at: number, whole: string): string {
  // Only at the end of a syllable, and "qu" + y belongs to the consonant (quý).
  if (LETTER_RE.test(whole[at + 2] ?? "")) return pair;
  if (uy && (whole[at - 1] === "q" || whole[at - 1] === "Q")) return pair;
  return NEW_STYLE.get(pair) as string;
}

/**
 * Normalises a document's text for matching. Offsets of the result map back to `original` through
 * `toOriginal`; `text` is what the extractors read.
 */
export function normalise(original: string): NormalisedText {
  let units = codeUnits(original);
  let second = new OffsetMap();
  let replaced = replaceUnits(units, second);
  const seen = replaced.seen;
  const first = new OffsetMap();
  let nfc = original;
  if (seen & NFC_SENSITIVE) {
    // NFC first, then the replacements on what it composed (rare: the text was not NFC).
    nfc = composeNfc(original, first);
    if (nfc !== original) {
      units = codeUnits(nfc);
      second = new OffsetMap();
      replaced = replaceUnits(units, second);
    }
  }
  let text = nfc;
  if (replaced.seen & REPLACED) {
    const { out, length } = replaced;
    // Buffer decodes faster than TextDecoder; only text with surrogates (flagged NFC-sensitive)
    // needs the decoder, which turns lone ones into U+FFFD.
    text =
      seen & NFC_SENSITIVE
        ? decoder.decode(out.subarray(0, length))
        : Buffer.from(out.buffer, out.byteOffset, length * 2).toString("utf16le");
  }

  // Accent placement is a same-length swap, so the offset map is unaffected. Where the scan saw
  // every pair (nothing composed, nothing removed) only those are looked at; otherwise the pattern
  // finds them in the text.
  if (seen & NFC_SENSITIVE || replaced.removed)
    text = text.replace(
      OLD_STYLE_RE,
      (pair: string, _o, _a, u: string | undefined, _y, at: number, whole: string) =>
        newStyle(pair, u !== undefined, at, whole),
    );
  else if (replaced.pairs.length > 0) {
    const parts: string[] = [];
    let last = 0;
    for (const at of replaced.pairs) {
      const pair = text.slice(at, at + 2);
      const swapped = newStyle(pair, (flagsOf(text.charCodeAt(at)) & TONED_U) !== 0, at, text);
      if (swapped === pair) continue;
      parts.push(text.slice(last, at), swapped);
      last = at + 2;
    }
    if (last > 0) text = parts.join("") + text.slice(last);
  }

  const len = original.length;
  let folded: string | null = null;
  return {
    text,
    toOriginal(offset: number): number {
      const clamped = Math.max(0, Math.min(offset, text.length));
      return Math.min(len, first.map(second.map(clamped)));
    },
    folded(): string {
      folded ??= fold(text);
      return folded;
    },
  };
}

// Fold table for the Basic Multilingual Plane, built lazily on first use: one code unit in, one out,
// so folded text keeps the offsets of the text it was folded from.
let foldTable: Uint16Array | null = null;
// Code units that fold to a-z and are written in lower case (differ from their upper case).
let lowerTable: Uint8Array | null = null;

function buildFoldTable(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    t[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    const base = ch.normalize("NFD")[0] ?? ch;
    const lower = base.toLowerCase();
    t[c] = lower.length === 1 ? lower.charCodeAt(0) : base.charCodeAt(0);
  }
  t[0x0110] = 0x64; // Đ -> d
  t[0x0111] = 0x64; // đ -> d
  t[0x00d0] = 0x64;
  t[0x00f0] = 0x64;
  t[0x0189] = 0x64;
  lowerTable = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    const f = t[c] as number;
    if (f < 97 || f > 122) continue;
    const ch = String.fromCharCode(c);
    if (ch !== ch.toUpperCase()) lowerTable[c] = 1;
  }
  return t;
}

/**
 * Folds for matching and search: diacritics removed, đ -> d, lower case. Length-preserving (one
 * UTF-16 code unit per code unit), so an offset in the folded text is an offset in its input.
 * Combining marks left standing alone (rare after NFC) are kept rather than dropped for that reason.
 */
export function fold(text: string): string {
  if (foldTable === null) foldTable = buildFoldTable();
  const table = foldTable;
  const n = text.length;
  if (n <= SHORT_FOLD) {
    // A few words: building the string directly beats setting up a decoder.
    const out = new Uint16Array(n);
    for (let i = 0; i < n; i++) out[i] = table[text.charCodeAt(i)] as number;
    // The decoder turns a lone surrogate into U+FFFD, fromCharCode keeps it: text with any
    // surrogate (emoji, broken input; rare) keeps the decoder, so a fold is what it always was.
    if (SURROGATE.test(text)) return decoder.decode(out);
    return String.fromCharCode.apply(null, out as unknown as number[]);
  }
  return foldUnits(Buffer.from(text, "utf16le"), n, false);
}

/**
 * fold(text) where a soft wrap reads as a space: a line break followed by a lower-case letter,
 * after anything but the end of a sentence or clause ("Thực hiện Công\nvăn số 400/UBND-KT"). The
 * citation readers match phrases word by word; the wrap is found during the fold, same length.
 */
export function foldUnwrapped(text: string): string {
  if (foldTable === null) foldTable = buildFoldTable();
  return foldUnits(Buffer.from(text, "utf16le"), text.length, true);
}

/**
 * Folds the code units of `buf` in place and decodes them: natively encoded and decoded, about twice
 * as fast as reading the string a character at a time. Surrogates are noticed on the way, so only
 * text that has them pays the decoder (lone ones become U+FFFD, as they always did).
 */
function foldUnits(buf: Buffer, n: number, unwrap: boolean): string {
  const table = foldTable as Uint16Array;
  const lower = lowerTable as Uint8Array;
  const units = new Uint16Array(buf.buffer, buf.byteOffset, n);
  let surrogate = false;
  let prev = 10; // the text starts as if after a line break
  for (let i = 0; i < n; i++) {
    const c = units[i] as number;
    if ((c & 0xf800) === 0xd800) surrogate = true;
    units[i] = table[c] as number;
    // A soft wrap: the next character folds to a-z and is written in lower case, and the previous
    // one is not a line break, full stop, colon or semicolon.
    if (unwrap && c === 10 && i + 1 < n && lower[units[i + 1] as number] === 1) {
      if (prev !== 10 && prev !== 46 && prev !== 58 && prev !== 59) units[i] = 32;
    }
    prev = c;
  }
  return surrogate ? decoder.decode(units) : buf.toString("utf16le");
}

const SHORT_FOLD = 32;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Whether a UTF-16 code unit is white space as JavaScript's \s and String.prototype.trim see it. */
export function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Collapses runs of white space to one space and trims: `text.replace(/\s+/g, " ").trim()`. Most
 * cells and clauses need at most the trim; a native test tells, and only the rest pay the replace.
 */
export function squash(text: string): string {
  const t = text.trim();
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, " ") : t;
}

// Markdown and HTML decoration that splits citations in converted documents: **bold**, *italic*,
// <b>tags</b>, table pipes, heading hashes, escaped markdown characters.
const DECORATION_RE =
  /<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?\/?>|\*+|_{2,}|\\(?=[*_#|[\]()`\\-])|\||^#{1,6}(?= )|`+|&nbsp;/gm;

/**
 * Replaces Markdown/HTML decoration with spaces of the same length, so matching sees plain prose
 * while every offset still points into the same text.
 */
export function blankDecoration(text: string): string {
  return text.replace(DECORATION_RE, (m) => BLANKS[m.length] ?? " ".repeat(m.length));
}

// Most decoration is a pipe or a pair of stars: their blanks are made once, not per occurrence.
const BLANKS = Array.from({ length: 17 }, (_, n) => " ".repeat(n));
