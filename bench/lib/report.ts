// Appends a benchmark result to docs/benchmarks.md. Each part owns the sections whose heading starts
// with its marker ("## ingest:", "## api:"); results are appended (history is kept, newest last) and
// nothing else in the file is touched. Set CHIDAO_BENCH_NO_DOCS=1 to print without writing.
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../../src/graph/config.ts";

export const benchmarksFile = path.join(repoRoot, "docs", "benchmarks.md");

/** The command line that produced this run, for the record. */
export function commandLine(part: string, args: readonly string[]): string {
  return ["npm run", `bench:${part}`, ...(args.length ? ["--", ...args] : [])].join(" ");
}

export function appendResults(heading: string, body: string): void {
  const section = `\n## ${heading}\n\n${body.trim()}\n`;
  process.stdout.write(section);
  if (process.env.CHIDAO_BENCH_NO_DOCS === "1") return;
  if (!fs.existsSync(benchmarksFile)) fs.writeFileSync(benchmarksFile, "# Benchmarks\n");
  fs.appendFileSync(benchmarksFile, section);
}
