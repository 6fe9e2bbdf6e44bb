// The one way Chidao walks an implementation chain (chuỗi triển khai), shared by the GraphQL
// `lineage` field and `chidao trace`. The walk goes level by level — one round trip per hop, all in
// one read transaction — because a single variable-length Cypher pattern enumerates every path and
// explodes on dense chains, while a breadth-first walk touches each node once and can say exactly
// where and why it stopped.
import neo4j, { type ManagedTransaction } from "neo4j-driver";
import type { RelationKind as ExtractedRelationKind, TaskStatus } from "../extract/types.ts";
import { DOCUMENT_RELATION_KINDS } from "../extract/vocabulary.ts";
import type { GraphConnection } from "./connection.ts";
import { cypher } from "./queries/cypher.ts";
import { fetchNodes, type GraphNode, type NodeKind, plain, toGraphNode } from "./queries/nodes.ts";
import { isOverdue, type StatusClaim, statusAsOf, today } from "./queries/status.ts";

export type Direction = "DOWNSTREAM" | "UPSTREAM" | "BOTH";
export type RelationKind =
  | ExtractedRelationKind
  | "ASSIGNED_BY"
  | "PART_OF"
  | "RESULTED_IN"
  | "SERVES"
  // Organisation links: never walked by lineage, but met on `paths`.
  | "ISSUED_BY"
  | "LEAD"
  | "COOPERATES"
  | "PERFORMED_BY";
export type TruncationReason = "MAX_DEPTH" | "MAX_NODES" | "BREADTH" | "TIMEOUT";

export const RELATION_KINDS: readonly RelationKind[] = [
  ...DOCUMENT_RELATION_KINDS,
  "ASSIGNED_BY",
  "PART_OF",
  "RESULTED_IN",
  "SERVES",
];

/** Implementation and the task/action links; the rest (AMENDS, BASED_ON, CITES…) only when asked. */
export const DEFAULT_RELATIONS: readonly RelationKind[] = [
  "IMPLEMENTS",
  "CONTINUES",
  "ASSIGNED_BY",
  "RESULTED_IN",
  "SERVES",
];

/**
 * Relationships point from the later, lower thing to what it answers to (a plan IMPLEMENTS a
 * directive, an action SERVES a task), so walking downstream means walking them backwards — except
 * RESULTED_IN, which points from a task to the document it produced.
 */
const POINTS_DOWNSTREAM = new Set<RelationKind>(["RESULTED_IN"]);

export const MAX_DEPTH_LIMIT = 12;
export const DEFAULT_MAX_DEPTH = 8;
const DEFAULT_MAX_NODES = 5000;
const DEFAULT_BREADTH = 1000;
const MAX_CYCLES = 100;

export interface LineageFilter {
  kinds?: NodeKind[];
  tiers?: string[];
  /** Organisation keys: lead or cooperating units, performers, issuers. */
  organisations?: string[];
  statuses?: TaskStatus[];
  overdue?: boolean;
}

export interface LineageOptions {
  direction?: Direction;
  maxDepth?: number;
  relations?: readonly RelationKind[];
  filter?: LineageFilter;
  /** Date for status and overdue filters, ISO; today by default. */
  asOf?: string;
  maxNodes?: number;
  breadth?: number;
  /** Stop walking (TIMEOUT truncation) once this much time has gone. */
  budgetMs?: number;
  /** Server-side transaction timeout. */
  timeoutMs?: number;
}

export interface EvidenceRecord {
  source: string | null;
  start: number | null;
  end: number | null;
  quote: string | null;
  confidence: number | null;
  extractorVersion: string | null;
}

/** One relation between two reached nodes, all sources stating it merged. `from`/`to` as stored. */
export interface LineageRelation {
  from: string;
  to: string;
  kind: RelationKind;
  cue: string | null;
  confidence: number | null;
  evidence: EvidenceRecord[];
}

export interface LineageStep {
  node: GraphNode;
  /** Hops from the root along `path`. */
  depth: number;
  direction: "DOWNSTREAM" | "UPSTREAM";
  /** Uids from the root to this node, both included. */
  path: string[];
  /** The relation between each consecutive pair of `path`. */
  pathRelations: LineageRelation[];
}

/**
 * Nodes other than the root are slim: identity plus only what the walk and its filters read (tier,
 * issuedOn, deadlineTo, recurring). Reading every property of every reached node cost more than the
 * walk itself, and a caller shows one page: fetch that page's details with `fetchNodes` (or the API's
 * per-request node loader), never prime a cache with these.
 */
export interface LineageResult {
  /** With all its properties. */
  root: GraphNode;
  /** Reached nodes matching the filter, by depth then label; the root is not among them. Slim. */
  steps: LineageStep[];
  /** Every node reached, root included, matching or not (what paths pass through). Slim. */
  reached: Map<string, GraphNode>;
  relations: LineageRelation[];
  truncation: TruncationReason[];
  /** Each cycle as uids, starting from its node nearest the root. */
  cycles: string[][];
}

interface WalkEdge {
  /** Walk orientation: parent is nearer the root. */
  parent: string;
  child: string;
  relation: LineageRelation;
}

export function clampDepth(maxDepth: number | undefined | null): number {
  if (maxDepth === undefined || maxDepth === null) return DEFAULT_MAX_DEPTH;
  if (!Number.isFinite(maxDepth)) return DEFAULT_MAX_DEPTH;
  return Math.min(MAX_DEPTH_LIMIT, Math.max(1, Math.trunc(maxDepth)));
}

/** Walks from the node with uid `rootUid`; null when no such node exists. */
export async function walkLineage(
  graph: GraphConnection,
  rootUid: string,
  options: LineageOptions = {},
): Promise<LineageResult | null> {
  return graph.read(
    (tx) => walkInTransaction(tx, rootUid, options),
    options.timeoutMs === undefined ? undefined : { timeoutMs: options.timeoutMs },
  );
}

async function walkInTransaction(
  tx: ManagedTransaction,
  rootUid: string,
  options: LineageOptions,
): Promise<LineageResult | null> {
  const root = (await fetchNodes(tx, [rootUid])).get(rootUid);
  if (!root) return null;
  const direction = options.direction ?? "DOWNSTREAM";
  const relations = options.relations && options.relations.length > 0 ? options.relations : DEFAULT_RELATIONS;
  const deadline = Date.now() + (options.budgetMs ?? 8000);
  const limits = {
    maxDepth: clampDepth(options.maxDepth),
    maxNodes: options.maxNodes ?? DEFAULT_MAX_NODES,
    breadth: options.breadth ?? DEFAULT_BREADTH,
    deadline,
  };
  const truncation = new Set<TruncationReason>();
  const reached = new Map<string, GraphNode>([[root.uid, root]]);
  const relationsByKey = new Map<string, LineageRelation>();
  const seenRids = new Set<string>();
  const steps = new Map<string, LineageStep>();
  const cycles: string[][] = [];

  const walks: Array<"DOWNSTREAM" | "UPSTREAM"> =
    direction === "BOTH" ? ["DOWNSTREAM", "UPSTREAM"] : [direction];
  for (const walkDirection of walks) {
    const edges = await walkOneWay(
      tx,
      root,
      walkDirection,
      relations,
      limits,
      truncation,
      reached,
      relationsByKey,
      seenRids,
    );
    const { chains, cycles: found } = chainsFrom(root.uid, edges);
    for (const cycle of found) if (cycles.length < MAX_CYCLES) cycles.push(cycle);
    for (const [uid, chain] of chains) {
      if (uid === root.uid || steps.has(uid)) continue; // BOTH: a node reached downstream keeps that path
      const node = reached.get(uid) as GraphNode;
      steps.set(uid, {
        node,
        depth: chain.relations.length,
        direction: walkDirection,
        path: chain.path,
        pathRelations: chain.relations,
      });
    }
  }

  const matching = await applyFilter(tx, [...steps.values()], options.filter, options.asOf ?? today());
  matching.sort(
    (a, b) =>
      a.depth - b.depth || a.node.kind.localeCompare(b.node.kind) || a.node.uid.localeCompare(b.node.uid),
  );
  return {
    root,
    steps: matching,
    reached,
    relations: [...relationsByKey.values()],
    truncation: [...truncation],
    cycles: dedupeCycles(cycles),
  };
}

async function walkOneWay(
  tx: ManagedTransaction,
  root: GraphNode,
  direction: "DOWNSTREAM" | "UPSTREAM",
  relations: readonly RelationKind[],
  limits: { maxDepth: number; maxNodes: number; breadth: number; deadline: number },
  truncation: Set<TruncationReason>,
  reached: Map<string, GraphNode>,
  relationsByKey: Map<string, LineageRelation>,
  seenRids: Set<string>,
): Promise<WalkEdge[]> {
  const forward = relations.filter((r) => POINTS_DOWNSTREAM.has(r) === (direction === "DOWNSTREAM"));
  const backward = relations.filter((r) => POINTS_DOWNSTREAM.has(r) !== (direction === "DOWNSTREAM"));
  const params = { inTypes: backward, outTypes: forward };
  const byEid = new Map<string, string>([[root.eid, root.uid]]);
  const edges: WalkEdge[] = [];
  const edgeKeys = new Set<string>();
  let frontier = [root.eid];

  for (let depth = 1; depth <= limits.maxDepth && frontier.length > 0; depth++) {
    if (Date.now() > limits.deadline) {
      truncation.add("TIMEOUT");
      return edges;
    }
    const result = await tx.run(cypher("lineage-step"), {
      ...params,
      frontier,
      cap: neo4j.int(limits.breadth + 1),
    });
    const perParent = new Map<string, number>();
    const next: string[] = [];
    for (const record of result.records) {
      const parentEid = record.get("fid") as string;
      const count = (perParent.get(parentEid) ?? 0) + 1;
      perParent.set(parentEid, count);
      if (count > limits.breadth) {
        truncation.add("BREADTH");
        continue;
      }
      const node = toGraphNode(record.get("node"));
      if (!node) continue;
      if (!byEid.has(node.eid)) {
        if (byEid.size >= limits.maxNodes) {
          truncation.add("MAX_NODES");
          continue;
        }
        byEid.set(node.eid, node.uid);
        if (!reached.has(node.uid)) reached.set(node.uid, node);
        if (record.get("more") === true) next.push(node.eid);
      }
      const parent = byEid.get(parentEid) as string;
      const stored =
        (record.get("startId") as string) === parentEid ? [parent, node.uid] : [node.uid, parent];
      const relation = mergeRelation(
        relationsByKey,
        seenRids,
        stored[0] as string,
        stored[1] as string,
        record,
      );
      const edgeKey = `${parent}|${relation.kind}|${node.uid}`;
      if (!edgeKeys.has(edgeKey)) {
        edgeKeys.add(edgeKey);
        edges.push({ parent, child: node.uid, relation });
      }
    }
    frontier = next;
  }

  if (frontier.length > 0) {
    const result = await tx.run(cypher("lineage-beyond"), { ...params, frontier, seen: [...byEid.keys()] });
    if (Number(plain(result.records[0]?.get("beyond")) ?? 0) > 0) truncation.add("MAX_DEPTH");
  }
  return edges;
}

function mergeRelation(
  byKey: Map<string, LineageRelation>,
  seenRids: Set<string>,
  from: string,
  to: string,
  record: { get(key: string): unknown },
): LineageRelation {
  const kind = record.get("type") as RelationKind;
  const props = plain(record.get("rel")) as Record<string, unknown>;
  const key = `${from}|${kind}|${to}`;
  let relation = byKey.get(key);
  if (!relation) {
    relation = { from, to, kind, cue: null, confidence: null, evidence: [] };
    byKey.set(key, relation);
  }
  // The same relationship is met again from its other end (BOTH, or a cross edge): one evidence each.
  const rid = record.get("rid") as string;
  if (seenRids.has(rid)) return relation;
  seenRids.add(rid);
  const confidence = typeof props.confidence === "number" ? props.confidence : null;
  relation.cue ??= typeof props.cue === "string" ? props.cue : null;
  if (confidence !== null) relation.confidence = Math.max(relation.confidence ?? 0, confidence);
  relation.evidence.push(evidenceOf(props));
  return relation;
}

export function evidenceOf(props: Record<string, unknown>): EvidenceRecord {
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  return {
    source: str(props.source),
    start: num(props.start),
    end: num(props.end),
    quote: str(props.quote),
    confidence: num(props.confidence),
    extractorVersion: str(props.extractorVersion),
  };
}

/**
 * The chain back to the root for every reached node, and the cycles. Edges that close a cycle are set
 * aside; on what remains (a DAG) each node gets its LONGEST chain from the root, which is the most
 * detailed one: when a task cites both a directive and the plan implementing it, the chain runs
 * through the plan rather than jumping straight to the directive.
 */
export function chainsFrom(
  rootUid: string,
  edges: WalkEdge[],
): { chains: Map<string, { path: string[]; relations: LineageRelation[] }>; cycles: string[][] } {
  const out = new Map<string, WalkEdge[]>();
  for (const e of edges) {
    const list = out.get(e.parent);
    if (list) list.push(e);
    else out.set(e.parent, [e]);
  }
  // Iterative DFS: colour 1 = on the stack (an edge into it closes a cycle), 2 = finished.
  const colour = new Map<string, number>();
  const postorder: string[] = [];
  const back = new Set<WalkEdge>();
  const cycles: string[][] = [];
  const stack: Array<{ uid: string; next: number }> = [{ uid: rootUid, next: 0 }];
  const onStack: string[] = [rootUid];
  colour.set(rootUid, 1);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { uid: string; next: number };
    const children = out.get(top.uid) ?? [];
    if (top.next < children.length) {
      const e = children[top.next++] as WalkEdge;
      const c = colour.get(e.child) ?? 0;
      if (c === 1) {
        back.add(e);
        cycles.push(onStack.slice(onStack.indexOf(e.child)));
      } else if (c === 0) {
        colour.set(e.child, 1);
        stack.push({ uid: e.child, next: 0 });
        onStack.push(e.child);
      }
    } else {
      colour.set(top.uid, 2);
      postorder.push(top.uid);
      stack.pop();
      onStack.pop();
    }
  }
  const length = new Map<string, number>([[rootUid, 0]]);
  const via = new Map<string, WalkEdge>();
  for (let i = postorder.length - 1; i >= 0; i--) {
    const u = postorder[i] as string;
    const lu = length.get(u);
    if (lu === undefined) continue;
    for (const e of out.get(u) ?? []) {
      if (back.has(e)) continue;
      if (lu + 1 > (length.get(e.child) ?? -1)) {
        length.set(e.child, lu + 1);
        via.set(e.child, e);
      }
    }
  }
  const chains = new Map<string, { path: string[]; relations: LineageRelation[] }>();
  for (const uid of length.keys()) {
    const path = [uid];
    const relations: LineageRelation[] = [];
    for (let e = via.get(uid); e !== undefined; e = via.get(e.parent)) {
      path.push(e.parent);
      relations.push(e.relation);
    }
    chains.set(uid, { path: path.reverse(), relations: relations.reverse() });
  }
  return { chains, cycles };
}

function dedupeCycles(cycles: string[][]): string[][] {
  const seen = new Set<string>();
  return cycles.filter((c) => {
    const sorted = [...c].sort().join("|");
    if (seen.has(sorted)) return false;
    seen.add(sorted);
    return true;
  });
}

async function applyFilter(
  tx: ManagedTransaction,
  steps: LineageStep[],
  filter: LineageFilter | undefined,
  asOf: string,
): Promise<LineageStep[]> {
  if (!filter) return steps;
  const { kinds, tiers, organisations, statuses, overdue } = filter;
  let kept = steps.filter(
    (s) =>
      (!kinds?.length || kinds.includes(s.node.kind)) &&
      (!tiers?.length || (typeof s.node.props.tier === "string" && tiers.includes(s.node.props.tier))),
  );
  const needsFacts = Boolean(
    organisations?.length || statuses?.length || (overdue !== undefined && overdue !== null),
  );
  if (!needsFacts || kept.length === 0) return kept;
  const result = await tx.run(cypher("lineage-facts"), { ids: kept.map((s) => s.node.eid) });
  const facts = new Map<string, { organisations: string[]; statuses: StatusClaim[] }>();
  for (const r of result.records) {
    facts.set(r.get("id") as string, {
      organisations: plain(r.get("organisations")) as string[],
      statuses: plain(r.get("statuses")) as StatusClaim[],
    });
  }
  kept = kept.filter((s) => {
    const f = facts.get(s.node.eid);
    if (!f) return false;
    if (organisations?.length && !f.organisations.some((o) => organisations.includes(o))) return false;
    if (!statuses?.length && (overdue === undefined || overdue === null)) return true;
    if (s.node.kind !== "TASK") return false;
    const status = statusAsOf(f.statuses, asOf);
    if (statuses?.length && !statuses.includes(status)) return false;
    if (overdue !== undefined && overdue !== null && isOverdue(status, s.node.props, asOf) !== overdue)
      return false;
    return true;
  });
  return kept;
}
