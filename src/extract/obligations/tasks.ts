// Tasks from tables. Columns by header meaning (columns.ts); section rows ("I", "Quý II/2024")
// give context; rows without a number continue the task above; placeholder rows ("1 | 0",
// "Không") are not tasks. Irregular tables produce warnings, never exceptions.
import { fold } from "../normalise.ts";
import { matchKey } from "../organisations/index.ts";
import type { Action, Deadline, DocumentType, Task, TaskStatus } from "../types.ts";
import { actionsFromCell, docKeys } from "./actions.ts";
import type { ColumnRole } from "./columns.ts";
import { clean, type DocContext, hash } from "./context.ts";
import { parseDeadline } from "./deadline.ts";
import { type NamedOrg, organisationsIn } from "./orglist.ts";
import { captionStatus, parseStatus } from "./status.ts";
import type { Cell, Row, Table } from "./tables.ts";

export interface Range {
  start: number;
  end: number;
}

interface Draft {
  ref: string;
  refRange: Range | null;
  cells: Map<ColumnRole, Range[]>;
  start: number;
  end: number;
  section: string | null;
  sectionDeadline: Deadline | null;
}

export interface TableContext {
  assignedBy: string | null;
  implements: string[];
  status: TaskStatus | null;
  caption: string;
  ordinal: number;
}

const SECTION_ID = /^(?:[IVXLC]+|[A-ZĐ]|Phần\s+\S+|Mục\s+\S+)[.)]?$/;
const PLACEHOLDER = /^(không|không có|0|-|—|x)?$/i;

const TYPE_WORDS: [RegExp, DocumentType][] = [
  [/^chuong trinh hanh dong/, "PROGRAMME"],
  [/^chuong trinh/, "PROGRAMME"],
  [/^ke hoach/, "PLAN"],
  [/^de an/, "SCHEME"],
  [/^nghi quyet/, "RESOLUTION"],
  [/^quyet dinh/, "DECISION"],
  [/^chi thi/, "DIRECTIVE"],
  [/^ket luan/, "CONCLUSION"],
  [/^chien luoc/, "STRATEGY"],
];

function text(ctx: DocContext, ranges: Range[] | undefined): string {
  if (ranges === undefined) return "";
  return clean(ranges.map((r) => ctx.read(r.start, r.end)).join(" "));
}

// A heading line: "II. NHIỆM VỤ CỤ THỂ", "PHỤ LỤC II", "Phần III", "## 2. …".
const HEADING_LINE = /^[\s#*]*(?:[ivx]{1,4}[.)\-–]|\d{1,2}[.)]\s|phu luc\b|phan [ivx\d]+\b|muc [ivx\d]+\b)/;

/**
 * Where the table's own title begins: its last heading line before it. What the caption says above
 * that heading ("I. MỤC ĐÍCH, YÊU CẦU: … tiếp tục thực hiện Quyết định số …") is about the document,
 * not about this table's tasks.
 */
function tableTitleStart(ctx: DocContext, captionStart: number, tableStart: number): number {
  let at = captionStart;
  let line = captionStart;
  while (line < tableStart) {
    const nl = ctx.folded.indexOf("\n", line);
    const end = nl < 0 || nl > tableStart ? tableStart : nl;
    if (HEADING_LINE.test(ctx.folded.slice(line, end))) at = line;
    line = end + 1;
  }
  return at;
}

/**
 * What a document implements, as the citations pass read it (its IMPLEMENTS relations). A task
 * implements what the document assigning it implements, unless its own text says otherwise.
 */
export function implementedBy(ctx: DocContext, key: string | null): string[] {
  if (key === null) return [];
  const from = key === ctx.doc.key ? "SELF" : key;
  const out = ctx.cites.relations.filter((r) => r.from === from && r.kind === "IMPLEMENTS").map((r) => r.to);
  return [...new Set(out)].filter((k) => k !== key && k !== "SELF");
}

/** The table-wide facts its caption states: who assigned the tasks, what they implement, a status. */
export function tableContext(ctx: DocContext, table: Table, ordinal: number): TableContext {
  const cs = table.captionStart;
  const caption = ctx.text.slice(cs, table.start);
  const f = ctx.folded;
  let assignedBy: string | null = null;
  const implementsKeys: string[] = [];
  const titleStart = tableTitleStart(ctx, cs, table.start);
  for (const m of ctx.citationsIn(cs, table.start)) {
    if (m.citation.key === ctx.doc.key) continue;
    const before = f.slice(Math.max(cs, m.start - 60), m.start);
    if (assignedBy === null && /(^|\s)(theo|giao tai|duoc giao tai|giao theo)\s[^,;]{0,40}$/.test(before)) {
      assignedBy = m.citation.key;
    } else if (m.start >= titleStart && /(thuc hien|trien khai|cu the hoa)\s[^,;]{0,40}$/.test(before)) {
      implementsKeys.push(m.citation.key);
    }
  }
  // A programme or plan assigns the tasks in its own appendix; a report only reports on them, and
  // its caption's "DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT 71/NQ-CP" names who assigned them.
  const reportLike = ctx.doc.type === "REPORT" || ctx.doc.type === "OFFICIAL_LETTER";
  if (assignedBy === null && reportLike) {
    const listed = ctx
      .citationsIn(cs, table.start)
      .find((m) =>
        /nhiem vu\s[^.;]{0,40}(thuc hien|theo|tai|giao tai)\s+[^,;]{0,30}$/.test(
          f.slice(Math.max(cs, m.start - 90), m.start),
        ),
      );
    if (listed !== undefined) {
      assignedBy = listed.citation.key;
      implementsKeys.splice(implementsKeys.indexOf(assignedBy), implementsKeys.includes(assignedBy) ? 1 : 0);
    }
  }
  if (assignedBy === null && !reportLike) assignedBy = ctx.doc.key;
  // A report's task table that names no assigner lists the tasks of what the report reports on
  // ("Báo cáo tình hình thực hiện Chương trình hành động …": the programme's tasks).
  if (assignedBy === null && reportLike) {
    const on = [
      ...new Set(
        ctx.cites.relations.filter((r) => r.from === "SELF" && r.kind === "REPORTS_ON").map((r) => r.to),
      ),
    ];
    if (on.length === 1) assignedBy = on[0] as string;
  }
  return {
    assignedBy,
    implements: implementsKeys,
    status: captionStatus(f.slice(cs, table.start)),
    caption,
    ordinal,
  };
}

/**
 * The documents a task says it implements. "Thực hiện Kế hoạch số 243/KH-UBND" names it; "Thực
 * hiện Kế hoạch của UBND tỉnh triển khai thực hiện Chương trình hành động số 71-CTr/TU" describes
 * it: the cited plan that implements 71-CTr/TU is the one meant.
 */
export function implementsFrom(ctx: DocContext, start: number, end: number): string[] {
  const f = ctx.folded;
  // The cue must begin within 81 characters of the start; without one of its words there, the
  // search below would run on to the end of the document for nothing (once per task).
  if (!/thuc hien|trien khai|cu the hoa|the che hoa|thi hanh/.test(f.slice(start, start + 100))) return [];
  // "hướng dẫn thi hành Nghị quyết …" names what the product guides, not what the task implements.
  const cue =
    /(?:^|[\s:(])(thuc hien|trien khai(?: thuc hien| thi hanh)?|cu the hoa|the che hoa|(?<!(?:huong dan|chi tiet|va) )thi hanh)\s+/g;
  cue.lastIndex = start;
  const m = cue.exec(f);
  if (m === null || m.index >= end || m.index - start > 80) return [];
  const after = m.index + m[0].length;
  const next = ctx.mentions[ctx.firstMentionAt(after)];
  if (next === undefined || next.start >= end) return [];
  const gap = f.slice(after, next.start).trim();
  let type: DocumentType | undefined;
  let target: string;
  if (next.citation.symbol === null) {
    // The citations pass already made the description a document of its own ("Kế hoạch của UBND
    // tỉnh thực hiện 71-CTr/TU"): what does it implement?
    type = next.citation.type;
    const rel = ctx.cites.relations.find((r) => r.from === next.citation.key && r.kind === "IMPLEMENTS");
    if (rel === undefined) return [next.citation.key];
    target = rel.to;
  } else {
    // The mention may begin at the type word ("thực hiện Nghị định số …"): nothing between.
    if (gap === "" || (/^(\S+\s){0,4}(so\s*:?)?$/.test(`${gap} `.replace(/\s+/g, " ")) && gap.length < 40))
      return [next.citation.key];
    type = TYPE_WORDS.find(([re]) => re.test(gap))?.[1];
    // "Kế hoạch của UBND tỉnh triển khai thực hiện <X>": a described document, then its cue.
    if (type === undefined || gap.length > 160 || !/(thuc hien|trien khai|cu the hoa)$/.test(gap)) return [];
    target = next.citation.key;
  }
  const viaRelation = ctx.cites.relations.find(
    (r) =>
      (r.kind === "IMPLEMENTS" || r.kind === "CONTINUES") &&
      r.to === target &&
      r.from !== "SELF" &&
      ctx.cites.citations.some((c) => c.key === r.from && c.type === type && c.symbol !== null),
  );
  if (viaRelation !== undefined) return [viaRelation.from];
  return [next.citation.symbol === null ? next.citation.key : target];
}

/** Documents issued as the task's result: cited right after "ban hành", "phê duyệt", "có văn bản". */
function resultsIn(ctx: DocContext, ranges: Range[]): string[] {
  const out: string[] = [];
  for (const r of ranges) {
    let from = r.start;
    for (const m of ctx.citationsIn(r.start, r.end)) {
      const sentenceStart = Math.max(from, ctx.text.lastIndexOf(".", m.start) + 1);
      const gap = ctx.folded.slice(sentenceStart, m.start);
      // "Đã trình Chính phủ tại Tờ trình số …": the submission is what the task produced.
      const submitted = m.citation.type === "SUBMISSION" && /\bda trinh\b[^;]{0,40}$/.test(gap);
      if (
        submitted ||
        (/(ban hanh|phe duyet|co van ban|da trinh|da ky)\s[^;]{0,40}$/.test(gap) &&
          !/(thuc hien|trien khai|theo|cua|tai)\s*(\S+\s*){0,3}$/.test(gap.slice(-25)))
      ) {
        out.push(m.citation.key);
      }
      from = m.end;
    }
  }
  return [...new Set(out)];
}

const NUMBERED_REF = /^\s*((?:nhiệm vụ|NV)\s*(?:số\s*)?\d+[a-z]?)\s*[:.–-]\s*/iu;

function finish(
  ctx: DocContext,
  d: Draft,
  tc: TableContext,
  roleCells: Map<ColumnRole, Range[]>,
  actionsOut: Action[],
): Task | null {
  const contentRanges = roleCells.get("content") ?? [];
  let content = text(ctx, contentRanges);
  if (PLACEHOLDER.test(content)) return null;
  let ref = d.ref;
  let refIsId = false;
  const nm = NUMBERED_REF.exec(content);
  if (nm !== null) {
    ref = (nm[1] as string).replace(/\s+/g, " ");
    content = content.slice(nm[0].length);
    refIsId = true;
  }
  // A loop, not flatMap: V8's flatMap takes a generic path that cost more than the lookups here.
  const named = (role: ColumnRole) => {
    const out: NamedOrg[] = [];
    for (const r of roleCells.get(role) ?? []) out.push(...organisationsIn(ctx, r.start, r.end));
    return out;
  };
  const leads = named("lead");
  const coop = named("cooperating");
  const deadlineText = text(ctx, roleCells.get("deadline"));
  const deadline =
    deadlineText === ""
      ? d.sectionDeadline
      : (parseDeadline(deadlineText, ctx.year) ?? {
          text: deadlineText,
          from: null,
          to: null,
          recurring: false,
        });
  const assignedCell = (roleCells.get("assignedBy") ?? []).flatMap((r) => docKeys(ctx, r.start, r.end));
  const assignedBy = assignedCell[0] ?? tc.assignedBy;
  const contentStart = contentRanges[0]?.start ?? d.start;
  const contentEnd = contentRanges[contentRanges.length - 1]?.end ?? d.end;
  // Its own words first, then the table's title, then what the assigning document implements.
  const own = [...implementsFrom(ctx, contentStart, contentEnd), ...tc.implements];
  const impl = (own.length > 0 ? own : implementedBy(ctx, assignedBy)).filter((k) => k !== assignedBy);
  // In a report a "Kết quả" column answers with a status ("Đã hoàn thành", "Chưa hoàn thành"): that
  // is the task's status, not its product.
  let productCells = roleCells.get("product");
  let statusCells = roleCells.get("status") ?? [];
  if (
    statusCells.length === 0 &&
    productCells !== undefined &&
    (ctx.doc.type === "REPORT" || ctx.doc.type === "OFFICIAL_LETTER")
  ) {
    const said = text(ctx, productCells);
    const named = parseStatus(said, true) !== null || /^chua hoan thanh\.?$/.test(fold(said).trim());
    if (said.length <= 30 && !/\d/.test(said) && named) {
      statusCells = productCells;
      productCells = undefined;
    }
  }
  const progress = roleCells.get("progress") ?? [];
  const results = resultsIn(ctx, progress.length > 0 ? progress : statusCells);
  const refKey =
    refIsId || assignedBy === ctx.doc.key
      ? matchKey(ref).replace(/ /g, "-")
      : `c${hash(matchKey(content).slice(0, 200))}`;
  const scope = refIsId ? "" : assignedBy === ctx.doc.key ? `${tc.ordinal}:` : "";
  const key = `task|${assignedBy ?? ctx.doc.key}|${scope}${refKey}`;
  const leadOrg = leads[0];
  const taskActions: Action[] = [];
  for (const r of progress) {
    // A progress cell that only names a status ("Đã hoàn thành") reports no action.
    const said = ctx.read(r.start, r.end);
    if (said.length <= 30 && !/\d/.test(said) && parseStatus(said, true) !== null) continue;
    taskActions.push(
      ...actionsFromCell(ctx, r.start, r.end, { name: leadOrg?.name ?? null, key: leadOrg?.key ?? null }, [
        key,
      ]),
    );
  }
  actionsOut.push(...taskActions);
  // Status: the status cell, else a status phrase in the progress text, else what the caption
  // says of the whole table, else — for a report that describes progress — on track unless late.
  let status: TaskStatus | null = null;
  let statusRange: Range | null = statusCells[0] ?? null;
  const statusText = text(ctx, statusCells);
  // A "Tiến độ thực hiện" cell may describe progress ("Đang lấy ý kiến các bộ, ngành") rather than
  // name a status: read it as progress when it is not one of the status words.
  if (statusText !== "") status = parseStatus(statusText, statusText.length > 30);
  const progressText = text(ctx, progress) || (status === null ? statusText : "");
  if (status === null && progressText !== "") status = parseStatus(progressText, true);
  if (status === null) status = tc.status;
  // Not started ("Chưa thực hiện") after its deadline is overdue, whatever the report's word.
  const on = ctx.observedOn;
  if (status === "NOT_STARTED" && deadline?.to != null && on !== null && deadline.to < on) status = "OVERDUE";
  // "Chưa hoàn thành" says only that it is not done: late if its deadline has passed.
  if (status === "UNKNOWN" && /chua hoan thanh/.test(fold(statusText))) {
    const late = deadline?.to != null && on !== null && deadline.to.slice(0, on.length) < on;
    status = late ? "OVERDUE" : "IN_PROGRESS_ON_TIME";
  }
  const reportLike = ctx.doc.type === "REPORT" || ctx.doc.type === "OFFICIAL_LETTER";
  if (status === null && reportLike && progressText !== "" && !PLACEHOLDER.test(progressText)) {
    const late = deadline?.to != null && on !== null && deadline.to < on;
    status = late ? "UNKNOWN" : "IN_PROGRESS_ON_TIME";
  }
  if (statusRange === null && progress[0] !== undefined) statusRange = progress[0];
  return {
    key,
    ref,
    content,
    lead: leads.map((o) => o.name),
    leadKeys: leads.map((o) => o.key),
    cooperating: coop.map((o) => o.name),
    cooperatingKeys: coop.map((o) => o.key),
    deadline,
    product: text(ctx, productCells) || null,
    section: d.section,
    assignedBy,
    implements: [...new Set(impl)],
    status: status === null ? null : { value: status, reportedBy: ctx.doc.key, reportedOn: on },
    statusSpan: status === null || statusRange === null ? null : ctx.span(statusRange.start, statusRange.end),
    results,
    actions: taskActions.map((a) => a.key),
    span: ctx.span(d.start, d.end),
    from: "table",
  };
}

function isDuplicateOverflow(ctx: DocContext, c: Cell, prev: Draft): boolean {
  const t = matchKey(c.text);
  if (t.length < 8) return false;
  for (const ranges of prev.cells.values()) {
    const k = matchKey(ranges.map((r) => ctx.text.slice(r.start, r.end)).join(" "));
    if (k.includes(t)) return true;
  }
  return false;
}

/** Adds a cell's range to its role's ranges (pushed in place: rows are read once, in order). */
function addRange(cells: Map<ColumnRole, Range[]>, role: ColumnRole, c: Cell): void {
  const ranges = cells.get(role);
  if (ranges === undefined) cells.set(role, [{ start: c.start, end: c.end }]);
  else ranges.push({ start: c.start, end: c.end });
}

/** Reads the task rows of a table whose roles are known. */
export function readTaskTable(
  ctx: DocContext,
  roles: (ColumnRole | null)[],
  bodyRows: Row[],
  tc: TableContext,
  actionsOut: Action[],
): Task[] {
  const col = (role: ColumnRole) => roles.indexOf(role);
  const idCol = col("id");
  const contentCol = col("content");
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  let section: string | null = null;
  let sectionDeadline: Deadline | null = null;
  const width = roles.length;
  for (let ri = 0; ri < bodyRows.length; ri++) {
    const row = bodyRows[ri] as Row;
    const cells = row.cells;
    if (cells.every((c) => c.text === "")) continue;
    if (cells.length > width && cells.slice(width).some((c) => c.text !== "")) {
      ctx.warn(
        `Dòng bảng có ${cells.length} ô, tiêu đề có ${width} cột; ô thừa được gộp vào cột cuối`,
        row.start,
        row.end,
      );
    } else if (cells.length < width && cells.some((c) => c.text !== "") && cells.length > 1) {
      ctx.warn(`Dòng bảng chỉ có ${cells.length} ô, tiêu đề có ${width} cột`, row.start, row.end);
    }
    const id = idCol >= 0 ? (cells[idCol]?.text ?? "") : "";
    const contentCell = contentCol >= 0 ? cells[contentCol] : undefined;
    const others = cells.filter(
      (_, i) => i !== idCol && i !== contentCol && roles[i] !== "notes" && cells[i]?.text !== "",
    );
    const idClean = id.replace(/[*.:)\s]+$/g, "").replace(/^\*+/, "");
    const boldOnly = cells.filter((c) => c.text !== "").every((c) => c.bold);
    // "1 | Nhóm nhiệm vụ …" with nothing else, followed by "1.1", "1.2": a group, not a task.
    const nextId = idCol >= 0 ? (bodyRows[ri + 1]?.cells[idCol]?.text ?? "").replace(/[*.:)\s]+$/g, "") : "";
    const isGroup = /^\d+$/.test(idClean) && others.length === 0 && nextId.startsWith(`${idClean}.`);
    const isSection =
      isGroup ||
      (idClean !== "" && SECTION_ID.test(idClean) && !/^\d/.test(idClean)) ||
      (idClean === "" && others.length === 0 && contentCell?.bold === true && boldOnly);
    if (isSection) {
      section = clean(`${id} ${contentCell?.text ?? ""}`);
      const sd = parseDeadline(contentCell?.text ?? "", ctx.year);
      sectionDeadline = sd !== null && !sd.recurring ? sd : null;
      for (const o of others) {
        if (o.bold) continue;
        ctx.warn(
          `Dòng mục "${idClean}" có nội dung ở cột khác (ô gộp?): "${o.text.slice(0, 60)}"`,
          o.start,
          o.end,
        );
        if (cur !== null && !isDuplicateOverflow(ctx, o, cur)) {
          const role = roles[cells.indexOf(o)];
          if (role != null) addRange(cur.cells, role, o);
        }
      }
      cur = null;
      continue;
    }
    const add = (d: Draft) => {
      cells.forEach((c, i) => {
        if (c.text === "") return;
        const role = roles[Math.min(i, width - 1)];
        if (role == null || role === "id") return;
        if (d !== draftOf(row) && isDuplicateOverflow(ctx, c, d)) {
          ctx.warn(`Ô tiếp nối lặp lại nội dung dòng trên, bỏ qua: "${c.text.slice(0, 60)}"`, c.start, c.end);
          return;
        }
        addRange(d.cells, role, c);
      });
      d.end = row.end;
    };
    const draftOf = (r: Row) => (cur !== null && cur.start === r.start ? cur : null);
    if (idClean === "" && cur !== null) {
      add(cur);
      continue;
    }
    if (idClean === "" && cur === null && contentCell !== undefined && !PLACEHOLDER.test(contentCell.text)) {
      ctx.warn("Dòng không có số thứ tự và không có dòng nhiệm vụ phía trên để nối vào", row.start, row.end);
    }
    cur = {
      ref: idClean,
      refRange:
        idCol >= 0 && cells[idCol] !== undefined
          ? { start: (cells[idCol] as Cell).start, end: (cells[idCol] as Cell).end }
          : null,
      cells: new Map(),
      start: row.start,
      end: row.end,
      section,
      sectionDeadline,
    };
    add(cur);
    drafts.push(cur);
  }
  const tasks: Task[] = [];
  for (const d of drafts) {
    const t = finish(ctx, d, tc, d.cells, actionsOut);
    if (t !== null) tasks.push(t);
  }
  return tasks;
}
