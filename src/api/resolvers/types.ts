// Resolvers of the object types. Every fetch goes through the request's loaders (see loaders.ts):
// fields of a node come from its properties, related nodes from one batched neighbours query per
// level of the GraphQL query.

import type { GraphQLResolveInfo } from "graphql";
import { DOCUMENT_RELATION_KINDS, DOCUMENT_SYSTEMS, DOCUMENT_TYPES } from "../../extract/vocabulary.ts";
import type { EvidenceRecord, LineageRelation, LineageResult, LineageStep } from "../../graph/lineage.ts";
import { evidenceOf } from "../../graph/lineage.ts";
import type { AccountabilityRow } from "../../graph/queries/accountability.ts";
import { type GraphNode, labelOf, type NodeKind, uidOf } from "../../graph/queries/nodes.ts";
import { isOverdue, type StatusClaim, statusAsOf } from "../../graph/queries/status.ts";
import type { ApiContext } from "../context.ts";
import { fromGlobalId, toGlobalId } from "../ids.ts";
import { type ConnectionSpec, DOCUMENT_CONNECTIONS, prefetchBelow } from "../nested.ts";
import { type Page, pageOf, sliceConnection } from "../pagination.ts";
import { DateScalar, daysBetween } from "../scalars.ts";
import {
  type Args,
  neighbourNodes,
  neighbours,
  nodeConnection,
  num,
  oneOf,
  relationConnection,
  str,
  stringFields,
  TASK_STATUSES,
  TIERS,
} from "./helpers.ts";

const TYPE_NAME: Record<NodeKind, string> = {
  DOCUMENT: "Document",
  ORGANISATION: "Organisation",
  TASK: "Task",
  ACTION: "Action",
  TARGET: "Target",
  FINDING: "Finding",
  SOURCE: "Source",
};

const DOCUMENT_TYPE_SET: ReadonlySet<string> = new Set(DOCUMENT_TYPES);
const SYSTEMS: ReadonlySet<string> = new Set(DOCUMENT_SYSTEMS);
const DOCUMENT_RELATIONS: readonly string[] = DOCUMENT_RELATION_KINDS;

const common = {
  id: (n: GraphNode) => toGlobalId(n.uid),
  kind: (n: GraphNode) => n.kind,
  label: (n: GraphNode) => labelOf(n),
};

const tier = (n: GraphNode) => oneOf(n.props.tier, TIERS, null);

/** Mentions by sources (MENTIONS relationships), one entry per mention, paged in memory. */
async function sourceMentions(n: GraphNode, args: Args, ctx: ApiContext) {
  const page = pageOf(args.first as number | null, args.after as string | null);
  const result = await neighbours(ctx, n, "IN", ["MENTIONS"], ["Source"]);
  const all = result.items.flatMap((item) =>
    item.node
      ? item.relations.map((r) => ({
          node: { source: item.node, evidence: { ...evidenceOf(r.props), source: item.node?.key ?? null } },
        }))
      : [],
  );
  return sliceConnection(all, page);
}

async function statusClaims(
  n: GraphNode,
  ctx: ApiContext,
): Promise<Array<StatusClaim & { props: Record<string, unknown> }>> {
  const page = await neighbours(ctx, n, "OUT", ["HAS_STATUS"], ["StatusReport"]);
  return page.items.map((i) => ({
    value: oneOf(i.props.value, TASK_STATUSES, "UNKNOWN") as StatusClaim["value"],
    reportedOn: typeof i.props.reportedOn === "string" ? i.props.reportedOn : null,
    props: i.props,
  }));
}

function asOfArg(args: Args, ctx: ApiContext): string {
  return typeof args.asOf === "string" ? args.asOf : ctx.today;
}

/** A Document → Document connection; levels nested below it are read in one statement (nested.ts). */
function documentConnection(name: keyof typeof DOCUMENT_CONNECTIONS) {
  const { dir, types, labels } = DOCUMENT_CONNECTIONS[name] as ConnectionSpec;
  return async (n: GraphNode, args: Args, ctx: ApiContext, info: GraphQLResolveInfo) => {
    await prefetchBelow(ctx, n, info);
    return nodeConnection(ctx, n, dir, types, labels, args, info);
  };
}

export const typeResolvers = {
  Date: DateScalar,

  Node: {
    __resolveType: (n: GraphNode) => TYPE_NAME[n.kind],
  },

  Document: {
    ...common,
    key: (n: GraphNode) => n.key,
    ...stringFields("symbol", "issuer", "issuedOn", "title", "jurisdiction"),
    type: (n: GraphNode) => oneOf(n.props.type, DOCUMENT_TYPE_SET, "OTHER"),
    system: (n: GraphNode) => oneOf(n.props.system, SYSTEMS, "UNKNOWN"),
    tier,
    year: (n: GraphNode) => num(n, "year") ?? (Number(String(n.props.issuedOn ?? "").slice(0, 4)) || null),
    held: (n: GraphNode) => n.props.held === true,
    issuingOrganisation: async (n: GraphNode, _: Args, ctx: ApiContext) =>
      (await neighbourNodes(ctx, n, "OUT", ["ISSUED_BY"], ["Organisation"]))[0] ?? null,
    status: async (n: GraphNode, _: Args, ctx: ApiContext) => {
      const page = await neighbours(ctx, n, "IN", ["REPEALS", "REPLACES", "AMENDS"], ["Document"]);
      const kinds = new Set(page.items.flatMap((i) => i.relations.map((r) => r.type)));
      if (kinds.has("REPEALS")) return "REPEALED";
      if (kinds.has("REPLACES")) return "REPLACED";
      return kinds.has("AMENDS") ? "AMENDED" : "IN_FORCE";
    },
    implements: documentConnection("implements"),
    implementedBy: documentConnection("implementedBy"),
    citationsOut: (n: GraphNode, args: Args, ctx: ApiContext) =>
      relationConnection(ctx, n, "OUT", (args.kinds as string[] | null) ?? DOCUMENT_RELATIONS, args),
    citationsIn: (n: GraphNode, args: Args, ctx: ApiContext) =>
      relationConnection(ctx, n, "IN", (args.kinds as string[] | null) ?? DOCUMENT_RELATIONS, args),
    tasks: (n: GraphNode, args: Args, ctx: ApiContext, info: GraphQLResolveInfo) =>
      nodeConnection(ctx, n, "IN", ["ASSIGNED_BY", "PART_OF", "IMPLEMENTS"], ["Task"], args, info),
    targets: (n: GraphNode, args: Args, ctx: ApiContext, info: GraphQLResolveInfo) =>
      nodeConnection(ctx, n, "IN", ["PART_OF"], ["Target"], args, info),
    findings: (n: GraphNode, args: Args, ctx: ApiContext, info: GraphQLResolveInfo) =>
      nodeConnection(ctx, n, "IN", ["FOUND_IN"], ["Finding"], args, info),
    sources: sourceMentions,
    daysAfter: async (n: GraphNode, args: Args, ctx: ApiContext) => {
      const parent = await ctx.loaders.nodes.load(fromGlobalId(String(args.parent), "parent").uid);
      return parent ? daysBetween(parent.props.issuedOn, n.props.issuedOn) : null;
    },
  },

  Organisation: {
    ...common,
    key: (n: GraphNode) => n.key,
    name: (n: GraphNode) => str(n, "name") ?? n.key,
    ...stringFields("code", "jurisdiction", "validFrom", "validTo"),
    aliases: (n: GraphNode) =>
      Array.isArray(n.props.aliases) ? n.props.aliases.filter((a) => typeof a === "string") : [],
    tier,
    registered: (n: GraphNode) => n.props.registered === true,
    collective: (n: GraphNode) => n.props.collective === true,
    parent: async (n: GraphNode, _: Args, ctx: ApiContext) =>
      (await neighbourNodes(ctx, n, "OUT", ["PART_OF"], ["Organisation"]))[0] ?? null,
    successors: (n: GraphNode, _: Args, ctx: ApiContext) =>
      neighbourNodes(ctx, n, "OUT", ["SUCCEEDED_BY"], ["Organisation"]),
    predecessors: (n: GraphNode, _: Args, ctx: ApiContext) =>
      neighbourNodes(ctx, n, "IN", ["SUCCEEDED_BY"], ["Organisation"]),
    leads: (n: GraphNode, args: Args, ctx: ApiContext, info: GraphQLResolveInfo) =>
      nodeConnection(ctx, n, "OUT", ["LEAD"], ["Task"], args, info),
    issued: (n: GraphNode, args: Args, ctx: ApiContext, info: GraphQLResolveInfo) =>
      nodeConnection(ctx, n, "IN", ["ISSUED_BY"], ["Document"], args, info),
    accountability: async (n: GraphNode, args: Args, ctx: ApiContext) => ({
      ...(await ctx.loaders.accountability.load({ key: n.key, asOf: asOfArg(args, ctx) })),
      organisation: n,
    }),
  },

  Task: {
    ...common,
    key: (n: GraphNode) => n.key,
    content: (n: GraphNode) => str(n, "content") ?? "",
    ...stringFields("ref", "product", "section"),
    tier,
    deadline: (n: GraphNode) => {
      const text = str(n, "deadlineText");
      if (text === null && str(n, "deadlineTo") === null) return null;
      return {
        text: text ?? "",
        from: str(n, "deadlineFrom"),
        to: str(n, "deadlineTo"),
        recurring: n.props.recurring === true,
      };
    },
    status: async (n: GraphNode, args: Args, ctx: ApiContext) =>
      statusAsOf(await statusClaims(n, ctx), asOfArg(args, ctx)),
    statusHistory: async (n: GraphNode, _: Args, ctx: ApiContext) =>
      (await statusClaims(n, ctx)).sort((a, b) => (a.reportedOn ?? "").localeCompare(b.reportedOn ?? "")),
    overdue: async (n: GraphNode, args: Args, ctx: ApiContext) => {
      const asOf = asOfArg(args, ctx);
      return isOverdue(statusAsOf(await statusClaims(n, ctx), asOf), n.props, asOf);
    },
    lead: (n: GraphNode, _: Args, ctx: ApiContext) =>
      neighbourNodes(ctx, n, "IN", ["LEAD"], ["Organisation"]),
    cooperating: (n: GraphNode, _: Args, ctx: ApiContext) =>
      neighbourNodes(ctx, n, "IN", ["COOPERATES"], ["Organisation"]),
    assignedBy: async (n: GraphNode, _: Args, ctx: ApiContext) =>
      (await neighbourNodes(ctx, n, "OUT", ["ASSIGNED_BY"], ["Document"]))[0] ?? null,
    partOf: (n: GraphNode, _: Args, ctx: ApiContext) =>
      neighbourNodes(ctx, n, "OUT", ["PART_OF"], ["Document"]),
    implements: (n: GraphNode, _: Args, ctx: ApiContext) =>
      neighbourNodes(ctx, n, "OUT", ["IMPLEMENTS"], ["Document"]),
    results: (n: GraphNode, _: Args, ctx: ApiContext) =>
      neighbourNodes(ctx, n, "OUT", ["RESULTED_IN"], ["Document"]),
    actions: (n: GraphNode, args: Args, ctx: ApiContext, info: GraphQLResolveInfo) =>
      nodeConnection(ctx, n, "IN", ["SERVES"], ["Action"], args, info),
    targets: (n: GraphNode, args: Args, ctx: ApiContext, info: GraphQLResolveInfo) =>
      nodeConnection(ctx, n, "OUT", ["SETS_TARGET"], ["Target"], args, info),
    sources: sourceMentions,
  },

  StatusReport: {
    reportedBy: async (claim: { props: Record<string, unknown> }, _: Args, ctx: ApiContext) => {
      const key = claim.props.reportedBy;
      return typeof key === "string" ? ctx.loaders.nodes.load(uidOf("DOCUMENT", key)) : null;
    },
  },

  Action: {
    ...common,
    key: (n: GraphNode) => n.key,
    text: (n: GraphNode) => str(n, "text") ?? "",
    ...stringFields("actor", "unit"),
    quantity: (n: GraphNode) => num(n, "quantity"),
    total: (n: GraphNode) => num(n, "total"),
    tier,
    performer: async (n: GraphNode, _: Args, ctx: ApiContext) =>
      (await neighbourNodes(ctx, n, "OUT", ["PERFORMED_BY"], ["Organisation"]))[0] ?? null,
    serves: (n: GraphNode, _: Args, ctx: ApiContext) =>
      neighbourNodes(ctx, n, "OUT", ["SERVES"], ["Task", "Document"]),
    sources: sourceMentions,
  },

  Target: {
    ...common,
    indicator: (n: GraphNode) => str(n, "indicator") ?? "",
    ...stringFields("unit", "comparator", "valueText", "horizon"),
    value: (n: GraphNode) => num(n, "value"),
    setBy: async (n: GraphNode, _: Args, ctx: ApiContext) =>
      (await neighbourNodes(ctx, n, "OUT", ["PART_OF"], ["Document"]))[0] ?? null,
    task: async (n: GraphNode, _: Args, ctx: ApiContext) =>
      (await neighbourNodes(ctx, n, "IN", ["SETS_TARGET"], ["Task"]))[0] ?? null,
  },

  Finding: {
    ...common,
    findingKind: (n: GraphNode) => str(n, "kind") ?? "UNKNOWN",
    severity: (n: GraphNode) => oneOf(n.props.severity, new Set(["INFO", "WARNING", "ERROR"]), "WARNING"),
    messageVi: (n: GraphNode) => str(n, "messageVi") ?? "",
    messageEn: (n: GraphNode) => str(n, "messageEn") ?? "",
    document: async (n: GraphNode, _: Args, ctx: ApiContext) =>
      (await neighbourNodes(ctx, n, "OUT", ["FOUND_IN"], ["Document"]))[0] ?? null,
    evidence: async (n: GraphNode, _: Args, ctx: ApiContext) => {
      // Spans are stored as JSON on the finding; the file is the one that mentions it.
      const source = (await neighbourNodes(ctx, n, "IN", ["MENTIONS"], ["Source"]))[0]?.key ?? null;
      let spans: unknown = [];
      try {
        spans =
          typeof n.props.evidence === "string" ? JSON.parse(n.props.evidence) : (n.props.evidence ?? []);
      } catch {
        spans = [];
      }
      return (Array.isArray(spans) ? spans : []).map(
        (s: { start?: unknown; end?: unknown; text?: unknown }): EvidenceRecord => ({
          source,
          start: typeof s.start === "number" ? s.start : null,
          end: typeof s.end === "number" ? s.end : null,
          quote: typeof s.text === "string" ? s.text : null,
          confidence: null,
          extractorVersion: null,
        }),
      );
    },
  },

  Source: {
    ...common,
    name: (n: GraphNode) => str(n, "name") ?? n.key,
    sha256: (n: GraphNode) => str(n, "sha256") ?? n.key,
    ...stringFields("path", "format", "ingestedAt", "extractorVersion"),
    chars: (n: GraphNode) => num(n, "chars"),
  },

  Evidence: {
    source: async (e: EvidenceRecord, _: Args, ctx: ApiContext) => {
      if (!e.source) return null;
      const node = await ctx.loaders.nodes.load(uidOf("SOURCE", e.source));
      return node ? (str(node, "name") ?? e.source) : e.source;
    },
    sourceNode: (e: EvidenceRecord, _: Args, ctx: ApiContext) =>
      e.source ? ctx.loaders.nodes.load(uidOf("SOURCE", e.source)) : null,
  },

  Relation: {
    from: (r: LineageRelation, _: Args, ctx: ApiContext) => ctx.loaders.nodes.load(r.from),
    to: (r: LineageRelation, _: Args, ctx: ApiContext) => ctx.loaders.nodes.load(r.to),
  },

  Path: {
    nodes: async (p: { uids: string[] }, _: Args, ctx: ApiContext) => ctx.loaders.nodes.loadMany(p.uids),
    length: (p: { relations: LineageRelation[] }) => p.relations.length,
  },

  Lineage: {
    truncated: (l: LineageResult) => l.truncation.length > 0,
    cycles: (l: LineageResult) => l.cycles.map((c) => c.map(toGlobalId)),
    nodes: (l: LineageResult, args: Args) => {
      const page = pageOf(args.first as number | null, args.after as string | null, 100, 100);
      return sliceConnection(l.steps, page, (step) => lineageEdge(l, step));
    },
    relations: (l: LineageResult, args: Args) => {
      const page = pageOf(args.first as number | null, args.after as string | null, 100, 100);
      return sliceConnection(l.relations, page, (node) => ({ node }));
    },
  },

  Accountability: {
    taskCount: (r: AccountabilityRow) => r.tasks.length,
    overdueCount: (r: AccountabilityRow) => r.overdueTasks.length,
    plansIssuedCount: (r: AccountabilityRow) => r.plans.length,
    overdueTasks: (r: AccountabilityRow, args: Args) =>
      sliceNodes(r.overdueTasks, pageOf(args.first as number | null, args.after as string | null)),
    plansIssued: (r: AccountabilityRow, args: Args) =>
      sliceConnection(r.plans, pageOf(args.first as number | null, args.after as string | null), (node) => ({
        node,
        relations: [],
      })),
  },
};

function sliceNodes(nodes: GraphNode[], page: Page) {
  return sliceConnection(nodes, page, (node) => ({ node }));
}

/** A lineage node with its path, and the days from the root and from the previous document on it. */
function lineageEdge(l: LineageResult, step: LineageStep) {
  const dated = (uid: string) => l.reached.get(uid)?.props.issuedOn;
  const earlierFirst = (a: unknown, b: unknown) =>
    step.direction === "DOWNSTREAM" ? daysBetween(a, b) : daysBetween(b, a);
  const previousDocument = [...step.path.slice(0, -1)]
    .reverse()
    .find((uid) => l.reached.get(uid)?.kind === "DOCUMENT");
  const isDocument = step.node.kind === "DOCUMENT";
  return {
    node: step.node,
    depth: step.depth,
    hops: step.hops,
    direction: step.direction,
    path: { uids: step.path, relations: step.pathRelations },
    daysFromRoot: isDocument ? earlierFirst(dated(l.root.uid), step.node.props.issuedOn) : null,
    daysAfterPrevious:
      isDocument && previousDocument ? earlierFirst(dated(previousDocument), step.node.props.issuedOn) : null,
  };
}
