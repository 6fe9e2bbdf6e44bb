// Held-out documents: written for these tests in the style of real documents from provinces and
// ministries the samples do not cover (tests/fixtures/heldout/). Each assertion is a fact a reader
// of the document would state; none of them is tuned to the seed or the corpus.
import { describe, expect, it } from "vitest";
import { extract } from "../../../src/extract/index.ts";
import type { Task } from "../../../src/extract/types.ts";
import { cited, readHeldout as read, rels, symbolsOf, task } from "../../helpers/extraction.ts";

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

describe("a ministry circular amending another circular (Thông tư, Bộ KH&CN)", () => {
  const x = read("bo-khcn-tt.txt");

  it("reads the circular itself", () => {
    expect(x.document).toMatchObject({
      symbol: "07/2025/TT-BKHCN",
      type: "CIRCULAR",
      issuer: "Bộ Khoa học và Công nghệ",
      date: "2025-02-28",
      jurisdiction: "national",
    });
  });

  it("amends the circular its title and first article name", () => {
    expect(cited(x, "02/2019/TT-BKHCN")).toMatchObject({ type: "CIRCULAR", date: "2019-03-29" });
    expect(rels(x)).toContain("SELF AMENDS 02/2019/TT-BKHCN");
  });

  it("repeals a clause of one circular and ends another ('… hết hiệu lực kể từ ngày …')", () => {
    const partial = x.relations.find(
      (r) => r.kind === "REPEALS" && r.to === cited(x, "03/2017/TT-BKHCN").key,
    );
    expect(partial?.cue).toBe("Bãi bỏ khoản 3 Điều 7 của");
    expect(rels(x)).toContain("SELF REPEALS 16/2015/TT-BKHCN");
    expect(rels(x)).toContain("03/2017/TT-BKHCN AMENDS 07/2014/TT-BKHCN");
  });

  it("is based on laws cited by name, with and without a number, and on decrees", () => {
    expect(cited(x, "68/2006/QH11")).toMatchObject({
      type: "LAW",
      title: "Luật Tiêu chuẩn và Quy chuẩn kỹ thuật",
      date: "2006-06-29",
    });
    const named = x.citations.find((c) => c.symbol === null && c.type === "LAW");
    expect(named).toMatchObject({ title: "Luật Khoa học và Công nghệ", date: "2013-06-18" });
    expect(rels(x)).toEqual(
      expect.arrayContaining([
        "SELF BASED_ON 68/2006/QH11",
        "SELF BASED_ON 08/2014/NĐ-CP",
        "SELF BASED_ON 28/2023/NĐ-CP",
        `SELF BASED_ON «${named?.key}»`,
      ]),
    );
  });
});

describe("a department plan in a province merged in 2025 (Sở KH&CN tỉnh Gia Lai)", () => {
  const x = read("gia-lai-skhcn-kh.txt");

  it("reads the plan and its issuer in the merged province", () => {
    expect(x.document).toMatchObject({
      symbol: "58/KH-SKHCN",
      type: "PLAN",
      issuer: "Sở Khoa học và Công nghệ tỉnh Gia Lai",
      date: "2025-08-26",
      jurisdiction: "gia-lai",
    });
    expect(x.document.issuerKey).toBe("org:gia-lai@2025:skhcn");
  });

  it("places documents of the former provinces ('của UBND tỉnh Bình Định (cũ)') in them", () => {
    expect(cited(x, "243/KH-UBND")).toMatchObject({
      jurisdiction: "binh-dinh",
      issuer: "UBND tỉnh Bình Định",
      issuerKey: "org:binh-dinh:ubnd",
      date: "2023-12-18",
    });
    expect(cited(x, "22/2021/QĐ-UBND")).toMatchObject({ jurisdiction: "binh-dinh" });
    // The old Gia Lai's documents: same name, the body as it was before the merger (by date or by year).
    expect(cited(x, "1587/KH-UBND").issuerKey).toBe("org:gia-lai:ubnd");
    expect(cited(x, "10/2022/QĐ-UBND").issuerKey).toBe("org:gia-lai:ubnd");
    expect(cited(x, "112/KH-UBND").issuerKey).toBe("org:gia-lai@2025:ubnd");
  });

  it("implements the province's plan and nothing it only reviews ('trên cơ sở kết quả thực hiện')", () => {
    expect(rels(x)).toEqual(
      expect.arrayContaining([
        "SELF IMPLEMENTS 112/KH-UBND",
        "112/KH-UBND IMPLEMENTS 57-NQ/TW",
        "SELF BASED_ON 15/QĐ-UBND",
      ]),
    );
    expect(rels(x)).not.toContain("SELF IMPLEMENTS 243/KH-UBND");
    expect(rels(x)).not.toContain("SELF IMPLEMENTS 1587/KH-UBND");
  });

  it("gives lettered tasks their unit heading's lead ('1. Phòng …'), partner and labelled deadline", () => {
    expect(x.tasks.map((t) => t.ref)).toEqual(["1.a)", "1.b)", "2.a)", "2.b)"]);
    const [a, b, c, d] = x.tasks as [Task, Task, Task, Task];
    expect(a.lead).toEqual(["Phòng Quản lý khoa học"]);
    expect(a.deadline).toMatchObject({ to: "2025-11-30" });
    expect(b.lead).toEqual(["Phòng Quản lý khoa học"]);
    expect(b.cooperating).toEqual(["Sở Tài chính"]);
    expect(b.deadline).toMatchObject({ recurring: true });
    expect(c.lead).toEqual(["Trung tâm Chuyển đổi số"]);
    expect(c.cooperating).toEqual(["Sở Nông nghiệp và Môi trường"]);
    expect(c.deadline).toMatchObject({ from: "2025-10-01", to: "2025-12-31" });
    expect(d.deadline).toMatchObject({ from: "2025-12-01", to: "2025-12-31" });
    for (const t of x.tasks) expect(symbolsOf(x, t.implements)).toEqual(["112/KH-UBND"]);
  });
});

describe("a Government resolution with an appendix task table ('Hình thức văn bản', 'Thời hạn trình')", () => {
  const x = read("chinh-phu-nq-28.txt");

  it("implements the law its attached plan carries out ('triển khai thi hành Luật …')", () => {
    expect(x.document).toMatchObject({ symbol: "28/NQ-CP", type: "RESOLUTION", issuer: "Chính phủ" });
    expect(cited(x, "60/2024/QH15")).toMatchObject({
      type: "LAW",
      title: "Luật Dữ liệu",
      date: "2024-11-30",
    });
    expect(rels(x)).toEqual(
      expect.arrayContaining(["SELF BASED_ON 60/2024/QH15", "SELF IMPLEMENTS 60/2024/QH15"]),
    );
  });

  it("reads the table by its headers' meaning, with sections and a continuation row", () => {
    expect(x.tasks.map((t) => t.ref)).toEqual(["1", "2", "3", "4", "5"]);
    const [t1, , t3, t4, t5] = x.tasks as [Task, Task, Task, Task, Task];
    expect(t1).toMatchObject({
      lead: ["Bộ Công an"],
      cooperating: ["Bộ Tư pháp", "Bộ Khoa học và Công nghệ"],
    });
    expect(t1.product).toBe("Nghị định");
    expect(t1.deadline).toMatchObject({ from: "2025-05-01", to: "2025-05-31" });
    expect(t1.section).toBe("I VĂN BẢN QUY ĐỊNH CHI TIẾT");
    expect(t3.deadline).toMatchObject({ to: "2025-09-30" });
    expect(t4.section).toBe("II TỔ CHỨC TRIỂN KHAI");
    expect(t5.content).toMatch(/bảo đảm thống nhất với Luật Dữ liệu$/u);
    expect(t5.deadline).toMatchObject({ recurring: true });
    for (const t of x.tasks) {
      expect(t.assignedBy).toBe(x.document.key);
      expect(symbolsOf(x, t.implements)).toEqual(["60/2024/QH15"]);
    }
  });
});

describe("a People's Committee letter urging a plan on with deadlines (công văn đôn đốc)", () => {
  const x = read("nghe-an-cv-don-doc.txt");

  it("dates the letter by its place-and-date line, not by the date its V/v line cites", () => {
    expect(x.document).toMatchObject({
      symbol: "8215/UBND-KT",
      type: "OFFICIAL_LETTER",
      issuer: "UBND tỉnh Nghệ An",
      date: "2024-11-04",
      jurisdiction: "nghe-an",
    });
  });

  it("implements (not reports on) the plan it urges on", () => {
    expect(rels(x)).toEqual(
      expect.arrayContaining(["SELF IMPLEMENTS 456/KH-UBND", "456/KH-UBND IMPLEMENTS 39-NQ/TW"]),
    );
    expect(rels(x)).not.toContain("SELF REPORTS_ON 456/KH-UBND");
  });

  it("assigns the tasks listed after '… yêu cầu:', each with its lead and deadline", () => {
    expect(x.tasks.map((t) => t.ref)).toEqual(["1.", "2.", "3."]);
    const [a, b, c] = x.tasks as [Task, Task, Task];
    expect(a).toMatchObject({ lead: ["Sở Kế hoạch và Đầu tư"], cooperating: ["Sở Tài chính"] });
    expect(a.deadline).toMatchObject({ to: "2024-11-30" });
    expect(b.lead).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(b.deadline).toMatchObject({ from: "2024-11-01", to: "2024-11-30" });
    expect(c.lead).toEqual(["Các sở, ban, ngành", "UBND các huyện, thành phố, thị xã"]);
    expect(c.deadline).toMatchObject({ to: "2024-12-15" });
    // The closing paragraph is not part of the last task.
    expect(c.content).not.toMatch(/Thủ trưởng/u);
    for (const t of x.tasks) expect(symbolsOf(x, t.implements)).toEqual(["456/KH-UBND"]);
  });
});

describe("a department report with a status table whose numbers do not add up (Sở NN&MT tỉnh Lâm Đồng)", () => {
  const x = read("lam-dong-snnmt-bc.txt");

  it("reports on the plan and responds to the letter that asked for it", () => {
    expect(x.document).toMatchObject({ symbol: "412/BC-SNNMT", type: "REPORT", jurisdiction: "lam-dong" });
    expect(rels(x)).toEqual(
      expect.arrayContaining(["SELF REPORTS_ON 75/KH-UBND", "SELF RESPONDS_TO 2960/VP-KT"]),
    );
  });

  it("reads 'Tổng số …: 25 nhiệm vụ; trong đó: đã hoàn thành 12 …' and finds the 2 missing tasks", () => {
    expect(x.statistics).toEqual([
      expect.objectContaining({ assigned: 25, completed: 12, inProgress: 9, notCompleted: 2 }),
    ]);
    const f = x.findings.find((f) => f.kind === "TOTALS_MISMATCH");
    expect(f?.messageEn).toMatch(/2 tasks unaccounted for/);
  });

  it("reads each row's status as reported, and judges it against the deadline", () => {
    const status = x.tasks.map((t) => t.status?.value);
    expect(status).toEqual(["COMPLETED_ON_TIME", "IN_PROGRESS_ON_TIME", "OVERDUE", "IN_PROGRESS_ON_TIME"]);
    for (const t of x.tasks) expect(t.assignedBy).toBe(cited(x, "75/KH-UBND").key);
    expect(x.tasks[0]?.results).toEqual([cited(x, "1020/QĐ-UBND").key]);
    expect(x.tasks[2]?.lead).toEqual(["Phòng Kế hoạch - Tài chính"]);
    // The title says the figures stand "tính đến ngày 30/9/2025": that is when each status was
    // true, and on that day Quý III/2025 had not yet ended, so "Đang triển khai" is not late
    // (judged on the sending date, 15/10/2025, it would have been).
    for (const t of x.tasks) expect(t.status?.reportedOn).toBe("2025-09-30");
    expect(x.findings.filter((f) => f.kind === "OVERDUE_REPORTED_ON_TRACK")).toEqual([]);
  });
});

describe("laws named again by their name alone (NĐ 30/2020: a law is cited by name)", () => {
  it("links a decree to the law its Căn cứ line named without a number", () => {
    const x = read("bo-khcn-tt.txt");
    const law = x.citations.find((c) => c.symbol === null && c.type === "LAW");
    expect(law?.mentions.map((m) => m.text)).toEqual([
      "Luật Khoa học và Công nghệ",
      "Luật Khoa học và Công nghệ",
    ]);
    expect(rels(x)).toContain(`08/2014/NĐ-CP GUIDES «${law?.key}»`);
  });

  it("counts every 'Luật Dữ liệu' as a mention of 60/2024/QH15, not 'Luật Dữ liệu cá nhân'", () => {
    const x = read("chinh-phu-nq-28.txt");
    const texts = cited(x, "60/2024/QH15").mentions.map((m) => m.text);
    expect(texts).toHaveLength(7);
    expect(texts.filter((t) => t === "Luật Dữ liệu" || t === "LUẬT DỮ LIỆU")).toHaveLength(5);
    // The title "Ban hành Kế hoạch triển khai thi hành Luật Dữ liệu" now says it too.
    const own = x.relations.find((r) => r.from === "SELF" && r.kind === "IMPLEMENTS");
    expect(own?.confidence).toBe(0.9);
    const other = extract(
      "Căn cứ Luật Dữ liệu số 60/2024/QH15 ngày 30/11/2024;\nTheo Luật Dữ liệu cá nhân, và Luật Dữ liệu năm 2019.\n",
      "x",
    );
    expect(cited(other, "60/2024/QH15").mentions).toHaveLength(1);
  });
});

describe("a provincial Party committee's action programme (Chương trình hành động của Tỉnh ủy)", () => {
  const x = read("thanh-hoa-tu-ctr.txt");

  it("reads the type heading and its lower-case title as the document itself, which implements 57-NQ/TW", () => {
    expect(x.document).toMatchObject({ symbol: "35-CTr/TU", type: "PROGRAMME", jurisdiction: "thanh-hoa" });
    expect(x.document.issuerKey).toBe("org:thanh-hoa:tu");
    expect(cited(x, "57-NQ/TW")).toMatchObject({ issuer: "Bộ Chính trị", date: "2024-12-22" });
    expect(rels(x)).toEqual(
      expect.arrayContaining(["SELF IMPLEMENTS 57-NQ/TW", "SELF IMPLEMENTS 01-KH/BCĐTW"]),
    );
    // No document named "CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện …" besides the programme itself.
    expect(x.citations.filter((c) => c.symbol === null)).toEqual([]);
  });

  it("leads each implementation item by the Party body that opens it", () => {
    const impl = x.tasks.filter((t) => t.section === null && t.lead.length > 0);
    expect(impl.map((t) => t.leadKeys[0])).toEqual([
      "org:thanh-hoa:bcsd-ubnd",
      "org:thanh-hoa:dd-hdnd",
      "org:thanh-hoa:btgdvtu",
      "org:thanh-hoa:vptu",
    ]);
    expect(impl[0]?.deadline).toMatchObject({ from: "2025-04-01", to: "2025-04-30" });
    expect(impl[1]?.deadline).toMatchObject({ to: "2025-06-30" });
    expect(impl[3]?.cooperating).toEqual(["Ban Tuyên giáo và Dân vận Tỉnh ủy"]);
    for (const t of impl) expect(symbolsOf(x, t.implements)).toContain("57-NQ/TW");
    // "Nâng cao nhận thức …" names no body: no lead is invented for it.
    expect(x.tasks[0]?.lead).toEqual([]);
  });
});

describe("local governments below the province (xã after the 2025 merger, huyện before it)", () => {
  const xa = read("lao-cai-xa-kh.txt");
  const huyen = read("quang-nam-huyen-kh.txt");

  it("names the commune as issuer and finds its province in the documents it cites", () => {
    expect(xa.document).toMatchObject({
      symbol: "45/KH-UBND",
      issuer: "UBND xã Bảo Thắng",
      jurisdiction: "lao-cai",
      date: "2025-09-12",
    });
    expect(cited(xa, "210/KH-UBND")).toMatchObject({ jurisdiction: "lao-cai", issuer: "UBND tỉnh Lào Cai" });
    expect(rels(xa)).toEqual(
      expect.arrayContaining([
        "SELF BASED_ON 72/2025/QH15",
        "SELF BASED_ON 210/KH-UBND",
        "SELF IMPLEMENTS 1120/SKHCN-CĐS",
      ]),
    );
  });

  it("keys a local document apart from the province's document with the same number", () => {
    // Every commune and the province itself number their own "45/KH-UBND" each year.
    expect(xa.document.key).toBe("state-admin|lao-cai/xa-bao-thang|45/KH-UBND|2025");
    expect(huyen.document.key).toBe("state-admin|quang-nam/huyen-dai-loc|120/KH-UBND|2024");
    expect(huyen.document).toMatchObject({ issuer: "UBND huyện Đại Lộc", jurisdiction: "quang-nam" });
  });

  it("reads an HTML task table with <b> headers and <p> inside cells", () => {
    expect(xa.tasks.map((t) => t.lead)).toEqual([
      ["Phòng Văn hóa - Xã hội"],
      ["Trung tâm Phục vụ hành chính công"],
      ["Phòng Kinh tế"],
    ]);
    expect(xa.tasks[1]?.content).toBe(
      "Triển khai dịch vụ công trực tuyến toàn trình tại Trung tâm Phục vụ hành chính công xã",
    );
    expect(xa.tasks[1]?.cooperating).toEqual(["Văn phòng HĐND và UBND xã"]);
    expect(xa.tasks[2]?.deadline).toMatchObject({ to: "2025-12-15" });
    // The commune's own offices are the commune's: the next commune's "Phòng Kinh tế" is another body.
    expect(xa.tasks[2]?.leadKeys).toEqual(["org:lao-cai/xa-bao-thang:x-phong-kinh-te"]);
    expect(xa.organisations.find((o) => o.name === "Phòng Kinh tế")?.jurisdiction).toBe("lao-cai");
  });

  it("keeps 'Văn phòng HĐND và UBND huyện' one body and reads 'Phòng …' as a lead", () => {
    const [a, b] = huyen.tasks as [Task, Task];
    expect(a.lead).toEqual(["Văn phòng HĐND và UBND huyện"]);
    expect(a.deadline).toMatchObject({ to: "2024-06-30" });
    expect(b.lead).toEqual(["Phòng Nội vụ"]);
    expect(b.cooperating).toEqual(["các cơ quan, đơn vị"]);
    expect(b.deadline).toMatchObject({ from: "2024-07-01", to: "2024-09-30" });
    for (const t of huyen.tasks) expect(symbolsOf(huyen, t.implements)).toEqual(["55/KH-UBND"]);
  });
});

describe("a department's reporting letter with proposals upwards (công văn báo cáo)", () => {
  const x = read("ca-mau-skhcn-cv-bc.txt");

  it("reports on the directive in its V/v line and responds to the letter that asked", () => {
    expect(x.document).toMatchObject({
      symbol: "1045/SKHCN-QLKH",
      type: "OFFICIAL_LETTER",
      issuer: "Sở Khoa học và Công nghệ tỉnh Cà Mau",
      date: "2024-05-20",
    });
    expect(rels(x)).toEqual(
      expect.arrayContaining([
        "SELF REPORTS_ON 15-CT/TU",
        "SELF RESPONDS_TO 2210/VP-NN",
        "98/KH-UBND IMPLEMENTS 15-CT/TU",
      ]),
    );
    expect(rels(x)).not.toContain("SELF PROPOSED_BY 2210/VP-NN");
  });

  it("reads the issuer written before 'tại Công văn số …'", () => {
    expect(cited(x, "2210/VP-NN")).toMatchObject({
      issuer: "Văn phòng UBND tỉnh Cà Mau",
      date: "2024-05-08",
    });
  });

  it("assigns no tasks from what it proposes to its superior ('kính đề nghị UBND tỉnh:')", () => {
    expect(x.tasks).toEqual([]);
  });
});

describe("a ministry report in Markdown with a statistics table and a task table (Bộ Y tế)", () => {
  const x = read("bo-yte-bc.md");

  it("reads 'Tổng số nhiệm vụ | Đã hoàn thành | Đang thực hiện | Chưa thực hiện' as counts", () => {
    expect(x.statistics.map((s) => [s.label, s.assigned, s.completed, s.inProgress, s.notCompleted])).toEqual(
      [
        ["Hoàn thiện thể chế", 8, 3, 4, 1],
        ["Phát triển nhân lực y tế", 6, 2, 3, 0],
        ["Tổng cộng", 15, 5, 7, 1],
      ],
    );
    expect(x.warnings.filter((w) => /Không đọc được bảng/u.test(w.message))).toEqual([]);
  });

  it("finds the row, the total and the sum of sections that do not add up", () => {
    const msgs = x.findings.filter((f) => f.kind === "TOTALS_MISMATCH").map((f) => f.messageEn);
    expect(msgs).toHaveLength(3);
    expect(
      msgs.some((m) => m.startsWith("Totals do not add up: 6 tasks") && m.includes("1 tasks unaccounted")),
    ).toBe(true);
    expect(
      msgs.some((m) => m.startsWith("Totals do not add up: 15 tasks") && m.includes("2 tasks unaccounted")),
    ).toBe(true);
    expect(msgs).toContain("The total row says 15 (assigned) but its sections sum to 14.");
  });

  it("knows the programme named with and without its owner is one document, issued with 3120/QĐ-BYT", () => {
    const named = x.citations.filter((c) => c.symbol === null);
    expect(named).toHaveLength(1);
    expect(named[0]?.mentions).toHaveLength(3);
    expect(rels(x)).toEqual(
      expect.arrayContaining([
        `«${named[0]?.key}» ISSUED_WITH 3120/QĐ-BYT`,
        `«${named[0]?.key}» IMPLEMENTS 72-NQ/TW`,
      ]),
    );
  });

  it("gives an uncaptioned task table to the programme the report reports on", () => {
    const programme = x.relations.find((r) => r.from === "SELF" && r.kind === "REPORTS_ON")?.to;
    expect(programme).toBeDefined();
    for (const t of x.tasks) {
      expect(t.assignedBy).toBe(programme);
      expect(symbolsOf(x, t.implements)).toEqual(["72-NQ/TW"]);
    }
  });

  it("reads a 'Tiến độ thực hiện' cell that describes progress, and the submission it names", () => {
    const [t1, t2, t3] = x.tasks as [Task, Task, Task];
    // "Đã trình … tại Tờ trình số 1520/TTr-BYT": the submission is the result; past its deadline, no status guessed.
    expect(t1.results).toEqual([cited(x, "1520/TTr-BYT").key]);
    expect(t1.status?.value).toBe("UNKNOWN");
    expect(t2.status?.value).toBe("IN_PROGRESS_ON_TIME");
    expect(t3.status?.value).toBe("OVERDUE");
  });
});
