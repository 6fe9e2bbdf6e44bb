// Errors clients may see. Everything else is masked: the client gets INTERNAL_SERVER_ERROR and a
// request id, the log gets the detail (Cypher, stack), because a Neo4j message can quote the query.
import { GraphQLError, type GraphQLFormattedError } from "graphql";

export type ErrorCode =
  | "BAD_USER_INPUT"
  | "AMBIGUOUS_REFERENCE"
  | "NOT_FOUND"
  | "LIMIT_EXCEEDED"
  | "TIMEOUT"
  | "UNAUTHENTICATED";

const PUBLIC_CODES = new Set<string>([
  "BAD_USER_INPUT",
  "AMBIGUOUS_REFERENCE",
  "NOT_FOUND",
  "LIMIT_EXCEEDED",
  "TIMEOUT",
  "UNAUTHENTICATED",
]);

/** Apollo's own codes for problems in the request itself; their messages name only the request. */
const REQUEST_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: "BAD_USER_INPUT",
  GRAPHQL_VALIDATION_FAILED: "BAD_USER_INPUT",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  OPERATION_RESOLUTION_FAILURE: "BAD_USER_INPUT",
  BAD_REQUEST: "BAD_USER_INPUT",
  PERSISTED_QUERY_NOT_SUPPORTED: "BAD_USER_INPUT",
};

export function userError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** A request refused before it runs (limits): HTTP 400, as Apollo does for validation errors. */
export function requestError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return userError(code, message, { ...extensions, http: { status: 400 } });
}

/** Neo4j's codes for a transaction stopped by its timeout (server- or client-configured). */
function isTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === "string" &&
    /TransactionTimedOut|Transaction\.Terminated|TransactionMarkedAsFailed/.test(code)
  );
}

let nextId = 0;

/**
 * Apollo `formatError`: keeps public codes and request errors, turns a Neo4j timeout into TIMEOUT and
 * masks the rest, logging what was masked with an id the client can quote.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
  const code = String(formatted.extensions?.code ?? "");
  if (PUBLIC_CODES.has(code)) {
    return {
      message: formatted.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: pick(formatted.extensions),
    };
  }
  const requestCode = REQUEST_CODES[code];
  if (requestCode) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: requestCode } };
  }
  if (isTimeout(original)) {
    return {
      message: "The query took too long and was stopped.",
      path: formatted.path,
      extensions: { code: "TIMEOUT" },
    };
  }
  const id = `e${Date.now().toString(36)}${(nextId++).toString(36)}`;
  process.stderr.write(
    `[api] masked error ${id}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}\n`,
  );
  return {
    message: "Internal server error.",
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR", errorId: id },
  };
}

function pick(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  const { stacktrace: _stack, ...rest } = extensions ?? {};
  return rest;
}
