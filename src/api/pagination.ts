// Relay cursor connections over offset cursors. Every list the API returns is ordered by a stable
// key (date, then key), so an offset is a faithful cursor between two requests on an unchanged graph.
import { userError } from "./errors.ts";

export const MAX_PAGE = 100;

export interface Page {
  offset: number;
  limit: number;
}

/** Validates `first`/`after`: 0 ≤ first ≤ max, after a cursor we issued. */
export function pageOf(
  first: number | null | undefined,
  after: string | null | undefined,
  max = MAX_PAGE,
  fallback = 20,
): Page {
  const limit = first ?? fallback;
  if (!Number.isInteger(limit) || limit < 0 || limit > max) {
    throw userError("BAD_USER_INPUT", `first must be between 0 and ${max}.`, { argument: "first", max });
  }
  return { offset: after ? decodeCursor(after) + 1 : 0, limit };
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  const match = /^o:(\d{1,9})$/.exec(text);
  if (!match) throw userError("BAD_USER_INPUT", "after is not a valid cursor.", { argument: "after" });
  return Number(match[1]);
}

export interface Connection<E> {
  edges: Array<E & { cursor: string }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/** A connection from one page of items, `items[0]` being at `page.offset`. */
export function connectionOf<E>(items: E[], total: number, page: Page): Connection<E> {
  const edges = items.slice(0, page.limit).map((e, i) => ({ ...e, cursor: encodeCursor(page.offset + i) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.offset + edges.length < total,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: total,
  };
}

/** A connection over a list already in memory, each item made into an edge by `edge`. */
export function sliceConnection<T, E>(all: T[], page: Page, edge: (item: T) => E): Connection<E>;
export function sliceConnection<E>(all: E[], page: Page): Connection<E>;
export function sliceConnection<T, E>(all: T[], page: Page, edge?: (item: T) => E): Connection<E> {
  const items = all.slice(page.offset, page.offset + page.limit);
  return connectionOf(edge ? items.map(edge) : (items as unknown as E[]), all.length, page);
}
