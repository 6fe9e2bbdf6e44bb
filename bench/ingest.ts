// `npm run bench:ingest`: extraction quality against the generator's ground truth, and ingest
// throughput into a private embedded Neo4j (bench/lib/neo4j.ts).
//
// 1. Generate (or reuse) the synthetic corpus: default 34 provinces × 3 years, seed 42 (≈ 50,000
//    documents, ≈ 500,000 tasks).
// 2. Extract an evenly spread sample of files (--score-docs) with `extract()` alone: MB/s on one core,
//    and precision/recall of document identity, citations, relations and tasks (src/generate/score.ts).
// 3. Ingest the corpus in order through the product path (`ingestFile`: read, extract, one write
//    transaction per file) until the whole corpus is in or the time budget (--budget-s) is spent;
//    documents/s and relationships/s, per window so a slowdown as the graph grows shows, and the time
//    for the whole default corpus — measured when it fits, extrapolated (and said so) when not.
// The graph stays in bench/out/neo4j for bench:api; the database process is stopped before returning.
import fs from "node:fs";
import path from "node:path";
import { extract } from "../src/extract/index.ts";
import { corpusYears, type GenerateOptions } from "../src/generate/index.ts";
import { emptyTally, pr, scoreFile, type Tally } from "../src/generate/score.ts";
import { ingestFile } from "../src/graph/ingest.ts";
import { ensureRegistry } from "../src/graph/registry.ts";
import { flag, intOption } from "./lib/args.ts";
import { ensureCorpus, readCorpus } from "./lib/corpus.ts";
import { machine, machineMarkdown } from "./lib/machine.ts";
import { cpuSeconds, graphCounts, neo4jVersion, rssMiB, startBenchGraph } from "./lib/neo4j.ts";
import { appendResults, commandLine } from "./lib/report.ts";
import { fmt, since } from "./lib/stats.ts";

/** What bench:api needs to know about the graph bench:ingest left behind. */
export const GRAPH_MARKER = "chidao-bench-graph.json";

export interface GraphMarker {
  corpus: GenerateOptions;
  corpusDir: string;
  documentsIngested: number;
  complete: boolean;
}

export function corpusOptions(args: readonly string[]): GenerateOptions {
  const small = flag(args, "small");
  return {
    provinces: intOption(args, "provinces", small ? 5 : 34, 1, 34),
    years: intOption(args, "years", small ? 1 : 3, 1, 10),
    seed: intOption(args, "seed", 42, -1e9, 1e9),
    small,
  };
}

function scoreTable(t: Tally): string {
  const row = (name: string, c: Tally["citations"]) => {
    const p = pr(c);
    return `| ${name} | ${fmt(p.precision, 3)} | ${fmt(p.recall, 3)} | ${fmt(p.f1, 3)} | ${c.tp} | ${c.fp} | ${c.fn} |`;
  };
  const matched = t.tasks.tp || 1;
  return [
    "| measure | precision | recall | F1 | TP | FP | FN |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    row("citations (symbol + jurisdiction + year)", t.citations),
    row("citations, folded symbols (case/diacritics forgiven)", t.citationsFolded),
    row("relations (from, kind, to)", t.relations),
    row("relations, kind ignored", t.relationsUntyped),
    row("tasks (document + row id)", t.tasks),
    "",
    `Document identity (own symbol + jurisdiction + year) correct in ${t.documentCorrect} of ${t.files} files (${fmt((100 * t.documentCorrect) / Math.max(1, t.files))}%). ` +
      `Of matched tasks: lead unit right ${fmt((100 * t.taskLeadCorrect) / matched)}%, deadline end date right ${fmt((100 * t.taskDeadlineCorrect) / matched)}%, ` +
      `reported status right ${fmt((100 * t.taskStatusCorrect) / Math.max(1, t.taskStatusTotal))}% (${t.taskStatusTotal} report rows).`,
  ].join("\n");
}

export async function run(args: string[]): Promise<number> {
  const options = corpusOptions(args);
  const scoreDocs = intOption(args, "score-docs", 1_000, 0);
  const budgetMs = intOption(args, "budget-s", options.small ? 120 : 240, 1, 3_600) * 1000;
  const maxDocs = intOption(args, "max-docs", Number.MAX_SAFE_INTEGER, 1);
  const log = (line: string) => process.stderr.write(`bench:ingest: ${line}\n`);

  const genStart = performance.now();
  const corpus = ensureCorpus(options);
  const m = corpus.manifest;
  log(
    `${corpus.generatedNow ? "generated" : "reusing"} ${corpus.dir}: ${m.documents} documents, ${m.tasks} tasks, ${(m.bytes / 1e6).toFixed(0)} MB` +
      (corpus.generatedNow ? ` in ${(since(genStart) / 1000).toFixed(1)} s` : ""),
  );
  const { files, sampled } = await readCorpus(corpus.dir, m.documents, scoreDocs);

  // ── Extraction alone: throughput and quality on the sample.
  const tally = emptyTally();
  let extractMs = 0;
  let extractBytes = 0;
  let extractErrors = 0;
  const extractCpu = process.cpuUsage();
  for (const record of sampled) {
    const file = path.join(corpus.dir, record.file);
    const text = fs.readFileSync(file, "utf8");
    const t0 = performance.now();
    try {
      const extraction = extract(text, file);
      extractMs += since(t0);
      extractBytes += Buffer.byteLength(text);
      scoreFile(tally, record, extraction);
    } catch (error) {
      extractMs += since(t0);
      extractErrors++;
      if (extractErrors <= 3) log(`extract failed on ${record.file}: ${(error as Error).message}`);
    }
  }
  const extractCpuS = (() => {
    const used = process.cpuUsage(extractCpu);
    return (used.user + used.system) / 1e6;
  })();
  const extractMBs = extractBytes / 1e6 / (extractMs / 1000);
  log(`extraction: ${sampled.length} files, ${fmt(extractMBs, 2)} MB/s, ${extractErrors} errors`);

  // ── Ingest through the product path, bounded by time and count.
  const bench = await startBenchGraph({ fresh: true });
  let ingested = 0;
  let failed = 0;
  let firstFailure = "";
  const windows: { docs: number; ms: number; rels: number }[] = [];
  let ingestMs = 0;
  let before = { nodes: 0, relationships: 0 };
  let after = before;
  let javaRss = Number.NaN;
  let ingestCpu = { node: 0, java: Number.NaN };
  let version = "unknown";
  try {
    version = await neo4jVersion(bench.graph);
    await ensureRegistry(bench.graph);
    before = await graphCounts(bench.graph);
    const limit = Math.min(maxDocs, files.length);
    // Windows by time, so that a slow ingest still shows its trend.
    const windowMs = Math.max(10_000, budgetMs / 8);
    let windowStart = performance.now();
    let windowDocs = 0;
    let windowRels = before.relationships;
    const start = performance.now();
    const nodeCpuStart = process.cpuUsage();
    const javaCpuStart = cpuSeconds(bench.javaPid);
    for (const file of files.slice(0, limit)) {
      const outcome = await ingestFile(bench.graph, file, true);
      if (outcome.status === "failed") {
        failed++;
        firstFailure ||= outcome.error ?? "";
      } else ingested++;
      windowDocs++;
      if (since(windowStart) >= windowMs) {
        const counts = await graphCounts(bench.graph);
        windows.push({ docs: windowDocs, ms: since(windowStart), rels: counts.relationships - windowRels });
        log(
          `${ingested + failed}/${limit} files, ${fmt(windowDocs / (since(windowStart) / 1000))} docs/s in the last window`,
        );
        windowRels = counts.relationships;
        windowStart = performance.now();
        windowDocs = 0;
      }
      if (since(start) > budgetMs) break;
    }
    ingestMs = since(start);
    const nodeCpu = process.cpuUsage(nodeCpuStart);
    ingestCpu = {
      node: (nodeCpu.user + nodeCpu.system) / 1e6,
      java: cpuSeconds(bench.javaPid) - javaCpuStart,
    };
    after = await graphCounts(bench.graph);
    javaRss = rssMiB(bench.javaPid);
    const marker: GraphMarker = {
      corpus: options,
      corpusDir: corpus.dir,
      documentsIngested: ingested,
      complete: ingested + failed === files.length,
    };
    fs.writeFileSync(path.join(bench.dataDir, "..", GRAPH_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  } finally {
    await bench.graph.close();
  }

  const processed = ingested + failed;
  const docsPerSec = processed / (ingestMs / 1000);
  const relsPerSec = (after.relationships - before.relationships) / (ingestMs / 1000);
  const last = windows.at(-1);
  const lastRate = last ? last.docs / (last.ms / 1000) : docsPerSec;
  const complete = processed === files.length;
  const fullSeconds = complete ? ingestMs / 1000 : files.length / lastRate;
  const defaultDocs = 50_000;
  const defaultMinutes = (defaultDocs / lastRate / 60).toFixed(1);

  const mach = machine({ neo4j: version });
  const goalDocs =
    docsPerSec >= 1000
      ? "met"
      : `missed: ${fmt(docsPerSec)} docs/s is ${fmt(1000 / docsPerSec)}× below 1,000`;
  const body = [
    machineMarkdown(mach),
    `- Command: \`${commandLine("ingest", args)}\``,
    `- Corpus: \`chidao generate --provinces ${options.provinces} --years ${options.years} --seed ${options.seed}${options.small ? " --small" : ""}\` (years ${corpusYears(options).join(", ")}): ${m.documents} documents, ${m.tasks} tasks, ${m.statusObservations} status rows, ${m.citations} citations, ${m.relations} truth relations, ${(m.bytes / 1e6).toFixed(0)} MB; generated in ${m.seconds} s`,
    `- Embedded Neo4j: heap ${process.env.CHIDAO_BENCH_NEO4J_HEAP ?? "2g"}, page cache ${process.env.CHIDAO_BENCH_NEO4J_PAGECACHE ?? "1g"}; Java RSS after ingest ${fmt(javaRss, 0)} MiB`,
    "",
    `### Extraction on ${sampled.length} files spread over the corpus`,
    "",
    `Throughput of \`extract()\` alone, one core: **${fmt(extractMBs, 2)} MB/s** wall, ${fmt(extractBytes / 1e6 / extractCpuS, 2)} MB/s per CPU second (${(extractBytes / 1e6).toFixed(1)} MB in ${fmt(extractMs / 1000, 2)} s wall, ${fmt(extractCpuS, 2)} s CPU; ${extractErrors} files threw).`,
    "",
    scoreTable(tally),
    "",
    "### Ingest (read + extract + one write transaction per file, `ingestFile`)",
    "",
    `- ${processed} files (${ingested} ingested, ${failed} failed${firstFailure ? `; first failure: ${firstFailure.slice(0, 200)}` : ""}) in ${fmt(ingestMs / 1000)} s${complete ? " — the whole corpus" : ` — stopped by the ${budgetMs / 1000} s budget`}`,
    `- **${fmt(docsPerSec, 2)} documents/s**, **${fmt(relsPerSec)} relationships/s** (${after.relationships - before.relationships} relationships, ${after.nodes - before.nodes} nodes created)`,
    `- CPU per document: ${fmt((1000 * ingestCpu.node) / Math.max(1, processed))} ms in this process (read, extract, driver), ${fmt((1000 * ingestCpu.java) / Math.max(1, processed))} ms in Neo4j — ${fmt(processed / (ingestCpu.node + ingestCpu.java), 2)} documents per CPU second, the rate an unloaded machine would approach per core`,
    `- Per ${fmt(Math.max(10_000, budgetMs / 8) / 1000, 0)} s window (docs/s): ${windows.map((w) => fmt(w.docs / (w.ms / 1000), 2)).join(", ") || "n/a"}`,
    complete
      ? `- Whole corpus measured: ${fmt(fullSeconds)} s`
      : `- Whole corpus (${files.length} files) **extrapolated** from the last window's rate: ${fmt(fullSeconds / 60)} min`,
    `- Default corpus (≈ ${defaultDocs} documents) at the last window's rate: ${defaultMinutes} min (goal < 5 min)`,
    `- Goal ≥ 1,000 documents/s on 2 cores: ${goalDocs}.`,
  ].join("\n");
  appendResults(`ingest: ${mach.date}`, body);
  return 0;
}
