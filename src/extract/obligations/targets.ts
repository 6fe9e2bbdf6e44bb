// Targets (chỉ tiêu): indicator, unit, comparator, value, horizon — from tables like a programme's
// "DANH MỤC CÁC CHỈ TIÊU" appendix. "≤ 3 Đông Nam Á; ≤ 50 Thế giới" is two targets.
import { fold } from "../normalise.ts";
import type { Target } from "../types.ts";
import { findQuantity, parseNumber } from "./actions.ts";
import type { ColumnRole } from "./columns.ts";
import { clean, type DocContext, hash, inRanges } from "./context.ts";
import type { Row } from "./tables.ts";

const COMPARATOR =
  /^(≥|>=|≤|<=|>|<|=|khoảng|tối thiểu|ít nhất|tối đa|trên|dưới|không quá|không dưới|đạt|phấn đấu)\s*/iu;
const NUMBER = /(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)/;

interface Value {
  comparator: string | null;
  value: number | null;
  valueText: string;
  qualifier: string | null;
}

const LEADING_NUMBER = new RegExp(`^${NUMBER.source}\\s*%?`);
const RANGE_END = new RegExp(`^[-–]\\s*${NUMBER.source}`);

/** "≥ 30" → ≥ 30; "20% - 50%" → a range from 20; "Đạt mức tiên tiến…" → no number. */
export function parseValue(written: string): Value {
  const t = written.trim();
  const cm = COMPARATOR.exec(t);
  const comparator0 = cm === null ? null : (cm[1] as string).replace(">=", "≥").replace("<=", "≤");
  const rest = cm === null ? t : t.slice(cm[0].length);
  const nm = LEADING_NUMBER.exec(rest);
  if (nm === null) return { comparator: comparator0, value: null, valueText: t, qualifier: null };
  const value = parseNumber(nm[1] as string);
  const after = rest.slice(nm[0].length).trim();
  const range = RANGE_END.exec(after);
  const comparator = range !== null ? "range" : (comparator0 ?? "=");
  const qualifier = range !== null ? null : after.replace(/^[,;]\s*/, "").trim() || null;
  return { comparator, value, valueText: t, qualifier };
}

/** Reads a targets table (one with an indicator column). */
export function readTargetTable(
  ctx: DocContext,
  roles: (ColumnRole | null)[],
  body: Row[],
  ordinal: number,
): Target[] {
  const col = (r: ColumnRole) => roles.indexOf(r);
  const [idC, indC, unitC, valC] = [col("id"), col("indicator"), col("unit"), col("value")];
  const out: Target[] = [];
  let horizon: string | null = null;
  for (const row of body) {
    const cells = row.cells;
    const get = (i: number) => {
      const c = i >= 0 ? cells[i] : undefined;
      return c === undefined ? "" : ctx.read(c.start, c.end);
    };
    const id = get(idC).replace(/[*.\s]+$/g, "");
    const indicator = clean(get(indC));
    const valueText = clean(get(valC));
    const unit = clean(get(unitC)) || null;
    if (indicator === "" && valueText === "") continue;
    if (valueText === "" && unit === null) {
      // A section ("Đến năm 2030") or a group heading (an indicator with sub-indicators).
      const y = /(?:đến|den)\s+n[ăa]m\s+(\d{4})/iu.exec(indicator) ?? /\b(20\d{2})\b/.exec(indicator);
      if (y !== null && /^[IVX]+$|^[A-Z]$/.test(id.replace(/\*/g, ""))) horizon = y[1] as string;
      continue;
    }
    const ownHorizon = /(?:đến|den) (?:năm|nam) (\d{4})/iu.exec(fold(indicator))?.[1] ?? null;
    const parts = valueText.split(/;\s*/).filter((p) => p.trim() !== "");
    const values =
      parts.length > 1 && parts.every((p) => COMPARATOR.test(p) || /^\d/.test(p)) ? parts : [valueText];
    for (const p of values) {
      const v = parseValue(p);
      const label = values.length > 1 && v.qualifier !== null ? `${indicator} (${v.qualifier})` : indicator;
      out.push({
        key: `target|${ctx.doc.key}|${ordinal}:${id}${values.length > 1 ? `:${hash(p)}` : ""}`,
        indicator: label,
        unit: unit === null || unit === "%" ? tableUnit(unit, p) : unit,
        comparator: v.comparator,
        value: v.value,
        valueText: v.valueText,
        horizon: ownHorizon ?? horizon,
        setBy: ctx.doc.key,
        span: ctx.span(row.start, row.end),
      });
    }
  }
  return out;
}

/** A table's unit for a value: the unit column's "%" or the value's own "%", with the base it writes. */
function tableUnit(unit: string | null, value: string): string | null {
  const at = value.indexOf("%");
  if (at < 0) return unit;
  return percentUnit("%", value.slice(at + 1));
}

// ---- Targets written in prose ----
// "Phấn đấu đến năm 2025 đạt 80% doanh nghiệp …", "Hỗ trợ tối thiểu 30 doanh nghiệp mỗi năm",
// "đến năm 2030 có tối thiểu 500 doanh nghiệp … và 70% doanh nghiệp …": a number with its unit in a
// sentence that aims ("phấn đấu") or under a "MỤC TIÊU" heading. What a report says was reached
// ("đạt 51% kế hoạch năm") aims at nothing and is not read here.

const GOALS_HEADING = /^\s*(?:#+\s*)?(?:\*\*)?(?:[ivx]{1,4}|\d{1,2}(?:\.\d{1,2})?)[.)]\s*(?:\*\*)?\s*(.*)$/;
// An article's title ("Điều 1. Các chỉ tiêu chủ yếu năm 2025" in a council's resolution): a heading,
// its year included.
const ARTICLE_HEADING = /^\s*(?:#+\s*)?(?:\*\*)?dieu \d{1,3}[.:]\s*(?:\*\*)?\s*([^.;:]{3,90})(?:\*\*)?\s*$/;
// A line in capitals ("II. CÁC CHỈ TIÊU CHỦ YẾU") is a heading. Most lines are prose: one ASCII
// small letter settles it before the whole line is upper-cased.
function shouted(line: string): boolean {
  if (/[a-z]/.test(line)) return false;
  const t = line.trim();
  return t === t.toUpperCase() && /\p{Lu}{3}/u.test(line);
}

const AIMS = /phan dau|nham dat|muc tieu den/;
const FLOOR = /toi thieu|it nhat|khong duoi/;
// Either, in one scan of a line.
const AIM_OR_FLOOR = new RegExp(`${AIMS.source}|${FLOOR.source}`);
const PROSE_NUMBER =
  /(?<![\p{L}\p{N}/.,-])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(?![\d/])(\s*%(?:\s*\/\s*(?:năm|tháng|quý))?)?/gu;
// Words in front of a number that make it a date, a rank, an article or an age, not a target.
const NOT_A_TARGET_BEFORE =
  /(?:^|\s)(?:so|ngay|thang|nam|quy|muc do|khoa|dieu|khoan|diem|lan thu|giai doan|thu|tuoi|cap|tu ngay)\s*$/;
// Read on folded text ("toi thieu 2%" copied without diacritics is "tối thiểu"), named as written
// with its marks.
const PROSE_COMPARATOR =
  /(≥|>=|≤|<=|khoang|toi thieu|it nhat|toi da|khong qua|khong duoi|tren|duoi|hon|dat)\s*$/;
const COMPARATOR_NAMES: Record<string, string> = {
  ">=": "≥",
  "<=": "≤",
  khoang: "khoảng",
  "toi thieu": "tối thiểu",
  "it nhat": "ít nhất",
  "toi da": "tối đa",
  "khong qua": "không quá",
  "khong duoi": "không dưới",
  tren: "trên",
  duoi: "dưới",
  hon: "hơn",
  dat: "=",
};
// "đạt 8% trở lên", "10% trở xuống": the bound written after the value.
const RANGE_START = /(\d+(?:,\d+)?)\s*[-–]\s*$/;
const BOUND_AFTER = /^\s*tro (len|xuong)(?![a-z])/;
// The base a share is of, right after "%": "2% GDP", "1,5% tổng chi ngân sách", "95% kế hoạch vốn
// được giao", "100% số xã có …". An acronym (GDP, GRDP) or a noun phrase headed by an aggregate,
// up to five more words, ending where the clause goes on ("được", "của", "so với", a comma). A
// population ("80% doanh nghiệp …") heads no base: the indicator already says what is counted.
// Matched without tone marks (capitals kept), so "2% tong chi ngan sach" copied without
// diacritics reads the same; the base is quoted as written.
const PERCENT_BASE =
  /^\s*((?:[A-Z]{2,}|(?:tong|du toan|ke hoach|so|ngan sach|gia tri|von|kinh phi)(?![A-Za-z]))(?:\s+[A-Za-z0-9]+){0,5}?)(?=\s*(?:$|[,;.:)(]|\s(?:va|hoac|trong do|so voi|tro len|tro xuong|duoc|cua|cho|da|dat|co|tai|tren|theo|vao|den|trong|nam|giai doan)(?![A-Za-z])))/;

/** The text without tone marks, "đ" as "d", capitals kept; the same length (NFC in, NFC out). */
function bare(text: string): string {
  const f = fold(text);
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    out += c !== c.toLowerCase() ? (f[i] as string).toUpperCase() : f[i];
  }
  return out;
}

/** "%" with the base written after it ("% GDP"), or just "%" (or "%/năm") when none is. */
export function percentUnit(unit: string, after: string): string {
  if (unit !== "%") return unit;
  const m = PERCENT_BASE.exec(bare(after));
  if (m === null) return unit;
  const at = m[0].length - (m[1] as string).length;
  return `% ${after.slice(at, m[0].length).replace(/\s+/g, " ")}`;
}

const HORIZON =
  /(?:den|truoc|vao)\s+(?:het\s+)?(?:nam\s+|ngay\s+\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*)((?:19|20)\d{2})(?!\d)/;

// "GDP năm 2025 đạt 8% trở lên": the year whose value is aimed at (not "so với năm 2024").
const YEAR_REACHES = /(?<!so voi )\bnam ((?:19|20)\d{2}) dat\b/;

interface Clause {
  start: number;
  end: number;
}

const [SEMICOLON, TAB, BAR, DOT, SPACE] = [59, 9, 124, 46, 32];
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Clauses of a line: its sentences, each cut at ";". */
function clausesOf(text: string, start: number, end: number): Clause[] {
  const out: Clause[] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    // Char codes: this runs over every character of the document, twice.
    const c = text.charCodeAt(i);
    const stop =
      i === end ||
      c === SEMICOLON ||
      c === TAB ||
      c === BAR ||
      (c === DOT && (text.charCodeAt(i + 1) === SPACE || i + 1 === end) && !isDigit(text.charCodeAt(i - 1)));
    if (stop) {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  return out;
}

/**
 * Targets set in prose, with the task whose item or row holds them (`tasks` give the spans). Ranges
 * in `excluded` (tables, read by column) are skipped.
 */
export function proseTargets(
  ctx: DocContext,
  excluded: [number, number][],
  tasks: { key: string; span: { start: number; end: number } }[],
): Target[] {
  const out: Target[] = [];
  const text = ctx.text;
  const folded = ctx.folded;
  const report = ctx.doc.type === "REPORT";
  let inGoals = false;
  let goalsByNumber = false;
  let goalsHorizon: string | null = null;
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const [ls, le] = [pos, nl];
    pos = nl + 1;
    const line = folded.slice(ls, le);
    if (line.trim() === "") continue;
    // A heading opens or closes the goals part; "1. Mục tiêu chung" under "I. MỤC TIÊU" keeps it open.
    const plain = text.slice(ls, le);
    const article = ARTICLE_HEADING.exec(line);
    const h = article ?? GOALS_HEADING.exec(line);
    const isHeading =
      article !== null ||
      (h !== null &&
        (h[1] as string).length < 90 &&
        !/[.;:]\s*$/.test(line.trim()) &&
        // A year may stand in a heading ("1. Mục tiêu đến năm 2030"); other numbers make it prose.
        !/\d/.test((h[1] as string).replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/g, "")));
    if (isHeading || shouted(plain)) {
      const words = h?.[1] ?? line;
      const numbered =
        article === null &&
        !/^\s*(?:#+\s*)?(?:\*\*)?[ivx]{1,4}[.)]/.test(line) &&
        /^\s*(?:#+\s*)?(?:\*\*)?\d/.test(line);
      if (/muc tieu|chi tieu/.test(words)) {
        if (!inGoals) goalsHorizon = null;
        inGoals = true;
        goalsByNumber = numbered;
        // "Các chỉ tiêu chủ yếu năm 2025": the year the heading names holds for its lines.
        goalsHorizon = /nam ((?:19|20)\d{2})\b/.exec(words)?.[1] ?? goalsHorizon;
      } else if (article !== null) inGoals = false;
      else if (/^\s*(?:#+\s*)?(?:\*\*)?[ivx]{1,4}[.)]/.test(line) || !/^\s*\d/.test(line)) inGoals = false;
      // Goals opened by a numbered heading ("1. Mục tiêu đến năm 2030") end at the next one ("2.
      // Nhiệm vụ và giải pháp").
      else if (goalsByNumber && numbered) inGoals = false;
      continue;
    }
    if (inRanges(excluded, ls)) continue;
    // Outside the goals part only an aim or a floor makes a clause a target: a line with neither
    // word has none (most lines of a report).
    if (!inGoals && !AIM_OR_FLOOR.test(line)) continue;
    // The sentence's aim ("Phấn đấu đến năm 2025 …; đến năm 2030 …") covers its clauses; in a
    // task's item or row a floor ("tối thiểu 30 doanh nghiệp") is aim enough.
    let aims = false;
    let sentenceHorizon: string | null = null;
    const sp = ctx.span(ls, le);
    const inTask = tasks.some((t) => t.span.start <= sp.start && sp.start < t.span.end);
    for (const c of clausesOf(text, ls, le)) {
      const cf = folded.slice(c.start, c.end);
      if (AIMS.test(cf) || (inTask && FLOOR.test(cf))) aims = true;
      if (!inGoals && !aims) continue;
      if (report && !aims) continue;
      const hz = HORIZON.exec(cf)?.[1] ?? YEAR_REACHES.exec(cf)?.[1] ?? null;
      if (hz !== null) sentenceHorizon = hz;
      // Under "MỤC TIÊU" a horizon stated once ("đến hết năm 2025") holds for the lines after it.
      if (inGoals && hz !== null) goalsHorizon = hz;
      // "… mỗi năm", "hằng năm": a yearly target, whatever year the plan runs to.
      const yearly = /(?:moi|hang) nam/.test(cf) ? "hằng năm" : null;
      const found = clauseTargets(
        ctx,
        c,
        yearly ?? hz ?? sentenceHorizon ?? (inGoals ? goalsHorizon : null),
        tasks,
      );
      out.push(...found);
      // A sentence ends at "." — clausesOf cut there too; the aim does not carry past it.
      if (text[c.end] === ".") {
        aims = false;
        sentenceHorizon = null;
      }
    }
  }
  return out;
}

function clauseTargets(
  ctx: DocContext,
  c: Clause,
  horizon: string | null,
  tasks: { key: string; span: { start: number; end: number } }[],
): Target[] {
  const text = ctx.text;
  const body = text.slice(c.start, c.end);
  const hits: { at: number; end: number; value: number; unit: string; comparator: string }[] = [];
  for (const m of body.matchAll(PROSE_NUMBER)) {
    let at = m.index ?? 0;
    const before = ctx.folded.slice(Math.max(c.start, c.start + at - 16), c.start + at);
    if (NOT_A_TARGET_BEFORE.test(before)) continue;
    const raw = m[1] as string;
    const pct = m[2];
    let unit: string;
    let value = parseNumber(raw);
    let range = false;
    let end = at + m[0].length;
    if (pct !== undefined) {
      // "đạt 7,5 - 8%", "giảm 0,8 - 1%": a range, from its lower end (as a table's "20% - 50%").
      const from = RANGE_START.exec(body.slice(Math.max(0, at - 14), at));
      if (from !== null) {
        at -= from[0].length;
        value = parseNumber(from[1] as string);
        range = true;
      }
      unit = percentUnit(pct.replace(/\s+/g, ""), body.slice(end, end + 80));
      if (unit.length > 1 && unit[1] === " ") end = body.indexOf(unit.slice(2), end) + unit.length - 2;
    } else {
      if (/^(19|20)\d{2}$/.test(raw)) continue;
      const q = findQuantity(body.slice(at, at + 48));
      const written = q?.times === undefined ? parseNumber(raw) : Math.round(parseNumber(raw) * q.times);
      if (q === null || q.quantity !== written) continue;
      if (/^tu[oổ]i$/u.test(fold(q.unit))) continue;
      unit = q.unit;
      value = q.quantity;
      end = body.indexOf(q.unit, at) + q.unit.length;
    }
    const cm = PROSE_COMPARATOR.exec(ctx.folded.slice(Math.max(c.start, c.start + at - 16), c.start + at));
    const said = cm === null ? "=" : (cm[1] as string);
    // "13 nhiệm vụ đang thực hiện …": a count of work under way, not a value aimed at — unless a
    // floor sets it ("có ít nhất 20.000 doanh nghiệp đang hoạt động").
    if (
      !/^(?:toi thieu|it nhat|khong duoi)$/.test(said) &&
      /^\s*(?:đã|đang|chưa|quá hạn|hoàn thành)(?![\p{L}])/u.test(body.slice(end, end + 16))
    )
      continue;
    let cmp = COMPARATOR_NAMES[said] ?? said;
    const bound = cmp === "=" ? BOUND_AFTER.exec(ctx.folded.slice(c.start + end, c.start + end + 12)) : null;
    if (bound !== null) cmp = bound[1] === "len" ? "≥" : "≤";
    hits.push({ at, end, value, unit, comparator: range ? "range" : cmp });
  }
  const out: Target[] = [];
  hits.forEach((hit, i) => {
    // Several values in one clause ("500 doanh nghiệp … và 70% doanh nghiệp …"): each its own
    // indicator, cut at the last "và" or comma before the next value.
    const prevEnd = i === 0 ? 0 : (hits[i - 1]?.end ?? 0);
    const next = hits[i + 1];
    const cutBefore = i === 0 ? 0 : lastJoin(body, prevEnd, hit.at);
    const cutAfter = next === undefined ? body.length : lastJoin(body, hit.end, next.at);
    const s = c.start + cutBefore;
    const e = c.start + cutAfter;
    const indicator = clean(ctx.read(s, e))
      .replace(/^[-+•*\s]+/, "")
      .replace(/^\d{1,2}(?:\.\d{1,2})?[.)]\s+/, "")
      .replace(/^(?:và|,)\s+/u, "");
    const sp = ctx.span(s, e);
    const task = tasks.find((t) => t.span.start <= sp.start && sp.end <= t.span.end);
    out.push({
      key: `target|${ctx.doc.key}|p:${hash(`${s}:${indicator}`)}`,
      indicator,
      unit: hit.unit,
      comparator: hit.comparator,
      value: hit.value,
      valueText: clean(ctx.read(c.start + hit.at, c.start + hit.end)),
      horizon,
      setBy: ctx.doc.key,
      span: sp,
      ...(task !== undefined ? { task: task.key } : {}),
    });
  });
  return out;
}

/** Offset of the last " và " or ", " in body[from, to) (where one value's words end), else `to`. */
function lastJoin(body: string, from: number, to: number): number {
  const seg = body.slice(from, to);
  const i = Math.max(seg.lastIndexOf(" và "), seg.lastIndexOf(", "));
  return i < 0 ? to : from + i;
}
