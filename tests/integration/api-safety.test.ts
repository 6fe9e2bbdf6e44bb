// Abuse, limits, round trips, the offline GraphiQL page and the mutation switch — all through a real
// HTTP client against a running server.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { clearGraph, openTestGraph } from "../helpers/graph.ts";
import { KEYS, writeFixture } from "./api-fixture.ts";
import { codes, countingGraph, type RunningApi, startApi } from "./api-support.ts";

const gid = (label: string, key: string) => Buffer.from(`${label}:${key}`, "utf8").toString("base64url");

let graph: GraphConnection;
let api: RunningApi;

async function nodeCount(): Promise<number> {
  return graph.read(async (tx) =>
    Number((await tx.run("MATCH (n) RETURN count(n) AS c")).records[0]?.get("c")),
  );
}

/** A plan with `tasks` tasks, each with a lead unit, a status and two actions. */
async function writePlan(symbol: string, tasks: number): Promise<string> {
  const key = `state-admin|bulk|${symbol}|2024`;
  await graph.write(async (tx) => {
    await tx.run(
      `CREATE (p:Document {key: $key, symbol: $symbol, symbolFolded: toLower($symbol), type: 'PLAN', system: 'STATE_ADMINISTRATIVE', held: true, tier: 'PROVINCIAL_STATE', jurisdiction: 'bulk', issuedOn: '2024-01-10'})
       WITH p
       MATCH (o:Organisation {key: $org})
       UNWIND range(1, $tasks) AS i
       CREATE (t:Task {key: $key + '|t' + i, ref: toString(i), content: 'Nhiệm vụ ' + i, label: 'Nhiệm vụ ' + i, tier: 'DEPARTMENT'})-[:ASSIGNED_BY {source: 'bulk'}]->(p)
       CREATE (o)-[:LEAD]->(t)
       CREATE (t)-[:HAS_STATUS]->(:StatusReport {key: $key + '|s' + i, value: 'OVERDUE', reportedOn: '2024-06-01'})
       WITH t, o, i
       UNWIND [1, 2] AS j
       CREATE (:Action {key: t.key + '|a' + j, text: 'Hoạt động ' + j, label: 'Hoạt động ' + j, tier: 'DEPARTMENT'})-[:SERVES]->(t)`,
      { key, symbol, tasks, org: KEYS.skhcn },
    );
    await tx.run(
      "MATCH (a:Action) WHERE a.key STARTS WITH $key MATCH (o:Organisation {key: $org}) CREATE (a)-[:PERFORMED_BY]->(o)",
      { key, org: KEYS.skhcn },
    );
  });
  return gid("Document", key);
}

beforeAll(async () => {
  graph = await openTestGraph();
  await clearGraph(graph);
  await writeFixture(graph);
  api = await startApi(graph);
});

afterAll(async () => {
  await api?.close();
  await graph?.close();
});

describe("limits", () => {
  it("rejects a depth-50 query", async () => {
    let inner = "id";
    for (let i = 0; i < 17; i++)
      inner = `... on Document { implementedBy(first: 1) { edges { node { ${inner} } } } }`;
    const res = await api.query(`{ node(id: "${gid("Document", KEYS.d36 as string)}") { ${inner} } }`);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(["LIMIT_EXCEEDED"]);
  });

  it("rejects 1,000 aliases", async () => {
    const fields = Array.from({ length: 1000 }, (_, i) => `a${i}: health { database }`).join(" ");
    const res = await api.query(`{ ${fields} }`);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(["LIMIT_EXCEEDED"]);
  });

  it("rejects first: 100000 everywhere, counting nested page sizes", async () => {
    const search = await api.query(`{ search(query: "nghi quyet", first: 100000) { totalCount } }`);
    expect(codes(search)).toEqual(["LIMIT_EXCEEDED"]);
    const viaVariable = await api.query(`query($n: Int) { search(query: "x", first: $n) { totalCount } }`, {
      n: 100000,
    });
    expect(codes(viaVariable)).toEqual(["LIMIT_EXCEEDED"]);
    // 100 × 100 × 100 nested pages: each page alone is allowed, the product is not.
    const nested = await api.query(`{ search(query: "x", first: 100) { edges { node { ... on Document {
      implementedBy(first: 100) { edges { node { tasks(first: 100) { edges { node { label } } } } } } } } } } }`);
    expect(codes(nested)).toEqual(["LIMIT_EXCEEDED"]);
    // Below the cost limit, first > 100 is still refused by the field itself.
    const single = await api.query(
      `{ lineage(root: "${gid("Document", KEYS.d36 as string)}") { nodes(first: 101) { totalCount } } }`,
    );
    expect(codes(single)).toEqual(["BAD_USER_INPUT"]);
  });

  it("clamps hop bounds", async () => {
    const res = await api.query(
      `{ lineage(root: "${gid("Document", KEYS.d36 as string)}", maxDepth: 1000000) { truncated nodes { totalCount } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.lineage.nodes.totalCount).toBeGreaterThan(5);
    const paths = await api.query(
      `{ paths(from: "${gid("Action", KEYS.actions[0] as string)}", to: "${gid("Document", KEYS.d36 as string)}", maxDepth: 99999) { length } }`,
    );
    expect(paths.errors).toBeUndefined();
  });

  it("stops a query at its timeout with TIMEOUT or a stated truncation", async () => {
    const hurried = await startApi(graph, { api: { timeoutMs: 1 } });
    try {
      const res = await hurried.query(
        `{ lineage(root: "${gid("Document", KEYS.d36 as string)}") { truncation } }`,
      );
      const timedOut =
        codes(res).includes("TIMEOUT") || (res.data.lineage?.truncation ?? []).includes("TIMEOUT");
      expect(timedOut, JSON.stringify(res)).toBe(true);
      expect(codes(res)).not.toContain("INTERNAL_SERVER_ERROR");
    } finally {
      await hurried.close();
    }
  });
});

describe("hostile strings", () => {
  const HOSTILE = [
    `") MATCH (n) DETACH DELETE n //`,
    `' OR 1=1 RETURN n //`,
    "*:*",
    'title:(a OR b)~2 AND "x" [a TO z] {!} ^3 \\',
    "AND OR NOT && || !",
    "36-NQ/TW\u0000",
    "}{][)(",
    "x".repeat(600),
    "\\u0041\\",
    "$param",
  ];

  it("answers every string argument harmlessly and keeps the graph intact", async () => {
    const before = await nodeCount();
    const doc = gid("Document", KEYS.d36 as string);
    for (const s of HOSTILE) {
      const calls: Array<[string, Record<string, unknown>]> = [
        ["query($s: String!) { document(ref: $s) { id } }", { s }],
        ['query($s: String!) { document(ref: "36-NQ/TW", jurisdiction: $s) { id } }', { s }],
        ["query($s: String!) { organisation(ref: $s) { id } }", { s }],
        ["query($s: String!) { search(query: $s) { totalCount } }", { s }],
        ['query($s: String!) { search(query: "nghi quyet", after: $s) { totalCount } }', { s }],
        ["query($s: ID!) { node(id: $s) { id } }", { s }],
        ["query($s: ID!) { lineage(root: $s) { truncated } }", { s }],
        ["query($s: ID!) { paths(from: $s, to: $s) { length } }", { s }],
        ["query($s: ID) { accountability(root: $s) { totalCount } }", { s }],
        ["query($s: ID) { accountability(organisation: $s) { totalCount } }", { s }],
        ["query($s: ID) { gaps(scope: $s) { totalCount } }", { s }],
        ["query($s: Date) { accountability(asOf: $s) { totalCount } }", { s }],
        [`query($s: String) { lineage(root: "${doc}") { nodes(after: $s) { totalCount } } }`, { s }],
        [`query($s: ID!) { lineage(root: "${doc}", filter: { organisations: [$s] }) { truncated } }`, { s }],
        [`query($s: ID!) { document(ref: "36-NQ/TW") { daysAfter(parent: $s) } }`, { s }],
      ];
      for (const [query, variables] of calls) {
        const res = await api.query(query, variables);
        expect(res.status, `${query} ${s}`).toBeLessThan(500);
        expect(codes(res), `${query} ${s}`).not.toContain("INTERNAL_SERVER_ERROR");
        for (const e of res.errors ?? []) expect(e.message).not.toMatch(/neo4j|cypher|\n\s+at /i);
      }
    }
    expect(await nodeCount()).toBe(before);
    const health = await api.query("{ health { database } }");
    expect(health.errors).toBeUndefined();
  });
});

describe("round trips", () => {
  it("are bounded by the query's depth, not by how many nodes it returns", async () => {
    const small = await writePlan("1/KH-SMALL", 3);
    const large = await writePlan("2/KH-LARGE", 40);
    const counting = countingGraph(graph);
    const counted = await startApi(counting.graph);
    try {
      const QUERY = `query($id: ID!) { node(id: $id) { ... on Document {
        tasks(first: 100) { totalCount edges { node { label status overdue lead { name } actions(first: 10) { edges { node { text performer { name } sources { totalCount } } } } } } }
      } } }`;
      const runs: number[] = [];
      for (const id of [small, large]) {
        counting.reset();
        const res = await counted.query(QUERY, { id });
        expect(res.errors).toBeUndefined();
        runs.push(counting.count());
      }
      const largeTasks = await counted.query(QUERY, { id: large });
      expect(largeTasks.data.node.tasks.totalCount).toBe(40);
      expect(largeTasks.data.node.tasks.edges[39].node.actions.edges).toHaveLength(2);
      // node → tasks → (lead, status, actions) → (performer, sources): four levels of fetches.
      expect(runs[0]).toBe(runs[1]);
      expect(runs[1]).toBeLessThanOrEqual(4);
    } finally {
      await counted.close();
    }
  });

  it("for a lineage page are the walk's hops, whatever the page's size", async () => {
    const small = await writePlan("3/KH-SMALL", 3);
    const large = await writePlan("4/KH-LARGE", 40);
    const counting = countingGraph(graph);
    const counted = await startApi(counting.graph);
    try {
      const QUERY = `query($id: ID!) { lineage(root: $id) { truncated root { label }
        nodes(first: 100) { totalCount edges { depth node { kind label } path { nodes { label } } } }
        relations(first: 100) { edges { node { from { label } to { label } } } }
      } }`;
      const runs: number[] = [];
      const answers = [];
      for (const id of [small, large]) {
        counting.reset();
        const res = await counted.query(QUERY, { id });
        expect(res.errors).toBeUndefined();
        runs.push(counting.count());
        answers.push(res.data.lineage);
      }
      // plan → tasks → actions: two hops, the root found by the first (actions have nothing below,
      // so no third, empty one); the walk reads nodes in full, so the page and its paths cost nothing.
      expect(runs).toEqual([2, 2]);
      const edges = answers[1].nodes.edges;
      expect(answers[1].nodes.totalCount).toBe(120);
      expect(answers[1].truncated).toBe(false);
      // The walk reads slim nodes; what comes back is the full node, not its key.
      expect(edges[0].node.label).toMatch(/^Nhiệm vụ \d+$/);
      expect(edges[99].node.label).toMatch(/^Hoạt động [12]$/);
      expect(edges[99].path.nodes.map((n: { label: string }) => n.label)).toEqual([
        "4/KH-LARGE",
        expect.stringMatching(/^Nhiệm vụ \d+$/),
        edges[99].node.label,
      ]);
      expect(answers[1].relations.edges[0].node.to.label).not.toContain("|");
    } finally {
      await counted.close();
    }
  });
});

describe("HTTP", () => {
  it("marks answers and errors as not to be cached", async () => {
    for (const query of ["{ health { edition } }", "{ nope }"]) {
      const res = await fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      expect(res.headers.get("cache-control"), query).toBe("no-store");
    }
  });
});

describe("GraphiQL and mutations", () => {
  it("serves an offline GraphiQL page to browsers", async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(assets).toHaveLength(5);
    for (const asset of assets) {
      const res = await fetch(`${api.url}${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.text()).length, asset).toBeGreaterThan(100);
    }
  });

  it("has no mutations without CHIDAO_API_KEY, and requires the key when it is set", async () => {
    const readOnly = await api.query(`mutation { deleteSource(id: "x") }`);
    expect(codes(readOnly)).toEqual(["BAD_USER_INPUT"]);

    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "chidao-api-"));
    const file = path.join(dir, "ke-hoach.txt");
    await fs.writeFile(
      file,
      "UBND TỈNH THỬ NGHIỆM\nSố: 12/KH-UBND\nKẾ HOẠCH\nThực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị.\n",
    );
    const keyed = await startApi(graph, { api: { apiKey: "s3cret-key" } });
    try {
      const INGEST = "mutation($p: String!) { ingestFile(path: $p) { skipped source { name } } }";
      expect(codes(await keyed.query(INGEST, { p: file }))).toEqual(["UNAUTHENTICATED"]);
      expect(codes(await keyed.query(INGEST, { p: file }, { authorization: "Bearer wrong-key!" }))).toEqual([
        "UNAUTHENTICATED",
      ]);
      const ok = await keyed.query(INGEST, { p: file }, { authorization: "Bearer s3cret-key" });
      expect(ok.errors).toBeUndefined();
      expect(ok.data.ingestFile).toEqual({ skipped: false, source: { name: "ke-hoach.txt" } });
      // Reads stay open to everyone.
      expect((await keyed.query("{ health { database } }")).errors).toBeUndefined();
    } finally {
      await keyed.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
