// `npm run bench:extract`: extraction throughput on one core, on ≥ 50 MB of text built from the
// sample documents (the seed report and ../shared/corpus), document by document as ingest reads
// them. Three passes, interleaved document by document in the same process, timed in CPU seconds so
// that load from other processes on the shared machine distorts them as little as possible:
//   baseline  normalise() + one pass of the symbol regex (the least any citation reader must do);
//   citations extractCitations() — the citation, identity and relation pass;
//   extract   extract() — citations plus the obligations pass.
// CPU seconds include V8's background threads (garbage collector, compiler), which run on another
// core when there is one: `taskset -c 0 npm run bench:extract` keeps the whole process on one core,
// where wall and CPU time agree — the strict reading of the goal "on one core".
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

interface Pass {
  name: string;
  fn: (text: string) => unknown;
  bytes: number;
  wallMs: number;
  cpuMs: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Runs every pass on each document in turn, round-robin over the documents, until each pass has
 * processed `targetBytes`. Interleaving means a burst of load on the shared machine hits all passes
 * alike; CPU time (user + system of this single-threaded process) is the primary measure, wall time
 * is reported next to it.
 */
function measure(docs: { text: string; bytes: number }[], targetBytes: number, passes: Pass[]): void {
  for (let i = 0; (passes[0] as Pass).bytes < targetBytes; i++) {
    const d = docs[i % docs.length] as { text: string; bytes: number };
    for (const p of passes) {
      const c0 = cpuMs();
      const w0 = performance.now();
      p.fn(d.text);
      p.wallMs += since(w0);
      p.cpuMs += cpuMs() - c0;
      p.bytes += d.bytes;
    }
  }
}

export async function run(args: string[]): Promise<number> {
  const targetMb = intOption(args, "mb", 50, 1, 1000);
  const docs = samples().map((s) => ({ text: s.text, bytes: Buffer.byteLength(s.text) }));
  const target = targetMb * 1e6;
  // Warm-up so the JIT has compiled the hot paths before anything is timed.
  for (const d of docs) extract(d.text, "warm-up");

  const pass = (name: string, fn: (text: string) => unknown): Pass => ({
    name,
    fn,
    bytes: 0,
    wallMs: 0,
    cpuMs: 0,
  });
  const passes = [
    pass("baseline: normalise + symbol regex scan", (t) => {
      const n = normalise(t).text;
      BASELINE_RE.lastIndex = 0;
      let count = 0;
      while (BASELINE_RE.exec(n) !== null) count++;
      return count;
    }),
    pass("extractCitations (citations, identity, relations)", extractCitations),
    pass("extract (citations + obligations)", (t) => extract(t, "bench")),
  ];
  measure(docs, target, passes);
  const base = passes[0] as Pass;
  const rate = (p: Pass, ms: number) => p.bytes / 1e6 / (ms / 1000);
  const m = machine();
  const body = [
    machineMarkdown(m),
    `- Command: \`${commandLine("extract", args)}\``,
    `- Input: ${docs.length} sample documents (${docs.map((d) => `${(d.bytes / 1024).toFixed(0)} KB`).join(", ")}), extracted one document at a time, round-robin, until ≥ ${targetMb} MB; one thread${m.allowedCpus === 1 ? ", the whole process on one core (taskset)" : ""}`,
    "",
    "| pass | MB | CPU s | MB/s (CPU) | × baseline | wall s | MB/s (wall) |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...passes.map(
      (p) =>
        `| ${p.name} | ${fmt(p.bytes / 1e6)} | ${fmt(p.cpuMs / 1000, 2)} | ${fmt(rate(p, p.cpuMs))} | ${fmt(rate(p, p.cpuMs) / rate(base, base.cpuMs), 2)} | ${fmt(p.wallMs / 1000, 2)} | ${fmt(rate(p, p.wallMs))} |`,
    ),
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
