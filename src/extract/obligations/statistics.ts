// Reported statistics: how many tasks were assigned, completed (late), not completed, overdue —
// from summary lines ("Tổng số nhiệm vụ được giao: 107; Tổng số nhiệm vụ hoàn thành: 77"), from
// statistics tables ("Cộng | 107 | 77 | 0 | 0") and from counting prose ("có 37 nhiệm vụ …; 22
// nhiệm vụ hoàn thành; 13 nhiệm vụ đang thực hiện trong hạn; 02 nhiệm vụ … quá hạn").
import type { Statistics } from "../types.ts";
import type { ColumnRole } from "./columns.ts";
import { asOfIn, clean, type DocContext, hash, inRanges } from "./context.ts";
import type { Row } from "./tables.ts";

export type Counts = Pick<
  Statistics,
  "assigned" | "completed" | "completedLate" | "notCompleted" | "overdue"
> & {
  inProgress: number | null;
};

const empty = (): Counts => ({
  assigned: null,
  completed: null,
  completedLate: null,
  notCompleted: null,
  overdue: null,
  inProgress: null,
});

function num(s: string): number | null {
  const t = s.trim().toLowerCase();
  if (/^(không|không có|khong|khong co)$/.test(t)) return 0;
  const m = /^\d+$/.exec(t.replace(/\./g, ""));
  return m === null ? null : Number(m[0]);
}

/** Which count a phrase names, from its folded words. */
function kindOf(f: string): keyof Counts | null {
  if (/qua han/.test(f) && /chua|dang/.test(f)) return "overdue";
  if (/chua (?:hoan thanh|thuc hien|trien khai)/.test(f)) return "notCompleted";
  if (/hoan thanh.{0,20}qua han|qua han.{0,20}hoan thanh|hoan thanh (nhung )?cham/.test(f))
    return "completedLate";
  if (/dang thuc hien|dang trien khai/.test(f)) return "inProgress";
  if (/hoan thanh/.test(f)) return "completed";
  // "…, quá hạn 2 nhiệm vụ": overdue, said on its own.
  if (/qua han/.test(f)) return "overdue";
  if (/duoc giao|giao|phai thuc hien|han thuc hien|co thoi han/.test(f)) return "assigned";
  return null;
}

export interface StatsReading {
  stats: Statistics & { inProgress?: number | null };
  /** Labels of section rows that the total sums ("Tổng cộng I+II"). */
  section: string | null;
  isTotal: boolean;
}

function make(
  ctx: DocContext,
  label: string,
  c: Counts,
  start: number,
  end: number,
): Statistics & { inProgress?: number | null } {
  return {
    key: `stats|${ctx.doc.key}|${hash(`${start}:${label}`)}`,
    label,
    assigned: c.assigned,
    completed: c.completed,
    completedLate: c.completedLate,
    notCompleted: c.notCompleted,
    overdue: c.overdue,
    inProgress: c.inProgress,
    span: ctx.span(start, end),
  };
}

const filled = (c: Counts) => Object.values(c).filter((v) => v !== null).length;

// A part named before its number: "đã hoàn thành 12 nhiệm vụ", "chưa thực hiện 2 nhiệm vụ".
const PART_AFTER =
  /(?:^|[\s,;:])((?:da |duoc )?hoan thanh(?: qua han| dung han)?|dang (?:thuc hien|trien khai)|chua (?:hoan thanh|thuc hien|trien khai)|qua han(?: chua hoan thanh)?)\s+(\d{1,4})\s+nhiem vu/g;

/** Summary lines: "Tổng số nhiệm vụ <kind>: <n>", several on one line or paragraph. */
export function summaryLines(ctx: DocContext): Statistics[] {
  const out: Statistics[] = [];
  const re = /tong so nhiem vu([^:\n]{0,80}):\s*(\d+|khong co|khong)/g;
  let group: { c: Counts; start: number; end: number } | null = null;
  const flush = () => {
    if (group !== null && filled(group.c) >= 2) {
      const st = make(ctx, ctx.read(group.start, group.end).slice(0, 160), group.c, group.start, group.end);
      out.push(ctx.asOf === null ? st : { ...st, asOf: ctx.asOf });
    }
    group = null;
  };
  for (const m of ctx.folded.matchAll(re)) {
    const s = m.index ?? 0;
    const e = s + m[0].length;
    if (group !== null && (ctx.text.slice(group.end, s).includes("\n\n") || s - group.end > 200)) flush();
    const kind = kindOf(m[1] as string);
    const n = num(m[2] as string);
    if (kind === null || n === null) continue;
    if (group === null) group = { c: empty(), start: s, end: e };
    if (group.c[kind] === null) group.c[kind] = n;
    group.end = e;
    // "…: 25 nhiệm vụ; trong đó: đã hoàn thành 12 nhiệm vụ, đang triển khai 9 nhiệm vụ, …".
    const stop = ctx.folded.indexOf("\n", e);
    const rest = ctx.folded.slice(e, Math.min(stop < 0 ? ctx.folded.length : stop, e + 400));
    for (const p of rest.matchAll(PART_AFTER)) {
      const k = kindOf(p[1] as string);
      if (k === null || group.c[k] !== null) continue;
      group.c[k] = Number(p[2]);
      group.end = e + (p.index ?? 0) + p[0].length;
    }
  }
  flush();
  return out;
}

/** Counting prose within one bullet group: "có 37 nhiệm vụ …; 22 nhiệm vụ hoàn thành; …". */
export function proseCounts(ctx: DocContext, excluded: [number, number][]): Statistics[] {
  const out: Statistics[] = [];
  const re =
    /(?<![\d/.,])(\d{1,4})\s+((?:nhiem vu|viec)\b[^;.()\n]{0,60}|(?:da )?hoan thanh\b[^;.()\n]{0,40}|dang thuc hien\b[^;.()\n]{0,40})/g;
  const paras = ctx.folded.split(/\n\s*\n|\n(?=\s*[#*]\s*\*\*)|\n(?=\s*\*\*)/);
  let offset = 0;
  for (const p of paras) {
    const start = offset;
    offset += p.length;
    const sep = ctx.folded.slice(offset).match(/^\n\s*\n|^\n/);
    offset += sep?.[0].length ?? 0;
    if (inRanges(excluded, start)) continue;
    if (p.includes("tong so nhiem vu") || p.includes("|") || p.includes("\t") || !p.includes("nhiem vu"))
      continue;
    const c = empty();
    let first = -1;
    let last = -1;
    // Parts named before their numbers ("đã hoàn thành 12 nhiệm vụ, đang triển khai 34 nhiệm vụ,
    // chưa triển khai 2 nhiệm vụ"): read them as such, or the number-first reading below would give
    // each number the words after it. A line broken inside a part reads as one line.
    const flat = p.replace(/\n/g, " ");
    const named = [...flat.matchAll(PART_AFTER)];
    if (named.length >= 2) {
      for (const m of named) {
        const k = kindOf(m[1] as string);
        if (k === null || c[k] !== null) continue;
        c[k] = Number(m[2]);
        if (first < 0) first = m.index ?? 0;
        last = (m.index ?? 0) + m[0].length;
      }
      // A total stated with them ("giao 48 nhiệm vụ", "tổng số 48 nhiệm vụ").
      const total = /(?:giao|tong so|tong cong|co)\s+(\d{1,4})\s+nhiem vu/.exec(flat);
      if (total !== null && c.assigned === null && total.index < first) {
        c.assigned = Number(total[1]);
        first = total.index;
      }
    }
    for (const m of named.length >= 2 ? [] : p.matchAll(re)) {
      const before = p.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0);
      const phrase = `${before} ${m[2]}`;
      const kind =
        /\b(co|la)\s*$/.test(before) && kindOf(m[2] as string) === null
          ? "assigned"
          : (kindOf(m[2] as string) ?? kindOf(phrase));
      if (kind === null || c[kind] !== null) continue;
      c[kind] = Number(m[1]);
      if (first < 0) first = m.index ?? 0;
      last = (m.index ?? 0) + m[0].length;
    }
    // "Đã hoàn thành 18/22 nhiệm vụ", "18/22 nhiệm vụ đã hoàn thành": completed out of assigned.
    const frac =
      c.assigned === null
        ? /(?:hoan thanh\s+(\d{1,4})\s*\/\s*(\d{1,4})\s+nhiem vu|(\d{1,4})\s*\/\s*(\d{1,4})\s+nhiem vu (?:da |duoc )?hoan thanh)/.exec(
            p,
          )
        : null;
    if (frac !== null && c.completed === null) {
      c.completed = Number(frac[1] ?? frac[3]);
      c.assigned = Number(frac[2] ?? frac[4]);
      if (first < 0 || frac.index < first) first = frac.index;
      last = Math.max(last, frac.index + frac[0].length);
    }
    // Without a total the parts are still what the report says (checked against its appendix).
    if ((c.assigned !== null || named.length >= 2) && filled(c) >= 2) {
      const st = make(
        ctx,
        ctx.read(start + first, start + last).slice(0, 160),
        c,
        start + first,
        start + last,
      );
      const asOf = asOfIn(ctx.folded, start, start + first, ctx.date) ?? ctx.asOf;
      out.push(asOf === null ? st : { ...st, asOf });
    }
  }
  return out;
}

/** A statistics table: each row with numbers in the count columns. */
export function readStatsTable(ctx: DocContext, roles: (ColumnRole | null)[], body: Row[]): StatsReading[] {
  const map: [ColumnRole, keyof Counts][] = [
    ["statAssigned", "assigned"],
    ["statCompleted", "completed"],
    ["statCompletedLate", "completedLate"],
    ["statNotCompleted", "notCompleted"],
    ["statInProgress", "inProgress"],
    ["statOverdue", "overdue"],
  ];
  const out: StatsReading[] = [];
  let section: string | null = null;
  // The row's label: the cells before its first count, without a bare ordinal ("1 | Chính quyền
  // số", "| Tổng cộng" under an empty STT column).
  const firstCount = Math.min(...map.map(([role]) => roles.indexOf(role)).filter((i) => i >= 0));
  for (const row of body) {
    const named = row.cells
      .slice(0, Math.max(1, firstCount))
      .map((x) => ctx.read(x.start, x.end).trim())
      .filter((t) => t !== "");
    const words = named.filter((t) => !/^(?:\d{1,3}|[IVXLC]{1,5}|[a-zđ])[.)]?$/u.test(t));
    const label = (words.length > 0 ? words : named).join(" ");
    const c = empty();
    for (const [role, k] of map) {
      const i = roles.indexOf(role);
      if (i >= 0) c[k] = num(row.cells[i]?.text ?? "");
    }
    if (filled(c) === 0) {
      const rest = row.cells
        .slice(1)
        .filter((x) => x.text !== "")
        .map((x) => ctx.read(x.start, x.end));
      section = clean(`${label} ${rest.join(" ")}`);
      continue;
    }
    const isTotal = /tổng cộng|tổng số|\+/iu.test(label);
    const st = make(
      ctx,
      isTotal || section === null ? label : `${section} — ${label}`,
      c,
      row.start,
      row.end,
    );
    out.push({
      stats: ctx.asOf === null ? st : { ...st, asOf: ctx.asOf },
      section,
      isTotal,
    });
  }
  return out;
}
