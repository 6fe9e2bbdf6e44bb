// The three corpus documents: citation precision and recall against expectations written after
// reading them (the corpus itself stays outside the repository, in ../shared/corpus).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractCitations } from "../../../src/extract/citations/index.ts";
import type { CitationExtraction } from "../../../src/extract/types.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const corpus = path.join(path.resolve(repoRoot, "../shared"), "corpus");
const present = existsSync(corpus);
if (!present) console.warn(`skipping corpus tests: ${corpus} is absent`);

interface Expectation {
  file: string;
  self: { symbol: string; type: string; issuer: string; date: string; jurisdiction: string };
  cited: string[];
  relations: [string, string, string][];
}

const EXPECTATIONS: Expectation[] = [
  {
    file: "chinh-phu-nq-03-chuong-trinh-hanh-dong-nq-57.md",
    self: {
      symbol: "03/NQ-CP",
      type: "RESOLUTION",
      issuer: "Chính phủ",
      date: "2025-01-09",
      jurisdiction: "national",
    },
    cited: [
      "57-NQ/TW",
      "04/TTr-BKHCN-BTTTT",
      "83/BKHCN-BTTTT-VP",
      "45-NQ/TW",
      "109/2022/NĐ-CP",
      "80/2020/NĐ-CP",
      "79/2021/NĐ-CP",
      "97/2018/NĐ-CP",
      "1552/BTTTT-TTH",
      "708/BTTTT-CATTT",
      "107/2021/NĐ-CP",
      "87/2021/NĐ-CP",
      "97/2023/NĐ-CP",
      "37/2018/QĐ-TTg",
      "157/2007/QĐ-TTg",
      "05/2022/QĐ-TTg",
    ],
    relations: [
      ["SELF", "BASED_ON", "57-NQ/TW"],
      ["SELF", "PROPOSED_BY", "04/TTr-BKHCN-BTTTT"],
      ["SELF", "PROPOSED_BY", "83/BKHCN-BTTTT-VP"],
      ["programme", "IMPLEMENTS", "57-NQ/TW"],
      ["programme", "ISSUED_WITH", "SELF"],
    ],
  },
  {
    file: "dang-doan-quoc-hoi-kh-3260-thuc-hien-nq-57.md",
    self: {
      symbol: "3260-KH/ĐĐQH15",
      type: "PLAN",
      issuer: "Đảng đoàn Quốc hội",
      date: "2025-01-10",
      jurisdiction: "national",
    },
    cited: ["57-NQ/TW"],
    relations: [["SELF", "IMPLEMENTS", "57-NQ/TW"]],
  },
  {
    file: "dang-uy-chinh-phu-bao-cao-thuc-hien-nq-57.md",
    self: {
      symbol: "402-CV/VPĐU",
      type: "OFFICIAL_LETTER",
      issuer: "Văn phòng Đảng ủy Chính phủ",
      date: "2025-05-25",
      jurisdiction: "national",
    },
    cited: [
      "57-NQ/TW",
      "15000-CV/VPTW",
      "598/QĐ-TTg",
      "929/QĐ-TTg",
      "193/2025/QH15",
      "71/NQ-CP",
      "562/BKHCN-VCL",
      "682/QĐ-BKHCN",
      "196/2025/QH15",
      "88/2025/NĐ-CP",
      "66/NQ-CP",
      "659/QĐ-TTg",
      "1181/CVT-CPTN",
      "768/QĐ-TTg",
      "851/BNV-CVT",
      "687/BKHCN-CĐSQG",
      "571/QĐ-TTg",
      "09/2025/QĐ-TTg",
      "1447/BKHCN-CĐSQG",
      "292/QĐ-BKHCN",
      "1709/BKHCN-CĐSQG",
      "87/2020/NĐ-CP",
      "07/2025/NĐ-CP",
      "1013/BKHCN-CNCNTT",
      "1552/BTTTT-TTH",
      "708/BTTTT-CATTT",
      "107/2021/NĐ-CP",
      "1410/BKHCN-CĐSQG",
      "127/NEAC-TTHTQT",
      "1621/BKHCN-CNCNTT",
      "2074a/QĐ-TTTT",
      "102/2025/NĐ-CP",
    ],
    relations: [
      ["SELF", "REPORTS_ON", "57-NQ/TW"],
      ["929/QĐ-TTg", "REPLACES", "598/QĐ-TTg"],
      ["88/2025/NĐ-CP", "GUIDES", "193/2025/QH15"],
      ["687/BKHCN-CĐSQG", "GUIDES", "571/QĐ-TTg"],
      ["71/NQ-CP", "AMENDS", "programme"],
    ],
  },
];

const results = new Map<string, { text: string; r: CitationExtraction }>();
function read(file: string) {
  let x = results.get(file);
  if (!x) {
    const text = readFileSync(path.join(corpus, file), "utf8");
    x = { text, r: extractCitations(text) };
    results.set(file, x);
  }
  return x;
}

function keyFor(r: CitationExtraction, ref: string): string | undefined {
  if (ref === "SELF") return "SELF";
  if (ref === "programme")
    return r.citations.find((c) => c.symbol === null && c.type === "PROGRAMME" && c.key.includes("57-NQ/TW"))
      ?.key;
  return r.citations.find((c) => c.symbol === ref)?.key;
}

describe.skipIf(!present)("corpus", () => {
  for (const e of EXPECTATIONS) {
    describe(e.file, () => {
      it("reads the document itself from its header", () => {
        const d = read(e.file).r.document;
        expect({
          symbol: d.symbol,
          type: d.type,
          issuer: d.issuer,
          date: d.date,
          jurisdiction: d.jurisdiction,
        }).toEqual(e.self);
      });

      it("finds the numbered citations with precision and recall >= 0.95", () => {
        const found = new Set(
          read(e.file)
            .r.citations.filter((c) => c.symbol !== null)
            .map((c) => c.symbol as string),
        );
        const expected = new Set(e.cited);
        const hits = [...found].filter((s) => expected.has(s)).length;
        const precision = found.size === 0 ? 0 : hits / found.size;
        const recall = hits / expected.size;
        expect({
          precision: precision >= 0.95,
          recall: recall >= 0.95,
          missing: [...expected].filter((s) => !found.has(s)),
          extra: [...found].filter((s) => !expected.has(s)),
        }).toEqual({
          precision: true,
          recall: true,
          missing: [],
          extra: [],
        });
      });

      it("quotes every mention exactly as written", () => {
        const { text, r } = read(e.file);
        for (const c of r.citations)
          for (const m of c.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      });

      for (const [from, kind, to] of e.relations) {
        it(`${from} ${kind} ${to}`, () => {
          const { r } = read(e.file);
          const f = keyFor(r, from);
          const t = keyFor(r, to);
          expect(f && t && r.relations.some((x) => x.from === f && x.kind === kind && x.to === t)).toBe(true);
        });
      }
    });
  }

  it("gives the Government's action programme the same key in the resolution and in the report", () => {
    const a = keyFor(read(EXPECTATIONS[0]?.file as string).r, "programme");
    const b = keyFor(read(EXPECTATIONS[2]?.file as string).r, "programme");
    expect(a).toBeDefined();
    expect(a).toBe(b);
  });

  it("counts every written mention of 57-NQ/TW, short forms included", () => {
    const { r } = read("dang-uy-chinh-phu-bao-cao-thuc-hien-nq-57.md");
    const nq57 = r.citations.find((c) => c.symbol === "57-NQ/TW");
    expect(nq57?.mentions.some((m) => m.text === "NQ 57")).toBe(true);
  });
});
