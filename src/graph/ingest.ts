// Ingest of document files into the graph: one managed write transaction per file, so a file is
// wholly in the graph or not at all (a crash or kill mid-file rolls back on the server), and one
// bad file never stops the others. A file whose bytes and extractor version are unchanged since it
// was last ingested is skipped by checksum.
import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { EXTRACTOR_VERSION, extract } from "../extract/index.ts";
import { DOCUMENT_EXTENSIONS, fileChecksum, type ReadDocument, readDocument } from "../formats/index.ts";
import type { GraphConnection } from "./connection.ts";
import { cypher } from "./queries/cypher.ts";
import { ensureRegistry } from "./registry.ts";
import { buildRows, type IngestRows } from "./rows.ts";
import { deleteSourceRows, writeRows } from "./writer.ts";

export type FileStatus = "ingested" | "unchanged" | "failed";

export interface FileOutcome {
  path: string;
  status: FileStatus;
  /** One line saying why the file failed (names the file and, where known, the position). */
  error?: string;
  counts?: IngestRows["counts"];
  warnings: string[];
}

export interface IngestOptions {
  /** Re-ingest files whose checksum is unchanged. */
  force?: boolean;
  /**
   * Files in flight at once (default 2): extraction is synchronous, so while one file's
   * transaction waits on Neo4j the next file is being read — each file is still its own transaction.
   */
  concurrency?: number;
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

export async function ingestFile(graph: GraphConnection, path: string, force = false): Promise<FileOutcome> {
  try {
    if (!force && (await isUnchanged(graph, path))) return { path, status: "unchanged", warnings: [] };
    const { rows } = await prepareFile(path);
    await graph.write((tx) => writeRows(tx, rows));
    return { path, status: "ingested", counts: rows.counts, warnings: rows.warnings };
  } catch (error) {
    return { path, status: "failed", error: describeFailure(path, error), warnings: [] };
  }
}

/**
 * Deletes the Source with this key (see sourceKey) and exactly what it contributed, in one write
 * transaction. Returns whether it existed. The file itself need not exist any more.
 */
export async function deleteSource(graph: GraphConnection, key: string): Promise<boolean> {
  return graph.write((tx) => deleteSourceRows(tx, key));
}

/** Ingests files and directories (walked recursively for document files), one transaction per file. */
export async function ingestPaths(
  graph: GraphConnection,
  paths: string[],
  options: IngestOptions = {},
): Promise<FileOutcome[]> {
  const { files, failures } = await expandPaths(paths);
  options.onStart?.(files);
  const outcomes: FileOutcome[] = [];
  const total = files.length + failures.length;
  for (const failure of failures) {
    outcomes.push(failure);
    options.onFile?.(failure, outcomes.length, total);
  }
  if (files.length) await ensureRegistry(graph);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      const outcome = await ingestFile(graph, file, options.force);
      outcomes.push(outcome);
      options.onFile?.(outcome, outcomes.length, total);
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? 2, files.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  return outcomes;
}

async function isUnchanged(graph: GraphConnection, path: string): Promise<boolean> {
  const stored = await graph.read(async (tx) => {
    const result = await tx.run(cypher("ingest-source-state"), { key: sourceKey(path) });
    const record = result.records[0];
    return record ? { sha256: record.get("sha256"), version: record.get("extractorVersion") } : null;
  });
  if (!stored || stored.version !== EXTRACTOR_VERSION) return false;
  // A file that cannot be read is not "unchanged": reading it again reports why.
  return (await fileChecksum(path).catch(() => null)) === stored.sha256;
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
      failures.push({ path: dir, status: "failed", error: describeFailure(dir, error), warnings: [] });
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
  return { files: [...new Set(files)], failures };
}

function describeFailure(path: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : "";
  // Readers and the contract check already name the file; database and extractor errors do not.
  if (name === "DocumentReadError" || name === "ExtractionContractError") return message;
  if (name === "Neo4jError") return `${path}: could not be written to Neo4j (${message})`;
  return `${path}: ${message}`;
}
