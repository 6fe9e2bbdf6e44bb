// Actions: what was done or planned, by whom, with whom, how much. They are read from a task's
// result cell (where they serve that task) and from report prose (where they serve the documents
// the sentence or its paragraph names). "cấp Giấy phép … cho 08 cơ sở" → 8 cơ sở;
// "lập kế hoạch sản xuất hơn 28 tấn chế phẩm" → 28 tấn.
import { blankDecoration, fold, isSpace } from "../normalise.ts";
import { resolveOrganisation, resolveRegistered } from "../organisations/index.ts";
import type { Action } from "../types.ts";
import { allWords, firstWord, foldedPattern, unmarked } from "../words.ts";
import { clean, type DocContext, hash, inRanges } from "./context.ts";

// Measure nouns of two syllables, folded: "08 cơ sở" has unit "cơ sở", not "cơ".
const TWO_SYLLABLE_UNITS = new Set(
  [
    "cơ sở",
    "dự án",
    "nhiệm vụ",
    "cá nhân",
    "tổ chức",
    "doanh nghiệp",
    "phương tiện",
    "sản phẩm",
    "hồ sơ",
    "văn bản",
    "đề tài",
    "học viên",
    "hội nghị",
    "hội thảo",
    "mô hình",
    "sáng kiến",
    "thủ tục",
    "chuyên gia",
    "nền tảng",
    "đơn vị",
    "địa phương",
    "hợp tác",
    "đoàn viên",
    "cán bộ",
    "công chức",
    "viên chức",
    "lượt người",
    "tài liệu",
    "chương trình",
    "kế hoạch",
    "giải pháp",
    "ý tưởng",
    "cuộc thi",
    "tiện ích",
    "hộ dân",
    "thôn bản",
    "lao động",
    "tỷ đồng",
    "triệu đồng",
    "tỷ USD",
    "triệu USD",
    "học sinh",
    "bệnh viện",
    "công trình",
    "nhân lực",
  ].map((u) => fold(u)),
);
// First syllables that never measure on their own: "14 cơ quan", "3.525 dịch vụ", "20 chỉ số",
// "01 văn kiện", "64 ý kiến", "2.072 yêu cầu", "8/13 trung tâm", "38/41 chi bộ" take two syllables.
const BOUND_SYLLABLES = new Set([
  "co",
  "dich",
  "chi",
  "van",
  "y",
  "yeu",
  "trung",
  "thiet",
  "tai",
  "dang",
  "thanh",
  "luot",
]);
// Words after a number that make it no count: periods ("6 tháng"), and function words ("Phụ lục 2
// rất dài", "khổ 6 như sau", "1 số điều" for "một số").
const NOT_UNITS = new Set([
  "thang",
  "nam",
  "ngay",
  "gio",
  "phut",
  "tuan",
  "quy",
  "lan nam",
  "dau",
  "cuoi",
  "rat",
  "nhu",
  "so",
  "la",
  "va",
  "cua",
  "cho",
  "duoc",
  "co",
  "trong",
  "den",
  "tai",
  "theo",
  "voi",
  "thi",
  "ma",
  // "chính quyền 02 cấp": levels, not a count of things done.
  "cap",
]);
// "1,6 triệu hồ sơ", "46 triệu thửa đất": a multiplier, then the unit ("tỷ đồng" is money, a unit).
const MULTIPLIERS: Record<string, number> = { nghin: 1e3, ngan: 1e3, trieu: 1e6, ty: 1e9 };

function w2IsRate(text: string, m: RegExpMatchArray): boolean {
  const after = text.slice((m.index ?? 0) + (m[1] as string).length).trimStart();
  // "30 triệu đồng/hợp tác xã": a rate per something, whether its unit has one word or two.
  return /^\p{L}+(?:\s+\p{L}+)?\s*\//u.test(after);
}

export interface Quantity {
  quantity: number;
  unit: string;
  /** The whole a count is of: "8/13 trung tâm" is 8 of 13. */
  total?: number;
  /** The multiplier written between number and unit: "1,6 triệu hồ sơ" is 1,6 × 10⁶ hồ sơ. */
  times?: number;
}

/** Vietnamese number: "1.179" is 1179, "0,7" is 0.7. */
export function parseNumber(s: string): number {
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ""));
  return Number(s.replace(",", "."));
}

// A count, or a count of a whole ("8/13 trung tâm", "22/22 bộ"), then its unit. A fraction has no
// letter after its slash, so it is no document number ("8/QĐ-UBND"); a date has no unit noun after
// it, or a word before it (findQuantity's "ngày", "tháng").
const QTY =
  /(?<![\d/.,\p{L}-])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?:\/(\d{1,3}(?:\.\d{3})+|\d{1,5}))?(?![\d/])\s+(\p{L}[\p{L}\p{M}&]*)(?:\s+(\p{L}[\p{L}\p{M}]*))?/gu;

const SHORT_FORM_WORD =
  /(?:^|[^a-z])(?:nghi quyet|nghi dinh|quyet dinh|ke hoach|chi thi|ket luan|chuong trinh(?: hanh dong)?|de an|cong van|thong tu|nq|nd|qd|kh|kl|ctr)\s*$/;

const NOUN_PAIR = /^\s+(\p{L}[\p{L}\p{M}&]*)(?:\s+(\p{L}[\p{L}\p{M}]*))?/u;

/** The unit the words after a number name: one syllable, or two when they go together; null if none. */
function unitOf(w1: string, w2: string | undefined): string | null {
  const a = w1.normalize("NFC");
  const b = w2?.normalize("NFC");
  const f1 = fold(a);
  const two = b === undefined ? null : `${a} ${b}`;
  if (two !== null && (TWO_SYLLABLE_UNITS.has(fold(two)) || BOUND_SYLLABLES.has(f1))) return two;
  return NOT_UNITS.has(f1) ? null : a;
}

/** The first quantity with a unit in a clause; dates, periods and document numbers are not quantities. */
export function findQuantity(text: string): Quantity | null {
  for (const m of text.matchAll(QTY)) {
    const before = fold(text.slice(Math.max(0, (m.index ?? 0) - 24), m.index ?? 0));
    // A number that names a part ("Phụ lục 2", "khổ 6", "Biểu 3", "kỳ họp thứ 9"), a date or a rank.
    if (
      /(so|ngay|thang|nam|quy|lan thu|muc|khoan|dieu|diem|phu luc|kho|bieu|mau|chuong|phan|tiet|thu)\s*$/.test(
        before,
      )
    )
      continue;
    // "Kế hoạch 245", "Nghị quyết 12": a document's short form (grammar §4.7), not a quantity.
    if (SHORT_FORM_WORD.test(before)) continue;
    const raw = m[1] as string;
    if (/^(19|20)\d{2}$/.test(raw)) continue;
    const tail = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 1);
    // Decomposed text ("xa" + U+0303) is read whole and kept composed.
    const w1 = (m[3] as string).normalize("NFC");
    if (tail === "/" && w2IsRate(text, m)) continue;
    const w2 = m[4]?.normalize("NFC");
    const f1 = fold(w1);
    const two = w2 === undefined ? null : `${w1} ${w2}`;
    const paired = two !== null && (TWO_SYLLABLE_UNITS.has(fold(two)) || BOUND_SYLLABLES.has(f1));
    const unit = unitOf(w1, w2);
    if (unit === null) continue;
    if (/^\p{Lu}/u.test(unit) && unit !== unit.toUpperCase()) continue; // "6 Tháng", a name
    const times = paired || w2 === undefined ? undefined : MULTIPLIERS[f1];
    if (times !== undefined) {
      const written = m[3] as string;
      const after = NOUN_PAIR.exec(text.slice((m.index ?? 0) + m[0].indexOf(written) + written.length));
      const u = after === null ? null : unitOf(after[1] as string, after[2]);
      if (u !== null) return { quantity: Math.round(parseNumber(raw) * times), unit: u, times };
    }
    const quantity = parseNumber(raw);
    if (m[2] === undefined) return { quantity, unit };
    // Achieved of a whole: never more than the whole, and the whole is no year ("5/2025 …").
    const total = parseNumber(m[2]);
    if (quantity > total || /^(19|20)\d{2}$/.test(m[2])) continue;
    return { quantity, unit, total };
  }
  return null;
}

// Vietnamese words begin with letters JavaScript's \b does not know (đ, ứ), hence the lookahead
// here and the word-start check of words.ts (firstWord) in place of a lookbehind.
const VERBS = [
  "ban hành",
  "chỉ đạo",
  "báo cáo",
  "tổ chức",
  "cấp",
  "thẩm định",
  "cử",
  "phối hợp",
  "triển khai",
  "thực hiện",
  "phê duyệt",
  "trình",
  "xây dựng",
  "tiếp nhận",
  "kiểm định",
  "hiệu chuẩn",
  "thử nghiệm",
  "xử lý",
  "hướng dẫn",
  "khảo sát",
  "lập",
  "hỗ trợ",
  "hoàn thành",
  "ký kết",
  "công bố",
  "tham mưu",
  "giải quyết",
  "rà soát",
  "tiến hành",
  "đào tạo",
  "tập huấn",
  "tuyên truyền",
  "chuyển giao",
  "đầu tư",
  "phát động",
  "kiểm tra",
  "thanh tra",
  "nghiên cứu",
  "ứng dụng",
  "chẩn đoán",
  "phân lập",
  "lưu giữ",
  "đẩy mạnh",
  "thu hút",
  "lựa chọn",
  "số h(?:óa|oá)",
  "kết nối",
  "vận hành",
  "khai trương",
  "thành lập",
  "kiện toàn",
  "cung cấp",
  "công nhận",
  "biên soạn",
  "bố trí",
  "tài trợ",
  "nâng cấp",
  "hoàn thiện",
  "cắt giảm",
  "đơn giản h(?:óa|oá)",
];
const verbPattern = (verbs: string[]) => new RegExp(`(${verbs.join("|")})(?![\\p{L}\\p{N}])`, "giu");
const ACTION_VERB = verbPattern(VERBS);
// At position 0 of a string there is nothing before, so no word-start check is needed.
const ACTION_VERB_AT = new RegExp(ACTION_VERB.source, "iuy");

/**
 * The words that make a clause an action, as written and for a clause written without marks (read
 * folded: "Ban Thuong vu Tinh uy da ban hanh …"). Without marks a one-syllable verb is another word
 * too ("cap" is "cấp" and "cáp", "cu" ends "căn cứ"): only verbs of two syllables are read there.
 */
interface ClauseWords {
  verb: RegExp;
  verbAt: RegExp;
  da: RegExp;
  endsGroup: RegExp;
  wrote: RegExp;
  purpose: RegExp;
  statusCount: RegExp;
  notDone: RegExp;
  opener: RegExp;
}

// "Đã" governs the verb group right after it: a verb of doing among its first three words ("đã ban
// hành", "đã kịp thời ban hành", "đã dự và phát động", "đã chú trọng tổ chức"), before any
// preposition ("đã có trong báo cáo chính": "báo cáo" is a noun there). "Đã có văn bản …" is a
// letter sent, the act of writing.
const GROUP_WORD = /[\p{L}\p{N}]+[\s,]*/uy;

const MARKED: ClauseWords = {
  verb: ACTION_VERB,
  verbAt: ACTION_VERB_AT,
  da: /đã\s+/giu,
  endsGroup: /^(?:trong|của|tại|với|cho|theo|về|như|từ|đến|ở|là|so)$/iu,
  wrote: /có (?:văn bản|VB|công văn|báo cáo|tờ trình)(?![\p{L}])/iuy,
  // A verb after "để"/"nhằm" is a purpose ("có 03 Tổ Công tác để chỉ đạo …"), not what was done.
  purpose: /\s(?:để|nhằm)\s/u,
  // A count of tasks or targets ("22/45 nhiệm vụ … đang thực hiện") is a statistic.
  statusCount:
    /(?:là|có)\s+\d[\d/.,]*\s+(?:nhiệm vụ|chỉ tiêu)|\d\s+(?:nhiệm vụ|chỉ tiêu)[^,;.]{0,40}?(?:đang|chưa|đã)\s+(?:thực hiện|hoàn thành|triển khai)/iu,
  // A label that explains ("Lý do: Nhiệm vụ đã hoàn thành"), a measure named before its figure ("Số
  // doanh nghiệp …: 12", "Tổng số nền tảng … là 225"), a request to the body above ("Về …, đề nghị
  // điều chỉnh …"): none is something done.
  notDone:
    /^[\s*_]*(?:(?:lý do|nguyên nhân|ghi chú|lưu ý)[\s*_]*:|(?:tổng số|số lượng|tỷ lệ|số)\s[^:;]{0,100}(?::|\slà\s)|(?:[^,]{0,80},\s*)?(?:kính |xin )?(?:đề nghị|kiến nghị)(?![\p{L}]))/iu,
  opener: /^(tuy nhiên|nhìn chung|công tác|các|việc)(?!\p{L})/iu,
};

const UNMARKED: ClauseWords = {
  verb: foldedPattern(verbPattern(VERBS.filter((v) => v.includes(" ")))),
  verbAt: new RegExp(foldedPattern(verbPattern(VERBS.filter((v) => v.includes(" ")))).source, "uy"),
  da: /da\s+/gu,
  endsGroup: foldedPattern(MARKED.endsGroup),
  wrote: foldedPattern(MARKED.wrote),
  purpose: foldedPattern(MARKED.purpose),
  statusCount: foldedPattern(MARKED.statusCount),
  notDone: foldedPattern(MARKED.notDone),
  opener: foldedPattern(MARKED.opener),
};

/** Whether the words after "đã" at `at` open with a verb of doing. */
function doneAt(text: string, at: number, w: ClauseWords): boolean {
  w.wrote.lastIndex = at;
  if (w.wrote.test(text)) return true;
  let p = at;
  for (let k = 0; k < 3 && p < text.length; k++) {
    w.verbAt.lastIndex = p;
    if (w.verbAt.test(text)) return true;
    GROUP_WORD.lastIndex = p;
    const g = GROUP_WORD.exec(text);
    if (g === null || w.endsGroup.test(g[0].replace(/[\s,]+$/, ""))) return false;
    p += g[0].length;
  }
  return false;
}

/**
 * Whether `read` (the clause as its patterns read it) has a verb of doing before `end`. A verb
 * written with a capital inside the clause is a name's word ("Ban Chỉ đạo có 03 Tổ Công tác"), read
 * on `written`, whose letters stand at the same offsets.
 */
function hasVerb(read: string, written: string, end: number, w: ClauseWords): boolean {
  for (const m of allWords(w.verb, read.slice(0, end))) {
    const c = written[m.index] as string;
    // "việc thực hiện", "công tác kiểm tra": the verb made a noun names an activity, not an act.
    if (/(?:việc|viec)\s+$/u.test(read.slice(Math.max(0, m.index - 8), m.index))) continue;
    // "do chưa được bố trí kinh phí": a verb denied is a shortfall, not an act.
    if (
      /(?:^|\s)(?:chưa|chua|không|khong)\s+(?:(?:được|duoc)\s+)?$/u.test(
        read.slice(Math.max(0, m.index - 16), m.index),
      )
    )
      continue;
    if (m.index === 0 || c === c.toLowerCase()) return true;
  }
  return false;
}

const COUNTS_OF_WORK = new Set(["nhiem vu", "chi tieu"]);

// A sentence or paragraph wholly in brackets is an aside ("(chi tiết các hoạt động đã triển khai)",
// a transcriber's "*(Tương tự, nhiều mục này …)*"), unless the bracket numbers an item ("(1) …").
const ASIDE = /^[\s*_]*\((?![\s]*(?:\d{1,2}|[ivxIVX]{1,4}|[a-zđ])[\s]*\))[\s\S]*\)[\s.*_]*$/u;

export interface ActionSeed {
  /** Normalised-text offsets of the action text. */
  start: number;
  end: number;
  actor: string | null;
  actorKey: string | null;
  partners: string[];
  serves: string[];
}

export function makeAction(ctx: DocContext, seed: ActionSeed): Action {
  const sp = ctx.span(seed.start, seed.end);
  const text = ctx.read(seed.start, seed.end);
  const q = findQuantity(text);
  return {
    key: `action|${ctx.doc.key}|${hash(`${seed.start}:${fold(text)}`)}`,
    text,
    actor: seed.actor,
    actorKey: seed.actorKey,
    partners: seed.partners,
    quantity: q?.quantity ?? null,
    unit: q?.unit ?? null,
    ...(q?.total !== undefined ? { total: q.total } : {}),
    serves: [...new Set(seed.serves)],
    span: sp,
  };
}

interface Piece {
  start: number;
  end: number;
}

function trimPiece(text: string, p: Piece): Piece | null {
  let { start, end } = p;
  while (start < end && /[\s\-–•+:;,.(]/.test(text[start] as string)) start++;
  while (end > start && /[\s;,.)…]/.test(text[end - 1] as string)) end--;
  // "…,...)" endings: drop the trailing ",..." that marks an open list.
  while (end > start && /[.,\s]/.test(text[end - 1] as string)) end--;
  return end - start >= 8 ? { start, end } : null;
}

/** Splits at paragraph tags and bullet dashes; offsets stay in the normalised text. */
function bullets(ctx: DocContext, start: number, end: number): Piece[] {
  const raw = blankDecoration(ctx.text.slice(start, end));
  const cuts = [0];
  for (const m of raw.matchAll(/(?:^|\s{2,}|[.;:]\s+|\n\s*)([-–•+])\s+(?=\p{L})/gu)) {
    cuts.push((m.index ?? 0) + m[0].indexOf(m[1] as string));
  }
  cuts.push(raw.length);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++)
    out.push({ start: start + (cuts[i] as number), end: start + (cuts[i + 1] as number) });
  return out;
}

/** Whether a piece just records the issuing of a document (that is a result, not an action). */
function issuesDocument(ctx: DocContext, p: Piece): boolean {
  const f = ctx.folded.slice(p.start, p.end);
  return (
    /^[^.;]{0,120}\bda ban hanh\b/.test(f) && ctx.citationsIn(p.start, p.end).length > 0 && f.length < 400
  );
}

/**
 * Actions in a task's result cell: each bullet, and each item of a "heading: (a; b; c)" list. A
 * heading that names a document ("Triển khai đề án theo Quyết định 324/QĐ-UBND …: …") makes the
 * actions under it serve that document too.
 */
export function actionsFromCell(
  ctx: DocContext,
  start: number,
  end: number,
  actor: { name: string | null; key: string | null },
  serves: string[],
): Action[] {
  const out: Action[] = [];
  const text = ctx.text;
  for (const b of bullets(ctx, start, end)) {
    const piece = trimPiece(text, b);
    if (piece === null || issuesDocument(ctx, piece)) continue;
    const body = blankDecoration(text.slice(piece.start, piece.end));
    const colon = body.search(/:\s/);
    const heading = colon > 0 && colon < 400 ? { start: piece.start, end: piece.start + colon } : null;
    const headingDocs =
      heading === null ? [] : withAttached(ctx, docKeys(ctx, heading.start, heading.end), heading);
    // A result cell may name who acted ("Bộ Tài chính đã phối hợp …", "Thủ tướng Chính phủ sẽ xem
    // xét, ban hành …"): that body, not the row's lead; and what a body will do is not yet done.
    const subj = clauseSubject(ctx, piece);
    let who = actor;
    if (subj !== null && subj !== "BARE") {
      const after = subj.start + subj.name.length;
      if (/^\s+(?:sẽ|dự kiến)\s/u.test(text.slice(after, after + 12))) continue;
      const org = ctx.organisation(ctx.read(subj.start, after), subj.start, after);
      who = { name: org.name, key: org.key };
    }
    const seed = (p: Piece, extra: string[]): ActionSeed => ({
      ...p,
      actor: who.name,
      actorKey: who.key,
      partners: partnersIn(ctx, p.start, p.end),
      serves: [...serves, ...extra, ...docKeys(ctx, p.start, p.end)],
    });
    if (heading !== null) {
      const rest = { start: heading.end + 1, end: piece.end };
      const restText = body.slice(colon + 1).trim();
      // "… đã tổng hợp …, gồm: (1) Luật A; (2) Luật B": the list names what was worked on, one action.
      const lists = /(?:gom|bao gom|nhu sau)\s*$/.test(ctx.folded.slice(heading.start, heading.end));
      if (restText.startsWith("(") && !lists) {
        // "Triển khai các dự án …: (A; B; C,...)": each item is one action.
        const open = text.indexOf("(", rest.start);
        let s = open + 1;
        for (let i = open + 1; i <= piece.end; i++) {
          if (i === piece.end || text[i] === ";") {
            const item = trimPiece(text, { start: s, end: i });
            if (item !== null) out.push(makeAction(ctx, seed(item, headingDocs)));
            s = i + 1;
          }
        }
        continue;
      }
      if (
        /^(trien khai|thuc hien|to chuc thuc hien|tiep tuc)/.test(
          ctx.folded.slice(heading.start, heading.end).trim(),
        )
      ) {
        const item = trimPiece(text, rest);
        if (item !== null) out.push(makeAction(ctx, seed(item, headingDocs)));
        continue;
      }
    }
    out.push(makeAction(ctx, seed(piece, [])));
  }
  return out;
}

const TYPE_WORD: Partial<Record<string, RegExp>> = {
  SCHEME: /\bde an\b/,
  PROGRAMME: /\bchuong trinh\b/,
  STRATEGY: /\bchien luoc\b/,
  PLAN: /\bke hoach\b/,
  PROJECT: /\b(du an|phuong an)\b/,
  RULES: /\bquy che\b/,
  REGULATION: /\bquy dinh\b/,
};

/**
 * "Triển khai đề án theo Quyết định 324/QĐ-UBND": the decision is cited, but the đề án it issued
 * (a document of its own, ISSUED_WITH the decision) is what is carried out — add it when the
 * text names its kind.
 */
function withAttached(ctx: DocContext, keys: string[], range: Piece): string[] {
  const f = ctx.folded.slice(range.start, range.end);
  const out = [...keys];
  for (const r of ctx.cites.relations) {
    if (r.kind !== "ISSUED_WITH" || !keys.includes(r.to) || out.includes(r.from)) continue;
    const attached = ctx.cites.citations.find((c) => c.key === r.from);
    const word = attached === undefined ? undefined : TYPE_WORD[attached.type];
    if (word?.test(f)) out.push(r.from);
  }
  return out;
}

/** Keys of the documents cited in a range (the citations pass decides what is a document). */
export function docKeys(ctx: DocContext, start: number, end: number): string[] {
  return [...new Set(ctx.citationsIn(start, end).map((m) => m.citation.key))];
}

const PARTNER =
  /ph[ốo]i hợp (?:với |cùng )?(.{3,80}?)(?=\s+(?:tổ chức|thực hiện|triển khai|xây dựng|để|trong|nhằm)\b|[,;.:(]|$)/giu;

/** "phối hợp với Hợp tác xã Hải Dương tổ chức …" → ["Hợp tác xã Hải Dương"], resolved and recorded. */
export function partnersIn(ctx: DocContext, start: number, end: number): string[] {
  const out: string[] = [];
  // Whatever case and accents, "phối hợp" folds to "phoi hop": without it there is no partner.
  if (!ctx.folded.slice(start, end).includes("phoi hop")) return out;
  const slice = ctx.text.slice(start, end);
  for (const m of slice.matchAll(PARTNER)) {
    let name = (m[1] as string).trim();
    if (!/^\p{Lu}/u.test(name) && !/^các /.test(name)) continue;
    if (/^\p{Lu}/u.test(name)) {
      const head = nameHead(name);
      // A registry body whose name has lower-case syllables ("Bộ Công an") is read whole.
      const words = name.split(/\s+/);
      const n = head.split(/\s+/).length;
      let known: string | null = null;
      for (let k = Math.min(words.length, n + 3); k > n && known === null; k--) {
        const w = words.slice(0, k).join(" ");
        if (resolveRegistered(w, ctx.resolution) !== null) known = w;
      }
      name = known ?? head;
    }
    if (/^(nhiều|các) (cơ quan|đơn vị)/i.test(name)) continue;
    const s = start + (m.index ?? 0) + m[0].indexOf(name);
    const org = ctx.organisation(name, s, s + name.length);
    out.push(org.name);
  }
  return out;
}

// Sentence subjects that name who acted: "Sở Khoa học và Công nghệ đã …", "Trung tâm … triển khai".
const SUBJECT_HEADS =
  "Sở|Bộ|UBND|(?:Ủy|Uỷ) ban|HĐND|Hội đồng|Trung tâm|Ban|Chi cục|Văn phòng|Thanh tra|Viện|Tỉnh (?:ủy|uỷ)|Thủ tướng|Chính phủ|Đảng (?:ủy|uỷ)|Đảng đoàn|Cục|Vụ|Công an|Phòng|Kho bạc|Báo|Đài|Liên đoàn|Tỉnh đoàn";
const SUBJECT_VERBS =
  "đã|đang|sẽ|tiếp tục|tập trung|phối hợp|tổ chức|triển khai|thực hiện|ban hành|chủ trì|cấp|kiểm định|hỗ trợ|kiểm tra|hoàn thành";
const SUBJECT = new RegExp(`^((${SUBJECT_HEADS})(?:\\s+[\\p{L}&,-]+){0,10}?)\\s+(?=${SUBJECT_VERBS})`, "u");
// The same, read on the folded clause when it was written without marks ("So Y te da to chuc …").
// Only verbs of two syllables and "da": a folded one-syllable verb is other words too ("cap").
const SUBJECT_UNMARKED = new RegExp(
  `^((${fold(SUBJECT_HEADS)})(?:\\s+[a-z0-9&,-]+){0,10}?)\\s+(?=(?:${fold(SUBJECT_VERBS)
    .split("|")
    .filter((v) => v === "da" || v.includes(" "))
    .join("|")})\\s)`,
  "u",
);
// Lower-case words that may follow a head in a body's name: its level ("Công an xã", "Thanh tra tỉnh").
const LEVEL_WORD = /^(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)$/u;

/**
 * Actions in report prose: clauses with a verb of doing and either "đã" or a quantity. The actor is
 * the clause's subject, else the sentence's, else — in a report — its issuer.
 */
export function proseActions(ctx: DocContext, excluded: [number, number][]): Action[] {
  const out: Action[] = [];
  const text = ctx.text;
  const isExcluded = (o: number) => inRanges(excluded, o);
  // A commune's report is its own council's ("UBND xã X"), keyed as its mentions are.
  const own =
    ctx.doc.issuer === null || ctx.local === null ? null : ctx.doc.issuer.replace(ctx.local.name, "");
  const issuer =
    ctx.doc.issuer === null
      ? null
      : ((own === null ? null : ctx.localCouncil(own)) ??
        resolveOrganisation(ctx.doc.issuer, ctx.resolution));
  const reportActor =
    ctx.doc.type === "REPORT" && issuer !== null
      ? { name: issuer.name, key: ctx.doc.issuerKey ?? issuer.key }
      : null;
  for (const para of paragraphs(text)) {
    if (isExcluded(para.start) || para.end - para.start < 40) continue;
    const paraText = text.slice(para.start, para.end);
    if (
      /^\s*(#|\|)/.test(paraText) ||
      ASIDE.test(paraText) ||
      paraText.includes("\t") ||
      /tong so nhiem vu/.test(ctx.folded.slice(para.start, para.end))
    )
      continue;
    const sentences = sentencesOf(text, para);
    const firstCites =
      sentences[0] === undefined ? [] : sentenceServes(ctx, sentences[0].start, sentences[0].end);
    for (const { start: sStart, end: sEnd } of sentences) {
      // Only a sentence with "đã" or a number can hold an action (cheap test before the regexes).
      const sentence = text.slice(sStart, sEnd);
      const unmarkedDone = /\bda\s/i.test(sentence) && unmarked(sentence, ctx.folded.slice(sStart, sEnd));
      if ((!/đã|\d/.test(sentence) && !unmarkedDone) || ASIDE.test(sentence)) continue;
      let actor: { name: string | null; key: string | null } | null = null;
      const serves = sentenceServes(ctx, sStart, sEnd);
      // Clauses: up to each ";" of the sentence, and the rest.
      for (let cs = sStart; cs <= sEnd; ) {
        const semi = text.slice(cs, sEnd).indexOf(";");
        const i = semi < 0 ? sEnd : cs + semi;
        const whole = trimPiece(text, { start: cs, end: i });
        cs = i + 1;
        if (whole === null) continue;
        for (const clause of splitCounted(text, whole)) {
          const ct = text.slice(clause.start, clause.end);
          const subj = clauseSubject(ctx, clause);
          if (subj === "BARE") {
            // "Sở đã cử …", "Trung tâm kiểm định …": the body named just before, or the report's author.
            actor = actor ?? reportActor;
          } else if (subj !== null) {
            // Named as written (the normalised text may place tone marks the other way: "uỷ").
            const end = subj.start + subj.name.length;
            const org = ctx.organisation(ctx.read(subj.start, end), subj.start, end);
            actor = { name: org.name, key: org.key };
          }
          // "đã" close before a verb of doing: "đã thẩm định", "đã chỉ đạo, điều hành triển khai".
          // Read as written, or folded when the clause was written without marks.
          const cf = ctx.folded.slice(clause.start, clause.end);
          const w = unmarked(ct, cf) ? UNMARKED : MARKED;
          const tx = w === UNMARKED ? cf : ct;
          const da = firstWord(w.da, tx);
          const done = da !== null && doneAt(tx, da.index + da[0].length, w);
          const purpose = w.purpose.exec(tx);
          const q = !hasVerb(tx, ct, purpose === null ? tx.length : purpose.index, w)
            ? null
            : findQuantity(clean(ct));
          const counted = q !== null && !(COUNTS_OF_WORK.has(fold(q.unit)) && w.statusCount.test(tx));
          if (!done && !counted) continue;
          if (isHeading(ct) || w.notDone.test(tx)) continue;
          if (w.opener.test(tx) && !counted) continue;
          const who = actor ?? reportActor;
          out.push(
            makeAction(ctx, {
              ...clause,
              actor: who?.name ?? null,
              actorKey: who?.key ?? null,
              partners: partnersIn(ctx, clause.start, clause.end),
              serves: serves.length > 0 ? serves : firstCites,
            }),
          );
        }
      }
    }
  }
  return out;
}

// Openers of a leading adverbial ("Thực hiện Kế hoạch số …, UBND tỉnh đã …"): the clause's
// subject comes after the phrase they open, however long it is.
const ADVERBIAL_OPENER =
  /^(?:tiếp tục )?(?:thực hiện|triển khai|căn cứ|trên cơ sở|theo|để|nhằm|thi hành|quán triệt|bám sát|sau khi|về|đối với|trong|qua|cùng với|tại)(?![\p{L}\p{N}])/iu;

/**
 * Where a subject may start in a clause: at its start, or after a short leading phrase ("6 tháng
 * đầu năm 2024, Sở … đã …", "Trên cơ sở đó, Sở … đã …"); and, when the clause opens with an
 * adverbial, after each comma that ends a stretch of it. Commas inside a cited document's words,
 * brackets or quotes (titles: "Chiến lược phát triển khoa học, công nghệ …") end nothing.
 */
function subjectStarts(ctx: DocContext, piece: Piece): number[] {
  const text = ctx.text;
  // Markdown bullets and emphasis ("*   Thực hiện …", "**Sở …**") are not words of the clause.
  const marks = /^[\s*_]*/.exec(text.slice(piece.start, piece.end))?.[0].length ?? 0;
  const clause = { start: piece.start + marks, end: piece.end };
  const short = /^[^,]{0,40},\s+(?=\p{Lu})/u.exec(text.slice(clause.start, clause.end));
  const out = [clause.start + (short?.[0].length ?? 0)];
  if (!ADVERBIAL_OPENER.test(text.slice(clause.start, clause.start + 30))) return out;
  const cited = ctx.citationsIn(clause.start, clause.end).map((m): [number, number] => [m.start, m.end]);
  let depth = 0;
  let quoted = false;
  for (let i = clause.start; i < clause.end; i++) {
    const c = text[i] as string;
    if (c === "(" || c === "“") depth++;
    else if ((c === ")" || c === "”") && depth > 0) depth--;
    else if (c === '"') quoted = !quoted;
    else if (c === "," && depth === 0 && !quoted && !inRanges(cited, i)) {
      const next = /^,\s+(?=\p{Lu})/u.exec(text.slice(i, i + 4));
      if (next !== null) out.push(i + next[0].length);
    }
  }
  return out;
}

/**
 * The body a clause names as its subject: the first place a subject may start (see
 * subjectStarts) where a registered body or a well-formed name stands before the verb. "BARE"
 * when the subject is a bare head ("Sở đã …") that refers back to a body named before.
 */
function clauseSubject(ctx: DocContext, clause: Piece): { name: string; start: number } | "BARE" | null {
  const written = ctx.text.slice(clause.start, clause.end);
  const bare = unmarked(written, ctx.folded.slice(clause.start, clause.end));
  for (const start of subjectStarts(ctx, clause)) {
    // Without marks the folded text is matched and the name taken as written (same offsets).
    const subj = bare
      ? SUBJECT_UNMARKED.exec(ctx.folded.slice(start, clause.end))
      : SUBJECT.exec(ctx.text.slice(start, clause.end));
    if (subj === null || /^ban hanh/.test(fold(subj[1] as string))) continue;
    const name = ctx.text.slice(start, start + (subj[1] as string).length).trim();
    const known = resolveRegistered(name, ctx.resolution) !== null;
    if (!known && /^\p{L}+(\s\p{L}+)?$/u.test(name) && !/\s\p{Lu}/u.test(name) && name.length < 12)
      return "BARE";
    if (known || looksLikeName(name) || namedAfterHead(name, (subj[2] as string).length))
      return { name, start };
  }
  return null;
}

/**
 * Whether a piece ends a sentence or clause (`/[.!?:;]\s*$/`), read from its end: the regex tried
 * every position of a paragraph, once per joined line.
 */
function endsClause(text: string, p: Piece): boolean {
  let e = p.end;
  while (e > p.start && isSpace(text.charCodeAt(e - 1))) e--;
  return e > p.start && ".!?:;".includes(text[e - 1] as string);
}

/**
 * Paragraphs, with lines broken mid-sentence (a page break: "thiết bị X-\n\nquang chẩn đoán")
 * joined back: a line that does not end a sentence continues on a next line that starts in lower case.
 */
function paragraphs(text: string): Piece[] {
  const out: Piece[] = [];
  let pos = 0;
  let cur: Piece | null = null;
  while (pos < text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const line = { start: pos, end: nl };
    pos = nl + 1;
    const t = text.slice(line.start, line.end).trim();
    if (t === "") continue;
    if (cur !== null && /^\p{Ll}/u.test(t) && !endsClause(text, cur)) {
      cur.end = line.end;
      continue;
    }
    if (cur !== null) out.push(cur);
    cur = line;
  }
  if (cur !== null) out.push(cur);
  return out;
}

/**
 * The sentences of a paragraph as `/[^.!?]+(?:[.!?](?=\s|$)|$)/g` matches them: a run that ends at
 * a stop followed by white space or at the end. A run cut by a stop inside a word ("1.179", "V.v")
 * matches nowhere, so matching resumes after that stop. One pass: the regex retried every start
 * position of such a run, quadratic in its length.
 */
export function sentencesOf(text: string, para: Piece): Piece[] {
  const out: Piece[] = [];
  const body = text.slice(para.start, para.end);
  const n = body.length;
  let s = 0;
  // Where to look for the next stop: past a "." inside a number ("17.450 lao động", "5.820 tỷ
  // đồng"), which ends no sentence, while the sentence still starts at `s`.
  let from = 0;
  while (s < n) {
    STOP.lastIndex = from;
    const r = STOP.exec(body)?.index ?? n;
    if (r === s) {
      s++;
      from = s;
      continue;
    }
    if (r === n) {
      out.push({ start: para.start + s, end: para.end });
      break;
    }
    if (r + 1 === n || isSpace(body.charCodeAt(r + 1))) {
      out.push({ start: para.start + s, end: para.start + r + 1 });
      s = r + 1;
    }
    from = r + 1;
  }
  return out;
}

const STOP = /[.!?]/g;

/** A clause written all in capitals (its letters, that is) is a heading, not an action. */
function isHeading(clause: string): boolean {
  let letters = false;
  for (const ch of clause) {
    if (!/\p{L}/u.test(ch)) continue;
    if (ch.toUpperCase() !== ch) return false;
    letters = true;
  }
  return letters;
}

/** "cấp chứng chỉ … cho 02 cá nhân, cấp Giấy phép … cho 08 cơ sở" is two counted actions. */
function splitCounted(text: string, p: Piece): Piece[] {
  // Two counts need two numbers; most clauses have fewer.
  if (!/\d\D+\d/.test(text.slice(p.start, p.end))) return [p];
  const out: Piece[] = [];
  let s = p.start;
  const slice = text.slice(p.start, p.end);
  for (const m of slice.matchAll(/,\s+(?=\p{Ll})/gu)) {
    const cut = p.start + (m.index ?? 0);
    const rest = text.slice(cut + m[0].length, p.end);
    // A verb right at the start (sticky: no search through the rest of the clause).
    ACTION_VERB_AT.lastIndex = 0;
    if (!ACTION_VERB_AT.test(rest)) continue;
    const left = text.slice(s, cut);
    if (findQuantity(clean(left)) === null || findQuantity(clean(rest)) === null) continue;
    out.push({ start: s, end: cut });
    s = cut + m[0].length;
  }
  out.push({ start: s, end: p.end });
  return out;
}

// Lower-case syllables that belong inside names of bodies ("Ủy ban nhân dân tỉnh", "Hợp tác xã").
const NAME_LOWER = new Set([
  "nhân",
  "dân",
  "ban",
  "tác",
  "xã",
  "tỉnh",
  "thành",
  "phố",
  "huyện",
  "và",
  "quận",
  "thị",
  "trung",
  "ương",
]);

/** The name at the start of a phrase: "UB KHCNMT QH tiếp thu ý kiến" → "UB KHCNMT QH". */
function nameHead(phrase: string): string {
  const words = phrase.split(/\s+/);
  let n = 0;
  while (
    n < words.length &&
    (n < 2 || /^[\p{Lu}\d]/u.test(words[n] as string) || NAME_LOWER.has(words[n] as string))
  )
    n++;
  while (n > 1 && NAME_LOWER.has(words[n - 1] as string) && words[n - 1] === "và") n--;
  return words.slice(0, n).join(" ");
}

/** "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng", "Hợp tác xã Hải Dương": a head, then a name. */
function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/).slice(2);
  if (words.length === 0 || words.length > 9) return false;
  return words.every(
    (w) => /^[\p{Lu}\d]/u.test(w) || /^(tỉnh|thành|phố|huyện|xã|phường|quận|và|ủy|uỷ)$/u.test(w),
  );
}

/**
 * A head followed by a proper name ("Trung tâm Phục vụ hành chính công xã", "Phòng Kinh tế") or by
 * its level ("Công an xã"): a body whose name the registry need not know. A head followed by common
 * words ("Ban chỉ đạo các cấp") is not.
 */
function namedAfterHead(name: string, headLength: number): boolean {
  const rest = name.slice(headLength).trim();
  if (rest === "" || rest.includes(",") || rest.split(/\s+/).length > 7) return false;
  if (!/^\p{Lu}/u.test(rest) && !LEVEL_WORD.test(rest)) return false;
  // A verb or a function word inside is the subject's own clause ("Ban Thường vụ Huyện ủy xây dựng
  // Kế hoạch …", "Đảng ủy Chính phủ được giao chủ trì").
  if (/(?:^|\s)(?:được|bị|là|có|các|của|cho|với|để|theo|và(?=\s+\p{Ll}))(?=\s|$)/u.test(rest)) return false;
  for (const m of allWords(ACTION_VERB, rest)) if (/^\p{Ll}/u.test(m[0])) return false;
  // Common words, then a capital again: a verb the list lacks, then its object ("Đảng đoàn HĐND tỉnh
  // lãnh đạo HĐND tỉnh …"), not a name.
  return !/\s(?!và\s)\p{Ll}[\p{L}]*\s(?:.*\s)?\p{Lu}/u.test(` ${rest}`);
}

/** Documents a sentence says it carries out ("Triển khai Kế hoạch số …", "… theo Quyết định số …"). */
function sentenceServes(ctx: DocContext, start: number, end: number): string[] {
  const f = ctx.folded.slice(start, end);
  if (!/(thuc hien|trien khai|theo |gan voi|thuoc )/.test(f)) return [];
  return docKeys(ctx, start, end);
}
