// biome-ignore-all lint/suspicious/noExplicitAny: assertions walk JSON answers
// The API over a hand-written graph (tests/integration/api-fixture.ts), through a real HTTP client
// against a running server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { clearGraph, openTestGraph } from "../helpers/graph.ts";
import { AZOTOBACTER, KEYS, writeFixture } from "./api-fixture.ts";
import { codes, type RunningApi, startApi } from "./api-support.ts";

const gid = (label: string, key: string) => Buffer.from(`${label}:${key}`, "utf8").toString("base64url");

let graph: GraphConnection;
let api: RunningApi;

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

type Edge = {
  depth: number;
  node: { id: string; kind: string; label: string };
  path: { nodes: Array<{ id: string; label: string }> };
};

describe("lineage", () => {
  const LINEAGE = `query($root: ID!, $direction: Direction, $filter: NodeFilter, $maxDepth: Int) {
    lineage(root: $root, direction: $direction, filter: $filter, maxDepth: $maxDepth) {
      root { id label }
      truncated truncation cycles
      nodes(first: 100) { totalCount edges { depth direction daysFromRoot daysAfterPrevious node { id kind label ... on Action { performer { name } } ... on Document { symbol issuer issuedOn } } path { length nodes { id label } relations { kind evidence { quote source } } } } }
      relations(first: 100) { totalCount edges { node { kind from { id } to { id } evidence { quote source start end } confidence } } }
    }
  }`;

  it("finds the department actions implementing a directive, each with its most detailed path", async () => {
    const res = await api.query(LINEAGE, {
      root: gid("Document", KEYS.d36 as string),
      filter: { kinds: ["ACTION", "TASK"], tiers: ["DEPARTMENT"] },
    });
    expect(res.errors).toBeUndefined();
    const lineage = res.data.lineage as { nodes: { edges: Edge[] }; truncated: boolean };
    const edges = lineage.nodes.edges;
    const actions = edges.filter((e) => e.node.kind === "ACTION");
    expect(actions.map((e) => e.node.id).sort()).toEqual(KEYS.actions.map((k) => gid("Action", k)).sort());
    for (const a of actions) {
      // Through 71-CTr/TU and 243/KH-UBND, not the task's direct citation of 36-NQ/TW.
      expect(a.path.nodes.map((n) => n.id)).toEqual([
        gid("Document", KEYS.d36 as string),
        gid("Document", KEYS.d71 as string),
        gid("Document", KEYS.d243 as string),
        gid("Task", KEYS.task74 as string),
        a.node.id,
      ]);
      expect(a.depth).toBe(4);
    }
    // Task 74 matches (department tier); task 75 (no tier) and the unit-tier action do not.
    expect(edges.filter((e) => e.node.kind === "TASK").map((e) => e.node.id)).toEqual([
      gid("Task", KEYS.task74 as string),
    ]);
    expect(edges.some((e) => e.node.label.includes("Cam Lộ"))).toBe(false);
    expect(lineage.truncated).toBe(false);
  });

  it("puts a task's result document after the task, with the days since the root", async () => {
    const res = await api.query(LINEAGE, {
      root: gid("Document", KEYS.d36 as string),
      filter: { kinds: ["DOCUMENT"] },
    });
    const edges = (
      res.data.lineage as {
        nodes: { edges: Array<Edge & { daysFromRoot: number; daysAfterPrevious: number }> };
      }
    ).nodes.edges;
    const d43 = edges.find((e) => e.node.id === gid("Document", KEYS.d43 as string));
    expect(d43?.path.nodes.map((n) => n.id)).toContain(gid("Task", KEYS.task74 as string));
    expect(d43?.daysFromRoot).toBe(388); // 2023-01-30 → 2024-02-22
    expect(d43?.daysAfterPrevious).toBe(66); // 243/KH-UBND 2023-12-18 → 2024-02-22
  });

  it("walks UPSTREAM from an action to the directive", async () => {
    const res = await api.query(LINEAGE, {
      root: gid("Action", KEYS.actions[0] as string),
      direction: "UPSTREAM",
    });
    expect(res.errors).toBeUndefined();
    const lineage = res.data.lineage as {
      root: { label: string };
      nodes: { edges: Array<Edge & { node: { symbol?: string; issuer?: string; issuedOn?: string } }> };
    };
    expect(lineage.root.label).toBe(AZOTOBACTER);
    const top = lineage.nodes.edges.find((e) => e.node.symbol === "36-NQ/TW");
    expect(top?.node.issuer).toBe("Bộ Chính trị");
    expect(top?.node.issuedOn).toBe("2023-01-30");
    expect(top?.path.nodes.map((n) => n.id).slice(0, 3)).toEqual([
      gid("Action", KEYS.actions[0] as string),
      gid("Task", KEYS.task74 as string),
      gid("Document", KEYS.d243 as string),
    ]);
    // UPSTREAM never goes back down: no sibling action, no result document.
    expect(lineage.nodes.edges.some((e) => e.node.kind === "ACTION")).toBe(false);
  });

  it("BOTH is the union of the two directed walks, not the undirected closure", async () => {
    const res = await api.query(LINEAGE, { root: gid("Document", KEYS.d243 as string), direction: "BOTH" });
    const edges = (res.data.lineage as { nodes: { edges: Array<Edge & { direction: string }> } }).nodes.edges;
    const ids = new Set(edges.map((e) => e.node.id));
    expect(ids.has(gid("Document", KEYS.d36 as string))).toBe(true);
    expect(ids.has(gid("Action", KEYS.actions[0] as string))).toBe(true);
    // 20-NQ/TW is not connected by default relations; task 74's direct link to 36-NQ/TW does not
    // make 36-NQ/TW's other implementers (71-CTr/TU is upstream, fine) appear as downstream.
    expect(ids.has(gid("Document", KEYS.d20 as string))).toBe(false);
    expect(edges.find((e) => e.node.id === gid("Document", KEYS.d71 as string))?.direction).toBe("UPSTREAM");
  });

  it("states truncation at maxDepth and returns cycles as data", async () => {
    const shallow = await api.query(LINEAGE, { root: gid("Document", KEYS.d36 as string), maxDepth: 1 });
    expect((shallow.data.lineage as { truncation: string[] }).truncation).toEqual(["MAX_DEPTH"]);
    const cyclic = await api.query(LINEAGE, { root: gid("Document", KEYS.cycA as string) });
    const lineage = cyclic.data.lineage as { cycles: string[][]; nodes: { totalCount: number } };
    expect(lineage.cycles).toHaveLength(1);
    expect(new Set(lineage.cycles[0])).toEqual(
      new Set([gid("Document", KEYS.cycA as string), gid("Document", KEYS.cycB as string)]),
    );
    expect(lineage.nodes.totalCount).toBe(1);
  });

  it("filters by organisation, status and overdue", async () => {
    const root = gid("Document", KEYS.d243 as string);
    const byOrg = await api.query(LINEAGE, {
      root,
      filter: { organisations: [gid("Organisation", KEYS.ubnd as string)] },
    });
    const orgIds = (byOrg.data.lineage as { nodes: { edges: Edge[] } }).nodes.edges.map((e) => e.node.id);
    expect(orgIds).toEqual([gid("Task", KEYS.task76 as string)]);
    // Today both dated tasks are past their deadlines; only task 74 has a report (in progress).
    const overdue = await api.query(LINEAGE, { root, filter: { overdue: true } });
    const overdueIds = (overdue.data.lineage as { nodes: { edges: Edge[] } }).nodes.edges.map(
      (e) => e.node.id,
    );
    expect(overdueIds.sort()).toEqual(
      [gid("Task", KEYS.task74 as string), gid("Task", KEYS.task75 as string)].sort(),
    );
    const reported = await api.query(LINEAGE, { root, filter: { statuses: ["IN_PROGRESS_ON_TIME"] } });
    const reportedIds = (reported.data.lineage as { nodes: { edges: Edge[] } }).nodes.edges.map(
      (e) => e.node.id,
    );
    expect(reportedIds).toEqual([gid("Task", KEYS.task74 as string)]);
  });

  it("rejects an unknown root with NOT_FOUND and a malformed id with BAD_USER_INPUT", async () => {
    expect(codes(await api.query(LINEAGE, { root: gid("Document", "nope") }))).toEqual(["NOT_FOUND"]);
    expect(codes(await api.query(LINEAGE, { root: "not an id" }))).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("document, organisation and search", () => {
  it("reads any citation form", async () => {
    for (const ref of ["nghi quyet 36-nq/tw", "Nghị quyết số 36-NQ/TW", "36-NQ/TW"]) {
      const res = await api.query(`query($ref: String!) { document(ref: $ref) { symbol issuer issuedOn } }`, {
        ref,
      });
      expect(res.errors, ref).toBeUndefined();
      expect(res.data.document, ref).toEqual({
        symbol: "36-NQ/TW",
        issuer: "Bộ Chính trị",
        issuedOn: "2023-01-30",
      });
    }
    const hdnd = await api.query(`{ document(ref: "36/2024/NQ-HĐND") { symbol type system } }`);
    expect(hdnd.data.document).toEqual({
      symbol: "36/2024/NQ-HĐND",
      type: "RESOLUTION",
      system: "STATE_NORMATIVE",
    });
  });

  it("lists candidates for an ambiguous reference and narrows by jurisdiction", async () => {
    const res = await api.query(`{ document(ref: "Kế hoạch số 97/KH-UBND") { symbol } }`);
    expect(codes(res)).toEqual(["AMBIGUOUS_REFERENCE"]);
    const candidates = res.errors?.[0]?.extensions?.candidates as Array<{ jurisdiction: string }>;
    expect(candidates.map((c) => c.jurisdiction).sort()).toEqual(["ha-noi", "quang-tri"]);
    const narrowed = await api.query(`{ document(ref: "97/KH-UBND", jurisdiction: "Hà Nội") { key } }`);
    expect(narrowed.data.document).toEqual({ key: KEYS.kh97hn });
  });

  it("exposes a document's relations, tasks, status and sources", async () => {
    const res = await api.query(`{ document(ref: "36-NQ/TW") {
      id status held tier
      implementedBy(first: 5) { totalCount edges { node { symbol } relations { kind cue evidence { quote source } } } }
      tasks { totalCount edges { node { ref lead { name } status overdue(asOf: "2025-06-01") deadline { to } } } }
      sources { edges { node { source { name } evidence { quote start end } } } }
    } }`);
    expect(res.errors).toBeUndefined();
    const doc = res.data.document as Record<string, any>;
    expect(doc.status).toBe("IN_FORCE");
    expect(doc.implementedBy.edges.map((e: any) => e.node.symbol)).toEqual(["71-CTr/TU"]);
    expect(doc.implementedBy.edges[0].relations[0].evidence[0].source).toBe("bao-cao.txt");
    expect(doc.tasks.edges[0].node).toMatchObject({
      ref: "Nhiệm vụ số 74",
      lead: [{ name: "Sở Khoa học và Công nghệ" }],
      status: "IN_PROGRESS_ON_TIME",
      overdue: true,
    });
    expect(doc.sources.edges[0].node.evidence.quote).toContain("36-NQ/TW");
    const amended = await api.query(
      `{ document(ref: "20-NQ/TW") { status citationsIn { edges { node { kind from { label } } } } } }`,
    );
    expect(amended.data.document).toMatchObject({ status: "AMENDED" });
  });

  it("searches without diacritics and ranks the directive first among documents", async () => {
    const res = await api.query(
      `{ search(query: "cong nghe sinh hoc", kinds: [DOCUMENT], first: 5) { totalCount edges { score node { label ... on Document { symbol } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const edges = (res.data.search as { edges: Array<{ node: { symbol: string } }> }).edges;
    expect(edges[0]?.node.symbol).toBe("36-NQ/TW");
    const all = await api.query(`{ search(query: "azotobacter") { edges { node { kind } } } }`);
    expect((all.data.search as { edges: Array<{ node: { kind: string } }> }).edges[0]?.node.kind).toBe(
      "ACTION",
    );
  });

  it("finds an organisation by name, alias or code in any spelling", async () => {
    for (const ref of ["Sở KH&CN", "so khoa hoc va cong nghe", "SKHCN"]) {
      const res = await api.query(`query($ref: String!) { organisation(ref: $ref) { key } }`, { ref });
      expect(res.data.organisation, ref).toEqual({ key: KEYS.skhcn });
    }
  });
});

describe("accountability, gaps, paths", () => {
  it("counts tasks by status, overdue and plans per lead unit", async () => {
    const res = await api.query(`{ accountability(asOf: "2024-07-01") { totalCount edges { node {
      organisation { key } taskCount overdueCount plansIssuedCount byStatus { status count }
    } } } }`);
    expect(res.errors).toBeUndefined();
    const rows = (res.data.accountability as { edges: Array<{ node: any }> }).edges.map((e) => e.node);
    const skhcn = rows.find((r) => r.organisation.key === KEYS.skhcn);
    expect(skhcn).toMatchObject({
      taskCount: 1,
      overdueCount: 0,
      plansIssuedCount: 1,
      byStatus: [{ status: "IN_PROGRESS_ON_TIME", count: 1 }],
    });
    const before = await api.query(
      `{ accountability(asOf: "2024-06-01", organisation: "${gid("Organisation", KEYS.skhcn as string)}") { edges { node { byStatus { status count } } } } }`,
    );
    // The only report is dated 2024-06-20: on 2024-06-01 nothing was reported yet.
    expect((before.data.accountability as any).edges[0].node.byStatus).toEqual([
      { status: "UNKNOWN", count: 1 },
    ]);
  });

  it("lists gaps under a root", async () => {
    const res = await api.query(
      `{ gaps(scope: "${gid("Document", KEYS.d243 as string)}") { totalCount edges { node { kind severity node { id } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const gaps = (
      res.data.gaps as { edges: Array<{ node: { kind: string; node: { id: string } } }> }
    ).edges.map((e) => e.node);
    expect(gaps).toContainEqual({
      kind: "TASK_WITHOUT_LEAD",
      severity: "WARNING",
      node: { id: gid("Task", KEYS.task75 as string) },
    });
    expect(gaps.filter((g) => g.kind === "OVERDUE_TASK").map((g) => g.node.id)).toContain(
      gid("Task", KEYS.task75 as string),
    );
  });

  it("finds shortest paths between two nodes", async () => {
    const res = await api.query(
      `{ paths(from: "${gid("Action", KEYS.actions[0] as string)}", to: "${gid("Document", KEYS.d36 as string)}", first: 2) { length nodes { id } relations { kind } } }`,
    );
    expect(res.errors).toBeUndefined();
    const paths = res.data.paths as Array<{ length: number }>;
    expect(paths[0]?.length).toBe(2); // action → task 74 → 36-NQ/TW (the direct citation)
  });
});
