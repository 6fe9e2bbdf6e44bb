// A worker thread of the offline first load (pool.ts): reads and extracts the files it is sent and
// posts back each one's contribution, or its failed outcome. Extraction is pure CPU, so the files
// of a load are spread over the cores this way; an error's class name does not survive a post, so
// the outcome (whose message depends on it) is made here.
import { parentPort } from "node:worker_threads";
import { failed, prepareFile } from "../ingest.ts";
import { contributionOf } from "./contribution.ts";
import type { Job, JobResult } from "./pool.ts";

const port = parentPort;
if (!port) throw new Error("src/graph/bulk/worker.ts runs as a worker thread (see pool.ts)");

port.on("message", async ({ index, path }: Job) => {
  let result: JobResult;
  try {
    const { rows } = await prepareFile(path);
    result = {
      index,
      outcome: { path, status: "ingested", counts: rows.counts, warnings: rows.warnings },
      contribution: contributionOf(rows),
    };
  } catch (error) {
    result = { index, outcome: failed(path, error) };
  }
  port.postMessage(result);
});
