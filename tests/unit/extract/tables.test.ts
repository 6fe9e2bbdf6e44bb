// Irregular tables: ragged rows, merged cells, missing headers and unreadable tables give
// warnings (and, for an unreadable table, a finding with its position) — never an exception.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractObligations } from "../../../src/extract/obligations/index.ts";
import type { CitationExtraction } from "../../../src/extract/types.ts";

function cites(
  type: "REPORT" | "PLAN" = "PLAN",
  jurisdiction = "nghe-an",
  date = "2024-03-05",
): CitationExtraction {
  return {
    document: {
      key: `untitled|${jurisdiction}|test|2024`,
      symbol: null,
      type,
      system: "UNKNOWN",
      issuer: null,
      issuerKey: null,
      date,
      title: null,
      jurisdiction,
    },
    citations: [],
    relations: [],
    warnings: [],
  };
}

describe("columns by header meaning", () => {
  it("reads columns in any order and with any of their usual names", () => {
    const t = [
      "| Thời gian hoàn thành | Cơ quan phối hợp | TT | Sản phẩm | Tên nhiệm vụ | Cơ quan chủ trì |",
      "|---|---|---|---|---|---|",
      "| Quý III/2024 | Sở Tài chính | 1. | Kế hoạch | Xây dựng kế hoạch số hóa | Sở Nội vụ |",
    ].join("\n");
    const x = extractObligations(t, cites());
    expect(x.tasks).toHaveLength(1);
    expect(x.tasks[0]).toMatchObject({
      ref: "1",
      content: "Xây dựng kế hoạch số hóa",
      lead: ["Sở Nội vụ"],
      leadKeys: ["org:nghe-an:snv"],
      cooperatingKeys: ["org:nghe-an:stc"],
      product: "Kế hoạch",
      deadline: { from: "2024-07-01", to: "2024-09-30" },
    });
    expect(x.warnings).toEqual([]);
  });

  it("reads HTML tables, carrying a rowspan cell down and warning about it", () => {
    const t =
      "<table><tr><th>STT</th><th>Nội dung</th><th>Đơn vị chủ trì</th><th>Thời hạn</th></tr>" +
      '<tr><td>1</td><td><p>Rà soát thủ tục</p></td><td rowspan="2">Sở Tư pháp</td><td>6/2024</td></tr>' +
      "<tr><td>2</td><td><b>Công bố</b> danh mục</td><td>12/2024</td></tr></table>";
    const x = extractObligations(t, cites());
    expect(x.tasks.map((k) => [k.ref, k.content, k.leadKeys[0], k.deadline?.to])).toEqual([
      ["1", "Rà soát thủ tục", "org:nghe-an:stp", "2024-06-30"],
      ["2", "Công bố danh mục", "org:nghe-an:stp", "2024-12-31"],
    ]);
    expect(x.warnings.some((w) => /ô gộp/.test(w.message))).toBe(true);
  });
});

describe("irregular tables", () => {
  it("warns about ragged rows and keeps reading", () => {
    const t = [
      "STT\tNội dung\tĐơn vị chủ trì\tThời hạn",
      "1\tTổ chức hội nghị\tSở Y tế",
      "2\tBáo cáo kết quả\tSở Y tế\t12/2024\tthừa",
    ].join("\n");
    const x = extractObligations(t, cites());
    expect(x.tasks).toHaveLength(2);
    expect(x.tasks[0]?.deadline).toBeNull();
    expect(x.warnings.filter((w) => /ô/.test(w.message))).toHaveLength(2);
    for (const w of x.warnings) expect(t.slice(w.start, w.end).length).toBeGreaterThan(0);
  });

  it("joins continuation rows and reads section rows as context", () => {
    const t = [
      "| TT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời hạn |",
      "|---|---|---|---|",
      "| **I** | **Quý II/2024** | | |",
      "| 1 | Xây dựng đề án | Sở Công Thương | |",
      "|  | phát triển thương mại điện tử | | |",
    ].join("\n");
    const x = extractObligations(t, cites());
    expect(x.tasks).toHaveLength(1);
    expect(x.tasks[0]).toMatchObject({
      content: "Xây dựng đề án phát triển thương mại điện tử",
      section: "I Quý II/2024",
      deadline: { from: "2024-04-01", to: "2024-06-30" },
    });
  });

  it("infers columns when the header is missing, and says so", () => {
    const t = [
      "1\tXây dựng kế hoạch chuyển đổi số\tSở Khoa học và Công nghệ\t6/2024",
      "2\tTổ chức tập huấn\tSở Nội vụ\t9/2024",
    ].join("\n");
    const x = extractObligations(t, cites());
    expect(x.tasks.map((k) => k.leadKeys[0])).toEqual(["org:nghe-an:skhcn", "org:nghe-an:snv"]);
    expect(x.tasks[1]?.deadline?.to).toBe("2024-09-30");
    expect(x.warnings.some((w) => /không có dòng tiêu đề/.test(w.message))).toBe(true);
  });

  it("reports a table it cannot read, with its position", () => {
    const t = ["Mở đầu.", "", "| Cột A | Cột B |", "|---|---|", "| x | y |", "| z | w |"].join("\n");
    const x = extractObligations(t, cites());
    const w = x.warnings.find((wi) => /Không đọc được bảng ở dòng 3/.test(wi.message));
    expect(w).toBeDefined();
    expect(t.slice(w?.start, w?.end)).toMatch(/^\| Cột A/);
    expect(x.findings.some((f) => f.kind === "UNREADABLE_TABLE")).toBe(true);
  });

  it("flags a task without lead and a past deadline reported on track", () => {
    const t = [
      "STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tThời hạn\tTiến độ",
      "1\tHoàn thiện cơ sở dữ liệu\t\t3/2024\tĐang thực hiện",
    ].join("\n");
    const x = extractObligations(t, cites("REPORT", "nghe-an", "2024-06-20"));
    expect(x.tasks[0]?.status?.value).toBe("IN_PROGRESS_ON_TIME");
    expect(x.findings.map((f) => f.kind).sort()).toEqual(["OVERDUE_REPORTED_ON_TRACK", "TASK_WITHOUT_LEAD"]);
  });

  it("never throws on arbitrary table-shaped text", () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\n]/g, " "));
    const row = fc.array(cell, { maxLength: 7 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.constantFrom("\t", " | "), (rows, sep) => {
        const t = rows.map((r) => (sep === "\t" ? r.join("\t") : `| ${r.join(" | ")} |`)).join("\n");
        const x = extractObligations(`STT${sep}Nội dung${sep}Đơn vị chủ trì\n${t}`, cites());
        expect(Array.isArray(x.tasks)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the whole pass on arbitrary text", () => {
  it("returns lists (never throws) for random mixes of prose, tables, HTML and numbers", () => {
    const piece = fc.constantFrom(
      "STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tThời hạn\n",
      "| TT | Chỉ tiêu | Đơn vị | Kết quả |\n|---|---|---|---|\n",
      "| **I** | **Đến năm 2030** | | |\n",
      "1\tXây dựng\tUBND tỉnh\tQuý V/2024\n",
      '<table><tr><td rowspan="3">x</td></tr><tr></tr></table>',
      "Tổng số nhiệm vụ được giao: 12; Tổng số nhiệm vụ hoàn thành: 99.\n",
      "có 5 nhiệm vụ; 9 nhiệm vụ hoàn thành\n",
      "Sở Y tế đã cấp 1.2.3 cơ sở, cấp 08 cơ sở.\n",
      "a) Tổ đảng ở Thường trực Ủy ban Kinh tế\n*   Chủ trì thẩm tra\n",
      "II. NHIỆM VỤ\n1. Bộ Tài chính chủ trì, phối hợp với\n",
      "(Kèm theo Báo cáo số: /BC-SKHCN ngày /13/2024)\n",
      "| | | |\n",
      "\t\t\t\n",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 30 })), { maxLength: 12 }), (parts) => {
        const x = extractObligations(parts.join(""), cites("REPORT"));
        for (const list of [x.tasks, x.targets, x.actions, x.statistics, x.findings, x.warnings]) {
          expect(Array.isArray(list)).toBe(true);
        }
        for (const w of x.warnings) expect(w.end).toBeGreaterThanOrEqual(w.start);
      }),
      { numRuns: 300 },
    );
  });
});

describe("other provinces' table shapes", () => {
  it("reads 'Cơ quan tham mưu', 'Tiến độ thực hiện' and 'Chưa hoàn thành' against the deadline", () => {
    const t = [
      "TT\tNhiệm vụ, giải pháp\tCơ quan tham mưu\tThời gian hoàn thành\tTiến độ thực hiện",
      "1\tBan hành quy chế phối hợp\tVăn phòng UBND tỉnh\tTháng 3/2024\tChưa hoàn thành",
      "2\tSố hoá hồ sơ\tSở Nội vụ\tQuý IV/2024\tChưa hoàn thành",
      "3\tRà soát thủ tục\tSở Tư pháp\t6/2024\tĐã hoàn thành",
    ].join("\n");
    const x = extractObligations(t, cites("REPORT", "gia-lai", "2024-06-15"));
    expect(x.tasks.map((k) => [k.leadKeys[0], k.status?.value])).toEqual([
      ["org:gia-lai:vp-ubnd", "OVERDUE"],
      ["org:gia-lai:snv", "IN_PROGRESS_ON_TIME"],
      ["org:gia-lai:stp", "COMPLETED_ON_TIME"],
    ]);
    expect(x.tasks.every((k) => k.status?.reportedOn === "2024-06-15")).toBe(true);
  });

  it("reads a targets table whose value column is 'Kế hoạch năm 2025'", () => {
    const t = [
      "| STT | Chỉ tiêu | ĐVT | Kế hoạch năm 2025 |",
      "|---|---|---|---|",
      "| 1 | Tỷ lệ hồ sơ trực tuyến toàn trình | % | ≥ 60 |",
    ].join("\n");
    const x = extractObligations(t, cites());
    expect(x.targets[0]).toMatchObject({ unit: "%", comparator: "≥", value: 60 });
  });
});

describe("numbered groups", () => {
  it("reads '1 | group' followed by '1.1', '1.2' as a section, not a task without lead", () => {
    const t = [
      "STT\tNội dung\tĐơn vị chủ trì\tThời hạn",
      "1\tNhóm nhiệm vụ về chuyển đổi số\t\t",
      "1.1\tXây dựng kho dữ liệu\tSở Khoa học và Công nghệ\t2025",
      "1.2\tĐào tạo kỹ năng số\tSở Nội vụ\t2025",
    ].join("\n");
    const x = extractObligations(t, cites());
    expect(x.tasks.map((k) => [k.ref, k.section])).toEqual([
      ["1.1", "1 Nhóm nhiệm vụ về chuyển đổi số"],
      ["1.2", "1 Nhóm nhiệm vụ về chuyển đổi số"],
    ]);
    expect(x.findings.filter((f) => f.kind === "TASK_WITHOUT_LEAD")).toEqual([]);
  });
});
