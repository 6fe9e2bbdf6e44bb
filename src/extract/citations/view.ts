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
  const plain = blankDecoration(norm.text);
  return { original, norm, plain, folded: unwrapLines(fold(plain), plain) };
}

/**
 * Text wrapped mid-sentence ("Thực hiện Công\nvăn số 400/UBND-KT") breaks phrases that the readers
 * match word by word. A line break followed by a lower-case letter, after anything but the end of a
 * sentence or clause, is a soft wrap: the folded text reads it as a space. Same length, same offsets.
 */
function unwrapLines(folded: string, plain: string): string {
  return folded.replace(/\n(?=[a-z])/g, (nl, at: number) => {
    const next = plain[at + 1] as string;
    const prev = plain[at - 1] ?? "\n";
    return next !== next.toUpperCase() && !/[\n.:;]/.test(prev) ? " " : nl;
  });
}

/** True when the character at `i` of `plain` is an upper-case letter. */
export function isUpperAt(plain: string, i: number): boolean {
  const ch = plain[i];
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Hyphenated folded slug: "Quảng Trị" -> "quang-tri". */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
