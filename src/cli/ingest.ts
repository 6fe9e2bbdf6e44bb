// `chidao ingest <file|dir…> [--force] [--batch N]`: reads documents into Neo4j, many files per
// transaction (each file wholly in or absent; a failed batch is retried file by file). On a
// terminal a progress bar; otherwise (CI, pipes, logs) one plain line per file. A summary at the
// end; the exit code is 1 when any file failed, while every other file still went in. With
// --bulk, a first load into a new embedded database through Neo4j's offline importer
// (src/graph/bulk/load.ts).
import { join } from "node:path";
import { type BulkLoad, bulkLoad } from "../graph/bulk/load.ts";
import { repoRoot } from "../graph/config.ts";
import { type GraphConnection, openGraph } from "../graph/connection.ts";
import {
  DEFAULT_BATCH_FILES,
  deleteSource,
  type FileOutcome,
  ingestPaths,
  type Progress,
  sourceKey,
} from "../graph/ingest.ts";

const USAGE = `Usage: chidao ingest <file|dir…> [--force] [--batch N]
       chidao ingest --bulk <file|dir…>
       chidao ingest --delete <file…>
  --force    re-ingest files whose checksum is unchanged
  --batch N  at most N files per write transaction (default ${DEFAULT_BATCH_FILES}); a file is always wholly in or absent
  --bulk     first load into a new embedded database (CHIDAO_NEO4J_DATA) with Neo4j's offline importer,
             files extracted on every core: the same graph, many times faster; later runs add files as usual
  --delete   remove each file's source and exactly what it contributed (the file need not exist)
`;

export async function ingestCommand(args: string[]): Promise<number> {
  let force = false;
  let remove = false;
  let bulk = false;
  let batchFiles = DEFAULT_BATCH_FILES;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--force") force = true;
    else if (arg === "--delete") remove = true;
    else if (arg === "--bulk") bulk = true;
    else if (arg === "--batch") {
      batchFiles = Number(args[++i]);
      if (!Number.isInteger(batchFiles) || batchFiles < 1 || batchFiles > 10_000) {
        process.stderr.write(`chidao ingest: --batch needs an integer from 1 to 10000\n${USAGE}`);
        return 2;
      }
    } else if (arg.startsWith("-")) {
      process.stderr.write(`chidao ingest: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else paths.push(arg);
  }
  if (paths.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (bulk && (remove || force)) {
    process.stderr.write(
      `chidao ingest: --bulk writes a new database; it takes neither --delete nor --force\n${USAGE}`,
    );
    return 2;
  }
  const started = performance.now();
  const tty = process.stderr.isTTY === true;
  const progress = {
    onStart: (files: string[]) => {
      if (tty) drawBar(0, files.length, "");
      else process.stdout.write(`ingesting ${files.length} file(s)\n`);
    },
    onFile: (outcome: FileOutcome, index: number, total: number) => report(outcome, index, total, tty),
  };
  if (bulk) return bulkCommand(paths, progress, tty, started);
  let graph: Awaited<ReturnType<typeof openGraph>>;
  try {
    graph = await openGraph();
  } catch (error) {
    process.stderr.write(`chidao ingest: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    if (remove) return await deletePaths(graph, paths);
    const outcomes = await ingestPaths(graph, paths, {
      force,
      batchFiles,
      ...progress,
    });
    if (tty) process.stderr.write("\r\x1b[K");
    process.stdout.write(`${summarise(outcomes, (performance.now() - started) / 1000)}\n`);
    return outcomes.some((o) => o.status === "failed") ? 1 : 0;
  } finally {
    await graph.close();
  }
}

/** The offline first load: progress per file as extracted, then one line per phase. */
async function bulkCommand(
  paths: string[],
  progress: Progress,
  tty: boolean,
  started: number,
): Promise<number> {
  let loaded: BulkLoad;
  try {
    loaded = await bulkLoad(paths, {
      ...progress,
      onPhase: (phase, seconds) => {
        if (tty && phase === "extract") process.stderr.write("\r\x1b[K");
        process.stdout.write(`${phase.padEnd(10)} ${seconds.toFixed(1)} s\n`);
      },
    });
  } catch (error) {
    if (tty) process.stderr.write("\r\x1b[K");
    process.stderr.write(`chidao ingest --bulk: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    const { outcomes, nodes, relationships } = loaded;
    process.stdout.write(
      `${summarise(outcomes, (performance.now() - started) / 1000)} · imported ${nodes} nodes, ${relationships} relationships\n`,
    );
    return outcomes.some((o) => o.status === "failed") ? 1 : 0;
  } finally {
    await loaded.graph.close();
  }
}

/** One transaction per file, like ingest; exit code 1 when a file had no source in the graph. */
async function deletePaths(graph: GraphConnection, paths: string[]): Promise<number> {
  let missing = 0;
  for (const path of paths) {
    if (await deleteSource(graph, sourceKey(path))) process.stdout.write(`deleted    ${sourceKey(path)}\n`);
    else {
      missing++;
      process.stderr.write(`not found  ${sourceKey(path)}: no source with this path in the graph\n`);
    }
  }
  return missing ? 1 : 0;
}

/**
 * Ingests the seed documents when the server starts (`CHIDAO_SEEDS`, default `seeds/`; empty to
 * skip), skipping unchanged files by checksum, so the graph is ready when the server answers. A bad
 * seed file is logged and the server still starts.
 */
export async function ingestSeeds(graph: GraphConnection): Promise<void> {
  const dir = process.env.CHIDAO_SEEDS ?? join(repoRoot, "seeds");
  if (!dir.trim()) return;
  const started = performance.now();
  const outcomes = await ingestPaths(graph, [dir], {
    onFile: (outcome) => {
      if (outcome.status === "failed") process.stderr.write(`chidao: seed ${outcome.error}\n`);
    },
  });
  process.stdout.write(`chidao: seeds ${summarise(outcomes, (performance.now() - started) / 1000)}\n`);
}

function report(outcome: FileOutcome, index: number, total: number, tty: boolean): void {
  const line =
    outcome.status === "failed"
      ? `failed     ${outcome.error}`
      : outcome.status === "unchanged"
        ? `unchanged  ${outcome.path}`
        : `ingested   ${outcome.path} (${describeCounts(outcome)})`;
  if (!tty) {
    (outcome.status === "failed" ? process.stderr : process.stdout).write(`[${index}/${total}] ${line}\n`);
    return;
  }
  // On a terminal only failures stay on screen; the bar is redrawn below them.
  if (outcome.status === "failed") process.stderr.write(`\r\x1b[K${line}\n`);
  drawBar(index, total, outcome.path);
}

function drawBar(index: number, total: number, path: string): void {
  const width = 30;
  const done = total ? Math.round((index / total) * width) : width;
  process.stderr.write(
    `\r\x1b[K[${"#".repeat(done)}${"-".repeat(width - done)}] ${index}/${total} ${path.slice(-50)}`,
  );
}

function describeCounts(outcome: FileOutcome): string {
  const c = outcome.counts;
  if (!c) return "";
  return `${c.documents} documents, ${c.relations} relations, ${c.tasks} tasks, ${c.actions} actions, ${c.findings} findings, ${outcome.warnings.length} warnings`;
}

export function summarise(outcomes: FileOutcome[], seconds: number): string {
  const count = (status: FileOutcome["status"]) => outcomes.filter((o) => o.status === status).length;
  const sum = (pick: (o: FileOutcome) => number) => outcomes.reduce((n, o) => n + pick(o), 0);
  return [
    `files: ${outcomes.length} (${count("ingested")} ingested, ${count("unchanged")} unchanged, ${count("failed")} failed)`,
    `documents: ${sum((o) => o.counts?.documents ?? 0)}`,
    `relations: ${sum((o) => o.counts?.relations ?? 0)}`,
    `tasks: ${sum((o) => o.counts?.tasks ?? 0)}`,
    `actions: ${sum((o) => o.counts?.actions ?? 0)}`,
    `findings: ${sum((o) => o.counts?.findings ?? 0)}`,
    `warnings: ${sum((o) => o.warnings.length)}`,
    `seconds: ${seconds.toFixed(1)}`,
  ].join(" · ");
}
