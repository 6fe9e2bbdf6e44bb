// The foundation against a real Neo4j: the driver round trip and the migration runner.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { appliedMigrations, applyMigrations, MigrationError } from "../../src/graph/migrations.ts";
import { clearGraph, openTestGraph } from "../helpers/graph.ts";

let graph: GraphConnection;

beforeAll(async () => {
  graph = await openTestGraph();
  await clearGraph(graph);
});

afterAll(async () => {
  await graph?.close();
});

async function count(query: string): Promise<number> {
  const result = await graph.read((tx) => tx.run(query));
  return neo4j.integer.toNumber(result.records[0]?.get("c"));
}

describe("connection", () => {
  it("writes through one managed transaction and reads it back in another session", async () => {
    await graph.write((tx) =>
      tx.run("CREATE (:FoundationSmoke {key: $key, text: $text})", { key: "smoke-1", text: "Chỉ đạo" }),
    );
    const text = await graph.read(async (tx) => {
      const result = await tx.run("MATCH (n:FoundationSmoke {key: $key}) RETURN n.text AS text", {
        key: "smoke-1",
      });
      return result.records.map((r) => r.get("text") as string);
    });
    expect(text).toEqual(["Chỉ đạo"]);
  });

  it("rolls a failed write back entirely", async () => {
    await expect(
      graph.write(async (tx) => {
        await tx.run("CREATE (:FoundationSmoke {key: 'rolled-back'})");
        await tx.run("RETURN 1/0");
      }),
    ).rejects.toThrow(/by zero/i);
    expect(await count("MATCH (n:FoundationSmoke {key: 'rolled-back'}) RETURN count(n) AS c")).toBe(0);
  });

  it("enforces the transaction timeout on the server", async () => {
    await expect(
      graph.read((tx) => tx.run("UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(x)"), {
        timeoutMs: 50,
      }),
    ).rejects.toThrow(/timeout|terminated/i);
  });

  it("runs a read's statements as auto-commit transactions, each on its own", async () => {
    // Neo4j accepts CALL … IN TRANSACTIONS only outside an explicit transaction.
    const result = await graph.read((tx) => tx.run("CALL () { RETURN 1 AS x } IN TRANSACTIONS RETURN x"));
    expect(neo4j.integer.toNumber(result.records[0]?.get("x"))).toBe(1);
  });

  it("runs a read again after a transient failure, and not after any other", async () => {
    let attempts = 0;
    const answer = await graph.read(async (tx) => {
      attempts++;
      const result = await tx.run("RETURN 42 AS x");
      if (attempts === 1)
        throw new neo4j.Neo4jError(
          "replica lagging",
          "Neo.TransientError.Database.DatabaseUnavailable",
          "",
          "",
        );
      return neo4j.integer.toNumber(result.records[0]?.get("x"));
    });
    expect([answer, attempts]).toEqual([42, 2]);

    attempts = 0;
    await expect(
      graph.read(async (tx) => {
        attempts++;
        await tx.run("RETURN 1/0");
      }),
    ).rejects.toThrow(/by zero/i);
    expect(attempts).toBe(1);
  });

  it("applied the repository's migrations, 001 first", async () => {
    const names = await appliedMigrations(graph);
    expect(names[0]).toBe("001-migration-key.cypher");
    const constraints = await graph.read(async (tx) => {
      const result = await tx.run("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names");
      return result.records[0]?.get("names") as string[];
    });
    expect(constraints).toContain("migration_name");
  });
});

describe("migrations", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chidao-migrations-"));
  const first = path.join(dir, "901-foundation-test.cypher");
  const second = path.join(dir, "902-foundation-test-data.cypher");

  afterAll(async () => {
    await graph.write((tx) => tx.run("DROP CONSTRAINT foundation_test_key IF EXISTS"));
    await graph.write((tx) =>
      tx.run("MATCH (n) WHERE n:FoundationTest OR (n:Migration AND n.name STARTS WITH '90') DETACH DELETE n"),
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("applies files in order, once, and records each with its checksum", async () => {
    fs.writeFileSync(
      first,
      "// a comment; with a semicolon\nCREATE CONSTRAINT foundation_test_key IF NOT EXISTS\n  FOR (n:FoundationTest) REQUIRE n.key IS UNIQUE;\n",
    );
    // Not idempotent on purpose: a second application would create a second node.
    fs.writeFileSync(second, "CREATE (:FoundationTest {key: 'a;b', note: \"x // y\"});\n\n");

    const once = await applyMigrations(graph, dir);
    expect(once.applied).toEqual(["901-foundation-test.cypher", "902-foundation-test-data.cypher"]);
    const twice = await applyMigrations(graph, dir);
    expect(twice.applied).toEqual([]);
    expect(twice.unchanged).toEqual(once.applied);

    const state = await graph.read(async (tx) => {
      const nodes = await tx.run("MATCH (n:FoundationTest) RETURN n.key AS key, n.note AS note");
      const records = await tx.run(
        "MATCH (m:Migration) WHERE m.name STARTS WITH '90' RETURN m.name AS name, m.checksum AS checksum, m.appliedAt IS NOT NULL AS dated ORDER BY name",
      );
      return {
        nodes: nodes.records.map((r) => r.toObject()),
        records: records.records.map((r) => r.toObject()),
      };
    });
    expect(state.nodes).toEqual([{ key: "a;b", note: "x // y" }]);
    expect(state.records.map((r) => r.name)).toEqual(once.applied);
    for (const record of state.records) {
      expect(record.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(record.dated).toBe(true);
    }
  });

  it("refuses an applied file whose content changed, naming the file", async () => {
    fs.appendFileSync(second, "CREATE (:FoundationTest {key: 'edited'});\n");
    const attempt = applyMigrations(graph, dir);
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(/902-foundation-test-data\.cypher: already applied with checksum/);
    expect(await count("MATCH (n:FoundationTest {key: 'edited'}) RETURN count(n) AS c")).toBe(0);
  });

  it("names the file and statement of a failing migration", async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), "chidao-migrations-broken-"));
    fs.writeFileSync(path.join(broken, "903-foundation-broken.cypher"), "RETURN 1;\nTHIS IS NOT CYPHER;\n");
    await expect(applyMigrations(graph, broken)).rejects.toThrow(
      /903-foundation-broken\.cypher: statement 2 failed/,
    );
    expect(await appliedMigrations(graph)).not.toContain("903-foundation-broken.cypher");
    fs.rmSync(broken, { recursive: true, force: true });
  });
});
