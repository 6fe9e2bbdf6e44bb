// Relation cues (grammar §5.4): the words between two documents, or before a document at the start
// of a clause, that say how they are linked. All patterns run on folded text of bounded length.
import type { RelationKind } from "../types.ts";

// "thi hành" is how a law is carried out ("Kế hoạch triển khai thi hành Luật Dữ liệu").
const IMPLEMENT = `(?:tiep tuc )?(?:trien khai )?(?:thuc hien|trien khai|cu the hoa|the che hoa|thi hanh|quan triet(?:,? tuyen truyen)?)`;

/** Cue alternatives in priority order; the first group that matches names the kind. */
const CUE_PARTS: [RelationKind, string][] = [
  [
    "REPORTS_ON",
    `bao cao (?:so ket |tong ket |danh gia )?(?:ket qua )?(?:tinh hinh )?(?:trien khai )?(?:thuc hien)?`,
  ],
  ["CONTINUES", `tiep tuc (?:trien khai )?thuc hien`],
  [
    "AMENDS",
    `sua doi,? (?:cap nhat,? )?bo sung(?:,? cap nhat)?(?: mot so dieu(?: cua)?)?|dieu chinh,? bo sung|sua doi(?: mot so dieu(?: cua)?)?`,
  ],
  ["REPLACES", `(?:ban hanh )?thay the(?: cho)?`],
  ["REPEALS", `bai bo`],
  [
    "GUIDES",
    `quy dinh chi tiet(?: va huong dan)?(?: thi hanh)?(?: mot so dieu(?: cua)?)?|huong dan(?: thuc hien| thi hanh| trien khai)?(?: mot so dieu(?: cua)?)?`,
  ],
  ["IMPLEMENTS", IMPLEMENT],
];
const KINDS = CUE_PARTS.map(([k]) => k);
const CUE_GROUPS = CUE_PARTS.map(([, p]) => `(${p})`).join("|");

// Between the end of a document's description and the next document: connector, cue, filler.
// An issuer the issuer reader did not know ("của Thanh tra tinh") may sit between description and cue.
// So may the date it takes effect ("Luật … số 93/2025/QH15 …, có hiệu lực từ ngày 01/10/2025, thay thế
// Luật … số 29/2013/QH13").
const CONNECTOR = String.raw`[\s,"“”'(*:]*(?:co hieu luc(?: thi hanh)? (?:tu|ke tu) ngay [\d/ a-z]{4,30}?,\s*)?(?:cua [^,;.\n"“”]{2,50}?\s+)?(?:(?:ve viec|ve|de|nham|theo)\s+)?`;
const FILLER = String.raw`(?:\s+(?:co hieu qua|day du|cac noi dung cua|noi dung|cac|cua))*`;
const BETWEEN = new RegExp(String.raw`^${CONNECTOR}(?:${CUE_GROUPS})${FILLER}[\s"“”(:*]*$`);

export interface Cue {
  kind: RelationKind;
  /** Offsets within the examined gap. */
  start: number;
  end: number;
}

function kindOf(m: RegExpExecArray, offset: number): Cue | null {
  for (let i = 0; i < KINDS.length; i++) {
    const g = m[i + 1];
    if (g !== undefined) {
      const start = m[0].indexOf(g);
      return { kind: KINDS[i] as RelationKind, start: offset + start, end: offset + start + g.length };
    }
  }
  return null;
}

/** The cue that links the document before a gap to the document after it, if the gap is only that. */
export function cueBetween(gap: string): Cue | null {
  if (gap.length > 90 || /[;\n]/.test(gap)) return null;
  const m = BETWEEN.exec(gap);
  return m ? kindOf(m, 0) : null;
}

const LIST = /^[\s,]*(?:,|va|hoac|va cac)[\s,]*$/;
/** A gap that only joins list items ("A và B", "A, B"): B shares A's incoming relation. */
export function isListJoin(gap: string): boolean {
  return gap.length <= 12 && LIST.test(gap);
}

// Clause-initial cues: at the start of a sentence, line or list item.
const BULLET = String.raw`^[\s\-*+•·.)(0-9]*(?:(?:dieu|khoan|muc|phan) [0-9ivx]+[.:]?\s*)?(?:[a-zđ]\)\s*)?`;
// "Thực hiện yêu cầu (của UBND tỉnh) tại Văn bản số …": a request answered rather than a directive implemented.
// "Phúc đáp / Trả lời Công văn số …": a reply, whatever the citing document is; a letter's subject
// line says it after "V/v" ("V/v phúc đáp Công văn số …").
const CLAUSE_REQUEST = new RegExp(
  String.raw`${BULLET}((?:thuc hien|theo) (?:yeu cau|chi dao|y kien chi dao|de nghi)(?: cua [^,;\n]{2,60}?)?(?: tai| theo)?|(?:(?:v\s?/\s?v|ve viec)\s+)?(?:phuc dap|tra loi)(?: y kien| de nghi(?: cua [^,;\n]{2,60}?)?(?: tai)?)?)\s*$`,
);
const CLAUSE_IMPLEMENT = new RegExp(
  String.raw`${BULLET}(${IMPLEMENT})(?:\s+(?:co hieu qua|cac noi dung cua|noi dung))?\s*$`,
);
const CLAUSE_BASIS = new RegExp(String.raw`${BULLET}(can cu)\s*$`);
const CLAUSE_PROPOSAL = new RegExp(
  String.raw`${BULLET}((?:theo|xet) (?:de nghi|to trinh)\b[^;\n]{0,250}?(?:\btai|\bxet)|xet)\s*$`,
);
const REPORT_END =
  /(bao cao (?:so ket |tong ket |danh gia )?(?:ket qua )?(?:tinh hinh )?(?:trien khai )?(?:thuc hien )?)$/;

const ACTS = "thay the|bai bo|sua doi,? bo sung(?: mot so dieu cua)?";
const SELF_TYPES = "quyet dinh|nghi quyet|nghi dinh|thong tu|chi thi|ke hoach|quy dinh|quy che|van ban";
// "Quyết định này thay thế …", "Bãi bỏ Quyết định số …" in an article: the document itself acts. The
// act often closes the entry-into-force sentence ("Quyết định này có hiệu lực kể từ ngày ký và thay
// thế …"), and may touch only part of the target ("Bãi bỏ khoản 2 Điều 5 của Thông tư số …").
const CLAUSE_SELF_ACTS = new RegExp(
  String.raw`${BULLET}((?:(?:${SELF_TYPES}) nay\s+(?:co hieu luc[^;\n]{0,80}?,?\s+va\s+)?)?(?:${ACTS})(?:\s+(?:diem|khoan|dieu|muc|phu luc) [^;\n]{1,60}?\s(?:cua|tai))?)(?:\s+(?:cac|mot so dieu cua|cua))?\s*$`,
);

export type ClauseCue = {
  kind:
    | "IMPLEMENTS"
    | "CONTINUES"
    | "BASED_ON"
    | "PROPOSED_BY"
    | "RESPONDS_TO"
    | "REPLACES"
    | "REPEALS"
    | "AMENDS";
  start: number;
  end: number;
};

/** A cue that opens the clause and governs the document right after it. */
export function clauseCue(gap: string): ClauseCue | null {
  if (gap.length > 300) return null;
  for (const [re, kind] of [
    [CLAUSE_BASIS, "BASED_ON"],
    [CLAUSE_PROPOSAL, "PROPOSED_BY"],
    [CLAUSE_REQUEST, "RESPONDS_TO"],
    [CLAUSE_SELF_ACTS, "REPLACES"],
    [CLAUSE_IMPLEMENT, "IMPLEMENTS"],
  ] as const) {
    const m = re.exec(gap);
    if (m) {
      const g = m[1] as string;
      const start = m[0].lastIndexOf(g);
      // "Tiếp tục thực hiện X" opening a clause is the model's CONTINUES, as between two documents.
      const acted =
        kind === "IMPLEMENTS"
          ? g.startsWith("tiep tuc")
            ? "CONTINUES"
            : kind
          : kind !== "REPLACES"
            ? kind
            : /bai bo/.test(g)
              ? "REPEALS"
              : /sua doi/.test(g)
                ? "AMENDS"
                : "REPLACES";
      return { kind: acted, start, end: start + g.length };
    }
  }
  return null;
}

// A report's opening: "Thực hiện Hướng dẫn số …; theo Công văn số …, Sở … báo cáo như sau:". The
// documents it opens with asked for the report, whatever their type.
const CLAUSE_OPENING = new RegExp(
  String.raw`${BULLET}((?:thuc hien|theo)(?: (?:yeu cau|chi dao|y kien chi dao|de nghi)(?: cua [^,;\n]{2,60}?)?(?: tai| theo)?)?)\s*$`,
);
const ASKS_REPORT = /\bbao cao\b(?:[^.;\n]{0,300}?\b(?:nhu sau|sau day)\b|[^.;\n]{0,300}?:\s*$)/;

/** The cue opening a report's first sentence, when that sentence ends "… báo cáo (như sau):". */
export function openingCue(gap: string, rest: string): { start: number; end: number } | null {
  if (gap.length > 300) return null;
  const m = CLAUSE_OPENING.exec(gap);
  if (m === null || !ASKS_REPORT.test(rest)) return null;
  const g = m[1] as string;
  const start = m[0].lastIndexOf(g);
  return { start, end: start + g.length };
}

// "Thông tư số 16/2015/TT-BKHCN ngày … của Bộ trưởng … hết hiệu lực kể từ ngày Thông tư này có hiệu
// lực": written after the document's description, in the citing document's own articles.
const EXPIRES = /^[\s,]*(?:\([^()\n]{0,80}\)\s*)?(het hieu luc)\b/;

/** "… hết hiệu lực" right after a document's description: the citing document ends it. */
export function expiryCue(after: string): { start: number; end: number } | null {
  const m = EXPIRES.exec(after);
  if (m === null) return null;
  const start = m[0].length - (m[1] as string).length;
  return { start, end: m[0].length };
}

/** "… báo cáo kết quả thực hiện" right before a document: the reporting document reports on it. */
export function reportCue(gap: string): { start: number; end: number } | null {
  const m = REPORT_END.exec(gap.slice(-80).trimEnd());
  if (!m) return null;
  const base = gap.length - gap.slice(-80).length;
  const g = m[1] as string;
  const start = base + gap.slice(-80).trimEnd().length - g.length;
  return { start, end: start + g.trimEnd().length };
}

const TITLE_CUE = new RegExp(String.raw`(?:${CUE_GROUPS})${FILLER}[\s"“”(:*]*$`);

/** A cue anywhere at the end of a title fragment (titles are terse: "Kế hoạch thực hiện …"). */
export function titleCue(gap: string): Cue | null {
  const tail = gap.slice(-60);
  const m = TITLE_CUE.exec(tail);
  return m ? kindOf(m, gap.length - tail.length + m.index) : null;
}

/** "ban hành kèm theo <Loại> này" / "Ban hành kèm theo Quyết định này": the attachment of the document itself. */
export const ATTACHED_TO_SELF =
  /kem theo (?:nghi quyet|quyet dinh|chi thi|ke hoach|thong tu|nghi dinh|van ban|bao cao) nay\s*$/;
