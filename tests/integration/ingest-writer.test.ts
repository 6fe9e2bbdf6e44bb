// The writer's guarantees on hand-written extractions (tests/fixtures/extractions.ts): what one file
// contributes, how a changed file replaces exactly that, how citations and own text meet in one
// node, that a file is all or nothing, and that round trips do not grow with the file.
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Extraction } from "../../src/extract/types.ts";
import type { GraphConnection, QueryRunner } from "../../src/graph/connection.ts";
import { buildRows, ExtractionContractError, type SourceMeta } from "../../src/graph/rows.ts";
import { writeRows } from "../../src/graph/writer.ts";
import { planExtraction } from "../fixtures/extractions.ts";
import { clearGraph, openTestGraph } from "../helpers/graph.ts";

let graph: GraphConnection;
beforeAll(async () => {
  graph = await openTestGraph();
});
beforeEach(async () => {
  await clearGraph(graph);
});
afterAll(async () => {
  await graph.close();
});

const meta = (path: string): SourceMeta => ({
  key: path,
  name: path,
  path,
  sha256: path,
  format: "txt",
  bytes: 1,
});

async function write(
  path: string,
  fixture: { text: string; extraction: Extraction },
  runner?: (tx: QueryRunner) => QueryRunner,
) {
  const rows = buildRows(fixture.extraction, meta(path), fixture.text);
  await graph.write((tx) => writeRows(runner ? runner(tx) : tx, rows));
  return rows;
}

/** Every node (labels + key) and relationship (type, ends, source), sorted: the graph's content. */
async function fingerprint(source?: string): Promise<string[]> {
  return graph.read(async (tx) => {
    const nodes = await tx.run(
      "MATCH (n) WHERE NOT n:Migration RETURN labels(n)[0] + ':' + coalesce(n.key, '') AS f",
    );
    const rels = await tx.run(
      `MATCH (a)-[r]->(b) WHERE $source IS NULL OR r.source = $source
       RETURN type(r) + ' ' + a.key + ' -> ' + b.key + ' @' + coalesce(r.source, '-') + ' ' + coalesce(r.quote, '') AS f`,
      { source: source ?? null },
    );
    const all = [...(source ? [] : nodes.records), ...rels.records].map((r) => r.get("f") as string);
    return all.sort();
  });
}

async function counts(): Promise<{ nodes: number; relationships: number }> {
  return graph.read(async (tx) => {
    const n = await tx.run("MATCH (n) WHERE NOT n:Migration RETURN count(n) AS c");
    const r = await tx.run("MATCH ()-[r]->() RETURN count(r) AS c");
    return { nodes: n.records[0]?.get("c").toNumber(), relationships: r.records[0]?.get("c").toNumber() };
  });
}

describe("ingest writer", () => {
  it("writes a file's facts with provenance, and the same file again changes nothing", async () => {
    await write("/docs/plan.txt", planExtraction());
    const first = await fingerprint();
    const before = await counts();
    expect(before.nodes).toBeGreaterThan(5);
    await write("/docs/plan.txt", planExtraction());
    expect(await fingerprint()).toEqual(first);
    expect(await counts()).toEqual(before);

    const provenance = await graph.read(async (tx) =>
      (
        await tx.run(
          `MATCH (:Document {symbol: '43/KH-SKHCN'})-[r:IMPLEMENTS]->(:Document {symbol: '243/KH-UBND'})
           RETURN r.source AS source, r.start AS start, r.end AS end, r.quote AS quote, r.cue AS cue,
                  r.confidence AS confidence, r.extractorVersion AS version`,
        )
      ).records.map((r) => r.toObject()),
    );
    const { text } = planExtraction();
    expect(provenance).toHaveLength(1);
    const p = provenance[0] as Record<string, unknown>;
    expect(p).toMatchObject({ source: "/docs/plan.txt", cue: "thực hiện", confidence: 0.9, version: "test" });
    expect(neo4j.isInt(p.start)).toBe(true);
    expect(text.slice((p.start as neo4j.Integer).toNumber(), (p.end as neo4j.Integer).toNumber())).toBe(
      p.quote,
    );
    // Every extracted relationship and node carries its source.
    const unsourced = await graph.read(async (tx) => {
      const r = await tx.run(
        "MATCH (a)-[r]->(b) WHERE NOT type(r) IN ['MENTIONS', 'CONTAINS'] AND r.source IS NULL RETURN count(r) AS c",
      );
      const n = await tx.run(
        "MATCH (n) WHERE NOT n:Migration AND NOT n:Source AND NOT EXISTS { (:Source)-[:MENTIONS|CONTAINS]->(n) } RETURN count(n) AS c",
      );
      return [r.records[0]?.get("c").toNumber(), n.records[0]?.get("c").toNumber()];
    });
    expect(unsourced).toEqual([0, 0]);
  });

  it("computes tiers from the resolved organisations", async () => {
    await write("/docs/plan.txt", planExtraction());
    const tiers = await graph.read(async (tx) =>
      (
        await tx.run(
          "MATCH (d:Document {symbol: '43/KH-SKHCN'}), (p:Document {symbol: '243/KH-UBND'}), (t:Task), (a:Action) RETURN d.tier AS d, p.tier AS p, t.tier AS t, a.tier AS a",
        )
      ).records[0]?.toObject(),
    );
    expect(tiers).toEqual({ d: "DEPARTMENT", p: "PROVINCIAL_STATE", t: "DEPARTMENT", a: "DEPARTMENT" });
  });

  it("replaces exactly what a changed file contributed and keeps other files' facts", async () => {
    await write("/docs/a.txt", planExtraction());
    await write("/docs/b.txt", planExtraction({ variant: " (bản B)" }));
    const aBefore = await fingerprint("/docs/a.txt");
    const bBefore = await fingerprint("/docs/b.txt");
    await write("/docs/b.txt", planExtraction({ variant: " (bản B, sửa)" }));
    expect(await fingerprint("/docs/a.txt")).toEqual(aBefore);
    const bAfter = await fingerprint("/docs/b.txt");
    expect(bAfter).not.toEqual(bBefore);
    expect(bAfter.join("\n")).toContain("(bản B, sửa)");
    expect(bAfter.join("\n")).not.toContain("(bản B)\n");
    // The task node is shared (same key); its mentions are one per file.
    const mentions = await graph.read(async (tx) =>
      (await tx.run("MATCH (s:Source)-[:MENTIONS]->(:Task) RETURN s.key AS s ORDER BY s")).records.map((r) =>
        r.get("s"),
      ),
    );
    expect(mentions).toEqual(["/docs/a.txt", "/docs/b.txt"]);
  });

  it("deletes nodes no file mentions any more, and keeps those another file still mentions", async () => {
    const full = planExtraction();
    await write("/docs/a.txt", full);
    await write("/docs/b.txt", planExtraction());
    const without = planExtraction();
    without.extraction.citations = without.extraction.citations.filter((c) => c.symbol !== "36-NQ/TW");
    without.extraction.relations = without.extraction.relations.filter((r) => !r.to.includes("36-NQ/TW"));
    await write("/docs/a.txt", without);
    const has36 = async () =>
      graph.read(async (tx) =>
        (await tx.run("MATCH (d:Document {symbol: '36-NQ/TW'}) RETURN count(d) AS c")).records[0]
          ?.get("c")
          .toNumber(),
      );
    expect(await has36()).toBe(1); // b still cites it
    await write("/docs/b.txt", without);
    expect(await has36()).toBe(0);
  });

  it("upgrades a document known from citations in place when its own text arrives", async () => {
    await write("/docs/plan.txt", planExtraction());
    const cited = await graph.read(async (tx) =>
      (
        await tx.run("MATCH (d:Document {symbol: '243/KH-UBND'}) RETURN elementId(d) AS id, d.held AS held")
      ).records[0]?.toObject(),
    );
    expect(cited?.held).toBe(false);
    const own = planExtraction();
    const plan = own.extraction.citations[0];
    if (!plan) throw new Error("fixture has no citation");
    own.extraction.document = { ...plan, title: "Kế hoạch thực hiện Chương trình hành động số 71-CTr/TU" };
    own.extraction.citations = [];
    own.extraction.relations = [];
    own.extraction.tasks = [];
    own.extraction.actions = [];
    await write("/docs/243.txt", own);
    const upgraded = await graph.read(async (tx) =>
      (
        await tx.run(
          "MATCH (d:Document {symbol: '243/KH-UBND'}) RETURN elementId(d) AS id, d.held AS held, d.title AS title, count{ (d)<-[:IMPLEMENTS]-() } AS implementedBy",
        )
      ).records.map((r) => r.toObject()),
    );
    expect(upgraded).toHaveLength(1);
    expect(upgraded[0]).toMatchObject({
      id: cited?.id,
      held: true,
      title: "Kế hoạch thực hiện Chương trình hành động số 71-CTr/TU",
    });
    // A later citation does not overwrite what the document's own text says.
    await write("/docs/plan.txt", planExtraction());
    const title = await graph.read(async (tx) =>
      (await tx.run("MATCH (d:Document {symbol: '243/KH-UBND'}) RETURN d.title AS t")).records[0]?.get("t"),
    );
    expect(title).toBe("Kế hoạch thực hiện Chương trình hành động số 71-CTr/TU");
  });

  it("refuses an extraction that breaks the contract and writes nothing", async () => {
    const bad = planExtraction();
    const task = bad.extraction.tasks[0];
    if (!task) throw new Error("fixture has no task");
    task.span = { start: 5, end: 1_000_000, text: "?" };
    expect(() => buildRows(bad.extraction, meta("/docs/bad.txt"), bad.text)).toThrow(ExtractionContractError);
    const kind = planExtraction();
    (kind.extraction.relations[0] as { kind: string }).kind = "DETACH DELETE";
    expect(() => buildRows(kind.extraction, meta("/docs/bad.txt"), kind.text)).toThrow(/not in the model/);
    expect(await counts()).toEqual({ nodes: 0, relationships: 0 });
  });

  it("rolls the whole file back when a statement fails mid-file", async () => {
    const failing = (tx: QueryRunner): QueryRunner => ({
      run: ((query: string, params?: Record<string, unknown>) =>
        query.includes("UNWIND file.tasks")
          ? tx.run("RETURN 1/0", {})
          : tx.run(query, params)) as QueryRunner["run"],
    });
    await expect(write("/docs/plan.txt", planExtraction(), failing)).rejects.toThrow(/by zero/);
    expect(await counts()).toEqual({ nodes: 0, relationships: 0 });
  });

  it("costs the same bounded number of round trips for 1 or 300 citations, tasks and actions", async () => {
    const trips = async (path: string, fixture: { text: string; extraction: Extraction }) => {
      let n = 0;
      await write(path, fixture, (tx) => ({
        run: ((query: string, params?: Record<string, unknown>) => {
          n++;
          return tx.run(query, params);
        }) as QueryRunner["run"],
      }));
      return n;
    };
    const small = await trips("/docs/small.txt", planExtraction());
    const big = planExtraction();
    const [c0] = big.extraction.citations;
    const [t0] = big.extraction.tasks;
    const [a0] = big.extraction.actions;
    if (!c0 || !t0 || !a0) throw new Error("fixture incomplete");
    for (let i = 0; i < 300; i++) {
      const key = `state-admin|x-province|${i}/KH-UBND|2023`;
      big.extraction.citations.push({ ...c0, key, symbol: `${i}/KH-UBND` });
      big.extraction.relations.push({
        ...(big.extraction.relations[0] as Extraction["relations"][number]),
        to: key,
        kind: "CITES",
      });
      big.extraction.tasks.push({ ...t0, key: `task-${i}`, implements: [key], actions: [`action-${i}`] });
      big.extraction.actions.push({ ...a0, key: `action-${i}`, serves: [`task-${i}`] });
    }
    const large = await trips("/docs/big.txt", big);
    expect(small).toBeLessThanOrEqual(14);
    expect(large).toBe(small);
    const written = await graph.read(async (tx) =>
      (
        await tx.run(
          "MATCH (a:Action)-[:SERVES]->(:Task)-[:IMPLEMENTS]->(:Document) RETURN count(DISTINCT a) AS c",
        )
      ).records[0]
        ?.get("c")
        .toNumber(),
    );
    expect(written).toBe(301);
  });

  it("lets two files that share documents be written at the same time", async () => {
    await Promise.all([
      write("/docs/one.txt", planExtraction({ variant: " một" })),
      write("/docs/two.txt", planExtraction({ variant: " hai" })),
      write("/docs/three.txt", planExtraction({ variant: " ba" })),
    ]);
    const sources = await graph.read(async (tx) =>
      (
        await tx.run(
          "MATCH (s:Source)-[:CONTAINS]->(d:Document) RETURN count(DISTINCT s) AS s, count(DISTINCT d) AS d",
        )
      ).records[0]?.toObject(),
    );
    expect(sources).toEqual({ s: neo4j.int(3), d: neo4j.int(1) });
  });
});
