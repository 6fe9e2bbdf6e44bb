// Finding a document from what a person types: any citation form ("Nghị quyết số 36-NQ/TW",
// "36-NQ/TW", "nghi quyet 36-nq/tw") or a document key. The reference is read by the same citation
// parser that reads documents — one way of reading citations — and matched on the folded symbol, so
// case and diacritics do not matter.
import { extractCitations } from "../../extract/citations/index.ts";
import { fold } from "../../extract/normalise.ts";
import { slugify } from "../../extract/organisations/index.ts";
import type { DocumentRef } from "../../extract/types.ts";
import type { GraphConnection } from "../connection.ts";
import { cypher } from "./cypher.ts";
import { type GraphNode, toGraphNode } from "./nodes.ts";

export type DocumentLookup =
  | { status: "FOUND"; node: GraphNode }
  | { status: "NOT_FOUND" }
  | { status: "AMBIGUOUS"; candidates: GraphNode[] };

/**
 * The documents `ref` names, read as written and, failing that, with symbol-like words in capitals:
 * people type "36-nq/tw", while documents write symbols in capitals and the parser relies on that.
 * A reference that starts with its type and number reads like a document header, so the parser's
 * own-identity answer counts as well as its citations.
 */
export function readReference(ref: string): DocumentRef[] {
  const read = (text: string) => {
    const extraction = extractCitations(text);
    return [extraction.document, ...extraction.citations].filter((c) => c.symbol);
  };
  const text = ref.normalize("NFC").trim();
  const found = read(text);
  if (found.length > 0) return found;
  const capitalised = text.replace(/[\p{L}\p{N}]*\d[\p{L}\p{N}]*(?:[/-][\p{L}\p{N}]+)+/gu, (w) =>
    w.toUpperCase(),
  );
  return capitalised === text ? [] : read(capitalised);
}

export async function findDocument(
  graph: GraphConnection,
  ref: string,
  jurisdiction: string | null | undefined,
  timeoutMs?: number,
): Promise<DocumentLookup> {
  const refs = readReference(ref);
  const symbols = [...new Set(refs.map((r) => fold(r.symbol as string)))];
  const records = await graph.read(
    async (tx) => (await tx.run(cypher("api-documents-by-symbol"), { symbols, key: ref.trim() })).records,
    timeoutMs === undefined ? undefined : { timeoutMs },
  );
  let candidates = records.map((r) => toGraphNode(r.get("node"))).filter((n): n is GraphNode => n !== null);
  const exactKey = candidates.find((c) => c.key === ref.trim());
  if (exactKey) return { status: "FOUND", node: exactKey };

  if (jurisdiction?.trim()) {
    const wanted = slugify(jurisdiction);
    candidates = candidates.filter((c) => c.props.jurisdiction === wanted);
  }
  // What else the reference says narrows the candidates, but only when it does not rule them all out:
  // a typed date may be slightly wrong, and a cited document may lack a year in the graph.
  candidates = narrow(candidates, (c) => refs.some((r) => sameYear(c, yearOf(r))));
  candidates = narrow(candidates, (c) => refs.some((r) => r.type !== "OTHER" && c.props.type === r.type));
  candidates = narrow(candidates, (c) =>
    refs.some((r) => r.jurisdiction !== null && c.props.jurisdiction === r.jurisdiction),
  );

  if (candidates.length === 0) return { status: "NOT_FOUND" };
  if (candidates.length === 1) return { status: "FOUND", node: candidates[0] as GraphNode };
  return { status: "AMBIGUOUS", candidates };
}

function narrow(candidates: GraphNode[], keep: (c: GraphNode) => boolean): GraphNode[] {
  const kept = candidates.filter(keep);
  return kept.length > 0 ? kept : candidates;
}

/** The year a reference gives: from its date, else from its key (QPPL symbols carry the year). */
function yearOf(ref: DocumentRef): string | null {
  const fromKey = ref.key.split("|").pop() ?? "";
  return ref.date?.slice(0, 4) ?? (/^\d{4}$/.test(fromKey) ? fromKey : null);
}

function sameYear(node: GraphNode, year: string | null): boolean {
  if (year === null) return false;
  const own =
    node.props.year ?? (typeof node.props.issuedOn === "string" ? node.props.issuedOn.slice(0, 4) : null);
  return own !== null && String(own) === year;
}
