// Small pieces every type resolver uses: property access with enum guards, and by-parent fetches
// through the neighbours loader turned into relations and connections.

import type { GraphQLResolveInfo } from "graphql";
import { ORGANISATION_TIERS, TASK_STATUSES as TASK_STATUSES_LIST } from "../../extract/vocabulary.ts";
import type { EvidenceRecord, LineageRelation, RelationKind } from "../../graph/lineage.ts";
import { evidenceOf } from "../../graph/lineage.ts";
import type { GraphNode } from "../../graph/queries/nodes.ts";
import type { ApiContext } from "../context.ts";
import type { NeighbourItem, NeighbourPage } from "../loaders.ts";
import { connectionOf, type Page, pageOf, sliceConnection } from "../pagination.ts";
import { connectionProjection, type Projection } from "../projection.ts";

export type Args = Record<string, unknown>;

export const TIERS: ReadonlySet<string> = new Set(ORGANISATION_TIERS);
export const TASK_STATUSES: ReadonlySet<string> = new Set(TASK_STATUSES_LIST);

/** A property as a string, or null. */
export function str(node: GraphNode, name: string): string | null {
  const v = node.props[name];
  return typeof v === "string" && v !== "" ? v : null;
}

export function num(node: GraphNode, name: string): number | null {
  const v = node.props[name];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** An enum-typed property: values the schema does not know become `fallback` instead of an error. */
export function oneOf<T extends string | null>(
  value: unknown,
  allowed: ReadonlySet<string>,
  fallback: T,
): string | T {
  return typeof value === "string" && allowed.has(value) ? value : fallback;
}

/** Resolvers reading plain string properties of the same name. */
export function stringFields(...names: string[]): Record<string, (n: GraphNode) => string | null> {
  return Object.fromEntries(names.map((name) => [name, (n: GraphNode) => str(n, name)]));
}

export function neighbours(
  ctx: ApiContext,
  parent: GraphNode,
  dir: "IN" | "OUT",
  types: readonly string[],
  labels: readonly string[],
  page: Page = { offset: 0, limit: 1000 },
  projection?: Projection,
): Promise<NeighbourPage> {
  return ctx.loaders.neighbours.load({
    eid: parent.eid,
    dir,
    types,
    labels,
    offset: page.offset,
    limit: page.limit,
    ...(projection?.props ? { props: projection.props } : {}),
    ...(projection ? { rels: projection.rels } : {}),
  });
}

/** The nodes of every neighbour (up to 1,000), for small lists such as a task's lead units. */
export async function neighbourNodes(
  ctx: ApiContext,
  parent: GraphNode,
  dir: "IN" | "OUT",
  types: readonly string[],
  labels: readonly string[],
): Promise<GraphNode[]> {
  const page = await neighbours(ctx, parent, dir, types, labels);
  return page.items.map((i) => i.node).filter((n): n is GraphNode => n !== null);
}

/** One relation per kind between the parent and a neighbour, every source's relationship as evidence. */
export function relationsOf(parent: GraphNode, dir: "IN" | "OUT", item: NeighbourItem): LineageRelation[] {
  if (!item.node) return [];
  const other = item.node.uid;
  const byKind = new Map<string, LineageRelation>();
  for (const rel of item.relations) {
    let relation = byKind.get(rel.type);
    if (!relation) {
      relation = {
        from: dir === "OUT" ? parent.uid : other,
        to: dir === "OUT" ? other : parent.uid,
        kind: rel.type as RelationKind,
        cue: null,
        confidence: null,
        evidence: [],
      };
      byKind.set(rel.type, relation);
    }
    const evidence: EvidenceRecord = evidenceOf(rel.props);
    relation.cue ??= typeof rel.props.cue === "string" ? rel.props.cue : null;
    if (evidence.confidence !== null)
      relation.confidence = Math.max(relation.confidence ?? 0, evidence.confidence);
    relation.evidence.push(evidence);
  }
  return [...byKind.values()];
}

/**
 * A Relay connection of neighbouring nodes, each edge with the relations that link it; reading only
 * the properties and evidence the query's selection (`info`) shows.
 */
export async function nodeConnection(
  ctx: ApiContext,
  parent: GraphNode,
  dir: "IN" | "OUT",
  types: readonly string[],
  labels: readonly string[],
  args: Args,
  info: GraphQLResolveInfo,
) {
  const page = pageOf(args.first as number | null, args.after as string | null);
  const result = await neighbours(ctx, parent, dir, types, labels, page, connectionProjection(info));
  const items = result.items
    .filter((i) => i.node !== null)
    .map((i) => ({ node: i.node, relations: relationsOf(parent, dir, i) }));
  return connectionOf(items, result.total, page);
}

/**
 * A connection of relations to neighbouring documents. Paged over relations, not neighbours, so it
 * reads all of them (up to 1,000) — a document's citations are few.
 */
export async function relationConnection(
  ctx: ApiContext,
  parent: GraphNode,
  dir: "IN" | "OUT",
  types: readonly string[],
  args: Args,
) {
  const page = pageOf(args.first as number | null, args.after as string | null);
  const result = await neighbours(ctx, parent, dir, types, ["Document"]);
  const all = result.items.flatMap((i) => relationsOf(parent, dir, i)).map((node) => ({ node }));
  return sliceConnection(all, page);
}
