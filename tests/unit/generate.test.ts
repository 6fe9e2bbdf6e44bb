import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fold } from "../../src/extract/normalise.ts";
import type { Extraction } from "../../src/extract/types.ts";
import { generateCorpus, type WrittenFile } from "../../src/generate/index.ts";
import { canonicalSymbol, emptyTally, pr, scoreFile } from "../../src/generate/score.ts";
import { MANIFEST_FILE, readTruth, writeCorpus } from "../../src/generate/write.ts";

const small = (seed = 42, provinces = 3): WrittenFile[] => [
  ...generateCorpus({ provinces, years: 1, seed, small: true }),
];

function digest(files: WrittenFile[]): string {
  const h = createHash("sha256");
  for (const f of files) h.update(f.path).update(f.text).update(JSON.stringify(f.truth));
  return h.digest("hex");
}

/** What a symbol looks like once spacing, Ð, case, diacritics and leading zeros are taken away. */
const loose = (text: string): string =>
  fold(text.normalize("NFC").replace(/\u00D0/g, "Đ"))
    .toUpperCase()
    .replace(/\s+/g, "")
    .replace(/(^|[^0-9])0+(?=\d)/g, "$1");

const corpus = small();

describe("generate: determinism", () => {
  it("is a pure function of the seed", () => {
    expect(digest(small())).toBe(digest(corpus));
    expect(digest(small(43))).not.toBe(digest(corpus));
  });

  it("writes a province the same whatever else is generated", () => {
    const two = small(42, 2);
    const slug = two.find((f) => !f.path.startsWith("national"))?.path.split("/")[0] as string;
    const mine = (files: WrittenFile[]) => files.filter((f) => f.path.startsWith(`${slug}/`));
    expect(mine(two).length).toBeGreaterThan(10);
    expect(digest(mine(two))).toBe(digest(mine(corpus)));
  });

  it("rejects out-of-range options with a clear message", () => {
    expect(() => [...generateCorpus({ provinces: 99, years: 1, seed: 1, small: true })]).toThrow(
      /--provinces/,
    );
    expect(() => [...generateCorpus({ provinces: 1, years: 0, seed: 1, small: true })]).toThrow(/--years/);
  });
});

describe("generate: ground truth agrees with the text", () => {
  it("every file has a distinct identity and its own symbol in the header", () => {
    const ids = new Set(corpus.map((f) => f.truth.document.id));
    expect(ids.size).toBe(corpus.length);
    for (const f of corpus) {
      const header = loose(f.text.slice(0, 600)).replace(/SO:/g, "SO");
      expect(header, f.path).toContain(loose(`Số${f.truth.document.symbol}`));
    }
  });

  it("every cited document is written in the text and every relation joins known documents", () => {
    for (const f of corpus) {
      const text = loose(f.text);
      const known = new Set([f.truth.document.id, ...f.truth.citations.map((c) => c.id)]);
      for (const c of f.truth.citations) expect(text, `${f.path}: ${c.symbol}`).toContain(loose(c.symbol));
      for (const r of f.truth.relations) {
        expect(known.has(r.from), `${f.path}: ${r.from}`).toBe(true);
        expect(known.has(r.to), `${f.path}: ${r.to}`).toBe(true);
      }
    }
  });

  it("task rows are in the text with their deadline, and report statistics match the rows", () => {
    let reports = 0;
    for (const f of corpus) {
      const text = f.text.normalize("NFC");
      for (const t of f.truth.tasks) {
        expect(text, f.path).toContain(t.content);
        if (t.deadline) expect(text, f.path).toContain(t.deadline.text);
      }
      for (const s of f.truth.statistics) {
        reports++;
        const rows = f.truth.tasks.filter((t) => t.status);
        expect(s.assigned).toBe(rows.length);
        expect(s.completed).toBe(rows.filter((t) => t.status?.value.startsWith("COMPLETED")).length);
        expect(text).toContain(`Tổng số nhiệm vụ được giao: ${s.assigned};`);
      }
    }
    expect(reports).toBeGreaterThan(10);
  });

  it("implementation chains go from department plans up to a national directive", () => {
    const implementsOf = new Map<string, string>();
    for (const f of corpus)
      for (const r of f.truth.relations) if (r.kind === "IMPLEMENTS") implementsOf.set(r.from, r.to);
    const departmentPlan = corpus.find((f) => /\/KH-S/.test(f.truth.document.symbol)) as WrittenFile;
    let at = departmentPlan.truth.document.id;
    const chain = [at];
    while (implementsOf.has(at) && chain.length < 10) {
      at = implementsOf.get(at) as string;
      chain.push(at);
    }
    expect(chain.at(-1)).toMatch(/\|national\|/);
    expect(chain.length).toBeGreaterThanOrEqual(3);
  });
});

describe("generate: real-world deviations are present", () => {
  const all = corpus.map((f) => f.text).join("\n");
  const counts: Record<string, number> = {};
  for (const f of corpus)
    for (const [k, v] of Object.entries(f.truth.deviations)) counts[k] = (counts[k] ?? 0) + v;

  it("applies every kind of deviation somewhere", () => {
    for (const kind of [
      "symbolSpacing",
      "symbolCase",
      "eth",
      "noLeadingZero",
      "soOmitted",
      "noDiacritics",
      "lineBreak",
      "partyDate",
      "longDate",
    ])
      expect(counts[kind] ?? 0, kind).toBeGreaterThan(0);
  });

  it("shows them in the text", () => {
    expect(all).toContain("\u00D0"); // Ð for Đ
    expect(all).toMatch(/ngày \d{2}-\d{2}-\d{4}/); // Party-style date
    expect(all).toMatch(/\d+ ?\/ ?[A-ZĐ]+ ?- ?[A-Za-zĐ]+|\d+ \/|\/ [A-Z]/); // spacing inside a symbol
    expect(all).toMatch(/Nghi quyet|Ke hoach|Chuong trinh hanh dong|Quyet dinh|Cong van|Van ban/); // no diacritics
    expect(all).toMatch(/(Kế hoạch|Nghị quyết|Chương trình hành động|Quyết định) \d/); // "số" omitted
    expect(all).toMatch(/\d+-CTR\/TU|QĐ-TTG|QÐ-TTG/); // all-caps symbol
    expect(all).toMatch(
      /(Kế hoạch|Nghị quyết|Chương trình hành động|Quyết định|Kết luận)( số)?\n\d|số\n\d|\d\/\d{4}\ncủa|ngày\n\d|\ncủa /,
    ); // line break inside a citation
  });

  it("includes false friends that are not citations", () => {
    expect(all).toMatch(/TTr (Tỉnh|Thành) ủy/);
    expect(all).toMatch(/\b\d{1,3}\/\d{2,3} xã/);
  });
});

describe("generate: scoring", () => {
  it("canonicalises symbols tolerantly", () => {
    expect(canonicalSymbol("03 /NQ-CP")).toBe("3/NQ-CP");
    expect(canonicalSymbol("12/QÐ-UBND")).toBe("12/QĐ-UBND");
  });

  it("scores a perfect extraction as 1 and an empty one as 0 recall", () => {
    const file = corpus.find((f) => f.truth.tasks.length > 0 && f.truth.citations.length > 1) as WrittenFile;
    const t = file.truth;
    const asRef = (d: (typeof t.citations)[number] | typeof t.document) => ({
      key: d.id,
      symbol: d.symbol,
      type: d.type,
      system: d.system,
      issuer: d.issuer,
      issuerKey: null,
      date: d.date,
      title: d.title,
      jurisdiction: d.jurisdiction,
    });
    const perfect = {
      file: file.path,
      extractorVersion: "test",
      document: asRef(t.document),
      citations: t.citations.map((c) => ({ ...asRef(c), ambiguous: false, mentions: [] })),
      relations: t.relations.map((r) => ({
        from: r.from === t.document.id ? "SELF" : r.from,
        to: r.to,
        kind: r.kind,
        cue: "",
        start: 0,
        end: 0,
        confidence: 1,
      })),
      tasks: t.tasks.map((x) => ({
        ref: `${x.ref}.`,
        lead: x.lead,
        deadline: x.deadline ? { ...x.deadline, recurring: false } : null,
        status: x.status
          ? { value: x.status.value, reportedBy: "SELF", reportedOn: x.status.reportedOn }
          : null,
      })),
      organisations: [],
      targets: [],
      actions: [],
      statistics: [],
      findings: [],
      warnings: [],
    } as unknown as Extraction;
    const good = emptyTally();
    scoreFile(good, t, perfect);
    expect(good.documentCorrect).toBe(1);
    expect(pr(good.citations)).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(pr(good.relations).recall).toBe(1);
    expect(good.tasks.tp).toBe(t.tasks.length);
    expect(good.taskLeadCorrect).toBe(t.tasks.length);

    const none = emptyTally();
    scoreFile(none, t, { ...perfect, citations: [], relations: [], tasks: [] });
    expect(pr(none.citations).recall).toBe(0);
    expect(none.tasks.fn).toBe(t.tasks.length);
  });
});

describe("generate: writing to disk", () => {
  it("writes documents, ground-truth.jsonl and a manifest that agree, and refuses a non-empty directory", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chidao-gen-"));
    try {
      const out = path.join(dir, "corpus");
      const manifest = writeCorpus({ provinces: 2, years: 1, seed: 7, small: true }, out);
      let records = 0;
      for await (const r of readTruth(out)) {
        records++;
        expect(fs.existsSync(path.join(out, r.file))).toBe(true);
      }
      expect(records).toBe(manifest.documents);
      expect(JSON.parse(fs.readFileSync(path.join(out, MANIFEST_FILE), "utf8")).tasks).toBe(manifest.tasks);
      expect(() => writeCorpus({ provinces: 1, years: 1, seed: 7, small: true }, out)).toThrow(/not empty/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
