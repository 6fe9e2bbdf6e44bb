// Acceptance on the seed report (issue 3): the 30 numbered documents it cites, each once with the
// right type, issuer and date, and the relations with the right subjects.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractCitations } from "../../../src/extract/citations/index.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const text = readFileSync(path.join(repoRoot, "seeds/quang-tri-skhcn-bao-cao-6-thang-2024.txt"), "utf8");
const result = extractCitations(text);

// symbol -> [type, issuer, date]
const EXPECTED: Record<string, [string, string, string]> = {
  "2489/UBND-TH": ["OFFICIAL_LETTER", "UBND tỉnh Quảng Trị", "2024-05-29"],
  "01/NQ-CP": ["RESOLUTION", "Chính phủ", "2024-01-05"],
  "497-KL/TU": ["CONCLUSION", "Tỉnh ủy Quảng Trị", "2023-11-29"],
  "99/2023/NQ-HĐND": ["RESOLUTION", "HĐND tỉnh Quảng Trị", "2023-12-07"],
  "06-NQ/BCSĐ": ["RESOLUTION", "Ban cán sự đảng UBND tỉnh Quảng Trị", "2024-01-02"],
  "97/BC-SKHCN": ["REPORT", "Sở Khoa học và Công nghệ tỉnh Quảng Trị", "2024-05-16"],
  "141-KH/TU": ["PLAN", "Tỉnh ủy Quảng Trị", "2024-04-16"],
  "69-KL/TW": ["CONCLUSION", "Bộ Chính trị", "2024-01-11"],
  "20-NQ/TW": ["RESOLUTION", "Ban Chấp hành Trung ương Đảng", "2012-11-01"],
  "569/QĐ-TTg": ["DECISION", "Thủ tướng Chính phủ", "2022-05-11"],
  "97/KH-UBND": ["PLAN", "UBND tỉnh Quảng Trị", "2024-05-06"],
  "71-CTr/TU": ["PROGRAMME", "Ban Thường vụ Tỉnh ủy Quảng Trị", "2023-08-24"],
  "36-NQ/TW": ["RESOLUTION", "Bộ Chính trị", "2023-01-30"],
  "243/KH-UBND": ["PLAN", "UBND tỉnh Quảng Trị", "2023-12-18"],
  "33/2024/NQ-HĐND": ["RESOLUTION", "HĐND tỉnh Quảng Trị", "2024-05-10"],
  "36/2024/NQ-HĐND": ["RESOLUTION", "HĐND tỉnh Quảng Trị", "2024-05-10"],
  "163/2021/NQ-HĐND": ["RESOLUTION", "HĐND tỉnh Quảng Trị", "2021-12-09"],
  "544/QĐ-UBND": ["DECISION", "Chủ tịch UBND tỉnh Quảng Trị", "2024-03-15"],
  "754/QĐ-UBND": ["DECISION", "UBND tỉnh Quảng Trị", "2024-04-03"],
  "837/QĐ-UBND": ["DECISION", "UBND tỉnh Quảng Trị", "2024-04-11"],
  "324/QĐ-UBND": ["DECISION", "UBND tỉnh Quảng Trị", "2021-02-05"],
  "1048/QĐ-UBND": ["DECISION", "UBND tỉnh Quảng Trị", "2023-05-19"],
  "155/KH-UBND": ["PLAN", "UBND tỉnh Quảng Trị", "2022-08-03"],
  "3690/KH-UBND": ["PLAN", "UBND tỉnh Quảng Trị", "2019-08-14"],
  "60/2021/NĐ-CP": ["DECREE", "Chính phủ", "2021-06-21"],
  "2459/QĐ-UBND": ["DECISION", "UBND tỉnh Quảng Trị", "2023-10-26"],
  "190-KH/TU": ["PLAN", "Ban Thường vụ Tỉnh ủy Quảng Trị", "2020-08-12"],
  "52-NQ/TW": ["RESOLUTION", "Bộ Chính trị", "2019-09-27"],
  "95/QĐ-UBND": ["DECISION", "UBND tỉnh Quảng Trị", "2024-01-16"],
  "43/KH-SKHCN": ["PLAN", "Sở Khoa học và Công nghệ tỉnh Quảng Trị", "2024-02-22"],
};

const bySymbol = (symbol: string) => result.citations.filter((c) => c.symbol === symbol);
const keyOf = (symbol: string) => (bySymbol(symbol)[0] as { key: string }).key;

describe("seed report: the document itself", () => {
  it("is an unnumbered draft report of the Sở KH&CN of Quảng Trị, June 2024", () => {
    const d = result.document;
    expect(d.symbol).toBeNull();
    expect(d.type).toBe("REPORT");
    expect(d.issuer).toBe("Sở Khoa học và Công nghệ tỉnh Quảng Trị");
    expect(d.date).toBe("2024-06");
    expect(d.jurisdiction).toBe("quang-tri");
    expect(d.title).toBe(
      "Đánh giá kết quả thực hiện công tác chỉ đạo, điều hành của UBND tỉnh 6 tháng đầu năm 2024",
    );
    expect(d.key.startsWith("untitled|quang-tri|report:")).toBe(true);
  });
});

describe("seed report: numbered citations", () => {
  const numbered = result.citations.filter((c) => c.symbol !== null);

  it("cites exactly the 30 numbered documents", () => {
    expect(numbered.map((c) => c.symbol).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [symbol, [type, issuer, date]] of Object.entries(EXPECTED)) {
    it(`${symbol}: once, ${type}, ${issuer}, ${date}`, () => {
      const found = bySymbol(symbol);
      expect(found).toHaveLength(1);
      const c = found[0];
      expect(c?.type).toBe(type);
      expect(c?.issuer).toBe(issuer);
      expect(c?.date).toBe(date);
      expect(c?.ambiguous).toBe(false);
      for (const m of c?.mentions ?? []) expect(text.slice(m.start, m.end)).toBe(m.text);
    });
  }

  it("keeps 36-NQ/TW and 36/2024/NQ-HĐND apart, with keys naming system, jurisdiction and year", () => {
    expect(keyOf("36-NQ/TW")).toBe("party|national|36-NQ/TW|2023");
    expect(keyOf("36/2024/NQ-HĐND")).toBe("state-norm|quang-tri|36/2024/NQ-HĐND|2024");
    expect(keyOf("243/KH-UBND")).toBe("state-admin|quang-tri|243/KH-UBND|2023");
  });

  it("reads the misspelt department codes SKHCCN and SKHCHN as SKHCN, keeping the text as written", () => {
    const plan = bySymbol("43/KH-SKHCN")[0];
    expect(plan?.mentions.some((m) => m.text.includes("43/KH-SKHCCN"))).toBe(true);
    expect(bySymbol("97/BC-SKHCN")[0]?.mentions.some((m) => m.text.includes("97/BC-SKHCHN"))).toBe(true);
  });

  it("makes named documents of the unnumbered ones the text links", () => {
    const titles = result.citations.filter((c) => c.symbol === null).map((c) => c.title ?? "");
    expect(
      titles.some((t) =>
        t.startsWith("Chương trình hành động của UBND tỉnh thực hiện Nghị quyết số 01/NQ-CP"),
      ),
    ).toBe(true);
    expect(titles.some((t) => t.startsWith("Đề án Ứng dụng chế phẩm vi sinh"))).toBe(true);
    expect(
      titles.some((t) => t.startsWith("Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo")),
    ).toBe(true);
  });
});

describe("seed report: relations", () => {
  const has = (from: string, kind: string, to: string) =>
    result.relations.some((r) => r.from === from && r.kind === kind && r.to === to);
  const cases: [string, string, string][] = [
    ["141-KH/TU", "IMPLEMENTS", "69-KL/TW"],
    ["69-KL/TW", "CONTINUES", "20-NQ/TW"],
    ["71-CTr/TU", "IMPLEMENTS", "36-NQ/TW"],
    ["243/KH-UBND", "IMPLEMENTS", "71-CTr/TU"],
    ["43/KH-SKHCN", "IMPLEMENTS", "243/KH-UBND"],
    ["97/KH-UBND", "IMPLEMENTS", "569/QĐ-TTg"],
    ["190-KH/TU", "IMPLEMENTS", "52-NQ/TW"],
    ["36/2024/NQ-HĐND", "AMENDS", "163/2021/NQ-HĐND"],
  ];
  for (const [from, kind, to] of cases) {
    it(`${from} ${kind} ${to}`, () => expect(has(keyOf(from), kind, keyOf(to))).toBe(true));
  }

  it("SELF RESPONDS_TO 2489/UBND-TH, with the cue quoted from the text", () => {
    const r = result.relations.find((x) => x.from === "SELF" && x.to === keyOf("2489/UBND-TH"));
    expect(r?.kind).toBe("RESPONDS_TO");
    expect(text.slice(r?.start, r?.end)).toBe(r?.cue);
  });

  it("gives the report no IMPLEMENTS of the documents it merely lists", () => {
    expect(result.relations.filter((r) => r.from === "SELF" && r.kind === "IMPLEMENTS")).toEqual([]);
    expect(
      result.relations.some((r) => r.from === "SELF" && r.kind === "CITES" && r.to === keyOf("36-NQ/TW")),
    ).toBe(true);
  });

  it("does not link 141-KH/TU to 20-NQ/TW directly (the chain has two hops)", () => {
    expect(result.relations.some((r) => r.from === keyOf("141-KH/TU") && r.to === keyOf("20-NQ/TW"))).toBe(
      false,
    );
  });
});
