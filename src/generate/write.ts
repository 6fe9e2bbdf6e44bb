// Writes a generated corpus to disk: the documents, ground-truth.jsonl (one TruthRecord per line, in
// file order) and manifest.json (options, counts, deviations). Streams: memory stays that of one
// province-year however large the corpus.
import fs from "node:fs";
import path from "node:path";
import { type GenerateOptions, generateCorpus } from "./corpus.ts";

export interface Manifest {
  generator: "chidao-generate";
  version: number;
  options: GenerateOptions;
  documents: number;
  /** Tasks assigned by plans and programmes (report rows observing them are not counted again). */
  tasks: number;
  statusObservations: number;
  citations: number;
  relations: number;
  bytes: number;
  deviations: Record<string, number>;
  seconds: number;
}

export const TRUTH_FILE = "ground-truth.jsonl";
/** Bumped whenever the same options would produce different files, so saved corpora are regenerated. */
export const GENERATOR_VERSION = 2;
export const MANIFEST_FILE = "manifest.json";

export function writeCorpus(
  options: GenerateOptions,
  outDir: string,
  onProgress?: (docs: number) => void,
): Manifest {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0)
    throw new Error(`${outDir}: directory is not empty; choose a new or empty output directory`);
  const started = performance.now();
  fs.mkdirSync(outDir, { recursive: true });
  const truth = fs.openSync(path.join(outDir, TRUTH_FILE), "w");
  const made = new Set<string>();
  const manifest: Manifest = {
    generator: "chidao-generate",
    version: GENERATOR_VERSION,
    options,
    documents: 0,
    tasks: 0,
    statusObservations: 0,
    citations: 0,
    relations: 0,
    bytes: 0,
    deviations: {},
    seconds: 0,
  };
  try {
    for (const file of generateCorpus(options)) {
      const target = path.join(outDir, file.path);
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      fs.writeFileSync(target, file.text);
      fs.writeSync(truth, `${JSON.stringify(file.truth)}\n`);
      manifest.documents++;
      manifest.bytes += Buffer.byteLength(file.text);
      manifest.citations += file.truth.citations.length;
      manifest.relations += file.truth.relations.length;
      for (const t of file.truth.tasks) {
        if (t.status) manifest.statusObservations++;
        else manifest.tasks++;
      }
      for (const [k, v] of Object.entries(file.truth.deviations))
        manifest.deviations[k] = (manifest.deviations[k] ?? 0) + v;
      if (onProgress && manifest.documents % 1000 === 0) onProgress(manifest.documents);
    }
  } finally {
    fs.closeSync(truth);
  }
  manifest.seconds = Math.round((performance.now() - started) / 100) / 10;
  fs.writeFileSync(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads ground-truth.jsonl line by line without loading the whole file. */
export async function* readTruth(outDir: string): AsyncGenerator<import("./truth.ts").TruthRecord> {
  const { createInterface } = await import("node:readline");
  const lines = createInterface({
    input: fs.createReadStream(path.join(outDir, TRUTH_FILE)),
    crlfDelay: Infinity,
  });
  for await (const line of lines) if (line) yield JSON.parse(line);
}
