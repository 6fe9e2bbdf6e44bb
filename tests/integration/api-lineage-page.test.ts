// biome-ignore-all lint/suspicious/noExplicitAny: assertions walk JSON answers
// A DOWNSTREAM lineage page that asks for neither totalCount, relations nor cycles stops walking once
// the page is certain (truncation PAGE). Paging through it that way must give exactly what the whole
// walk gives — same nodes, same order, same most detailed paths — and read fewer levels.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { clearGraph, openTestGraph } from "../helpers/graph.ts";
import { KEYS, writeFixture } from "./api-fixture.ts";
import { countingGraph, type RunningApi, startApi } from "./api-support.ts";

const gid = (label: string, key: string) => Buffer.from(`${label}:${key}`, "utf8").toString("base64url");

let graph: GraphConnection;
let api: RunningApi;
let counting: ReturnType<typeof countingGraph>;

/** A plan with `tasks` tasks, each served by two actions: 40 nodes one hop down, 80 two hops down. */
async function writePlan(symbol: string, tasks: number): Promise<string> {
  const key = `state-admin|page|${symbol}|2024`;
  await graph.write((tx) =>
    tx.run(
      `CREATE (p:Document {key: $key, symbol: $symbol, label: $symbol, type: 'PLAN', tier: 'PROVINCIAL_STATE', issuedOn: '2024-01-10'})
       WITH p
       UNWIND range(1, $tasks) AS i
       CREATE (t:Task {key: $key + '|t' + i, ref: toString(i), label: 'Nhiệm vụ ' + i, tier: 'DEPARTMENT'})-[:ASSIGNED_BY {source: 'page'}]->(p)
       WITH t
       UNWIND [1, 2] AS j
       CREATE (:Action {key: t.key + '|a' + j, label: 'Hoạt động ' + j, tier: 'DEPARTMENT'})-[:SERVES]->(t)`,
      { key, symbol, tasks },
    ),
  );
  return gid("Document", key);
}

beforeAll(async () => {
  graph = await openTestGraph();
  await clearGraph(graph);
  await writeFixture(graph);
  counting = countingGraph(graph);
  api = await startApi(counting.graph);
});

afterAll(async () => {
  await api?.close();
  await graph?.close();
});

const EDGE = "depth hops node { id } path { nodes { id } relations { kind } }";

/** The whole walk (totalCount selected), its first 200 nodes. */
async function whole(root: string, filter?: unknown) {
  const res = await api.query(
    `query($root: ID!, $filter: NodeFilter, $after: String) { lineage(root: $root, filter: $filter) {
      truncation
      a: nodes(first: 100) { totalCount edges { ${EDGE} } }
      b: nodes(first: 100, after: $after) { edges { ${EDGE} } } } }`,
    { root, filter, after: Buffer.from("o:99", "utf8").toString("base64url") },
  );
  expect(res.errors).toBeUndefined();
  const { truncation, a, b } = res.data.lineage;
  return { truncation, totalCount: a.totalCount, edges: [...a.edges, ...b.edges] };
}

/** Every page of `first`, following endCursor; the truncation of each page. */
async function paged(root: string, first: number, filter?: unknown) {
  const edges: any[] = [];
  const truncations: string[][] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 200; guard++) {
    const res = await api.query(
      `query($root: ID!, $first: Int, $after: String, $filter: NodeFilter) { lineage(root: $root, filter: $filter) {
        truncation nodes(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { ${EDGE} } } } }`,
      { root, first, after, filter },
    );
    expect(res.errors).toBeUndefined();
    const { truncation, nodes } = res.data.lineage;
    edges.push(...nodes.edges);
    truncations.push(truncation);
    if (!nodes.pageInfo.hasNextPage) break;
    after = nodes.pageInfo.endCursor;
  }
  return { edges, truncations };
}

describe("a lineage page without totalCount", () => {
  it("pages through exactly what the whole walk returns, most detailed paths included", async () => {
    // 36-NQ/TW's lineage holds a shortcut (task 74 also implements 36-NQ/TW directly): its most
    // detailed chain is only certain once 71-CTr/TU and 243/KH-UBND have been walked.
    // Filters on kind and tier, and on what the walk reads as facts (organisations, status).
    for (const filter of [
      undefined,
      { kinds: ["ACTION", "TASK"], tiers: ["DEPARTMENT"] },
      { overdue: true },
      { organisations: [gid("Organisation", KEYS.ubnd as string)] },
    ]) {
      const root = gid("Document", KEYS.d36 as string);
      const all = await whole(root, filter);
      expect(all.truncation).toEqual([]);
      for (const first of [1, 2, 3, 5]) {
        const { edges } = await paged(root, first, filter);
        expect(edges, `first ${first}`).toEqual(all.edges);
      }
    }
    const task74 = (await whole(gid("Document", KEYS.d36 as string))).edges.find(
      (e: any) => e.node.id === gid("Task", KEYS.task74 as string),
    );
    expect(task74.hops).toBe(1);
    expect(task74.depth).toBe(3);
  });

  it("shows the same nodes when it reads only the properties the page shows", async () => {
    const root = gid("Document", KEYS.d36 as string);
    // No path, no relations: the walk reads only these fields' properties, and no evidence.
    const SHOWN = `depth hops daysFromRoot daysAfterPrevious
      node { id kind label ... on Document { symbol type issuer title } ... on Task { ref content product } }`;
    const res = await api.query(
      `query($root: ID!) { lineage(root: $root) {
        whole: nodes(first: 100) { totalCount edges { ${SHOWN} path { length } } } } }`,
      { root },
    );
    expect(res.errors).toBeUndefined();
    const expected = res.data.lineage.whole.edges.map(({ path: _, ...edge }: any) => edge);
    expect(expected.length).toBeGreaterThan(5);
    const page = await api.query(
      `query($root: ID!) { lineage(root: $root) { nodes(first: 100) { edges { ${SHOWN} } } } }`,
      { root },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data.lineage.nodes.edges).toEqual(expected);

    // Nodes read partly never stand in for whole ones elsewhere in the same request.
    const document = expected.find((e: any) => e.node.kind === "DOCUMENT").node.id;
    const alone = await api.query(
      `query($id: ID!) { node(id: $id) { ... on Document { title issuer year jurisdiction tier } } }`,
      { id: document },
    );
    const together = await api.query(
      `query($root: ID!, $id: ID!) { lineage(root: $root) { nodes(first: 3) { edges { node { id } } } }
        node(id: $id) { ... on Document { title issuer year jurisdiction tier } } }`,
      { root, id: document },
    );
    expect(together.errors).toBeUndefined();
    expect(together.data.node).toEqual(alone.data.node);
    expect(alone.data.node.title).toBeTruthy();
  });

  it("stops at the page: PAGE stated, one level read for a page inside the first level", async () => {
    const root = await writePlan("9/KH-PAGE", 40);
    const all = await whole(root);
    expect(all.totalCount).toBe(120);

    counting.reset();
    const first = await paged(root, 10);
    expect(first.edges).toEqual(all.edges);
    // Pages inside the 40 tasks stop after the first level; the last pages walk the second.
    expect(first.truncations[0]).toEqual(["PAGE"]);
    expect(first.truncations.at(-1)).toEqual([]);

    counting.reset();
    const page = await api.query(
      `query($root: ID!) { lineage(root: $root) { truncated nodes(first: 10) { pageInfo { hasNextPage } edges { node { id } } } } }`,
      { root },
    );
    expect(page.data.lineage.truncated).toBe(true);
    expect(page.data.lineage.nodes.pageInfo.hasNextPage).toBe(true);
    expect(counting.count()).toBe(1); // the root and its first level, in one statement

    counting.reset();
    await api.query(
      `query($root: ID!) { lineage(root: $root) { nodes(first: 50) { edges { node { id } } } } }`,
      { root },
    );
    // Both levels in one statement: Cypher reads on until the page is full, then stops.
    expect(counting.count()).toBe(1);
  });
});
