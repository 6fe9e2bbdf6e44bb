// Directory ingest writes many files per transaction. These tests hold it to what one transaction
// per file guaranteed: the same graph as ingesting the files one by one, and a file that cannot be
// read or written fails alone — every other file of its batch lands whole, the bad one is absent.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ManagedTransaction } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../src/generate/write.ts";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { type FileOutcome, ingestPaths, sourceKey } from "../../src/graph/ingest.ts";
import { ensureRegistry } from "../../src/graph/registry.ts";
import {
  clearGraph,
  graphCounts,
  graphFingerprint,
  openTestGraph,
  readOne,
  sourceContribution,
} from "../helpers/graph.ts";

let graph: GraphConnection;
let dir: string;
let corpus: string;

beforeAll(async () => {
  graph = await openTestGraph();
  dir = await mkdtemp(join(tmpdir(), "chidao-ingest-batch-"));
  // One province, one year: national and provincial documents that cite each other (≈ 55 files).
  corpus = join(dir, "corpus");
  writeCorpus({ provinces: 1, years: 1, seed: 3, small: true }, corpus);
});
afterAll(async () => {
  await graph.close();
  await rm(dir, { recursive: true, force: true });
});

async function fresh(): Promise<void> {
  await clearGraph(graph);
  await ensureRegistry(graph);
}

const failures = (outcomes: FileOutcome[]) => outcomes.filter((o) => o.status === "failed");

describe("directory ingest in batches", () => {
  it("creates the same graph as ingesting the files one by one", async () => {
    await fresh();
    const single = await ingestPaths(graph, [corpus], { batchFiles: 1 });
    expect(failures(single)).toEqual([]);
    const expected = await graphFingerprint(graph);
    const expectedCounts = await graphCounts(graph);

    await fresh();
    // Batches of 16 files: several batches, and files citing each other in one transaction.
    const batched = await ingestPaths(graph, [corpus], { batchFiles: 16 });
    expect(failures(batched)).toEqual([]);
    expect(batched.map((o) => o.path).sort()).toEqual(single.map((o) => o.path).sort());
    expect(await graphCounts(graph)).toEqual(expectedCounts);
    expect(await graphFingerprint(graph)).toEqual(expected);
    // A few facts: every file has its Source with its own document, tasks hang off documents.
    expect(await readOne<number>(graph, "MATCH (s:Source)-[:CONTAINS]->(:Document) RETURN count(s)")).toBe(
      single.length,
    );
    expect(
      await readOne<number>(graph, "MATCH (t:Task)-[:PART_OF]->(:Document {held: true}) RETURN count(t)"),
    ).toBeGreaterThan(50);

    // Again, unchanged: every file skipped, nothing written.
    const again = await ingestPaths(graph, [corpus], { batchFiles: 16 });
    expect(new Set(again.map((o) => o.status))).toEqual(new Set(["unchanged"]));
    expect(await graphFingerprint(graph)).toEqual(expected);
  }, 300_000);

  it("lands every other file of a batch whole when one file's write fails or one cannot be read", async () => {
    const mixed = join(dir, "mixed");
    await rm(mixed, { recursive: true, force: true });
    writeCorpus({ provinces: 1, years: 1, seed: 4, small: true }, mixed);
    const empty = join(mixed, "0-empty.txt");
    await writeFile(empty, "");

    // What each file contributes when it is ingested alone.
    await fresh();
    const alone = await ingestPaths(graph, [mixed], { batchFiles: 1 });
    const good = alone.filter((o) => o.status === "ingested").map((o) => o.path);
    expect(good.length).toBeGreaterThan(20);
    const bad = good[Math.floor(good.length / 2)] as string;
    const whole = new Map<string, string[]>();
    for (const path of good) whole.set(path, await sourceContribution(graph, path));

    // The same directory in one batch, through a connection on which any statement carrying the bad
    // file's rows fails: the batch transaction fails, and its files are written again one by one.
    await fresh();
    const outcomes = await ingestPaths(failingFor(graph, sourceKey(bad)), [mixed], { batchFiles: 1000 });
    const byPath = new Map(outcomes.map((o) => [o.path, o]));
    expect(byPath.get(bad)?.status).toBe("failed");
    expect(byPath.get(bad)?.error).toContain(`${bad}: could not be written to Neo4j`);
    expect(byPath.get(empty)?.error).toMatch(/0-empty\.txt: empty file/);
    expect(failures(outcomes)).toHaveLength(2);
    for (const path of good) {
      if (path === bad) expect(await sourceContribution(graph, path)).toEqual([]);
      else expect(await sourceContribution(graph, path), path).toEqual(whole.get(path));
    }
    expect(
      await readOne<number>(graph, "MATCH (s:Source {key: $key}) RETURN count(s)", { key: sourceKey(bad) }),
    ).toBe(0);
  }, 300_000);

  it("lets two directory ingests that cite the same documents run at the same time, both complete", async () => {
    await fresh();
    const other = join(dir, "other");
    await rm(other, { recursive: true, force: true });
    writeCorpus({ provinces: 1, years: 1, seed: 5, small: true }, other);
    // Whole directories per transaction: the two batches lock the same national documents, so the
    // driver retries deadlocks, and a batch that still fails is written file by file.
    const [a, b] = await Promise.all([
      ingestPaths(graph, [corpus], { force: true }),
      ingestPaths(graph, [other], { force: true }),
    ]);
    expect(failures(a)).toEqual([]);
    expect(failures(b)).toEqual([]);
    expect(await readOne<number>(graph, "MATCH (s:Source)-[:CONTAINS]->(:Document) RETURN count(s)")).toBe(
      a.length + b.length,
    );
  }, 300_000);
});

/** The same graph, except that a statement whose parameters name `key` fails with a database error. */
function failingFor(graph: GraphConnection, key: string): GraphConnection {
  const wrap = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property !== "run") return Reflect.get(target, property, receiver);
        return (query: string, params?: Record<string, unknown>) =>
          JSON.stringify(params ?? {}).includes(JSON.stringify(key))
            ? target.run("RETURN 1/0 AS boom")
            : target.run(query, params);
      },
    });
  return {
    driver: graph.driver,
    database: graph.database,
    uri: graph.uri,
    read: (work, options) => graph.read(work, options),
    write: (work, options) => graph.write((tx) => work(wrap(tx)), options),
    close: () => graph.close(),
  };
}
