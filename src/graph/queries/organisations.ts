// Finding an organisation from what a person types: its key, its code, or its name or an alias in any
// spelling ("Sở KH&CN", "so khoa hoc va cong nghe").
import { matchKey } from "../../extract/organisations/index.ts";
import type { GraphConnection } from "../connection.ts";
import { cypher } from "./cypher.ts";
import { type GraphNode, plain, toGraphNode } from "./nodes.ts";
import { luceneQuery } from "./search.ts";

export type OrganisationLookup =
  | { status: "FOUND"; node: GraphNode }
  | { status: "NOT_FOUND" }
  | { status: "AMBIGUOUS"; candidates: GraphNode[] };

export async function findOrganisation(
  graph: GraphConnection,
  ref: string,
  timeoutMs?: number,
): Promise<OrganisationLookup> {
  const wanted = matchKey(ref);
  const query = luceneQuery(ref);
  if (query === null) return { status: "NOT_FOUND" };
  const records = await graph.read(
    async (tx) =>
      (
        await tx.run(cypher("api-organisations-lookup"), {
          key: ref.trim(),
          code: ref.trim().toUpperCase(),
          query,
        })
      ).records,
    timeoutMs === undefined ? undefined : { timeoutMs },
  );
  const hits = records
    .map((r) => ({ node: toGraphNode(r.get("node")), score: Number(plain(r.get("score"))) }))
    .filter((h): h is { node: GraphNode; score: number } => h.node !== null);
  if (hits.length === 0) return { status: "NOT_FOUND" };
  const byKeyOrCode = hits.filter((h) => h.score >= 50);
  if (byKeyOrCode.length === 1)
    return { status: "FOUND", node: (byKeyOrCode[0] as { node: GraphNode }).node };
  const exact = hits.filter((h) => namesOf(h.node).some((n) => matchKey(n) === wanted));
  if (exact.length === 1) return { status: "FOUND", node: (exact[0] as { node: GraphNode }).node };
  if (exact.length > 1) return { status: "AMBIGUOUS", candidates: exact.map((h) => h.node) };
  return { status: "NOT_FOUND" };
}

function namesOf(node: GraphNode): string[] {
  const { name, aliases, code } = node.props;
  const list = Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === "string") : [];
  return [typeof name === "string" ? name : "", typeof code === "string" ? code : "", ...list];
}
