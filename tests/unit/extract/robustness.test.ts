// Bad and huge inputs give a clear error or an empty result in bounded time: never a crash, never a
// hang, and no catastrophic regex backtracking.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { extractCommand } from "../../../src/cli/extract.ts";
import { extractCitations } from "../../../src/extract/citations/index.ts";

const dir = mkdtempSync(path.join(tmpdir(), "chidao-extract-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await extractCommand(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe("extractor on pathological text", () => {
  it("returns nothing for a 1 MB line of digits and slashes", () => {
    const line = "12/345/6789-0/".repeat(Math.ceil(1_000_000 / 14));
    const r = extractCitations(line);
    expect(r.citations).toEqual([]);
  });

  it("returns nothing for a 1 MB line of near-symbols that never complete", () => {
    const line = "1/a-b-c-d-e-f-g-h-i/".repeat(50_000);
    expect(extractCitations(line).citations).toEqual([]);
  });

  it("reads an empty string as an empty extraction", () => {
    const r = extractCitations("");
    expect(r.citations).toEqual([]);
    expect(r.relations).toEqual([]);
    expect(r.document.symbol).toBeNull();
  });

  it("handles 50 MB of prose with one citation at the end", () => {
    const para =
      "Ủy ban nhân dân tỉnh chỉ đạo triển khai kịp thời, đạt 22/22 xã trong giai đoạn 2021-2030.\n";
    const text = `${para.repeat(Math.ceil((50 * 1024 * 1024) / para.length / 2))}Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.`;
    const r = extractCitations(text);
    expect(r.citations.map((c) => c.symbol)).toEqual(["57-NQ/TW"]);
    const m = r.citations[0]?.mentions[0];
    expect(m && text.slice(m.start, m.end)).toBe("Nghị quyết số 57-NQ/TW");
  });
});

describe("chidao extract on bad files", () => {
  it("names the file when it is missing, a directory, empty, binary or not UTF-8", async () => {
    const empty = path.join(dir, "empty.txt");
    writeFileSync(empty, "");
    const binary = path.join(dir, "image.txt");
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    const nul = path.join(dir, "nul.txt");
    writeFileSync(nul, Buffer.from("Nghị quyết\u0000\u0000số 1", "utf8"));
    const latin1 = path.join(dir, "latin1.txt");
    writeFileSync(latin1, Buffer.from([0x4e, 0x67, 0x68, 0xe9, 0x20, 0xff, 0xfe, 0x41]));
    for (const file of [path.join(dir, "missing.txt"), dir, empty, binary, nul, latin1]) {
      const r = await run([file]);
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      expect(r.err).toContain(file);
    }
  });

  it("refuses a file of 50 MB or more with a clear message", async () => {
    const big = path.join(dir, "big.txt");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x61));
    const r = await run([big]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/too large/);
  });

  it("prints JSON Lines for several files and a summary with --format text", async () => {
    const a = path.join(dir, "a.txt");
    writeFileSync(a, "Căn cứ Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ;\n");
    const b = path.join(dir, "b.md");
    writeFileSync(b, "Thực hiện **Kế hoạch số 243/KH-UBND** ngày 18/12/2023 của UBND tỉnh.\n");
    const json = await run([a, b]);
    expect(json.code).toBe(0);
    const lines = json.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file)).toEqual([a, b]);
    expect(lines[0].citations[0].symbol).toBe("60/2021/NĐ-CP");
    expect(lines[0].relations.some((r: { kind: string }) => r.kind === "BASED_ON")).toBe(true);
    expect(lines[1].citations[0].mentions[0].text).toBe("Kế hoạch số 243/KH-UBND");
    const text = await run(["--format", "text", a]);
    expect(text.out).toContain("60/2021/NĐ-CP · DECREE · Chính phủ · 2021-06-21");
    expect((await run(["--format", "xml", a])).code).toBe(2);
  });
});
