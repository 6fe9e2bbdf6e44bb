// The word in front of a symbol names the document type (grammar §4 rule 4). It settles codes that
// mean two things (QĐ: Quyết định or Party Quy định; TT: Thông tư or Party Thông tri) and gives a type
// to công văn, whose symbol has no type code.
import { isSpace } from "../normalise.ts";
import type { DocumentType } from "../types.ts";
import { isUpperAt } from "./view.ts";

const WORDS: [string, DocumentType][] = [
  ["nghi quyet lien tich", "RESOLUTION"],
  ["nghi quyet", "RESOLUTION"],
  ["nghi dinh", "DECREE"],
  ["quyet dinh", "DECISION"],
  ["chi thi", "DIRECTIVE"],
  ["ket luan", "CONCLUSION"],
  ["quy dinh", "REGULATION"],
  ["quy che", "RULES"],
  ["thong tu lien tich", "JOINT_CIRCULAR"],
  ["thong tu", "CIRCULAR"],
  ["thong tri", "PARTY_CIRCULAR"],
  ["huong dan", "GUIDANCE"],
  ["thong bao ket luan", "NOTICE"],
  ["thong bao", "NOTICE"],
  ["ke hoach hanh dong", "PLAN"],
  ["ke hoach", "PLAN"],
  ["chuong trinh hanh dong", "PROGRAMME"],
  ["chuong trinh cong tac", "PROGRAMME"],
  ["chuong trinh", "PROGRAMME"],
  ["de an", "SCHEME"],
  ["phuong an", "PROJECT"],
  ["du an", "PROJECT"],
  ["chien luoc", "STRATEGY"],
  ["quy hoach", "PROJECT"],
  ["bao cao", "REPORT"],
  ["to trinh", "SUBMISSION"],
  ["cong van", "OFFICIAL_LETTER"],
  ["van ban", "OFFICIAL_LETTER"],
  ["cong dien", "TELEGRAM"],
  ["bo luat", "LAW"],
  ["luat", "LAW"],
  ["phap lenh", "ORDINANCE"],
  ["bien ban", "MINUTES"],
];

// Abbreviations written in prose in front of the full symbol ("NQ 66/NQ-CP", "KH 200/KH-UBND").
const ABBREVIATIONS: Record<string, DocumentType> = {
  nq: "RESOLUTION",
  nd: "DECREE",
  qd: "DECISION",
  ct: "DIRECTIVE",
  kl: "CONCLUSION",
  kh: "PLAN",
  ctr: "PROGRAMME",
  cthd: "PROGRAMME",
  tb: "NOTICE",
  cv: "OFFICIAL_LETTER",
  ttr: "SUBMISSION",
  bc: "REPORT",
  hd: "GUIDANCE",
};

const WORD_TYPE = new Map<string, DocumentType>(WORDS);
// Every word the reader knows, grouped by its last letter (in list order within a group): the word
// in front of a symbol ends at one of two known places, so only the words ending in the letter found
// there are compared.
const BY_LAST_LETTER = (() => {
  const by = new Map<string, [word: string, rank: number][]>();
  [...WORDS.map(([w]) => w), ...Object.keys(ABBREVIATIONS)].forEach((w, rank) => {
    const last = w[w.length - 1] as string;
    by.set(last, [...(by.get(last) ?? []), [w, rank]]);
  });
  return by;
})();

const isLetter = (c: number) => c >= 0x61 && c <= 0x7a;

function skipSpaceBack(text: string, from: number, i: number): number {
  while (i > from && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

export interface TypeWord {
  type: DocumentType;
  /** Offset of the word in the text. */
  start: number;
  /** "Văn bản" is generic: it names a công văn only when the symbol carries no type code. */
  generic: boolean;
}

/**
 * The type word immediately before `pos` (allowing "số", "số:" and line breaks in between), within
 * the 40 characters before it. The same answer as /(?<![a-z])(word|…)\s*(?:so\s*:?\s*)?$/ on that
 * window (the leftmost word, the first in the list among words starting at the same place), which
 * the engine would try at every position of the window, once per symbol.
 */
export function typeWordBefore(folded: string, plain: string, pos: number): TypeWord | null {
  const from = Math.max(0, pos - 40);
  // The word ends before the spaces at the end, or before "số" ("số:") and the spaces in front of it.
  const bare = skipSpaceBack(folded, from, pos);
  let beforeSo = -1;
  const colon = folded.charCodeAt(bare - 1) === 0x3a ? skipSpaceBack(folded, from, bare - 1) : bare;
  if (colon - 2 >= from && folded.startsWith("so", colon - 2))
    beforeSo = skipSpaceBack(folded, from, colon - 2);
  let word: string | null = null;
  let start = pos;
  let rank = Infinity;
  for (const end of [bare, beforeSo]) {
    if (end <= from) continue;
    for (const [w, r] of BY_LAST_LETTER.get(folded[end - 1] as string) ?? []) {
      const s = end - w.length;
      if (s < from || s > start || (s === start && r > rank) || !folded.startsWith(w, s)) continue;
      if (s > from && isLetter(folded.charCodeAt(s - 1))) continue;
      word = w;
      start = s;
      rank = r;
    }
  }
  if (word === null) return null;
  const abbreviation = ABBREVIATIONS[word];
  if (abbreviation !== undefined) {
    // Abbreviations count only in capitals: "ct" or "kh" in lower case is prose.
    if (!isUpperAt(plain, start) || !isUpperAt(plain, start + 1)) return null;
    return { type: abbreviation, start, generic: false };
  }
  return { type: WORD_TYPE.get(word) as DocumentType, start, generic: word === "van ban" };
}

/** Folded type words, for readers that look for a named document ("Đề án …") without a symbol. */
export function typeOfWord(word: string): DocumentType | null {
  return WORD_TYPE.get(word) ?? null;
}
