// Tasks (nhiệm vụ) as plans assign them and reports observe them: content, lead and cooperating
// units, deadline in its written forms, expected product, and a completion date fixed at creation so
// that successive reports on the same plan tell one consistent history.
import type { TaskStatus } from "../extract/types.ts";
import type { Composer } from "./compose.ts";
import { ROMAN, type TableRow, table } from "./layout.ts";
import type { Rng } from "./prng.ts";
import type { TruthDeadline, TruthTask } from "./truth.ts";
import { COOPERATING_GROUPS, PRODUCTS, TASK_SCOPES, TASK_VERBS, type Topic } from "./vocabulary.ts";
import { addDays } from "./world.ts";

export interface Unit {
  /** Canonical name. */
  name: string;
  /** How this table writes it. */
  written: string[];
}

export interface PlannedTask {
  ref: string;
  content: string;
  lead: Unit;
  cooperating: string[];
  deadline: TruthDeadline;
  product: string;
  section: string;
  /** ISO date the task gets done, or null if it never does within the corpus. */
  doneOn: string | null;
}

const SECTIONS = [
  "Công tác tuyên truyền, quán triệt",
  "Hoàn thiện thể chế, cơ chế, chính sách",
  "Phát triển nguồn nhân lực",
  "Ứng dụng, chuyển giao công nghệ",
  "Hợp tác, huy động nguồn lực",
  "Kiểm tra, giám sát, sơ kết, tổng kết",
];

const QUARTER_END = ["03-31", "06-30", "09-30", "12-31"];
const QUARTER_START = ["01-01", "04-01", "07-01", "10-01"];
const QUARTER_NAME = ["I", "II", "III", "IV"];

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

/** A deadline after `issued`, in one of the forms plans write. */
export function deadlineAfter(rng: Rng, issued: string): TruthDeadline {
  const year = Number(issued.slice(0, 4));
  const month = Number(issued.slice(5, 7));
  const roll = rng.next();
  if (roll < 0.12) return { text: rng.pick(["Thường xuyên", "Hằng năm"]), from: null, to: null };
  if (roll < 0.4) {
    const q = Math.min(3, Math.floor((month - 1) / 3) + rng.int(0, 2));
    const y = q > 3 ? year + 1 : year;
    const qi = q % 4;
    return {
      text: `Quý ${QUARTER_NAME[qi]}/${y}`,
      from: `${y}-${QUARTER_START[qi]}`,
      to: `${y}-${QUARTER_END[qi]}`,
    };
  }
  if (roll < 0.7) {
    const m = Math.min(12, month + rng.int(1, 6));
    return { text: `${m}/${year}`, from: `${year}-${String(m).padStart(2, "0")}-01`, to: lastDay(year, m) };
  }
  if (roll < 0.85) {
    const m = Math.min(12, month + rng.int(1, 6));
    const d = m === 6 || m === 9 ? 30 : m === 12 ? 31 : 15;
    const iso = `${year}-${String(m).padStart(2, "0")}-${d}`;
    return { text: `${d}/${m}/${year}`, from: iso, to: iso };
  }
  return { text: `Năm ${year}`, from: `${year}-01-01`, to: `${year}-12-31` };
}

export function planTasks(
  rng: Rng,
  topic: Topic,
  issued: string,
  count: number,
  leads: () => Unit,
  cooperating: () => string[],
): PlannedTask[] {
  const sections = rng.sample(SECTIONS, Math.min(SECTIONS.length, rng.int(2, 5)));
  const out: PlannedTask[] = [];
  for (let i = 0; i < count; i++) {
    const section = sections[Math.floor((i * sections.length) / count)] as string;
    const deadline = deadlineAfter(rng, issued);
    const scope = rng.pick(TASK_SCOPES);
    const content = `${rng.pick(TASK_VERBS)} ${topic.field}${scope ? ` ${scope}` : ""}`;
    const due = deadline.to ?? addDays(issued, 200);
    const r = rng.next();
    const doneOn =
      r < 0.55 ? addDays(issued, rng.int(20, 150)) : r < 0.75 ? addDays(due, rng.int(5, 90)) : null;
    out.push({
      ref: String(i + 1),
      content,
      lead: leads(),
      cooperating: cooperating(),
      deadline,
      product: rng.pick(PRODUCTS),
      section,
      doneOn,
    });
  }
  return out;
}

export function defaultCooperating(rng: Rng): () => string[] {
  return () => (rng.chance(0.8) ? [rng.pick(COOPERATING_GROUPS)] : []);
}

/** Status of a task as a report dated `on` sees it. */
export function statusOn(task: PlannedTask, on: string): TaskStatus {
  const due = task.deadline.to;
  if (task.doneOn && task.doneOn <= on)
    return due && task.doneOn > due ? "COMPLETED_LATE" : "COMPLETED_ON_TIME";
  if (due && due < on) return "OVERDUE";
  return "IN_PROGRESS_ON_TIME";
}

const STATUS_TEXT: Record<TaskStatus, string[]> = {
  COMPLETED_ON_TIME: ["Hoàn thành đúng hạn", "Đã hoàn thành", "Hoàn thành"],
  COMPLETED_LATE: ["Hoàn thành quá hạn", "Đã hoàn thành nhưng quá hạn"],
  IN_PROGRESS_ON_TIME: ["Đang thực hiện trong hạn", "Đang triển khai thực hiện", "Đang thực hiện"],
  OVERDUE: ["Quá hạn chưa hoàn thành", "Chưa hoàn thành (quá hạn)"],
  NOT_STARTED: ["Chưa triển khai"],
  UNKNOWN: [""],
};

interface Headers {
  ref: string;
  content: string;
  lead: string;
  cooperating: string;
  deadline: string;
  product: string;
  status: string;
}

function pickHeaders(rng: Rng): Headers {
  return {
    ref: rng.pick(["STT", "TT"]),
    content: rng.pick(["Nội dung nhiệm vụ", "Nội dung", "Tên nhiệm vụ", "Nhiệm vụ"]),
    lead: rng.pick(["Đơn vị chủ trì", "Cơ quan chủ trì", "Chủ trì"]),
    cooperating: rng.pick(["Đơn vị phối hợp", "Cơ quan phối hợp", "Phối hợp"]),
    deadline: rng.pick(["Thời hạn", "Thời gian hoàn thành", "Thời hạn hoàn thành"]),
    product: rng.pick(["Sản phẩm", "Kết quả", "Sản phẩm đầu ra"]),
    status: rng.pick(["Tình hình thực hiện", "Kết quả thực hiện", "Tiến độ thực hiện"]),
  };
}

/**
 * Writes the task table of a plan (or, with `reportOn`, the status table of a report on that plan)
 * and records each row in the truth.
 */
export function taskTable(
  c: Composer,
  tasks: PlannedTask[],
  assignedBy: string,
  implementsIds: string[],
  reportOn?: string,
): { text: string; statuses: TaskStatus[] } {
  const rng = c.rng;
  const h = pickHeaders(rng);
  const productFirst = rng.chance(0.4);
  const columns = reportOn
    ? [h.ref, h.content, h.lead, h.deadline, h.status, h.product]
    : productFirst
      ? [h.ref, h.content, h.lead, h.cooperating, h.product, h.deadline]
      : [h.ref, h.content, h.lead, h.cooperating, h.deadline, h.product];
  const rows: TableRow[] = [];
  const statuses: TaskStatus[] = [];
  let section = "";
  let numeral = 0;
  const dotted = rng.chance(0.5);
  for (const t of tasks) {
    if (t.section !== section) {
      section = t.section;
      rows.push({ section, numeral: ROMAN[numeral++] ?? String(numeral) });
    }
    const lead = rng.pick(t.lead.written);
    const ref = dotted ? `${t.ref}.` : t.ref;
    const status = reportOn ? statusOn(t, reportOn) : null;
    if (reportOn && status) {
      statuses.push(status);
      rows.push({
        cells: [ref, t.content, lead, t.deadline.text, rng.pick(STATUS_TEXT[status]), t.product],
      });
    } else {
      const coop = t.cooperating.join("; ");
      rows.push({
        cells: productFirst
          ? [ref, t.content, lead, coop, t.product, t.deadline.text]
          : [ref, t.content, lead, coop, t.deadline.text, t.product],
      });
    }
    const truth: TruthTask = {
      ref: t.ref,
      content: t.content,
      lead: [t.lead.name],
      cooperating: reportOn ? [] : t.cooperating,
      deadline: t.deadline,
      product: t.product,
      section: t.section,
      assignedBy,
      implements: implementsIds,
      status: reportOn && status ? { value: status, reportedOn: reportOn } : null,
    };
    c.tasks.push(truth);
  }
  return { text: table(c.format, columns, rows), statuses };
}
