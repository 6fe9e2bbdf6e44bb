// Who is accountable for what (trách nhiệm): per lead unit, tasks by status as of a date, how many are
// overdue, and the plans it issued — overall, or under one root's downstream chain.
import type { TaskStatus } from "../../extract/types.ts";
import type { GraphConnection } from "../connection.ts";
import { walkLineage } from "../lineage.ts";
import { cypher } from "./cypher.ts";
import { type GraphNode, plain, toGraphNode } from "./nodes.ts";
import { isOverdue, type StatusClaim, statusAsOf } from "./status.ts";

export interface AccountabilityRow {
  organisation: GraphNode;
  asOf: string;
  tasks: GraphNode[];
  byStatus: Array<{ status: TaskStatus; count: number }>;
  overdueTasks: GraphNode[];
  plans: GraphNode[];
}

export interface AccountabilityOptions {
  /** Uid of a root document: only tasks and plans downstream of it. */
  rootUid?: string | null;
  /** Organisation keys. */
  organisations?: string[] | null;
  asOf: string;
  timeoutMs?: number;
}

const STATUS_ORDER: TaskStatus[] = [
  "OVERDUE",
  "IN_PROGRESS_ON_TIME",
  "NOT_STARTED",
  "COMPLETED_LATE",
  "COMPLETED_ON_TIME",
  "UNKNOWN",
];

/** Rows with the most overdue tasks first; null when the root does not exist. */
export async function accountability(
  graph: GraphConnection,
  options: AccountabilityOptions,
): Promise<AccountabilityRow[] | null> {
  const tx = options.timeoutMs === undefined ? undefined : { timeoutMs: options.timeoutMs };
  let tasks: string[] | null = null;
  let documents: string[] | null = null;
  if (options.rootUid) {
    const lineage = await walkLineage(graph, options.rootUid, {
      direction: "DOWNSTREAM",
      maxDepth: 12,
      timeoutMs: options.timeoutMs,
    });
    if (!lineage) return null;
    const reached = [...lineage.reached.values()];
    tasks = reached.filter((n) => n.kind === "TASK").map((n) => n.eid);
    documents = reached.filter((n) => n.kind === "DOCUMENT").map((n) => n.eid);
  }
  const params = { tasks, documents, organisations: options.organisations ?? null, asOf: options.asOf };
  const [taskRecords, planRecords] = await graph.read(
    async (t) => [
      (await t.run(cypher("accountability-tasks"), params)).records,
      (await t.run(cypher("accountability-plans"), params)).records,
    ],
    tx,
  );

  const rows = new Map<string, AccountabilityRow>();
  const rowOf = (raw: unknown): AccountabilityRow | null => {
    const organisation = toGraphNode(raw);
    if (!organisation) return null;
    let row = rows.get(organisation.uid);
    if (!row) {
      row = { organisation, asOf: options.asOf, tasks: [], byStatus: [], overdueTasks: [], plans: [] };
      rows.set(organisation.uid, row);
    }
    return row;
  };
  for (const r of taskRecords) {
    const row = rowOf(r.get("organisation"));
    if (!row) continue;
    const counts = new Map<TaskStatus, number>();
    for (const item of plain(r.get("tasks")) as Array<{ node: unknown; statuses: StatusClaim[] }>) {
      const task = toGraphNode(item.node);
      if (!task) continue;
      const status = statusAsOf(item.statuses, options.asOf);
      counts.set(status, (counts.get(status) ?? 0) + 1);
      row.tasks.push(task);
      if (isOverdue(status, task.props, options.asOf)) row.overdueTasks.push(task);
    }
    row.byStatus = STATUS_ORDER.filter((s) => counts.has(s)).map((status) => ({
      status,
      count: counts.get(status) as number,
    }));
  }
  for (const r of planRecords) {
    const row = rowOf(r.get("organisation"));
    if (!row) continue;
    row.plans = (plain(r.get("plans")) as unknown[])
      .map(toGraphNode)
      .filter((n): n is GraphNode => n !== null);
  }
  return [...rows.values()].sort(
    (a, b) =>
      b.overdueTasks.length - a.overdueTasks.length ||
      b.tasks.length - a.tasks.length ||
      a.organisation.uid.localeCompare(b.organisation.uid),
  );
}
