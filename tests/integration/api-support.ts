// Shared by the api*.test.ts files: a real server on a free port, a real HTTP client, and a graph
// connection that counts Cypher round trips. The machine running tests is shared and often loaded,
// hence a generous per-query timeout.

import { type ChidaoServer, createServer, type ServerOptions } from "../../src/api/server.ts";
import type { GraphConnection } from "../../src/graph/connection.ts";

export interface GraphQLResponse {
  status: number;
  /** `data` of the answer, `{}` when there was none, so assertions can walk it. */
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are walked by the assertions
  data: Record<string, any>;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface RunningApi {
  url: string;
  server: ChidaoServer;
  query(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

export async function startApi(
  graph: GraphConnection,
  options: Omit<ServerOptions, "graph"> = {},
): Promise<RunningApi> {
  const server = await createServer({
    graph,
    ...options,
    api: { apiKey: null, timeoutMs: 60_000, ...options.api },
  });
  const url = await server.listen(0);
  return {
    url,
    server,
    async query(query, variables = {}, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, "status">;
      return { status: response.status, ...body, data: body.data ?? {} };
    },
    close: () => server.close(),
  };
}

/** Wraps a connection so every `tx.run` (one Cypher round trip) is counted. */
export function countingGraph(graph: GraphConnection): {
  graph: GraphConnection;
  count(): number;
  reset(): void;
} {
  let runs = 0;
  const wrap =
    <T>(method: "read" | "write") =>
    (work: (tx: never) => Promise<T>, options?: { timeoutMs?: number }) =>
      graph[method](
        (tx) =>
          work(
            new Proxy(tx, {
              get(target, prop, receiver) {
                if (prop === "run") {
                  return (...args: unknown[]) => {
                    runs++;
                    return (target.run as (...a: unknown[]) => unknown)(...args);
                  };
                }
                return Reflect.get(target, prop, receiver);
              },
            }) as never,
          ),
        options,
      );
  const counted = Object.create(graph) as GraphConnection;
  Object.assign(counted, { read: wrap("read"), write: wrap("write") });
  return { graph: counted, count: () => runs, reset: () => (runs = 0) };
}

export function codes(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((e) => String(e.extensions?.code));
}
