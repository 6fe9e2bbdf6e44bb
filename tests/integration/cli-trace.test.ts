// `chidao trace` and `chidao check` as a user runs them: the real CLI in a child process, against
// the run's Neo4j with the seed report ingested (check <path> needs no database).
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/graph/config.ts";
import type { GraphConnection } from "../../src/graph/connection.ts";
import { ingestPaths } from "../../src/graph/ingest.ts";
import { clearGraph, openTestGraph, testGraphEnv } from "../helpers/graph.ts";

const SEED = "quang-tri-skhcn-bao-cao-6-thang-2024.txt";
let graph: GraphConnection;
let env: Record<string, string | undefined>;
let dir: string;

function chidao(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoRoot, "bin/chidao.mjs"), ...args],
      { cwd: repoRoot, env, maxBuffer: 20_000_000, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

interface TraceJson {
  root: { id: string; symbol: string | null; label: string };
  truncation: string[];
  nodes: {
    id: string;
    kind: string;
    label: string;
    symbol: string | null;
    parent: string | null;
    relation: string | null;
    depth: number;
  }[];
}

beforeAll(async () => {
  env = testGraphEnv();
  graph = await openTestGraph();
  await clearGraph(graph);
  const outcomes = await ingestPaths(graph, [join(repoRoot, "seeds")]);
  expect(outcomes.filter((o) => o.status === "failed")).toEqual([]);
  dir = await mkdtemp(join(tmpdir(), "chidao-cli-"));
});

afterAll(async () => {
  await graph?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("chidao trace", () => {
  let down: TraceJson;

  it("prints the downstream chain as JSON, from any citation form", async () => {
    const r = await chidao("trace", "nghi quyet 36-nq/tw", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    down = JSON.parse(r.stdout) as TraceJson;
    expect(down.root.symbol).toBe("36-NQ/TW");
    const bySymbol = (s: string) => down.nodes.find((n) => n.symbol === s);
    const ctr = bySymbol("71-CTr/TU");
    const plan = bySymbol("243/KH-UBND");
    expect(ctr?.parent).toBe(down.root.id);
    expect(plan?.parent).toBe(ctr?.id);
    const task = down.nodes.find((n) => n.kind === "TASK" && n.parent === plan?.id);
    expect(task, "a task under 243/KH-UBND").toBeDefined();
    const actions = down.nodes.filter((n) => n.kind === "ACTION" && n.parent === task?.id);
    expect(actions).toHaveLength(6);
    expect(actions.filter((a) => a.label.includes("Azotobacter"))).toHaveLength(1);
  });

  it("prints a CSV of edges with evidence and source", async () => {
    const r = await chidao("trace", "36-NQ/TW", "--down", "--format", "csv");
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split("\r\n");
    expect(lines[0]).toBe("from,to,kind,evidence,source");
    const edge = lines.find((l) => l.startsWith("71-CTr/TU,36-NQ/TW,IMPLEMENTS,"));
    expect(edge).toBeDefined();
    expect(edge).toContain(SEED);
    expect(lines.find((l) => l.startsWith("243/KH-UBND,71-CTr/TU,IMPLEMENTS,"))).toBeDefined();
    expect(lines.filter((l) => /,SERVES,/.test(l)).length).toBeGreaterThanOrEqual(6);
  });

  it("draws a terminal tree and a Mermaid flowchart", async () => {
    const tree = await chidao("trace", "36-NQ/TW");
    expect(tree.code, tree.stderr).toBe(0);
    expect(tree.stdout.split("\n")[0]).toContain("36-NQ/TW");
    expect(tree.stdout).toMatch(/^└─ \[IMPLEMENTS\] .*71-CTr\/TU.*\(2023-08-24, \+206 days\)$/m);
    expect(tree.stdout).toMatch(/^ {3}│ {2}└─ \[IMPLEMENTS\] Nhiệm vụ số 74 — /m);
    expect(tree.stdout).toMatch(/\+\d+ days/);
    expect(tree.stdout).toMatch(/\[SERVES\] .*Azotobacter/);

    const mermaid = await chidao("trace", "36-NQ/TW", "--format", "mermaid");
    expect(mermaid.code, mermaid.stderr).toBe(0);
    expect(mermaid.stdout.startsWith("flowchart TD\n")).toBe(true);
    expect(mermaid.stdout).toMatch(/n0\["36-NQ\/TW/);
    expect(mermaid.stdout).toMatch(/n0 -->\|"IMPLEMENTS \+\d+d"\| n\d+/);
    expect(mermaid.stdout).not.toMatch(/\["[^"\]]*"[^\]]*"\]/); // no raw quote inside a label
  });

  it("walks up from the Azotobacter action to 36-NQ/TW", async () => {
    const action = down.nodes.find((n) => n.kind === "ACTION" && n.label.includes("Azotobacter"));
    const r = await chidao("trace", action?.id as string, "--up", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const up = JSON.parse(r.stdout) as TraceJson;
    const directive = up.nodes.find((n) => n.symbol === "36-NQ/TW");
    expect(directive).toBeDefined();
    const upMermaid = await chidao("trace", action?.id as string, "--up", "--format", "mermaid");
    expect(upMermaid.stdout.startsWith("flowchart BT\n")).toBe(true);
  });

  it("bounds the walk with --depth", async () => {
    const r = await chidao("trace", "36-NQ/TW", "--depth", "1", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const one = JSON.parse(r.stdout) as TraceJson;
    expect(one.nodes.length).toBeGreaterThan(0);
    expect(one.nodes.every((n) => n.depth === 1)).toBe(true);
    expect(one.truncation).toContain("MAX_DEPTH");
  });

  it("fails clearly on bad input", async () => {
    const missing = await chidao("trace", "99-NQ/TW");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no document matches '99-NQ/TW'");
    const format = await chidao("trace", "36-NQ/TW", "--format", "png");
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("unknown format 'png'");
    const depth = await chidao("trace", "36-NQ/TW", "--depth", "0");
    expect(depth.code).toBe(2);
    expect((await chidao("trace", "36-NQ/TW", "--up", "--down")).code).toBe(2);
  });
});

describe("chidao check", () => {
  it("audits files without a database: the seed's totals that do not add up, with file:line:column; exit 1", async () => {
    const r = await chidao("check", join(repoRoot, "seeds"), "--lang", "en");
    expect(r.code, r.stderr).toBe(1);
    const line = r.stdout.split("\n").find((l) => l.includes("ERROR TOTALS_MISMATCH"));
    expect(line).toMatch(new RegExp(`${SEED}:\\d+:\\d+: ERROR TOTALS_MISMATCH: `));
    expect(r.stdout).toContain("107");
    expect(r.stdout).toContain("ISSUER_SPELLING_VARIANTS");
    expect(r.stdout).toMatch(/\d+ finding\(s\): [1-9]\d* error\(s\)/);
  });

  it("exits 0 on a file with no error, 1 on a generated report whose totals do not add up", async () => {
    const clean = join(dir, "ke-hoach.txt");
    await writeFile(clean, "KẾ HOẠCH\nTriển khai nhiệm vụ năm 2025 trên địa bàn.\n");
    const ok = await chidao("check", clean);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/0 error\(s\)/);

    const bad = join(dir, "bao-cao.txt");
    await writeFile(
      bad,
      "BÁO CÁO\nKết quả thực hiện nhiệm vụ 6 tháng đầu năm 2025\n\n*Tổng số nhiệm vụ được giao: 40; Tổng số nhiệm vụ hoàn thành: 12. Tổng số nhiệm vụ chưa hoàn thành: 3.*\n",
    );
    const r = await chidao("check", bad, "--format", "json");
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const findings = JSON.parse(r.stdout) as { severity: string; kind: string; where: string }[];
    expect(findings.find((f) => f.kind === "TOTALS_MISMATCH")?.where).toBe(`${bad}:4:2`);
  });

  it("audits the graph with the API's gap rules and exits non-zero on an ERROR", async () => {
    const r = await chidao("check", "--lang", "en");
    expect(r.stdout).toContain("NOT_INGESTED");
    expect(r.stdout).toContain("TOTALS_MISMATCH");
    const errors = r.stdout.split("\n").filter((l) => / ERROR [A-Z_]+: /.test(l)).length;
    expect(errors).toBeGreaterThan(0);
    expect(r.code).toBe(1);
  });

  it("rejects a path that does not exist", async () => {
    const r = await chidao("check", join(dir, "missing"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no such file or directory");
  });
});
