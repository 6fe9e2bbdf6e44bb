// The grammar on small texts written for the purpose: type words that settle ambiguous codes, the
// document's own acts, laws cited by name, identity across years, short forms and false friends.
import { describe, expect, it } from "vitest";
import { extractCitations } from "../../../src/extract/citations/index.ts";

const sym = (r: ReturnType<typeof extractCitations>, s: string) => r.citations.filter((c) => c.symbol === s);
const rel = (r: ReturnType<typeof extractCitations>, from: string, kind: string, to: string) =>
  r.relations.some((x) => x.from === from && x.kind === kind && x.to === to);

describe("type from the word in front", () => {
  const r = extractCitations(
    "Căn cứ Quy định số 66-QĐ/TW ngày 06/02/2017 của Ban Chấp hành Trung ương; Quyết định số 204-QĐ/TW ngày 29/11/2019 của Ban Bí thư; Thông tri số 05-TT/TW ngày 01/02/2021; Thông tư số 01/2021/TT-BKHCN ngày 18/01/2021 của Bộ Khoa học và Công nghệ; văn bản số 15000-CV/VPTW ngày 23/5/2025.",
  );
  it("reads QĐ as Quy định or Quyết định and TT as Thông tri or Thông tư", () => {
    expect(sym(r, "66-QĐ/TW")[0]?.type).toBe("REGULATION");
    expect(sym(r, "204-QĐ/TW")[0]?.type).toBe("DECISION");
    expect(sym(r, "204-QĐ/TW")[0]?.issuer).toBe("Ban Bí thư");
    expect(sym(r, "05-TT/TW")[0]?.type).toBe("PARTY_CIRCULAR");
    expect(sym(r, "01/2021/TT-BKHCN")[0]?.type).toBe("CIRCULAR");
    expect(sym(r, "15000-CV/VPTW")[0]?.type).toBe("OFFICIAL_LETTER");
  });
});

describe("a provincial document from a province the samples do not have", () => {
  const text = [
    "TỈNH ỦY CÀ MAU",
    "*",
    "Số 45-KH/TU",
    "",
    "Cà Mau, ngày 5 tháng 3 năm 2024",
    "",
    "KẾ HOẠCH",
    "Thực hiện Chương trình hành động số 30-CTr/TU ngày 2/2/2024 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị",
    "",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Điều 1. Bãi bỏ Quyết định số 15/QĐ-UBND ngày 02/02/2020 của UBND tỉnh.",
    "Điều 2. Quyết định này thay thế Quyết định số 16/QĐ-UBND ngày 03/02/2020 của UBND tỉnh.",
    "Nơi nhận:",
    "- TTr Tỉnh ủy;",
  ].join("\n");
  const r = extractCitations(text);
  const key = (s: string) => sym(r, s)[0]?.key ?? "";

  it("reads the document itself and derives the jurisdiction from its header", () => {
    expect(r.document.symbol).toBe("45-KH/TU");
    expect(r.document.jurisdiction).toBe("ca-mau");
    expect(r.document.issuer).toBe("Tỉnh ủy Cà Mau");
    expect(r.document.key).toBe("party|ca-mau|45-KH/TU|2024");
    expect(key("30-CTr/TU")).toBe("party|ca-mau|30-CTr/TU|2024");
    expect(key("36-NQ/TW")).toBe("party|national|36-NQ/TW|2023");
  });

  it("chains the title: SELF → 30-CTr/TU → 36-NQ/TW, not SELF → 36-NQ/TW", () => {
    expect(rel(r, "SELF", "IMPLEMENTS", key("30-CTr/TU"))).toBe(true);
    expect(rel(r, key("30-CTr/TU"), "IMPLEMENTS", key("36-NQ/TW"))).toBe(true);
    expect(rel(r, "SELF", "IMPLEMENTS", key("36-NQ/TW"))).toBe(false);
  });

  it("reads the document's own acts in its articles and the law it is based on", () => {
    expect(rel(r, "SELF", "REPEALS", key("15/QĐ-UBND"))).toBe(true);
    expect(rel(r, "SELF", "REPLACES", key("16/QĐ-UBND"))).toBe(true);
    const law = r.citations.find((c) => c.type === "LAW");
    expect(law?.title).toBe("Luật Tổ chức chính quyền địa phương");
    expect(law?.date).toBe("2015-06-19");
    expect(rel(r, "SELF", "BASED_ON", law?.key ?? "")).toBe(true);
  });

  it("does not read 'TTr Tỉnh ủy' in Nơi nhận as a Tờ trình", () => {
    expect(r.citations.some((c) => c.type === "SUBMISSION")).toBe(false);
  });
});

describe("identity", () => {
  it("keeps one symbol in two years as two documents and an undated mention ambiguous", () => {
    const r = extractCitations(
      "Kế hoạch số 97/KH-UBND ngày 06/05/2024 của UBND tỉnh Quảng Nam; Kế hoạch số 97/KH-UBND ngày 10/3/2023 của UBND tỉnh Quảng Nam. Kế hoạch số 97/KH-UBND đã được triển khai.",
    );
    const found = sym(r, "97/KH-UBND");
    expect(found.map((c) => c.key).sort()).toEqual([
      "state-admin|quang-nam|97/KH-UBND|2023",
      "state-admin|quang-nam|97/KH-UBND|2024",
      "state-admin|quang-nam|97/KH-UBND|?",
    ]);
    const undated = found.find((c) => c.key.endsWith("|?"));
    expect(undated?.ambiguous).toBe(true);
    expect(undated?.candidates?.sort()).toEqual([
      "state-admin|quang-nam|97/KH-UBND|2023",
      "state-admin|quang-nam|97/KH-UBND|2024",
    ]);
  });

  it("reads a blank draft number as no number, and a Party symbol written with state separators as Party", () => {
    const r = extractCitations(
      "Số: /BC-SKHCN\n\nHà Tĩnh, ngày  tháng 6 năm 2024\n\nTheo Nghị quyết số 22/NQ-TU ngày 1/2/2022.",
    );
    expect(r.document.symbol).toBeNull();
    expect(r.document.jurisdiction).toBe("ha-tinh");
    expect(r.citations.map((c) => c.symbol)).toEqual(["22-NQ/TU"]);
    expect(r.warnings.some((w) => w.message.includes("state separators"))).toBe(true);
  });
});

describe("short forms and aliases", () => {
  it("point back to the document cited in full", () => {
    const text =
      "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị (sau đây gọi tắt là Nghị quyết 57), Chương trình hành động của Chính phủ thực hiện Nghị quyết số 71/NQ-CP (gọi tắt là CTHĐ). Kết quả NQ 57 và NQ71; CTHĐ được cập nhật.";
    const r = extractCitations(text);
    const nq57 = sym(r, "57-NQ/TW")[0];
    expect(nq57?.mentions.map((m) => m.text)).toEqual(["Nghị quyết số 57-NQ/TW", "Nghị quyết 57", "NQ 57"]);
    expect(sym(r, "71/NQ-CP")[0]?.mentions.map((m) => m.text)).toEqual(["Nghị quyết số 71/NQ-CP", "NQ71"]);
    const programme = r.citations.find((c) => c.symbol === null && c.type === "PROGRAMME");
    expect(programme?.mentions.filter((m) => m.text === "CTHĐ")).toHaveLength(2);
  });
});
