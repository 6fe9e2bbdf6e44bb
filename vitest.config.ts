import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// graphql 16 ships CJS (main) and ESM (module): Node gives Apollo the CJS build, Vite would give our
// sources the ESM one, and two graphql realms cannot share a schema. Pin sources to Node's choice.
const graphqlAsNodeResolvesIt = createRequire(import.meta.url).resolve("graphql");

// Two projects: `unit` is pure (extraction, parsing) and needs no database; `integration` shares
// one real Neo4j started by the global setup. `npm test` runs both.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias: [{ find: /^graphql$/, replacement: graphqlAsNodeResolvesIt }] },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/neo4j.global.ts"],
          // One shared database (Community Edition has one user database): files take turns and
          // each file clears what it needs in beforeAll.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
