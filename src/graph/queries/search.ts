// Diacritic-insensitive search (tìm kiếm không dấu): the query is folded the way the ingest folds the
// indexed twins, cut into words, and rebuilt as a Lucene query from those words only — so no input can
// reach Lucene's syntax — ranking an exact phrase above all words above any word.
import neo4j from "neo4j-driver";
import { fold } from "../../extract/normalise.ts";
import type { GraphConnection } from "../connection.ts";
import { cypher } from "./cypher.ts";
import type { GraphNode, NodeKind } from "./nodes.ts";
import { plain, toGraphNode } from "./nodes.ts";

const INDEX_OF: Partial<Record<NodeKind, string>> = {
  DOCUMENT: "document_search",
  ORGANISATION: "organisation_search",
  TASK: "task_search",
  ACTION: "action_search",
  TARGET: "target_search",
  FINDING: "finding_search",
};

export const SEARCHABLE_KINDS = Object.keys(INDEX_OF) as NodeKind[];
const MAX_WORDS = 24;
const MAX_HITS = 1000;

/** Backslash-escapes every character Lucene's query parser treats as syntax. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, "\\$&");
}

/** The Lucene query for a user's text, or null when it holds no searchable word. */
export function luceneQuery(text: string): string | null {
  const words = fold(text.normalize("NFC"))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS)
    .map((w) => escapeLucene(w.slice(0, 64)));
  if (words.length === 0) return null;
  const parts = [words.join(" ")];
  if (words.length > 1) parts.unshift(`"${words.join(" ")}"^4`, `(${words.map((w) => `+${w}`).join(" ")})^2`);
  const last = words[words.length - 1] as string;
  // Suggestions as you type: the last word may be unfinished.
  if (last.length >= 2 && !/^\d+$/.test(last)) parts.push(`${last}*`);
  return parts.join(" ");
}

export interface SearchHit {
  node: GraphNode;
  score: number;
}

/** Hits best first (at most 1,000), for the given kinds or all searchable ones. */
export async function searchNodes(
  graph: GraphConnection,
  text: string,
  kinds: readonly NodeKind[] | null | undefined,
  timeoutMs?: number,
): Promise<SearchHit[]> {
  const query = luceneQuery(text);
  if (query === null) return [];
  const indexes = (kinds?.length ? kinds : SEARCHABLE_KINDS)
    .map((k) => INDEX_OF[k])
    .filter((i) => i !== undefined);
  if (indexes.length === 0) return [];
  const records = await graph.read(
    async (tx) =>
      (await tx.run(cypher("search-nodes"), { indexes, query, cap: neo4j.int(MAX_HITS) })).records,
    timeoutMs === undefined ? undefined : { timeoutMs },
  );
  const hits: SearchHit[] = [];
  for (const r of records) {
    const node = toGraphNode(r.get("node"));
    if (node) hits.push({ node, score: Number(plain(r.get("score"))) });
  }
  hits.sort((a, b) => b.score - a.score || a.node.uid.localeCompare(b.node.uid));
  return hits.slice(0, MAX_HITS);
}
