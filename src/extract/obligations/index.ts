// Obligations pass: reads tasks, targets, actions, reported statistics and audit findings from a
// document whose citations have already been read (issue: obligations). Pure: no I/O.

import { fold, type NormalisedText } from "../normalise.ts";
import { resolveRegistered } from "../organisations/index.ts";
import type {
  Action,
  CitationExtraction,
  Finding,
  ObligationExtraction,
  Statistics,
  Target,
  Task,
} from "../types.ts";
import { proseActions } from "./actions.ts";
import { type ColumnRole, headerRoles, looksLikeHeader } from "./columns.ts";
import { DocContext as Context, type DocContext } from "./context.ts";
import { parseDeadline } from "./deadline.ts";
import {
  appendixMismatch,
  dateDisagreement,
  finding,
  implementsLater,
  issuerSpelling,
  type TableTasks,
  taskFindings,
  totalsFindings,
} from "./findings.ts";
import { listTasks } from "./lists.ts";
import { proseMentions } from "./mentions.ts";
import { proseCounts, readStatsTable, type StatsReading, summaryLines } from "./statistics.ts";
import { findTables, type Row, type Table } from "./tables.ts";
import { proseTargets, readTargetTable } from "./targets.ts";
import { readTaskTable, tableContext } from "./tasks.ts";

/**
 * Roles for a table without a header, guessed from its cells: a number column, the longest text
 * column as content, columns of registry bodies as lead then cooperating, a column of periods as
 * deadline. Null when the table does not look like a task list at all.
 */
function inferRoles(ctx: DocContext, t: Table): (ColumnRole | null)[] | null {
  const width = Math.max(...t.rows.map((r) => r.cells.length));
  if (width < 2 || t.rows.length < 2) return null;
  const col = (i: number) => t.rows.map((r) => r.cells[i]?.text ?? "").filter((x) => x !== "");
  const numbered = col(0).filter((x) => /^\d+[.)]?$/.test(x)).length;
  if (numbered * 2 < t.rows.length) return null;
  const roles: (ColumnRole | null)[] = Array.from({ length: width }, () => null);
  roles[0] = "id";
  let content = 1;
  let best = 0;
  for (let i = 1; i < width; i++) {
    const cells = col(i);
    const avg = cells.reduce((a, c) => a + c.length, 0) / Math.max(1, cells.length);
    if (avg > best) {
      best = avg;
      content = i;
    }
  }
  roles[content] = "content";
  for (let i = 1; i < width; i++) {
    if (i === content) continue;
    const cells = col(i);
    if (cells.length === 0) continue;
    const orgs = cells.filter(
      (c) => resolveRegistered(c.split(/[,;]/)[0] ?? c, ctx.resolution) !== null,
    ).length;
    const dates = cells.filter((c) => parseDeadline(c) !== null).length;
    if (orgs * 2 >= cells.length) roles[i] = roles.includes("lead") ? "cooperating" : "lead";
    else if (dates * 2 >= cells.length && !roles.includes("deadline")) roles[i] = "deadline";
  }
  return roles;
}

/** A row's cells as one string, "a|b|c": what a repeated header row is recognised by. */
const joined = (r: Row) => r.cells.map((c) => c.text).join("|");

/** joined(r).length without joining: most rows differ from the header already in length. */
function joinedLength(r: Row): number {
  let n = r.cells.length - 1;
  for (const c of r.cells) n += c.text.length;
  return Math.max(0, n);
}

function unreadable(ctx: DocContext, t: Table, why: string, findings: Finding[]): void {
  const sp = ctx.span(t.start, t.end);
  const line = ctx.original.slice(0, sp.start).split("\n").length;
  ctx.warn(`Không đọc được bảng ở dòng ${line}: ${why}`, t.start, t.end);
  if (t.rows.length >= 2 && Math.max(...t.rows.map((r) => r.cells.length)) >= 2) {
    findings.push(
      finding(
        ctx,
        "UNREADABLE_TABLE",
        "INFO",
        `Không đọc được bảng ở dòng ${line} (${why}).`,
        `The table at line ${line} could not be read (${why}).`,
        [ctx.span(t.start, t.rows[0]?.end ?? t.end)],
      ),
    );
  }
}

// A document's header or signature block laid out as a table (DOCX converted to Markdown puts the
// issuer beside "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", and "Nơi nhận" beside the signer): layout,
// not data, so neither read nor reported as unreadable.
const LAYOUT_CELL = /^(?:cong hoa xa hoi chu nghia|dang cong san viet nam|noi nhan\b)/;

function isLayout(t: Table): boolean {
  return (t.rows[0]?.cells ?? []).some((c) => LAYOUT_CELL.test(fold(c.text).replace(/^[\s*_]+/, "")));
}

export function extractObligations(
  text: string,
  cites: CitationExtraction,
  norm?: NormalisedText,
): ObligationExtraction {
  const ctx = new Context(text, cites, norm);
  const tables = findTables(ctx);
  const tasks: Task[] = [];
  const actions: Action[] = [];
  const targets: Target[] = [];
  const statistics: Statistics[] = [];
  const findings: Finding[] = [];
  const statsTables: StatsReading[][] = [];
  const taskTables: TableTasks[] = [];
  tables.forEach((t, ordinal) => {
    try {
      readTable(t, ordinal);
    } catch (e) {
      // A table no rule foresaw must not cost the rest of the document: report it with its place.
      unreadable(ctx, t, `lỗi khi đọc / reading failed: ${(e as Error).message}`, findings);
    }
  });
  function readTable(t: Table, ordinal: number): void {
    if (isLayout(t)) return;
    const hi = t.rows.slice(0, 3).findIndex((r) => looksLikeHeader(r.cells.map((c) => c.text)));
    let roles: (ColumnRole | null)[];
    let body = t.rows;
    if (hi >= 0) {
      roles = headerRoles((t.rows[hi] as (typeof t.rows)[number]).cells.map((c) => c.text));
      body = t.rows.slice(hi + 1);
    } else {
      const guessed = inferRoles(ctx, t);
      if (guessed === null) {
        unreadable(ctx, t, "không nhận ra tiêu đề cột / no recognisable column headers", findings);
        return;
      }
      ctx.warn(
        "Bảng không có dòng tiêu đề; các cột được suy ra từ nội dung",
        t.start,
        t.rows[0]?.end ?? t.end,
      );
      roles = guessed;
    }
    // Header cells repeated further down (a page break inside one table block) are not rows.
    const headerKey = hi >= 0 ? joined(t.rows[hi] as Row) : "";
    body = body.filter((r) => joinedLength(r) !== headerKey.length || joined(r) !== headerKey);
    if (roles.includes("indicator")) {
      targets.push(...readTargetTable(ctx, roles, body, ordinal));
    } else if (roles.filter((r) => r?.startsWith("stat")).length >= 2) {
      const st = readStatsTable(ctx, roles, body);
      statsTables.push(st);
      statistics.push(...st.map((s) => s.stats));
    } else if (roles.includes("content")) {
      const read = readTaskTable(ctx, roles, body, tableContext(ctx, t, ordinal), actions);
      taskTables.push({
        captionStart: t.captionStart,
        start: t.start,
        headerEnd: t.rows[0]?.end ?? t.end,
        tasks: read,
      });
      tasks.push(...read);
    } else {
      unreadable(
        ctx,
        t,
        "không có cột nội dung, chỉ tiêu hay số liệu / no content, indicator or count column",
        findings,
      );
    }
  }
  const tableRanges: [number, number][] = tables.map((t) => [t.start, t.end]);
  tasks.push(...listTasks(ctx, tableRanges));
  // Two rows that come out as the same task (a table repeated in an appendix) stay two tasks.
  const seen = new Map<string, number>();
  for (const t of tasks) {
    const n = seen.get(t.key) ?? 0;
    seen.set(t.key, n + 1);
    if (n > 0) t.key = `${t.key}#${n + 1}`;
  }
  statistics.push(...summaryLines(ctx), ...proseCounts(ctx, tableRanges));
  // A row's content cell is prose too: targets there belong to the row's task.
  const rowTargets = proseTargets(ctx, [], tasks).filter((g) => g.task !== undefined);
  const prose = proseTargets(ctx, tableRanges, tasks);
  targets.push(...prose, ...rowTargets.filter((g) => !prose.some((p) => p.key === g.key)));
  // A sentence that states a target ("Hỗ trợ tối thiểu 30 doanh nghiệp mỗi năm" under MỤC TIÊU)
  // sets a goal; it reports nothing done.
  // Nor is a count of tasks by status ("đã hoàn thành 12 nhiệm vụ, …"): that is a statistic.
  const aimed = [...prose.map((g) => g.span), ...statistics.map((st) => st.span)];
  actions.push(
    ...proseActions(ctx, tableRanges).filter(
      (a) => !aimed.some((g) => g.start < a.span.end && a.span.start < g.end),
    ),
  );
  proseMentions(ctx);
  findings.push(
    ...totalsFindings(ctx, statistics, statsTables),
    ...appendixMismatch(ctx, statistics, taskTables),
    ...implementsLater(ctx),
    ...issuerSpelling(ctx),
    ...dateDisagreement(ctx),
    ...taskFindings(ctx, tasks),
  );
  return {
    organisations: ctx.organisations(),
    tasks,
    targets,
    actions,
    statistics,
    findings,
    warnings: ctx.warnings,
  };
}
