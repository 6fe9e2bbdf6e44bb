// Ingest of real files on real Neo4j: the seed report, modified copies, the corpus, bad files, and a
// process killed in the middle of a directory.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import {
  appendFile,
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  symlink,
  truncate,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphConnection, QueryRunner } from "../../src/graph/connection.ts";
import { ingestFile, ingestPaths, prepareFile } from "../../src/graph/ingest.ts";
import { cypher } from "../../src/graph/queries/cypher.ts";
import { ensureRegistry } from "../../src/graph/registry.ts";
import { folded } from "../../src/graph/rows.ts";
import { writeRows } from "../../src/graph/writer.ts";
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
const shared = resolve(repoRoot, "../shared");
const corpus = [
  "chinh-phu-nq-03-chuong-trinh-hanh-dong-nq-57.md",
  "dang-doan-quoc-hoi-kh-3260-thuc-hien-nq-57.md",
  "dang-uy-chinh-phu-bao-cao-thuc-hien-nq-57.md",
].map((f) => join(shared, "corpus", f));
const haveCorpus = corpus.every((f) => existsSync(f));
if (!haveCorpus) console.warn(`skipping corpus tests: ${shared}/corpus not found`);

let graph: GraphConnection;
let dir: string;

beforeAll(async () => {
  graph = await openTestGraph();
  await clearGraph(graph);
  await ensureRegistry(graph);
  dir = await mkdtemp(join(tmpdir(), "chidao-ingest-"));
});
afterAll(async () => {
  await graph.close();
  await rm(dir, { recursive: true, force: true });
});

const one = <T>(query: string, params: Record<string, unknown> = {}) => readOne<T>(graph, query, params);
const counts = () => graphCounts(graph);
const contribution = (path: string) => sourceContribution(graph, path);

describe("ingest of the seed report", () => {
  it("ingests the seed; twice gives identical node and relationship counts; unchanged is skipped", async () => {
    const first = await ingestFile(graph, seed);
    expect(first.status, first.error).toBe("ingested");
    const before = await counts();
    const contributed = await contribution(seed);
    expect(before.relationships).toBeGreaterThan(50);
    expect((await ingestFile(graph, seed)).status).toBe("unchanged");
    const forced = await ingestFile(graph, seed, true);
    expect(forced.status).toBe("ingested");
    expect(await counts()).toEqual(before);
    expect(await contribution(seed)).toEqual(contributed);
  });

  it("answers 'which department actions serve 36-NQ/TW' with one query: the six actions of task 74", async () => {
    expect((await ingestFile(graph, seed)).status).not.toBe("failed");
    // cypher/queries/ingest-actions-serving.cypher:
    //   MATCH (root:Document {symbolFolded: $symbolFolded})
    //   MATCH chain = (a:Action)-[:SERVES]->()-[:IMPLEMENTS|CONTINUES*1..{{maxDepth}}]->(root)
    //   WHERE $tiers IS NULL OR a.tier IN $tiers
    //   WITH a, chain ORDER BY length(chain)
    //   WITH a, head(collect(chain)) AS chain
    //   RETURN a.key AS key, a.text AS text, a.tier AS tier,
    //          [n IN nodes(chain) | coalesce(n.symbol, n.ref, n.label)] AS via
    //   ORDER BY a.key
    const query = cypher("ingest-actions-serving", { maxDepth: 8 });
    expect(query).toContain("MATCH chain = (a:Action)-[:SERVES]->()-[:IMPLEMENTS|CONTINUES*1..8]->(root)");
    const rows = await graph.read(async (tx) =>
      (await tx.run(query, { symbolFolded: folded("36-NQ/TW"), tiers: ["DEPARTMENT"] })).records.map((r) => ({
        text: r.get("text") as string,
        tier: r.get("tier") as string | null,
        via: r.get("via") as string[],
      })),
    );
    expect(rows.map((r) => `${r.text.slice(0, 70)} via ${r.via.slice(1).join(" → ")}`)).toHaveLength(6);
    const texts = rows.map((r) => r.text).join("\n");
    for (const topic of [/tuyên truyền/i, /Azotobacter/, /nuôi cấy mô/, /ELISA/, /tôm/, /28 tấn/]) {
      expect(texts).toMatch(topic);
    }
    for (const row of rows) {
      expect(row.via.slice(1)).toEqual(["Nhiệm vụ số 74", "243/KH-UBND", "71-CTr/TU", "36-NQ/TW"]);
      expect(row.tier).toBe("DEPARTMENT");
    }
    // Documents take the tier of their issuer, resolved through the registry.
    const issuer = await graph.read(async (tx) =>
      (
        await tx.run(
          "MATCH (d:Document {symbol: '36-NQ/TW'})-[:ISSUED_BY]->(o:Organisation) RETURN d.tier AS tier, o.name AS name",
        )
      ).records[0]?.toObject(),
    );
    expect(issuer).toEqual({ tier: "CENTRAL_PARTY", name: "Bộ Chính trị" });
    // Task 74's result is the department's plan 43/KH-SKHCN, which implements 243/KH-UBND itself.
    const result = await one<string>(
      `MATCH (t:Task {ref: 'Nhiệm vụ số 74'})-[:RESULTED_IN]->(d:Document)-[:IMPLEMENTS]->(:Document {symbol: '243/KH-UBND'})
       RETURN d.symbol`,
    );
    expect(result).toBe("43/KH-SKHCN");
  });

  it("a modified copy changes only its own facts", async () => {
    const copy = join(dir, "copy.txt");
    await copyFile(seed, copy);
    await appendFile(copy, "\nThực hiện Quyết định số 917/QĐ-UBND ngày 05/02/2024 của UBND tỉnh.\n");
    const seedBefore = await contribution(seed);
    expect((await ingestFile(graph, copy)).status).toBe("ingested");
    const copyFirst = await contribution(copy);
    expect(copyFirst.join("\n")).toContain("917/QĐ-UBND");
    expect(await one<number>("MATCH (d:Document {symbol: '917/QĐ-UBND'}) RETURN count(d)")).toBe(1);

    const text = await readFile(copy, "utf8");
    await writeFile(copy, text.replace("917/QĐ-UBND ngày 05/02/2024", "918/QĐ-UBND ngày 06/02/2024"));
    expect((await ingestFile(graph, copy)).status).toBe("ingested");
    const copySecond = await contribution(copy);
    expect(copySecond.join("\n")).toContain("918/QĐ-UBND");
    expect(copySecond.join("\n")).not.toContain("917/QĐ-UBND");
    // The seed's own contribution is untouched, and the document only the old copy cited is gone.
    expect(await contribution(seed)).toEqual(seedBefore);
    expect(await one<number>("MATCH (d:Document {symbol: '917/QĐ-UBND'}) RETURN count(d)")).toBe(0);
    await rm(copy);
  });

  it("two ingests of different files at the same time both complete", async () => {
    const a = join(dir, "concurrent-a.txt");
    const b = join(dir, "concurrent-b.txt");
    await copyFile(seed, a);
    await copyFile(seed, b);
    await appendFile(b, "\nThực hiện Kế hoạch số 12/KH-UBND ngày 15/01/2024 của UBND tỉnh.\n");
    const outcomes = await Promise.all([ingestFile(graph, a), ingestFile(graph, b)]);
    expect(outcomes.map((o) => o.status)).toEqual(["ingested", "ingested"]);
    expect(await one<number>("MATCH (s:Source) WHERE s.key IN $keys RETURN count(s)", { keys: [a, b] })).toBe(
      2,
    );
    // Both files' copies of the report are one document, contained by both.
    expect(
      await one<number>("MATCH (s:Source)-[:CONTAINS]->(d) WHERE s.key IN $keys RETURN count(DISTINCT d)", {
        keys: [a, b],
      }),
    ).toBe(1);
  });

  it("costs a bounded number of round trips per file, whatever the file holds", async () => {
    const trips = async (path: string) => {
      const { rows } = await prepareFile(path);
      let n = 0;
      await graph.write((tx) =>
        writeRows(
          {
            run: ((query: string, params?: Record<string, unknown>) => {
              n++;
              return tx.run(query, params);
            }) as QueryRunner["run"],
          },
          rows,
        ),
      );
      return {
        n,
        items: rows.documents.length + rows.tasks.length + rows.actions.length + rows.relations.length,
      };
    };
    const small = join(dir, "small.txt");
    await writeFile(small, "Thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị.\n");
    const few = await trips(small);
    const many = await trips(seed);
    expect(many.items).toBeGreaterThan(few.items * 10);
    expect(few.n).toBeLessThanOrEqual(14);
    expect(many.n).toBeLessThanOrEqual(14);
  });
});

describe("bad files", () => {
  it("gives a clear message for each empty, binary, unreadable or huge file, and the batch goes on", async () => {
    const bad = join(dir, "bad");
    await mkdir(bad);
    await writeFile(join(bad, "a-empty.txt"), "");
    await writeFile(join(bad, "b-binary.txt"), Buffer.from([0x4b, 0x48, 0x00, 0x01, 0x02]));
    await writeFile(join(bad, "c-latin1.txt"), Buffer.from([0x51, 0x75, 0x79, 0xe9, 0x74]));
    await symlink(join(bad, "gone.txt"), join(bad, "d-dangling.md"));
    await writeFile(join(bad, "e-huge.txt"), "");
    await truncate(join(bad, "e-huge.txt"), 50 * 1024 * 1024);
    await writeFile(join(bad, "f-scan.pdf"), "%PDF-1.7\n%%EOF\n");
    const good = join(bad, "g-good.txt");
    await writeFile(good, "Kế hoạch thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị.\n");
    const outcomes = await ingestPaths(graph, [bad]);
    const byName = Object.fromEntries(outcomes.map((o) => [o.path.slice(bad.length + 1), o]));
    expect(byName["a-empty.txt"]?.error).toMatch(/a-empty\.txt: empty file/);
    expect(byName["b-binary.txt"]?.error).toMatch(
      /b-binary\.txt \(line 1, column 3, byte 2\): binary content/,
    );
    expect(byName["c-latin1.txt"]?.error).toMatch(
      /c-latin1\.txt \(line 1, column 4, byte 3\): invalid UTF-8/,
    );
    expect(byName["d-dangling.md"]?.error).toMatch(/d-dangling\.md: no such file/);
    expect(byName["e-huge.txt"]?.error).toMatch(/e-huge\.txt: too large \(50\.0 MB/);
    expect(byName["f-scan.pdf"]?.error).toMatch(/f-scan\.pdf: (not a readable PDF|PDF has no text layer)/);
    expect(byName["g-good.txt"]?.status).toBe("ingested");
    expect(outcomes.filter((o) => o.status === "failed")).toHaveLength(6);
    expect(await one<number>("MATCH (s:Source) WHERE s.key STARTS WITH $bad RETURN count(s)", { bad })).toBe(
      1,
    );
  });

  it("the CLI prints the summary and exits non-zero when a file failed", async () => {
    const mixed = join(dir, "mixed");
    await mkdir(mixed);
    await writeFile(join(mixed, "empty.md"), "");
    await writeFile(
      join(mixed, "ok.md"),
      "Thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị.\n",
    );
    const run = await runCli(["ingest", mixed]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/failed\s+.*empty\.md: empty file/);
    expect(run.stdout).toMatch(/ingested\s+.*ok\.md/);
    expect(run.stdout).toMatch(
      /files: 2 \(1 ingested, 0 unchanged, 1 failed\) · documents: \d+ · relations: \d+ · tasks: \d+ · actions: \d+ · findings: \d+ · warnings: \d+ · seconds: [\d.]+/,
    );
  });
});

describe("a process killed in the middle of a directory", () => {
  it("leaves every file wholly present or wholly absent", async () => {
    const batch = join(dir, "batch");
    await mkdir(batch);
    const files: string[] = [];
    for (let i = 0; i < 8; i++) {
      const file = join(batch, `report-${i}.txt`);
      await copyFile(seed, file);
      files.push(file);
    }
    // What one file contributes when it is wholly there (every copy has the same content).
    const reference = join(dir, "reference.txt");
    await copyFile(seed, reference);
    expect((await ingestFile(graph, reference)).status).toBe("ingested");
    const whole = (await contribution(reference)).length;

    // Two files per transaction, so the kill lands after the first batch committed and before the last.
    const child = spawn(
      process.execPath,
      [join(repoRoot, "bin/chidao.mjs"), "ingest", batch, "--batch", "2"],
      {
        cwd: repoRoot,
        env: testGraphEnv(),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    const exited = new Promise((done) => child.on("exit", done));
    await new Promise<void>((ready, fail) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (/\[1\/8\] ingested/.test(output)) ready();
      });
      child.on("exit", () => fail(new Error(`ingest ended before it could be killed:\n${output}`)));
    });
    child.kill("SIGKILL");
    await exited;

    const sizes = await Promise.all(files.map(async (f) => (await contribution(f)).length));
    for (const size of sizes) expect([0, whole]).toContain(size);
    expect(sizes.filter((s) => s === whole).length).toBeGreaterThan(0);
    expect(sizes.filter((s) => s === 0).length).toBeGreaterThan(0);
  }, 300_000);
});

describe.skipIf(!haveCorpus)("the seed and the corpus together", () => {
  it("link where they cite the same document and keep same-symbol documents of other places and years apart", async () => {
    const outcomes = await ingestPaths(graph, [seed, ...corpus]);
    for (const o of outcomes) expect(o.status, o.error).not.toBe("failed");
    // 57-NQ/TW is one node, mentioned by every corpus document.
    expect(await one<number>("MATCH (d:Document {symbol: '57-NQ/TW'}) RETURN count(d)")).toBe(1);
    const citing = await one<number>(
      "MATCH (s:Source)-[:MENTIONS|CONTAINS]->(:Document {symbol: '57-NQ/TW'}) WHERE s.key IN $keys RETURN count(DISTINCT s)",
      { keys: corpus },
    );
    expect(citing).toBe(3);
    // Another province's 243/KH-UBND, and the same province's 243/KH-UBND of another year, are other documents.
    const other = join(dir, "quang-binh.txt");
    await writeFile(
      other,
      [
        "UBND TỈNH QUẢNG BÌNH",
        "Số: 15/KH-UBND",
        "Quảng Bình, ngày 05 tháng 3 năm 2024",
        "KẾ HOẠCH",
        "Triển khai ứng dụng công nghệ sinh học năm 2024",
        "Thực hiện Kế hoạch số 243/KH-UBND ngày 10/10/2023 của UBND tỉnh và Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
        "Kế hoạch số 243/KH-UBND ngày 10/3/2021 của UBND tỉnh.",
        "",
      ].join("\n"),
    );
    expect((await ingestFile(graph, other)).status).toBe("ingested");
    const plans = await graph.read(async (tx) =>
      (
        await tx.run(
          "MATCH (d:Document {symbol: '243/KH-UBND'}) RETURN d.jurisdiction + ' ' + toString(d.year) AS d ORDER BY d",
        )
      ).records.map((r) => r.get("d") as string),
    );
    expect(plans).toEqual(expect.arrayContaining(["quang-binh 2021", "quang-binh 2023", "quang-tri 2023"]));
    expect(new Set(plans).size).toBe(plans.length);
    expect(await one<number>("MATCH (d:Document {symbol: '57-NQ/TW'}) RETURN count(d)")).toBe(1);
  }, 600_000);
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin/chidao.mjs"), ...args], {
      cwd: repoRoot,
      env: testGraphEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.on("exit", (code) => done({ code, stdout, stderr }));
  });
}
