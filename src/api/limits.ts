// Limits on what one request may ask for, checked after the operation is resolved (so variables are
// known) and before anything runs: depth, aliases, and a cost that multiplies by page sizes — a
// connection asked for `first: 100` inside another asked for `first: 100` costs 10,000 per field —
// so an expensive query is refused as a whole instead of half-run.
import type { ApolloServerPlugin } from "@apollo/server";
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from "graphql";
import { requestError } from "./errors.ts";

export interface Limits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: Limits = { maxDepth: 15, maxAliases: 30, maxCost: 50_000 };

/** Fields whose `first` argument is not a page size (paths: number of chains, ≤ 10). */
const FIRST_IS_PAGE = (field: GraphQLField<unknown, unknown>) => field.args.some((a) => a.name === "first");

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  aliases: number;
  maxDepth: number;
}

function argumentValue(node: FieldNode, name: string, walk: Walk): unknown {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  return valueFromASTUntyped(arg.value as ValueNode, walk.variables);
}

/** Cost of a selection set under `multiplier` parents; records depth and aliases on the way. */
function costOf(
  set: SelectionSetNode,
  typeName: string,
  depth: number,
  multiplier: number,
  walk: Walk,
  seen: Set<string>,
): number {
  walk.maxDepth = Math.max(walk.maxDepth, depth);
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) walk.aliases++;
      cost += multiplier;
      if (!selection.selectionSet) continue;
      const parent = walk.schema.getType(typeName);
      const field =
        isObjectType(parent) || isInterfaceType(parent)
          ? parent.getFields()[selection.name.value]
          : undefined;
      let page = 1;
      if (field && FIRST_IS_PAGE(field)) {
        const given = argumentValue(selection, "first", walk);
        const fallback = field.args.find((a) => a.name === "first")?.defaultValue;
        const value = Number(given ?? fallback ?? 1);
        page = Number.isFinite(value) ? Math.max(1, value) : 1;
      }
      const childType = field ? getNamedType(field.type).name : typeName;
      cost += costOf(selection.selectionSet, childType, depth + 1, multiplier * page, walk, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition?.name.value ?? typeName;
      cost += costOf(selection.selectionSet, type, depth, multiplier, walk, seen);
    } else {
      const fragment = walk.fragments[selection.name.value];
      if (!fragment || seen.has(fragment.name.value)) continue;
      const inner = new Set(seen).add(fragment.name.value);
      cost += costOf(
        fragment.selectionSet,
        fragment.typeCondition.name.value,
        depth,
        multiplier,
        walk,
        inner,
      );
    }
  }
  return cost;
}

export function limitsPlugin(limits: Limits = DEFAULT_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          if (operation.operation === "mutation" && !schema.getMutationType()) {
            throw requestError(
              "BAD_USER_INPUT",
              "This server is read-only: mutations exist only when CHIDAO_API_KEY is set.",
            );
          }
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions)
            if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const walk: Walk = {
            schema,
            fragments,
            variables: request.variables ?? {},
            aliases: 0,
            maxDepth: 0,
          };
          const root =
            operation.operation === "mutation"
              ? "Mutation"
              : operation.operation === "subscription"
                ? "Subscription"
                : "Query";
          const cost = costOf(operation.selectionSet, root, 1, 1, walk, new Set());
          if (walk.maxDepth > limits.maxDepth) {
            throw requestError(
              "LIMIT_EXCEEDED",
              `Query depth ${walk.maxDepth} exceeds the limit of ${limits.maxDepth}.`,
              { limit: "depth" },
            );
          }
          if (walk.aliases > limits.maxAliases) {
            throw requestError(
              "LIMIT_EXCEEDED",
              `Query uses ${walk.aliases} aliases; the limit is ${limits.maxAliases}.`,
              { limit: "aliases" },
            );
          }
          if (cost > limits.maxCost) {
            throw requestError(
              "LIMIT_EXCEEDED",
              `Query cost ${cost} exceeds the limit of ${limits.maxCost} (page sizes multiply).`,
              {
                limit: "cost",
                cost,
              },
            );
          }
        },
      };
    },
  };
}
