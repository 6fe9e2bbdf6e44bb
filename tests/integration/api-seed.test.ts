// Acceptance on the real seed report, ingested by the real ingest, queried over HTTP: the lineage
// questions Chidao exists to answer.
// biome-ignore-all lint/suspicious/noExplicitAny: assertions walk JSON answers
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { ingestPaths } from "../../src/graph/ingest.ts";
import { clearGraph, openTestGraph } from "../helpers/graph.ts";
import { type RunningApi, startApi } from "./api-support.ts";

const SEED = path.resolve(import.meta.dirname, "../../seeds/quang-tri-skhcn-bao-cao-6-thang-2024.txt");

let graph: GraphConnection;
let api: RunningApi;
let d36: { id: string; symbol: string; issuer: string; issuedOn: string };

beforeAll(async () => {
  graph = await openTestGraph();
  await clearGraph(graph);
  const outcomes = await ingestPaths(graph, [SEED]);
  expect(outcomes.map((o) => o.status)).toEqual(["ingested"]);
  api = await startApi(graph);
  const res = await api.query(`{ document(ref: "nghi quyet 36-nq/tw") { id symbol issuer issuedOn } }`);
  expect(res.errors).toBeUndefined();
  d36 = res.data.document;
});

afterAll(async () => {
  await api?.close();
  await graph?.close();
});

describe("the seed report", () => {
  it("reads citations typed any way", async () => {
    expect(d36).toMatchObject({ symbol: "36-NQ/TW", issuer: "Bộ Chính trị", issuedOn: "2023-01-30" });
    const hdnd = await api.query(`{ document(ref: "36/2024/NQ-HĐND") { symbol type issuedOn } }`);
    expect(hdnd.errors).toBeUndefined();
    expect(hdnd.data.document).toMatchObject({
      symbol: "36/2024/NQ-HĐND",
      type: "RESOLUTION",
      issuedOn: "2024-05-10",
    });
  });

  it("answers which department actions implement 36-NQ/TW in one call", async () => {
    const res = await api.query(
      `query($root: ID!) { lineage(root: $root, filter: {kinds: [ACTION, TASK], tiers: [DEPARTMENT]}) {
        truncated
        nodes(first: 100) { edges { depth node { id kind label
          ... on Task { ref lead { name } results { symbol } }
          ... on Action { text }
        } path { nodes { id kind label ... on Document { symbol } ... on Task { ref } } } } }
      } }`,
      { root: d36.id },
    );
    expect(res.errors).toBeUndefined();
    const edges = res.data.lineage.nodes.edges as Array<{ node: any; path: { nodes: any[] } }>;
    const describe = JSON.stringify(edges.map((e) => e.path.nodes.map((n) => n.symbol ?? n.ref ?? n.kind)));
    // Exactly the actions reported under task 74: the provincial People's Committee's own actions
    // on the same chain are filtered out by tier.
    const actions = edges.filter((e) => e.node.kind === "ACTION");
    expect(actions, describe).toHaveLength(6);
    for (const action of actions) {
      const chain = action.path.nodes;
      expect(
        chain.slice(0, 3).map((n) => n.symbol),
        describe,
      ).toEqual(["36-NQ/TW", "71-CTr/TU", "243/KH-UBND"]);
      expect(chain[3].kind).toBe("TASK");
      expect(chain[3].ref).toMatch(/\b74\b/);
      expect(chain[4].id).toBe(action.node.id);
    }
    const task = edges.find((e) => e.node.kind === "TASK" && /\b74\b/.test(e.node.ref));
    const leads = task?.node.lead.map((o: { name: string }) => o.name) as string[];
    expect(
      leads.some((name) => name.startsWith("Sở Khoa học và Công nghệ")),
      JSON.stringify(leads),
    ).toBe(true);
    expect(task?.node.results.map((d: { symbol: string }) => d.symbol)).toContain("43/KH-SKHCN");
    expect(actions.some((a) => /Azotobacter/.test(a.node.text))).toBe(true);
  });

  it("walks UPSTREAM from the Azotobacter action to 36-NQ/TW", async () => {
    const found = await api.query(
      `{ search(query: "azotobacter", kinds: [ACTION], first: 1) { edges { node { id } } } }`,
    );
    const action = found.data.search.edges[0]?.node.id;
    expect(action).toBeTruthy();
    const res = await api.query(
      `query($root: ID!) { lineage(root: $root, direction: UPSTREAM) { nodes { edges { node { ... on Document { symbol issuer issuedOn } } } } } }`,
      { root: action },
    );
    expect(res.errors).toBeUndefined();
    const documents = res.data.lineage.nodes.edges.map((e: { node: unknown }) => e.node);
    expect(documents).toContainEqual({ symbol: "36-NQ/TW", issuer: "Bộ Chính trị", issuedOn: "2023-01-30" });
  });

  it("ranks 36-NQ/TW first among documents for 'cong nghe sinh hoc'", async () => {
    // Search reads a document's subject (trích yếu); the seed gives 36-NQ/TW's only where it is
    // cited, so this also checks that the citation reader keeps a cited document's title.
    const res = await api.query(
      `{ search(query: "cong nghe sinh hoc", kinds: [DOCUMENT], first: 5) { edges { score node { ... on Document { symbol } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.search.edges[0].node.symbol, JSON.stringify(res.data.search.edges)).toBe("36-NQ/TW");
  });
});
