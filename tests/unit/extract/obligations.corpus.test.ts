// The corpus programme (Government Resolution 03/NQ-CP): the 140 tasks of Phụ lục II and the
// targets of Phụ lục I, with expectations written from reading the transcription row by row.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../../../src/extract/index.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const shared = path.resolve(repoRoot, "../shared");
const file = path.join(shared, "corpus/chinh-phu-nq-03-chuong-trinh-hanh-dong-nq-57.md");
const present = existsSync(file);
if (!present) console.warn(`skipping corpus obligations tests: ${file} is absent`);

describe.skipIf(!present)("03/NQ-CP Phụ lục II: 140 tasks", () => {
  const x = present ? extract(readFileSync(file, "utf8"), file) : null;
  const tasks = (x?.tasks ?? []).filter((t) => t.from === "table");
  const byRef = new Map(tasks.map((t) => [t.ref, t]));

  it("reads every numbered row once, in order", () => {
    expect(tasks.map((t) => t.ref)).toEqual(Array.from({ length: 140 }, (_, i) => String(i + 1)));
  });

  it("gives every task a lead, a section and the programme as assigning document", () => {
    for (const t of tasks) {
      expect(t.lead.length, `task ${t.ref}`).toBeGreaterThan(0);
      expect(t.assignedBy).toBe(x?.document.key);
      expect(t.section).toMatch(/^(I|II|III|IV|V|VI|VII)\. /);
      expect(t.status).toBeNull(); // a programme assigns; it does not report
    }
    expect(x?.findings.filter((f) => f.kind === "TASK_WITHOUT_LEAD" && f.severity !== "INFO")).toEqual([]);
  });

  it("reads lead, cooperating, result and deadline by header meaning", () => {
    expect(byRef.get("1")).toMatchObject({
      lead: ["Bộ Thông tin và Truyền thông"],
      leadKeys: ["org:national:btttt"],
      cooperating: ["Ban Tuyên giáo Trung ương", "các bộ, ngành, địa phương", "VTV", "VOV", "TTXVN"],
      product: "Quyết định của Thủ tướng Chính phủ",
      deadline: { text: "6/2025", from: "2025-06-01", to: "2025-06-30", recurring: false },
    });
    expect(byRef.get("2")?.deadline).toMatchObject({ text: "Thường xuyên", recurring: true, to: null });
    expect(byRef.get("49")?.deadline).toMatchObject({ text: "Hằng năm", recurring: true });
    expect(byRef.get("123")?.deadline).toMatchObject({ from: "2025-04-01", to: "2025-06-30" });
    expect(byRef.get("47")?.deadline).toMatchObject({ from: "2025-01-01", to: "2026-12-31" });
    expect(byRef.get("16")?.deadline?.to).toBe("2025-10-31");
    expect(byRef.get("76")?.deadline).toMatchObject({ from: "2025-01-01", to: null, recurring: true });
    // Two bodies written without a separator.
    expect(byRef.get("8")?.leadKeys).toEqual(["org:national:btttt", "org:national:bkhcn"]);
    // A misspelt name still reaches the registry.
    expect(byRef.get("46")?.leadKeys.slice(0, 3)).toEqual([
      "org:national:bkhcn",
      "org:national:btttt",
      "org:national:bkhdt",
    ]);
    expect(byRef.get("14")?.cooperatingKeys).toContain("org:national:bldtbxh");
    expect(byRef.get("14")?.cooperatingKeys).toContain("org:national:ttcp");
    expect(byRef.get("140")).toMatchObject({
      cooperating: ["Bộ Thông tin và Truyền thông"],
      product: "Các hoạt động hợp tác",
    });
  });

  it("leaves empty cells empty", () => {
    const noProduct = tasks.filter((t) => t.product === null).map((t) => t.ref);
    expect(noProduct).toEqual(["3", "41", "42", "61", "76", "108", "114", "115", "131"]);
    expect(byRef.get("42")?.deadline).toBeNull();
    expect(byRef.get("6")?.cooperating).toEqual([]);
  });

  it("joins continuation rows and drops cells that repeat the row above", () => {
    expect(byRef.get("108")?.content).toMatch(/\(11\) Mô hình điểm tại các tỉnh, thành phố có đảo\.$/);
    expect(byRef.get("108")?.cooperating).toEqual([]);
    expect(byRef.get("110")?.content).toMatch(/Kết quả xét nghiệm; để cơ sở khám chữa bệnh/);
    expect(byRef.get("128")?.content).toMatch(/công bố kết quả\.$/);
    expect(byRef.get("128")?.content.match(/trực tuyến và định kỳ/g)).toHaveLength(1);
    expect(x?.warnings.some((w) => /IV/.test(w.message) && /năm tiếp theo/.test(w.message))).toBe(true);
  });

  it("gives each task a stable key within the programme", () => {
    expect(new Set(tasks.map((t) => t.key)).size).toBe(140);
  });
});

describe.skipIf(!present)("03/NQ-CP: tasks of its numbered lists", () => {
  const x = present ? extract(readFileSync(file, "utf8"), file) : null;
  const listed = (x?.tasks ?? []).filter((t) => t.from === "list");

  it("reads the lettered items of II. NHIỆM VỤ CỤ THỂ under their numbered groups", () => {
    const refs = listed.map((t) => t.ref);
    expect(refs).toContain("1.a)");
    expect(refs).toContain("7.d)");
    expect(listed.find((t) => t.ref === "2.đ)")?.content).toMatch(/^Sửa đổi Luật Khoa học và Công nghệ/);
    // The lead of the whole part is named in its introduction.
    expect(listed.find((t) => t.ref === "1.a)")?.leadKeys.length).toBeGreaterThan(0);
  });

  it("reads lead and cooperating bodies from the wording of III. TỔ CHỨC THỰC HIỆN", () => {
    const five = listed.find((t) => t.ref === "5." && /kinh phí/.test(t.content));
    expect(five?.leadKeys).toEqual(["org:national:btc"]);
    expect(five?.cooperating).toEqual(["các bộ, ngành, địa phương"]);
    const four = listed.find((t) => t.ref === "4." && /theo dõi, đôn đốc/.test(t.content));
    expect(four?.leadKeys).toEqual(["org:national:bkhcn", "org:national:btttt"]);
  });
});

describe.skipIf(!present)("03/NQ-CP Phụ lục I: targets", () => {
  const x = present ? extract(readFileSync(file, "utf8"), file) : null;
  // The appendix's rows; targets the programme states in its prose ("ít nhất 10 cơ sở") have keys "p:…".
  const targets = (x?.targets ?? []).filter((t) => !t.key.includes("|p:"));
  const rows = new Map<string, typeof targets>();
  for (const t of targets) {
    const id = t.key.split("|").pop()?.split(":")[1] ?? "";
    rows.set(id, [...(rows.get(id) ?? []), t]);
  }

  it("reads the 56 rows that set a value (group row 11 sets none)", () => {
    expect(rows.size).toBe(56);
    expect(rows.has("11")).toBe(false);
    expect(rows.has("11.12")).toBe(true);
    expect(rows.has("23.4")).toBe(true);
  });

  it("reads indicator, unit, comparator, value and horizon", () => {
    expect(rows.get("10")?.[0]).toMatchObject({
      indicator: "Quy mô kinh tế số",
      unit: "% GDP",
      comparator: "≥",
      value: 30,
      horizon: "2030",
    });
    expect(rows.get("36")?.[0]).toMatchObject({ indicator: "Quy mô kinh tế số", value: 50, horizon: "2045" });
    expect(rows.get("14")?.[0]).toMatchObject({ comparator: ">", value: 0.7 });
    expect(rows.get("19")?.[0]).toMatchObject({ comparator: "range", value: 40, valueText: "40 - 50" });
    expect(rows.get("11.8")?.[0]).toMatchObject({ comparator: "≥", value: 30 });
    expect(rows.get("1")?.[0]).toMatchObject({ value: null, unit: "Thứ bậc" });
    for (const [id, ts] of rows) {
      const n = Number(id.split(".")[0]);
      for (const t of ts) expect(t.horizon, id).toBe(n <= 35 ? "2030" : "2045");
    }
  });

  it("splits '≤ 3 Đông Nam Á; ≤ 50 Thế giới' into two targets", () => {
    expect(rows.get("4")?.map((t) => [t.comparator, t.value])).toEqual([
      ["≤", 3],
      ["≤", 50],
    ]);
    expect(rows.get("4")?.[1]?.indicator).toMatch(/Thế giới/);
  });

  it("finds the appendix date (01/01/2025) disagreeing with the header (09/01/2025)", () => {
    const f = x?.findings.find((fi) => fi.kind === "DATE_DISAGREEMENT");
    expect(f?.messageEn).toMatch(/2025-01-09.*2025-01-01/);
    expect(f?.evidence).toHaveLength(2);
  });
});

const planFile = path.join(shared, "corpus/dang-doan-quoc-hoi-kh-3260-thuc-hien-nq-57.md");
describe.skipIf(!existsSync(planFile))("3260-KH/ĐĐQH15: tasks assigned under lettered headings", () => {
  const x = existsSync(planFile) ? extract(readFileSync(planFile, "utf8"), planFile) : null;
  const listed = (x?.tasks ?? []).filter((t) => t.from === "list");

  it("gives each bullet the body its heading names as lead", () => {
    const a = listed.filter((t) => t.ref.startsWith("a)-"));
    expect(a.length).toBe(6);
    for (const t of a) expect(t.lead).toEqual(["Tổ đảng ở Thường trực Ủy ban KH,CN&MT"]);
    const h = listed.filter((t) => t.ref.startsWith("h)-"));
    expect(h.map((t) => t.lead[0])).toEqual(
      Array(3).fill("Tổ đảng ở Thường trực Ủy ban Quốc phòng và An ninh"),
    );
  });

  it("reads 'X phối hợp với Y' as lead X and cooperating Y", () => {
    const t = listed.find((k) => /^Đảng đoàn Quốc hội phối hợp với/.test(k.content));
    expect(t?.leadKeys).toEqual(["org:national:dd-qh"]);
    expect(t?.cooperating).toEqual(["Đảng ủy cơ quan Văn phòng Quốc hội"]);
  });
});

const reportFile = path.join(shared, "corpus/dang-uy-chinh-phu-bao-cao-thuc-hien-nq-57.md");
describe.skipIf(!existsSync(reportFile))("402-CV/VPĐU: counts in the text against its appendix", () => {
  const x = existsSync(reportFile) ? extract(readFileSync(reportFile, "utf8"), reportFile) : null;

  it("reads the Phụ lục 1 tasks with their reported status, assigned by 71/NQ-CP", () => {
    const tasks = x?.tasks ?? [];
    expect(tasks).toHaveLength(37);
    const symbol = (k: string | null) => x?.citations.find((c) => c.key === k)?.symbol;
    expect(new Set(tasks.map((t) => symbol(t.assignedBy)))).toEqual(new Set(["71/NQ-CP"]));
    const by = (v: string) => tasks.filter((t) => t.status?.value === v).length;
    expect([by("COMPLETED_ON_TIME"), by("IN_PROGRESS_ON_TIME"), by("OVERDUE")]).toEqual([21, 14, 2]);
    for (const t of tasks) expect(t.status?.reportedBy).toBe(x?.document.key);
  });

  it("reads the counting prose, which adds up (37 = 22 + 13 + 2)", () => {
    const s = x?.statistics.find((st) => st.assigned === 37);
    expect(s).toMatchObject({ completed: 22, inProgress: 13, overdue: 2 });
    expect(x?.findings.some((f) => /37 tasks assigned/.test(f.messageEn))).toBe(false);
  });

  it("takes no aside, label, request or noun after 'đã' for an action", () => {
    const texts = (x?.actions ?? []).map((a) => a.text);
    // A transcriber's notes in brackets, a sentence wholly in brackets, "Lý do: …", "… đề nghị …".
    for (const noise of [
      /tôi sẽ tóm tắt/,
      /OCR/,
      /^\(?Tương tự/,
      /^chi tiết các hoạt động/,
      /^Lý do/,
      /đề nghị điều chỉnh/i,
    ])
      expect(texts.filter((t) => noise.test(t))).toEqual([]);
    // "đã có trong báo cáo": "báo cáo" is a noun there, not what was done.
    expect(texts.filter((t) => /đã có trong báo cáo/.test(t))).toEqual([]);
    // What was done still is, with its count: "22/22 bộ …" is 22 of 22.
    expect(texts.some((t) => /^Chính phủ đã thành lập Ban Chỉ đạo/.test(t))).toBe(true);
    const all = (x?.actions ?? []).filter((a) => a.total !== undefined && a.quantity === 22);
    expect(all.map((a) => [a.total, a.unit])).toContainEqual([22, "bộ"]);
    // "Ban Chỉ đạo có 03 Tổ Công tác để chỉ đạo …": a name's word and a purpose, nothing done.
    expect(texts.filter((t) => /^Ban Chỉ đạo có 03 Tổ Công tác/.test(t))).toEqual([]);
    // A measure named before its figure is a statistic; a multiplier scales its count.
    expect(texts.filter((t) => /^Số doanh nghiệp cung cấp dịch vụ/.test(t))).toEqual([]);
    const files = (x?.actions ?? []).find((a) => /1,6 triệu hồ sơ/.test(a.text));
    expect([files?.quantity, files?.unit]).toEqual([1600000, "hồ sơ"]);
    // Function words are no units ("Phụ lục 2 rất dài", "khổ 6 như sau").
    for (const a of x?.actions ?? []) expect(["rất", "như", "số"]).not.toContain(a.unit);
  });

  it("finds that the text's 22 completed / 13 in progress disagree with the table's 21 / 14", () => {
    const f = x?.findings.find((fi) => fi.kind === "TOTALS_MISMATCH" && /detail table/.test(fi.messageEn));
    expect(f?.messageEn).toMatch(/completed 22 \(table: 21\); in progress 13 \(table: 14\)/);
    expect(f?.evidence[1]?.text).toMatch(/NHIỆM VỤ/);
  });
});
