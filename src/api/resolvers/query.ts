// Root query fields. Arguments are validated here (ids decoded, pages and hop bounds bounded, text
// length capped) before anything reaches src/graph, which takes them only as Cypher parameters.

import type { GraphQLResolveInfo } from "graphql";
import type { TaskStatus } from "../../extract/types.ts";
import {
  type Direction,
  isFiltering,
  type LineageFilter,
  type RelationKind,
  walkLineage,
} from "../../graph/lineage.ts";
import { accountability } from "../../graph/queries/accountability.ts";
import { findDocument } from "../../graph/queries/documents.ts";
import { findGaps, type GapKind } from "../../graph/queries/gaps.ts";
import { type GraphNode, labelOf, type NodeKind } from "../../graph/queries/nodes.ts";
import { findOrganisation } from "../../graph/queries/organisations.ts";
import { findPaths, MAX_PATHS } from "../../graph/queries/paths.ts";
import { searchNodes } from "../../graph/queries/search.ts";
import type { ApiContext } from "../context.ts";
import { userError } from "../errors.ts";
import { fromGlobalId, toGlobalId } from "../ids.ts";
import { loadDocument } from "../nested.ts";
import { pageOf, sliceConnection } from "../pagination.ts";
import { connectionProjection } from "../projection.ts";
import { argumentOf, childFields } from "../selection.ts";
import type { Args } from "./helpers.ts";

const MAX_TEXT = 500;

function text(args: Args, name: string): string {
  const value = String(args[name] ?? "");
  if (value.length > MAX_TEXT)
    throw userError("BAD_USER_INPUT", `${name} is longer than ${MAX_TEXT} characters.`, { argument: name });
  return value;
}

/** Accepts a global id; anything else is BAD_USER_INPUT (kinds restrict what it may point at). */
function idArg(args: Args, name: string, kinds?: NodeKind[]) {
  const id = fromGlobalId(String(args[name] ?? ""), name);
  if (kinds && !kinds.includes(id.kind))
    throw userError("BAD_USER_INPUT", `${name} must be the id of: ${kinds.join(", ")}.`, { argument: name });
  return id;
}

/** A global id when the text is one of ours, else null (so a typed reference can be tried instead). */
function maybeId(value: string, kind: NodeKind): string | null {
  try {
    const id = fromGlobalId(value);
    return id.kind === kind ? id.uid : null;
  } catch {
    return null;
  }
}

function candidatesOf(nodes: GraphNode[]) {
  return nodes.slice(0, 20).map((n) => ({
    id: toGlobalId(n.uid),
    label: labelOf(n),
    key: n.key,
    jurisdiction: n.props.jurisdiction ?? null,
    issuedOn: n.props.issuedOn ?? null,
  }));
}

/**
 * How far a lineage must be walked for what the query selects: everything when it asks for
 * `totalCount`, `relations` or `cycles`, or no `nodes` page at all; otherwise up to the end of its
 * furthest `nodes` page plus one node (whether a next page exists), which lets the walk stop long
 * before the reachable set ends.
 */
function lineageStop(info: GraphQLResolveInfo): number | undefined {
  // No page asked for (only `truncated`, say): the question is about the whole lineage.
  let stop: number | undefined;
  for (const field of childFields(info, info.fieldNodes)) {
    const name = field.name.value;
    if (name === "relations" || name === "cycles") return undefined;
    if (name !== "nodes") continue;
    if (childFields(info, [field]).some((f) => f.name.value === "totalCount")) return undefined;
    const page = pageOf(
      (argumentOf(info, field, "first") as number | null | undefined) ?? 100,
      argumentOf(info, field, "after") as string | null | undefined,
      100,
      100,
    );
    stop = Math.max(stop ?? 0, page.offset + page.limit + 1);
  }
  return stop;
}

/**
 * The properties a lineage query shows of the nodes on its pages, when it shows nothing else of them:
 * no `path` (its nodes come from the per-request cache, which takes only whole nodes), no
 * `relations`, and only fields projection.ts knows.
 * Evidence is never shown then (it lives on `path.relations` and `relations`). PROFILE, a directive's
 * first page of 100: the nodes' and relationships' properties are ≈ 35% of its db hits and ≈ 75% of
 * its bytes.
 */
function lineageProjection(info: GraphQLResolveInfo): { props: string[]; evidence: false } | undefined {
  const props = new Set<string>();
  for (const field of childFields(info, info.fieldNodes)) {
    const name = field.name.value;
    if (name === "relations") return undefined;
    if (name !== "nodes") continue;
    const edges = childFields(info, [field]).filter((f) => f.name.value === "edges");
    for (const edge of childFields(info, edges)) {
      const below = edge.name.value;
      if (below === "path") return undefined;
      if (below === "daysFromRoot" || below === "daysAfterPrevious") props.add("issuedOn");
    }
    const shown = connectionProjection(info, [field]).props;
    if (!shown) return undefined;
    for (const p of shown) props.add(p);
  }
  return { props: [...props], evidence: false };
}

function asOf(args: Args, ctx: ApiContext): string {
  return typeof args.asOf === "string" ? args.asOf : ctx.today;
}

export const queryResolvers = {
  node: (_: unknown, args: Args, ctx: ApiContext, info: GraphQLResolveInfo) => {
    const id = idArg(args, "id");
    return id.kind === "DOCUMENT" ? loadDocument(ctx, info, id.uid) : ctx.loaders.nodes.load(id.uid);
  },

  document: async (_: unknown, args: Args, ctx: ApiContext, info: GraphQLResolveInfo) => {
    const ref = text(args, "ref");
    const byId = maybeId(ref, "DOCUMENT");
    if (byId) return loadDocument(ctx, info, byId);
    const found = await findDocument(
      ctx.graph,
      ref,
      args.jurisdiction ? text(args, "jurisdiction") : null,
      ctx.timeoutMs,
    );
    if (found.status === "AMBIGUOUS") {
      throw userError(
        "AMBIGUOUS_REFERENCE",
        `"${ref}" matches ${found.candidates.length} documents; add a date or jurisdiction.`,
        {
          candidates: candidatesOf(found.candidates),
        },
      );
    }
    if (found.status === "NOT_FOUND") return null;
    ctx.loaders.prime([found.node]);
    return found.node;
  },

  organisation: async (_: unknown, args: Args, ctx: ApiContext) => {
    const ref = text(args, "ref");
    const byId = maybeId(ref, "ORGANISATION");
    if (byId) return ctx.loaders.nodes.load(byId);
    const found = await findOrganisation(ctx.graph, ref, ctx.timeoutMs);
    if (found.status === "AMBIGUOUS") {
      throw userError("AMBIGUOUS_REFERENCE", `"${ref}" matches ${found.candidates.length} organisations.`, {
        candidates: candidatesOf(found.candidates),
      });
    }
    if (found.status === "NOT_FOUND") return null;
    ctx.loaders.prime([found.node]);
    return found.node;
  },

  search: async (_: unknown, args: Args, ctx: ApiContext) => {
    const page = pageOf(args.first as number | null, args.after as string | null);
    const hits = await searchNodes(
      ctx.graph,
      text(args, "query"),
      args.kinds as NodeKind[] | null,
      ctx.timeoutMs,
    );
    ctx.loaders.prime(hits.map((h) => h.node));
    return sliceConnection(hits, page, (h) => ({ node: h.node, score: h.score }));
  },

  lineage: async (_: unknown, args: Args, ctx: ApiContext, info: GraphQLResolveInfo) => {
    const root = idArg(args, "root");
    const filter = args.filter as
      | (Omit<LineageFilter, "organisations"> & { organisations?: string[] | null })
      | null;
    const organisations = filter?.organisations?.map((id) => fromGlobalId(id, "filter.organisations"));
    if (organisations?.some((o) => o.kind !== "ORGANISATION")) {
      throw userError("BAD_USER_INPUT", "filter.organisations must hold organisation ids.");
    }
    const walkFilter: LineageFilter | undefined = filter
      ? {
          kinds: filter.kinds ?? undefined,
          tiers: filter.tiers ?? undefined,
          statuses: (filter.statuses as TaskStatus[] | null) ?? undefined,
          overdue: filter.overdue ?? undefined,
          organisations: organisations?.map((o) => o.key),
        }
      : undefined;
    // A filter reads tier, deadline and status: nodes then come whole.
    const projection = isFiltering(walkFilter) ? undefined : lineageProjection(info);
    const result = await walkLineage(ctx.graph, root.uid, {
      direction: (args.direction as Direction | null) ?? "DOWNSTREAM",
      maxDepth: (args.maxDepth as number | null) ?? undefined,
      relations: (args.relations as RelationKind[] | null) ?? undefined,
      filter: walkFilter,
      asOf: ctx.today,
      timeoutMs: ctx.timeoutMs,
      budgetMs: Math.floor(ctx.timeoutMs * 0.8),
      stopAfter: lineageStop(info),
      projection,
    });
    if (!result) throw userError("NOT_FOUND", "No node has this root id.", { argument: "root" });
    // Without a projection the walk read every reached node in full: paths and relations resolve
    // from the cache. With one, only the root is whole.
    ctx.loaders.prime(projection ? [result.root] : result.reached.values());
    return result;
  },

  paths: async (_: unknown, args: Args, ctx: ApiContext) => {
    const first = (args.first as number | null) ?? MAX_PATHS;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PATHS) {
      throw userError("BAD_USER_INPUT", `first must be between 1 and ${MAX_PATHS}.`, { argument: "first" });
    }
    const from = idArg(args, "from");
    const to = idArg(args, "to");
    const paths = await findPaths(
      ctx.graph,
      from.uid,
      to.uid,
      (args.maxDepth as number | null) ?? 8,
      first,
      ctx.timeoutMs,
    );
    if (!paths) throw userError("NOT_FOUND", "No node has the from or to id.");
    for (const p of paths) ctx.loaders.prime(p.nodes);
    return paths.map((p) => ({ uids: p.nodes.map((n) => n.uid), relations: p.relations }));
  },

  accountability: async (_: unknown, args: Args, ctx: ApiContext) => {
    const page = pageOf(args.first as number | null, args.after as string | null, 100, 50);
    const root = args.root ? idArg(args, "root") : null;
    const organisation = args.organisation ? idArg(args, "organisation", ["ORGANISATION"]) : null;
    const rows = await accountability(ctx.graph, {
      rootUid: root?.uid ?? null,
      organisations: organisation ? [organisation.key] : null,
      asOf: asOf(args, ctx),
      timeoutMs: ctx.timeoutMs,
    });
    if (!rows) throw userError("NOT_FOUND", "No node has this root id.", { argument: "root" });
    ctx.loaders.prime(rows.flatMap((r) => [r.organisation, ...r.tasks, ...r.plans]));
    return sliceConnection(rows, page, (node) => ({ node }));
  },

  gaps: async (_: unknown, args: Args, ctx: ApiContext) => {
    const page = pageOf(args.first as number | null, args.after as string | null, 100, 50);
    const scope = args.scope ? idArg(args, "scope") : null;
    const gaps = await findGaps(ctx.graph, {
      scopeUid: scope?.uid ?? null,
      kinds: (args.kinds as GapKind[] | null) ?? null,
      asOf: ctx.today,
      timeoutMs: ctx.timeoutMs,
    });
    if (!gaps) throw userError("NOT_FOUND", "No node has this scope id.", { argument: "scope" });
    ctx.loaders.prime(gaps.map((g) => g.node));
    return sliceConnection(gaps, page, (node) => ({ node }));
  },
};
