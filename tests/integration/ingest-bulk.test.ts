// The offline first load (`chidao ingest --bulk`) must write the graph transactional ingest writes
// for the same files: the fold of nodes (src/graph/bulk/fold.ts) restates the ingest statements'
// merge rules, so this test is what keeps the two from drifting. It runs the real command in a
// child process against a new embedded database of its own, and compares every node and
// relationship with the run's Neo4j after `ingestPaths` of the same files in one transaction.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../src/generate/write.ts";
import { readGraphConfig, repoRoot } from "../../src/graph/config.ts";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { importDatabase, startEmbedded } from "../../src/graph/embedded.ts";
import { ingestPaths } from "../../src/graph/ingest.ts";
import { ensureRegistry } from "../../src/graph/registry.ts";
import { clearGraph, graphFingerprint, openTestGraph } from "../helpers/graph.ts";
import { freePort } from "../setup/neo4j.global.ts";

let graph: GraphConnection;
let dir: string;
let paths: string[];
let bad: string;

beforeAll(async () => {
  graph = await openTestGraph();
  dir = await mkdtemp(join(tmpdir(), "chidao-ingest-bulk-"));
  // Two provinces: national documents cited by both, reports on the provinces' tasks.
  const corpus = join(dir, "corpus");
  writeCorpus({ provinces: 2, years: 1, seed: 11, small: true }, corpus);
  bad = join(dir, "hỏng.docx");
  await writeFile(bad, "not a zip archive");
  const shared = resolve(repoRoot, "../shared/corpus");
  paths = [
    join(repoRoot, "seeds"),
    join(repoRoot, "tests/fixtures/heldout"),
    corpus,
    ...(existsSync(shared) ? [shared] : []),
    bad,
  ];
});
afterAll(async () => {
  await graph.close();
  await rm(dir, { recursive: true, force: true });
});

/** `chidao ingest --bulk` into `data` on `port`, as a user runs it: its own embedded Neo4j. */
async function runBulk(
  data: string,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    CHIDAO_NEO4J_DATA: data,
    CHIDAO_NEO4J_PORT: String(port),
    ...extraEnv,
  };
  if (!("NEO4J_URI" in extraEnv)) delete env.NEO4J_URI;
  const child = spawn(process.execPath, [join(repoRoot, "bin/chidao.mjs"), "ingest", "--bulk", ...paths], {
    cwd: repoRoot,
    env,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => {
    stdout += c.toString("utf8");
  });
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  return { code, stdout, stderr };
}

describe("chidao ingest --bulk", () => {
  it("loads the graph transactional ingest writes for the same files, reporting a bad file by name", async () => {
    const data = join(dir, "bulk");
    const port = await freePort();
    const bulk = await runBulk(data, port);
    // The bad file fails alone (exit code 1), named with why; every other file is in.
    expect(bulk.code, bulk.stderr).toBe(1);
    expect(bulk.stderr).toContain(bad);
    expect(bulk.stdout).toMatch(/^import +\d/m);
    expect(bulk.stdout).toMatch(/files: \d+ \(\d+ ingested, 0 unchanged, 1 failed\)/);

    await clearGraph(graph);
    await ensureRegistry(graph);
    const outcomes = await ingestPaths(graph, paths, { batchFiles: 10_000, batchRows: 100_000_000 });
    expect(outcomes.filter((o) => o.status === "failed").map((o) => o.path)).toEqual([bad]);
    const expected = await graphFingerprint(graph);
    expect(expected.length).toBeGreaterThan(5_000);

    const server = await startEmbedded({ ...readGraphConfig({}), dataDir: data, port });
    const driver = neo4j.driver(server.uri);
    try {
      const loaded = { driver, database: "neo4j" };
      const actual = await graphFingerprint(loaded);
      // Compared as sets first, so that a difference shows as the few lines that differ.
      const [want, have] = [new Set(expected), new Set(actual)];
      const missing = expected.filter((line) => !have.has(line));
      const extra = actual.filter((line) => !want.has(line));
      expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({ missing: [], extra: [] });
      expect(actual).toEqual(expected);
      // The migrations ran on the imported store: its constraints and indexes are online.
      const session = driver.session();
      try {
        const schema = await session.run(
          "SHOW INDEXES YIELD name, state RETURN count(*) AS all, count(CASE WHEN state = 'ONLINE' THEN 1 END) AS online",
        );
        const row = schema.records[0];
        expect(row?.get("all").toNumber()).toBeGreaterThan(20);
        expect(row?.get("online").toNumber()).toBe(row?.get("all").toNumber());
      } finally {
        await session.close();
      }
    } finally {
      await driver.close();
      await server.stop();
    }

    // A second first load into the same data directory is refused before any file is read.
    const again = await runBulk(data, port);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
    expect(again.stderr).toContain(join(data, "data", "databases", "neo4j"));
  }, 600_000);

  it("removes what a failed import wrote, so the load can be run again", async () => {
    const data = join(dir, "failed");
    const [nodes, relationships] = [join(dir, "task.csv"), join(dir, "dangling.csv")];
    // The nodes are written, then a relationship whose end no node file defines stops the importer
    // (it skips none by default), which leaves its store files behind "in an unusable state".
    await writeFile(nodes, ':ID,key\n"Task|a","a"\n');
    await writeFile(relationships, ':START_ID,:END_ID,:TYPE\n"Task|a","Document|b",PART_OF\n');
    const config = { ...readGraphConfig({}), dataDir: data, port: await freePort() };
    const files = { nodes: [{ label: "Task", file: nodes }], relationships: [relationships], options: [] };
    await expect(importDatabase(config, files, join(dir, "failed.log"))).rejects.toThrow(
      /offline import exited with code \d+: Error in input data/,
    );
    expect(existsSync(join(data, "data", "databases", "neo4j"))).toBe(false);
    expect(existsSync(join(data, "data", "transactions", "neo4j"))).toBe(false);
  }, 120_000);

  it("refuses a server named by NEO4J_URI: the importer writes the embedded store's files", async () => {
    const result = await runBulk(join(dir, "unused"), await freePort(), { NEO4J_URI: "bolt://127.0.0.1:1" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("NEO4J_URI is set");
    expect(existsSync(join(dir, "unused"))).toBe(false);
  });
});
