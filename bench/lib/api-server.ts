// Chidao's GraphQL server as a benchmark child process, on the benchmark's Neo4j (NEO4J_URI), with
// one extra route, GET /__bench/stats, that returns how many Cypher statements the server has sent
// so far: the benchmark reads it around a sequence of requests to get round trips per request.
// Prints "LISTENING <url>"; exits when its stdin closes (the benchmark is gone) or on SIGTERM.
import type { ManagedTransaction } from "neo4j-driver";
import { createServer } from "../../src/api/server.ts";
import { type GraphConnection, openGraph } from "../../src/graph/connection.ts";
import { announceAndServe, runChild } from "./child.ts";

let statements = 0;

function counting(tx: ManagedTransaction): ManagedTransaction {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === "run")
        return (...args: Parameters<ManagedTransaction["run"]>) => {
          statements++;
          return target.run(...args);
        };
      return Reflect.get(target, prop, receiver);
    },
  });
}

function countingGraph(graph: GraphConnection): GraphConnection {
  return {
    driver: graph.driver,
    database: graph.database,
    uri: graph.uri,
    read: (work, options) => graph.read((tx) => work(counting(tx)), options),
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
