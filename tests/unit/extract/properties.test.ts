// Property tests: citations injected into generated Vietnamese prose in the forms real documents use
// are found with exact spans; prose without citations yields none.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractCitations } from "../../../src/extract/citations/index.ts";

const PROSE = [
  "Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành triển khai kịp thời",
  "đảm bảo tiến độ và chất lượng",
  "tổng kinh phí 101.400 triệu đồng",
  "tỷ lệ 22/22 xã đạt chuẩn, 63/63 tỉnh",
  "trong T8/2024 và giai đoạn 2021-2030",
  "xem thêm tại https://nq57.gov.vn/tin-tuc/2024/05/bai-viet",
  "ngày 15/3/2024 đã tổ chức hội nghị",
  "đạt 3,5% GDP, tăng 12/15 chỉ tiêu",
  "Quý II/2024 hoàn thành 01 lần/năm",
];
const prose = fc.array(fc.constantFrom(...PROSE), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(", "));

interface Case {
  word: string;
  symbol: string;
  canonical: string;
}
const CASES: Case[] = [
  { word: "Nghị quyết", symbol: "36-NQ/TW", canonical: "36-NQ/TW" },
  { word: "Kế hoạch", symbol: "243/KH-UBND", canonical: "243/KH-UBND" },
  { word: "Nghị định", symbol: "60/2021/NĐ-CP", canonical: "60/2021/NĐ-CP" },
  { word: "Chương trình hành động", symbol: "71-CTr/TU", canonical: "71-CTr/TU" },
  { word: "Quyết định", symbol: "569/QĐ-TTg", canonical: "569/QĐ-TTg" },
  { word: "Nghị quyết", symbol: "33/2024/NQ-HĐND", canonical: "33/2024/NQ-HĐND" },
  { word: "Công văn", symbol: "2489/UBND-TH", canonical: "2489/UBND-TH" },
  { word: "Kế hoạch", symbol: "3260-KH/ĐĐQH15", canonical: "3260-KH/ĐĐQH15" },
];

type Variant = (c: Case) => { text: string; canonical: string };
const VARIANTS: Record<string, Variant> = {
  plain: (c) => ({ text: `${c.word} số ${c.symbol}`, canonical: c.canonical }),
  "số omitted": (c) => ({ text: `${c.word} ${c.symbol}`, canonical: c.canonical }),
  "line break": (c) => ({ text: `${c.word} số\n${c.symbol}`, canonical: c.canonical }),
  "spaces around /": (c) => ({
    text: `${c.word} số ${c.symbol.replace("/", " / ")}`,
    canonical: c.canonical,
  }),
  NFD: (c) => ({ text: `${c.word} số ${c.symbol}`.normalize("NFD"), canonical: c.canonical }),
  "Ð look-alike": (c) => ({
    text: `${c.word} số ${c.symbol}`.replaceAll("Đ", "\u00D0"),
    canonical: c.canonical,
  }),
  "en dash": (c) => ({ text: `${c.word} số ${c.symbol.replace("-", "\u2013")}`, canonical: c.canonical }),
  "all caps": (c) => ({ text: `${c.word} SỐ ${c.symbol}`.toUpperCase(), canonical: c.canonical }),
  "no diacritics": (c) => ({
    text: `${c.word} so ${c.symbol}`
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D"),
    canonical: c.canonical,
  }),
};

describe("injected citations", () => {
  it("are found once each, with spans that quote the injected text", () => {
    fc.assert(
      fc.property(
        prose,
        prose,
        fc.constantFrom(...CASES),
        fc.constantFrom(...Object.keys(VARIANTS)),
        (before, after, c, v) => {
          const injected = (VARIANTS[v] as Variant)(c);
          const text = `${before}. Thực hiện ${injected.text} ngày 05/01/2024, ${after}.`;
          const r = extractCitations(text);
          const numbered = r.citations.filter((x) => x.symbol !== null);
          expect(numbered.map((x) => x.symbol)).toEqual([injected.canonical]);
          const m = numbered[0]?.mentions[0];
          expect(m && text.slice(m.start, m.end)).toBe(m?.text);
          // The mention ends exactly where the injected symbol ends.
          const start = text.indexOf(injected.text);
          expect(m?.end).toBe(start + injected.text.length);
          expect(numbered[0]?.date).toBe("2024-01-05");
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("text without citations", () => {
  it("yields none: numbers, money, fractions, dates, URLs, year ranges", () => {
    fc.assert(
      fc.property(fc.array(prose, { minLength: 1, maxLength: 6 }), (parts) => {
        const r = extractCitations(parts.join(".\n"));
        expect(r.citations).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("yields none for random ASCII and Vietnamese noise", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789/-. số T năm ab\n".split("")), maxLength: 200 }),
        (s) => {
          expect(extractCitations(s).citations).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
