// The held-out documents (tests/fixtures/heldout: ministries, provinces before and after the 2025
// mergers, a district and a commune) through the whole ingest into Neo4j: every file lands, and the
// facts their extraction tests assert survive the graph's keys (a commune's own numbering, a
// decision that replaces another, tasks serving a national directive through the attached plan).
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { type FileOutcome, ingestPaths } from "../../src/graph/ingest.ts";
import { clearGraph, openTestGraph, readOne } from "../helpers/graph.ts";
import { startApi } from "./api-support.ts";

const heldout = resolve(import.meta.dirname, "../fixtures/heldout");

let graph: GraphConnection;
let outcomes: FileOutcome[];

beforeAll(async () => {
  graph = await openTestGraph();
  await clearGraph(graph);
  outcomes = await ingestPaths(graph, [heldout], { force: true });
});
afterAll(async () => {
  await graph.close();
});

const one = <T>(query: string, params: Record<string, unknown> = {}) => readOne<T>(graph, query, params);

describe("held-out documents in the graph", () => {
  it("ingests every file", () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(20);
    expect(outcomes.filter((o) => o.status !== "ingested")).toEqual([]);
  });

  it("keeps a commune's plan apart from its province's plan of the same number", async () => {
    const keys = await one<string[]>(
      "MATCH (d:Document) WHERE d.symbol = '45/KH-UBND' AND d.key STARTS WITH 'state-admin|lao-cai' RETURN collect(d.key)",
    );
    expect(keys).toContain("state-admin|lao-cai/xa-bao-thang|45/KH-UBND|2025");
  });

  it("records that the ministry's decision replaces the earlier one, with its cue", async () => {
    const cue = await one<string | null>(
      `MATCH (:Document {symbol: '1254/QĐ-BNN-KHCN'})-[r:REPLACES]->(:Document {symbol: '3246/QĐ-BNN-KHCN'})
       RETURN r.cue`,
    );
    expect(cue).toMatch(/thay thế/);
  });

  it("leads the attached plan's tasks up to 36-NQ/TW", async () => {
    const tasks = await one<number>(
      `MATCH (t:Task)-[:ASSIGNED_BY]->(:Document {symbol: '1254/QĐ-BNN-KHCN'})
       WHERE EXISTS { (t)-[:IMPLEMENTS]->(:Document {key: 'party|national|36-NQ/TW|2023'}) }
       RETURN count(t)`,
    );
    expect(tasks).toBe(4);
  });

  it("gives a district's plan its own council and a district Party committee its own key", async () => {
    const lead = await one<string[]>(
      `MATCH (o:Organisation)-[:LEAD]->(t:Task)-[:ASSIGNED_BY]->(:Document {key: 'party|dak-lak/huyen-krong-pac|86-KH/HU|2024'})
       RETURN collect(o.key)`,
    );
    expect(lead).toContain("org:dak-lak/huyen-krong-pac:x-ban-tuyen-giao-huyen-uy");
    const councils = await one<number>(
      "MATCH (o:Organisation) WHERE o.key IN ['org:dak-lak/huyen-krong-pac:hdnd', 'org:ninh-binh/phuong-hoa-lu:ubnd'] RETURN count(o)",
    );
    expect(councils).toBe(2);
  });

  it("stores a status as of the date the report gives, not the day it was sent", async () => {
    const on = await one<string[]>(
      `MATCH (:Task)-[:HAS_STATUS]->(s:StatusReport)-[:REPORTED_BY]->(:Document {symbol: '715/BC-SNV'})
       RETURN collect(DISTINCT toString(s.reportedOn))`,
    );
    expect(on).toEqual(["2024-10-31"]);
  });

  it("links a ward's plan to the Đề án its title names by alias", async () => {
    const n = await one<number>(
      `MATCH (:Document {key: 'state-admin|ninh-binh/phuong-hoa-lu|37/KH-UBND|2025'})-[:IMPLEMENTS]->(d:Document)
       WHERE d.symbol IS NULL RETURN count(d)`,
    );
    expect(n).toBe(1);
  });

  it("ties a target to the task whose item states it, and keeps the date counts stand at", async () => {
    const target = await one<{ task: string; value: number; unit: string } | null>(
      `MATCH (t:Task)-[r:SETS_TARGET]->(g:Target)-[:PART_OF]->(:Document {symbol: '142/BC-UBND'})
       RETURN {task: t.content, value: g.value, unit: g.unit, source: r.source}`,
    );
    expect(target?.task).toMatch(/^Sở Kế hoạch và Đầu tư chủ trì đôn đốc giải ngân/u);
    expect(target).toMatchObject({ value: 95, unit: "% kế hoạch vốn" });
    const asOf = await one<string[]>(
      `MATCH (s:Statistics)-[:PART_OF]->(:Document {symbol: '142/BC-UBND'}) RETURN collect(toString(s.asOf))`,
    );
    expect(asOf).toEqual(["2024-06-15"]);
  });

  it("answers a task's targets and a target's task through the API", async () => {
    const api = await startApi(graph);
    try {
      const res = await api.query(`{
        document(ref: "142/BC-UBND", jurisdiction: "binh-dinh") {
          tasks(first: 50) { edges { node { content targets { totalCount edges { node { value unit task { content } } } } } } }
        }
      }`);
      expect(res.errors).toBeUndefined();
      type TargetNode = { value: number; unit: string; task: { content: string } };
      type TaskNode = { content: string; targets: { totalCount: number; edges: { node: TargetNode }[] } };
      const tasks = (res.data.document.tasks.edges as { node: TaskNode }[]).map((e) => e.node);
      const setting = tasks.filter((t) => t.targets.totalCount > 0);
      expect(setting).toHaveLength(1);
      const target = setting[0]?.targets.edges[0]?.node;
      expect(target).toMatchObject({ value: 95, unit: "% kế hoạch vốn" });
      expect(target?.task.content).toBe(setting[0]?.content);
    } finally {
      await api.close();
    }
  });

  it("keeps a group of bodies that leads a task apart from single bodies, and a count's whole", async () => {
    const groups = await one<{ key: string; collective: boolean | null }[]>(
      `MATCH (o:Organisation)-[:LEAD]->(:Task)-[:ASSIGNED_BY]->(:Document {symbol: '318/BC-UBND'})
       RETURN collect({key: o.key, collective: o.collective})`,
    );
    expect(groups).toEqual(
      expect.arrayContaining([
        { key: "org:thai-nguyen:group-so-ban-nganh", collective: true },
        { key: "org:thai-nguyen:stc", collective: null },
      ]),
    );
    const api = await startApi(graph);
    try {
      const res = await api.query(`{
        document(ref: "318/BC-UBND", jurisdiction: "thai-nguyen") {
          tasks(first: 10) { edges { node { lead { name collective } } } }
        }
      }`);
      expect(res.errors).toBeUndefined();
      type Lead = { name: string; collective: boolean };
      const leads = (res.data.document.tasks.edges as { node: { lead: Lead[] } }[]).flatMap(
        (e) => e.node.lead,
      );
      expect(leads).toEqual(
        expect.arrayContaining([
          { name: "Các sở, ban, ngành", collective: true },
          { name: "UBND các huyện, thị xã, thành phố", collective: true },
          { name: "Sở Tài chính tỉnh Thái Nguyên", collective: false },
        ]),
      );
      const found = await api.query(`{
        search(query: "vùng khó khăn huyện Võ Nhai", kinds: [ACTION], first: 5) {
          edges { node { ... on Action { quantity total unit } } }
        }
      }`);
      expect(found.errors).toBeUndefined();
      const actions = (
        found.data.search.edges as { node: { quantity: number; total: number; unit: string } }[]
      ).map((e) => e.node);
      expect(actions).toContainEqual({ quantity: 12, total: 15, unit: "xã" });
    } finally {
      await api.close();
    }
  });
});
