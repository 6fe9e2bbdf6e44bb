// Held-out documents, third set: a province's report on a Prime Minister's directive (targets that
// are shares of GRDP or of the budget, counts written as fractions, collective leads, a report
// opening that names the directive it reports on), and a Party plan of an agency-bloc committee whose
// items are led by groups of bodies ("Các chi bộ trực thuộc"). Each assertion is what a reader of
// the document would state; none names a sample's answer.
import { describe, expect, it } from "vitest";
import { extract } from "../../../src/extract/index.ts";
import type { Extraction } from "../../../src/extract/types.ts";
import { readHeldout as read, rels, task } from "../../helpers/extraction.ts";

const leadOf = (x: Extraction, words: RegExp) => task(x, (t) => words.test(t.content));
const orgOf = (x: Extraction, key: string) => x.organisations.find((o) => o.key === key);

describe("a province's report on a Prime Minister's directive (UBND tỉnh Thái Nguyên)", () => {
  const x = read("thai-nguyen-ubnd-bc-ct.txt");

  it("reports on the directive its title and opening name, and answers the ministry's letter: one relation each", () => {
    expect(x.document).toMatchObject({ symbol: "318/BC-UBND", type: "REPORT", jurisdiction: "thai-nguyen" });
    const r = rels(x);
    expect(r).toContain("SELF REPORTS_ON 04/CT-TTg");
    expect(r).not.toContain("SELF RESPONDS_TO 04/CT-TTg");
    expect(r).toContain("SELF RESPONDS_TO 2871/BKHCN-KHTC");
    expect(r).not.toContain("SELF REPORTS_ON 2871/BKHCN-KHTC");
    expect(r).toContain("57/KH-UBND IMPLEMENTS 04/CT-TTg");
  });

  it("keeps the base of a share: '1,5% GRDP', '2% tổng chi ngân sách địa phương', '100% số xã'", () => {
    const units = x.targets.map((t) => [t.comparator, t.value, t.unit]);
    expect(units).toEqual(
      expect.arrayContaining([
        ["=", 1.5, "% GRDP"],
        ["tối thiểu", 2, "% tổng chi ngân sách địa phương"],
        ["=", 100, "% số xã"],
      ]),
    );
    for (const t of x.targets) expect(t.unit).not.toBe("%");
  });

  it("reads a count written as a fraction ('12/15 xã') as 12 of 15, and no fraction as a document", () => {
    const communes = x.actions.find((a) => a.unit === "xã");
    expect(communes).toMatchObject({ quantity: 12, total: 15 });
    for (const c of x.citations) expect(c.symbol).not.toMatch(/^\d+\/\d+$/);
    expect(x.citations.map((c) => c.symbol)).toEqual(["04/CT-TTg", "2871/BKHCN-KHTC", "57/KH-UBND"]);
  });

  it("reads collective leads ('Các sở, ban, ngành', 'UBND các huyện, thị xã, thành phố') as groups of bodies", () => {
    const depts = leadOf(x, /rà soát, đề xuất nhiệm vụ/);
    expect(depts.lead).toEqual(["Các sở, ban, ngành"]);
    expect(orgOf(x, depts.leadKeys[0] as string)).toMatchObject({ collective: true, registered: false });
    const districts = leadOf(x, /bố trí kinh phí sự nghiệp/);
    expect(districts.lead).toEqual(["UBND các huyện, thị xã, thành phố"]);
    expect(orgOf(x, districts.leadKeys[0] as string)?.collective).toBe(true);
    // One body is not a group.
    const finance = leadOf(x, /tham mưu bố trí dự toán/);
    expect(finance.lead).toEqual(["Sở Tài chính"]);
    expect(orgOf(x, finance.leadKeys[0] as string)?.collective).toBeUndefined();
  });
});

describe("a Party plan of an agency-bloc committee, led by groups of bodies (Đảng ủy Khối các cơ quan tỉnh Bắc Ninh)", () => {
  const x = read("bac-ninh-dang-uy-khoi-kh.md");

  it("is the bloc committee's plan, its name spelt officially, not in the header's capitals", () => {
    expect(x.document).toMatchObject({
      symbol: "46-KH/ĐUK",
      type: "PLAN",
      issuer: "Đảng ủy Khối các cơ quan tỉnh Bắc Ninh",
      date: "2024-05-16",
      jurisdiction: "bac-ninh",
    });
    expect(rels(x)).toEqual(
      expect.arrayContaining([
        "SELF IMPLEMENTS 28-CT/TW",
        "SELF IMPLEMENTS 112-KH/TU",
        "112-KH/TU IMPLEMENTS 28-CT/TW",
      ]),
    );
  });

  it("gives each item the group that leads it, and a named board its own lead", () => {
    expect(leadOf(x, /quán triệt Chỉ thị/).lead).toEqual(["Các chi bộ trực thuộc"]);
    expect(leadOf(x, /sinh hoạt chuyên đề ít nhất/).lead).toEqual(["Các đảng bộ cơ sở"]);
    // "ban xây dựng Đảng" names the boards; "xây dựng" is not their verb there.
    expect(leadOf(x, /theo dõi, đôn đốc/).lead).toEqual(["Các ban xây dựng Đảng của Đảng ủy Khối"]);
    const t = leadOf(x, /biên soạn tài liệu/);
    expect(t).toMatchObject({
      lead: ["Ban Tuyên giáo Đảng ủy Khối"],
      cooperating: ["Văn phòng Đảng ủy Khối"],
    });
    const groups = x.organisations.filter((o) => o.collective).map((o) => o.name);
    expect(groups).toEqual(
      expect.arrayContaining([
        "Các chi bộ trực thuộc",
        "Các đảng bộ cơ sở",
        "Các ban xây dựng Đảng của Đảng ủy Khối",
      ]),
    );
  });

  it("keeps the base of a share ('95% tổng số đảng viên') and leaves a population share bare ('90% chi bộ')", () => {
    const units = x.targets.map((t) => [t.comparator, t.value, t.unit]);
    expect(units).toEqual([
      ["trên", 90, "%"],
      ["tối thiểu", 95, "% tổng số đảng viên"],
    ]);
  });

  it("reads '46/52 tổ chức cơ sở đảng' as 46 of 52", () => {
    const a = x.actions.find((a) => a.total !== undefined);
    expect(a).toMatchObject({ quantity: 46, total: 52 });
  });
});

describe("a ministry circular guiding a decree, replacing the circular that guided it before (Bộ Tài chính)", () => {
  const x = read("bo-taichinh-tt-huong-dan-nd.txt");

  it("is a normative circular of the ministry that guides the decree, on the bases it states", () => {
    expect(x.document).toMatchObject({
      symbol: "45/2024/TT-BTC",
      type: "CIRCULAR",
      system: "STATE_NORMATIVE",
      issuer: "Bộ Tài chính",
      date: "2024-07-01",
      jurisdiction: "national",
    });
    const r = rels(x);
    expect(r).toEqual(
      expect.arrayContaining([
        "SELF GUIDES 70/2018/NĐ-CP",
        "SELF BASED_ON 70/2018/NĐ-CP",
        "SELF BASED_ON 14/2023/NĐ-CP",
        "SELF REPLACES 63/2019/TT-BTC",
        "63/2019/TT-BTC GUIDES 70/2018/NĐ-CP",
      ]),
    );
    // A law is cited by its name alone (NĐ 30/2020), and it is a basis too.
    expect(x.citations.find((c) => c.type === "LAW" && c.symbol === null)?.date).toBe("2017-06-21");
    expect(r.filter((s) => s.startsWith("SELF IMPLEMENTS"))).toEqual([]);
  });

  it("takes its articles for rules, not tasks, targets or actions ('không vượt quá 30%' is a cap)", () => {
    expect(x.tasks).toEqual([]);
    expect(x.targets).toEqual([]);
    expect(x.actions).toEqual([]);
  });
});

describe("a provincial decision issuing a plan, its header laid out as a Markdown table, with Markdown and HTML tables (UBND tỉnh Hậu Giang)", () => {
  const x = read("hau-giang-ubnd-qd-kh.md");

  it("reads the header from its table cells: the province beside 'CỘNG HÒA …', the place beside 'Số:'", () => {
    expect(x.document).toMatchObject({
      symbol: "356/QĐ-UBND",
      type: "DECISION",
      date: "2025-03-07",
      jurisdiction: "hau-giang",
      issuerKey: "org:hau-giang:ubnd",
    });
    // The header table is layout, not an unreadable data table.
    expect(x.findings.filter((f) => f.kind === "UNREADABLE_TABLE")).toEqual([]);
  });

  it("issues the plan, replaces the old decision and rests on its bases (Điều 1–3)", () => {
    const r = rels(x);
    expect(r).toEqual(
      expect.arrayContaining([
        "SELF BASED_ON 03/NQ-CP",
        "SELF BASED_ON 41-CTr/TU",
        "41-CTr/TU IMPLEMENTS 57-NQ/TW",
        "SELF PROPOSED_BY 28/TTr-SKHCN",
        "SELF REPLACES 1204/QĐ-UBND",
        "SELF IMPLEMENTS 57-NQ/TW",
      ]),
    );
    const plan = x.citations.find((c) => c.type === "PLAN" && c.symbol === null);
    expect(plan).toBeDefined();
    expect(x.relations).toContainEqual(
      expect.objectContaining({ from: plan?.key, to: "SELF", kind: "ISSUED_WITH" }),
    );
  });

  it("reads the Markdown task table with single bodies and groups as leads and partners", () => {
    const table = x.tasks.filter((t) => t.from === "table");
    expect(table.map((t) => t.lead)).toEqual([
      ["Sở Tư pháp"],
      ["Sở Khoa học và Công nghệ"],
      ["Sở Tài chính"],
      ["UBND các huyện, thị xã, thành phố"],
    ]);
    expect(table[1]?.cooperating).toEqual(["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]);
    expect(table[1]?.deadline).toMatchObject({ from: "2025-10-01", to: "2025-10-31" });
    expect(table[2]?.deadline).toMatchObject({ recurring: true });
    expect(table[3]?.leadKeys).toEqual(["org:hau-giang:group-ubnd-huyen-thi-xa-thanh-pho"]);
  });

  it("cuts a lead before 'là cơ quan thường trực' and before 'căn cứ Kế hoạch này'", () => {
    expect(leadOf(x, /cơ quan thường trực/).lead).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(leadOf(x, /căn cứ Kế hoạch này/).lead).toEqual([
      "Các sở, ban, ngành tỉnh",
      "UBND các huyện, thị xã, thành phố",
    ]);
  });

  it("reads the HTML targets table and the prose goals, each share with its base", () => {
    const t = x.targets.map((g) => [g.comparator, g.value, g.unit]);
    expect(t).toEqual(
      expect.arrayContaining([
        ["≥", 80, "%"],
        ["=", 12, "% GRDP"],
        ["tối thiểu", 50, "doanh nghiệp"],
        ["ít nhất", 3, "% tổng chi ngân sách tỉnh"],
      ]),
    );
  });
});

describe("a department's 6-month report with a tab-separated statistics table whose totals do not add up (Sở TT&TT tỉnh Bến Tre)", () => {
  const x = read("ben-tre-stttt-bc-6-thang.txt");

  it("reports on the plan its title names and answers the letter that asked for it", () => {
    expect(x.document).toMatchObject({ symbol: "1187/BC-STTTT", type: "REPORT", jurisdiction: "ben-tre" });
    expect(rels(x)).toEqual(
      expect.arrayContaining(["SELF REPORTS_ON 2156/KH-UBND", "SELF RESPONDS_TO 3345/UBND-KT"]),
    );
    expect(rels(x)).not.toContain("SELF RESPONDS_TO 2156/KH-UBND");
  });

  it("labels each row by its field, not its number, and the total row by 'Tổng cộng' under an empty STT", () => {
    expect(x.statistics.map((s) => s.label)).toEqual([
      "Chính quyền số",
      "Kinh tế số",
      "Xã hội số",
      "Tổng cộng",
    ]);
  });

  it("finds the rows that do not add up, either way, and the columns the total row misstates", () => {
    const msgs = x.findings.filter((f) => f.kind === "TOTALS_MISMATCH").map((f) => f.messageEn);
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Totals do not add up: 9 tasks assigned .* 1 tasks unaccounted for/),
        expect.stringMatching(/^Totals do not add up: 11 tasks assigned .* 1 more counted than assigned/),
        "The total row says 16 (inProgress) but its sections sum to 15.",
        "The total row says 4 (notCompleted) but its sections sum to 5.",
      ]),
    );
    // The columns that do add up (14 + 9 + 11 = 34; 6 + 3 + 5 = 14) are not flagged.
    expect(msgs.filter((m) => /\((?:assigned|completed)\)/.test(m))).toEqual([]);
  });

  it("reads the counts in its prose: 45 hotspots in 38 of 157 communes, 1.250 members", () => {
    const wifi = x.actions.find((a) => a.quantity === 45);
    expect(wifi).toMatchObject({ unit: "điểm", actor: "Sở Thông tin và Truyền thông tỉnh Bến Tre" });
    expect(wifi?.partners).toEqual(["Viễn thông Bến Tre"]);
    expect(x.actions.find((a) => a.quantity === 1250)?.unit).toBe("thành viên");
  });
});

describe("a Party letter with Ð (U+00D0) and lines copied without diacritics (Tỉnh ủy Cao Bằng)", () => {
  const x = read("cao-bang-tu-cv-khong-dau.txt");

  it("reads the header and the citations whatever the spelling of Đ and the marks", () => {
    expect(x.document).toMatchObject({
      symbol: "215-CV/TU",
      type: "OFFICIAL_LETTER",
      // Signed "T/M BAN THƯỜNG VỤ": the standing board writes under the header "TỈNH ỦY".
      issuer: "Ban Thường vụ Tỉnh ủy Cao Bằng",
      date: "2025-02-18",
      jurisdiction: "cao-bang",
    });
    expect(rels(x)).toEqual(
      expect.arrayContaining(["SELF IMPLEMENTS 123-KL/TW", "286-KH/TU IMPLEMENTS 57-NQ/TW"]),
    );
    expect(x.citations.find((c) => c.symbol === "123-KL/TW")).toMatchObject({
      issuer: "Ban Chấp hành Trung ương Đảng",
      date: "2025-01-24",
    });
  });

  it("reads the assignments written without marks: leads, partners and deadlines as written", () => {
    expect(x.tasks.map((t) => t.lead)).toEqual([
      ["Ban can su dang UBND tinh"],
      ["Cac huyen uy, thanh uy", "Ðang uy truc thuoc Tinh uy"],
      ["So Khoa hoc va Cong nghe"],
    ]);
    const t3 = x.tasks[2];
    expect(t3?.leadKeys).toEqual(["org:cao-bang:skhcn"]);
    expect(t3?.cooperatingKeys).toEqual(["org:cao-bang:stc"]);
    expect(t3?.deadline).toMatchObject({ from: "2025-04-01", to: "2025-06-30" });
    expect(x.tasks[0]?.leadKeys).toEqual(["org:cao-bang:bcsd-ubnd"]);
    expect(x.tasks[0]?.deadline).toMatchObject({ text: "ngay 15/3/2025", to: "2025-03-15" });
    expect(x.organisations.find((o) => o.name === "Cac huyen uy, thanh uy")?.collective).toBe(true);
  });

  it("reads what was done in a sentence without marks ('… da ban hanh Ke hoach so 286-KH/TU …')", () => {
    const issued = x.actions.find((a) => /da ban hanh Ke hoach so 286-KH\/TU/.test(a.text));
    const served = (issued?.serves ?? []).map((k) => x.citations.find((c) => c.key === k)?.symbol);
    expect(served).toEqual(["286-KH/TU", "57-NQ/TW"]);
    expect(issued?.text).toMatch(/^Ban Thuong vu Tinh uy da ban hanh/);
    // Only verbs of two syllables are read without marks: "cap" may be "cấp" or "cáp".
    expect(x.actions.every((a) => /da (?:ban hanh|hoan thanh)/.test(a.text))).toBe(true);
  });

  it("reads comparators and bases without marks: 'dat 8% tro len' is ≥ 8%, 'toi thieu 2% tong chi …'", () => {
    expect(x.targets.map((t) => [t.comparator, t.value, t.unit])).toEqual([
      ["≥", 8, "%"],
      ["tối thiểu", 2, "% tong chi ngan sach tinh"],
    ]);
  });
});

describe("a provincial council's resolution on the year's plan: targets and tasks under its articles (HĐND tỉnh Quảng Bình)", () => {
  const x = read("quang-binh-hdnd-nq-kt-xh.txt");

  it("is the council's individual resolution, on the bases and the submission it names", () => {
    expect(x.document).toMatchObject({
      symbol: "85/NQ-HĐND",
      type: "RESOLUTION",
      issuer: "HĐND tỉnh Quảng Bình",
      jurisdiction: "quang-binh",
    });
    expect(rels(x)).toEqual(
      expect.arrayContaining(["SELF BASED_ON 159/2024/QH15", "SELF PROPOSED_BY 2516/TTr-UBND"]),
    );
  });

  it("reads the targets of 'Điều 1. Các chỉ tiêu chủ yếu năm 2025', for that year, ranges from their lower end", () => {
    const article = x.targets.filter((t) => t.horizon === "2025");
    expect(article.map((t) => [t.comparator, t.value, t.unit])).toEqual([
      ["range", 7.5, "%"],
      ["=", 82, "triệu đồng"],
      ["=", 45000, "tỷ đồng"],
      ["khoảng", 38, "% GRDP"],
      ["=", 8500, "tỷ đồng"],
      ["range", 0.8, "%"],
      ["=", 72, "%"],
    ]);
    expect(article[0]?.valueText).toBe("7,5 - 8%");
    for (const t of x.targets) expect(t.setBy).toBe(x.document.key);
  });

  it("reads the tasks of the articles titled 'Nhiệm vụ, giải pháp' and 'Tổ chức thực hiện', with their leads", () => {
    expect(x.tasks.map((t) => t.lead)).toEqual([
      ["Ủy ban nhân dân tỉnh"],
      ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"],
      // "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện …": the body given the work.
      ["Ủy ban nhân dân tỉnh"],
      [
        "Thường trực Hội đồng nhân dân tỉnh",
        "các Ban Hội đồng nhân dân tỉnh",
        "các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh",
      ],
    ]);
    expect(x.tasks[1]?.deadline).toMatchObject({ to: "2025-12-31" });
    expect(new Set(x.tasks.map((t) => t.key)).size).toBe(x.tasks.length);
  });
});

describe("a provincial plan whose items name their body before a colon ('Công an tỉnh: Chủ trì, …'; UBND tỉnh Phú Yên)", () => {
  const x = read("phu-yen-ubnd-kh-de-an-06.txt");

  it("implements the Prime Minister's decision its title names", () => {
    expect(x.document).toMatchObject({ symbol: "77/KH-UBND", type: "PLAN", jurisdiction: "phu-yen" });
    expect(rels(x)).toContain("SELF IMPLEMENTS 06/QĐ-TTg");
  });

  it("takes the body before the colon as the lead, the partner up to its verb, and a heading body for its bullets", () => {
    expect(x.tasks.map((t) => t.lead)).toEqual([
      ["Công an tỉnh"],
      ["Sở Tài chính"],
      ["UBND các huyện, thị xã, thành phố"],
      ["UBND các huyện, thị xã, thành phố"],
    ]);
    expect(x.tasks[0]).toMatchObject({
      cooperating: ["Sở Thông tin và Truyền thông"],
      cooperatingKeys: ["org:phu-yen:stttt"],
      deadline: { to: "2024-06-30" },
    });
    expect(x.tasks[1]?.leadKeys).toEqual(["org:phu-yen:stc"]);
    expect(x.tasks[1]?.deadline).toMatchObject({ recurring: true });
    expect(x.tasks.map((t) => t.deadline?.to ?? null).slice(2)).toEqual(["2024-09-30", "2024-12-15"]);
  });
});

describe("the grammar of a group, a share and a fraction, in isolation", () => {
  const doc = (body: string) =>
    extract(
      `ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 12/KH-UBND\nPhú Thọ, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\nPhát triển kinh tế số\n\n${body}\n`,
      "t.txt",
    );

  it("gives the same group one key however the qualifier reads ('liên quan', 'được giao')", () => {
    const x = doc(
      "II. NHIỆM VỤ\n1. Các sở, ban, ngành liên quan chủ trì triển khai nhiệm vụ số hóa hồ sơ.\n2. Các sở, ban, ngành được giao chủ trì báo cáo kết quả hằng quý.",
    );
    const keys = new Set(x.tasks.flatMap((t) => t.leadKeys));
    expect([...keys]).toEqual(["org:phu-tho:group-so-ban-nganh"]);
  });

  it("reads a multiplier between number and unit: '1,2 triệu lượt khách' is 1 200 000 lượt khách", () => {
    const x = doc(
      "I. MỤC TIÊU\nPhấn đấu đến năm 2025 đón 1,2 triệu lượt khách và doanh thu đạt 3.500 tỷ đồng.",
    );
    expect(x.targets.map((t) => [t.value, t.unit])).toEqual([
      [1200000, "lượt khách"],
      [3500, "tỷ đồng"],
    ]);
  });

  it("takes no statistic, level or purpose for an action ('Số …: 12', '02 cấp', 'để hướng dẫn')", () => {
    const x = doc(
      "I. KẾT QUẢ\nSố doanh nghiệp được hỗ trợ chuyển đổi số: 12 doanh nghiệp.\nTỉnh đang xây dựng mô hình chính quyền địa phương 02 cấp gắn với chuyển đổi số.\nTổ công tác có 05 thành viên để hướng dẫn các xã.\nSở Tài chính đã thẩm định 14 hồ sơ dự toán.",
    );
    expect(x.actions.map((a) => [a.quantity, a.unit])).toEqual([[14, "hồ sơ"]]);
  });

  it("takes the body before a colon only when no verb comes before the colon", () => {
    const x = doc(
      "II. NHIỆM VỤ\n1. Sở Tài chính chủ trì, phối hợp với các đơn vị thực hiện các nội dung sau: bố trí kinh phí; hướng dẫn thanh quyết toán.\n2. Công an tỉnh: Chủ trì, phối hợp với Sở Tư pháp làm sạch dữ liệu.",
    );
    expect(x.tasks.map((t) => t.lead)).toEqual([["Sở Tài chính"], ["Công an tỉnh"]]);
  });

  it("reads a body of every unit of a level ('UBND cấp huyện', 'Công an cấp xã') as a group", () => {
    const x = doc(
      "II. NHIỆM VỤ\n1. UBND cấp huyện chủ trì rà soát hộ nghèo trên địa bàn; hoàn thành trong Quý II/2024.\n2. Công an cấp xã chủ trì cập nhật dữ liệu dân cư; thời gian thực hiện: thường xuyên.",
    );
    expect(x.tasks.map((t) => t.leadKeys)).toEqual([
      ["org:phu-tho:group-ubnd-cap-huyen"],
      ["org:phu-tho:group-cong-an-cap-xa"],
    ]);
    for (const o of x.organisations.filter((o) => o.key.includes(":group-"))) expect(o.collective).toBe(true);
  });

  it("reads a date or a period after a number as no fraction of a whole", () => {
    const x = doc(
      "I. KẾT QUẢ\nSở Tài chính đã thẩm định 9/11 hồ sơ dự toán trong tháng 5/2024; ngày 8/12 Sở đã tổ chức 02 hội nghị.",
    );
    const totals = x.actions.filter((a) => a.total !== undefined).map((a) => [a.quantity, a.total, a.unit]);
    expect(totals).toEqual([[9, 11, "hồ sơ"]]);
  });
});
