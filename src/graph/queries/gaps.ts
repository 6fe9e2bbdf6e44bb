// Gaps (thiếu sót): what an auditor looks for — directives nobody below has implemented, documents
// cited but never ingested, tasks without a lead unit, overdue tasks, and the findings raised at
// ingest. One rule set, overall or under a root's downstream chain.
import type { GraphConnection } from "../connection.ts";
import { walkLineage } from "../lineage.ts";
import { cypher } from "./cypher.ts";
import { type GraphNode, labelOf, plain, toGraphNode } from "./nodes.ts";
import { isOverdue, type StatusClaim, statusAsOf } from "./status.ts";

export type GapKind = "UNIMPLEMENTED" | "NOT_INGESTED" | "TASK_WITHOUT_LEAD" | "OVERDUE_TASK" | "FINDING";
export type Severity = "INFO" | "WARNING" | "ERROR";

export interface Gap {
  kind: GapKind;
  severity: Severity;
  node: GraphNode;
  messageVi: string;
  messageEn: string;
}

/** Administrative rank, highest first: an implementation gap is "nobody lower implemented this". */
const RANK: Record<string, number | undefined> = {
  CENTRAL_PARTY: 0,
  CENTRAL_STATE: 1,
  PROVINCIAL_PARTY: 2,
  PROVINCIAL_STATE: 3,
  DEPARTMENT: 4,
  UNIT: 5,
};

/** Types that direct others to act (chủ trương, chỉ đạo) and so expect implementation below. */
const DIRECTING_TYPES = new Set([
  "RESOLUTION",
  "DIRECTIVE",
  "CONCLUSION",
  "PROGRAMME",
  "PLAN",
  "STRATEGY",
  "SCHEME",
]);

const KIND_ORDER: GapKind[] = [
  "OVERDUE_TASK",
  "UNIMPLEMENTED",
  "TASK_WITHOUT_LEAD",
  "FINDING",
  "NOT_INGESTED",
];

export interface GapOptions {
  scopeUid?: string | null;
  kinds?: GapKind[] | null;
  asOf: string;
  timeoutMs?: number;
}

/** Gaps ordered by kind (most pressing first) then node; null when the scope does not exist. */
export async function findGaps(graph: GraphConnection, options: GapOptions): Promise<Gap[] | null> {
  let documents: string[] | null = null;
  let tasks: string[] | null = null;
  if (options.scopeUid) {
    const lineage = await walkLineage(graph, options.scopeUid, {
      direction: "DOWNSTREAM",
      maxDepth: 12,
      timeoutMs: options.timeoutMs,
    });
    if (!lineage) return null;
    const reached = [...lineage.reached.values()];
    documents = reached.filter((n) => n.kind === "DOCUMENT").map((n) => n.eid);
    tasks = reached.filter((n) => n.kind === "TASK").map((n) => n.eid);
  }
  const record = await graph.read(
    async (tx) => (await tx.run(cypher("gaps-facts"), { documents, tasks })).records[0],
    options.timeoutMs === undefined ? undefined : { timeoutMs: options.timeoutMs },
  );
  const wanted = new Set<GapKind>(options.kinds?.length ? options.kinds : KIND_ORDER);
  const gaps: Gap[] = [];
  const add = (kind: GapKind, severity: Severity, node: GraphNode, messageVi: string, messageEn: string) => {
    if (wanted.has(kind)) gaps.push({ kind, severity, node, messageVi, messageEn });
  };

  for (const d of (plain(record?.get("documents")) ?? []) as Array<{
    node: unknown;
    implementers: Array<string | null>;
  }>) {
    const node = toGraphNode(d.node);
    if (!node) continue;
    const label = labelOf(node);
    if (node.props.held === false) {
      add(
        "NOT_INGESTED",
        "INFO",
        node,
        `Chưa có toàn văn ${label}; chỉ biết qua trích dẫn.`,
        `${label} is known only from citations; its text was never ingested.`,
      );
    }
    const rank = RANK[String(node.props.tier)];
    if (rank === undefined || rank >= (RANK.UNIT as number) || !DIRECTING_TYPES.has(String(node.props.type)))
      continue;
    const below = d.implementers.some((t) => t !== null && (RANK[t] ?? -1) > rank);
    if (!below) {
      add(
        "UNIMPLEMENTED",
        "WARNING",
        node,
        `Chưa có văn bản hoặc nhiệm vụ cấp dưới thực hiện ${label}.`,
        `No lower-tier document or task implements ${label}.`,
      );
    }
  }
  for (const t of (plain(record?.get("tasks")) ?? []) as Array<{
    node: unknown;
    leads: number;
    statuses: StatusClaim[];
  }>) {
    const node = toGraphNode(t.node);
    if (!node) continue;
    const label = labelOf(node);
    if (t.leads === 0)
      add(
        "TASK_WITHOUT_LEAD",
        "WARNING",
        node,
        `Nhiệm vụ chưa có cơ quan chủ trì: ${label}`,
        `Task without a lead unit: ${label}`,
      );
    const status = statusAsOf(t.statuses, options.asOf);
    if (isOverdue(status, node.props, options.asOf)) {
      add("OVERDUE_TASK", "ERROR", node, `Nhiệm vụ quá hạn: ${label}`, `Overdue task: ${label}`);
    }
  }
  for (const raw of (plain(record?.get("findings")) ?? []) as unknown[]) {
    const node = toGraphNode(raw);
    if (!node) continue;
    const severity = (
      ["INFO", "WARNING", "ERROR"].includes(String(node.props.severity)) ? node.props.severity : "WARNING"
    ) as Severity;
    add("FINDING", severity, node, String(node.props.messageVi ?? ""), String(node.props.messageEn ?? ""));
  }
  return gaps.sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.node.uid.localeCompare(b.node.uid),
  );
}
