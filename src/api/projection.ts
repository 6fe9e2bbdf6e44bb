// Which stored properties a connection's nodes need for what the query selects of them, so a nested
// selection such as implementedBy { edges { node { symbol implementedBy { … } } } } reads `symbol`
// and `key` per node instead of every property (PROFILE: most of the cost of nested levels).
// Each entry names the properties the type resolvers (resolvers/types.ts) read for that field; a field
// missing here reads everything, so a new resolver that reads a new property is slower until it is
// listed, never wrong.
import type { FieldNode, GraphQLResolveInfo } from "graphql";
import { childFields } from "./selection.ts";

/** What labelOf (src/graph/queries/nodes.ts) falls back through. */
const LABEL = ["label", "symbol", "name", "content", "text", "indicator", "messageEn"];

/** Fields resolved from the node's identity or by another loader: no property of their own. */
const NONE = [
  "__typename",
  "id",
  "kind",
  "key",
  "issuingOrganisation",
  "implements",
  "implementedBy",
  "citationsOut",
  "citationsIn",
  "tasks",
  "targets",
  "findings",
  "sources",
  "parent",
  "successors",
  "predecessors",
  "leads",
  "issued",
  "accountability",
  "statusHistory",
  "lead",
  "cooperating",
  "assignedBy",
  "partOf",
  "results",
  "actions",
  "performer",
  "serves",
  "setBy",
  "document",
];

/** Fields that read a property of the same name. */
const SAME = [
  "symbol",
  "issuer",
  "issuedOn",
  "title",
  "jurisdiction",
  "type",
  "system",
  "tier",
  "held",
  "name",
  "code",
  "validFrom",
  "validTo",
  "aliases",
  "registered",
  "collective",
  "content",
  "ref",
  "product",
  "section",
  "text",
  "actor",
  "unit",
  "quantity",
  "total",
  "indicator",
  "comparator",
  "valueText",
  "horizon",
  "value",
  "severity",
  "messageVi",
  "messageEn",
  "evidence",
  "sha256",
  "path",
  "format",
  "ingestedAt",
  "extractorVersion",
  "chars",
];

const PROPS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...NONE.map((f) => [f, []] as const),
  ...SAME.map((f) => [f, [f]] as const),
  ["label", LABEL],
  ["year", ["year", "issuedOn"]],
  ["daysAfter", ["issuedOn"]],
  ["findingKind", ["kind"]],
  ["deadline", ["deadlineText", "deadlineFrom", "deadlineTo", "recurring"]],
]);

export interface Projection {
  /** Properties to read; undefined: all. */
  props?: string[];
  /** Whether the edges' relations (with their evidence) are selected. */
  rels: boolean;
}

/**
 * For a connection field (edges { node relations }): the one being resolved, or `fields` (the nodes of
 * one response key) when a nested connection is planned ahead of its resolver (nested.ts).
 */
export function connectionProjection(
  info: GraphQLResolveInfo,
  fields: readonly FieldNode[] = info.fieldNodes,
): Projection {
  // graphql-js hands every sibling in a list the same field-node array (per request): a nested
  // connection asks this hundreds of times with the same answer.
  let projection = projections.get(fields);
  if (!projection) {
    projection = projectionOf(info, fields);
    projections.set(fields, projection);
  }
  return projection;
}

const projections = new WeakMap<readonly FieldNode[], Projection>();

function projectionOf(info: GraphQLResolveInfo, fields: readonly FieldNode[]): Projection {
  const edges = childFields(info, fields).filter((f) => f.name.value === "edges");
  const below = childFields(info, edges);
  const rels = below.some((f) => f.name.value === "relations");
  const props = new Set<string>();
  for (const field of childFields(
    info,
    below.filter((f) => f.name.value === "node"),
  )) {
    const needed = PROPS.get(field.name.value);
    if (!needed) return { rels };
    for (const p of needed) props.add(p);
  }
  return { props: [...props], rels };
}
