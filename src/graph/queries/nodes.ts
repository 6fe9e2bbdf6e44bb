// The read side's view of a graph node: its element id (for seeks inside the server), its stable
// identity `Label:key` (what global ids encode, because element ids may be reused after deletes), and
// its properties as plain JSON values.
import neo4j from "neo4j-driver";
import type { QueryRunner } from "../connection.ts";
import { cypher } from "./cypher.ts";

export type NodeKind = "DOCUMENT" | "ORGANISATION" | "TASK" | "ACTION" | "TARGET" | "FINDING" | "SOURCE";

export const LABEL_OF: Record<NodeKind, string> = {
  DOCUMENT: "Document",
  ORGANISATION: "Organisation",
  TASK: "Task",
  ACTION: "Action",
  TARGET: "Target",
  FINDING: "Finding",
  SOURCE: "Source",
};

const KIND_OF: Record<string, NodeKind> = Object.fromEntries(
  Object.entries(LABEL_OF).map(([kind, label]) => [label, kind as NodeKind]),
);

export interface GraphNode {
  eid: string;
  /** "Label:key" — stable across restarts and re-ingests. */
  uid: string;
  kind: NodeKind;
  key: string;
  props: Record<string, unknown>;
}

/** Converts driver values (Integer, temporal, nested lists/maps) to plain JSON values. */
export function plain(value: unknown): unknown {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") {
    if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return String(value);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

export function uidOf(kind: NodeKind, key: string): string {
  return `${LABEL_OF[kind]}:${key}`;
}

/** Splits "Label:key"; null when the label is not a node kind. */
export function parseUid(uid: string): { kind: NodeKind; key: string } | null {
  const at = uid.indexOf(":");
  if (at <= 0) return null;
  const kind = KIND_OF[uid.slice(0, at)];
  return kind ? { kind, key: uid.slice(at + 1) } : null;
}

/** Builds a GraphNode from the `{eid, labels, props}` projection every read query returns. */
export function toGraphNode(raw: unknown): GraphNode | null {
  if (raw === null || raw === undefined) return null;
  return graphNodeOf(plain(raw) as { eid: string; labels: string[]; props: Record<string, unknown> });
}

/** The same from a projection already made plain (with the rest of its record, in one pass). */
export function graphNodeOf(r: {
  eid: string;
  labels: string[];
  props: Record<string, unknown>;
}): GraphNode | null {
  const label = r.labels.find((l) => KIND_OF[l] !== undefined);
  const key = r.props.key;
  if (!label || typeof key !== "string") return null;
  const kind = KIND_OF[label] as NodeKind;
  return { eid: r.eid, uid: `${label}:${key}`, kind, key, props: r.props };
}

/** What a person reads for a node, falling back through the properties each kind has. */
export function labelOf(node: GraphNode): string {
  const p = node.props;
  const pick = (...names: string[]) => {
    for (const n of names) if (typeof p[n] === "string" && p[n]) return p[n] as string;
    return node.key;
  };
  return pick("label", "symbol", "name", "content", "text", "indicator", "messageEn");
}

/** Fetches nodes by uid in one round trip; unknown uids are absent from the map. */
export async function fetchNodes(tx: QueryRunner, uids: readonly string[]): Promise<Map<string, GraphNode>> {
  const refs = [];
  for (const uid of new Set(uids)) {
    const parsed = parseUid(uid);
    if (parsed) refs.push({ uid, label: LABEL_OF[parsed.kind], key: parsed.key });
  }
  const found = new Map<string, GraphNode>();
  if (refs.length === 0) return found;
  const result = await tx.run(cypher("api-nodes"), { batch: { refs } });
  for (const record of result.records) {
    const node = toGraphNode(record.get("node"));
    if (node) found.set(record.get("uid") as string, node);
  }
  return found;
}
