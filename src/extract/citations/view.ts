// The two aligned strings every citation reader works on: `plain` (normalised, decoration blanked)
// for case and display, `folded` (same length) for matching without diacritics or case.
import { blankDecoration, fold, type NormalisedText, normalise, squash } from "../normalise.ts";

export { squash };

/** Text between two normalised offsets as written in the original, decoration blanked, spaces squashed. */
export function written(v: TextView, start: number, end: number): string {
  const s = v.norm.toOriginal(start);
  const e = v.norm.toOriginal(end);
  return squash(blankDecoration(v.original.slice(s, e))).replace(/[\s,.;:]+$/, "");
}

export interface TextView {
  original: string;
  norm: NormalisedText;
  plain: string;
  folded: string;
}

/** The view of a document; `norm` when the caller has normalised it already (extract() has). */
export function viewOf(original: string, norm: NormalisedText = normalise(original)): TextView {
  const { plain, folded } = norm.forMatching();
  return { original, norm, plain, folded };
}

// Per code unit: 0 not yet asked, 1 not an upper-case letter, 2 an upper-case letter.
const UPPER = new Uint8Array(65536);

/** True when the character at `i` of `plain` is an upper-case letter. */
export function isUpperAt(plain: string, i: number): boolean {
  const c = plain.charCodeAt(i);
  if (Number.isNaN(c)) return false;
  // Worked out once per code unit (the readers ask this of the same letters again and again).
  let known = UPPER[c] as number;
  if (known === 0) {
    const ch = String.fromCharCode(c);
    known = ch !== ch.toLowerCase() && ch === ch.toUpperCase() ? 2 : 1;
    UPPER[c] = known;
  }
  return known === 2;
}

/** Hyphenated folded slug: "Quảng Trị" -> "quang-tri". */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
