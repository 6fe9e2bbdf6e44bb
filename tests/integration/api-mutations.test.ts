// The deleteSource mutation through a real HTTP client against a running server with an API key:
// files ingested by the ingestFile mutation, one deleted by its Source id, the other left whole.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { sourceKey } from "../../src/graph/ingest.ts";
import { ensureRegistry } from "../../src/graph/registry.ts";
import { clearGraph, openTestGraph } from "../helpers/graph.ts";
import { codes, type RunningApi, startApi } from "./api-support.ts";

const KEY = "mutation-key-7";
const BEARER = { authorization: `Bearer ${KEY}` };
const gid = (label: string, key: string) => Buffer.from(`${label}:${key}`, "utf8").toString("base64url");

// Two plans of a made-up province citing the same resolution; each has a task of its own.
const PLAN_A = `UỶ BAN NHÂN DÂN
TỈNH THỬ NGHIỆM

Số: 12/KH-UBND

Thử Nghiệm, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị về phát triển và ứng dụng công nghệ sinh học

1. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu về công nghệ sinh học, hoàn thành trong năm 2024.
`;
const PLAN_B = PLAN_A.replace("12/KH-UBND", "13/KH-UBND").replace("cơ sở dữ liệu", "bản đồ");

let graph: GraphConnection;
let api: RunningApi;
let dir: string;

beforeAll(async () => {
  graph = await openTestGraph();
  await clearGraph(graph);
  await ensureRegistry(graph);
  api = await startApi(graph, { api: { apiKey: KEY } });
  dir = await mkdtemp(join(tmpdir(), "chidao-mutations-"));
});
afterAll(async () => {
  await api.close();
  await graph.close();
  await rm(dir, { recursive: true, force: true });
});

async function graphCounts(): Promise<{ nodes: number; relationships: number }> {
  return graph.read(async (tx) => ({
    nodes: Number((await tx.run("MATCH (n) RETURN count(n) AS c")).records[0]?.get("c")),
    relationships: Number((await tx.run("MATCH ()-[r]->() RETURN count(r) AS c")).records[0]?.get("c")),
  }));
}

const INGEST = "mutation($p: String!) { ingestFile(path: $p) { skipped source { id name } } }";
const DELETE = "mutation($id: ID!) { deleteSource(id: $id) }";

describe("deleteSource over HTTP", () => {
  it("deletes a source with the key, leaves the other file's facts, and says NOT_FOUND after", async () => {
    const a = join(dir, "ke-hoach-a.txt");
    const b = join(dir, "ke-hoach-b.txt");
    await writeFile(a, PLAN_A);
    await writeFile(b, PLAN_B);
    const ingestedA = await api.query(INGEST, { p: a }, BEARER);
    expect(ingestedA.errors).toBeUndefined();
    const onlyA = await graphCounts();
    const ingestedB = await api.query(INGEST, { p: b }, BEARER);
    expect(ingestedB.errors).toBeUndefined();
    const idB = ingestedB.data.ingestFile.source.id as string;
    expect(idB).toBe(gid("Source", sourceKey(b)));
    const withB = await graphCounts();
    expect(withB.nodes).toBeGreaterThan(onlyA.nodes);

    // Without the key (or with a wrong one) nothing is deleted.
    expect(codes(await api.query(DELETE, { id: idB }))).toEqual(["UNAUTHENTICATED"]);
    expect(codes(await api.query(DELETE, { id: idB }, { authorization: "Bearer nope" }))).toEqual([
      "UNAUTHENTICATED",
    ]);
    expect(await graphCounts()).toEqual(withB);

    const deleted = await api.query(DELETE, { id: idB }, BEARER);
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data).toEqual({ deleteSource: true });
    expect(await graphCounts()).toEqual(onlyA);
    const after = await api.query("query($id: ID!) { node(id: $id) { id } }", { id: idB });
    expect(after.data).toEqual({ node: null });
    // The shared resolution and A's own plan are still there.
    const shared = await api.query(
      `{ a: document(ref: "36-NQ/TW") { symbol } b: document(ref: "12/KH-UBND") { symbol } }`,
    );
    expect(shared.errors).toBeUndefined();
    expect(shared.data).toEqual({ a: { symbol: "36-NQ/TW" }, b: { symbol: "12/KH-UBND" } });

    const again = await api.query(DELETE, { id: idB }, BEARER);
    expect(codes(again)).toEqual(["NOT_FOUND"]);
  });

  it("NOT_FOUND for a source id never ingested, BAD_USER_INPUT for another kind's id or a malformed one", async () => {
    const before = await graphCounts();
    expect(codes(await api.query(DELETE, { id: gid("Source", join(dir, "never.txt")) }, BEARER))).toEqual([
      "NOT_FOUND",
    ]);
    expect(
      codes(await api.query(DELETE, { id: gid("Document", "party|national|36-NQ/TW|2023") }, BEARER)),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await api.query(DELETE, { id: "' OR 1=1 //" }, BEARER))).toEqual(["BAD_USER_INPUT"]);
    expect(await graphCounts()).toEqual(before);
    expect((await api.query("{ health { database } }")).errors).toBeUndefined();
  });
});
