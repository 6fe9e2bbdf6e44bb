// Held-out documents: written for these tests in the style of real documents from provinces and
// ministries the samples do not cover (tests/fixtures/heldout/). Each assertion is a fact a reader
// of the document would state; none of them is tuned to the seed or the corpus.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../../../src/extract/index.ts";
import type { Citation, Extraction, Relation, Task } from "../../../src/extract/types.ts";

const dir = path.resolve(import.meta.dirname, "../../fixtures/heldout");
const read = (name: string): Extraction => extract(readFileSync(path.join(dir, name), "utf8"), name);

function cited(x: Extraction, symbol: string): Citation {
  const c = x.citations.find((c) => c.symbol === symbol);
  if (c === undefined) throw new Error(`${symbol} is not cited`);
  return c;
}

/** Relations as "FROM KIND TO" with symbols (SELF for the document itself, the title for named ones). */
function rels(x: Extraction): string[] {
  const name = (key: string) =>
    key === "SELF" ? "SELF" : (x.citations.find((c) => c.key === key)?.symbol ?? `«${key}»`);
  return x.relations.map((r: Relation) => `${name(r.from)} ${r.kind} ${name(r.to)}`);
}

const symbolsOf = (x: Extraction, keys: string[]) =>
  keys.map((k) => x.citations.find((c) => c.key === k)?.symbol ?? k);

function task(x: Extraction, pred: (t: Task) => boolean): Task {
  const t = x.tasks.find(pred);
  if (t === undefined) throw new Error("no such task");
  return t;
}

describe("a ministry decision with an attached action plan and a task table (Bộ NN&PTNT)", () => {
  const x = read("bo-nnptnt-qd.txt");

  it("reads the decision itself", () => {
    expect(x.document.symbol).toBe("1254/QĐ-BNN-KHCN");
    expect(x.document.type).toBe("DECISION");
    expect(x.document.date).toBe("2024-04-12");
    expect(x.document.jurisdiction).toBe("national");
  });

  it("replaces the decision its entry-into-force article names (Quyết định này … và thay thế …)", () => {
    const old = cited(x, "3246/QĐ-BNN-KHCN");
    expect(old.date).toBe("2019-08-02");
    expect(rels(x)).toContain("SELF REPLACES 3246/QĐ-BNN-KHCN");
    expect(rels(x)).not.toContain("SELF CITES 3246/QĐ-BNN-KHCN");
  });

  it("continues (not implements) what its plan says it continues to carry out", () => {
    expect(rels(x)).toContain("SELF CONTINUES 429/QĐ-TTg");
    expect(rels(x)).not.toContain("SELF IMPLEMENTS 429/QĐ-TTg");
    const r = x.relations.find((r) => r.kind === "CONTINUES" && r.from === "SELF");
    expect(r?.cue).toBe("tiếp tục thực hiện");
  });

  it("is based on its Căn cứ lines and implements the two resolutions", () => {
    expect(rels(x)).toEqual(
      expect.arrayContaining([
        "SELF BASED_ON 105/2022/NĐ-CP",
        "SELF BASED_ON 36-NQ/TW",
        "SELF BASED_ON 189/NQ-CP",
        "SELF IMPLEMENTS 36-NQ/TW",
        "SELF IMPLEMENTS 189/NQ-CP",
      ]),
    );
  });

  it("gives the table's tasks what the plan implements, not the last document its purpose names", () => {
    expect(x.tasks).toHaveLength(4);
    for (const t of x.tasks) expect(symbolsOf(x, t.implements).sort()).toEqual(["189/NQ-CP", "36-NQ/TW"]);
    const t2 = task(x, (t) => t.ref === "2");
    expect(t2.lead).toEqual(["Cục Chăn nuôi"]);
    expect(t2.deadline).toMatchObject({ from: "2025-10-01", to: "2025-12-31" });
    expect(t2.assignedBy).toBe(x.document.key);
  });
});

describe("a provincial Party report (Ban Thường vụ Tỉnh ủy)", () => {
  const x = read("dong-thap-bc.txt");

  it("reads the report itself", () => {
    expect(x.document.symbol).toBe("215-BC/TU");
    expect(x.document.type).toBe("REPORT");
    expect(x.document.date).toBe("2024-12-05");
    expect(x.document.jurisdiction).toBe("dong-thap");
  });

  it("is issued by the Ban Thường vụ under 'ĐẢNG BỘ TỈNH …', a board of the Tỉnh ủy", () => {
    expect(x.document.issuer).toBe("Ban Thường vụ Tỉnh ủy Đồng Tháp");
    expect(x.document.issuerKey).toBe("org:dong-thap:btvtu");
    // "của Văn phòng Tỉnh ủy": the office, not the committee the symbol's /TU names.
    expect(cited(x, "1532-CV/TU")).toMatchObject({
      issuer: "Văn phòng Tỉnh ủy Đồng Tháp",
      issuerKey: "org:dong-thap:vptu",
    });
  });

  it("reads 'Đã hoàn thành 18/22 nhiệm vụ' as 18 of 22, which is no totals mismatch", () => {
    expect(x.statistics).toEqual([expect.objectContaining({ assigned: 22, completed: 18 })]);
    expect(x.findings.filter((f) => f.kind === "TOTALS_MISMATCH")).toEqual([]);
  });

  it("takes no document's short form ('Nghị quyết 12') for a quantity", () => {
    for (const a of x.actions) expect(a.quantity).not.toBe(12);
  });

  it("responds to the documents its opening sentence names before '… báo cáo như sau:'", () => {
    expect(cited(x, "12-HD/BTGTW")).toMatchObject({ type: "GUIDANCE", date: "2024-10-02" });
    expect(cited(x, "1532-CV/TU")).toMatchObject({ type: "OFFICIAL_LETTER", date: "2024-10-20" });
    expect(rels(x)).toEqual(
      expect.arrayContaining(["SELF RESPONDS_TO 12-HD/BTGTW", "SELF RESPONDS_TO 1532-CV/TU"]),
    );
  });

  it("reports on the programme in its title and keeps the chain of plans with the right subjects", () => {
    expect(rels(x)).toEqual(
      expect.arrayContaining([
        "SELF REPORTS_ON 48-CTr/TU",
        "48-CTr/TU IMPLEMENTS 29-NQ/TW",
        "187/KH-UBND IMPLEMENTS 48-CTr/TU",
        "95/KH-SCT IMPLEMENTS 187/KH-UBND",
        "12/2024/NQ-HĐND AMENDS 08/2022/NQ-HĐND",
        "25/2024/QĐ-UBND GUIDES 12/2024/NQ-HĐND",
      ]),
    );
    // A report implements nothing it lists, and its "Tiếp tục thực hiện Kết luận …" is a plan, not a relation.
    expect(rels(x).filter((r) => r.startsWith("SELF IMPLEMENTS") || r.startsWith("SELF CONTINUES"))).toEqual(
      [],
    );
  });
});

describe("a city People's Committee plan with tasks listed per department (UBND thành phố)", () => {
  const x = read("ha-noi-kh.txt");

  it("reads the plan itself", () => {
    expect(x.document.symbol).toBe("312/KH-UBND");
    expect(x.document.type).toBe("PLAN");
    expect(x.document.jurisdiction).toBe("ha-noi");
  });

  it("is based on a law cited by name before its number", () => {
    const law = cited(x, "29/2013/QH13");
    expect(law).toMatchObject({ type: "LAW", issuer: "Quốc hội", date: "2013-06-18" });
    expect(law.title).toBe("Luật Khoa học và Công nghệ");
    expect(rels(x)).toContain("SELF BASED_ON 29/2013/QH13");
  });

  it("gives list tasks the plan's implemented document and their labelled deadlines", () => {
    expect(x.tasks).toHaveLength(4);
    for (const t of x.tasks) expect(symbolsOf(x, t.implements)).toEqual(["245-KH/TU"]);
    const [a, b, c, d] = x.tasks as [Task, Task, Task, Task];
    expect(a.deadline).toMatchObject({ text: "Quý II/2025", from: "2025-04-01", to: "2025-06-30" });
    expect(b.deadline).toMatchObject({ text: "năm 2025", to: "2025-12-31" });
    expect(c.deadline).toMatchObject({ text: "thường xuyên", recurring: true, to: null });
    expect(d.deadline).toMatchObject({ to: "2024-12-31" });
    expect(a.lead).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(b.cooperating).toEqual(["Sở Tài chính"]);
  });

  it("reads an item opening 'Chủ trì, phối hợp với …' as its heading's lead, not a body named 'Chủ trì'", () => {
    expect(x.tasks[1]?.lead).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(x.organisations.map((o) => o.name)).not.toContain("Chủ trì");
    // "Kế hoạch 245" in a task is the plan's short form, not 245 of anything.
    for (const a of x.actions) expect(a.quantity).not.toBe(245);
  });
});
