// Shortest chains between two nodes (đường nối), for "how is this action connected to that
// directive?" when the answer is not a simple implementation chain.
import type { GraphConnection } from "../connection.ts";
import { clampDepth, evidenceOf, type LineageRelation, type RelationKind } from "../lineage.ts";
import { cypher } from "./cypher.ts";
import { fetchNodes, type GraphNode, plain, toGraphNode } from "./nodes.ts";

export const MAX_PATHS = 10;

export interface FoundPath {
  nodes: GraphNode[];
  relations: LineageRelation[];
}

/** Null when either end does not exist. */
export async function findPaths(
  graph: GraphConnection,
  fromUid: string,
  toUid: string,
  maxDepth: number,
  first: number,
  timeoutMs?: number,
): Promise<FoundPath[] | null> {
  const integers = {
    maxDepth: clampDepth(maxDepth),
    first: Math.min(MAX_PATHS, Math.max(1, Math.trunc(first))),
  };
  return graph.read(
    async (tx) => {
      const ends = await fetchNodes(tx, [fromUid, toUid]);
      const a = ends.get(fromUid);
      const b = ends.get(toUid);
      if (!a || !b) return null;
      if (a.eid === b.eid) return [{ nodes: [a], relations: [] }];
      const result = await tx.run(cypher("api-paths", integers), { from: a.eid, to: b.eid });
      return result.records.map((r) => {
        const nodes = (r.get("nodes") as unknown[])
          .map(toGraphNode)
          .filter((n): n is GraphNode => n !== null);
        const relations = (
          plain(r.get("rels")) as Array<{ type: string; start: string; props: Record<string, unknown> }>
        ).map((rel, i): LineageRelation => {
          const left = nodes[i] as GraphNode;
          const right = nodes[i + 1] as GraphNode;
          const forward = rel.start === left.eid;
          const evidence = evidenceOf(rel.props);
          return {
            from: forward ? left.uid : right.uid,
            to: forward ? right.uid : left.uid,
            kind: rel.type as RelationKind,
            cue: typeof rel.props.cue === "string" ? rel.props.cue : null,
            confidence: evidence.confidence,
            evidence: [evidence],
          };
        });
        return { nodes, relations };
      });
    },
    timeoutMs === undefined ? undefined : { timeoutMs },
  );
}
