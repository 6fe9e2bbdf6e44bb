// Text normalisation for matching Vietnamese documents. Real files mix NFD and NFC, look-alike
// letters (Ð U+00D0 for Đ), typographic dashes, no-break spaces, soft hyphens and two accent
// placements (hoà/hòa). Matching runs on the normalised text; every span found there is mapped
// back to the ORIGINAL input so provenance quotes the text as written.

export interface NormalisedText {
  /** NFC text with look-alikes, dashes, slashes and spaces unified; may be shorter than the input. */
  text: string;
  /** Maps an offset in `text` (0..text.length) to the offset in the original input. */
  toOriginal(offset: number): number;
  /**
   * text.charCodeAt(offset) for an offset inside `text`, without decoding `text` when it is still
   * code units: readers that look at a few characters of it do not pay for the whole string.
   */
  codeUnitAt(offset: number): number;
  /** fold(text), folded once however many readers of the document ask for it. */
  folded(): string;
  /**
   * What the citation readers match on, made once: `plain` is `text` with its Markdown/HTML
   * decoration blanked (blankDecoration), `folded` is fold(plain) where a soft wrap reads as a space
   * — a line break followed by a letter written in lower case, after anything but the end of a
   * sentence or clause ("Thực hiện Công\nvăn số 400/UBND-KT"): the readers match phrases word by
   * word. Both keep the length of `text`.
   */
  forMatching(): { plain: string; folded: string };
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
const LETTER_RE = /[\p{L}\p{M}]/u;
// Every old-style pair (a toned o before a or e, a toned u before y) with the tone moved to the
// second vowel (hòa → hoà), worked out once instead of normalising each occurrence.
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
// pair (hòa); it can open Markdown/HTML decoration; it is a line break (a soft wrap, perhaps). One
// scan of this table tells which steps a text needs and where: most need neither NFC nor the tone
// swap, and a table lookup per code unit is much cheaper than running either to find out.
const NFC_SENSITIVE = 1;
const REPLACED = 2;
const TONED_O = 4;
const TONED_U = 8;
const DECORATION = 16;
const LINE_BREAK = 32;
let unitFlags: Uint8Array | null = null;

const flagsOf = (c: number) => (unitFlags as Uint8Array)[c] as number;
// Per code unit, its fold in the low 16 bits and its flags above them: the scan reads one table
// entry per code unit instead of two (it visits every code unit of every document).
let foldAndFlags: Uint32Array | null = null;

function buildFoldAndFlags(): Uint32Array {
  if (unitFlags === null) unitFlags = buildUnitFlags();
  if (foldTable === null) foldTable = buildFoldTable();
  const t = new Uint32Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = (foldTable[c] as number) | ((unitFlags[c] as number) << 16);
  return t;
}

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
  for (const ch of DECORATION_CHARS) t[ch.charCodeAt(0)] = DECORATION;
  t[10] = LINE_BREAK;
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

// Room for a copy that is decoded straight away (forMatching): one array, grown as needed, instead
// of a new one per document; texts over a million code units get their own, not kept.
let scratch = new Uint16Array(0);
const SCRATCH_MAX = 1 << 20;

function copyToScratch(units: Uint16Array): Uint16Array {
  const n = units.length;
  if (n > SCRATCH_MAX) return units.slice();
  if (scratch.length < n) scratch = new Uint16Array(Math.min(SCRATCH_MAX, Math.max(n, 2 * scratch.length)));
  const copy = scratch.subarray(0, n);
  copy.set(units);
  return copy;
}

/** The string of `units`, every code unit kept (Buffer decodes faster than TextDecoder). */
const decodeUnits = (units: Uint16Array) =>
  Buffer.from(units.buffer, units.byteOffset, units.length * 2).toString("utf16le");

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

interface Scan {
  /** Code units in the output. */
  length: number;
  /** The flags of every code unit of the input, OR-ed. */
  seen: number;
  /** fold() of each output code unit. */
  folded: Uint16Array;
  /** Output offsets where an old-style tone pair starts, decoration may start, a line breaks. */
  pairs: number[];
  decorations: number[];
  breaks: number[];
}

/**
 * Each code unit of `units` folded, look-alikes replaced (REPLACE) in place, invisible characters
 * removed, in one pass. The flags tell whether the text needs NFC at all, and where an old-style
 * tone pair (a toned o before a or e, a toned u before y; NEW_STYLE), decoration or a line break
 * is. Most code units have no flag and cost a lookup, a fold and a test; removals (rare) close the
 * gaps afterwards (removeGaps). Replacements are one for one and never vowels, so they neither make
 * nor break a pair; a removed character between the two vowels does not separate them.
 */
function scanUnits(units: Uint16Array, map: OffsetMap): Scan {
  if (foldAndFlags === null) foldAndFlags = buildFoldAndFlags();
  if (replaceTable === null) replaceTable = buildReplaceTable();
  const entries = foldAndFlags;
  const table = replaceTable;
  const foldOf = foldTable as Uint16Array;
  const n = units.length;
  const folded = new Uint16Array(n);
  const pairs: number[] = [];
  const decorations: number[] = [];
  const breaks: number[] = [];
  const removals: number[] = [];
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const c = units[i] as number;
    const e = entries[c] as number;
    folded[i] = e; // the store keeps the low 16 bits: the fold
    if (e < 0x10000) continue;
    const f = e >>> 16;
    seen |= f;
    if (f & REPLACED) {
      const r = table[c] as number;
      if (r === REMOVE) removals.push(i);
      else {
        units[i] = r;
        folded[i] = foldOf[r] as number;
      }
    } else if (f & LINE_BREAK) breaks.push(i);
    else if (f & DECORATION) decorations.push(i);
    else if (f & (TONED_O | TONED_U)) {
      let j = i + 1;
      while (j < n && table[units[j] as number] === REMOVE) j++;
      const next = units[j];
      if (
        f & TONED_O
          ? next === 0x61 || next === 0x41 || next === 0x65 || next === 0x45
          : next === 0x79 || next === 0x59
      )
        pairs.push(i);
    }
  }
  const scan: Scan = { length: n, seen, folded, pairs, decorations, breaks };
  if (removals.length > 0) removeGaps(scan, units, removals, map);
  return scan;
}

/**
 * Closes the gaps the removed code units (at `removals`, in order) leave in `units` and the fold,
 * recording them in `map`, and moves the offsets the scan noted to the output's.
 */
function removeGaps(scan: Scan, units: Uint16Array, removals: number[], map: OffsetMap): void {
  const n = units.length;
  let o = removals[0] as number;
  for (let k = 0; k < removals.length; k++) {
    const from = (removals[k] as number) + 1;
    const to = k + 1 < removals.length ? (removals[k + 1] as number) : n;
    map.mark(o, from);
    units.copyWithin(o, from, to);
    scan.folded.copyWithin(o, from, to);
    o += to - from;
  }
  // An offset moves back by the number of removals before it (never one of them: removed code
  // units are noted nowhere else).
  const shift = (offsets: number[]) => {
    let k = 0;
    for (let x = 0; x < offsets.length; x++) {
      const at = offsets[x] as number;
      while (k < removals.length && (removals[k] as number) < at) k++;
      offsets[x] = at - k;
    }
  };
  shift(scan.pairs);
  shift(scan.decorations);
  shift(scan.breaks);
  scan.length = o;
}

/**
 * The old-style pair at `at` of `units` with its tone moved to the new style (hòa → hoà), or null
 * when the pair stays as it is.
 */
function newStyle(units: Uint16Array, at: number, n: number): string | null {
  // Only at the end of a syllable (a lone surrogate is no letter), and "qu" + y belongs to the
  // consonant (quý).
  if (at + 2 < n && LETTER_RE.test(String.fromCharCode(units[at + 2] as number))) return null;
  const before = units[at - 1];
  if ((flagsOf(units[at] as number) & TONED_U) !== 0 && (before === 0x71 || before === 0x51)) return null;
  return NEW_STYLE.get(String.fromCharCode(units[at] as number, units[at + 1] as number)) as string;
}

/**
 * Normalises a document's text for matching. Offsets of the result map back to `original` through
 * `toOriginal`; `text` is what the extractors read.
 */
export function normalise(original: string): NormalisedText {
  let units = codeUnits(original);
  let second = new OffsetMap();
  let scan = scanUnits(units, second);
  const seen = scan.seen;
  const first = new OffsetMap();
  let nfc = original;
  if (seen & NFC_SENSITIVE) {
    // NFC first, then the replacements on what it composed (rare: the text was not NFC).
    nfc = composeNfc(original, first);
    if (nfc !== original) {
      units = codeUnits(nfc);
      second = new OffsetMap();
      scan = scanUnits(units, second);
    }
  }
  const n = scan.length;
  // The code units of `text` (null when the decoder has changed some). Accent placement is a
  // same-length swap in them, so the offset map is unaffected, and so is the fold.
  let kept: Uint16Array | null = units.subarray(0, n);
  let swapped = false;
  for (const at of scan.pairs) {
    const style = newStyle(kept, at, n);
    if (style === null) continue;
    kept[at] = style.charCodeAt(0);
    kept[at + 1] = style.charCodeAt(1);
    swapped = true;
  }
  // `text` (null until read when it is to be decoded from `kept`).
  let text: string | null = nfc;
  if (scan.seen & REPLACED && seen & NFC_SENSITIVE) {
    // Replaced text that may have surrogates: the decoder turns lone ones into U+FFFD, so the
    // code units read no longer match.
    text = decoder.decode(kept);
    kept = null;
  } else if (scan.seen & REPLACED || swapped) {
    // Decoded when first read: the citation readers read `plain`, which is decoded on its own
    // when it differs from `text` (decoration), and a long text is a large object to allocate.
    text = null;
  }
  // `kept` is there whenever `text` is null.
  const textOf = () => {
    text ??= decodeUnits(kept as Uint16Array);
    return text;
  };
  const foldedUnits = scan.folded.subarray(0, n);
  // Text that may have surrogates is decoded by the decoder, as fold() does.
  const decodeFolded = (f: Uint16Array) => (seen & NFC_SENSITIVE ? decoder.decode(f) : decodeUnits(f));

  const len = original.length;
  let folded: string | null = null;
  let matching: { plain: string; folded: string } | null = null;
  return {
    get text() {
      return textOf();
    },
    toOriginal(offset: number): number {
      const clamped = Math.max(0, Math.min(offset, n));
      return Math.min(len, first.map(second.map(clamped)));
    },
    codeUnitAt(offset: number): number {
      return kept !== null ? (kept[offset] as number) : textOf().charCodeAt(offset);
    },
    folded(): string {
      folded ??= decodeFolded(foldedUnits);
      return folded;
    },
    forMatching() {
      if (matching !== null) return matching;
      kept ??= codeUnits(textOf());
      const spans = decorationSpans(kept, scan.decorations);
      let plain: string;
      if (spans.length > 0) {
        const p = copyToScratch(kept);
        blankSpans(p, spans);
        plain = decodeUnits(p);
      } else plain = textOf();
      const f = copyToScratch(foldedUnits);
      blankSpans(f, spans);
      const lower = lowerTable as Uint8Array;
      for (const i of scan.breaks) {
        // Not blanked, followed by a letter that folds to a-z and is written in lower case (so it
        // opens no decoration), after anything but a line break, full stop, colon or semicolon
        // (the text starts as if after a line break; blanked decoration reads as a space).
        if (f[i] !== 10 || i + 1 >= n || lower[kept[i + 1] as number] !== 1) continue;
        const prev = i === 0 ? 10 : f[i - 1] === 32 ? 32 : kept[i - 1];
        if (prev !== 10 && prev !== 46 && prev !== 58 && prev !== 59) f[i] = 32;
      }
      matching = { plain, folded: decodeFolded(f) };
      return matching;
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
    // A few words: building the string directly from a plain array beats setting up a typed
    // array and a decoder (about twice as fast).
    const out: number[] = new Array(n);
    let surrogate = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if ((c & 0xf800) === 0xd800) surrogate = true;
      out[i] = table[c] as number;
    }
    // The decoder turns a lone surrogate into U+FFFD, fromCharCode keeps it: text with any
    // surrogate (emoji, broken input; rare) keeps the decoder, so a fold is what it always was.
    if (surrogate) return decoder.decode(Uint16Array.from(out));
    return String.fromCharCode.apply(null, out);
  }
  return foldUnits(codeUnits(text));
}

/**
 * Folds `units` in place and decodes them: natively encoded and decoded, about twice as fast as
 * reading the string a character at a time. Surrogates are noticed on the way, so only text that
 * has them pays the decoder (lone ones become U+FFFD, as they always did).
 */
function foldUnits(units: Uint16Array): string {
  const table = foldTable as Uint16Array;
  let surrogate = false;
  for (let i = 0; i < units.length; i++) {
    const c = units[i] as number;
    if ((c & 0xf800) === 0xd800) surrogate = true;
    units[i] = table[c] as number;
  }
  return surrogate ? decoder.decode(units) : decodeUnits(units);
}

const SHORT_FOLD = 32;

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

// Markdown and HTML decoration splits citations in converted documents: **bold**, *italic*,
// <b>tags</b>, table pipes, heading hashes, escaped Markdown characters. Each kind opens with its
// own character, so a scan stops only at these and reads the rest by hand (decorationEnd).
const DECORATION_CHARS = "<*_\\|#`&";
const DECORATION_START = new Uint8Array(128);
for (const ch of DECORATION_CHARS) DECORATION_START[ch.charCodeAt(0)] = 1;
const ANY_DECORATION_START = /[<*_\\|#`&]/;
// What a backslash escapes in Markdown: * _ # | [ ] ( ) ` \ -.
const ESCAPED = new Uint8Array(128);
for (const ch of "*_#|[]()`\\-") ESCAPED[ch.charCodeAt(0)] = 1;
const NBSP = "&nbsp;";

const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isAsciiLetterOrDigit = (c: number) => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);

/**
 * End of the decoration that starts at `i` of `units`, or -1 when none does: an HTML tag (`<b>`,
 * `</b>`, `<br/>`, `<td class=x>`: after the name, up to 200 characters other than < and > before
 * the closing >), a run of `*` or of backticks, two or more `_`, a backslash escaping a Markdown
 * character, a table pipe, 1 to 6 heading hashes at a line start followed by a space, `&nbsp;`.
 */
function decorationEnd(units: Uint16Array, i: number, n: number): number {
  const c = units[i] as number;
  let j = i + 1;
  switch (c) {
    case 0x7c: // |
      return j;
    case 0x2a: // *
    case 0x60: // `
    case 0x5f: // _
      while (j < n && units[j] === c) j++;
      return c === 0x5f && j - i < 2 ? -1 : j;
    case 0x5c: // \
      return j < n && ESCAPED[units[j] as number] === 1 ? j : -1;
    case 0x23: {
      // # at a line start (as the m flag's ^ sees one)
      const before = units[i - 1];
      if (i > 0 && before !== 10 && before !== 13 && before !== 0x2028 && before !== 0x2029) return -1;
      while (j < n && units[j] === c) j++;
      return j - i <= 6 && j < n && units[j] === 0x20 ? j : -1;
    }
    case 0x26: // &
      for (let k = 1; k < NBSP.length; k++) if (units[i + k] !== NBSP.charCodeAt(k)) return -1;
      return i + NBSP.length;
    case 0x3c: // <
      return tagEnd(units, i, n);
  }
  return -1;
}

/** End of the HTML tag at `i` (a <), or -1 (decorationEnd). */
function tagEnd(units: Uint16Array, i: number, n: number): number {
  let j = i + 1;
  if (units[j] === 0x2f) j++;
  if (j >= n || !isAsciiLetter(units[j] as number)) return -1;
  j++;
  while (j < n && isAsciiLetterOrDigit(units[j] as number)) j++;
  if (j >= n) return -1;
  const c = units[j] as number;
  if (c === 0x3e) return j + 1;
  if (c === 0x2f) return units[j + 1] === 0x3e && j + 1 < n ? j + 2 : -1;
  if (!isSpace(c)) return -1;
  // Attributes: white space, then up to 200 characters other than < and >, then "/>" or ">"; the
  // slash of "/>" may be the 201st.
  const from = j + 1;
  let k = from;
  while (k < n && k <= from + 201 && units[k] !== 0x3c && units[k] !== 0x3e) k++;
  if (k >= n || units[k] !== 0x3e) return -1;
  return k - from <= 200 || (k - from === 201 && units[k - 1] === 0x2f) ? k + 1 : -1;
}

/**
 * Spaces over each span (start, end pairs) of `units`. Most pieces of decoration are a code unit or
 * two (table pipes, asterisks): a loop writes them faster than a call to fill() per piece.
 */
function blankSpans(units: Uint16Array, spans: number[]): void {
  for (let k = 0; k < spans.length; k += 2) {
    const end = spans[k + 1] as number;
    for (let j = spans[k] as number; j < end; j++) units[j] = 32;
  }
}

/** Start and end of each piece of decoration, in order, given where some may start (in order). */
function decorationSpans(units: Uint16Array, starts: number[]): number[] {
  const spans: number[] = [];
  let end = 0;
  for (const i of starts) {
    if (i < end) continue; // inside the previous piece
    const e = decorationEnd(units, i, units.length);
    if (e < 0) continue;
    spans.push(i, e);
    end = e;
  }
  return spans;
}

/**
 * Replaces Markdown/HTML decoration with spaces of the same length, so matching sees plain prose
 * while every offset still points into the same text.
 */
export function blankDecoration(text: string): string {
  if (!ANY_DECORATION_START.test(text)) return text;
  const units = codeUnits(text);
  const starts: number[] = [];
  for (let i = 0; i < units.length; i++) {
    const c = units[i] as number;
    if (c < 128 && DECORATION_START[c] === 1) starts.push(i);
  }
  const spans = decorationSpans(units, starts);
  if (spans.length === 0) return text;
  blankSpans(units, spans);
  return decodeUnits(units);
}
