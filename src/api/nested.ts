// Nested connection selections (document { implementedBy { edges { node { implementedBy { … } } } } })
// compiled into one Cypher statement per request, the way clients ask lineage questions by hand.
// Resolved level by level through the neighbours DataLoader, such a query costs one statement per
// level; on a busy machine each round trip costs more than the reads of a whole level, so the
// statement for all levels is planned from the selection when the outermost resolver runs, and its
// pages are put in the neighbours cache under the keys the nested resolvers will ask for. Those
// resolvers run unchanged (same answers, same errors), finding their pages cached; anything the plan
// does not cover (other fields, another projection, a @skip) still goes through the DataLoader.
import DataLoader from "dataloader";
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getArgumentValues,
  Kind,
  type SelectionSetNode,
} from "graphql";
import neo4j from "neo4j-driver";
import type { GraphConnection } from "../graph/connection.ts";
import { cypher } from "../graph/queries/cypher.ts";
import { type GraphNode, plain, toGraphNode } from "../graph/queries/nodes.ts";
import type { ApiContext } from "./context.ts";
import { type Loaders, type NeighbourRequest, neighbourItems, type RawItem } from "./loaders.ts";
import { type Page, pageOf } from "./pagination.ts";
import { connectionProjection, type Projection } from "./projection.ts";
import { childFields } from "./selection.ts";

export interface ConnectionSpec {
  dir: "IN" | "OUT";
  types: readonly string[];
  labels: readonly string[];
}

/** What api-nested-level.cypher matches, written out there: change both together. */
const IMPLEMENTATION = ["IMPLEMENTS", "CONTINUES"];

/** Document's connections to documents: what a nested selection chains through. */
export const DOCUMENT_CONNECTIONS: Readonly<Record<string, ConnectionSpec>> = {
  implements: { dir: "OUT", types: IMPLEMENTATION, labels: ["Document"] },
  implementedBy: { dir: "IN", types: IMPLEMENTATION, labels: ["Document"] },
};

/** One connection field of the selection, with what its resolver will ask the loader for. */
export interface Level {
  spec: ConnectionSpec;
  page: Page;
  projection: Projection;
  children: Level[];
}

/** The request a connection resolver sends for `parent` (as helpers.ts `neighbours` builds it). */
export function requestOf(parentEid: string, level: Level): NeighbourRequest {
  return {
    eid: parentEid,
    dir: level.spec.dir,
    types: level.spec.types,
    labels: level.spec.labels,
    offset: level.page.offset,
    limit: level.page.limit,
    ...(level.projection.props ? { props: level.projection.props } : {}),
    rels: level.projection.rels,
  };
}

/** Fields selected on a Document by `fields` (whose selection sets are on a Document or a Node). */
function documentFields(info: GraphQLResolveInfo, fields: readonly FieldNode[]): FieldNode[] {
  const applies = (type: string | undefined) => type === undefined || type === "Document" || type === "Node";
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>) => {
    for (const selection of set?.selections ?? []) {
      // @skip/@include are left to graphql-js: what they guard is not planned (its resolver reads it).
      if (selection.directives?.length) continue;
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment = info.fragments[selection.name.value] as FragmentDefinitionNode | undefined;
        if (fragment && applies(fragment.typeCondition.name.value))
          visit(fragment.selectionSet, new Set(seen).add(selection.name.value));
      }
    }
  };
  for (const field of fields) visit(field.selectionSet, new Set());
  return out;
}

/**
 * The connection levels a Document's selection asks for, nested as the query nests them. A field
 * whose arguments are invalid is left out: its resolver then reports the error where it belongs.
 */
export function plannedLevels(info: GraphQLResolveInfo, fields: readonly FieldNode[]): Level[] {
  const groups = new Map<string, FieldNode[]>();
  for (const field of documentFields(info, fields)) {
    if (!(field.name.value in DOCUMENT_CONNECTIONS)) continue;
    const key = field.alias?.value ?? field.name.value;
    groups.set(key, [...(groups.get(key) ?? []), field]);
  }
  return [...groups.values()].map((group) => levelOf(info, group)).filter((l): l is Level => l !== null);
}

/**
 * Levels planned per field-node array: graphql-js hands every sibling object of a list the same array
 * (per request, so the variables are fixed), and planning again at each of 400 leaves is measurable.
 */
const planned = new WeakMap<readonly FieldNode[], Level | null>();

/** The level of one connection field (the nodes of one response key); null when its arguments are invalid. */
function levelOf(info: GraphQLResolveInfo, group: readonly FieldNode[]): Level | null {
  let level = planned.get(group);
  if (level === undefined) {
    level = planLevel(info, group);
    planned.set(group, level);
  }
  return level;
}

function planLevel(info: GraphQLResolveInfo, group: readonly FieldNode[]): Level | null {
  const first = group[0] as FieldNode;
  const spec = DOCUMENT_CONNECTIONS[first.name.value];
  const definition = (info.schema.getType("Document") as GraphQLObjectType).getFields()[first.name.value];
  if (!spec || !definition) return null;
  let page: Page;
  try {
    const args = getArgumentValues(definition, first, info.variableValues);
    page = pageOf(args.first as number | null, args.after as string | null);
  } catch {
    return null;
  }
  const edges = childFields(info, group).filter((f) => f.name.value === "edges");
  const nodes = childFields(info, edges).filter((f) => f.name.value === "node");
  return { spec, page, projection: connectionProjection(info, group), children: plannedLevels(info, nodes) };
}

/**
 * node(id) or document(ref) by id, for a Document: when the selection holds connection levels, the
 * node and all its levels in one statement; otherwise through the nodes loader.
 */
export function loadDocument(
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  uid: string,
): Promise<GraphNode | null> {
  const levels = plannedLevels(info, info.fieldNodes);
  if (levels.length === 0) return ctx.loaders.nodes.load(uid);
  return ctx.nested.load({ start: { key: uid.slice(uid.indexOf(":") + 1) }, levels });
}

/**
 * Before a Document connection field resolves: when connection levels are nested below it and no
 * statement already read its page, reads this level and those below in one statement (batched with
 * its siblings), so the resolvers below find their pages cached.
 */
export async function prefetchBelow(
  ctx: ApiContext,
  parent: GraphNode,
  info: GraphQLResolveInfo,
): Promise<void> {
  const level = levelOf(info, info.fieldNodes);
  if (!level || level.children.length === 0) return;
  if (ctx.loaders.hasPrimedNeighbours(requestOf(parent.eid, level))) return;
  await ctx.nested.load({ start: { eid: parent.eid }, levels: [level] });
}

/** Where a compiled statement starts: a document by key, or any node by element id. */
export type NestedStart = { key: string } | { eid: string };

interface NestedRequest {
  start: NestedStart;
  levels: Level[];
}

/** Per request: compiled statements, batched so sibling resolvers planning the same levels share one. */
export type NestedLoader = DataLoader<NestedRequest, GraphNode | null, string>;

export function createNestedLoader(
  graph: GraphConnection,
  loaders: Loaders,
  timeoutMs: number,
): NestedLoader {
  return new DataLoader<NestedRequest, GraphNode | null, string>(
    async (requests) => {
      const out: Array<GraphNode | null> = requests.map(() => null);
      const byPlan = new Map<string, number[]>();
      for (const [i, r] of requests.entries()) {
        const plan = JSON.stringify(r.levels);
        byPlan.set(plan, [...(byPlan.get(plan) ?? []), i]);
      }
      for (const indices of byPlan.values()) {
        const levels = (requests[indices[0] as number] as NestedRequest).levels;
        const { text, params } = compile(levels);
        const starts = indices.map((i) => ({ i, key: null, eid: null, ...requests[i]?.start }));
        const records = await graph.read(
          async (tx) => (await tx.run(text, { ...params, batch: { starts } })).records,
          {
            timeoutMs,
          },
        );
        for (const record of records) {
          const root = toGraphNode(record.get("root"));
          if (!root) continue;
          out[Number(plain(record.get("i")))] = root;
          loaders.prime([root]);
          const raw = plain(record.get("levels")) as RawLevel[];
          for (const [k, level] of levels.entries()) primeLevel(loaders, root.eid, level, raw[k] as RawLevel);
        }
      }
      return out;
    },
    { cacheKeyFn: (r) => JSON.stringify([r.start, r.levels]) },
  );
}

interface RawLevel {
  total: number;
  items: Array<RawItem & { i: number; levels: RawLevel[] }>;
}

function primeLevel(loaders: Loaders, parentEid: string, level: Level, raw: RawLevel): void {
  const ordered = [...raw.items].sort((a, b) => a.i - b.i);
  const items = neighbourItems(ordered, level.projection.props);
  loaders.primeNeighbours(requestOf(parentEid, level), { total: raw.total, items });
  items.forEach((item, k) => {
    if (!item.node) return;
    const below = (ordered[k] as RawLevel["items"][number]).levels;
    level.children.forEach((child, c) => {
      primeLevel(loaders, (item.node as GraphNode).eid, child, below[c] as RawLevel);
    });
  });
}

/**
 * The statement for `levels`: api-nested with one api-nested-level block per level, nested as the
 * levels are. Only integers (variable and parameter indices, the direction) are substituted into the
 * text; each level's page and projection are the parameter `$levels[id]`.
 */
function compile(levels: Level[]): { text: string; params: Record<string, unknown> } {
  const params: unknown[] = [null];
  const block = (parent: number, level: Level): { text: string; result: string } => {
    const id = params.length;
    params.push({
      offset: neo4j.int(level.page.offset),
      end: neo4j.int(level.page.offset + level.page.limit),
      props: level.projection.props ?? null,
      rels: level.projection.rels,
    });
    const children = level.children.map((child) => block(id, child));
    return {
      text: splice(
        cypher("api-nested-level", { parent, id, out: level.spec.dir === "OUT" ? 1 : 0 }),
        children,
      ),
      result: `l${id}`,
    };
  };
  const text = splice(
    cypher("api-nested"),
    levels.map((level) => block(0, level)),
  );
  return { text, params: { levels: params } };
}

/** Puts child blocks at a template's LEVELS comment and their results at its RESULTS one. */
function splice(template: string, children: Array<{ text: string; result: string }>): string {
  return template
    .replace("/*RESULTS*/", () => children.map((c) => c.result).join(", "))
    .replace("/*LEVELS*/", () => children.map((c) => c.text).join("\n"));
}
