// Turns a `lineage` answer (flat nodes with their path back to the root, plus relations) into the
// tree that both the ARIA tree and the tier-band drawing render. Pure, so the bench and the unit
// tests build the same structure the browser shows.

export interface Evidence {
  quote: string | null;
  source: string | null;
  start: number | null;
  end: number | null;
}

export interface ChainNodeData {
  id: string;
  kind: string;
  label: string;
  tier?: string | null;
  status?: string | null;
  overdue?: boolean | null;
  date?: string | null;
  symbol?: string | null;
  depth?: number;
  /** Node ids from the root to this node (inclusive); the API may give them in either order. */
  path?: string[];
}

export interface ChainRelation {
  from: string;
  to: string;
  kind: string;
  evidence: Evidence[];
  confidence?: number | null;
}

export interface ChainNode {
  data: ChainNodeData;
  children: ChainNode[];
  /** Relation linking this node to its parent in the chain (either direction in the graph). */
  relation: ChainRelation | null;
  /** Days between the nearest dated ancestor and this node's date; null when either is unknown. */
  daysAfterParent: number | null;
  band: Band;
  level: number;
}

export interface Chain {
  root: ChainNode;
  /** Every chain node in depth-first order, root first. */
  order: ChainNode[];
  relations: ChainRelation[];
}

/** Tier bands of the drawing: central → province → department → task/action. */
export type Band = 0 | 1 | 2 | 3;
export const BAND_COUNT = 4;

export function bandOf(data: ChainNodeData, parentBand: Band | null): Band {
  if (data.kind === "TASK" || data.kind === "ACTION" || data.kind === "TARGET") return 3;
  const tier = data.tier ?? "";
  if (tier.startsWith("CENTRAL")) return 0;
  if (tier.startsWith("PROVINCIAL")) return 1;
  if (tier === "DEPARTMENT" || tier === "UNIT") return 2;
  // Unknown tier: a document without a known issuer sits with whoever it hangs from.
  return parentBand ?? 0;
}

/** Whole days from one ISO date (YYYY, YYYY-MM or YYYY-MM-DD) to another; partial dates give null. */
export function daysBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from || !to || from.length < 10 || to.length < 10) return null;
  const a = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.round((b - a) / 86_400_000);
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Builds the chain. Each node hangs under the node before it on its own path, so the tree follows
 * exactly the walk the API made; a node reached by several paths appears once, under its first path.
 * Nodes without a usable path are attached through the relations (breadth first from the root).
 */
export function buildChain(root: ChainNodeData, nodes: ChainNodeData[], relations: ChainRelation[]): Chain {
  const byId = new Map<string, ChainNodeData>([[root.id, root]]);
  for (const n of nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const relByPair = new Map<string, ChainRelation>();
  for (const r of relations)
    if (!relByPair.has(pairKey(r.from, r.to))) relByPair.set(pairKey(r.from, r.to), r);

  const parentOf = new Map<string, string>();
  for (const n of nodes) {
    if (n.id === root.id || !n.path || n.path.length < 2) continue;
    const path = n.path[0] === root.id ? n.path : [...n.path].reverse();
    const i = path.lastIndexOf(n.id);
    const parent = i > 0 ? path[i - 1] : undefined;
    if (parent && byId.has(parent)) parentOf.set(n.id, parent);
  }
  // Fallback for nodes the API gave no path for: breadth first over the relations.
  const missing = [...byId.keys()].filter((id) => id !== root.id && !parentOf.has(id));
  if (missing.length > 0) {
    const adjacency = new Map<string, string[]>();
    for (const r of relations) {
      adjacency.set(r.from, [...(adjacency.get(r.from) ?? []), r.to]);
      adjacency.set(r.to, [...(adjacency.get(r.to) ?? []), r.from]);
    }
    // Walk through every node (placed or not); only the unplaced ones take a parent from the walk.
    const visited = new Set<string>([root.id]);
    const queue = [root.id];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head] as string;
      for (const next of adjacency.get(id) ?? []) {
        if (visited.has(next) || !byId.has(next)) continue;
        visited.add(next);
        if (!parentOf.has(next)) parentOf.set(next, id);
        queue.push(next);
      }
    }
  }

  const childrenOf = new Map<string, string[]>();
  for (const [child, parent] of parentOf) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), child]);

  const order: ChainNode[] = [];
  const make = (
    id: string,
    parent: ChainNode | null,
    datedAncestor: string | null,
    level: number,
    onPath: Set<string>,
  ): ChainNode => {
    const data = byId.get(id) as ChainNodeData;
    const node: ChainNode = {
      data,
      children: [],
      relation: parent ? (relByPair.get(pairKey(parent.data.id, id)) ?? null) : null,
      daysAfterParent: parent ? daysBetween(datedAncestor, data.date) : null,
      band: bandOf(data, parent ? parent.band : null),
      level,
    };
    order.push(node);
    const nextDated = data.date && data.date.length >= 10 ? data.date : datedAncestor;
    onPath.add(id);
    for (const child of childrenOf.get(id) ?? []) {
      if (onPath.has(child)) continue; // a cycle is data for the API's `cycles`, not a render loop
      node.children.push(make(child, node, nextDated, level + 1, onPath));
    }
    onPath.delete(id);
    return node;
  };
  // Iterative depth would be nicer for 10^5 nodes; chains are capped by the API's page sizes (≤ a few thousand).
  const rootNode = make(root.id, null, null, 1, new Set());
  return { root: rootNode, order, relations };
}

function csvCell(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV of the chain's edges: from, to, kind, evidence, source — the same columns as `chidao trace --format csv`. */
export function chainToCsv(chain: Chain): string {
  const lines = ["from,to,kind,evidence,source"];
  for (const node of chain.order) {
    for (const child of node.children) {
      const rel = child.relation;
      const ev = rel?.evidence[0];
      const [from, to] =
        rel && rel.from === child.data.id ? [child.data, node.data] : [node.data, child.data];
      lines.push(
        [from.symbol ?? from.label, to.symbol ?? to.label, rel?.kind ?? "", ev?.quote ?? "", ev?.source ?? ""]
          .map(csvCell)
          .join(","),
      );
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
