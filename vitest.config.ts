import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/neo4j.global.ts"],
    // Each file isolates its own data; files run in parallel against one shared Neo4j.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
