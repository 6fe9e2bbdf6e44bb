// `npm run bench:extract`: extraction throughput on one core, on ≥ 50 MB of text built from the
// sample documents (the seed report and ../shared/corpus), document by document as ingest reads
// them. Three measures in the same process, so machine load affects all alike:
//   baseline  normalise() + one pass of the symbol regex (the least any citation reader must do);
//   citations extractCitations() — the citation, identity and relation pass;
//   extract   extract() — citations plus the obligations pass.
// Results are appended to docs/benchmarks.md under "## extract: …".
import fs from "node:fs";
import path from "node:path";
import { extractCitations } from "../src/extract/citations/index.ts";
import { extract } from "../src/extract/index.ts";
import { normalise } from "../src/extract/normalise.ts";
import { repoRoot } from "../src/graph/config.ts";
import { intOption } from "./lib/args.ts";
import { machine, machineMarkdown } from "./lib/machine.ts";
import { appendResults, commandLine } from "./lib/report.ts";
import { fmt, since } from "./lib/stats.ts";

const BASELINE_RE = /\d{1,5}[ \t]?[-/][ \t]?[A-ZĐa-zđ0-9&]{1,16}(?:[-/][A-ZĐa-zđ0-9&]{1,16}){0,5}/g;

function samples(): { name: string; text: string }[] {
  const out = [
    {
      name: "seed",
      text: fs.readFileSync(path.join(repoRoot, "seeds/quang-tri-skhcn-bao-cao-6-thang-2024.txt"), "utf8"),
    },
  ];
  const corpus = path.resolve(repoRoot, "../shared/corpus");
  if (fs.existsSync(corpus)) {
    for (const f of fs
      .readdirSync(corpus)
      .filter((x) => x.endsWith(".md"))
      .sort()) {
      out.push({ name: f, text: fs.readFileSync(path.join(corpus, f), "utf8") });
    }
  } else process.stdout.write(`bench:extract: ${corpus} absent; measuring on the seed report only\n`);
  return out;
}

/** Runs `fn` over the documents, round-robin, until `targetBytes` have been processed. */
function measure(
  docs: { text: string; bytes: number }[],
  targetBytes: number,
  fn: (text: string) => unknown,
): { mb: number; seconds: number } {
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; bytes < targetBytes; i++) {
    const d = docs[i % docs.length] as { text: string; bytes: number };
    fn(d.text);
    bytes += d.bytes;
  }
  return { mb: bytes / 1e6, seconds: since(start) / 1000 };
}

export async function run(args: string[]): Promise<number> {
  const targetMb = intOption(args, "mb", 50, 1, 1000);
  const docs = samples().map((s) => ({ text: s.text, bytes: Buffer.byteLength(s.text) }));
  const target = targetMb * 1e6;
  // Warm-up so the JIT has compiled the hot paths before anything is timed.
  for (const d of docs) extract(d.text, "warm-up");

  const baseline = measure(docs, target, (t) => {
    const n = normalise(t).text;
    BASELINE_RE.lastIndex = 0;
    let count = 0;
    while (BASELINE_RE.exec(n) !== null) count++;
    return count;
  });
  const citations = measure(docs, target, extractCitations);
  const full = measure(docs, target, (t) => extract(t, "bench"));

  const rate = (m: { mb: number; seconds: number }) => m.mb / m.seconds;
  const m = machine();
  const body = [
    machineMarkdown(m),
    `- Command: \`${commandLine("extract", args)}\``,
    `- Input: ${docs.length} sample documents (${docs.map((d) => `${(d.bytes / 1024).toFixed(0)} KB`).join(", ")}), extracted one document at a time, round-robin, until ≥ ${targetMb} MB; one core (single thread)`,
    "",
    "| pass | MB | seconds | MB/s | × baseline |",
    "| --- | --- | --- | --- | --- |",
    `| baseline: normalise + symbol regex scan | ${fmt(baseline.mb)} | ${fmt(baseline.seconds, 2)} | ${fmt(rate(baseline))} | 1.00 |`,
    `| extractCitations (citations, identity, relations) | ${fmt(citations.mb)} | ${fmt(citations.seconds, 2)} | ${fmt(rate(citations))} | ${fmt(rate(citations) / rate(baseline), 2)} |`,
    `| extract (citations + obligations) | ${fmt(full.mb)} | ${fmt(full.seconds, 2)} | ${fmt(rate(full))} | ${fmt(rate(full) / rate(baseline), 2)} |`,
    "",
    `Goal: ≥ 20 MB/s for extraction on one core. Load average at the end of the run: ${(
      await import("node:os")
    )
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(", ")} (the machine is shared; the ratio to the baseline is the comparable number).`,
  ].join("\n");
  appendResults(`extract: throughput (${m.date.slice(0, 10)})`, body);
  return 0;
}
