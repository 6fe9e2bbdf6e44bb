// PROFILE evidence for tuning: runs a statement under PROFILE inside a transaction that is rolled
// back (so profiling a write changes nothing) and condenses the plan to the operators that cost most.
import type { GraphConnection } from "../../src/graph/connection.ts";

export interface ProfileSummary {
  dbHits: number;
  rows: number;
  ms: number;
  /** Operators by db hits, most expensive first: "NodeByLabelScan(Task) 12000". */
  top: string[];
}

interface PlanNode {
  operatorType: string;
  identifiers: string[];
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

export async function profile(
  graph: GraphConnection,
  statement: string,
  params: Record<string, unknown>,
): Promise<ProfileSummary> {
  const session = graph.driver.session({ database: graph.database });
  const tx = session.beginTransaction();
  try {
    const started = performance.now();
    const result = await tx.run(`PROFILE ${statement}`, params);
    const ms = performance.now() - started;
    const plan = result.summary.profile as unknown as PlanNode | false;
    const ops: { name: string; hits: number }[] = [];
    let dbHits = 0;
    const walk = (node: PlanNode) => {
      dbHits += Number(node.dbHits);
      const detail = String(node.arguments.Details ?? "").slice(0, 80);
      ops.push({ name: `${node.operatorType} ${detail}`.trim(), hits: Number(node.dbHits) });
      for (const child of node.children) walk(child);
    };
    if (plan) walk(plan);
    ops.sort((a, b) => b.hits - a.hits);
    return {
      dbHits,
      rows: plan ? Number(plan.rows) : 0,
      ms,
      top: ops.slice(0, 5).map((o) => `${o.name} — ${o.hits} db hits`),
    };
  } finally {
    await tx.rollback();
    await session.close();
  }
}
