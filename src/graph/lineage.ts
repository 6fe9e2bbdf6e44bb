// The one way Chidao walks an implementation chain (chuỗi triển khai), shared by the GraphQL
// `lineage` field and `chidao trace`. The walk goes level by level, all in one read (connection.ts),
// because a single variable-length Cypher pattern enumerates every path and explodes on dense chains,
// while a breadth-first walk touches each node once and can say exactly where and why it stopped.
// UPSTREAM, narrow, reads several levels per statement (LEVELS_AHEAD), and so does a DOWNSTREAM first
// page without a filter (Cypher stops reading once the page is full); other DOWNSTREAM walks read one
// level per round trip (they may stop at a page after any level). Levels are also what lets a first page stop early: after level k every node within k hops is
// known, so once enough of them match (and their chains are settled) the rest of the reachable set
// need not be read.
import neo4j from "neo4j-driver";
import type { RelationKind as ExtractedRelationKind, TaskStatus } from "../extract/types.ts";
import { DOCUMENT_RELATION_KINDS } from "../extract/vocabulary.ts";
import type { GraphConnection, QueryRunner } from "./connection.ts";
import { cypher } from "./queries/cypher.ts";
import { type GraphNode, LABEL_OF, type NodeKind, parseUid, plain, toGraphNode } from "./queries/nodes.ts";
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
export type TruncationReason = "MAX_DEPTH" | "MAX_NODES" | "BREADTH" | "TIMEOUT" | "PAGE";

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
/**
 * Upstream levels read per statement. Planning a statement grows with its levels (on a loaded 2-core
 * machine, a new plan of 3 levels took 1.4 s, of 6 levels 4.5 s; cached afterwards), and upstream
 * chains from a task are about 4 levels deep.
 */
const LEVELS_AHEAD = 4;

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
  /**
   * Stop once this many matching nodes, in result order, are certain (a page's offset + size + 1, the
   * one more telling whether a next page exists); `steps` then holds exactly those and `truncation`
   * says PAGE if anything was left unwalked. Absent: walk everything. DOWNSTREAM only (see below).
   */
  stopAfter?: number;
  /**
   * What the caller shows of the nodes reached: only these properties (besides `key`), and relations
   * without evidence unless `evidence`. The root is read whole. Absent: everything.
   */
  projection?: { props: readonly string[]; evidence: boolean };
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
  /** Hops on the shortest chain from the root (the breadth-first level): the order of `steps`. */
  hops: number;
  direction: "DOWNSTREAM" | "UPSTREAM";
  /** Uids from the root to this node, both included. */
  path: string[];
  /** The relation between each consecutive pair of `path`. */
  pathRelations: LineageRelation[];
}

/** Every node comes with all its properties, so showing a page costs no further round trip. */
export interface LineageResult {
  root: GraphNode;
  /**
   * Reached nodes matching the filter, by hops, then kind, then uid; the root is not among them. With
   * `stopAfter`, only the first `stopAfter` of them.
   */
  steps: LineageStep[];
  /** Every node reached, root included, matching or not (what paths pass through). */
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

/** Whether the filter can reject a node at all (empty lists filter nothing). */
export function isFiltering(filter: LineageFilter | undefined): boolean {
  return Boolean(
    filter?.kinds?.length ||
      filter?.tiers?.length ||
      filter?.organisations?.length ||
      filter?.statuses?.length ||
      (filter?.overdue !== undefined && filter?.overdue !== null),
  );
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
    (tx) => walkWith(tx, rootUid, options),
    options.timeoutMs === undefined ? undefined : { timeoutMs: options.timeoutMs },
  );
}

/**
 * Plans the walk's statements before a first request needs them. A new plan of LEVELS_AHEAD levels
 * takes seconds on a loaded 2-core machine, which the first lineage request after a start would
 * otherwise spend inside its timeout (a first DOWNSTREAM page did time out while CI loaded the
 * machine). Neo4j caches plans by statement text and parameter types (lineage-walk keeps the sizes of
 * the walk's lists out of that key, so a continuation uses the plan of a first statement), so walks
 * from a root that does not exist leave in the cache the plans requests use: LEVELS_AHEAD levels for
 * pages and UPSTREAM, one level for a DOWNSTREAM walk that does not stop at a page (totalCount,
 * relations, cycles, a filter), each with and without a projection.
 */
export async function warmLineagePlans(graph: GraphConnection): Promise<void> {
  const root = "Document:chidao-plan-warm-up";
  for (const projection of [undefined, { props: ["label"], evidence: false }]) {
    for (const direction of ["DOWNSTREAM", "UPSTREAM"] as const)
      await walkLineage(graph, root, { direction, stopAfter: 101, projection });
    await walkLineage(graph, root, { direction: "DOWNSTREAM", projection });
  }
}

interface Facts {
  organisations: string[];
  statuses: StatusClaim[];
}

/** What a directed walk learnt about a node it reached, beyond the node itself. */
interface Reach {
  /** Breadth-first level. */
  hops: number;
  /** Element ids of every node it hangs from; asked for only when the walk may stop at a page. */
  parents: string[];
  /** Asked for only when the filter needs them. */
  facts: Facts | null;
}

interface RelRecord {
  /** Null when read without evidence. */
  rid: string | null;
  type: RelationKind;
  start: string;
  /** Null when read without evidence. */
  props: Record<string, unknown> | null;
}

/** A root by identity, before the walk has read it. */
type RootRef = { label: string; key: string };

/** One row of a lineage-walk-level: a (frontier node, neighbour) pair. */
interface LevelRow {
  fid: string;
  /** {eid, labels, props}; null for a frontier node without neighbours. */
  node: { eid: string; labels: string[]; props: Record<string, unknown> } | null;
  /** Relationships to the neighbour (`rels` holds parallel ones once when read without evidence). */
  count: number;
  rels: RelRecord[];
  more: boolean;
  parents: string[] | null;
  facts: unknown;
}

/** lineage-walk with `levels` lineage-walk-level blocks (only integers go into the text), built once per level count. */
export function lineageWalkCypher(levels: number): string {
  let text = walkTexts.get(levels);
  if (text === undefined) {
    const blocks: string[] = [];
    for (let k = 1; k <= levels; k++) blocks.push(cypher("lineage-walk-level", { prev: k - 1, k }));
    text = cypher("lineage-walk")
      .replace("/*RESULTS*/", () => blocks.map((_, i) => `rows${i + 1}`).join(", "))
      .replace("/*LEVELS*/", () => blocks.join("\n"));
    walkTexts.set(levels, text);
  }
  return text;
}

const walkTexts = new Map<number, string>();

/**
 * `levels` levels of the walk from `frontier` (or, on the first, from the root `start`) in one
 * statement: lineage-walk with that many lineage-walk-level blocks.
 */
async function readLevels(
  tx: QueryRunner,
  params: Record<string, unknown>,
  walked: { frontier: string[]; start: RootRef[]; seen: string[]; need: number | null },
  levels: number,
): Promise<{ root: GraphNode | null; levels: LevelRow[][] }> {
  const result = await tx.run(lineageWalkCypher(levels), {
    ...params,
    walk: { frontier: walked.frontier, start: walked.start, seen: walked.seen },
    need: walked.need === null ? null : neo4j.int(walked.need),
  });
  const rows: LevelRow[][] = Array.from({ length: levels }, () => []);
  const names = params.props as string[] | null;
  for (const record of result.records) {
    // Positions as lineage-walk-level sends them (lists, not maps: see there).
    const [fid, node, count, rels, more, parents, facts] = record.get("row") as [
      string,
      [string, string[], unknown] | null,
      unknown,
      [string | null, RelationKind, string, Record<string, unknown> | null][],
      boolean,
      string[] | null,
      unknown,
    ];
    // With a projection, the node's properties come as values in the order of $props.
    const props = (values: unknown) =>
      names
        ? Object.fromEntries(names.map((n, i) => [n, (values as unknown[])[i]]))
        : (values as Record<string, unknown>);
    rows[Number(plain(record.get("k")))]?.push({
      fid,
      node: node && { eid: node[0], labels: node[1], props: props(node[2]) },
      count: Number(plain(count)),
      rels: rels.map(([rid, type, start, relProps]) => ({ rid, type, start, props: relProps })),
      more,
      parents,
      facts,
    });
  }
  return { root: toGraphNode(result.records[0]?.get("root")), levels: rows };
}

interface WalkState {
  relations: readonly RelationKind[];
  limits: { maxDepth: number; maxNodes: number; breadth: number; deadline: number };
  truncation: Set<TruncationReason>;
  reached: Map<string, GraphNode>;
  relationsByKey: Map<string, LineageRelation>;
  seenRids: Set<string>;
  needsFacts: boolean;
  /** Whether the filter can reject a node at all. */
  filtered: boolean;
  projection: LineageOptions["projection"];
  matches: (node: GraphNode, reach: Reach) => boolean;
}

async function walkWith(
  tx: QueryRunner,
  rootUid: string,
  options: LineageOptions,
): Promise<LineageResult | null> {
  const ref = parseUid(rootUid);
  if (!ref) return null;
  const direction = options.direction ?? "DOWNSTREAM";
  const relations = options.relations && options.relations.length > 0 ? options.relations : DEFAULT_RELATIONS;
  const filter = options.filter;
  const state: WalkState = {
    relations,
    limits: {
      maxDepth: clampDepth(options.maxDepth),
      maxNodes: options.maxNodes ?? DEFAULT_MAX_NODES,
      breadth: options.breadth ?? DEFAULT_BREADTH,
      deadline: Date.now() + (options.budgetMs ?? 8000),
    },
    truncation: new Set<TruncationReason>(),
    reached: new Map<string, GraphNode>(),
    relationsByKey: new Map<string, LineageRelation>(),
    seenRids: new Set<string>(),
    needsFacts: Boolean(
      filter?.organisations?.length ||
        filter?.statuses?.length ||
        (filter?.overdue !== undefined && filter?.overdue !== null),
    ),
    filtered: isFiltering(filter),
    projection: options.projection,
    matches: (node, reach) => matchesFilter(node, reach.facts, filter, options.asOf ?? today()),
  };
  // Only DOWNSTREAM stops at a page. It is the walk that fans out (a directive's lineage is thousands
  // of nodes), and what a node hangs from downstream (what it implements) is a short list; upstream,
  // a node hangs from all its implementers, and an upstream chain is narrow anyway. BOTH interleaves
  // two walks in one order, so stopping one early could hide a node the other reaches sooner.
  const stopAfter = direction === "DOWNSTREAM" ? options.stopAfter : undefined;
  const steps = new Map<string, LineageStep>();
  const cycles: string[][] = [];
  let root: GraphNode | null = null;

  const walks: Array<"DOWNSTREAM" | "UPSTREAM"> =
    direction === "BOTH" ? ["DOWNSTREAM", "UPSTREAM"] : [direction];
  for (const walkDirection of walks) {
    const walked = await walkOneWay(
      tx,
      root ?? { label: LABEL_OF[ref.kind], key: ref.key },
      walkDirection,
      state,
      stopAfter,
    );
    if (!walked) return null;
    root = walked.root;
    const { chains, cycles: found } = chainsFrom(root.uid, walked.edges);
    for (const cycle of found) if (cycles.length < MAX_CYCLES) cycles.push(cycle);
    for (const [uid, reach] of walked.reach) {
      const chain = chains.get(uid);
      if (uid === root.uid || steps.has(uid) || !chain) continue; // BOTH: a node reached downstream keeps that path
      const node = state.reached.get(uid) as GraphNode;
      if (!state.matches(node, reach)) continue;
      steps.set(uid, {
        node,
        depth: chain.relations.length,
        hops: reach.hops,
        direction: walkDirection,
        path: chain.path,
        pathRelations: chain.relations,
      });
    }
  }

  const matching = [...steps.values()].sort(
    (a, b) =>
      a.hops - b.hops || a.node.kind.localeCompare(b.node.kind) || a.node.uid.localeCompare(b.node.uid),
  );
  return {
    root: root as GraphNode,
    steps: state.truncation.has("PAGE") && stopAfter !== undefined ? matching.slice(0, stopAfter) : matching,
    reached: state.reached,
    relations: [...state.relationsByKey.values()],
    truncation: [...state.truncation],
    cycles: dedupeCycles(cycles),
  };
}

/**
 * One directed breadth-first walk. `from` is the root: its identity on the first walk (found by the
 * first level's statement), the node itself on BOTH's second. Null when the root does not exist.
 */
async function walkOneWay(
  tx: QueryRunner,
  from: GraphNode | { label: string; key: string },
  direction: "DOWNSTREAM" | "UPSTREAM",
  state: WalkState,
  stopAfter: number | undefined,
): Promise<{ root: GraphNode; edges: WalkEdge[]; reach: Map<string, Reach> } | null> {
  const { limits, truncation } = state;
  const forward = state.relations.filter((r) => POINTS_DOWNSTREAM.has(r) === (direction === "DOWNSTREAM"));
  const backward = state.relations.filter((r) => POINTS_DOWNSTREAM.has(r) !== (direction === "DOWNSTREAM"));
  const params = {
    inTypes: backward,
    outTypes: forward,
    parents: stopAfter !== undefined,
    facts: state.needsFacts,
    cap: neo4j.int(limits.breadth + 1),
    props: state.projection ? ["key", ...state.projection.props.filter((p) => p !== "key")] : null,
    evidence: state.projection?.evidence ?? true,
  };
  let root: GraphNode | null = "eid" in from ? from : null;
  const byEid = new Map<string, string>();
  const reach = new Map<string, Reach>();
  const edges: WalkEdge[] = [];
  const edgeKeys = new Set<string>();
  let frontier: string[] = root ? [root.eid] : [];
  if (root) {
    byEid.set(root.eid, root.uid);
    reach.set(root.uid, { hops: 0, parents: [], facts: null });
  }
  // A first page without a filter: every reached node matches, so Cypher counts how many the page
  // still lacks and reads no level after it is full (lineage-walk-level's `need`).
  const counted = stopAfter !== undefined && !state.filtered;

  // UPSTREAM is narrow (1–3 parents a node), so its levels are read LEVELS_AHEAD at a time in one
  // statement; so are a counted page's, since Cypher stops once the page is full. A level read ahead
  // is used only if it expanded every node of this walk's frontier (it expands more when BREADTH or
  // MAX_NODES cut something here, and Cypher stops early when they dropped nodes it counted);
  // otherwise it is read again on its own.
  const ahead = new Map<number, LevelRow[]>();
  for (let depth = 1; depth <= limits.maxDepth && (frontier.length > 0 || !root); depth++) {
    let rows = ahead.get(depth);
    const expanded = new Set(rows?.map((row) => row.fid));
    if (!rows || !frontier.every((eid) => expanded.has(eid))) {
      if (root && Date.now() > limits.deadline) {
        truncation.add("TIMEOUT");
        break;
      }
      const read = await readLevels(
        tx,
        params,
        {
          frontier,
          start: root ? [] : [from as RootRef],
          // What Cypher counts as new must be what this walk has not reached; only a count needs it.
          seen: counted ? [...byEid.keys()] : [],
          need: counted ? Math.max(0, (stopAfter as number) - Math.max(0, reach.size - 1)) : null,
        },
        direction === "UPSTREAM" || counted ? Math.min(LEVELS_AHEAD, limits.maxDepth - depth + 1) : 1,
      );
      ahead.clear();
      read.levels.forEach((level, k) => {
        ahead.set(depth + k, level);
      });
      rows = ahead.get(depth) ?? [];
      if (!root) {
        root = read.root;
        if (!root) return null;
        byEid.set(root.eid, root.uid);
        reach.set(root.uid, { hops: 0, parents: [], facts: null });
        if (!state.reached.has(root.uid)) state.reached.set(root.uid, root);
      }
    }
    // The first level read from $start expanded the root, which was not known before it.
    const inFrontier = new Set(frontier.length > 0 ? frontier : [(root as GraphNode).eid]);
    const perParent = new Map<string, number>();
    const next: string[] = [];
    for (const row of rows) {
      if (!inFrontier.has(row.fid)) continue;
      const node = toGraphNode(row.node);
      if (!node) continue;
      const parentEid = row.fid;
      const rels = row.rels;
      const count = (perParent.get(parentEid) ?? 0) + row.count;
      perParent.set(parentEid, count);
      if (count > limits.breadth) {
        truncation.add("BREADTH");
        continue;
      }
      if (!byEid.has(node.eid)) {
        if (byEid.size >= limits.maxNodes) {
          truncation.add("MAX_NODES");
          continue;
        }
        byEid.set(node.eid, node.uid);
        if (!state.reached.has(node.uid)) state.reached.set(node.uid, node);
        reach.set(node.uid, {
          hops: depth,
          parents: row.parents ?? [],
          facts: factsOf(row.facts),
        });
        if (row.more === true) next.push(node.eid);
      }
      const parent = byEid.get(parentEid) as string;
      for (const rel of rels) {
        const stored = rel.start === parentEid ? [parent, node.uid] : [node.uid, parent];
        const relation = mergeRelation(state, stored[0] as string, stored[1] as string, rel);
        const edgeKey = `${parent}|${relation.kind}|${node.uid}`;
        if (!edgeKeys.has(edgeKey)) {
          edgeKeys.add(edgeKey);
          edges.push({ parent, child: node.uid, relation });
        }
      }
    }
    frontier = next;
    if (
      stopAfter !== undefined &&
      frontier.length > 0 &&
      pageIsSettled(root as GraphNode, depth, reach, byEid, state, stopAfter)
    ) {
      truncation.add("PAGE");
      return { root: root as GraphNode, edges, reach };
    }
  }

  if (root && frontier.length > 0 && !truncation.has("TIMEOUT")) {
    const result = await tx.run(cypher("lineage-beyond"), {
      ...params,
      walk: { frontier, seen: [...byEid.keys()] },
    });
    if (Number(plain(result.records[0]?.get("beyond")) ?? 0) > 0) truncation.add("MAX_DEPTH");
  }
  return root ? { root, edges, reach } : null;
}

/**
 * Whether the first `stopAfter` matching nodes, in result order, are certain after the levels walked
 * so far: every node within the last level's hops is known (breadth-first), and each of those first
 * nodes is settled — everything it hangs from was reached and expanded, and is settled itself — so
 * its most detailed chain can no longer grow. A node that also hangs from something not reached yet
 * keeps the walk going (to the end, if that something lies outside the root's lineage).
 */
function pageIsSettled(
  root: GraphNode,
  depth: number,
  reach: Map<string, Reach>,
  byEid: Map<string, string>,
  state: WalkState,
  stopAfter: number,
): boolean {
  const candidates: GraphNode[] = [];
  for (const [uid, r] of reach) {
    const node = state.reached.get(uid) as GraphNode;
    if (uid !== root.uid && state.matches(node, r)) candidates.push(node);
  }
  if (candidates.length < stopAfter) return false;
  const hopsOf = (n: GraphNode) => (reach.get(n.uid) as Reach).hops;
  candidates.sort(
    (a, b) => hopsOf(a) - hopsOf(b) || a.kind.localeCompare(b.kind) || a.uid.localeCompare(b.uid),
  );
  const settled = new Map<string, boolean>([[root.uid, true]]);
  const isSettled = (uid: string): boolean => {
    const known = settled.get(uid);
    if (known !== undefined) return known;
    settled.set(uid, false); // a cycle back to itself does not settle a node
    const r = reach.get(uid) as Reach;
    const ok = r.parents.every((eid) => {
      const parent = byEid.get(eid);
      // Expanded = reached on an earlier level than the last one.
      return parent !== undefined && (reach.get(parent) as Reach).hops < depth && isSettled(parent);
    });
    settled.set(uid, ok);
    return ok;
  };
  return candidates.slice(0, stopAfter).every((n) => isSettled(n.uid));
}

function factsOf(raw: unknown): Facts | null {
  if (raw === null || raw === undefined) return null;
  return plain(raw) as Facts;
}

function mergeRelation(state: WalkState, from: string, to: string, rel: RelRecord): LineageRelation {
  const kind = rel.type;
  const props = plain(rel.props) as Record<string, unknown> | null;
  const key = `${from}|${kind}|${to}`;
  let relation = state.relationsByKey.get(key);
  if (!relation) {
    relation = { from, to, kind, cue: null, confidence: null, evidence: [] };
    state.relationsByKey.set(key, relation);
  }
  // The same relationship is met again from its other end (BOTH, or a cross edge): one evidence each.
  if (props === null || rel.rid === null) return relation; // read without evidence (projection)
  if (state.seenRids.has(rel.rid)) return relation;
  state.seenRids.add(rel.rid);
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

/** Kind and tier from the node; organisations and status from the facts the walk read for it. */
function matchesFilter(
  node: GraphNode,
  facts: Facts | null,
  filter: LineageFilter | undefined,
  asOf: string,
): boolean {
  if (!filter) return true;
  const { kinds, tiers, organisations, statuses, overdue } = filter;
  if (kinds?.length && !kinds.includes(node.kind)) return false;
  if (tiers?.length && !(typeof node.props.tier === "string" && tiers.includes(node.props.tier)))
    return false;
  const byStatus = Boolean(statuses?.length) || (overdue !== undefined && overdue !== null);
  if (!organisations?.length && !byStatus) return true;
  if (!facts) return false;
  if (organisations?.length && !facts.organisations.some((o) => organisations.includes(o))) return false;
  if (!byStatus) return true;
  if (node.kind !== "TASK") return false;
  const status = statusAsOf(facts.statuses, asOf);
  if (statuses?.length && !statuses.includes(status)) return false;
  if (overdue !== undefined && overdue !== null && isOverdue(status, node.props, asOf) !== overdue)
    return false;
  return true;
}
