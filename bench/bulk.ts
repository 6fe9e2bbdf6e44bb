// `npm run bench:bulk`: the offline first load (`chidao ingest --bulk`, src/graph/bulk/) of the
// generated corpus into a new embedded database, against the transactional path measured in the
// same process on the corpus's first files (--baseline-files, `ingestPaths` with its defaults).
// Every phase is timed (extraction on worker threads with the fold, CSV writing, the importer, the
// start with the migrations, index population) and the whole corpus is loaded: its time is
// measured, not extrapolated. The graph stays in bench/out/neo4j (or CHIDAO_BENCH_NEO4J_DATA).
//
// Options: the corpus's (--provinces, --years, --seed, --small, as bench:ingest), --files N (load
// only the corpus's first N files), --baseline-files N (default 300).
import fs from "node:fs";
import { corpusYears } from "../src/generate/index.ts";
import { type BulkPhase, bulkLoad } from "../src/graph/bulk/load.ts";
import { ingestPaths } from "../src/graph/ingest.ts";
import { ensureRegistry } from "../src/graph/registry.ts";
import { corpusOptions } from "./ingest.ts";
import { intOption } from "./lib/args.ts";
import { ensureCorpus, readCorpus } from "./lib/corpus.ts";
import { machine, machineMarkdown } from "./lib/machine.ts";
import { benchGraphEnv, graphCounts, neo4jVersion, startBenchGraph } from "./lib/neo4j.ts";
import { appendResults, commandLine } from "./lib/report.ts";
import { fmt, since } from "./lib/stats.ts";

export async function run(args: string[]): Promise<number> {
  const options = corpusOptions(args);
  const corpus = ensureCorpus(options);
  const m = corpus.manifest;
  const all = (await readCorpus(corpus.dir, m.documents, 0)).files;
  const files = all.slice(0, intOption(args, "files", all.length, 1, all.length));
  const baselineFiles = files.slice(0, intOption(args, "baseline-files", 300, 1, files.length));
  const log = (line: string) => process.stderr.write(`bench bulk: ${line}\n`);

  // Baseline: the transactional path on the first files, into a fresh graph.
  const bench = await startBenchGraph({ fresh: true });
  let version: string;
  let baseline: { docs: number; seconds: number; relationships: number };
  try {
    version = await neo4jVersion(bench.graph);
    await ensureRegistry(bench.graph);
    const before = await graphCounts(bench.graph);
    const started = performance.now();
    const outcomes = await ingestPaths(bench.graph, baselineFiles, { force: true });
    const seconds = since(started) / 1000;
    const after = await graphCounts(bench.graph);
    baseline = {
      docs: outcomes.filter((o) => o.status === "ingested").length,
      seconds,
      relationships: after.relationships - before.relationships,
    };
    log(`baseline: ${baseline.docs} files in ${fmt(seconds, 1)} s`);
  } finally {
    await bench.graph.close();
  }

  // The first load, into the same (now emptied) data directory.
  fs.rmSync(bench.dataDir, { recursive: true, force: true });
  const phases: [BulkPhase, number][] = [];
  const started = performance.now();
  const loaded = await bulkLoad(files, {
    env: benchGraphEnv(bench.dataDir),
    onPhase: (phase, seconds) => {
      phases.push([phase, seconds]);
      log(`${phase} ${fmt(seconds, 1)} s`);
    },
  });
  const seconds = since(started) / 1000;
  let counts: { nodes: number; relationships: number };
  try {
    counts = await graphCounts(loaded.graph);
  } finally {
    await loaded.graph.close();
  }

  const failed = loaded.outcomes.filter((o) => o.status === "failed");
  const docs = loaded.outcomes.length - failed.length;
  const rate = docs / seconds;
  const baseRate = baseline.docs / baseline.seconds;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  const mach = machine({ neo4j: version });
  const defaultDocs = 50_000;
  const body = [
    machineMarkdown(mach),
    `- Command: \`${commandLine("bulk", args)}\``,
    `- Corpus: \`chidao generate --provinces ${options.provinces} --years ${options.years} --seed ${options.seed}${options.small ? " --small" : ""}\` (years ${corpusYears(options).join(", ")}): ${m.documents} documents, ${m.tasks} tasks, ${(m.bytes / 1e6).toFixed(0)} MB; loaded: ${files.length} files${files.length === all.length ? " (all)" : ""}`,
    `- Graph after the load: ${counts.nodes} nodes, ${counts.relationships} relationships; failures: ${failed.length}${failed[0] ? ` (first: ${failed[0].error?.slice(0, 200)})` : ""}`,
    `- Peak RSS of this process (the fold of every node in memory, worker threads included): ${fmt(maxRssMiB, 0)} MiB`,
    "",
    "| phase | seconds | share |",
    "| --- | --- | --- |",
    ...phases.map(([phase, s]) => `| ${phase} | ${fmt(s, 1)} | ${fmt((100 * s) / seconds, 0)}% |`),
    `| **total** | **${fmt(seconds, 1)}** | |`,
    "",
    "| path | documents | seconds | documents/s | relationships/s | vs baseline |",
    "| --- | --- | --- | --- | --- | --- |",
    `| baseline: \`ingestPaths\` (transactional, batched), the first ${baseline.docs} files | ${baseline.docs} | ${fmt(baseline.seconds, 1)} | ${fmt(baseRate, 1)} | ${fmt(baseline.relationships / baseline.seconds, 0)} | 1.0× |`,
    `| \`ingest --bulk\`, end to end (files to a started database with every index online) | ${docs} | ${fmt(seconds, 1)} | **${fmt(rate, 1)}** | ${fmt(loaded.relationships / seconds, 0)} | ${fmt(rate / baseRate, 1)}× |`,
    "",
    `- Goal ≥ 1,000 documents/s on 2 cores: ${rate >= 1000 ? "met" : `missed: ${fmt(rate, 1)} documents/s is ${fmt(1000 / rate, 1)}× below`}.`,
    `- Default corpus (≈ ${defaultDocs} documents) in < 5 min: ${files.length === all.length && !options.small && options.provinces === 34 && options.years === 3 ? `measured ${fmt(seconds / 60, 1)} min` : `${fmt(defaultDocs / rate / 60, 1)} min at this rate (extrapolated)`}.`,
  ].join("\n");
  appendResults(`bulk: ${mach.date}`, body);
  return 0;
}
