// biome-ignore-all lint/suspicious/noExplicitAny: assertions walk JSON answers
// Nested implementedBy/implements selections compiled into one statement (src/api/nested.ts) answer
// exactly what the level-by-level DataLoader path answers — pages, cursors, totals, order, relations
// with their evidence, aliases, fragments — in one round trip. The DataLoader path is the same query
// with @include(if: true) on every connection field (what a directive guards is never planned).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { clearGraph, openTestGraph } from "../helpers/graph.ts";
import { countingGraph, type RunningApi, startApi } from "./api-support.ts";

const gid = (label: string, key: string) => Buffer.from(`${label}:${key}`, "utf8").toString("base64url");

let graph: GraphConnection;
let api: RunningApi;
let counting: ReturnType<typeof countingGraph>;

/**
 * A root with 7 implementers, each with 4, each with 3 (some by CONTINUES, some stated by two sources,
 * some sharing a date so the key breaks the tie, one without a date), and one document implementing
 * two parents at once.
 */
async function writeTree(): Promise<void> {
  await graph.write(async (tx) => {
    await tx.run("CREATE (:Document {key: 'n|root', symbol: '1-NQ/TW', issuedOn: '2020-01-01'})");
    await tx.run(
      `UNWIND range(1, 7) AS a
       MATCH (root:Document {key: 'n|root'})
       CREATE (d:Document {key: 'n|a' + a, symbol: a + '-CTr/TU', issuedOn: '2021-0' + (8 - a % 3) + '-01'})
       CREATE (d)-[:IMPLEMENTS {source: 's1', quote: 'thực hiện ' + a, start: a, end: a + 5, confidence: 0.9}]->(root)
       WITH d, a WHERE a % 2 = 0
       MATCH (root:Document {key: 'n|root'})
       CREATE (d)-[:IMPLEMENTS {source: 's2', quote: 'triển khai ' + a, start: 1, end: 9, confidence: 0.7}]->(root)`,
    );
    await tx.run(
      `UNWIND range(1, 7) AS a UNWIND range(1, 4) AS b
       MATCH (p:Document {key: 'n|a' + a})
       CREATE (d:Document {key: 'n|a' + a + 'b' + b, symbol: b + '/KH-UBND-' + a})
       SET d.issuedOn = CASE WHEN b = 4 THEN null ELSE '2022-0' + b + '-01' END
       WITH p, d, b
       CALL (p, d, b) {
         WITH p, d, b WHERE b = 2
         CREATE (d)-[:CONTINUES {source: 's3', quote: 'tiếp tục', confidence: 0.8}]->(p)
         UNION
         WITH p, d, b WHERE b <> 2
         CREATE (d)-[:IMPLEMENTS {source: 's3', quote: 'căn cứ', confidence: 0.8}]->(p)
       }`,
    );
    await tx.run(
      `UNWIND range(1, 7) AS a UNWIND range(1, 4) AS b UNWIND range(1, 3) AS c
       MATCH (p:Document {key: 'n|a' + a + 'b' + b})
       CREATE (d:Document {key: 'n|a' + a + 'b' + b + 'c' + c, symbol: c + '/KH-S-' + a + b, issuedOn: '2023-01-01'})
       CREATE (d)-[:IMPLEMENTS {source: 's4', quote: 'kế hoạch', confidence: 0.6}]->(p)`,
    );
    // One plan implementing two programmes: reached from both, the same node on two pages.
    await tx.run(
      `MATCH (d:Document {key: 'n|a1b1c1'}), (p:Document {key: 'n|a2b1'})
       CREATE (d)-[:IMPLEMENTS {source: 's5', quote: 'và', confidence: 0.5}]->(p)`,
    );
  });
}

beforeAll(async () => {
  graph = await openTestGraph();
  await clearGraph(graph);
  await writeTree();
  counting = countingGraph(graph);
  api = await startApi(counting.graph);
});

afterAll(async () => {
  await api?.close();
  await graph?.close();
});

/** The same query answered both ways, with the statements each cost. */
async function bothWays(query: string, variables: Record<string, unknown>) {
  counting.reset();
  const compiled = await api.query(query.replaceAll("@include(if: true)", ""), variables);
  const compiledRuns = counting.count();
  counting.reset();
  const levelByLevel = await api.query(query, variables);
  const levelRuns = counting.count();
  expect(compiled.errors).toBeUndefined();
  expect(levelByLevel.errors).toBeUndefined();
  return { compiled: compiled.data, levelByLevel: levelByLevel.data, compiledRuns, levelRuns };
}

describe("nested connections in one statement", () => {
  it("answers three levels of implementedBy like the level-by-level loaders, in one statement", async () => {
    const QUERY = `query($id: ID!, $first: Int, $after: String) { node(id: $id) { id ... on Document { symbol
      implementedBy(first: $first, after: $after) @include(if: true) { totalCount pageInfo { hasNextPage endCursor }
        edges { cursor relations { kind evidence { quote source start end confidence } confidence } node { id symbol issuedOn
          implementedBy(first: 3) @include(if: true) { totalCount edges { cursor relations { kind } node { symbol label
            implementedBy(first: 2, after: "bzow") @include(if: true) { totalCount pageInfo { hasNextPage } edges { node { id symbol year } } }
          } } }
        } }
      } } } }`;
    const runs: Array<[number, number]> = [];
    for (const [first, after] of [
      [5, null],
      [5, "bzo0"],
      [20, null],
      [0, null],
    ]) {
      const r = await bothWays(QUERY, { id: gid("Document", "n|root"), first, after });
      expect(r.compiled).toEqual(r.levelByLevel);
      runs.push([r.compiledRuns, r.levelRuns]);
    }
    // Level by level: node + 3 levels + the evidence's sources (one nodes batch); compiled: one
    // statement + that batch. With first: 0 nothing below the first level is asked.
    expect(runs).toEqual([
      [2, 5],
      [2, 5],
      [2, 5],
      [1, 2],
    ]);
    const r = await bothWays(QUERY, { id: gid("Document", "n|root"), first: 20, after: null });
    const level1 = r.compiled.node.implementedBy;
    expect(level1.totalCount).toBe(7);
    // Parallel relationships (two sources) are one edge with two pieces of evidence.
    const twoSources = level1.edges.find((e: any) => e.node.symbol === "2-CTr/TU");
    expect(twoSources.relations[0].evidence).toHaveLength(2);
    expect(level1.edges[0].node.implementedBy.totalCount).toBe(4);
    expect(level1.edges[0].node.implementedBy.edges[0].node.implementedBy.totalCount).toBeGreaterThanOrEqual(
      3,
    );
  });

  it("follows implements upwards, aliases and named fragments, and starts below a document(ref) root", async () => {
    const QUERY = `fragment Up on Document { symbol up: implements(first: 5) @include(if: true) { totalCount edges { node { symbol
        implements @include(if: true) { edges { node { symbol implements(first: 1) @include(if: true) { totalCount edges { node { symbol } } } } } } } } } }
      query($id: ID!, $ref: String!) {
        a: node(id: $id) { ...Up ... on Document { down: implementedBy(first: 2) @include(if: true) { edges { node { ...Up } } } } }
        b: document(ref: $ref) { symbol implementedBy(first: 2) @include(if: true) { edges { node { symbol implementedBy(first: 1) @include(if: true) { totalCount edges { node { symbol } } } } } } }
      }`;
    const r = await bothWays(QUERY, { id: gid("Document", "n|a1b1c1"), ref: "3-CTr/TU" });
    expect(r.compiled).toEqual(r.levelByLevel);
    expect(r.compiled.a.up.totalCount).toBe(2); // the plan implementing two programmes
    expect(r.compiled.a.up.edges[0].node.implements.edges[0].node.implements.edges[0].node.symbol).toBe(
      "1-NQ/TW",
    );
    expect(r.compiledRuns).toBeLessThan(r.levelRuns);
  });

  it("answers the same edges whether a level asks for totalCount and pageInfo or not, also side by side", async () => {
    const levels = (extra: string) => `implementedBy(first: 5) { ${extra} edges { cursor node { symbol
      implementedBy(first: 2) { ${extra} edges { cursor node { symbol implementedBy { ${extra} edges { node { symbol } } } } } } } } }`;
    const counts = "totalCount pageInfo { hasNextPage endCursor }";
    const id = gid("Document", "n|root");
    const bare = await api.query(`query($id: ID!) { node(id: $id) { ... on Document { ${levels("")} } } }`, {
      id,
    });
    const counted = await api.query(
      `query($id: ID!) { node(id: $id) { ... on Document { ${levels(counts)} } } }`,
      {
        id,
      },
    );
    // Both in one query: aliases of the same connection with the same page and fields share a cache key.
    const both = await api.query(
      `query($id: ID!) { node(id: $id) { ... on Document { a: ${levels("")} b: ${levels(counts)} } } }`,
      { id },
    );
    for (const r of [bare, counted, both]) expect(r.errors).toBeUndefined();
    const withoutCounts = (value: unknown): unknown =>
      JSON.parse(JSON.stringify(value, (k, v) => (k === "totalCount" || k === "pageInfo" ? undefined : v)));
    expect(withoutCounts(counted.data.node.implementedBy)).toEqual(bare.data.node.implementedBy);
    expect(both.data.node.a).toEqual(bare.data.node.implementedBy);
    expect(both.data.node.b).toEqual(counted.data.node.implementedBy);
    expect(counted.data.node.implementedBy.totalCount).toBe(7);
    expect(counted.data.node.implementedBy.pageInfo.hasNextPage).toBe(true);
    expect(counted.data.node.implementedBy.edges[0].node.implementedBy.totalCount).toBe(4);
    expect(bare.data.node.implementedBy.edges).toHaveLength(5);
  });

  it("leaves invalid page arguments to the resolver that reports them", async () => {
    const res = await api.query(
      `query($id: ID!) { node(id: $id) { ... on Document { implementedBy(first: 2) { edges { node { symbol
        implementedBy(first: 101) { totalCount } } } } } } }`,
      { id: gid("Document", "n|root") },
    );
    expect(res.errors?.map((e: any) => e.extensions?.code)).toContain("BAD_USER_INPUT");
    expect((res.errors?.[0] as any)?.path).toEqual([
      "node",
      "implementedBy",
      "edges",
      0,
      "node",
      "implementedBy",
    ]);
  });

  it("returns null for a missing document, as the node loader does", async () => {
    const res = await api.query(
      `query($id: ID!) { node(id: $id) { ... on Document { implementedBy { totalCount } } } }`,
      { id: gid("Document", "n|missing") },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.node).toBeNull();
  });
});
