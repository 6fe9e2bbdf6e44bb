// `health`: read from the real server on every request, so it proves Neo4j answers.
import { appliedMigrations } from "../../graph/migrations.ts";
import type { ApiContext } from "../context.ts";

export async function health(_parent: unknown, _args: unknown, { graph }: ApiContext) {
  const [server, migrations] = await Promise.all([
    graph.read(
      async (tx) => {
        const result = await tx.run(
          "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition",
        );
        return result.records[0];
      },
      { timeoutMs: 5_000 },
    ),
    appliedMigrations(graph),
  ]);
  return {
    neo4jVersion: server?.get("version") as string,
    edition: server?.get("edition") as string,
    database: graph.database,
    migrations,
  };
}
