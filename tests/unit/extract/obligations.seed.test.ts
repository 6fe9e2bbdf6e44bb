// The seed report (Quảng Trị Department of Science and Technology, first half of 2024): its
// acceptance list. Everything asserted here is read from the text by the extractor.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../../../src/extract/index.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const file = path.join(repoRoot, "seeds/quang-tri-skhcn-bao-cao-6-thang-2024.txt");
const text = readFileSync(file, "utf8");
const x = extract(text, file);
const symbolOf = (key: string | null) => x.citations.find((c) => c.key === key)?.symbol ?? null;

describe("seed report: task Nhiệm vụ số 74", () => {
  const task = x.tasks.find((t) => t.ref === "Nhiệm vụ số 74");

  it("is read from the Phụ lục III table with its lead unit", () => {
    expect(task).toBeDefined();
    expect(task?.lead).toEqual(["Sở Khoa học và Công nghệ"]);
    expect(task?.leadKeys).toEqual(["org:quang-tri:skhcn"]);
    expect(task?.content.startsWith("Thực hiện Kế hoạch của UBND tỉnh")).toBe(true);
    expect(task?.deadline?.to).toBe("2024-12-31");
    expect(task?.section).toMatch(/cả năm 2024/);
    // Provenance: the span quotes the original row.
    expect(text.slice(task?.span.start, task?.span.end)).toContain("Nhiệm vụ số 74");
  });

  it("is assigned by 95/QĐ-UBND and implements 243/KH-UBND, the plan its content describes", () => {
    expect(symbolOf(task?.assignedBy ?? null)).toBe("95/QĐ-UBND");
    expect(task?.implements.map(symbolOf)).toContain("243/KH-UBND");
  });

  it("is reported on track by this report, with the report's date", () => {
    expect(task?.status).toEqual({
      value: "IN_PROGRESS_ON_TIME",
      reportedBy: x.document.key,
      reportedOn: "2024-06",
    });
    expect(task?.statusSpan).not.toBeNull();
  });

  it("resulted in 43/KH-SKHCN", () => {
    expect(task?.results.map(symbolOf)).toEqual(["43/KH-SKHCN"]);
  });

  it("has the six actions of its result cell, the 28-tonne plan serving 324/QĐ-UBND", () => {
    const actions = (task?.actions ?? []).map((k) => x.actions.find((a) => a.key === k));
    expect(actions).toHaveLength(6);
    const [propaganda, azotobacter, tissue, elisa, shrimp, plan] = actions;
    expect(propaganda?.text).toMatch(/^Đẩy mạnh tuyên truyền/);
    expect(azotobacter?.text).toMatch(/Azotobacter/);
    expect(tissue?.text).toMatch(/nuôi cấy mô/);
    expect(elisa?.text).toMatch(/ELISA/);
    expect(shrimp?.text).toMatch(/bệnh phổ biến trên tôm/);
    expect(plan?.text).toMatch(/lập kế hoạch sản xuất hơn 28 tấn chế phẩm/);
    expect(plan?.quantity).toBe(28);
    expect(plan?.unit).toBe("tấn");
    expect(plan?.serves.map(symbolOf)).toContain("324/QĐ-UBND");
    // … and the đề án that decision issued, a document of its own.
    expect(plan?.serves.some((k) => x.citations.find((c) => c.key === k)?.type === "SCHEME")).toBe(true);
    for (const a of actions) {
      expect(a?.serves).toContain(task?.key);
      expect(a?.actorKey).toBe("org:quang-tri:skhcn");
      expect(text.slice(a?.span.start, a?.span.end).length).toBeGreaterThan(10);
    }
  });
});

describe("seed report: prose actions", () => {
  const find = (re: RegExp) => x.actions.find((a) => re.test(a.text));

  it("counts with units", () => {
    expect(find(/thẩm định công nghệ 14 dự án/)).toMatchObject({ quantity: 14, unit: "dự án" });
    expect(find(/cấp Giấy phép tiến hành công việc bức xạ/)).toMatchObject({ quantity: 8, unit: "cơ sở" });
    expect(find(/chứng chỉ nhân viên bức xạ/)).toMatchObject({ quantity: 2, unit: "cá nhân" });
  });

  it("names partners, and makes unknown partners organisations of the province", () => {
    const a = find(/Huyện Đoàn Cam Lộ/);
    expect(a).toMatchObject({
      quantity: 1,
      unit: "lớp",
      partners: ["Huyện Đoàn Cam Lộ"],
      actorKey: "org:quang-tri:skhcn",
    });
    const coop = x.organisations.find((o) => o.name === "Hợp tác xã Hải Dương");
    expect(coop).toMatchObject({ registered: false, jurisdiction: "quang-tri" });
  });

  it("links an action to the programme its paragraph carries out", () => {
    expect(find(/thẩm định công nghệ 14 dự án/)?.serves.map(symbolOf)).toContain("1048/QĐ-UBND");
  });
});

describe("seed report: actions serving the chain of 36-NQ/TW", () => {
  // What the graph answers with SERVES then IMPLEMENTS|CONTINUES edges, computed on the extraction.
  const up = new Map<string, string[]>();
  const link = (from: string, to: string) => up.set(from, [...(up.get(from) ?? []), to]);
  for (const r of x.relations) if (r.kind === "IMPLEMENTS" || r.kind === "CONTINUES") link(r.from, r.to);
  for (const t of x.tasks) for (const d of t.implements) link(t.key, d);
  const root = x.citations.find((c) => c.symbol === "36-NQ/TW")?.key;
  const reaches = (node: string, seen = new Set<string>()): boolean => {
    if (seen.has(node)) return false;
    seen.add(node);
    return (up.get(node) ?? []).some((n) => n === root || reaches(n, seen));
  };
  const tierOf = (key: string | null) => x.organisations.find((o) => o.key === key)?.tier;

  it("gives UBND tỉnh, not the report's author, the plan it issued after 'Thực hiện Chương trình … ,'", () => {
    const a = x.actions.find((ac) => /UBND tỉnh đã ban hành và chỉ đạo triển khai/.test(ac.text));
    expect(a?.text).toMatch(/^Thực hiện Chương trình hành động số 71-CTr\/TU/);
    expect(a?.actorKey).toBe("org:quang-tri:ubnd");
    expect(tierOf(a?.actorKey ?? null)).toBe("PROVINCIAL_STATE");
  });

  it("has exactly task 74's six actions as the department's", () => {
    const task = x.tasks.find((t) => t.ref === "Nhiệm vụ số 74");
    expect(root).toBeDefined();
    const department = x.actions.filter(
      (a) => tierOf(a.actorKey) === "DEPARTMENT" && a.serves.some((s) => reaches(s)),
    );
    expect(department.map((a) => a.key).sort()).toEqual([...(task?.actions ?? [])].sort());
    expect(department).toHaveLength(6);
  });
});

describe("seed report: statistics and findings", () => {
  it("reads the Phụ lục IV totals and finds that they do not add up", () => {
    const s = x.statistics.filter((st) => st.assigned === 107);
    expect(s.length).toBeGreaterThanOrEqual(2);
    expect(s.every((st) => st.completed === 77 && st.notCompleted === 0)).toBe(true);
    const totals = x.findings.filter((f) => f.kind === "TOTALS_MISMATCH");
    expect(totals.length).toBeGreaterThanOrEqual(1);
    expect(totals[0]?.messageEn).toMatch(/107.*77.*30/);
    expect(totals[0]?.messageVi).toMatch(/107/);
    expect(totals.flatMap((f) => f.evidence).some((e) => e.text.includes("107"))).toBe(true);
  });

  it("finds the department's code written SKHCHN and SKHCCN", () => {
    const f = x.findings.find((fi) => fi.kind === "ISSUER_SPELLING_VARIANTS" && /SKHC/.test(fi.messageEn));
    expect(f?.severity).toBe("WARNING");
    expect(f?.messageEn).toMatch(/SKHCHN/);
    expect(f?.messageEn).toMatch(/SKHCCN/);
    for (const e of f?.evidence ?? []) expect(text.slice(e.start, e.end)).toMatch(/^SKHC[HC]N$/);
  });

  it("finds the header (June) and appendix (May) dates disagree", () => {
    const f = x.findings.find((fi) => fi.kind === "DATE_DISAGREEMENT");
    expect(f?.messageEn).toMatch(/2024-06.*2024-05/);
  });

  it("does not report consistent summaries (Phụ lục III: 1 assigned, 1 completed)", () => {
    const ok = x.statistics.find((st) => st.assigned === 1);
    expect(ok).toMatchObject({ completed: 1, notCompleted: 0 });
    expect(
      x.findings.some((f) => f.kind === "TOTALS_MISMATCH" && /\b1 tasks assigned/.test(f.messageEn)),
    ).toBe(false);
  });

  it("reads no task from placeholder rows ('1 | 0', 'Không')", () => {
    expect(x.tasks).toHaveLength(1);
  });
});
