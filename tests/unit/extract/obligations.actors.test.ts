// Who acted: the subject of a clause, found after a leading adverbial of any length ("Thực hiện
// <document, with its title and commas>, UBND tỉnh đã …"), else the report's author. A synthetic
// report from a province other than the seed's, so the rule is the grammar, not the sample.
import { describe, expect, it } from "vitest";
import { extract } from "../../../src/extract/index.ts";

const report = [
  "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
  "",
  "Số: 210/BC-SKHCN",
  "",
  "Nghệ An, ngày 15 tháng 7 năm 2024",
  "",
  "BÁO CÁO",
  "",
  "Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2024",
  "",
  "- Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị, Kế hoạch số 15-KH/TU ngày 02/3/2024 của Ban Thường vụ Tỉnh ủy về đẩy mạnh chuyển đổi số, phát triển kinh tế số, xã hội số giai đoạn 2024-2025, UBND tỉnh đã ban hành và chỉ đạo triển khai Kế hoạch số 120/KH-UBND ngày 20/3/2024 thực hiện Kế hoạch số 15-KH/TU ngày 02/3/2024 của Ban Thường vụ Tỉnh ủy.",
  "",
  "- Triển khai Nghị quyết số 12/2023/NQ-HĐND ngày 14/7/2023 của HĐND tỉnh quy định chính sách hỗ trợ phát triển nông nghiệp, nông thôn, Sở Nông nghiệp và Phát triển nông thôn đã phối hợp với UBND các huyện tổ chức 05 lớp tập huấn cho người dân.",
  "",
  "- Căn cứ Quyết định số 45/QĐ-UBND ngày 10/01/2024 của UBND tỉnh phê duyệt Đề án “Hỗ trợ doanh nghiệp đổi mới công nghệ, Khởi nghiệp sáng tạo”, đã tổ chức 03 hội nghị giới thiệu công nghệ mới cho doanh nghiệp.",
  "",
  "- 6 tháng đầu năm 2024, Sở Khoa học và Công nghệ đã thẩm định công nghệ 07 dự án đầu tư.",
  "",
].join("\n");
const x = extract(report, "nghe-an-bao-cao.txt");
const find = (re: RegExp) => x.actions.find((a) => re.test(a.text));
const tierOf = (key: string | null) => x.organisations.find((o) => o.key === key)?.tier;

describe("action actors after a leading adverbial clause", () => {
  it("reads the subject after a long 'Thực hiện …,' naming several documents with commas in a title", () => {
    const a = find(/UBND tỉnh đã ban hành/);
    expect(a?.text).toMatch(/^Thực hiện Nghị quyết số 52-NQ\/TW/);
    expect(a?.actorKey).toBe("org:nghe-an:ubnd");
    expect(tierOf(a?.actorKey ?? null)).toBe("PROVINCIAL_STATE");
  });

  it("reads a department other than the report's author after 'Triển khai …,'", () => {
    const a = find(/05 lớp tập huấn/);
    expect(a).toMatchObject({ actorKey: "org:nghe-an:snnptnt", quantity: 5, unit: "lớp" });
    expect(tierOf(a?.actorKey ?? null)).toBe("DEPARTMENT");
  });

  it("falls back to the report's author when no subject follows the adverbial", () => {
    expect(find(/03 hội nghị/)).toMatchObject({ actorKey: "org:nghe-an:skhcn", quantity: 3 });
  });

  it("keeps a short leading phrase ('6 tháng đầu năm 2024, Sở … đã …')", () => {
    expect(find(/07 dự án/)).toMatchObject({ actorKey: "org:nghe-an:skhcn", quantity: 7, unit: "dự án" });
  });
});
