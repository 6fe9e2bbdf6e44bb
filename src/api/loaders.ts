// Per-request DataLoaders: every by-id and by-parent fetch goes through one of these, so the Cypher
// round trips of a request grow with the depth of the query, not with the number of nodes it returns.
// A fresh set per request, because a cache shared between requests would serve stale graph state
// after an ingest and leak one caller's view into another's.
import DataLoader from "dataloader";
import neo4j from "neo4j-driver";
import type { GraphConnection } from "../graph/connection.ts";
import { type AccountabilityRow, accountability } from "../graph/queries/accountability.ts";
import { cypher } from "../graph/queries/cypher.ts";
import { fetchNodes, type GraphNode, graphNodeOf, plain } from "../graph/queries/nodes.ts";

export interface NeighbourRequest {
  /** Element id of the parent node. */
  eid: string;
  /** 'OUT': relationships leaving the parent; 'IN': arriving at it. */
  dir: "IN" | "OUT";
  types: readonly string[];
  labels: readonly string[];
  offset: number;
  limit: number;
  /**
   * The properties the query shows of each neighbour (always with `key`); absent: all of them. Such
   * partial nodes are never put in the node cache, where a resolver expects whole nodes.
   */
  props?: readonly string[];
  /** Whether the relationships (kinds, evidence) are needed; absent: they are. */
  rels?: boolean;
}

export interface NeighbourItem {
  /** Null for nodes the API has no type for (StatusReport): use `props`. */
  node: GraphNode | null;
  props: Record<string, unknown>;
  relations: Array<{ rid: string; type: string; props: Record<string, unknown> }>;
}

export interface NeighbourPage {
  total: number;
  items: NeighbourItem[];
}

export interface Loaders {
  nodes: DataLoader<string, GraphNode | null>;
  neighbours: DataLoader<NeighbourRequest, NeighbourPage, string>;
  /** Accountability rows by organisation key and date, batched per date. */
  accountability: DataLoader<{ key: string; asOf: string }, AccountabilityRow, string>;
  /** Puts nodes a query already returned into the cache, so resolving them costs nothing. */
  prime(nodes: Iterable<GraphNode>): void;
  /** Puts a page a compiled nested statement (nested.ts) already read into the neighbours cache. */
  primeNeighbours(request: NeighbourRequest, page: NeighbourPage): void;
  /** Whether that page is already cached by priming, so nothing need plan it again. */
  hasPrimedNeighbours(request: NeighbourRequest): boolean;
}

/** The neighbours cache key: requests asking the same page with the same projection are one. */
export function neighbourKey(r: NeighbourRequest): string {
  return JSON.stringify([
    r.eid,
    r.dir,
    r.types,
    r.labels,
    r.offset,
    r.limit,
    r.props ?? null,
    r.rels ?? true,
  ]);
}

/** One item of api-neighbours' or api-nested-level's `items`, made plain. */
export interface RawItem {
  node: { eid: string; labels: string[]; props: Record<string, unknown>; values: unknown[] };
  rels: NeighbourItem["relations"];
}

/**
 * Page items as the API's nodes and relations. They come plain: a nested statement's record is made
 * plain once, levels and all (converting each level's items again cost more than the rest of priming).
 */
export function neighbourItems(
  raw: readonly RawItem[],
  wanted: readonly string[] | undefined,
): NeighbourItem[] {
  return raw.map((item) => {
    const props = { ...item.node.props };
    wanted?.forEach((name, k) => {
      props[name] = item.node.values[k] ?? null;
    });
    return { node: graphNodeOf({ ...item.node, props }), props, relations: item.rels };
  });
}

export function createLoaders(graph: GraphConnection, timeoutMs: number): Loaders {
  const options = { timeoutMs };
  const nodes = new DataLoader<string, GraphNode | null>(async (uids) => {
    const found = await graph.read((tx) => fetchNodes(tx, uids), options);
    return uids.map((uid) => found.get(uid) ?? null);
  });
  const prime = (list: Iterable<GraphNode>) => {
    for (const n of list) nodes.prime(n.uid, n);
  };
  const neighbours = new DataLoader<NeighbourRequest, NeighbourPage, string>(
    async (requests) => {
      const params = requests.map((r, i) => ({
        ...r,
        i,
        offset: neo4j.int(r.offset),
        limit: neo4j.int(r.limit),
        props: r.props ?? null,
        rels: r.rels ?? true,
      }));
      const records = await graph.read(
        async (tx) => (await tx.run(cypher("api-neighbours"), { batch: { requests: params } })).records,
        options,
      );
      const pages: NeighbourPage[] = requests.map(() => ({ total: 0, items: [] }));
      for (const record of records) {
        const i = Number(plain(record.get("i")));
        const wanted = requests[i]?.props;
        const items = neighbourItems(plain(record.get("items")) as RawItem[], wanted);
        if (!wanted) prime(items.map((item) => item.node).filter((n): n is GraphNode => n !== null));
        pages[i] = { total: Number(plain(record.get("total"))), items };
      }
      return pages;
    },
    { cacheKeyFn: neighbourKey },
  );
  const primed = new Set<string>();
  const primeNeighbours = (request: NeighbourRequest, page: NeighbourPage) => {
    const key = neighbourKey(request);
    if (primed.has(key)) return;
    primed.add(key);
    neighbours.prime(request, page);
    if (!request.props) prime(page.items.map((item) => item.node).filter((n): n is GraphNode => n !== null));
  };
  const accountabilityLoader = new DataLoader<{ key: string; asOf: string }, AccountabilityRow, string>(
    async (requests) => {
      const byDate = new Map<string, string[]>();
      for (const r of requests) byDate.set(r.asOf, [...(byDate.get(r.asOf) ?? []), r.key]);
      const rows = new Map<string, AccountabilityRow>();
      for (const [asOf, keys] of byDate) {
        for (const row of (await accountability(graph, { organisations: keys, asOf, timeoutMs })) ?? []) {
          rows.set(`${row.organisation.key}|${asOf}`, row);
        }
      }
      return requests.map((r) => rows.get(`${r.key}|${r.asOf}`) ?? emptyRow(r.key, r.asOf));
    },
    { cacheKeyFn: (r) => `${r.key}|${r.asOf}` },
  );
  return {
    nodes,
    neighbours,
    accountability: accountabilityLoader,
    prime,
    primeNeighbours,
    hasPrimedNeighbours: (request) => primed.has(neighbourKey(request)),
  };
}

/** An organisation that leads nothing and issued no plan still gets a row of zeros. */
function emptyRow(key: string, asOf: string): AccountabilityRow {
  const organisation: GraphNode = {
    eid: "",
    uid: `Organisation:${key}`,
    kind: "ORGANISATION",
    key,
    props: { key },
  };
  return { organisation, asOf, tasks: [], byStatus: [], overdueTasks: [], plans: [] };
}
