// One rule for "what is a task's status on a date", shared by task fields, lineage filters,
// accountability and gaps, so the explorer, the CLI and the API never disagree.
import type { TaskStatus } from "../../extract/types.ts";

export interface StatusClaim {
  value: TaskStatus;
  reportedOn: string | null;
}

export interface DeadlineFacts {
  deadlineTo?: unknown;
  recurring?: unknown;
}

/** Today as an ISO date, in UTC: status is judged per calendar day. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The latest claim made on or before `asOf`. Partial dates ("2024-06") compare as strings, which
 * orders them before every day of that month: a report dated only by month counts from its start.
 * An undated claim counts as the oldest one, so any dated claim overrides it.
 */
export function statusAsOf(claims: StatusClaim[], asOf: string): TaskStatus {
  let best: StatusClaim | null = null;
  for (const c of claims) {
    if (c.reportedOn !== null && c.reportedOn > asOf) continue;
    if (best === null || (c.reportedOn ?? "") >= (best.reportedOn ?? "")) best = c;
  }
  return best?.value ?? "UNKNOWN";
}

/**
 * Overdue on `asOf`: reported overdue, or past the end of a non-recurring deadline without a claim of
 * completion.
 */
export function isOverdue(status: TaskStatus, task: DeadlineFacts, asOf: string): boolean {
  if (status === "OVERDUE") return true;
  if (status === "COMPLETED_ON_TIME" || status === "COMPLETED_LATE") return false;
  if (task.recurring === true) return false;
  return typeof task.deadlineTo === "string" && task.deadlineTo.length === 10 && task.deadlineTo < asOf;
}
