// The word in front of a symbol names the document type (grammar §4 rule 4). It settles codes that
// mean two things (QĐ: Quyết định or Party Quy định; TT: Thông tư or Party Thông tri) and gives a type
// to công văn, whose symbol has no type code.
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
const WORD_RE = new RegExp(
  String.raw`(?<![a-z])(${WORDS.map(([w]) => w).join("|")}|${Object.keys(ABBREVIATIONS).join("|")})\s*(?:so\s*:?\s*)?$`,
);

export interface TypeWord {
  type: DocumentType;
  /** Offset of the word in the text. */
  start: number;
  /** "Văn bản" is generic: it names a công văn only when the symbol carries no type code. */
  generic: boolean;
}

/** The type word immediately before `pos` (allowing "số", "số:" and line breaks in between). */
export function typeWordBefore(folded: string, plain: string, pos: number): TypeWord | null {
  const from = Math.max(0, pos - 40);
  const window = folded.slice(from, pos);
  const m = WORD_RE.exec(window);
  if (!m) return null;
  const word = m[1] as string;
  const start = from + m.index;
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
