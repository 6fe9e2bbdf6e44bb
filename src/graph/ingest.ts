// Ingest of document files into the graph. A directory is written in batches: many files per
// managed write transaction (src/graph/writer.ts), bounded by files and by rows so that lock waits
// and transaction memory stay small, while the next batch is read and extracted. A batch commits
// whole or not at all (a crash or kill mid-batch rolls back on the server), so every file is wholly
// in the graph or absent; when a batch fails, its files are written again one per transaction, so
// one bad file never takes the others down. A file whose bytes and extractor version are unchanged
// since it was last ingested is skipped by checksum.
import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { EXTRACTOR_VERSION, extract } from "../extract/index.ts";
import { DOCUMENT_EXTENSIONS, fileChecksum, type ReadDocument, readDocument } from "../formats/index.ts";
import type { GraphConnection } from "./connection.ts";
import { cypher } from "./queries/cypher.ts";
import { ensureRegistry } from "./registry.ts";
import { buildRows, type IngestRows } from "./rows.ts";
import { deleteSourceRows, writeBatch } from "./writer.ts";

export type FileStatus = "ingested" | "unchanged" | "failed";

export interface FileOutcome {
  path: string;
  status: FileStatus;
  /** One line saying why the file failed (names the file and, where known, the position). */
  error?: string;
  counts?: IngestRows["counts"];
  warnings: string[];
}

/**
 * Batch bounds (docs/benchmarks.md, "Ingest batching"): on 250 small files, 200 per transaction
 * took 10–11 s, all 250 in one 8.9 s, 50 per transaction 21 s and one per transaction 88 s; a
 * bigger batch saves little more while it holds more locks (two ingests citing the same hub
 * documents wait on each other) and more transaction memory. A default-corpus file is ≈ 290 rows
 * (rowCount), so there the row bound closes a batch at ≈ 70 files.
 */
export const DEFAULT_BATCH_FILES = 200;
export const DEFAULT_BATCH_ROWS = 20_000;

export interface IngestOptions {
  /** Re-ingest files whose checksum is unchanged. */
  force?: boolean;
  /** Most files in one write transaction (default DEFAULT_BATCH_FILES). */
  batchFiles?: number;
  /** A batch is closed once its files hold this many rows (default DEFAULT_BATCH_ROWS; see rowCount). */
  batchRows?: number;
  /**
   * Stops the ingest between files: no further file is read, the files already read are written,
   * and the outcomes cover only the files attempted (a time-boxed run, e.g. the benchmark).
   */
  signal?: AbortSignal;
  /** Called once the file list is known, and after each file. */
  onStart?: (files: string[]) => void;
  onFile?: (outcome: FileOutcome, index: number, total: number) => void;
}

/** The Source key of a file: its absolute path, so a changed file replaces what it contributed. */
export function sourceKey(path: string): string {
  return resolve(path);
}

/** Reads and extracts a file and checks the result against the graph contract — no database. */
export async function prepareFile(path: string): Promise<{ document: ReadDocument; rows: IngestRows }> {
  const document = await readDocument(path);
  const extraction = extract(document.text, path);
  const rows = buildRows(
    extraction,
    {
      key: sourceKey(path),
      name: document.name,
      path: resolve(path),
      sha256: document.sha256,
      format: document.format,
      bytes: document.bytes,
    },
    document.text,
  );
  return { document, rows };
}

/** One file in a transaction of its own (ingestPaths batches a directory). */
export async function ingestFile(graph: GraphConnection, path: string, force = false): Promise<FileOutcome> {
  const stored = force ? new Map<string, StoredState>() : await storedStates(graph, [path]);
  const prepared = await prepare(path, stored.get(sourceKey(path)));
  if (!("rows" in prepared)) return prepared;
  let outcome: FileOutcome | undefined;
  await writeFiles(graph, [prepared], (o) => {
    outcome = o;
  });
  return outcome as FileOutcome;
}

/**
 * Deletes the Source with this key (see sourceKey) and exactly what it contributed, in one write
 * transaction. Returns whether it existed. The file itself need not exist any more.
 */
export async function deleteSource(graph: GraphConnection, key: string): Promise<boolean> {
  return graph.write((tx) => deleteSourceRows(tx, key));
}

/** How a run reports its files: once the list is known, and after each file. */
export type Progress = Pick<IngestOptions, "onStart" | "onFile">;

/**
 * The start of a run over paths: the document files they name (expandPaths), and the outcomes list
 * that `done` fills and reports through `progress` — already holding a failure for each path that
 * could not be listed.
 */
export async function startRun(
  paths: string[],
  progress: Progress,
): Promise<{ files: string[]; outcomes: FileOutcome[]; done: (outcome: FileOutcome) => void }> {
  const { files, failures } = await expandPaths(paths);
  progress.onStart?.(files);
  const outcomes: FileOutcome[] = [];
  const total = files.length + failures.length;
  const done = (outcome: FileOutcome) => {
    outcomes.push(outcome);
    progress.onFile?.(outcome, outcomes.length, total);
  };
  for (const failure of failures) done(failure);
  return { files, outcomes, done };
}

/**
 * Ingests files and directories (walked recursively for document files), many files per write
 * transaction; the next batch is read and extracted while the current one is written.
 */
export async function ingestPaths(
  graph: GraphConnection,
  paths: string[],
  options: IngestOptions = {},
): Promise<FileOutcome[]> {
  const { files, outcomes, done } = await startRun(paths, options);
  if (files.length === 0) return outcomes;
  await ensureRegistry(graph);
  const limits = {
    files: Math.max(1, options.batchFiles ?? DEFAULT_BATCH_FILES),
    rows: Math.max(1, options.batchRows ?? DEFAULT_BATCH_ROWS),
  };
  // One batch is written while the next is prepared; writeFiles never rejects.
  let writing: Promise<void> = Promise.resolve();
  const prepared = prepareBatches(graph, files, options.force === true, limits, done, options.signal);
  for await (const batch of prepared) {
    await writing;
    writing = writeFiles(graph, batch, done);
  }
  await writing;
  return outcomes;
}

interface Prepared {
  path: string;
  rows: IngestRows;
}

interface StoredState {
  sha256: string;
  version: string;
}

/**
 * Reads and extracts files in order and groups them into batches of at most `limits.files` files,
 * closed early once they hold `limits.rows` rows. Files that are unchanged or cannot be read or
 * extracted are reported at once through `done` and never reach a batch. The stored checksums are
 * read once per `limits.files` files.
 */
async function* prepareBatches(
  graph: GraphConnection,
  files: string[],
  force: boolean,
  limits: { files: number; rows: number },
  done: (outcome: FileOutcome) => void,
  signal: AbortSignal | undefined,
): AsyncGenerator<Prepared[]> {
  let batch: Prepared[] = [];
  let rows = 0;
  for (let i = 0; i < files.length && !signal?.aborted; i += limits.files) {
    const chunk = files.slice(i, i + limits.files);
    const stored = force ? new Map<string, StoredState>() : await storedStates(graph, chunk);
    for (const path of chunk) {
      if (signal?.aborted) break;
      const prepared = await prepare(path, stored.get(sourceKey(path)));
      if (!("rows" in prepared)) {
        done(prepared);
        continue;
      }
      batch.push(prepared);
      rows += rowCount(prepared.rows);
      if (batch.length >= limits.files || rows >= limits.rows) {
        yield batch;
        batch = [];
        rows = 0;
      }
    }
  }
  if (batch.length) yield batch;
}

/** A file ready to write, or its outcome when it is unchanged or cannot be read or extracted. */
async function prepare(path: string, stored: StoredState | undefined): Promise<Prepared | FileOutcome> {
  try {
    if (stored && stored.version === EXTRACTOR_VERSION) {
      // A file that cannot be read is not "unchanged": reading it again reports why.
      if ((await fileChecksum(path).catch(() => null)) === stored.sha256)
        return { path, status: "unchanged", warnings: [] };
    }
    return { path, rows: (await prepareFile(path)).rows };
  } catch (error) {
    return failed(path, error);
  }
}

/**
 * Writes a batch in one transaction; when it fails (after the driver's own retries of transient
 * errors such as deadlocks), each file again in a transaction of its own, so that only the file
 * that cannot be written fails and nothing of it is left behind.
 */
async function writeFiles(
  graph: GraphConnection,
  batch: Prepared[],
  done: (outcome: FileOutcome) => void,
): Promise<void> {
  const ingested = ({ path, rows }: Prepared): FileOutcome => ({
    path,
    status: "ingested",
    counts: rows.counts,
    warnings: rows.warnings,
  });
  try {
    await graph.write((tx) =>
      writeBatch(
        tx,
        batch.map((p) => p.rows),
      ),
    );
    for (const p of batch) done(ingested(p));
    return;
  } catch (error) {
    if (batch.length === 1) {
      done(failed((batch[0] as Prepared).path, error));
      return;
    }
  }
  for (const p of batch) {
    try {
      await graph.write((tx) => writeBatch(tx, [p.rows]));
      done(ingested(p));
    } catch (error) {
      done(failed(p.path, error));
    }
  }
}

/** The rows a file sends to Neo4j (nodes, mentions, relationships), to bound a batch's size. */
export function rowCount(rows: IngestRows): number {
  let n = rows.documents.length + rows.organisations.length + rows.relations.length + rows.issuers.length;
  for (const t of rows.tasks)
    n +=
      3 + t.assignedBy.length + t.implements.length + t.results.length + t.lead.length + t.cooperating.length;
  for (const a of rows.actions) n += 2 + a.servesTasks.length + a.servesDocuments.length;
  return n + 2 * (rows.targets.length + rows.statistics.length + rows.findings.length);
}

/** Checksum and extractor version of the files already in the graph, by Source key, in one read. */
async function storedStates(graph: GraphConnection, paths: string[]): Promise<Map<string, StoredState>> {
  return graph.read(async (tx) => {
    const result = await tx.run(cypher("ingest-source-state"), { keys: paths.map(sourceKey) });
    return new Map(
      result.records.map((r) => [
        r.get("key") as string,
        { sha256: r.get("sha256") as string, version: r.get("extractorVersion") as string },
      ]),
    );
  });
}

/**
 * Named files are always attempted (so a wrong file gets its message); inside a directory only
 * document extensions are picked up, hidden entries skipped, in a stable (sorted) order.
 */
async function expandPaths(paths: string[]): Promise<{ files: string[]; failures: FileOutcome[] }> {
  const files: string[] = [];
  const failures: FileOutcome[] = [];
  const walk = async (dir: string) => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      failures.push(failed(dir, error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if ((DOCUMENT_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase())) {
        files.push(full);
      }
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) await walk(path);
    else files.push(path); // a missing or unreadable file is reported when it is read
  }
  // One entry per Source key: two spellings of one file must not meet in one batch.
  const unique = new Map<string, string>();
  for (const file of files) if (!unique.has(sourceKey(file))) unique.set(sourceKey(file), file);
  return { files: [...unique.values()], failures };
}

/** A file's failed outcome, its message naming the file (and the position, where known). */
export function failed(path: string, error: unknown): FileOutcome {
  return { path, status: "failed", error: describeFailure(path, error), warnings: [] };
}

function describeFailure(path: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : "";
  // Readers and the contract check already name the file; database and extractor errors do not.
  if (name === "DocumentReadError" || name === "ExtractionContractError") return message;
  if (name === "Neo4jError") return `${path}: could not be written to Neo4j (${message})`;
  return `${path}: ${message}`;
}
