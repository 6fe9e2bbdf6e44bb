// Held-out documents, fifth set: the Prime Minister's decision approving a scheme, a province's
// decision approving its health department's plan (signed KT. CHỦ TỊCH), a trade department's
// six-month report whose appendix rows must add up (one does not), a provincial Party committee's
// action programme as a PDF gives it (hard wraps mid-name, page numbers), a city's letter citing
// laws, decrees, circulars and Party texts in their real forms, and an agriculture-and-environment
// department's report after the 2025 province merger, and the Government's resolution issuing its
// action programme on a Central Committee conclusion with a tab-separated task appendix, and the
// Government Office's notice of the Prime Minister's conclusions (tasks under "2. Nhiệm vụ thời
// gian tới:"). Each
// assertion is what a reader would state.
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../../src/extract/types.ts";
import { cited, readHeldout as read, rels, symbolsOf, task } from "../../helpers/extraction.ts";

const leadOf = (x: Extraction, words: RegExp) => task(x, (t) => words.test(t.content));

describe("the Prime Minister's decision approving a scheme (Quyết định …/QĐ-TTg phê duyệt Đề án)", () => {
  const x = read("ttg-qd-de-an-nhan-luc-ban-dan.txt");

  it("is the Prime Minister's decision, approving the scheme its title names, on the bases it states", () => {
    expect(x.document).toMatchObject({
      symbol: "1583/QĐ-TTg",
      type: "DECISION",
      issuer: "Thủ tướng Chính phủ",
      date: "2025-08-18",
      jurisdiction: "national",
    });
    const r = rels(x, (_k, c) => `«${c?.type}»`);
    expect(r).toEqual(
      expect.arrayContaining([
        "SELF BASED_ON 57-NQ/TW",
        "SELF BASED_ON 1018/QĐ-TTg",
        "SELF BASED_ON 08/2012/QH13",
        "SELF PROPOSED_BY 1142/TTr-BGDĐT",
        // "Phê duyệt Đề án …": the scheme is the decision's, with no number of its own.
        "«SCHEME» ISSUED_WITH SELF",
      ]),
    );
    expect(cited(x, "57-NQ/TW")).toMatchObject({
      type: "RESOLUTION",
      issuer: "Bộ Chính trị",
      date: "2024-12-22",
    });
    expect(cited(x, "1142/TTr-BGDĐT")).toMatchObject({
      type: "SUBMISSION",
      issuer: "Bộ Giáo dục và Đào tạo",
      date: "2025-07-30",
    });
    expect(cited(x, "08/2012/QH13")).toMatchObject({ type: "LAW", issuer: "Quốc hội" });
  });

  it("reads the lettered tasks with their lead ministry, a partner without the verb after it, and deadlines", () => {
    expect(leadOf(x, /chuẩn chương trình đào tạo/)).toMatchObject({
      lead: ["Bộ Giáo dục và Đào tạo"],
      cooperating: ["Bộ Khoa học và Công nghệ"],
      cooperatingKeys: ["org:national:bkhcn"],
      deadline: { from: "2025-01-01", to: "2025-12-31" },
    });
    expect(leadOf(x, /học bổng/)).toMatchObject({
      lead: ["Bộ Tài chính"],
      cooperating: ["Bộ Giáo dục và Đào tạo"],
      deadline: { from: "2026-04-01", to: "2026-06-30" },
    });
    // "Bộ Tài chính cân đối, bố trí kinh phí …": the ministry, not "Bộ Tài chính cân đối".
    expect(leadOf(x, /cân đối, bố trí kinh phí/)).toMatchObject({
      lead: ["Bộ Tài chính"],
      leadKeys: ["org:national:btc"],
    });
    expect(x.organisations.map((o) => o.name)).not.toContain("Bộ Tài chính cân đối");
  });

  it("reads the 2030 targets under '1. Mục tiêu đến năm 2030', floors included", () => {
    expect(x.targets.map((t) => [t.comparator, t.value, t.unit, t.horizon])).toEqual([
      ["tối thiểu", 50000, "nhân lực", "2030"],
      ["=", 80, "%", "2030"],
      ["tối thiểu", 18, "phòng", "2030"],
    ]);
    // A target is no act done.
    expect(x.actions.find((a) => a.quantity === 50000)).toBeUndefined();
  });

  it("gives the yearly task a recurring deadline and records no task wording as an organisation", () => {
    expect(leadOf(x, /Thu hút chuyên gia/)).toMatchObject({
      lead: ["Bộ Ngoại giao"],
      deadline: { recurring: true },
    });
    // "a) Rà soát, hoàn thiện …; Bộ Giáo dục và Đào tạo chủ trì": the lead is the clause's subject.
    expect(x.organisations.every((o) => /^(Bộ|Chính phủ|Thủ tướng|Ban Bí thư)/.test(o.name))).toBe(true);
  });
});

describe("a province's decision approving its health department's plan (UBND tỉnh Sơn La, KT. CHỦ TỊCH)", () => {
  const x = read("son-la-ubnd-qd-phe-duyet-kh-syt.txt");

  it("is the province's decision approving the plan, proposed by the department, replacing the earlier decision", () => {
    expect(x.document).toMatchObject({
      symbol: "2117/QĐ-UBND",
      type: "DECISION",
      issuer: "UBND tỉnh Sơn La",
      issuerKey: "org:son-la:ubnd",
      date: "2025-10-09",
      jurisdiction: "son-la",
    });
    const r = rels(x, (_k, c) => `«${c?.type}»`);
    expect(r).toEqual(
      expect.arrayContaining([
        "SELF BASED_ON 155/QĐ-TTg",
        "SELF BASED_ON 198/KH-UBND",
        "SELF PROPOSED_BY 487/TTr-SYT",
        "SELF REPLACES 1420/QĐ-UBND",
        "«PLAN» ISSUED_WITH SELF",
      ]),
    );
    expect(cited(x, "487/TTr-SYT")).toMatchObject({
      type: "SUBMISSION",
      issuer: "Sở Y tế tỉnh Sơn La",
      date: "2025-09-25",
    });
    expect(cited(x, "1420/QĐ-UBND")).toMatchObject({ issuer: "UBND tỉnh Sơn La", date: "2022-06-22" });
    expect(cited(x, "155/QĐ-TTg")).toMatchObject({ issuer: "Thủ tướng Chính phủ", date: "2022-01-29" });
  });

  it("reads the plan's task table: leads, partners, a recurring deadline, a quarter, a month", () => {
    const table = x.tasks.filter((t) => t.from === "table");
    expect(table.map((t) => t.lead)).toEqual([
      ["Trung tâm Kiểm soát bệnh tật tỉnh"],
      ["Sở Y tế"],
      ["Sở Tài chính"],
    ]);
    expect(table[0]?.deadline).toMatchObject({ recurring: true });
    expect(table[1]).toMatchObject({
      leadKeys: ["org:son-la:syt"],
      cooperatingKeys: ["org:son-la:skhcn"],
      deadline: { from: "2026-04-01", to: "2026-06-30" },
    });
    expect(table[2]?.deadline).toMatchObject({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("reads the article that gives the department the work as a task with its partners and yearly deadline", () => {
    expect(leadOf(x, /tổ chức triển khai thực hiện Kế hoạch/)).toMatchObject({
      ref: "Điều 2",
      lead: ["Sở Y tế"],
      cooperating: ["Sở Tài chính", "Ủy ban nhân dân các xã, phường"],
      deadline: { recurring: true },
    });
    // "Điều 3. Quyết định này có hiệu lực …; Chánh Văn phòng … chịu trách nhiệm thi hành": no task.
    expect(x.tasks.filter((t) => /Chánh Văn phòng/.test(t.content))).toEqual([]);
  });

  it("reads the plan's 2030 targets, one a floor", () => {
    expect(x.targets.map((t) => [t.comparator, t.value, t.unit, t.horizon])).toEqual(
      expect.arrayContaining([
        ["=", 95, "%", "2030"],
        ["ít nhất", 70, "%", "2030"],
      ]),
    );
  });
});

describe("a trade department's six-month report with an appendix that must add up (Sở Công Thương An Giang)", () => {
  const x = read("an-giang-sct-bc-6-thang.txt");

  it("reports on the province's plan and answers its letter", () => {
    expect(x.document).toMatchObject({
      symbol: "1865/BC-SCT",
      type: "REPORT",
      issuer: "Sở Công Thương tỉnh An Giang",
      date: "2025-07-10",
    });
    expect(rels(x)).toEqual(
      expect.arrayContaining(["SELF REPORTS_ON 52/KH-UBND", "SELF RESPONDS_TO 3310/UBND-KT"]),
    );
    expect(cited(x, "52/KH-UBND")).toMatchObject({ issuer: "UBND tỉnh An Giang", date: "2025-02-20" });
  });

  it("reads the prose counts with 'quá hạn N nhiệm vụ' as overdue, and they add up", () => {
    const s = x.statistics.find((st) => st.assigned === 24);
    expect(s).toMatchObject({
      completed: 11,
      inProgress: 9,
      notCompleted: 2,
      overdue: 2,
      asOf: "2025-06-30",
    });
  });

  it("reads four status columns as four parts: only the row that does not add up is flagged", () => {
    expect(x.statistics.filter((s) => s.label !== null && s.assigned !== 24).map((s) => s.assigned)).toEqual([
      10, 8, 6,
    ]);
    const bad = x.findings.filter((f) => f.kind === "TOTALS_MISMATCH");
    expect(bad).toHaveLength(1);
    expect(bad[0]?.messageEn).toMatch(/6 tasks assigned/);
  });

  it("gives each count of work to the unit the sentence names; a shortfall is no act", () => {
    const by = (q: number) => x.actions.find((a) => a.quantity === q);
    expect(by(14)).toMatchObject({ unit: "lớp", actor: "Sở Công Thương tỉnh An Giang" });
    expect(by(325)).toMatchObject({ unit: "doanh nghiệp", actor: "Trung tâm Xúc tiến thương mại" });
    expect(by(42)).toMatchObject({ unit: "website", actor: "Phòng Quản lý thương mại" });
    // "Còn 02 nhiệm vụ quá hạn do chưa được bố trí kinh phí."
    expect(by(2)).toBeUndefined();
  });

  it("does not compare the category rows with the next appendix's list of late tasks", () => {
    expect(x.findings.filter((f) => /detail table/.test(f.messageEn))).toEqual([]);
  });

  it("reads the late-task appendix with leads, deadlines and statuses", () => {
    const table = x.tasks.filter((t) => t.from === "table");
    expect(table.map((t) => t.lead)).toEqual([
      ["Phòng Quản lý thương mại"],
      ["Trung tâm Xúc tiến thương mại"],
      ["Phòng Quản lý thương mại"],
    ]);
    expect(table.map((t) => t.status?.value)).toEqual(["OVERDUE", "OVERDUE", "NOT_STARTED"]);
    expect(leadOf(x, /Hội chợ nông sản/)).toMatchObject({
      lead: ["Trung tâm Xúc tiến thương mại"],
      cooperating: ["Sở Nông nghiệp và Môi trường"],
      deadline: { to: "2025-09-30" },
    });
  });
});

describe("a provincial Party committee's action programme as a PDF gives it (Tỉnh ủy Hưng Yên)", () => {
  const x = read("hung-yen-tu-ctr-pdf.txt");

  it("names the Politburo as the resolution's issuer though the name is wrapped over two lines", () => {
    // Signed "T/M BAN THƯỜNG VỤ": the standing board issues, under the header "TỈNH ỦY".
    expect(x.document).toMatchObject({
      symbol: "18-CTr/TU",
      type: "PROGRAMME",
      issuer: "Ban Thường vụ Tỉnh ủy Hưng Yên",
      issuerKey: "org:hung-yen@2025:btvtu",
      date: "2025-08-21",
    });
    expect(cited(x, "68-NQ/TW")).toMatchObject({
      type: "RESOLUTION",
      issuer: "Bộ Chính trị",
      date: "2025-05-04",
    });
    expect(cited(x, "15-KH/TW")).toMatchObject({ type: "PLAN", issuer: "Bộ Chính trị", date: "2025-05-23" });
    expect(rels(x)).toContain("SELF IMPLEMENTS 68-NQ/TW");
  });

  it("reads the numbered tasks across the page break with their leads and deadlines", () => {
    expect(leadOf(x, /quán triệt, tuyên truyền/)).toMatchObject({
      lead: ["Ban Tuyên giáo và Dân vận Tỉnh ủy"],
      deadline: { from: "2025-07-01", to: "2025-09-30" },
    });
    expect(leadOf(x, /cắt giảm thủ tục/)).toMatchObject({
      lead: ["Ban cán sự đảng UBND tỉnh"],
      deadline: { to: "2025-12-31" },
    });
    expect(leadOf(x, /doanh\s+nghiệp nhỏ và vừa/)).toMatchObject({
      lead: ["Đảng đoàn HĐND tỉnh"],
      deadline: { from: "2026-01-01", to: "2026-12-31" },
    });
  });

  it("reads the goals: a floor on a count of firms still in business, an approximate share of GRDP", () => {
    expect(x.targets.map((t) => [t.comparator, t.value, t.unit, t.horizon])).toEqual([
      ["ít nhất", 20000, "doanh nghiệp", "2030"],
      ["khoảng", 60, "% GRDP", "2030"],
    ]);
  });
});

describe("a city's letter citing laws, decrees, circulars and Party texts in their real forms (UBND TP Cần Thơ)", () => {
  const x = read("can-tho-ubnd-cv-van-ban-khcn.txt");

  it("is the city's letter", () => {
    expect(x.document).toMatchObject({
      symbol: "4127/UBND-KT",
      type: "OFFICIAL_LETTER",
      issuer: "UBND thành phố Cần Thơ",
      date: "2025-11-03",
      jurisdiction: "can-tho",
    });
  });

  it("reads every citation with its type, issuer and date", () => {
    const row = (s: string) => {
      const c = cited(x, s);
      return [c.type, c.issuer, c.date];
    };
    // A law is dated the day the Assembly passed it ("được Quốc hội thông qua ngày …").
    expect(row("93/2025/QH15")).toEqual(["LAW", "Quốc hội", "2025-06-27"]);
    expect(row("29/2013/QH13").slice(0, 2)).toEqual(["LAW", "Quốc hội"]);
    expect(row("08/2014/NĐ-CP")).toEqual(["DECREE", "Chính phủ", "2014-01-27"]);
    expect(row("13/2023/NĐ-CP")).toEqual(["DECREE", "Chính phủ", "2023-04-17"]);
    expect(row("01/2024/TT-BKHCN")).toEqual(["CIRCULAR", "Bộ Khoa học và Công nghệ", "2024-03-15"]);
    expect(row("27/2015/TTLT-BKHCN-BTC")).toEqual([
      "JOINT_CIRCULAR",
      "Bộ Khoa học và Công nghệ",
      "2015-12-30",
    ]);
    expect(row("05-CT/TW")).toEqual(["DIRECTIVE", "Bộ Chính trị", "2016-05-15"]);
    expect(row("14-KL/TW")).toEqual(["CONCLUSION", "Bộ Chính trị", "2021-09-22"]);
    expect(row("12-HD/BTGTW")).toEqual(["GUIDANCE", "Ban Tuyên giáo Trung ương", "2021-06-08"]);
    expect(row("1234/QĐ-TTg")).toEqual(["DECISION", "Thủ tướng Chính phủ", "2025-10-14"]);
    expect(row("25/2019/QĐ-UBND")).toEqual(["DECISION", "UBND thành phố Cần Thơ", "2019-08-14"]);
    expect(cited(x, "08/2014/NĐ-CP").system).toBe("STATE_NORMATIVE");
    expect(cited(x, "05-CT/TW").system).toBe("PARTY");
  });

  it("reads the relations between the documents cited", () => {
    expect(rels(x)).toEqual(
      expect.arrayContaining([
        "08/2014/NĐ-CP GUIDES 29/2013/QH13",
        // "…, có hiệu lực từ ngày 01 tháng 10 năm 2025, thay thế Luật … số 29/2013/QH13".
        "93/2025/QH15 REPLACES 29/2013/QH13",
        "01/2024/TT-BKHCN AMENDS 03/2017/TT-BKHCN",
      ]),
    );
    // "tham mưu bãi bỏ Quyết định số 25/2019/QĐ-UBND": a task to propose, not the letter repealing it.
    expect(rels(x)).not.toContain("SELF REPEALS 25/2019/QĐ-UBND");
  });

  it("reads the points after 'Ủy ban nhân dân thành phố có ý kiến như sau:' as assignments", () => {
    expect(leadOf(x, /rà soát các văn bản/)).toMatchObject({
      lead: ["Sở Khoa học và Công nghệ"],
      leadKeys: ["org:can-tho@2025:skhcn"],
      cooperating: ["Sở Tư pháp"],
      deadline: { to: "2025-12-15" },
    });
    expect(leadOf(x, /lập dự toán/)).toMatchObject({
      lead: ["Sở Tài chính"],
      deadline: { from: "2025-11-01", to: "2025-11-30" },
    });
    expect(leadOf(x, /quán triệt Chỉ thị/).lead).toEqual(["Các cơ quan, đơn vị"]);
    // "Sở Khoa học và Công nghệ thực hiện Nghị định số 13/2023/NĐ-CP …": the point says what it carries out.
    expect(symbolsOf(x, leadOf(x, /bảo vệ dữ liệu cá nhân/).implements)).toEqual(["13/2023/NĐ-CP"]);
  });
});

describe("an agriculture-and-environment department's report after the 2025 province merger (Phú Thọ (mới))", () => {
  const x = read("phu-tho-snnmt-bc-sau-sap-nhap.txt");

  it("is the merged department's report, citing the Assembly's resolution and the province's decision", () => {
    expect(x.document).toMatchObject({
      symbol: "742/BC-SNNMT",
      type: "REPORT",
      issuer: "Sở Nông nghiệp và Môi trường tỉnh Phú Thọ",
      date: "2025-12-20",
      jurisdiction: "phu-tho",
    });
    expect(cited(x, "202/2025/QH15")).toMatchObject({
      type: "RESOLUTION",
      issuer: "Quốc hội",
      date: "2025-06-12",
    });
    expect(cited(x, "1056/QĐ-UBND")).toMatchObject({ issuer: "UBND tỉnh Phú Thọ", date: "2025-07-02" });
    // The two departments merged into it are still named, as what they were.
    const keys = x.organisations.map((o) => o.key);
    expect(keys).toEqual(
      expect.arrayContaining(["org:phu-tho@2025:snnmt", "org:phu-tho:snnptnt", "org:phu-tho:stnmt"]),
    );
  });

  it("gives each count of work to the unit the sentence names", () => {
    const by = (q: number) => x.actions.find((a) => a.quantity === q);
    expect(by(128)).toMatchObject({ unit: "vụ", actor: "Chi cục Kiểm lâm" });
    expect(by(4350)).toMatchObject({ actorKey: "org:phu-tho@2025:snnmt" });
    expect(by(37)).toMatchObject({ unit: "công trình", actor: "Chi cục Thủy lợi" });
  });

  it("reads the year's counts, which add up", () => {
    const s = x.statistics.find((st) => st.assigned === 30);
    expect(s).toMatchObject({ completed: 21, inProgress: 7, notCompleted: 2 });
    expect(x.findings.filter((f) => f.kind === "TOTALS_MISMATCH")).toEqual([]);
  });

  it("reads next year's tasks; a collective partner ends where its verb begins", () => {
    expect(leadOf(x, /phòng cháy, chữa cháy rừng/)).toMatchObject({
      lead: ["Chi cục Kiểm lâm"],
      deadline: { to: "2026-01-31" },
    });
    expect(leadOf(x, /hồ sơ địa chính/)).toMatchObject({
      lead: ["Văn phòng Đăng ký đất đai"],
      cooperating: ["UBND các xã, phường"],
      deadline: { from: "2026-04-01", to: "2026-06-30" },
    });
  });
});

describe("the Government's resolution issuing its action programme on a Party conclusion, appendix in tabs (Nghị quyết …/NQ-CP)", () => {
  const x = read("cp-nq-ctr-hanh-dong-kl-123.txt");

  it("issues the programme, which implements the conclusion, and replaces the earlier resolution", () => {
    expect(x.document).toMatchObject({
      symbol: "214/NQ-CP",
      type: "RESOLUTION",
      issuer: "Chính phủ",
      date: "2025-07-24",
      jurisdiction: "national",
    });
    const r = rels(x, (_k, c) => `«${c?.type}»`);
    expect(r).toEqual(
      expect.arrayContaining([
        "«PROGRAMME» ISSUED_WITH SELF",
        "«PROGRAMME» IMPLEMENTS 123-KL/TW",
        "SELF IMPLEMENTS 123-KL/TW",
        "SELF BASED_ON 39/2022/NĐ-CP",
        "SELF REPLACES 25/NQ-CP",
      ]),
    );
    expect(cited(x, "123-KL/TW")).toMatchObject({
      type: "CONCLUSION",
      system: "PARTY",
      issuer: "Ban Chấp hành Trung ương Đảng",
      date: "2025-01-24",
    });
    expect(cited(x, "25/NQ-CP").date).toBe("2025-02-05");
    // "(Kèm theo Nghị quyết số 214/NQ-CP …)" is the resolution itself.
    expect(x.citations.map((c) => c.symbol)).not.toContain("214/NQ-CP");
  });

  it("reads the appendix: ministries lead, partners split at ';', products, a yearly deadline", () => {
    const table = x.tasks.filter((t) => t.from === "table");
    expect(table.map((t) => [t.leadKeys, t.product, t.deadline?.to ?? null, t.deadline?.recurring])).toEqual([
      [["org:national:btc"], "Nghị định", "2025-12-31", false],
      [["org:national:bkhcn"], "Đề án", "2025-10-31", false],
      [["org:national:btc"], "Báo cáo", null, true],
      [["org:national:bnnmt"], "Quyết định của Thủ tướng Chính phủ", "2025-12-31", false],
    ]);
    expect(table[0]?.cooperatingKeys).toEqual(["org:national:btp", "org:national:vpcp"]);
    for (const t of table) expect(symbolsOf(x, t.implements)).toEqual(["123-KL/TW"]);
  });

  it("reads the year's growth target from its lower bound, dated by the year it names", () => {
    expect(x.targets.map((t) => [t.comparator, t.value, t.unit, t.horizon])).toEqual([
      ["≥", 8, "%", "2025"],
      ["trên", 95, "% kế hoạch", "2025"],
    ]);
  });
});

describe("the Government Office's notice of the Prime Minister's conclusions (Thông báo …/TB-VPCP)", () => {
  const x = read("vpcp-tb-ket-luan-ttg.txt");

  it("is the office's notice on the Government's resolution", () => {
    expect(x.document).toMatchObject({
      symbol: "386/TB-VPCP",
      type: "NOTICE",
      issuer: "Văn phòng Chính phủ",
      date: "2025-09-12",
      jurisdiction: "national",
    });
    expect(cited(x, "66/NQ-CP")).toMatchObject({
      type: "RESOLUTION",
      issuer: "Chính phủ",
      date: "2025-03-26",
    });
    expect(cited(x, "63/2010/NĐ-CP")).toMatchObject({ type: "DECREE", date: "2010-06-08" });
  });

  it("reads the lettered tasks under '2. Nhiệm vụ thời gian tới:' with leads and deadlines", () => {
    const tasks = x.tasks.filter((t) => t.from === "list");
    expect(tasks.map((t) => [t.ref, t.lead, t.deadline?.to])).toEqual([
      ["a)", ["Bộ Tư pháp"], "2025-10-30"],
      ["b)", ["Bộ Công an"], "2025-11-30"],
      // "Các bộ, cơ quan ngang bộ chưa hoàn thành việc rà soát …": the group, without its adverb.
      ["c)", ["Các bộ, cơ quan ngang bộ"], "2025-10-15"],
    ]);
    expect(tasks[0]).toMatchObject({
      cooperating: ["Văn phòng Chính phủ"],
      cooperatingKeys: ["org:national:vpcp"],
    });
  });

  it("reads what was cut so far as an act with its count", () => {
    // "các bộ, cơ quan đã cắt giảm, đơn giản hóa 2.134 thủ tục hành chính".
    expect(x.actions.find((a) => a.quantity === 2134)).toMatchObject({ unit: "thủ tục" });
  });
});
