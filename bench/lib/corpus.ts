// The generated corpus a benchmark runs on, under bench/out/, generated once per (options) and reused
// by later runs and by other parts (bench:api reads the graph bench:ingest built from it).
import fs from "node:fs";
import path from "node:path";
import type { GenerateOptions } from "../../src/generate/index.ts";
import type { TruthRecord } from "../../src/generate/truth.ts";
import {
  GENERATOR_VERSION,
  MANIFEST_FILE,
  type Manifest,
  readTruth,
  writeCorpus,
} from "../../src/generate/write.ts";
import { benchOut } from "./neo4j.ts";

export interface BenchCorpus {
  dir: string;
  manifest: Manifest;
  generatedNow: boolean;
}

export function corpusDir(options: GenerateOptions): string {
  const name = `corpus-p${options.provinces}-y${options.years}-s${options.seed}${options.small ? "-small" : ""}`;
  return path.join(benchOut, name);
}

export function ensureCorpus(options: GenerateOptions): BenchCorpus {
  const dir = corpusDir(options);
  const manifestFile = path.join(dir, MANIFEST_FILE);
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
    if (manifest.version === GENERATOR_VERSION) return { dir, manifest, generatedNow: false };
  }
  // No manifest (an interrupted generation of ours) or an older generator's corpus: start again.
  fs.rmSync(dir, { recursive: true, force: true });
  const manifest = writeCorpus(options, dir);
  return { dir, manifest, generatedNow: true };
}

/**
 * Streams the ground truth once: every file path in corpus order (national documents first, then each
 * province-year) and the records of `sample` files spread evenly over the corpus. Only the sample is
 * kept in memory — the truth of a default corpus is far larger than the paths.
 */
export async function readCorpus(
  dir: string,
  total: number,
  sample: number,
): Promise<{ files: string[]; sampled: TruthRecord[] }> {
  const stride = Math.max(1, total / Math.max(1, sample));
  const files: string[] = [];
  const sampled: TruthRecord[] = [];
  let next = 0;
  for await (const record of readTruth(dir)) {
    if (files.length === Math.floor(next) && sampled.length < sample) {
      sampled.push(record);
      next += stride;
    }
    files.push(path.join(dir, record.file));
  }
  return { files, sampled };
}
