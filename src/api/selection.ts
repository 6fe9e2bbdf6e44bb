// What a query selects below a field, through fragments and inline fragments, so a resolver can do
// only the work its selection needs: a lineage page without walking the whole reachable set, a
// connection's nodes without reading properties nobody asked for. @skip/@include are not evaluated:
// a field under them counts as selected, which costs work, never correctness.
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
  valueFromASTUntyped,
} from "graphql";

/** The fields directly below `fields` (several nodes when the same field is selected twice). */
export function childFields(info: GraphQLResolveInfo, fields: readonly FieldNode[]): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = info.fragments[selection.name.value] as FragmentDefinitionNode | undefined;
        if (fragment) visit(fragment.selectionSet, new Set(seen).add(selection.name.value));
      }
    }
  };
  for (const field of fields) visit(field.selectionSet, new Set());
  return out;
}

/** A field's argument as the query gave it (variables substituted); undefined when absent. */
export function argumentOf(info: GraphQLResolveInfo, field: FieldNode, name: string): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  return arg ? valueFromASTUntyped(arg.value, info.variableValues) : undefined;
}
