// Mutations, present in the schema only when CHIDAO_API_KEY is set, and then refused without it as a
// bearer token. They call the ingest's own functions: one way of writing the graph.

import { deleteSource, ingestPaths, sourceKey } from "../../graph/ingest.ts";
import { uidOf } from "../../graph/queries/nodes.ts";
import type { ApiContext } from "../context.ts";
import { userError } from "../errors.ts";
import { fromGlobalId } from "../ids.ts";
import type { Args } from "./helpers.ts";

function requireKey(ctx: ApiContext): void {
  if (!ctx.authorised)
    throw userError("UNAUTHENTICATED", "This mutation needs the API key as a bearer token.");
}

export const mutationResolvers = {
  ingestFile: async (_: unknown, args: Args, ctx: ApiContext) => {
    requireKey(ctx);
    const path = String(args.path ?? "");
    if (path.length === 0 || path.length > 4096)
      throw userError("BAD_USER_INPUT", "path must be a file path.", { argument: "path" });
    const [outcome] = await ingestPaths(ctx.graph, [path]);
    if (!outcome || outcome.status === "failed") {
      throw userError("BAD_USER_INPUT", outcome?.error ?? `Nothing to ingest at ${path}.`, {
        argument: "path",
      });
    }
    const source = await ctx.loaders.nodes.load(uidOf("SOURCE", sourceKey(outcome.path)));
    return { source, skipped: outcome.status === "unchanged", warnings: outcome.warnings };
  },

  deleteSource: async (_: unknown, args: Args, ctx: ApiContext) => {
    requireKey(ctx);
    const id = fromGlobalId(String(args.id ?? ""));
    if (id.kind !== "SOURCE")
      throw userError("BAD_USER_INPUT", "id must be a source id.", { argument: "id" });
    if (!(await deleteSource(ctx.graph, id.key)))
      throw userError("NOT_FOUND", "No source has this id.", { argument: "id" });
    return true;
  },
};
