// Held-out documents, fourth set: a ministry's decision issuing its action plan on a Government
// resolution (task appendix as a Markdown table, units whose names hold "và"), a commune's report
// after the 2025 two-tier reform, a provincial Party conclusion whose tasks are paragraphs of
// prose, a council's normative resolution amending an earlier one, and a department's letter
// answering the province, copied from a word processor (Ð, doubled spaces, symbols broken over
// lines, a sentence without marks), and a provincial police plan whose offices are its own. Each
// assertion is what a reader of the document would state.
import { describe, expect, it } from "vitest";
import { extract } from "../../../src/extract/index.ts";
import type { Extraction } from "../../../src/extract/types.ts";
import { cited, readHeldout as read, rels, task } from "../../helpers/extraction.ts";

const leadOf = (x: Extraction, words: RegExp) => task(x, (t) => words.test(t.content));

describe("a ministry's decision issuing its action plan on the Government's yearly resolution (Bộ Nông nghiệp và Môi trường)", () => {
  const x = read("bo-nnmt-qd-kh-hanh-dong.md");

  it("is the minister's decision, implementing the resolution its title names, on the bases it states", () => {
    expect(x.document).toMatchObject({
      symbol: "215/QĐ-BNNMT",
      type: "DECISION",
      system: "STATE_ADMINISTRATIVE",
      issuer: "Bộ Nông nghiệp và Môi trường",
      issuerKey: "org:national:bnnmt",
      date: "2026-01-21",
      jurisdiction: "national",
    });
    const r = rels(x);
    expect(r).toEqual(
      expect.arrayContaining([
        "SELF IMPLEMENTS 01/NQ-CP",
        "SELF BASED_ON 35/2025/NĐ-CP",
        "SELF BASED_ON 01/NQ-CP",
        "SELF REPLACES 4781/QĐ-BNNMT",
      ]),
    );
    expect(cited(x, "01/NQ-CP")).toMatchObject({
      type: "RESOLUTION",
      issuer: "Chính phủ",
      date: "2026-01-08",
    });
    expect(cited(x, "35/2025/NĐ-CP")).toMatchObject({
      type: "DECREE",
      system: "STATE_NORMATIVE",
      date: "2025-02-25",
    });
    expect(cited(x, "4781/QĐ-BNNMT").date).toBe("2025-12-30");
    // "(Kèm theo Quyết định số 215/QĐ-BNNMT …)" is the decision itself, not a document it cites.
    expect(x.citations.map((c) => c.symbol)).not.toContain("215/QĐ-BNNMT");
    const plan = x.citations.find((c) => c.type === "PLAN" && c.symbol === null);
    expect(x.relations).toContainEqual(
      expect.objectContaining({ from: plan?.key, to: "SELF", kind: "ISSUED_WITH" }),
    );
  });

  it("reads the appendix table: a unit whose name holds 'và' is one lead, partners split at ';'", () => {
    const table = x.tasks.filter((t) => t.from === "table");
    expect(table.map((t) => t.lead)).toEqual([
      ["Vụ Pháp chế"],
      ["Cục Chuyển đổi số"],
      ["Cục Trồng trọt và Bảo vệ thực vật"],
      ["Thanh tra Bộ"],
    ]);
    expect(table[0]).toMatchObject({
      cooperating: ["Cục Môi trường", "Bộ Xây dựng"],
      deadline: { from: "2026-07-01", to: "2026-09-30" },
      product: "Nghị định của Chính phủ",
    });
    expect(table[0]?.cooperatingKeys).toContain("org:national:bxd");
    // The ministry's own departments are its own: another ministry has a "Vụ Pháp chế" too.
    expect(table[0]?.leadKeys).toEqual(["org:national/bnnmt:x-vu-phap-che"]);
    expect(table[1]?.cooperatingKeys).toContain("org:national:bca");
    expect(table[1]?.deadline).toMatchObject({ from: "2026-09-01", to: "2026-09-30" });
    expect(table[2]?.deadline).toMatchObject({ recurring: true });
    expect(table[3]?.deadline).toMatchObject({ to: "2026-11-30" });
  });

  it("reads the plan's goals: a range from its lower end, an approximate export value", () => {
    expect(x.targets.map((t) => [t.comparator, t.value, t.unit])).toEqual(
      expect.arrayContaining([
        ["range", 3.8, "%"],
        ["khoảng", 70, "tỷ USD"],
      ]),
    );
  });

  it("gives the monitoring item of 'Tổ chức thực hiện' to the unit that leads it", () => {
    expect(leadOf(x, /theo dõi, đôn đốc/).lead).toEqual(["Vụ Kế hoạch - Tài chính"]);
  });
});

describe("a commune's report after the two-tier reform, answering the province's letter (UBND xã Đam Rông, Lâm Đồng)", () => {
  const x = read("lam-dong-xa-bc-chinh-quyen-2-cap.txt");

  it("is the commune's report, keyed to the commune, answering the province's letter", () => {
    expect(x.document).toMatchObject({
      symbol: "318/BC-UBND",
      type: "REPORT",
      issuer: "UBND xã Đam Rông",
      date: "2025-12-05",
      jurisdiction: "lam-dong",
    });
    expect(x.document.key).toBe("state-admin|lam-dong/xa-dam-rong|318/BC-UBND|2025");
    const r = rels(x);
    expect(r).toContain("SELF RESPONDS_TO 1520/UBND-NC");
    expect(r).toContain("12/KH-UBND IMPLEMENTS 95/KH-UBND");
    expect(cited(x, "1520/UBND-NC")).toMatchObject({
      type: "OFFICIAL_LETTER",
      issuer: "UBND tỉnh Lâm Đồng",
      date: "2025-11-24",
    });
    expect(cited(x, "95/KH-UBND")).toMatchObject({ issuer: "UBND tỉnh Lâm Đồng", date: "2025-07-01" });
    // The commune's own plan (no issuer named) is in the commune's series.
    expect(cited(x, "12/KH-UBND")).toMatchObject({ issuer: "UBND xã Đam Rông", date: "2025-07-03" });
  });

  it("reads the counts of the commune's units with the unit that did the work", () => {
    const by = (q: number) => x.actions.find((a) => a.quantity === q);
    expect(by(2846)).toMatchObject({ unit: "hồ sơ", actor: "Trung tâm Phục vụ hành chính công xã" });
    expect(by(1125)).toMatchObject({ unit: "hồ sơ", actor: "Công an xã" });
    expect(by(46)).toMatchObject({ unit: "hồ sơ", actor: "Phòng Kinh tế" });
    // What the report's author did is the commune council's, keyed as its mentions are.
    expect(by(3)).toMatchObject({ unit: "phòng", actorKey: "org:lam-dong/xa-dam-rong:ubnd" });
    expect(x.organisations.map((o) => o.key)).toContain("org:lam-dong/xa-dam-rong:ubnd");
    // A shortfall ("Hạ tầng mạng tại 04/11 thôn còn yếu, chưa bảo đảm cho việc thực hiện …") is no act.
    expect(x.actions.find((a) => a.unit === "thôn")).toBeUndefined();
  });

  it("reads the pipe table of tasks with leads, deadlines and statuses as of the report", () => {
    const table = x.tasks.filter((t) => t.from === "table");
    expect(table.map((t) => t.lead)).toEqual([
      ["Phòng Kinh tế"],
      ["Trung tâm Phục vụ hành chính công xã"],
      ["Văn phòng HĐND và UBND xã"],
    ]);
    expect(table.map((t) => t.deadline?.to)).toEqual(["2025-09-30", "2025-12-31", "2025-10-31"]);
    expect(table.map((t) => t.status?.value)).toEqual([
      "COMPLETED_ON_TIME",
      "IN_PROGRESS_ON_TIME",
      "OVERDUE",
    ]);
  });

  it("reads the next steps with the office as one lead and its partner", () => {
    const t = leadOf(x, /bố trí công chức trước/);
    expect(t).toMatchObject({
      lead: ["Văn phòng HĐND và UBND xã"],
      cooperating: ["Phòng Văn hóa - Xã hội"],
      deadline: { to: "2025-12-31" },
    });
    expect(leadOf(x, /tài sản công dôi dư, hoàn thành/).deadline).toMatchObject({ to: "2026-03-31" });
  });
});

describe("a provincial Party conclusion whose tasks are paragraphs of prose (Ban Thường vụ Tỉnh ủy Tuyên Quang)", () => {
  const x = read("tuyen-quang-tu-kl-nq57.txt");

  it("is the standing committee's conclusion continuing the Politburo's resolution", () => {
    expect(x.document).toMatchObject({
      symbol: "48-KL/TU",
      type: "CONCLUSION",
      system: "PARTY",
      issuer: "Ban Thường vụ Tỉnh ủy Tuyên Quang",
      date: "2025-08-22",
      jurisdiction: "tuyen-quang",
    });
    const r = rels(x);
    expect(r.some((s) => /^SELF (?:IMPLEMENTS|CONTINUES) 57-NQ\/TW$/.test(s))).toBe(true);
    expect(r).toContain("09-KH/TU IMPLEMENTS 57-NQ/TW");
    expect(cited(x, "57-NQ/TW")).toMatchObject({ issuer: "Bộ Chính trị", date: "2024-12-22" });
    expect(cited(x, "09-KH/TU")).toMatchObject({
      issuer: "Ban Thường vụ Tỉnh ủy Tuyên Quang",
      date: "2025-03-14",
    });
    // The code ĐU names no place: there is no "Đảng ủy tỉnh Tuyên Quang".
    expect(cited(x, "36-BC/ĐU")).toMatchObject({ issuer: "Đảng ủy", date: "2025-08-12" });
  });

  it("reads each paragraph of 'Nhiệm vụ, giải pháp' as a task with its lead, partner and deadline", () => {
    expect(x.tasks.map((t) => t.lead)).toEqual([
      ["Đảng ủy Ủy ban nhân dân tỉnh"],
      ["Ban Tuyên giáo và Dân vận Tỉnh ủy"],
      ["Công an tỉnh"],
      ["Các đảng ủy trực thuộc Tỉnh ủy"],
      ["Văn phòng Tỉnh ủy"],
    ]);
    const [party, propaganda, police, committees, office] = x.tasks;
    expect(party?.deadline).toMatchObject({ from: "2025-10-01", to: "2025-10-31" });
    expect(propaganda).toMatchObject({ cooperating: ["Báo và Phát thanh, Truyền hình Tuyên Quang"] });
    expect(propaganda?.deadline?.recurring).toBe(true);
    expect(police).toMatchObject({
      cooperating: ["Bộ Chỉ huy Quân sự tỉnh"],
      deadline: { to: "2025-12-15" },
    });
    expect(committees?.deadline).toMatchObject({ to: "2025-09-30" });
    expect(office?.leadKeys).toEqual(["org:tuyen-quang@2025:vptu"]);
  });

  it("resolves the province's police, military command and merged board to the registry", () => {
    const [, propaganda, police] = x.tasks;
    expect(propaganda?.leadKeys).toEqual(["org:tuyen-quang@2025:btgdvtu"]);
    expect(police?.leadKeys).toEqual(["org:tuyen-quang@2025:ca"]);
    expect(police?.cooperatingKeys).toEqual(["org:tuyen-quang@2025:bchqs"]);
  });

  it("reads what a department did, not the province's tally, as an action with its actor", () => {
    const classes = x.actions.find((a) => a.quantity === 18);
    expect(classes).toMatchObject({
      unit: "lớp",
      actor: "Sở Khoa học và Công nghệ tỉnh Tuyên Quang",
      actorKey: "org:tuyen-quang@2025:skhcn",
    });
  });
});

describe("a council's normative resolution amending its own earlier resolution (HĐND tỉnh Quảng Ninh)", () => {
  const x = read("quang-ninh-hdnd-nq-qppl.txt");

  it("is a normative resolution of the council that amends the one its title names", () => {
    expect(x.document).toMatchObject({
      symbol: "27/2025/NQ-HĐND",
      type: "RESOLUTION",
      system: "STATE_NORMATIVE",
      issuer: "HĐND tỉnh Quảng Ninh",
      date: "2025-09-30",
      jurisdiction: "quang-ninh",
    });
    const r = rels(x);
    expect(r).toEqual(
      expect.arrayContaining([
        "SELF AMENDS 11/2023/NQ-HĐND",
        "SELF BASED_ON 92/2024/NĐ-CP",
        "SELF PROPOSED_BY 4120/TTr-UBND",
      ]),
    );
    expect(cited(x, "11/2023/NQ-HĐND")).toMatchObject({
      issuer: "HĐND tỉnh Quảng Ninh",
      date: "2023-07-14",
      jurisdiction: "quang-ninh",
    });
    expect(x.citations.find((c) => c.type === "LAW" && c.date === "2023-06-20")).toBeDefined();
  });

  it("takes support rates for rules, not targets, and the article 'Tổ chức thực hiện' for tasks", () => {
    expect(x.targets).toEqual([]);
    expect(x.actions).toEqual([]);
    expect(x.tasks.map((t) => t.lead)).toEqual([
      ["Ủy ban nhân dân tỉnh"],
      [
        "Thường trực Hội đồng nhân dân tỉnh",
        "các Ban của Hội đồng nhân dân tỉnh",
        "các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh",
      ],
    ]);
  });
});

describe("a department's letter answering the province, copied from a word processor (Sở GD&ĐT tỉnh Điện Biên)", () => {
  const x = read("dien-bien-sgddt-cv-phuc-dap.txt");

  it("reads the header through Ð, doubled spaces and a spaced number", () => {
    expect(x.document).toMatchObject({
      symbol: "1642/SGDĐT-KHTC",
      type: "OFFICIAL_LETTER",
      issuer: "Sở Giáo dục và Đào tạo tỉnh Điện Biên",
      issuerKey: "org:dien-bien:sgddt",
      date: "2025-10-08",
      jurisdiction: "dien-bien",
    });
  });

  it("joins symbols broken over lines and answers the letter its subject line names", () => {
    expect(x.citations.map((c) => c.symbol).sort()).toEqual([
      "1719/QĐ-TTg",
      "2250/QĐ-UBND",
      "3187/UBND-KGVX",
    ]);
    expect(cited(x, "3187/UBND-KGVX")).toMatchObject({ issuer: "UBND tỉnh Điện Biên", date: "2025-09-26" });
    expect(cited(x, "2250/QĐ-UBND")).toMatchObject({ type: "DECISION", date: "2025-07-15" });
    expect(cited(x, "1719/QĐ-TTg")).toMatchObject({ issuer: "Thủ tướng Chính phủ", date: "2021-10-14" });
    expect(rels(x)).toContain("SELF RESPONDS_TO 3187/UBND-KGVX");
  });

  it("assigns nothing: its numbered parts are a report's, its proposal goes up ('Giáo dục' is no 'giao')", () => {
    expect(x.tasks).toEqual([]);
  });

  it("finds the actor of a sentence written without marks ('So Giao duc va Dao tao da to chuc 15 lop …')", () => {
    const a = x.actions.find((a) => a.quantity === 15);
    expect(a).toMatchObject({ actorKey: "org:dien-bien:sgddt", unit: "lop" });
    expect(a?.text).toMatch(/^So Giao duc va Dao tao da to chuc/);
  });
});

describe("a provincial police plan implementing the province's plan (Công an tỉnh Đắk Lắk)", () => {
  const x = read("dak-lak-cat-kh-de-an-06.txt");

  it("is the provincial police's plan, its drafting office's code after the issuer's", () => {
    expect(x.document).toMatchObject({
      symbol: "1127/KH-CAT-PV01",
      type: "PLAN",
      issuer: "Công an tỉnh Đắk Lắk",
      issuerKey: "org:dak-lak@2025:ca",
      date: "2025-08-19",
      jurisdiction: "dak-lak",
    });
    expect(rels(x)).toContain("SELF IMPLEMENTS 204/KH-UBND");
    expect(cited(x, "204/KH-UBND")).toMatchObject({ issuer: "UBND tỉnh Đắk Lắk", date: "2025-08-05" });
  });

  it("keys the police's own offices under it, and reads the commune police as a group", () => {
    // (The paragraph right under "III. TỔ CHỨC THỰC HIỆN", with no blank line between, is not read
    // as a task: see the report.)
    expect(x.tasks.map((t) => t.leadKeys)).toEqual([
      ["org:dak-lak/ca:x-phong-canh-sat-quan-ly-hanh-chinh-ve-trat-tu-xa-hoi"],
      ["org:dak-lak/ca:x-phong-tham-muu"],
      ["org:dak-lak:group-cong-an-xa-phuong"],
    ]);
    // The partner ends where its work begins ("… Công nghệ kết nối Cơ sở dữ liệu …").
    expect(x.tasks[1]).toMatchObject({
      cooperating: ["Sở Khoa học và Công nghệ"],
      deadline: { to: "2025-12-31" },
    });
    expect(x.tasks[2]?.deadline?.recurring).toBe(true);
  });
});

describe("the grammar behind these documents, in isolation", () => {
  const doc = (
    body: string,
    head = "ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 41/KH-UBND\nNinh Thuận, ngày 12 tháng 3 năm 2024\n\nKẾ HOẠCH\nChuyển đổi số\n\n",
  ) => extract(`${head}${body}\n`, "t.txt");

  it("finds the subject of a sentence written without marks, and a body named after its head word", () => {
    const x = doc(
      "I. KẾT QUẢ\nSo Y te da to chuc 12 lop tap huan cho can bo y te co so.\nCông an tỉnh đã cấp 5.200 tài khoản định danh điện tử.\nTrung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 840 hồ sơ.",
    );
    expect(x.actions.map((a) => [a.actorKey, a.quantity])).toEqual([
      ["org:ninh-thuan:syt", 12],
      ["org:ninh-thuan:ca", 5200],
      ["org:ninh-thuan:x-trung-tam-phuc-vu-hanh-chinh-cong-tinh", 840],
    ]);
  });

  it("gives 'Các sở, ban, ngành tỉnh' and 'Các sở, ban, ngành' one group key, not 'Các cơ quan cấp tỉnh'", () => {
    const x = doc(
      "II. NHIỆM VỤ\n1. Các sở, ban, ngành tỉnh chủ trì rà soát thủ tục hành chính.\n2. Các sở, ban, ngành chủ trì báo cáo kết quả hằng quý.\n3. Các cơ quan cấp tỉnh chủ trì số hóa hồ sơ.",
    );
    expect(x.tasks.map((t) => t.leadKeys[0])).toEqual([
      "org:ninh-thuan:group-so-ban-nganh",
      "org:ninh-thuan:group-so-ban-nganh",
      "org:ninh-thuan:group-co-quan-cap-tinh",
    ]);
  });

  it("reads '•1' and '• 3.' as the numbers of items", () => {
    const x = doc(
      "II. NHIỆM VỤ\n•1 Sở Tài chính chủ trì bố trí kinh phí thực hiện.\n•2 Sở Nội vụ chủ trì rà soát biên chế; hoàn thành trong Quý II/2024.\n• 3. Thanh tra tỉnh chủ trì kiểm tra việc thực hiện.",
    );
    expect(x.tasks.map((t) => [t.ref, t.leadKeys[0]])).toEqual([
      ["1.", "org:ninh-thuan:stc"],
      ["2.", "org:ninh-thuan:snv"],
      ["3.", "org:ninh-thuan:ttr"],
    ]);
  });

  it("knows the province's police, military command, zone board, delegation office, treasury, tax office and media", () => {
    const x = doc(
      "II. NHIỆM VỤ\n1. Công an tỉnh chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh bảo đảm an ninh mạng.\n2. Ban Quản lý các khu công nghiệp tỉnh chủ trì thu hút đầu tư.\n3. Văn phòng Đoàn ĐBQH và HĐND tỉnh chủ trì tổng hợp ý kiến cử tri.\n4. Kho bạc Nhà nước tỉnh chủ trì, phối hợp với Cục Thuế tỉnh thanh toán không dùng tiền mặt.\n5. Đài Phát thanh và Truyền hình tỉnh chủ trì, phối hợp với Báo Ninh Thuận tuyên truyền Kế hoạch.",
    );
    expect(x.tasks.map((t) => [...t.leadKeys, ...t.cooperatingKeys])).toEqual([
      ["org:ninh-thuan:ca", "org:ninh-thuan:bchqs"],
      ["org:ninh-thuan:bql-kcn"],
      ["org:ninh-thuan:vp-dbqh-hdnd"],
      ["org:ninh-thuan:kbnn", "org:ninh-thuan:cuc-thue"],
      ["org:ninh-thuan:dai-ptth", "org:ninh-thuan:bao"],
    ]);
  });

  it("records those bodies when prose names them ('làm việc với Công an tỉnh và Kho bạc Nhà nước tỉnh')", () => {
    const x = doc(
      "I. KẾT QUẢ\nTrong kỳ, tỉnh đã làm việc với Công an tỉnh và Kho bạc Nhà nước tỉnh về thanh toán trực tuyến.",
    );
    expect(x.organisations.map((o) => o.key)).toEqual(
      expect.arrayContaining(["org:ninh-thuan:ca", "org:ninh-thuan:kbnn"]),
    );
  });

  it("takes a decision headed 'CHỦ TỊCH' over the UBND, or numbered '/QĐ-CT', for the chairman's", () => {
    const x = extract(
      "CHỦ TỊCH\nỦY BAN NHÂN DÂN TỈNH NINH THUẬN\nSố: 215/QĐ-CT\nNinh Thuận, ngày 12 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n",
      "t.txt",
    );
    expect(x.document).toMatchObject({
      issuer: "Chủ tịch UBND tỉnh Ninh Thuận",
      issuerKey: "org:ninh-thuan:ct-ubnd",
      system: "STATE_ADMINISTRATIVE",
    });
    // The committee's decision, signed "KT. CHỦ TỊCH", stays the committee's.
    const y = doc(
      "Điều 1. Ban hành Kế hoạch.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
      "ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 216/QĐ-UBND\nNinh Thuận, ngày 12 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\n\n",
    );
    expect(y.document.issuerKey).toBe("org:ninh-thuan:ubnd");
  });

  it("gives a result cell to the body it names, and takes what a body 'sẽ' do for no action", () => {
    const x = doc(
      "| STT | Nhiệm vụ | Đơn vị chủ trì | Kết quả thực hiện |\n|---|---|---|---|\n| 1 | Xây dựng cơ sở dữ liệu | Sở Tư pháp | Sở Tài chính đã bố trí 2 tỷ đồng kinh phí |\n| 2 | Ban hành quy chế | Sở Nội vụ | UBND tỉnh sẽ xem xét, ban hành trong tháng 5 |",
      "ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 88/BC-UBND\nNinh Thuận, ngày 12 tháng 6 năm 2024\n\nBÁO CÁO\nKết quả thực hiện\n\n",
    );
    expect(x.actions.map((a) => [a.actorKey, a.quantity])).toEqual([["org:ninh-thuan:stc", 2]]);
  });
});
