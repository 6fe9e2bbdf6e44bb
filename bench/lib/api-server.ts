// Chidao's GraphQL server as a benchmark child process, on the benchmark's Neo4j (NEO4J_URI), with
// one extra route, GET /__bench/stats, that returns how many Cypher statements the server has sent
// so far: the benchmark reads it around a sequence of requests to get round trips per request.
// Prints "LISTENING <url>"; exits when its stdin closes (the benchmark is gone) or on SIGTERM.
// With CHIDAO_BENCH_MANAGED_READS=1 its reads run in managed transactions (executeRead), as they did
// before round 5: the baseline of the A/B that measures what auto-commit reads save.
import neo4j from "neo4j-driver";
import { createServer } from "../../src/api/server.ts";
import { type GraphConnection, openGraph, type QueryRunner } from "../../src/graph/connection.ts";
import { announceAndServe, runChild } from "./child.ts";

let statements = 0;

function counting<T extends QueryRunner>(tx: T): T {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === "run")
        return (...args: Parameters<QueryRunner["run"]>) => {
          statements++;
          return target.run(...args);
        };
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** Reads in managed transactions, each a session of its own, as connection.ts did before round 5. */
function managedRead(graph: GraphConnection): GraphConnection["read"] {
  return async (work, options) => {
    const session = graph.driver.session({
      database: graph.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: graph.driver.executeQueryBookmarkManager,
    });
    try {
      return await session.executeRead(work, options?.timeoutMs ? { timeout: options.timeoutMs } : undefined);
    } finally {
      await session.close();
    }
  };
}

function countingGraph(graph: GraphConnection): GraphConnection {
  const read = process.env.CHIDAO_BENCH_MANAGED_READS === "1" ? managedRead(graph) : graph.read;
  return {
    driver: graph.driver,
    database: graph.database,
    uri: graph.uri,
    read: (work, options) => read((tx) => work(counting(tx)), options),
    write: (work, options) => graph.write((tx) => work(counting(tx)), options),
    close: () => graph.close(),
  };
}

async function main(): Promise<void> {
  if (!process.env.NEO4J_URI) throw new Error("NEO4J_URI is required");
  const graph = countingGraph(await openGraph());
  const server = await createServer({
    graph,
    routes: [
      (req, res) => {
        if (req.url !== "/__bench/stats") return false;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ statements }));
        return true;
      },
    ],
  });
  const url = await server.listen(0, "127.0.0.1");
  announceAndServe(url, async () => {
    await server.close();
    await graph.close();
  });
}

runChild("api-server", main);
