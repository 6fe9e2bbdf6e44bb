// Held-out documents, second set: kinds the first set (heldout.test.ts) did not cover — a
// ministry decision with Điều 1–3 and an attached plan whose targets are written in prose, a
// province's report on a Government resolution with counts that state no total, a district Party
// committee's plan, a department's reply to a ministry letter, a ward after the 2025 merger, a
// report copied from a PDF (hard line breaks, stray spaces, missing diacritics) with an appendix of
// statuses, and a provincial council's normative resolution. Each assertion is what a reader of
// the document would state; none names a sample's answer.
import { describe, expect, it } from "vitest";
import { extract } from "../../../src/extract/index.ts";
import type { Extraction, Target, Task } from "../../../src/extract/types.ts";
import {
  cited,
  readHeldout as read,
  rels as relsBy,
  symbolsOf,
  task,
  heldoutText as text,
} from "../../helpers/extraction.ts";

/** Relations as "FROM KIND TO", an unnumbered document named by «its title». */
const rels = (x: Extraction) => relsBy(x, (key, c) => `«${c?.title ?? key}»`);

const target = (x: Extraction, pred: (t: Target) => boolean): Target => {
  const t = x.targets.find(pred);
  if (t === undefined) throw new Error("no such target");
  return t;
};

const orgKeys = (x: Extraction) => x.organisations.map((o) => o.key);

describe("a ministry decision (Điều 1–3) with an attached action plan, prose targets and a task table (Bộ Công Thương)", () => {
  const x = read("bo-congthuong-qd.txt");

  it("reads the decision itself and what its articles do", () => {
    expect(x.document).toMatchObject({
      symbol: "1830/QĐ-BCT",
      type: "DECISION",
      issuer: "Bộ Công Thương",
      date: "2024-07-09",
      jurisdiction: "national",
    });
    expect(rels(x)).toEqual(
      expect.arrayContaining([
        "SELF BASED_ON 96/2022/NĐ-CP",
        "SELF BASED_ON 99/NQ-CP",
        "SELF IMPLEMENTS 99/NQ-CP",
        "SELF REPEALS 2105/QĐ-BCT",
      ]),
    );
    expect(cited(x, "2105/QĐ-BCT").date).toBe("2021-08-14");
  });

  it("does not amend the decree a task is to amend later (the plan only names it)", () => {
    expect(rels(x)).toContain("SELF CITES 52/2013/NĐ-CP");
    expect(rels(x)).not.toContain("SELF AMENDS 52/2013/NĐ-CP");
  });

  it("reads the task table with lead, cooperating units, deadlines and product", () => {
    const table = x.tasks.filter((t) => t.from === "table");
    expect(table).toHaveLength(3);
    for (const t of table) expect(symbolsOf(x, t.implements)).toEqual(["99/NQ-CP"]);
    expect(table[0]).toMatchObject({
      lead: ["Cục Thương mại điện tử và Kinh tế số"],
      cooperating: ["Vụ Pháp chế", "Bộ Tư pháp"],
      deadline: { from: "2024-10-01", to: "2024-12-31" },
      product: "Nghị định của Chính phủ",
    });
    expect(table[1]?.deadline).toMatchObject({ recurring: true, to: null });
    expect(table[2]?.deadline).toMatchObject({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("names the lead of an item that is the focal point ('là đầu mối') or leads with 'chủ trì' after a hyphenated name", () => {
    const focal = task(x, (t) => t.from === "list" && /đầu mối/.test(t.content));
    expect(focal.lead).toEqual(["Cục Thương mại điện tử và Kinh tế số"]);
    // "trước ngày 15 tháng 12 hằng năm" recurs; it is not a date in the plan's own year.
    expect(focal.deadline).toMatchObject({ recurring: true, from: null, to: null });
    const funds = task(x, (t) => t.from === "list" && /bố trí kinh phí/.test(t.content));
    expect(funds.lead).toEqual(["Vụ Kế hoạch - Tài chính"]);
  });

  it("reads the targets written in prose under MỤC TIÊU, with comparator, unit and horizon", () => {
    expect(target(x, (t) => t.value === 80)).toMatchObject({ unit: "%", comparator: "=", horizon: "2025" });
    expect(target(x, (t) => t.value === 50)).toMatchObject({
      unit: "%",
      comparator: "trên",
      horizon: "2026",
    });
    const floor = target(x, (t) => t.value === 30 && t.task === undefined);
    expect(floor).toMatchObject({ unit: "doanh nghiệp", comparator: "tối thiểu", horizon: "hằng năm" });
    for (const t of x.targets) expect(t.setBy).toBe(x.document.key);
  });

  it("gives the task row its own target and does not read the goals as actions", () => {
    const row = task(x, (t) => t.from === "table" && /xuyên biên giới/.test(t.content));
    const own = x.targets.filter((t) => t.task === row.key);
    expect(own.map((t) => [t.comparator, t.value, t.unit])).toEqual([["tối thiểu", 30, "doanh nghiệp"]]);
    expect(x.actions.filter((a) => /tối thiểu 30/.test(a.text))).toEqual([]);
  });
});

describe("a province's report on a Government resolution, with counts that state no total (UBND tỉnh Bình Định)", () => {
  const x = read("binh-dinh-ubnd-bc-nq01.txt");

  it("reports on the resolution and answers the ministry's letter; the province's plan implements the resolution", () => {
    expect(x.document).toMatchObject({ symbol: "142/BC-UBND", type: "REPORT", jurisdiction: "binh-dinh" });
    expect(rels(x)).toEqual(
      expect.arrayContaining([
        "SELF REPORTS_ON 01/NQ-CP",
        "SELF RESPONDS_TO 3456/BKHĐT-TH",
        "12/KH-UBND IMPLEMENTS 01/NQ-CP",
      ]),
    );
    expect(rels(x)).not.toContain("SELF IMPLEMENTS 01/NQ-CP");
    expect(cited(x, "12/KH-UBND").issuer).toBe("UBND tỉnh Bình Định");
  });

  it("reads the counts by status without a total, as of the date the text gives", () => {
    const s = x.statistics.find((st) => st.completed === 12);
    expect(s).toMatchObject({
      assigned: null,
      completed: 12,
      inProgress: 34,
      notCompleted: 2,
      asOf: "2024-06-15",
    });
    // A count of tasks is a statistic, not an action with "12 nhiệm vụ" as its quantity.
    expect(x.actions.filter((a) => a.unit === "nhiệm vụ")).toEqual([]);
  });

  it("takes the forward part's items that name their lead as tasks, with the target one of them sets", () => {
    expect(x.tasks.map((t) => t.lead)).toEqual([["Sở Tài chính"], ["Sở Kế hoạch và Đầu tư"]]);
    expect(x.tasks[0]).toMatchObject({
      cooperating: ["Cục Thuế tỉnh"],
      deadline: { from: "2024-07-01", to: "2024-09-30" },
    });
    const t2 = x.tasks[1] as Task;
    expect(t2.deadline).toMatchObject({ to: "2024-12-31" });
    expect(x.targets.filter((g) => g.task === t2.key).map((g) => [g.comparator, g.value, g.unit])).toEqual([
      // "95% kế hoạch vốn được giao": the share keeps what it is a share of.
      ["trên", 95, "% kế hoạch vốn"],
    ]);
  });

  it("does not make the results it reports ('đạt 51% kế hoạch năm') into targets", () => {
    expect(x.targets.filter((g) => g.value === 51 || g.value === 52.4)).toEqual([]);
    const licences = x.actions.find((a) => a.quantity === 612);
    expect(licences).toMatchObject({ unit: "doanh nghiệp", actor: "Sở Kế hoạch và Đầu tư tỉnh Bình Định" });
    // "17.450": the dot groups thousands; it ends no sentence.
    const jobs = x.actions.find((a) => a.quantity === 17450);
    expect(jobs).toMatchObject({
      unit: "lao động",
      actor: "Sở Lao động - Thương binh và Xã hội tỉnh Bình Định",
    });
    expect(jobs?.text).toMatch(/^Sở Lao động .* cho 17\.450 lao động/);
  });
});

describe("a district Party committee's plan under a provincial programme (Huyện ủy Krông Pắc, Đắk Lắk)", () => {
  const x = read("krong-pac-hu-kh.txt");

  it("is the district committee's document, numbered in the district's own series", () => {
    expect(x.document).toMatchObject({
      symbol: "86-KH/HU",
      type: "PLAN",
      issuer: "Huyện ủy Krông Pắc",
      date: "2024-04-10",
      jurisdiction: "dak-lak",
    });
    expect(x.document.key).toBe("party|dak-lak/huyen-krong-pac|86-KH/HU|2024");
  });

  it("chains the title's two hops: SELF → 21-CTr/TU → 42-NQ/TW, not SELF → 42-NQ/TW", () => {
    expect(rels(x)).toEqual(
      expect.arrayContaining(["SELF IMPLEMENTS 21-CTr/TU", "21-CTr/TU IMPLEMENTS 42-NQ/TW"]),
    );
    expect(rels(x)).not.toContain("SELF IMPLEMENTS 42-NQ/TW");
    expect(cited(x, "21-CTr/TU")).toMatchObject({ issuer: "Tỉnh ủy Đắk Lắk", date: "2024-01-15" });
    expect(cited(x, "42-NQ/TW")).toMatchObject({
      issuer: "Ban Chấp hành Trung ương Đảng",
      date: "2023-11-24",
    });
  });

  it("resolves 'HĐND huyện' and 'UBND huyện' to the district's bodies, not the province's", () => {
    expect(orgKeys(x)).toContain("org:dak-lak/huyen-krong-pac:hdnd");
    expect(orgKeys(x)).not.toContain("org:dak-lak:hdnd");
    expect(orgKeys(x)).not.toContain("org:dak-lak:ubnd");
    expect(x.organisations.find((o) => o.key === "org:dak-lak/huyen-krong-pac:hdnd")?.name).toBe(
      "HĐND huyện Krông Pắc",
    );
    // The province's bodies it reports to stay the province's.
    expect(orgKeys(x)).toContain("org:dak-lak:btvtu");
  });

  it("gives the lead to the office directed to lead ('UBND huyện chỉ đạo Phòng … chủ trì')", () => {
    const t = task(x, (t) => /rà soát đối tượng/.test(t.content));
    expect(t).toMatchObject({
      lead: ["Phòng Lao động - Thương binh và Xã hội"],
      cooperating: ["Bảo hiểm xã hội huyện"],
      deadline: { from: "2024-07-01", to: "2024-09-30" },
    });
    expect(symbolsOf(x, t.implements)).toEqual(["21-CTr/TU"]);
    const office = task(x, (t) => /^Văn phòng Huyện ủy/.test(t.content));
    expect(office.lead).toEqual(["Văn phòng Huyện ủy"]);
    expect(office.deadline).toMatchObject({ recurring: true });
  });

  it("reads both targets of one aim, each with its own horizon", () => {
    expect(target(x, (t) => t.value === 1.5)).toMatchObject({ unit: "%/năm", horizon: "2025" });
    expect(target(x, (t) => t.value === 95)).toMatchObject({ unit: "%", horizon: "2030" });
  });
});

describe("a department's reply to a ministry letter (Sở Y tế tỉnh Hà Tĩnh, công văn V/v)", () => {
  const x = read("ha-tinh-syt-cv-phuc-dap.txt");

  it("reads the letter's own number, type, issuer and V/v title", () => {
    expect(x.document).toMatchObject({
      symbol: "2154/SYT-NVY",
      type: "OFFICIAL_LETTER",
      issuer: "Sở Y tế tỉnh Hà Tĩnh",
      date: "2024-09-17",
      jurisdiction: "ha-tinh",
      title: "góp ý dự thảo Thông tư quy định về khám bệnh, chữa bệnh từ xa",
    });
  });

  it("responds to the letter it answers ('Phúc đáp Công văn số …')", () => {
    expect(rels(x)).toContain("SELF RESPONDS_TO 5123/BYT-KCB");
    expect(cited(x, "5123/BYT-KCB")).toMatchObject({ issuer: "Bộ Y tế", date: "2024-09-03" });
    expect(x.relations.find((r) => r.kind === "RESPONDS_TO")?.cue).toBe("Phúc đáp");
  });

  it("leaves the draft's subject to the draft: the decree guides the law, the letter implements neither", () => {
    expect(rels(x)).toContain("96/2023/NĐ-CP GUIDES 15/2023/QH15");
    expect(rels(x)).not.toContain("SELF IMPLEMENTS 15/2023/QH15");
    expect(rels(x)).not.toContain("SELF IMPLEMENTS 96/2023/NĐ-CP");
    expect(x.citations.map((c) => c.symbol)).not.toContain("8/13");
  });
});

describe("a ward's plan after the 2025 merger (UBND phường Hoa Lư, Ninh Bình)", () => {
  const x = read("ninh-binh-phuong-kh.txt");

  it("is the ward's document in the merged province", () => {
    expect(x.document).toMatchObject({ issuer: "UBND phường Hoa Lư", jurisdiction: "ninh-binh" });
    expect(x.document.key).toBe("state-admin|ninh-binh/phuong-hoa-lu|37/KH-UBND|2025");
    expect(cited(x, "95/KH-UBND").issuer).toBe("UBND tỉnh Ninh Bình");
    expect(orgKeys(x)).toContain("org:ninh-binh@2025:ubnd");
  });

  it("implements the Đề án its title names by the alias the text defines later", () => {
    const scheme = x.citations.find((c) => c.type === "SCHEME");
    expect(scheme?.mentions.map((m) => m.text)).toContain("Đề án 06");
    expect(rels(x)).toContain(`SELF IMPLEMENTS «${scheme?.title}»`);
    expect(rels(x)).toContain(`«${scheme?.title}» ISSUED_WITH 06/QĐ-TTg`);
    // The province's plan "về triển khai Đề án 06" implements it too (the alias in its description).
    expect(rels(x)).toContain(`95/KH-UBND IMPLEMENTS «${scheme?.title}»`);
    expect(rels(x)).toEqual(
      expect.arrayContaining(["SELF BASED_ON 06/QĐ-TTg", "SELF IMPLEMENTS 95/KH-UBND"]),
    );
  });

  it("resolves 'UBND phường' and a bare 'HĐND' to the ward's bodies; 'UBND tỉnh' stays the province's", () => {
    const ubnd = x.organisations.find((o) => o.key === "org:ninh-binh/phuong-hoa-lu:ubnd");
    expect(ubnd?.name).toBe("UBND phường Hoa Lư");
    expect(orgKeys(x)).toContain("org:ninh-binh/phuong-hoa-lu:hdnd");
    expect(orgKeys(x)).not.toContain("org:ninh-binh@2025:hdnd");
    // "Văn phòng HĐND và UBND phường" is one office, and its words name no council.
    const office = x.organisations.find((o) => o.name === "Văn phòng HĐND và UBND phường");
    expect(office).toBeDefined();
    for (const o of x.organisations) for (const m of o.mentions) expect(m.text).not.toBe("HĐND và");
  });

  it("ends a cooperating list at the verb ('phối hợp với các tổ dân phố thu nhận …')", () => {
    expect(x.tasks).toHaveLength(3);
    expect(x.tasks[0]).toMatchObject({ lead: ["Công an phường"], cooperating: ["các tổ dân phố"] });
    expect(x.tasks[1]?.deadline).toMatchObject({ to: "2025-11-30" });
  });

  it("reads the goals, the horizon stated once holding for the next line", () => {
    expect(target(x, (t) => t.value === 90)).toMatchObject({
      comparator: "ít nhất",
      unit: "%",
      horizon: "2025",
    });
    expect(target(x, (t) => t.value === 100)).toMatchObject({ unit: "%", horizon: "2025" });
    // "từ 14 tuổi trở lên" is who is counted, not a value.
    expect(x.targets.filter((t) => t.value === 14 || t.value === 2)).toEqual([]);
  });
});

describe("a report copied from a PDF: hard line breaks, stray spaces, missing diacritics (Sở Nội vụ Quảng Ngãi)", () => {
  const x = read("quang-ngai-snv-bc-pdf.txt");

  it("reads the header typed without diacritics and names the province as it is spelt", () => {
    expect(x.document).toMatchObject({
      symbol: "715/BC-SNV",
      type: "REPORT",
      issuer: "Sở Nội vụ tỉnh Quảng Ngãi",
      date: "2024-11-05",
      jurisdiction: "quang-ngai",
    });
    expect(cited(x, "08/CT-UBND")).toMatchObject({
      type: "DIRECTIVE",
      issuer: "Chủ tịch UBND tỉnh Quảng Ngãi",
      date: "2024-03-12",
    });
  });

  it("finds citations across line breaks and stray spaces, with the date split over two lines", () => {
    expect(cited(x, "3321/UBND-NC").date).toBe("2024-10-22");
    expect(cited(x, "45/KH-UBND").date).toBe("2024-04-02");
    expect(rels(x)).toEqual(
      expect.arrayContaining([
        "SELF REPORTS_ON 08/CT-UBND",
        "SELF RESPONDS_TO 3321/UBND-NC",
        "45/KH-UBND IMPLEMENTS 08/CT-UBND",
      ]),
    );
  });

  it("joins wrapped table rows and reads each status as of the date the text gives", () => {
    expect(x.tasks).toHaveLength(6);
    expect(x.tasks[1]?.content).toBe("Kiểm tra công vụ đột xuất tại các cơ quan, đơn vị trên địa bàn tỉnh");
    expect(x.tasks.map((t) => t.status?.value)).toEqual([
      "COMPLETED_ON_TIME",
      "COMPLETED_ON_TIME",
      "COMPLETED_ON_TIME",
      "IN_PROGRESS_ON_TIME",
      "IN_PROGRESS_ON_TIME",
      "OVERDUE",
    ]);
    for (const t of x.tasks) expect(t.status?.reportedOn).toBe("2024-10-31");
    for (const t of x.tasks) expect(symbolsOf(x, [t.assignedBy ?? ""])).toEqual(["45/KH-UBND"]);
    // A cell that only names a status is not an action.
    expect(x.actions.filter((a) => /^(Đã hoàn thành|Đang thực hiện)$/.test(a.text))).toEqual([]);
  });

  it("judges lateness on the as-of date: 15/10 was past on 31/10, 03/11 was not", () => {
    const late = x.findings.filter((f) => f.kind === "OVERDUE_REPORTED_ON_TRACK");
    expect(late.map((f) => f.messageEn)).toEqual([expect.stringMatching(/^Task 4 /)]);
  });

  it("reads the counts without a total and checks them against the appendix", () => {
    const s = x.statistics.find((st) => st.completed === 3);
    expect(s).toMatchObject({ assigned: null, inProgress: 2, overdue: 1, asOf: "2024-10-31" });
    expect(x.findings.filter((f) => f.kind === "TOTALS_MISMATCH")).toEqual([]);
    // The same report claiming one more task in progress than its appendix lists is caught.
    const off = extract(
      text("quang-ngai-snv-bc-pdf.txt").replace("đang thực hiện 2 nhiệm vụ", "đang thực hiện 3 nhiệm vụ"),
      "off.txt",
    );
    const f = off.findings.filter((fi) => fi.kind === "TOTALS_MISMATCH");
    expect(f).toHaveLength(1);
    expect(f[0]?.messageEn).toMatch(/in progress 3 \(table: 2\)/);
  });
});

describe("a provincial council's normative resolution, before the 2025 merger (HĐND tỉnh Long An)", () => {
  const x = read("long-an-hdnd-nq.txt");

  it("reads the resolution, its bases, the submission it answers and what it replaces", () => {
    expect(x.document).toMatchObject({
      symbol: "27/2024/NQ-HĐND",
      type: "RESOLUTION",
      system: "STATE_NORMATIVE",
      issuer: "HĐND tỉnh Long An",
      jurisdiction: "long-an",
    });
    expect(rels(x)).toEqual(
      expect.arrayContaining([
        "SELF BASED_ON 80/2021/NĐ-CP",
        "SELF PROPOSED_BY 4567/TTr-UBND",
        "SELF REPLACES 12/2020/NQ-HĐND",
      ]),
    );
    expect(cited(x, "12/2020/NQ-HĐND")).toMatchObject({ issuer: "HĐND tỉnh Long An", date: "2020-07-10" });
  });

  it("resolves the council to the pre-merger province", () => {
    expect(orgKeys(x)).toContain("org:long-an:hdnd");
    expect(orgKeys(x)).toContain("org:long-an:ubnd");
  });

  it("reads both targets of the scope article, not the support level, as targets", () => {
    expect(target(x, (t) => t.value === 500)).toMatchObject({
      comparator: "tối thiểu",
      unit: "doanh nghiệp",
      horizon: "2030",
    });
    expect(target(x, (t) => t.value === 70)).toMatchObject({ unit: "%", horizon: "2030" });
    expect(x.targets).toHaveLength(2);
  });
});

describe("a commune Party committee's report after the 2025 merger, in Markdown with a statistics table (Đảng ủy xã Ia Grai, Gia Lai)", () => {
  const x = read("gia-lai-dang-uy-xa-bc.md");

  it("is the commune Party committee's document, keyed to the commune", () => {
    expect(x.document).toMatchObject({
      symbol: "27-BC/ĐU",
      type: "REPORT",
      issuer: "Đảng ủy xã Ia Grai",
      date: "2025-10-08",
      jurisdiction: "gia-lai",
    });
    expect(x.document.key).toBe("party|gia-lai/xa-ia-grai|27-BC/ĐU|2025");
  });

  it("puts its own plan (same code, no issuer named) in the commune's series, and the province's documents in the province's", () => {
    const own = cited(x, "14-KH/ĐU");
    expect(own).toMatchObject({ issuer: "Đảng ủy xã Ia Grai", jurisdiction: "gia-lai", date: "2025-09-02" });
    expect(own.key).toBe("party|gia-lai/xa-ia-grai|14-KH/ĐU|2025");
    expect(cited(x, "05-NQ/TU")).toMatchObject({
      issuer: "Ban Thường vụ Tỉnh ủy Gia Lai",
      date: "2025-08-20",
    });
    expect(rels(x)).toEqual(
      expect.arrayContaining([
        "SELF REPORTS_ON 05-NQ/TU",
        "SELF RESPONDS_TO 112-CV/VPTU",
        "14-KH/ĐU IMPLEMENTS 05-NQ/TU",
      ]),
    );
  });

  it("gives an action to the office that is its subject, named as written", () => {
    const a = x.actions.find((ac) => ac.quantity === 1250);
    expect(a).toMatchObject({ unit: "hồ sơ", actor: "Văn phòng Đảng ủy" });
    expect(a?.actorKey).toBe("org:gia-lai/xa-ia-grai:x-van-phong-dang-uy");
  });

  it("resolves 'UBND xã' to the commune's council and ends the cooperating unit at its verb", () => {
    expect(orgKeys(x)).toContain("org:gia-lai/xa-ia-grai:ubnd");
    expect(orgKeys(x)).not.toContain("org:gia-lai@2025:ubnd");
    expect(x.tasks[0]).toMatchObject({
      lead: ["Văn phòng Đảng ủy"],
      cooperating: ["Công an xã"],
      deadline: { to: "2025-12-31" },
    });
  });

  it("reads the statistics table as of the month the text names, and finds the rows that do not add up", () => {
    expect(x.statistics.map((s) => [s.assigned, s.completed, s.inProgress, s.notCompleted])).toEqual([
      [6, 3, 2, 1],
      [5, 2, 2, 0],
      [11, 5, 4, 1],
    ]);
    for (const s of x.statistics) expect(s.asOf).toBe("2025-09-30");
    const bad = x.findings.filter((f) => f.kind === "TOTALS_MISMATCH").map((f) => f.messageEn);
    expect(bad).toEqual([
      expect.stringMatching(/^Totals do not add up: 5 tasks/),
      expect.stringMatching(/^Totals do not add up: 11 tasks/),
    ]);
  });
});
