// Whole Vietnamese words. JavaScript's \b does not know đ or ứ, so a word start is "not after a
// letter or digit", (?<![\p{L}\p{N}]). Written as a leading lookbehind, the engine evaluates it at
// every position of the text before it can skip ahead to a possible first letter, which made such
// patterns the costliest of the obligations pass. Here the pattern is scanned without it and the
// character before each match is checked in code; a rejected match resumes one position later,
// exactly where the engine would have tried next, so the matches are the same.

import { fold, isSpace } from "./normalise.ts";

const LETTER_OR_DIGIT_AT_END = /[\p{L}\p{N}]$/u;

/** Whether `at` starts a word: no letter or digit (a whole code point) right before it. */
export function startsWord(text: string, at: number): boolean {
  return at === 0 || !LETTER_OR_DIGIT_AT_END.test(text.slice(Math.max(0, at - 2), at));
}

/** The first match of the global `re` that starts a word, or null. */
export function firstWord(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (startsWord(text, m.index)) return m;
    re.lastIndex = m.index + 1;
  }
  return null;
}

/** Every match of the global `re` that starts a word, in order (as matchAll would give them). */
export function allWords(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (startsWord(text, m.index)) out.push(m);
    else re.lastIndex = m.index + 1;
  }
  return out;
}

/**
 * Whether `text`, white space at its end aside, ends with one of `endings` (none of which ends in
 * white space): what /(?:a|b)\s*$/ tests, without the engine trying the pattern at every position.
 */
export function endsWithAny(text: string, endings: readonly string[]): boolean {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  for (const e of endings) if (text.endsWith(e, end)) return true;
  return false;
}

/**
 * The same pattern for folded text ("chủ trì" → "chu tri"), to read words written without their
 * marks: letters folded, escapes (\s, \p{L}, \d) and the flags kept, case-insensitivity dropped
 * (folded text is lower case).
 */
export function foldedPattern(re: RegExp): RegExp {
  const src = re.source;
  let out = "";
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === "\\") {
      const brace = src[i + 1] === "p" || src[i + 1] === "P" ? src.indexOf("}", i) : -1;
      const end = brace > 0 ? brace + 1 : i + 2;
      out += src.slice(i, end);
      i = end - 1;
    } else out += fold(c);
  }
  return new RegExp(out, re.flags.replace("i", ""));
}

/** Whether a stretch of text has no tone or vowel marks (its "đ" aside): written without them. */
export function unmarked(text: string, foldedText: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    const f = foldedText[i] as string;
    if (f !== "d" && f !== text[i]?.toLowerCase()) return false;
  }
  return true;
}
