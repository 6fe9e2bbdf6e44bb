// `chidao serve` (`npm start`): Neo4j (embedded or NEO4J_URI), migrations, then GraphQL on PORT.
// SIGINT/SIGTERM close the HTTP server, the driver and the embedded Neo4j before the process exits,
// so no Java process outlives it.
import { createServer, type Route } from "../api/server.ts";
import type { GraphConnection } from "../graph/connection.ts";
import { GraphUnavailableError, openGraph } from "../graph/connection.ts";
import { EmbeddedNeo4jError } from "../graph/embedded.ts";
import { warmLineagePlans } from "../graph/lineage.ts";
import { MigrationError } from "../graph/migrations.ts";
import { handleExplorer, prepareExplorer } from "../web/handler.ts";
import { ingestSeeds } from "./ingest.ts";

export async function serve(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write(
      `chidao serve: takes no arguments (got ${args.join(" ")}); configure with PORT, HOST, NEO4J_URI …\n`,
    );
    return 2;
  }
  const port = Number(process.env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`chidao serve: PORT=${process.env.PORT} is not a port number\n`);
    return 2;
  }
  const host = process.env.HOST?.trim() || "127.0.0.1";

  // A signal during start-up is honoured once start-up reaches a point where it can clean up.
  let stopRequested: NodeJS.Signals | undefined;
  let onStop: (signal: NodeJS.Signals) => void = (signal) => {
    stopRequested = signal;
  };
  const handler = (signal: NodeJS.Signals) => onStop(signal);
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);

  let graph: GraphConnection | undefined;
  try {
    process.stdout.write("chidao: starting Neo4j…\n");
    graph = await openGraph();

    // seeds/ is ingested (unchanged files skipped by checksum) before the server answers.
    await ingestSeeds(graph);

    // The explorer at `/` (its client is bundled in memory now, so the first page is quick).
    await prepareExplorer();
    const routes: Route[] = [handleExplorer];
    const server = await createServer({ graph, routes });
    await warmLineagePlans(graph);
    if (stopRequested) {
      await server.close();
      return 0;
    }
    const url = await server.listen(port, host);
    process.stdout.write(
      `chidao: GraphQL at ${url}/graphql (Neo4j ${graph.uri}, database ${graph.database})\n`,
    );

    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      onStop = resolve;
      if (stopRequested) resolve(stopRequested);
    });
    process.stdout.write(`chidao: ${signal}, shutting down…\n`);
    await server.close();
    return 0;
  } catch (error) {
    const known = [EmbeddedNeo4jError, GraphUnavailableError, MigrationError];
    if (known.some((kind) => error instanceof kind)) {
      process.stderr.write(`chidao: ${(error as Error).message}\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      process.stderr.write(`chidao: port ${host}:${port} is already in use: set PORT to a free port.\n`);
      return 1;
    }
    throw error;
  } finally {
    await graph?.close();
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  }
}
