// Starts the embedded Neo4j (launcher/) when no NEO4J_URI is configured, and makes sure whatever
// this process started also stops: on close(), on SIGINT/SIGTERM, on normal exit — and, because the
// launcher exits when its stdin closes, even when this process is killed with SIGKILL.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { GraphConfig } from "./config.ts";
import { repoRoot } from "./config.ts";

export interface EmbeddedNeo4j {
  /** bolt:// URI of the server, whether this process started it or found it running. */
  readonly uri: string;
  /** True when this process started the launcher (and so must stop it). */
  readonly started: boolean;
  /** Neo4j version from the readiness line; undefined when an existing server was reused. */
  readonly version: string | undefined;
  /** Stops the launcher if this process started it; safe to call more than once. */
  stop(): Promise<void>;
}

/** A start failure whose message is one line telling the user what to install or change. */
export class EmbeddedNeo4jError extends Error {
  override name = "EmbeddedNeo4jError";
}

const launcherDir = path.join(repoRoot, "launcher");
const targetDir = path.join(launcherDir, "target");
const classesDir = path.join(targetDir, "classes");
const classpathFile = path.join(targetDir, "classpath.txt");
const launcherClass = path.join(classesDir, "chidao", "launcher", "Launcher.class");
const launcherSource = path.join(launcherDir, "src", "main", "java", "chidao", "launcher", "Launcher.java");
const pomFile = path.join(launcherDir, "pom.xml");
const jvmOptionsFile = path.join(launcherDir, "jvm.options");
/** The same command as `npm run neo4j:prepare`. */
export const prepareCommand = ["mvn", "-q", "-B", "-Dstyle.color=never", "-f", pomFile, "compile"] as const;

const readyPrefix = "CHIDAO_NEO4J_READY ";
const stopTimeoutMs = 60_000;

/**
 * Returns a running Neo4j on 127.0.0.1:config.port: the one already answering Bolt there, or a
 * launcher started now (compiling it first if launcher/target is missing or stale).
 */
export async function startEmbedded(config: GraphConfig): Promise<EmbeddedNeo4j> {
  const uri = `bolt://127.0.0.1:${config.port}`;
  const probe = await probeBolt(config.port);
  if (probe === "bolt") return reused(uri);
  if (probe === "other") throw portHeldError(config.port);

  const java = checkJava();
  await ensurePrepared();
  ensureWritable(config.dataDir);

  try {
    return await launch(java, config, uri);
  } catch (error) {
    // Another process may have won a race for the same port and data directory: use its server.
    if ((await probeBolt(config.port)) === "bolt") return reused(uri);
    throw error;
  }
}

function reused(uri: string): EmbeddedNeo4j {
  return { uri, started: false, version: undefined, stop: async () => {} };
}

function portHeldError(port: number): EmbeddedNeo4jError {
  return new EmbeddedNeo4jError(
    `Port 127.0.0.1:${port} is held by something that is not Neo4j: stop it, or set CHIDAO_NEO4J_PORT to a free port.`,
  );
}

/**
 * Bolt handshake: a Neo4j answers the magic preamble with the 4-byte version it picked; anything
 * else (an HTTP server, a database of another kind) answers differently or not at all.
 */
export function probeBolt(port: number, timeoutMs = 2_000): Promise<"bolt" | "other" | "closed"> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    let reply = Buffer.alloc(0);
    let connected = false;
    const done = (result: "bolt" | "other" | "closed") => {
      socket.destroy();
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => done(connected ? "other" : "closed"), timeoutMs);
    socket.on("connect", () => {
      connected = true;
      // Magic, then four proposals: 5.0–5.8 (range), 4.4, 4.3, 3.0.
      socket.write(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 8, 8, 5, 0, 0, 4, 4, 0, 0, 3, 4, 0, 0, 0, 3]));
    });
    socket.on("data", (chunk) => {
      reply = Buffer.concat([reply, chunk]);
      if (reply.length >= 4)
        done(reply[0] === 0 && (reply[3] ?? 0) >= 3 && (reply[3] ?? 0) <= 6 ? "bolt" : "other");
    });
    socket.on("error", () => done(connected ? "other" : "closed"));
    socket.on("close", () => done(connected ? "other" : "closed"));
  });
}

function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, "bin", "java") : "java";
}

function checkJava(): string {
  const java = javaExecutable();
  const result = spawnSync(java, ["-version"], { encoding: "utf8" });
  if (result.error) {
    throw new EmbeddedNeo4jError(
      `Java not found (${java}): install JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME — or set NEO4J_URI to use a running Neo4j.`,
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? (match[1] === "1" ? Number(match[2]) : Number(match[1])) : 0;
  if (major < 17) {
    throw new EmbeddedNeo4jError(
      `Java 17 or newer is needed for the embedded Neo4j 5.26, found ${match ? match[0].replace("version ", "") : "an unknown version"} at ${java}: install JDK 17+ or point JAVA_HOME at one.`,
    );
  }
  return java;
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return Number.NaN;
  }
}

function launcherIsFresh(): boolean {
  const built = mtime(classpathFile);
  const compiled = mtime(launcherClass);
  // NaN compares false, so a missing file counts as stale.
  if (!(built >= mtime(pomFile) && compiled >= mtime(launcherSource))) return false;
  // A cleaned Maven cache leaves a classpath pointing at nothing.
  return readClasspath().every((entry) => fs.existsSync(entry));
}

function readClasspath(): string[] {
  return fs.readFileSync(classpathFile, "utf8").trim().split(path.delimiter).filter(Boolean);
}

/** Compiles the launcher and resolves its classpath once; later starts need neither Maven nor network. */
export async function ensurePrepared(): Promise<void> {
  if (launcherIsFresh()) return;
  fs.mkdirSync(targetDir, { recursive: true });
  await withLock(path.join(targetDir, ".prepare.lock"), async () => {
    if (launcherIsFresh()) return;
    const [mvn, ...args] = prepareCommand;
    const result = spawnSync(mvn, args, { encoding: "utf8", cwd: repoRoot });
    if (result.error) {
      throw new EmbeddedNeo4jError(
        "Maven not found: install Maven 3.8+ (e.g. apt-get install maven), needed once to fetch Neo4j into launcher/target — or set NEO4J_URI to use a running Neo4j.",
      );
    }
    if (result.status !== 0) {
      // Maven prints its errors on stdout, with the useful line first.
      const output = `${result.stdout}\n${result.stderr}`;
      const firstError = output.split("\n").find((line) => line.startsWith("[ERROR]"));
      const tail = firstError?.trim() ?? lastLines(output, 1);
      throw new EmbeddedNeo4jError(
        `Maven could not build the Neo4j launcher (${prepareCommand.join(" ")} exited ${result.status}): ${tail} — check access to Maven Central.`,
      );
    }
  });
}

/** Cross-process mutual exclusion by mkdir, so parallel first starts do not run Maven twice. */
async function withLock(lockDir: string, work: () => Promise<void>): Promise<void> {
  const staleMs = 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() - mtime(lockDir) > staleMs) fs.rmSync(lockDir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function ensureWritable(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new EmbeddedNeo4jError(
      `Data directory ${dataDir} is not writable (${code}): fix its permissions or set CHIDAO_NEO4J_DATA to a writable directory.`,
    );
  }
}

function lastLines(text: string, count: number): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .join(" | ");
}

function launch(java: string, config: GraphConfig, uri: string): Promise<EmbeddedNeo4j> {
  const classpath = [classesDir, ...readClasspath()].join(path.delimiter);
  const args = [
    `@${jvmOptionsFile}`,
    "-Xms64m",
    `-Xmx${config.heap}`,
    "-XX:+ExitOnOutOfMemoryError",
    "-cp",
    classpath,
    "chidao.launcher.Launcher",
    ...["--port", String(config.port), "--data", config.dataDir],
    ...["--pagecache", config.pageCache, "--tx-memory", config.txMemory],
  ];
  // stdin stays an open pipe that we never write: the launcher exits when it closes.
  const child = spawn(java, args, { cwd: repoRoot, stdio: ["pipe", "pipe", "pipe"] });
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    output.push(...chunk.toString("utf8").split("\n"));
    output.splice(0, Math.max(0, output.length - 50));
  };
  child.stderr?.on("data", remember);

  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const logHint = path.join(config.dataDir, "logs", "debug.log");

  return new Promise((resolve, reject) => {
    let buffered = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // Reject only once the half-started JVM is gone, so a failed start leaves nothing running.
      void stopChild(child, exited).then(() =>
        reject(
          new EmbeddedNeo4jError(
            `Neo4j did not become ready on ${uri} within ${config.readyTimeoutMs / 1000}s: see ${logHint}, or raise CHIDAO_NEO4J_READY_TIMEOUT_MS on a slow machine.`,
          ),
        ),
      );
    }, config.readyTimeoutMs);

    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(`Could not run ${java}: ${error.message}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      if (!timedOut) reject(startFailure(config, code, output.join("\n"), logHint));
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const line = buffered.split("\n").find((l) => l.startsWith(readyPrefix));
      if (!line) return;
      clearTimeout(timer);
      const version = line.trim().split(" ")[2];
      resolve(adopt(child, exited, uri, version, logHint));
    });
  });
}

function startFailure(config: GraphConfig, code: number | null, output: string, logHint: string): Error {
  if (/Address already in use|BindException/i.test(output)) return portHeldError(config.port);
  if (/locked by another process|FileLockException|StoreLockException/i.test(output)) {
    return new EmbeddedNeo4jError(
      `Data directory ${config.dataDir} is in use by another Neo4j process: stop it, or set CHIDAO_NEO4J_DATA to another directory.`,
    );
  }
  if (/AccessDeniedException|Permission denied|Read-only file system/i.test(output)) {
    return new EmbeddedNeo4jError(
      `Data directory ${config.dataDir} is not writable: fix its permissions or set CHIDAO_NEO4J_DATA to a writable directory.`,
    );
  }
  const detail = lastLines(output, 1) || "no output";
  return new EmbeddedNeo4jError(`Neo4j exited during start (code ${code}): ${detail} — see ${logHint}.`);
}

/** Ties the started launcher's lifetime to this process. */
function adopt(
  child: ChildProcess,
  exited: Promise<number | null>,
  uri: string,
  version: string | undefined,
  logHint: string,
): EmbeddedNeo4j {
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopChild(child, exited).finally(() => {
      process.off("exit", onExit);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    });
    return stopping;
  };
  // Last resort on exit: no waiting is possible here, but Neo4j shuts down cleanly on SIGTERM.
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };
  // Stop the launcher on a signal; exit only if nobody else (e.g. the serve command) is handling it.
  const onSignal = (signal: NodeJS.Signals) => {
    const othersHandleIt = process.listenerCount(signal) > 1;
    void stop().then(() => {
      if (!othersHandleIt) process.exit(signal === "SIGINT" ? 130 : 143);
    });
  };
  process.on("exit", onExit);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  void exited.then((code) => {
    if (!stopping)
      process.stderr.write(`chidao: embedded Neo4j exited unexpectedly (code ${code}); see ${logHint}\n`);
  });
  // Neither the child nor its pipes keep this process alive: a command that forgets to close still
  // exits, and the exit hook / closed stdin then stop Neo4j.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr])
    (stream as unknown as net.Socket | null)?.unref();

  return { uri, started: true, version, stop };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  // The timer keeps the event loop alive while we wait for the unref'd child.
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), stopTimeoutMs);
  });
  const outcome = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (outcome === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
}

/** What `neo4j-admin database import full` is given: node files by label, relationship files. */
export interface ImportFiles {
  nodes: { label: string; file: string }[];
  relationships: string[];
  /** Importer options beyond the files, e.g. `--multiline-fields=true`. */
  options: string[];
}

/**
 * Writes a new database into the embedded data directory from CSV files with Neo4j's offline
 * importer (the `neo4j-admin database import full` the launcher's classpath already carries), which
 * writes the store files directly instead of running transactions: the way to a first load of tens
 * of thousands of documents. Refuses when a Neo4j answers on the configured port or the database
 * already exists, because the importer cannot add to a store. The importer's output goes to
 * `logFile` and its report of bad entries to `import.report` beside it; on failure the message
 * quotes its errors and the store it left is removed.
 */
export async function importDatabase(
  config: GraphConfig,
  files: ImportFiles,
  logFile: string,
): Promise<void> {
  await checkImportable(config);
  const java = checkJava();
  await ensurePrepared();
  ensureWritable(config.dataDir);
  const args = [
    "-XX:+ExitOnOutOfMemoryError",
    "-cp",
    readClasspath().join(path.delimiter),
    "org.neo4j.cli.AdminTool",
    ...["database", "import", "full", config.database],
    ...files.nodes.map((n) => `--nodes=${n.label}=${n.file}`),
    ...files.relationships.map((r) => `--relationships=${r}`),
    // Its report of bad entries beside the log, not in the working directory.
    `--report-file=${path.join(path.dirname(logFile), "import.report")}`,
    ...files.options,
  ];
  const log = fs.openSync(logFile, "w");
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(java, args, {
        cwd: repoRoot,
        env: { ...process.env, NEO4J_HOME: config.dataDir },
        stdio: ["ignore", log, log],
      });
      child.once("error", reject);
      child.once("exit", resolve);
    });
    if (code !== 0) {
      // The importer ends with a hint to rerun verbosely; its "Error …" lines say what went wrong.
      const output = fs.readFileSync(logFile, "utf8");
      const errors = output.split("\n").filter((line) => line.startsWith("Error"));
      const detail = errors.join("; ") || lastLines(output, 1) || "no output";
      throw new EmbeddedNeo4jError(
        `The offline import exited with code ${code}: ${detail} — see ${logFile}.`,
      );
    }
  } catch (error) {
    // The database did not exist before (checkImportable): what a failed import wrote is removed, so
    // nothing half-written is ever started and the load can simply be run again.
    for (const dir of [
      databaseDir(config),
      path.join(config.dataDir, "data", "transactions", config.database),
    ])
      fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    fs.closeSync(log);
  }
}

/**
 * Throws unless an offline import could write the configured database now: no Neo4j on the port
 * (the importer writes store files no server may hold) and no database there yet (it cannot add to
 * a store). Checked before a load spends minutes extracting, and again just before the import.
 */
export async function checkImportable(config: GraphConfig): Promise<void> {
  if (config.uri !== undefined)
    throw new EmbeddedNeo4jError(
      "NEO4J_URI is set: the offline import writes the embedded database's files. Against a server, run its own `neo4j-admin database import`, or use `chidao ingest`.",
    );
  if ((await probeBolt(config.port)) !== "closed")
    throw new EmbeddedNeo4jError(
      `A Neo4j answers on 127.0.0.1:${config.port}: stop it first — the offline import writes the store files while no server holds them.`,
    );
  if (fs.existsSync(databaseDir(config)))
    throw new EmbeddedNeo4jError(
      `The database ${databaseDir(config)} already exists: the offline import only writes a new database. Use \`chidao ingest\` to add files to it, or set CHIDAO_NEO4J_DATA to an empty directory.`,
    );
}

/** Where the embedded DBMS keeps a database's store files (its default layout under the data directory). */
function databaseDir(config: GraphConfig): string {
  return path.join(config.dataDir, "data", "databases", config.database);
}
