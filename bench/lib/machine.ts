// What a benchmark number was measured on: docs/benchmarks.md requires machine, date, versions and
// the exact command next to every result.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../../src/graph/config.ts";

export interface Machine {
  date: string;
  nproc: number;
  /** CPUs this process may run on: fewer than `nproc` under `taskset -c 0` (a one-core measure). */
  allowedCpus: number;
  cpu: string;
  memoryGiB: number;
  os: string;
  node: string;
  commit: string;
  /** 1, 5 and 15 minute load averages when the results were written: a shared machine skews timings. */
  loadAverage: number[];
  versions: Record<string, string>;
}

function packageVersion(name: string): string {
  try {
    const file = path.join(repoRoot, "node_modules", name, "package.json");
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return "absent";
  }
}

export function machine(extra: Record<string, string> = {}): Machine {
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: repoRoot,
      encoding: "utf8",
    }).trim();
  } catch {
    // not a git checkout: the date still identifies the run
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    nproc: os.cpus().length,
    allowedCpus: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    commit,
    loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
    versions: {
      "neo4j-driver": packageVersion("neo4j-driver"),
      graphql: packageVersion("graphql"),
      "@apollo/server": packageVersion("@apollo/server"),
      "@neo4j/graphql": packageVersion("@neo4j/graphql"),
      ...extra,
    },
  };
}

/** The machine as Markdown lines for a results section. */
export function machineMarkdown(m: Machine): string {
  const versions = Object.entries(m.versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return [
    `- Date: ${m.date} (commit ${m.commit})`,
    `- Machine: ${m.nproc} cores${m.allowedCpus < m.nproc ? `, this process pinned to ${m.allowedCpus} (taskset)` : ""}, ${m.cpu}, ${m.memoryGiB} GiB RAM, ${m.os}; load average ${m.loadAverage.join(" / ")} (1/5/15 min) at the end of the run`,
    `- Versions: Node ${m.node}, ${versions}`,
  ].join("\n");
}
