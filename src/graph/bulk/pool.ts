// Reads and extracts files on worker threads (worker.ts) and hands back their results in file
// order: the fold that follows merges nodes the way one transaction would write the files in that
// order, so order is part of the result. Only a window of files ahead of the one awaited is sent
// out, which bounds the results held in memory when the consumer is slower than the workers. Each
// worker writes the relationships of its files to its own CSV files in `dir`
// (relationships-<thread>.csv, and .multiline.csv for lines with a line break), closed once every
// result has been handed back.
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { FileOutcome } from "../ingest.ts";
import type { FileContribution } from "./contribution.ts";

export interface Job {
  index: number;
  path: string;
}

export interface WorkerOptions {
  /** Where the worker writes its relationship files. */
  dir: string;
}

export type WorkerMessage = Job | { close: true };

export interface JobResult {
  index: number;
  outcome: FileOutcome;
  /** The file's nodes and issuers (its relationships are in the worker's files); absent when it failed. */
  contribution?: Omit<FileContribution, "relationships">;
  /** How many relationship lines the worker wrote for the file. */
  relationships?: number;
}

/** Jobs in flight per worker: one being extracted, one waiting, so a worker never idles on a post. */
const DEPTH = 2;
/** Results ahead of the awaited one that may wait in memory. */
const WINDOW = 64;

/**
 * The sources run through tsx in every thread. On Node 20 a worker's `--import` hooks are not yet
 * active when its entry module loads, so a worker starts from a script that registers tsx and then
 * imports worker.ts.
 */
const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(
  new URL("./worker.ts", import.meta.url).href,
)}); });`;

/** tsx's ESM API as its package exports it (require.resolve would give the CommonJS one). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("tsx/package.json");
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return new URL(
    (exports["./esm/api"] as { import: { default: string } }).import.default,
    pathToFileURL(manifest),
  ).href;
}

export async function* extractInWorkers(
  paths: readonly string[],
  dir: string,
  threads = availableParallelism(),
): AsyncGenerator<JobResult> {
  if (paths.length === 0) return;
  const count = Math.max(1, Math.min(threads, paths.length));
  const workers = Array.from(
    { length: count },
    () => new Worker(bootstrap, { eval: true, workerData: { dir } satisfies WorkerOptions }),
  );
  let closed = 0;
  const done = new Map<number, JobResult>();
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const sleep = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });
  let next = 0;
  let awaited = 0;
  const dispatch = () => {
    for (const worker of workers) {
      while ((load.get(worker) as number) < DEPTH && next < paths.length && next < awaited + WINDOW) {
        worker.postMessage({ index: next, path: paths[next] as string } satisfies WorkerMessage);
        load.set(worker, (load.get(worker) as number) + 1);
        next++;
      }
    }
  };
  for (const worker of workers) {
    worker.on("message", (result: JobResult | { closed: true }) => {
      if ("closed" in result) closed++;
      else {
        done.set(result.index, result);
        load.set(worker, (load.get(worker) as number) - 1);
      }
      notify();
    });
    // A worker that dies (out of memory, a bug outside prepareFile) ends the load: its jobs are lost.
    worker.on("error", (error) => {
      failure ??= error;
      notify();
    });
  }
  try {
    dispatch();
    while (awaited < paths.length) {
      const result = done.get(awaited);
      if (result) {
        done.delete(awaited);
        awaited++;
        dispatch();
        yield result;
        continue;
      }
      if (failure) throw failure;
      await sleep();
    }
    for (const worker of workers) worker.postMessage({ close: true } satisfies WorkerMessage);
    while (closed < workers.length) {
      if (failure) throw failure;
      await sleep();
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
