// Relay global ids: base64url of "Label:key". Keys, not element ids, because element ids can be
// reused after a delete and a bookmarked id must never silently point at another node.
import { type NodeKind, parseUid, uidOf } from "../graph/queries/nodes.ts";
import { userError } from "./errors.ts";

export function toGlobalId(uid: string): string {
  return Buffer.from(uid, "utf8").toString("base64url");
}

/** Decodes a global id; BAD_USER_INPUT when it is not one of ours. */
export function fromGlobalId(id: string, argument = "id"): { uid: string; kind: NodeKind; key: string } {
  const uid = /^[A-Za-z0-9_-]{1,2000}$/.test(id) ? Buffer.from(id, "base64url").toString("utf8") : "";
  const parsed = parseUid(uid);
  if (!parsed || toGlobalId(uid) !== id)
    throw userError("BAD_USER_INPUT", `${argument} is not a valid node id.`);
  return { uid, ...parsed };
}

export function globalIdOf(kind: NodeKind, key: string): string {
  return toGlobalId(uidOf(kind, key));
}
