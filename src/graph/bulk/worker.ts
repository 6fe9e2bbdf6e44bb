// A worker thread of the offline first load (pool.ts): reads and extracts the files it is sent,
// writes each one's relationships to this thread's own CSV files (a file's relationships are its
// own, so they need not cross to the main thread: for the default corpus that is 5 GB of text the
// main thread would copy and write again), and posts back the rest of its contribution — the nodes,
// which must be folded in file order — or its failed outcome. An error's class name does not survive
// a post, so the outcome (whose message depends on it) is made here.
import { parentPort, threadId, workerData } from "node:worker_threads";
import { failed, prepareFile } from "../ingest.ts";
import { contributionOf } from "./contribution.ts";
import { RELATIONSHIP_HEADER } from "./csv.ts";
import type { JobResult, WorkerMessage, WorkerOptions } from "./pool.ts";
import { CsvTable } from "./table.ts";

const port = parentPort;
if (!port) throw new Error("src/graph/bulk/worker.ts runs as a worker thread (see pool.ts)");
const { dir } = workerData as WorkerOptions;
const relationships = new CsvTable(dir, `relationships-${threadId}`, RELATIONSHIP_HEADER);

port.on("message", async (message: WorkerMessage) => {
  if ("close" in message) {
    await relationships.close();
    port.postMessage({ closed: true });
    return;
  }
  const { index, path } = message;
  let result: JobResult;
  try {
    const { rows } = await prepareFile(path);
    const { relationships: lines, ...contribution } = contributionOf(rows);
    await relationships.add(lines);
    result = {
      index,
      outcome: { path, status: "ingested", counts: rows.counts, warnings: rows.warnings },
      contribution,
      relationships: lines.length,
    };
  } catch (error) {
    result = { index, outcome: failed(path, error) };
  }
  port.postMessage(result);
});
