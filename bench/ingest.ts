// `npm run bench:ingest`: extraction quality against the generator's ground truth, and ingest
// throughput into a private embedded Neo4j (bench/lib/neo4j.ts).
//
// 1. Generate (or reuse) the synthetic corpus: default 34 provinces × 3 years, seed 42 (≈ 50,000
//    documents, ≈ 500,000 tasks).
// 2. Extract an evenly spread sample of files (--score-docs) with `extract()` alone: MB/s on one core,
//    and precision/recall of document identity, citations, relations and tasks (src/generate/score.ts).
// 3. Ingest into one fresh graph, in corpus order, three phases sharing the time budget (--budget-s):
//    (a warm-up on the corpus's last files comes first, not measured: JIT and plan cache start cold)
//    a. baseline: the product's directory path with one file per transaction (`ingestPaths`,
//       batchFiles 1 — what ingest did before batching), for the ratio measured in the same run;
//    b. write only: files read and extracted first (CPU timed), then written by the same batched
//       writer (`writeBatch`, DEFAULT_BATCH_FILES per transaction) — Neo4j's share alone;
//    c. end to end: `ingestPaths` with its defaults (batches, extraction overlapped with writing) on
//       the rest of the corpus until it is all in or the budget is spent; documents/s and
//       relationships/s per window, so a slowdown as the graph grows shows, and the time for the whole
//       default corpus — measured when it fits, extrapolated (and said so) when not.
// The graph stays in bench/out/neo4j (or CHIDAO_BENCH_NEO4J_DATA) for inspection; the database
// process is stopped before returning.
import fs from "node:fs";
import path from "node:path";
import { extract } from "../src/extract/index.ts";
import { corpusYears, type GenerateOptions } from "../src/generate/index.ts";
import { emptyTally, pr, scoreFile, type Tally } from "../src/generate/score.ts";
import {
  DEFAULT_BATCH_FILES,
  DEFAULT_BATCH_ROWS,
  ingestPaths,
  prepareFile,
  rowCount,
} from "../src/graph/ingest.ts";
import { ensureRegistry } from "../src/graph/registry.ts";
import type { IngestRows } from "../src/graph/rows.ts";
import { writeBatch } from "../src/graph/writer.ts";
import { flag, intOption } from "./lib/args.ts";
import { ensureCorpus, readCorpus } from "./lib/corpus.ts";
import { machine, machineMarkdown } from "./lib/machine.ts";
import {
  type BenchGraph,
  cpuSeconds,
  graphCounts,
  neo4jVersion,
  rssMiB,
  startBenchGraph,
} from "./lib/neo4j.ts";
import { appendResults, commandLine } from "./lib/report.ts";
import { fmt, since } from "./lib/stats.ts";

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

  // ── Ingest: baseline, write only, end to end — one fresh graph, consecutive slices of the corpus.
  const bench = await startBenchGraph({ fresh: true });
  const limit = Math.min(maxDocs, files.length);
  const budget = { baseline: budgetMs * 0.15, writeOnly: budgetMs * 0.25, endToEnd: budgetMs * 0.6 };
  let version = "unknown";
  let baseline: Phase = emptyPhase();
  let writeOnly: Phase & { extractCpuS: number; extracted: number } = {
    ...emptyPhase(),
    extractCpuS: 0,
    extracted: 0,
  };
  let endToEnd: Phase = emptyPhase();
  const windows: Window[] = [];
  let after = { nodes: 0, relationships: 0 };
  let javaRss = Number.NaN;
  let warmed = 0;
  try {
    version = await neo4jVersion(bench.graph);
    await ensureRegistry(bench.graph);
    // Warm-up, not measured: the JVM's JIT and the plan cache start cold, which would count against
    // whichever phase ran first. The last 50 files of the corpus, ten one by one and then batched.
    const warm = files.slice(Math.max(0, limit - 50), limit);
    await ingestPaths(bench.graph, warm.slice(0, 10), { force: true, batchFiles: 1 });
    await ingestPaths(bench.graph, warm.slice(10), { force: true });
    warmed = warm.length;
    log(`warm-up: ${warmed} files`);
    // Each phase takes the files after the previous one's (a time-boxed ingest attempts a prefix).
    let next = 0;

    // a. One file per transaction, on at most 200 files or its share of the budget.
    baseline = await measure(bench, async () => {
      const outcomes = await timeBoxed(budget.baseline, (signal) =>
        ingestPaths(bench.graph, files.slice(next, Math.min(limit, next + 200)), {
          force: true,
          batchFiles: 1,
          signal,
        }),
      );
      next += outcomes.length;
      return outcomes;
    });
    log(`baseline (1 file per transaction): ${fmt(baseline.docs / baseline.seconds, 2)} docs/s`);

    // b. Extraction first (timed on its own), then only the writes.
    const prepared: IngestRows[] = [];
    const extractCpu = process.cpuUsage();
    const extractStart = performance.now();
    // Extraction is several times faster than the writes, so a fifth of the phase's budget for it.
    while (next < limit && prepared.length < 5_000 && since(extractStart) < budget.writeOnly / 5) {
      prepared.push((await prepareFile(files[next++] as string)).rows);
    }
    const extractUsed = process.cpuUsage(extractCpu);
    const extractCpuS = (extractUsed.user + extractUsed.system) / 1e6;
    const writeOnlyPhase = await measure(bench, async () => {
      let written = 0;
      let batch: IngestRows[] = [];
      let rows = 0;
      const flush = async () => {
        if (batch.length) await bench.graph.write((tx) => writeBatch(tx, batch));
        written += batch.length;
        batch = [];
        rows = 0;
      };
      const writeStart = performance.now();
      for (const r of prepared) {
        // Past the budget the rest is not written; the end-to-end phase starts after the last one written.
        if (since(writeStart) > budget.writeOnly) break;
        batch.push(r);
        rows += rowCount(r);
        if (batch.length >= DEFAULT_BATCH_FILES || rows >= DEFAULT_BATCH_ROWS) await flush();
      }
      await flush();
      return Array.from({ length: written }, () => ({ status: "ingested" as const }));
    });
    writeOnly = { ...writeOnlyPhase, extractCpuS, extracted: prepared.length };
    next -= prepared.length - writeOnly.docs; // files extracted but not written go to the next phase
    log(
      `write only: ${prepared.length} files extracted in ${fmt(extractCpuS, 1)} CPU s, written at ${fmt(writeOnly.docs / writeOnly.seconds, 1)} docs/s`,
    );

    // c. The product path on the rest of the corpus, windows sampled by time.
    const windowMs = Math.max(10_000, budget.endToEnd / 8);
    const rest = files.slice(next, Math.max(next, limit - warm.length));
    let done = 0;
    const sampler = startSampler(bench, windowMs, () => done, windows);
    endToEnd = await measure(bench, () =>
      timeBoxed(budget.endToEnd, (signal) =>
        ingestPaths(bench.graph, rest, {
          force: true,
          signal,
          onFile: () => {
            done++;
          },
        }),
      ),
    );
    await sampler.stop();
    log(`end to end: ${endToEnd.docs} files, ${fmt(endToEnd.docs / endToEnd.seconds, 1)} docs/s`);
    next += endToEnd.docs + endToEnd.failed;
    after = await graphCounts(bench.graph);
    javaRss = rssMiB(bench.javaPid);
  } finally {
    await bench.graph.close();
  }

  const rate = (p: Phase) => p.docs / Math.max(1e-9, p.seconds);
  const relRate = (p: Phase) => p.relationships / Math.max(1e-9, p.seconds);
  const e2eRate = rate(endToEnd);
  const last = windows.at(-1);
  const lastRate = last ? last.docs / (last.ms / 1000) : e2eRate;
  const complete =
    warmed + baseline.docs + baseline.failed + writeOnly.docs + endToEnd.docs + endToEnd.failed >=
    files.length;
  const fullSeconds = files.length / lastRate;
  const defaultDocs = 50_000;
  const defaultMinutes = defaultDocs / lastRate / 60;
  const extractMsPerDoc = (1000 * writeOnly.extractCpuS) / Math.max(1, writeOnly.extracted);
  const cpuLine = (p: Phase) =>
    `${fmt((1000 * p.nodeCpuS) / Math.max(1, p.docs), 1)} ms CPU per document in this process, ${fmt((1000 * p.javaCpuS) / Math.max(1, p.docs), 1)} ms in Neo4j`;

  const mach = machine({ neo4j: version });
  const goalDocs =
    e2eRate >= 1000
      ? "met"
      : `missed: ${fmt(e2eRate, 1)} docs/s end to end is ${fmt(1000 / e2eRate, 1)}× below 1,000`;
  const phaseRow = (name: string, p: Phase) =>
    `| ${name} | ${p.docs} | ${fmt(p.seconds, 1)} | **${fmt(rate(p), 1)}** | ${fmt(relRate(p), 0)} | ${fmt((1000 * p.nodeCpuS) / Math.max(1, p.docs), 1)} | ${fmt((1000 * p.javaCpuS) / Math.max(1, p.docs), 1)} | ${fmt(rate(p) / Math.max(1e-9, rate(baseline)), 1)}× |`;
  const body = [
    machineMarkdown(mach),
    `- Command: \`${commandLine("ingest", args)}\``,
    `- Corpus: \`chidao generate --provinces ${options.provinces} --years ${options.years} --seed ${options.seed}${options.small ? " --small" : ""}\` (years ${corpusYears(options).join(", ")}): ${m.documents} documents, ${m.tasks} tasks, ${m.statusObservations} status rows, ${m.citations} citations, ${m.relations} truth relations, ${(m.bytes / 1e6).toFixed(0)} MB; generated in ${m.seconds} s`,
    `- Embedded Neo4j: heap ${process.env.CHIDAO_BENCH_NEO4J_HEAP ?? "2g"}, page cache ${process.env.CHIDAO_BENCH_NEO4J_PAGECACHE ?? "1g"}; Java RSS after ingest ${fmt(javaRss, 0)} MiB; graph after the run: ${after.nodes} nodes, ${after.relationships} relationships`,
    "",
    `### Extraction on ${sampled.length} files spread over the corpus`,
    "",
    `Throughput of \`extract()\` alone, one core: **${fmt(extractMBs, 2)} MB/s** wall, ${fmt(extractBytes / 1e6 / extractCpuS, 2)} MB/s per CPU second (${(extractBytes / 1e6).toFixed(1)} MB in ${fmt(extractMs / 1000, 2)} s wall, ${fmt(extractCpuS, 2)} s CPU; ${extractErrors} files threw).`,
    "",
    scoreTable(tally),
    "",
    "### Ingest (one fresh graph, consecutive slices of the corpus in corpus order)",
    "",
    "| phase | documents | seconds | documents/s | relationships/s | CPU ms/doc, Node | CPU ms/doc, Neo4j | vs baseline |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    phaseRow("baseline: `ingestPaths`, 1 file per transaction", baseline),
    phaseRow(
      `write only: \`writeBatch\`, ≤ ${DEFAULT_BATCH_FILES} files / ${DEFAULT_BATCH_ROWS} rows per transaction, rows extracted beforehand`,
      writeOnly,
    ),
    phaseRow(
      "end to end: `ingestPaths` defaults (read + extract overlapped with the batched writes)",
      endToEnd,
    ),
    "",
    `- Failures: ${baseline.failed + endToEnd.failed}${endToEnd.firstFailure || baseline.firstFailure ? ` (first: ${(endToEnd.firstFailure || baseline.firstFailure).slice(0, 200)})` : ""}`,
    `- Split per document: read + extract + rows ${fmt(extractMsPerDoc, 1)} ms CPU (the write-only phase's files, extracted alone); end to end ${cpuLine(endToEnd)}; write only ${cpuLine(writeOnly)}`,
    `- End-to-end windows of ${fmt(Math.max(10_000, budget.endToEnd / 8) / 1000, 0)} s (documents/s, relationships/s): ${windows.map((w) => `${fmt(w.docs / (w.ms / 1000), 1)} / ${fmt(w.relationships / (w.ms / 1000), 0)}`).join("; ") || "n/a"}`,
    complete
      ? `- Whole corpus measured: every file ingested in this run`
      : `- Whole corpus (${files.length} files) **extrapolated** from the last end-to-end window's rate (${fmt(lastRate, 1)} docs/s): ${fmt(fullSeconds / 60, 1)} min`,
    `- Default corpus (≈ ${defaultDocs} documents) at that rate: ${fmt(defaultMinutes, 1)} min (goal < 5 min)${complete ? "" : " — extrapolated"}`,
    `- Goal ≥ 1,000 documents/s on 2 cores: ${goalDocs}; write only ${fmt(rate(writeOnly), 1)} docs/s.`,
  ].join("\n");
  appendResults(`ingest: ${mach.date}`, body);
  return 0;
}

interface Phase {
  docs: number;
  failed: number;
  firstFailure: string;
  seconds: number;
  relationships: number;
  nodeCpuS: number;
  javaCpuS: number;
}

interface Window {
  docs: number;
  ms: number;
  relationships: number;
}

function emptyPhase(): Phase {
  return { docs: 0, failed: 0, firstFailure: "", seconds: 0, relationships: 0, nodeCpuS: 0, javaCpuS: 0 };
}

/** Wall time, relationships created, and CPU of this process and of Neo4j around one phase. */
async function measure(
  bench: BenchGraph,
  work: () => Promise<{ status: string; error?: string }[]>,
): Promise<Phase> {
  const before = await graphCounts(bench.graph);
  const node = process.cpuUsage();
  const java = cpuSeconds(bench.javaPid);
  const start = performance.now();
  const outcomes = await work();
  const seconds = since(start) / 1000;
  const nodeUsed = process.cpuUsage(node);
  const javaCpuS = cpuSeconds(bench.javaPid) - java;
  const relationships = (await graphCounts(bench.graph)).relationships - before.relationships;
  const failed = outcomes.filter((o) => o.status === "failed");
  return {
    docs: outcomes.length - failed.length,
    failed: failed.length,
    firstFailure: failed[0]?.error ?? "",
    seconds,
    relationships,
    nodeCpuS: (nodeUsed.user + nodeUsed.system) / 1e6,
    javaCpuS,
  };
}

/** Runs `work` with a signal that aborts after `ms`. */
async function timeBoxed<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await work(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

/** Every `ms`, the documents done and relationships created since the last sample. */
function startSampler(
  bench: BenchGraph,
  ms: number,
  done: () => number,
  windows: Window[],
): { stop: () => Promise<void> } {
  let stopped = false;
  const loop = (async () => {
    let last = { t: performance.now(), docs: done(), rels: (await graphCounts(bench.graph)).relationships };
    while (!stopped) {
      await new Promise((r) => setTimeout(r, Math.min(ms, 1_000)));
      if (stopped || performance.now() - last.t < ms) continue;
      const now = {
        t: performance.now(),
        docs: done(),
        rels: (await graphCounts(bench.graph)).relationships,
      };
      windows.push({ docs: now.docs - last.docs, ms: now.t - last.t, relationships: now.rels - last.rels });
      last = now;
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}
