// Tasks from numbered and lettered lists: the "NHIỆM VỤ", "PHÂN CÔNG NHIỆM VỤ" and "TỔ CHỨC THỰC
// HIỆN" parts of plans, programmes and resolutions ("5. Bộ Tài chính chủ trì, phối hợp với các bộ,
// ngành, địa phương bảo đảm nguồn kinh phí …"; "a) Tổ đảng ở Thường trực Ủy ban …" followed by its
// bullets). Reports are left out: their numbered proposals are not assignments.
import { fold } from "../normalise.ts";
import { matchKey } from "../organisations/index.ts";
import type { Task } from "../types.ts";
import { foldedPattern, unmarked } from "../words.ts";
import { clean, type DocContext, inRanges } from "./context.ts";
import { parseDeadline } from "./deadline.ts";
import { looksLikeBody, type NamedOrg, organisationsIn } from "./orglist.ts";
import { implementedBy, implementsFrom } from "./tasks.ts";

interface Line {
  start: number;
  end: number;
  /** Offset where the item's text begins (after its marker). */
  body: number;
  kind: "roman" | "number" | "letter" | "bullet" | "text" | "blank";
  ref: string;
}

const ROMAN = /^\s*(?:#+\s*)?(?:\*\*)?([IVX]{1,4})[.\-–]\s*(?:\*\*)?\s*/;
const NUMBER = /^\s*(?:#+\s*)?(?:\*\*)?(\d{1,2}(?:\.\d{1,2})?)[.)](?:\*\*)?\s+(?:\*\*)?/;
const LETTER = /^\s*(?:[-*]\s+)?(?:\*\*)?([a-zđ])\)(?:\*\*)?\s+(?:\*\*)?/;
const BULLET = /^\s*[-*•+]\s+/;
// A numbered item whose number a word processor's list export put after a bullet: "•3 …", "• 3. …".
const BULLET_NUMBER = /^\s*•\s*(\d{1,2})(?:[.)]\s*|\s+)(?=\S)/;

// An article titled on its own line ("Điều 2. Nhiệm vụ, giải pháp chủ yếu") heads a part as a
// Roman numeral does; an article whose text runs on ("Điều 3. Chánh Văn phòng … chịu trách nhiệm
// thi hành …") is prose.
const ARTICLE = /^\s*(?:#+\s*)?(?:\*\*)?Điều\s+(\d{1,3})[.:]\s*(?:\*\*)?\s*[^.;:]{3,90}$/u;

function classify(ctx: DocContext, start: number, end: number): Line {
  const t = ctx.text.slice(start, end);
  if (t.trim() === "") return { start, end, body: end, kind: "blank", ref: "" };
  const article = ARTICLE.exec(t.trimEnd().replace(/\*\*$/, ""));
  if (article !== null) return { start, end, body: start, kind: "roman", ref: `Điều ${article[1]}` };
  for (const [re, kind] of [
    [ROMAN, "roman"],
    [LETTER, "letter"],
    [NUMBER, "number"],
    [BULLET_NUMBER, "number"],
    [BULLET, "bullet"],
  ] as const) {
    const m = re.exec(t);
    if (m !== null) return { start, end, body: start + m[0].length, kind, ref: m[1] ?? "" };
  }
  return { start, end, body: start, kind: "text", ref: "" };
}

const GIVING_ARTICLE = /^\s*(?:#+\s*)?(?:\*\*)?Điều\s+(\d{1,3})[.:]\s*(?:\*\*)?\s*(?=Giao\s+\p{Lu})/u;

const TASK_HEADING = /nhiem vu|phan cong|to chuc thuc hien|giai phap/;
const NOT_TASKS = /ket qua|tinh hinh|danh gia|ton tai|han che|thong ke|muc dich|yeu cau|quan diem|muc tieu/;
const LEAD =
  /^(.{3,120}?)\s+(?:chủ trì|có trách nhiệm|chịu trách nhiệm|là (?:cơ quan )?(?:đầu mối|thường trực)|phối hợp (?:với|cùng))/u;
// "UBND huyện chỉ đạo Phòng Lao động … chủ trì": the body directed to lead is the lead.
const DIRECTED = /^.{3,80}?\s(?:chỉ đạo|giao)\s+(?=\p{Lu})/u;
const GIVEN = /(?:^|\s)giao\s+(.{3,120}?)\s+chủ trì/iu;
// "Công an tỉnh: Chủ trì, phối hợp …", "Sở Tài chính: Tham mưu …": the body, a colon, its work.
const COLON_LEAD = /^([^:;.\n]{3,120}?)\s*:\s+(?=\S)/u;
// An item that opens "Giao <body> <verb> …" ("Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết
// này"): the body given the work leads it.
const GIVEN_FIRST =
  /^giao\s+(\p{Lu}.{2,119}?)\s+(?:chủ trì|tổ chức|triển khai|thực hiện|chỉ đạo|theo dõi|xây dựng|hướng dẫn|kiểm tra|giám sát)(?![\p{L}])/iu;
const COOP =
  /phối hợp (?:với )?(.{3,200}?)(?=\s+(?:để|biên soạn|làm|tổng hợp|thẩm định|báo cáo|chuẩn ho[áa]|thu thập|trong|theo|thu nhận|tiếp nhận|hoàn thành|vận động|tăng cường|đẩy mạnh|nâng cao|cung cấp|phổ biến|cập nhật|giải quyết|tập huấn|điều tra|thống kê|xử lý|tổ chức|xây dựng|triển khai|thực hiện|bảo đảm|đảm bảo|theo dõi|rà soát|nghiên cứu|tham mưu|đề xuất|hoàn thiện|hướng dẫn|trình|bố trí|kiểm tra|đánh giá|giám sát|hỗ trợ|tuyên truyền|quán triệt|chỉ đạo|đôn đốc|số ho[áa])\s|[;.:]|$)/iu;
// Only the date (the group) is read, so the pattern starts at the cue: the verb and spaces that may
// come before it ("hoàn thành trước …") hold no cue word, and without them the same date is found
// while the engine no longer tries five verbs at every position of the item.
const DEADLINE =
  /(?:trong|trước|chậm nhất|trong thời hạn|đến)\s+((?:ngày\s+)?(?:\d{1,2}\s*[/.-]\s*)?(?:tháng\s+)?\d{1,2}\s*(?:[/.-]|năm)\s*\d{4}|(?:năm|quý\s+[IV]+)\s*\/?\s*\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?(?:\s+h[ằà]ng\s+(?:năm|tháng|quý))?|ngày\s+\d{1,2}(?:\s*\/\s*\d{1,2})?\s+h[ằà]ng\s+(?:năm|tháng|quý))/iu;

// Words that make an undated item recur (matched on folded text; folding keeps offsets).
// The item's own rhythm, not a word of its content ("định kỳ đo lường và công bố kết quả"); "thực
// hiện hằng năm." closing the item is its rhythm.
const RECURS =
  /(?<![a-z])(?:(?<=thuc hien )thuong xuyen|thuong xuyen(?=\s*(?:[;.]|$))|(?<=thuc hien )hang (?:nam|quy|thang)(?=\s*(?:[;.]|$))|dinh ky (?:(?:hang|moi) (?:nam|quy|thang)|\d{1,2} thang)|hang (?:nam|quy|thang)(?= bao cao))(?![a-z])/;

// A labelled deadline closing an item: "Thời gian hoàn thành: Quý II/2025.", "Thời hạn: năm 2025",
// "Thời gian thực hiện: thường xuyên", "Tiến độ: trước ngày 30/6/2025" (matched on folded text).
const LABELLED_DEADLINE =
  /(?:thoi gian|thoi han|tien do)(?: hoan thanh| thuc hien| trinh| ban hanh)?\s*:\s*([^;:\n]{2,80}?)\s*(?:[;.)](?:\s|$)|$)/;

// A group of bodies led together, named by their kind: "Các sở, ban, ngành", "Các chi bộ trực
// thuộc", "Các đảng bộ cơ sở", "Các ban xây dựng Đảng" (a list item's subject, not "Các nhiệm vụ").
const COLLECTIVE_KIND = `Các (?:sở|bộ|ban|ngành|cơ quan|đơn vị|địa phương|chi bộ|đảng bộ|đảng (?:ủy|uỷ)|(?:huyện|thị|thành|quận) (?:ủy|uỷ)|cấp (?:ủy|uỷ)|tổ chức|đoàn thể|hội|phòng|chi cục|trung tâm|cục|vụ|viện|trường|doanh nghiệp|tập đoàn|tổng công ty|huyện|thị xã|thành phố|xã|phường|quận)`;

// "Sở Khoa học và Công nghệ khẩn trương hoàn thành …": an item that opens with a body and its verb.
// Matched on the text as written: folded, "Bổ sung" would read as "Bộ" and "Phòng, chống" as a body.
const BODY_FIRST = new RegExp(
  String.raw`^(?:(?:Sở|Bộ|UBND|HĐND|(?:Ủy|Uỷ) ban|Văn phòng|Ban(?! hành)|Đảng đoàn|Đảng (?:ủy|uỷ)|Tổ đảng|Thanh tra|Công an|Thường trực)[\s,]|${COLLECTIVE_KIND}[\s,]|(?:Phòng|Trung tâm|Chi cục|Cục|Vụ|Viện)\s\p{Lu})`,
  "u",
);
const LEAD_ACTS =
  /^(.{3,160}?)\s+(?:lãnh đạo|giám sát|căn cứ|chủ động|tích cực|quán triệt|khẩn trương|rà soát|tổ chức|xây dựng(?! Đảng)|hoàn thành|hoàn thiện|tham mưu|nghiên cứu|đề xuất|theo dõi|tiếp tục|tập trung|chỉ đạo|hướng dẫn|kiểm tra|bố trí|đôn đốc|triển khai|thực hiện)[\s,]/u;

// An item copied without tone marks ("So Khoa hoc va Cong nghe chu tri, phoi hop voi So Tai chinh
// …"; grammar §5.1) is read with the same patterns folded. Folding keeps offsets, so what they find
// is quoted from the text as written. Only such items: in marked text the folded head words are
// ambiguous ("Bổ sung" would read as "Bộ").
const LEAD_F = foldedPattern(LEAD);
const GIVEN_F = foldedPattern(GIVEN);
const LEAD_ACTS_F = foldedPattern(LEAD_ACTS);
const COOP_F = foldedPattern(COOP);
const DEADLINE_F = foldedPattern(DEADLINE);
// A head word, then a capital ("So Tai chinh", not "bo sung"), or a group ("Cac huyen uy, …").
const BODY_FIRST_F =
  /^(?:(?:So|Bo|Ban|UBND|HDND|Uy ban|Van phong|Dang doan|Dang uy|To dang|Thanh tra|Cong an|Phong|Trung tam|Chi cuc|Cuc|Vu|Vien)\s+\p{Lu}|Ban (?:can su|chi dao|thuong vu|to chuc|tuyen giao|dan van|kiem tra|noi chinh)\s|Cac\s+(?:so|bo|ban|nganh|co quan|don vi|dia phuong|chi bo|dang bo|dang uy|(?:huyen|thi|thanh|quan) uy|cap uy|to chuc|doan the|phong|trung tam|huyen|xa|phuong)(?![a-z]))/u;

/** The item as its patterns read it: as written, or folded when it was written without marks. */
function readable(ctx: DocContext, start: number, end: number): { t: string; plain: boolean } {
  const t = ctx.text.slice(start, end);
  const f = ctx.folded.slice(start, end);
  return unmarked(t, f) ? { t: f, plain: true } : { t, plain: false };
}

function leadsOf(ctx: DocContext, start: number, end: number): NamedOrg[] {
  const t = ctx.text.slice(start, end);
  // "giao … chủ trì" in any case folds to "giao" and "chu tri": without both it cannot match.
  const f = ctx.folded.slice(start, end);
  const r = readable(ctx, start, end);
  const given = f.includes("giao") && f.includes("chu tri") ? (r.plain ? GIVEN_F : GIVEN).exec(r.t) : null;
  const bodyFirst = r.plain ? BODY_FIRST_F.test(ctx.text.slice(start, end)) : BODY_FIRST.test(t);
  const byVerb =
    given ??
    (r.plain ? null : GIVEN_FIRST.exec(t)) ??
    (r.plain ? LEAD_F : LEAD).exec(r.t) ??
    (bodyFirst ? (r.plain ? LEAD_ACTS_F : LEAD_ACTS).exec(r.t) : null);
  // The body before a colon, when no verb comes before it ("Sở Tài chính chủ trì …, các nội dung
  // sau:" is led by what stands before "chủ trì").
  // The colon pattern, the costliest, runs last, only for an item that may be led that way.
  const colon =
    (byVerb === null || (byVerb[1] as string).includes(":")) && (BODY_FIRST.test(t) || BODY_FIRST_F.test(t))
      ? COLON_LEAD.exec(t)
      : null;
  const m = colon ?? byVerb;
  // "Chủ trì, phối hợp với Sở Tài chính …": the item opens with the verb; its lead is the heading's.
  if (m === null || /^(?:chu tri|phoi hop)\b/.test(fold(m[1] as string))) return [];
  let s = start + (m.index ?? 0) + m[0].indexOf(m[1] as string);
  // "Các bộ, cơ quan ngang bộ chưa hoàn thành việc rà soát khẩn trương hoàn thành …": the verb's
  // adverb ("chưa", "đã", "đều") is not the body's name.
  const adverb = /(?:\s+(?:chưa|không|đã|đang|sẽ|cũng|đều))+$/u.exec(m[1] as string);
  const e = s + (m[1] as string).length - (adverb?.[0].length ?? 0);
  // "a) Rà soát, hoàn thiện …; Bộ Giáo dục và Đào tạo chủ trì, …": the work, then its lead in a
  // clause of its own. The lead is the subject of its clause only.
  const clause = (m[1] as string).lastIndexOf(";");
  if (clause >= 0 && m !== colon) s += clause + 1;
  const directed = DIRECTED.exec(ctx.text.slice(s, e));
  if (directed !== null) s += directed[0].length;
  return organisationsIn(ctx, s, e).filter((o) => looksLikeBody(ctx, o.name));
}

/** A lettered or numbered heading that names a body ("a) Tổ đảng ở Thường trực Ủy ban Kinh tế"). */
function headingOrgs(ctx: DocContext, line: Line): NamedOrg[] {
  const t = clean(ctx.text.slice(line.body, line.end));
  if (t.length > 110) return [];
  if (
    !/^(Tổ đảng|Đảng (?:ủy|uỷ)|Đảng đoàn|Ban cán sự|Lãnh đạo|Bộ|Sở|(?:Ủy|Uỷ) ban|UBND|Văn phòng|Ban|Các Đoàn|Thường trực|Hội đồng|Trung tâm|Phòng|Chi cục|Cục|Vụ|Viện|Thanh tra|Công an)(?![\p{L}])/u.test(
      t,
    ) &&
    !COLLECTIVE_HEAD.test(t)
  )
    return [];
  return organisationsIn(ctx, line.body, line.end);
}

const COLLECTIVE_HEAD = new RegExp(String.raw`^${COLLECTIVE_KIND}(?![\p{L}])`, "u");

// "Chủ tịch UBND tỉnh yêu cầu:", "đề nghị các sở, ngành:": a letter's assignments follow. A
// proposal upwards ("kính đề nghị UBND tỉnh:", "đề nghị Bộ …:") assigns nothing.
const ASSIGNING = /(?:^|\s)(?<!kinh )(?:yeu cau|giao|chi dao|de nghi(?= cac\b))\b[^:\n]{0,80}:\s*$/;
// The same words as written: folded, "Sở Giáo dục … báo cáo như sau:" would read "giao" (assign).
const ASSIGNING_MARKED =
  /(?:^|\s)(?<!kính )(?:yêu cầu|giao|chỉ đạo|đề nghị(?= các(?![\p{L}])))(?![\p{L}])[^:\n]{0,80}:\s*$/iu;

// "Ủy ban nhân dân thành phố có ý kiến (chỉ đạo) như sau:": the council's letter directing its
// departments; its numbered points assign ("1. Giao Sở … chủ trì …").
const OPINION =
  /(?:^|\s)(?:uy ban nhan dan|ubnd|chu tich)\b[^:\n]{0,40}\sco y kien(?: chi dao)?(?: nhu sau)?\s*:\s*$/;

/** Whether a line that ASSIGNING matches folded assigns as written (a line without marks: yes). */
function assigns(ctx: DocContext, l: Line): boolean {
  const t = clean(ctx.text.slice(l.body, l.end));
  return unmarked(t, fold(t)) || ASSIGNING_MARKED.test(t);
}

/**
 * Whether the cleaned line can begin with one of `letters` (folded): false when its first character
 * after blanks and emphasis stars is plain and another letter. Tags, entities and escapes are left
 * to clean(). Spares cleaning and folding every line to look for "Nơi nhận" and "Phụ lục".
 */
function mayOpenWith(ctx: DocContext, l: Line, letters: string): boolean {
  for (let i = l.body; i < l.end; i++) {
    const c = ctx.text[i] as string;
    if (c === "*" || /\s/.test(c)) continue;
    return c === "<" || c === "&" || c === "\\" || letters.includes(ctx.folded[i] as string);
  }
  return false;
}

// A report's forward part ("III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2024", "PHƯƠNG HƯỚNG, NHIỆM
// VỤ NĂM 2025") assigns, but only the items that name who leads them; the rest are proposals.
const FORWARD = /phuong huong|nhiem vu[^\n]{0,30}(?:trong tam|thoi gian toi|tiep theo|cuoi nam|nam \d{4})/;

export function listTasks(ctx: DocContext, excluded: [number, number][]): Task[] {
  const report = ctx.doc.type === "REPORT";
  // A letter assigns only in the list after "… yêu cầu:"; the paragraph after the list ends it.
  const letter = ctx.doc.type === "OFFICIAL_LETTER";
  const decides = ctx.doc.type === "DECISION" || ctx.doc.type === "RESOLUTION";
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= ctx.text.length) {
    let nl = ctx.text.indexOf("\n", pos);
    if (nl < 0) nl = ctx.text.length;
    if (!inRanges(excluded, pos)) lines.push(classify(ctx, pos, nl));
    pos = nl + 1;
  }
  const tasks: Task[] = [];
  let inRegion = false;
  let section: string | null = null;
  let sectionRef = "";
  let headingLead: NamedOrg[] = [];
  let headingRef = "";
  let regionLead: NamedOrg[] = [];
  let item: { line: Line; end: number; ref: string; paragraph?: true } | null = null;
  const bulletCount = new Map<string, number>();
  let paragraphs = 0;
  const flush = () => {
    if (item !== null && inRegion) {
      const t = makeTask(
        ctx,
        item.line,
        item.end,
        item.ref,
        section,
        headingLead.length > 0 ? headingLead : regionLead,
      );
      if (t !== null && (!report || t.lead.length > 0)) tasks.push(t);
    }
    item = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (l.kind === "blank" && !inRegion) continue;
    const f = () => fold(clean(ctx.text.slice(l.body, l.end)));
    const isHeading =
      l.kind === "roman" ||
      (/^\s*#/.test(ctx.text.slice(l.start, l.end)) && l.kind !== "letter" && l.kind !== "bullet") ||
      // Outside a task part, a numbered title line ("2. Nhiệm vụ, giải pháp trong thời gian tới" in
      // a conclusion with no Roman parts) opens one as a Roman heading does.
      (!inRegion && !report && !letter && l.kind === "number" && numberedTitle(ctx, l));
    if (
      isHeading &&
      (l.kind === "roman" || !inRegion || /^#{1,2}\s/.test(ctx.text.slice(l.start, l.end).trim()))
    ) {
      flush();
      const words = f();
      inRegion = report
        ? FORWARD.test(words) && !/ket qua|tinh hinh/.test(words)
        : !letter && TASK_HEADING.test(words) && !NOT_TASKS.test(words);
      section = null;
      headingLead = [];
      regionLead = [];
      continue;
    }
    if (mayOpenWith(ctx, l, "np") && /^(noi nhan|phu luc)/.test(f())) {
      flush();
      inRegion = false;
      continue;
    }
    // ASSIGNING ends with a colon: lines without one are not cleaned and folded for it.
    if (
      !report &&
      l.kind === "text" &&
      ctx.text.slice(l.body, l.end).trimEnd().endsWith(":") &&
      ((ASSIGNING.test(f()) && assigns(ctx, l)) || OPINION.test(f()))
    ) {
      flush();
      inRegion = true;
      section = null;
      headingLead = [];
      regionLead = [];
      continue;
    }
    if (letter && l.kind === "text" && (lines[i - 1] as Line | undefined)?.kind === "blank") {
      flush();
      inRegion = false;
    }
    // "Điều 2. Giao Sở Y tế chủ trì, phối hợp với …": a decision's article that gives the work is a
    // task of its own, in whatever part it stands.
    if (decides && l.kind === "text") {
      const a = GIVING_ARTICLE.exec(ctx.text.slice(l.start, l.end));
      if (a !== null) {
        flush();
        const t = makeTask(ctx, { ...l, body: l.start + a[0].length }, l.end, `Điều ${a[1]}`, null, []);
        if (t !== null && t.lead.length > 0) tasks.push(t);
        continue;
      }
    }
    if (!inRegion) continue;
    if (l.kind === "blank") continue;
    let j = i + 1;
    while (j < lines.length && (lines[j] as Line).kind === "blank") j++;
    const next = lines[j];
    if (l.kind === "number" || l.kind === "letter") {
      const raw = ctx.text.slice(l.start, l.end).trim();
      const bold = /^(#+\s*)?\*\*/.test(raw) && /\*\*[:.]?$/.test(raw);
      const hasChildren =
        next !== undefined &&
        (next.kind === "bullet" ||
          (l.kind === "number" &&
            (next.kind === "letter" || (next.kind === "number" && next.ref.startsWith(`${l.ref}.`)))) ||
          (bold && next.kind !== l.kind));
      // Only a heading's words are read as bodies (reading an item would record its clauses).
      const orgs = hasChildren ? headingOrgs(ctx, l) : [];
      if (hasChildren && (orgs.length > 0 || l.kind === "number")) {
        // A heading over its own items: a body that leads them, or a numbered group.
        flush();
        if (l.kind === "number") {
          section = clean(ctx.text.slice(l.start, l.end)).replace(/\*+/g, "");
          sectionRef = l.ref;
          headingLead = orgs;
        } else {
          headingLead = orgs;
          headingRef = l.ref;
        }
        continue;
      }
      flush();
      item = {
        line: l,
        end: l.end,
        ref: l.kind === "letter" ? `${sectionRef ? `${sectionRef}.` : ""}${l.ref})` : `${l.ref}.`,
      };
      continue;
    }
    if (l.kind === "bullet") {
      flush();
      if (headingLead.length > 0 || item === null) {
        const n = (bulletCount.get(headingRef) ?? 0) + 1;
        bulletCount.set(headingRef, n);
        item = {
          line: l,
          end: l.end,
          ref: headingRef !== "" ? `${headingRef})-${n}` : `•${tasks.length + 1}`,
        };
      }
      continue;
    }
    // A paragraph of its own that opens with a body and its work ("Công an tỉnh chủ trì, …";
    // "Giao Ban Tuyên giáo … chủ trì …"): an item of prose, where no list numbers the tasks.
    // (Not an introduction that ends with a colon: "Các sở, ban, ngành có trách nhiệm:".)
    if (
      (item === null || item.paragraph) &&
      !report &&
      (lines[i - 1] as Line | undefined)?.kind === "blank" &&
      !ctx.text.slice(l.body, l.end).trimEnd().endsWith(":") &&
      (BODY_FIRST.test(ctx.text.slice(l.body, l.end)) || GIVEN_FIRST.test(ctx.text.slice(l.body, l.end)))
    ) {
      flush();
      item = { line: l, end: l.end, ref: `¶${++paragraphs}`, paragraph: true };
      continue;
    }
    // Plain text: the region's introduction (who is to act), or the continuation of an item.
    if (item !== null) item.end = l.end;
    else if (regionLead.length === 0) {
      const m = /^(.{5,300}?)\s+(?:cần|có trách nhiệm|chịu trách nhiệm)\s/u.exec(
        ctx.text.slice(l.body, l.end),
      );
      if (m !== null) {
        const seg = m[1] as string;
        const s = l.body + seg.search(/\p{Lu}/u);
        if (s >= l.body)
          regionLead = organisationsIn(ctx, s, l.body + seg.length).filter((o) => looksLikeBody(ctx, o.name));
      }
    }
  }
  flush();
  return tasks;
}

/** A numbered line that is a title: short, no full stop, naming tasks ("2. Nhiệm vụ, giải pháp"). */
function numberedTitle(ctx: DocContext, l: Line): boolean {
  const t = ctx.text.slice(l.body, l.end).trim();
  if (t.length > 100 || /[.;]$/.test(t)) return false;
  // "2. Nhiệm vụ thời gian tới:" introduces its items as a title does; "1. Sở Tài chính thực hiện
  // các nhiệm vụ sau:" is a body's own item.
  if (t.endsWith(":") && (BODY_FIRST.test(t) || BODY_FIRST_F.test(t))) return false;
  const words = fold(clean(t));
  return TASK_HEADING.test(words) && !NOT_TASKS.test(words);
}

function makeTask(
  ctx: DocContext,
  line: Line,
  end: number,
  ref: string,
  section: string | null,
  inherited: NamedOrg[],
): Task | null {
  const start = line.body;
  const content = clean(ctx.read(start, end));
  if (content.length < 12) return null;
  const own = leadsOf(ctx, start, end);
  const leads = own.length > 0 ? own : inherited;
  const t = ctx.text.slice(start, end);
  const r = readable(ctx, start, end);
  const cm = (r.plain ? COOP_F : COOP).exec(r.t);
  // As written (the match may have been read folded): a partner starts like a name.
  const partner = cm === null ? "" : t.slice((cm.index ?? 0) + cm[0].indexOf(cm[1] as string));
  const coop =
    cm === null || !/^(\p{Lu}|các |cac )/u.test(partner)
      ? []
      : organisationsIn(
          ctx,
          start + (cm.index ?? 0) + cm[0].indexOf(cm[1] as string),
          start + (cm.index ?? 0) + cm[0].length,
        ).filter((o) => looksLikeBody(ctx, o.name));
  const lm = LABELLED_DEADLINE.exec(ctx.folded.slice(start, end));
  const labelled =
    lm === null
      ? null
      : t.slice(lm.index + lm[0].indexOf(lm[1] as string)).slice(0, (lm[1] as string).length);
  const dm = labelled === null ? (r.plain ? DEADLINE_F : DEADLINE).exec(r.t) : null;
  // No date, but the work recurs: "thực hiện thường xuyên", "định kỳ 6 tháng báo cáo …".
  const rm = labelled === null && dm === null ? RECURS.exec(ctx.folded.slice(start, end)) : null;
  const deadline =
    labelled !== null
      ? (parseDeadline(labelled, ctx.year) ?? { text: labelled, from: null, to: null, recurring: false })
      : dm === null
        ? rm === null
          ? null
          : parseDeadline(t.substr(rm.index, rm[0].length), ctx.year)
        : parseDeadline(
            t.substr((dm.index ?? 0) + dm[0].lastIndexOf(dm[1] as string), (dm[1] as string).length),
            ctx.year,
          );
  const sectionKey = section === null ? "" : `${matchKey(section).split(" ")[0]}.`;
  const named = implementsFrom(ctx, start, end);
  return {
    key: `task|${ctx.doc.key}|l:${sectionKey}${matchKey(ref).replace(/ /g, "-") || ref}`,
    ref,
    content,
    lead: leads.map((o) => o.name),
    leadKeys: leads.map((o) => o.key),
    cooperating: coop.map((o) => o.name),
    cooperatingKeys: coop.map((o) => o.key),
    deadline,
    product: null,
    section,
    assignedBy: ctx.doc.key,
    implements: named.length > 0 ? named : implementedBy(ctx, ctx.doc.key),
    status: null,
    statusSpan: null,
    results: [],
    actions: [],
    span: ctx.span(line.start, end),
    from: "list",
  };
}
