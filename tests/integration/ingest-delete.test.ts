// Deleting a source on real Neo4j: the seed report and a plan it cites (written here), each deleted
// in turn. A deletion is the writer's replacement by nothing, so the graph must come back to exactly
// what the other file alone gives, and re-ingesting must give the first counts again.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { deleteSource, ingestFile, sourceKey } from "../../src/graph/ingest.ts";
import { ensureRegistry } from "../../src/graph/registry.ts";
import { deleteSourceRows } from "../../src/graph/writer.ts";
import {
  clearGraph,
  graphCounts,
  openTestGraph,
  readOne,
  sourceContribution,
  testGraphEnv,
} from "../helpers/graph.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const seed = join(repoRoot, "seeds/quang-tri-skhcn-bao-cao-6-thang-2024.txt");
// The plan the seed cites, with its own text: it holds 243/KH-UBND and cites 71-CTr/TU and 36-NQ/TW,
// as the seed does, and adds a task of its own.
const PLAN = `UỶ BAN NHÂN DÂN
TỈNH QUẢNG TRỊ

Số: 243/KH-UBND

Quảng Trị, ngày 18 tháng 12 năm 2023

KẾ HOẠCH
Thực hiện Chương trình hành động số 71-CTr/TU ngày 24/8/2023 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị về phát triển và ứng dụng công nghệ sinh học

1. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu về công nghệ sinh học, hoàn thành trong năm 2024.
`;
const D243 = "state-admin|quang-tri|243/KH-UBND|2023";
const SHARED = [D243, "party|quang-tri|71-CTr/TU|2023", "party|national|36-NQ/TW|2023"];
const SEED_ONLY = "state-admin|quang-tri|2489/UBND-TH|2024";

let graph: GraphConnection;
let dir: string;
let plan: string;

beforeAll(async () => {
  graph = await openTestGraph();
  await clearGraph(graph);
  await ensureRegistry(graph);
  dir = await mkdtemp(join(tmpdir(), "chidao-delete-"));
  plan = join(dir, "ke-hoach-243.txt");
  await writeFile(plan, PLAN);
});
afterAll(async () => {
  await graph.close();
  await rm(dir, { recursive: true, force: true });
});

const one = <T>(query: string, params: Record<string, unknown> = {}) => readOne<T>(graph, query, params);
const counts = () => graphCounts(graph);
const contribution = (path: string) => sourceContribution(graph, path);
async function ingest(path: string): Promise<void> {
  const outcome = await ingestFile(graph, path);
  expect(outcome.status, outcome.error).toBe("ingested");
}
const held = (key: string) => one<boolean | null>("MATCH (d:Document {key: $key}) RETURN d.held", { key });

describe("deleteSource", () => {
  let registryOnly: Awaited<ReturnType<typeof counts>>;
  let seedAlone: Awaited<ReturnType<typeof counts>>;

  it("on the seed alone, brings the graph back to the registry", async () => {
    registryOnly = await counts();
    await ingest(seed);
    seedAlone = await counts();
    expect(seedAlone.nodes).toBeGreaterThan(registryOnly.nodes + 50);
    expect(await deleteSource(graph, sourceKey(seed))).toBe(true);
    expect(await counts()).toEqual(registryOnly);
    expect(await deleteSource(graph, sourceKey(seed))).toBe(false);
  });

  it("removes the seed's own facts and keeps the plan's, and re-ingest gives the first counts", async () => {
    await ingest(plan);
    const planAlone = await counts();
    const planFacts = await contribution(plan);
    expect(planFacts.length).toBeGreaterThan(5);
    await ingest(seed);
    const both = await counts();
    const seedFacts = await contribution(seed);
    expect(seedFacts.length).toBeGreaterThan(100);
    for (const key of [...SHARED, SEED_ONLY]) {
      expect(await one<number>("MATCH (d:Document {key: $key}) RETURN count(d)", { key }), key).toBe(1);
    }

    expect(await deleteSource(graph, sourceKey(seed))).toBe(true);
    expect(await counts()).toEqual(planAlone);
    expect(await contribution(plan)).toEqual(planFacts);
    expect(await contribution(seed)).toEqual([]);
    expect(
      await one<number>("MATCH ()-[r {source: $key}]->() RETURN count(r)", { key: sourceKey(seed) }),
    ).toBe(0);
    expect(await one<number>("MATCH (s:Source) RETURN count(s)")).toBe(1);
    // Shared cited documents stay (243/KH-UBND still held: the plan is its text); the seed's own go.
    for (const key of SHARED) {
      expect(await one<number>("MATCH (d:Document {key: $key}) RETURN count(d)", { key }), key).toBe(1);
    }
    expect(await held(D243)).toBe(true);
    expect(await one<number>("MATCH (d:Document {key: $key}) RETURN count(d)", { key: SEED_ONLY })).toBe(0);
    expect(
      await one<number>(
        "MATCH (n) WHERE (n:StatusReport OR n:Finding OR n:Action) AND NOT EXISTS { (:Source)-[:MENTIONS]->(n) } RETURN count(n)",
      ),
    ).toBe(0);

    await ingest(seed);
    expect(await counts()).toEqual(both);
    expect(await contribution(seed)).toEqual(seedFacts);
  });

  it("keeps a document another file cites, no longer held, when the file with its text goes", async () => {
    let runs = 0;
    const existed = await graph.write((tx) =>
      deleteSourceRows(
        {
          run: (...args: Parameters<typeof tx.run>) => {
            runs++;
            return tx.run(...args);
          },
        },
        sourceKey(plan),
      ),
    );
    expect(existed).toBe(true);
    expect(runs).toBeLessThanOrEqual(5);
    expect(await counts()).toEqual(seedAlone);
    expect(await held(D243)).toBe(false);
    expect(await one<number>("MATCH (s:Source) RETURN count(s)")).toBe(1);
  });

  it("`chidao ingest --delete <file>` deletes the file's source, and exits 1 for a file with none", async () => {
    const chidao = (...args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
        execFile(
          process.execPath,
          [join(repoRoot, "bin/chidao.mjs"), "ingest", ...args],
          { cwd: repoRoot, env: testGraphEnv(), timeout: 120_000 },
          (error, stdout, stderr) =>
            done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
        );
      });
    const deleted = await chidao("--delete", seed);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toContain(`deleted    ${sourceKey(seed)}`);
    expect(await counts()).toEqual(registryOnly);
    const missing = await chidao("--delete", seed);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`not found  ${sourceKey(seed)}`);
  });
});
