// Audit findings: what an auditor checks in a report. Each finding says what is wrong in
// Vietnamese and English and points at the evidence in the text.
import { fold } from "../normalise.ts";
import { canonicalCode, resolveRegistered } from "../organisations/index.ts";
import type { Finding, FindingKind, Severity, Span, Statistics, Task } from "../types.ts";
import { type DocContext, hash } from "./context.ts";
import { parsePartialDate } from "./deadline.ts";
import type { StatsReading } from "./statistics.ts";

type Stat = Statistics & { inProgress?: number | null };

export function finding(
  ctx: DocContext,
  kind: FindingKind,
  severity: Severity,
  messageVi: string,
  messageEn: string,
  evidence: Span[],
): Finding {
  const where = evidence.map((e) => e.start).join(",");
  return {
    key: `finding|${ctx.doc.key}|${kind}|${hash(`${where}:${messageEn}`)}`,
    kind,
    severity,
    messageVi,
    messageEn,
    evidence,
  };
}

/**
 * Whether the parts account for the whole. "Completed late" may or may not be counted inside
 * "completed", and "overdue" inside "not completed": either reading that adds up is accepted.
 */
function addsUp(s: Stat): { ok: boolean; parts: number } | null {
  if (s.assigned === null) return null;
  const done = s.completed ?? 0;
  const late = s.completedLate ?? 0;
  const open = s.notCompleted ?? (s.inProgress ?? 0) + (s.overdue ?? 0);
  // "Hoàn thành 18/22 nhiệm vụ" states one part, not a breakdown: the rest is simply not done.
  const known = [s.completedLate, s.notCompleted, s.inProgress, s.overdue].some((v) => v != null);
  if (!known) return null;
  const readings = [done + open, done + late + open];
  if (s.notCompleted !== null && s.inProgress != null) readings.push(done + s.notCompleted + s.inProgress);
  // Four columns side by side ("Đang triển khai | Chưa thực hiện | Quá hạn"): each its own part.
  if (s.notCompleted !== null && s.inProgress != null && s.overdue !== null)
    readings.push(done + s.notCompleted + s.inProgress + s.overdue);
  // The reading nearest the total is the one the message reports the gap against.
  const a = s.assigned;
  const parts = readings.reduce((best, r) => (Math.abs(a - r) < Math.abs(a - best) ? r : best));
  return { ok: readings.includes(a), parts };
}

/** Totals that do not add up; one finding per distinct set of numbers, with every place they appear. */
export function totalsFindings(ctx: DocContext, stats: Stat[], tables: StatsReading[][]): Finding[] {
  const groups = new Map<string, Stat[]>();
  for (const s of stats) {
    const r = addsUp(s);
    if (r === null || r.ok) continue;
    const sig = `${s.assigned}/${s.completed}/${r.parts}`;
    const listed = groups.get(sig);
    if (listed === undefined) groups.set(sig, [s]);
    else listed.push(s);
  }
  const out: Finding[] = [];
  for (const list of groups.values()) {
    const s = list[0] as Stat;
    const r = addsUp(s) as { parts: number };
    const diff = (s.assigned as number) - r.parts;
    const parts = [
      `hoàn thành ${s.completed ?? 0}`,
      s.completedLate !== null ? `hoàn thành quá hạn ${s.completedLate}` : null,
      s.notCompleted !== null ? `chưa hoàn thành ${s.notCompleted}` : null,
      s.inProgress != null ? `đang thực hiện ${s.inProgress}` : null,
      s.overdue !== null ? `quá hạn ${s.overdue}` : null,
    ].filter((x) => x !== null);
    const partsEn = [
      `completed ${s.completed ?? 0}`,
      s.completedLate !== null ? `completed late ${s.completedLate}` : null,
      s.notCompleted !== null || s.inProgress == null
        ? `not completed ${s.notCompleted ?? s.overdue ?? 0}`
        : null,
      s.inProgress != null ? `in progress ${s.inProgress}` : null,
      s.overdue !== null && (s.notCompleted !== null || s.inProgress != null) ? `overdue ${s.overdue}` : null,
    ].filter((x) => x !== null);
    out.push(
      finding(
        ctx,
        "TOTALS_MISMATCH",
        "ERROR",
        `Số liệu không khớp: tổng số nhiệm vụ được giao là ${s.assigned} nhưng ${parts.join(", ")} — ${
          diff > 0
            ? `chênh lệch ${diff} nhiệm vụ không được phân loại`
            : `các mục cộng lại nhiều hơn ${-diff} nhiệm vụ`
        }.`,
        `Totals do not add up: ${s.assigned} tasks assigned but ${partsEn.join(", ")} — ${
          diff > 0 ? `${diff} tasks unaccounted for` : `${-diff} more counted than assigned`
        }.`,
        list.map((x) => x.span),
      ),
    );
  }
  // Within a statistics table: a total row against the sum of the section rows above it.
  for (const t of tables) {
    const total = t.find((r) => r.isTotal);
    const parts = t.filter((r) => !r.isTotal);
    if (total === undefined || parts.length < 2) continue;
    for (const k of [
      "assigned",
      "completed",
      "completedLate",
      "notCompleted",
      "inProgress",
      "overdue",
    ] as const) {
      const want = total.stats[k];
      const got = parts.reduce((a, r) => a + (r.stats[k] ?? 0), 0);
      if (want === null || want === got) continue;
      out.push(
        finding(
          ctx,
          "TOTALS_MISMATCH",
          "ERROR",
          `Dòng tổng cộng ghi ${want} nhưng cộng các mục được ${got}.`,
          `The total row says ${want} (${k}) but its sections sum to ${got}.`,
          [total.stats.span, ...parts.map((p) => p.stats.span)],
        ),
      );
    }
  }
  return out;
}

/** A document that implements (or continues) one issued after itself: a date or an identity error. */
export function implementsLater(ctx: DocContext): Finding[] {
  const out: Finding[] = [];
  const byKey = new Map(ctx.cites.citations.map((c) => [c.key, c]));
  const dateOf = (k: string) =>
    k === "SELF" || k === ctx.doc.key ? ctx.doc.date : (byKey.get(k)?.date ?? null);
  const check = (from: string, to: string, evidence: Span[]) => {
    const a = dateOf(from);
    const b = dateOf(to);
    if (a === null || b === null || a.length < 10 || b.length < 10 || a >= b) return;
    const name = (k: string) => (k === "SELF" ? "văn bản này" : (byKey.get(k)?.symbol ?? k));
    out.push(
      finding(
        ctx,
        "IMPLEMENTS_LATER_DOCUMENT",
        "WARNING",
        `${name(from)} (ngày ${a}) được ghi là thực hiện ${name(to)} ban hành sau nó (ngày ${b}).`,
        `${name(from)} (dated ${a}) is said to implement ${name(to)}, issued later (${b}).`,
        evidence,
      ),
    );
  };
  for (const r of ctx.cites.relations) {
    if (r.kind !== "IMPLEMENTS" && r.kind !== "CONTINUES") continue;
    check(r.from, r.to, [{ start: r.start, end: r.end, text: ctx.original.slice(r.start, r.end) }]);
  }
  return out;
}

const TYPE_CODES = "BC|KH|QĐ|QD|NQ|CT|KL|TB|CTr|TTr|HD|QC|QyĐ|ĐA|PA|DA|BB|CV|TT|CĐ|GM";
// State symbols put the issuer after "/TYPE-", Party symbols after "-TYPE/". Built once: compiling
// it for every document cost more than running it on a short one.
const ISSUER_CODE = new RegExp(
  `(?:/\\s*(?:${TYPE_CODES})-|\\d-\\s*(?:${TYPE_CODES})\\s*/\\s*)([A-ZĐ][A-ZĐ&]{3,})(?![A-Za-zĐđ])`,
  "gu",
);

/**
 * One issuer written several ways: every issuer code in the text ("/BC-SKHCHN", "43/KH-SKHCCN")
 * that stands for the same registry code, when more than one spelling occurs.
 */
export function issuerSpelling(ctx: DocContext): Finding[] {
  const byCode = new Map<string, Map<string, Span[]>>();
  for (const m of ctx.text.matchAll(ISSUER_CODE)) {
    const written = m[1] as string;
    const code = canonicalCode(written);
    if (code === null) continue;
    const s = (m.index ?? 0) + m[0].lastIndexOf(written);
    const spellings = byCode.get(code) ?? new Map<string, Span[]>();
    const listed = spellings.get(written);
    if (listed === undefined) spellings.set(written, [ctx.span(s, s + written.length)]);
    else listed.push(ctx.span(s, s + written.length));
    byCode.set(code, spellings);
  }
  const out: Finding[] = [];
  for (const [code, spellings] of byCode) {
    const variants = [...spellings.keys()];
    const wrong = variants.filter((v) => v !== code);
    if (variants.length < 2 && wrong.length === 0) continue;
    const owner = resolveRegistered(code, ctx.resolution);
    const who = owner?.name ?? code;
    // Only diacritics dropped (BCSD for BCSĐ) is a typing habit; other letters are an error.
    const onlyDiacritics = wrong.every((v) => fold(v) === fold(code));
    out.push(
      finding(
        ctx,
        "ISSUER_SPELLING_VARIANTS",
        onlyDiacritics ? "INFO" : "WARNING",
        `Ký hiệu cơ quan ban hành viết nhiều cách (${variants.join(", ")}) cho cùng một cơ quan: ${who} (${code}).`,
        `One issuer written several ways (${variants.join(", ")}) for ${who} (${code}).`,
        [...spellings.values()].flat(),
      ),
    );
  }
  return out;
}

/** Precision-aware comparison of partial ISO dates: they disagree only where both are known. */
function disagree(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) !== b.slice(0, n);
}

/** The header's date against the date an appendix gives for the same document ("Kèm theo … ngày …"). */
export function dateDisagreement(ctx: DocContext): Finding[] {
  const own = ctx.doc.date;
  if (own === null) return [];
  const byDates = new Map<string, Span[]>();
  const re =
    /k[eè]m theo ([^()\n]{0,80}?)\bs[oố]\s*:?\s*([0-9]*\s*[/-]\s*[\p{L}Đđ-]+(?:\/[\p{L}Đđ0-9-]+)?)?\s*,?\s*(ngày[^)\n]{0,40})/giu;
  const ownSym = ctx.doc.symbol === null ? null : fold(ctx.doc.symbol).replace(/\s/g, "");
  for (const m of ctx.text.matchAll(re)) {
    const sym = fold((m[2] ?? "").replace(/\s/g, ""));
    const blank = /^[/-]/.test(sym) || sym === "";
    const mine =
      ownSym !== null
        ? sym === ownSym || (blank && ownSym.endsWith(sym.replace(/^[/-]/, "").slice(-4)))
        : blank;
    if (!mine) continue;
    const d = parsePartialDate(m[3] as string);
    if (d === null || !disagree(own, d)) continue;
    const s = m.index ?? 0;
    const listed = byDates.get(d);
    if (listed === undefined) byDates.set(d, [ctx.span(s, s + m[0].length)]);
    else listed.push(ctx.span(s, s + m[0].length));
  }
  return [...byDates].map(([d, evidence]) =>
    finding(
      ctx,
      "DATE_DISAGREEMENT",
      "WARNING",
      `Ngày của văn bản ở phần đầu (${own}) khác ngày ghi ở phụ lục (${d}).`,
      `The document's header date (${own}) disagrees with the date its appendix gives (${d}).`,
      evidence,
    ),
  );
}

export function taskFindings(ctx: DocContext, tasks: Task[]): Finding[] {
  const out: Finding[] = [];
  for (const t of tasks) {
    if (t.lead.length === 0) {
      out.push(
        finding(
          ctx,
          "TASK_WITHOUT_LEAD",
          // A list item often leaves the lead to an appendix table; a table row with an empty
          // lead cell is a gap.
          t.from === "list" ? "INFO" : "WARNING",
          `Nhiệm vụ ${t.ref} không có đơn vị chủ trì.`,
          `Task ${t.ref} has no lead unit.`,
          [t.span],
        ),
      );
    }
    const to = t.deadline?.to ?? null;
    // Judged on the day the status was true ("tính đến ngày 30/9"), not the day it was sent.
    const on = t.status?.reportedOn ?? ctx.date;
    if (
      t.status?.value === "IN_PROGRESS_ON_TIME" &&
      to !== null &&
      on !== null &&
      to < on.slice(0, 10) &&
      to.slice(0, on.length) < on
    ) {
      out.push(
        finding(
          ctx,
          "OVERDUE_REPORTED_ON_TRACK",
          "ERROR",
          `Nhiệm vụ ${t.ref} đã quá hạn (${t.deadline?.text}) nhưng được báo cáo là đang thực hiện trong hạn.`,
          `Task ${t.ref} is past its deadline (${t.deadline?.text}) but reported as on track.`,
          [t.span, ...(t.statusSpan === null ? [] : [t.statusSpan])],
        ),
      );
    }
  }
  return out;
}

export interface TableTasks {
  /** Normalised offsets of the table's caption region and the table. */
  captionStart: number;
  start: number;
  /** End of the table's first row, for evidence. */
  headerEnd: number;
  tasks: Task[];
}

/**
 * The text's counts against the appendix table they summarise: the table a count line names
 * ("(Chi tiết tại Phụ lục 1)") or the table whose caption holds the line. The table's own rows,
 * counted by reported status, should give the same numbers.
 */
export function appendixMismatch(ctx: DocContext, stats: Stat[], tables: TableTasks[]): Finding[] {
  const out: Finding[] = [];
  for (const s of stats) {
    const start = ctx.toNormalised(s.span.start);
    const end = ctx.toNormalised(s.span.end);
    const after = ctx.folded.slice(end, end + 160);
    // A reference ("(Chi tiết tại Phụ lục 1)"), not the heading of the next appendix on a line of
    // its own ("PHỤ LỤC II" after a statistics table's last row).
    const ref = /(?<!^[\s*#]*)phu luc\s*(?:([ivx]+|\d+)\b)?/m.exec(after);
    const named = ref?.[1];
    const withTasks = tables.filter((t) => t.tasks.length > 0);
    const table =
      withTasks.find((t) => {
        if (start >= t.captionStart && end <= t.start) return true;
        if (named === undefined) return false;
        return new RegExp(`phu luc\\s*${named}\\b`).test(ctx.folded.slice(t.captionStart, t.start));
      }) ??
      // "(chi tiết tại Phụ lục kèm theo)" with one task table after it: that table.
      (ref !== null && named === undefined && withTasks.filter((t) => t.start > end).length === 1
        ? withTasks.find((t) => t.start > end)
        : undefined);
    if (table === undefined) continue;
    const count = (pred: (v: string | undefined) => boolean) =>
      table.tasks.filter((t) => pred(t.status?.value)).length;
    // Parts stated without a total ("đã hoàn thành 3, đang thực hiện 2, quá hạn 1") should still
    // cover the table's rows.
    const partsSum =
      s.assigned === null
        ? [s.completed, s.completedLate, s.notCompleted, s.inProgress, s.overdue].reduce<number>(
            (a, v) => a + (v ?? 0),
            0,
          )
        : null;
    const listed: [string, string, number | null | undefined, number][] = [
      s.assigned !== null
        ? ["giao", "assigned", s.assigned, table.tasks.length]
        : ["tổng các loại", "sum of the parts", partsSum, table.tasks.length],
      [
        "hoàn thành",
        "completed",
        s.completed,
        count((v) => v === "COMPLETED_ON_TIME" || v === "COMPLETED_LATE"),
      ],
      ["đang thực hiện", "in progress", s.inProgress, count((v) => v === "IN_PROGRESS_ON_TIME")],
      ["quá hạn", "overdue", s.overdue, count((v) => v === "OVERDUE")],
    ];
    // Counts by status are only comparable when the table reports a status for every row.
    const statuses = table.tasks.every((t) => t.status !== null && t.status.value !== "UNKNOWN");
    const diffs = listed.filter(
      ([, , said, counted], i) => said != null && (i === 0 || statuses) && said !== counted,
    );
    if (diffs.length === 0) continue;
    out.push(
      finding(
        ctx,
        "TOTALS_MISMATCH",
        "WARNING",
        `Số liệu trong văn bản khác bảng chi tiết: ${diffs.map(([vi, , said, counted]) => `${vi} ${said} (bảng: ${counted})`).join("; ")}.`,
        `The text's counts disagree with the detail table: ${diffs.map(([, en, said, counted]) => `${en} ${said} (table: ${counted})`).join("; ")}.`,
        [s.span, ctx.span(table.start, table.headerEnd)],
      ),
    );
  }
  return out;
}
