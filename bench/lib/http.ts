// HTTP side of the API benchmark: child servers started and stopped by the benchmark, GraphQL POSTs
// over loopback, and a closed-loop load generator with a bounded request count and time.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../../src/graph/config.ts";

export interface Child {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts `node --import tsx <script>` with `env`, waits for its "LISTENING <url>" line (bounded by `timeoutMs`). */
export function startChild(script: string, env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<Child> {
  // node --import tsx, not the tsx wrapper: the child's pid must be the server itself, for its RSS
  // and its signals (the wrapper is a separate process of its own).
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, script)], {
    cwd: repoRoot,
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr = (stderr + String(d)).slice(-4000);
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not start within ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    let out = "";
    child.stdout?.on("data", (d) => {
      out += String(d);
      const m = /LISTENING (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], pid: child.pid as number, stop });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before listening: ${stderr}`));
    });
  });
}

export interface GraphQLResponse {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphQLResponse> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse;
}

export interface LoadResult {
  latencies: number[];
  errors: number;
  firstError: string;
  seconds: number;
}

/**
 * `clients` concurrent closed-loop clients issue `request(i)` until `total` requests are done or
 * `maxMs` has passed; each request's latency is recorded.
 */
export async function load(
  clients: number,
  total: number,
  maxMs: number,
  request: (i: number) => Promise<GraphQLResponse>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError = "";
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total && performance.now() - started < maxMs) {
      const i = next++;
      const t0 = performance.now();
      try {
        const r = await request(i);
        latencies.push(performance.now() - t0);
        if (r.errors?.length) {
          errors++;
          firstError ||= r.errors[0]?.message ?? "error";
        }
      } catch (error) {
        errors++;
        firstError ||= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  return { latencies, errors, firstError, seconds: (performance.now() - started) / 1000 };
}
