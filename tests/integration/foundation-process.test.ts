// The foundation as a user meets it: `chidao serve` in a child process over real HTTP, signals that
// must not leave Java behind, NEO4J_URI that must not start anything, and one-line start errors.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readGraphConfig, repoRoot } from "../../src/graph/config.ts";
import { type EmbeddedNeo4j, EmbeddedNeo4jError, startEmbedded } from "../../src/graph/embedded.ts";
import { testGraphEnv } from "../helpers/graph.ts";
import { freePort } from "../setup/neo4j.global.ts";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "chidao-foundation-"));
const slow = 300_000;

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** Every process below `pid`, with its command name: how we see whether a Java was started. */
function descendants(pid: number): { pid: number; command: string }[] {
  const rows = execFileSync("ps", ["-e", "-o", "pid=,ppid=,comm="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .map(([p, pp, ...command]) => ({ pid: Number(p), ppid: Number(pp), command: command.join(" ") }));
  const found: { pid: number; command: string }[] = [];
  const parents = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (parents.has(row.ppid) && !parents.has(row.pid)) {
        parents.add(row.pid);
        found.push({ pid: row.pid, command: row.command });
        grew = true;
      }
    }
  }
  return found;
}

/** The environment minus the variables this vitest run set for its own workers. */
function withoutVitestEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Child {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Java processes seen below the child at any sampling moment. */
  javaSeen: Set<number>;
  stopSampling: () => void;
}

const started: ChildProcess[] = [];

afterEach(() => {
  // A failed test must not leave its child behind: kill its whole process group (node, npm, java).
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }
});

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  // Own process group, so afterEach can kill everything below it; signals in the tests go to the
  // child's pid only, as `kill <pid>` would.
  const child = spawn(command, args, {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  started.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const javaSeen = new Set<number>();
  const sampler = setInterval(() => {
    if (child.pid === undefined) return;
    for (const p of descendants(child.pid)) if (p.command === "java") javaSeen.add(p.pid);
  }, 250);
  void exited.then(() => clearInterval(sampler));
  return {
    process: child,
    output: () => output,
    exited,
    javaSeen,
    stopSampling: () => clearInterval(sampler),
  };
}

async function waitForOutput(child: Child, pattern: RegExp, timeoutMs = 240_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = child.output().match(pattern);
    if (match) return match;
    if (child.process.exitCode !== null) throw new Error(`child exited early:\n${child.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function health(baseUrl: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ health { neo4jVersion edition database migrations } }" }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data?: { health: Record<string, unknown> }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data?.health ?? {};
}

/**
 * `chidao serve` with its own HTTP port, Bolt port and data directory, so it shares nothing, and
 * without the seed ingest (tested by the ingest tests), so it is only the foundation being timed.
 */
async function serveEnv(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHIDAO_SEEDS: "",
    PORT: String(await freePort()),
    CHIDAO_NEO4J_PORT: String(await freePort()),
    CHIDAO_NEO4J_DATA: fs.mkdtempSync(path.join(scratch, "data-")),
    ...extra,
  };
  delete env.NEO4J_URI;
  return { ...env, ...extra };
}

describe("chidao serve with the embedded Neo4j", () => {
  for (const [how, signal] of [
    ["node bin/chidao.mjs serve", "SIGTERM"],
    ["npm start", "SIGINT"],
  ] as const) {
    it(
      `answers health over HTTP, and ${signal} to \`${how}\` leaves no Java process behind`,
      async () => {
        const env = await serveEnv();
        const child =
          how === "npm start"
            ? run("npm", ["start", "--silent"], env)
            : run(process.execPath, ["bin/chidao.mjs", "serve"], env);
        const [, baseUrl] = await waitForOutput(child, /GraphQL at (http:\/\/\S+)\/graphql/);

        const answer = await health(baseUrl as string);
        expect(answer.neo4jVersion).toMatch(/^5\.26\.\d+$/);
        expect(answer.edition).toBe("community");
        expect(answer.database).toBe("neo4j");
        expect(answer.migrations).toContain("001-migration-key.cypher");

        const java = descendants(child.process.pid as number).filter((p) => p.command === "java");
        expect(java).toHaveLength(1);
        child.process.kill(signal);
        expect(await child.exited).toBe(0);
        child.stopSampling();
        // The launcher was stopped (and waited for) before the process exited.
        for (const pid of child.javaSeen) expect(alive(pid), `java ${pid} still running`).toBe(false);
        expect(child.javaSeen.size).toBeGreaterThan(0);
      },
      slow,
    );
  }
});

describe("NEO4J_URI", () => {
  let external: EmbeddedNeo4j;

  beforeAll(async () => {
    // A second, separately started Neo4j plays the role of the user's own server.
    external = await startEmbedded({
      ...readGraphConfig({}),
      port: await freePort(),
      dataDir: fs.mkdtempSync(path.join(scratch, "external-")),
    });
  }, slow);

  afterAll(async () => {
    await external?.stop();
  });

  it(
    "serves from that server and starts nothing",
    async () => {
      const unusedData = path.join(scratch, "must-stay-empty");
      const child = run(
        process.execPath,
        ["bin/chidao.mjs", "serve"],
        await serveEnv({ NEO4J_URI: external.uri, CHIDAO_NEO4J_DATA: unusedData }),
      );
      const [, baseUrl] = await waitForOutput(child, /GraphQL at (http:\/\/\S+)\/graphql/);
      expect(child.output()).toContain(`Neo4j ${external.uri}`);
      const answer = await health(baseUrl as string);
      expect(answer.neo4jVersion).toBe(external.version);
      expect(answer.migrations).toContain("001-migration-key.cypher");

      child.process.kill("SIGTERM");
      expect(await child.exited).toBe(0);
      expect([...child.javaSeen]).toEqual([]);
      expect(fs.existsSync(unusedData)).toBe(false);
    },
    slow,
  );

  it(
    "runs the integration suite against it without starting a Neo4j",
    async () => {
      const child = run(
        process.execPath,
        [
          "node_modules/vitest/vitest.mjs",
          "run",
          "--project",
          "integration",
          "tests/integration/foundation-graph.test.ts",
        ],
        { ...withoutVitestEnv(), NEO4J_URI: external.uri, NO_COLOR: "1" },
      );
      const code = await child.exited;
      expect(code, child.output()).toBe(0);
      expect(child.output()).toMatch(/Tests\s+\S*\s*\d+ passed/);
      expect([...child.javaSeen]).toEqual([]);
    },
    slow,
  );
});

describe("start problems are one clear line", () => {
  const config = () => ({ ...readGraphConfig({}), dataDir: fs.mkdtempSync(path.join(scratch, "errors-")) });

  const runUri = new URL(testGraphEnv().NEO4J_URI as string);
  it.skipIf(runUri.hostname !== "127.0.0.1")("reuses a Neo4j already answering on the port", async () => {
    const port = Number(runUri.port);
    const found = await startEmbedded({ ...config(), port });
    expect(found.started).toBe(false);
    expect(found.uri).toBe(`bolt://127.0.0.1:${port}`);
  });

  it("names a port held by something that is not Neo4j", async () => {
    const squatter = net.createServer((socket) => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
    const port = await new Promise<number>((resolve) =>
      squatter.listen(0, "127.0.0.1", () => resolve((squatter.address() as net.AddressInfo).port)),
    );
    try {
      const attempt = startEmbedded({ ...config(), port });
      await expect(attempt).rejects.toBeInstanceOf(EmbeddedNeo4jError);
      await expect(attempt).rejects.toThrow(`Port 127.0.0.1:${port} is held by something that is not Neo4j`);
    } finally {
      squatter.close();
    }
  });

  it("names a data directory that cannot be written", async () => {
    const blocker = path.join(scratch, "a-file");
    fs.writeFileSync(blocker, "");
    const attempt = startEmbedded({
      ...config(),
      port: await freePort(),
      dataDir: path.join(blocker, "neo4j"),
    });
    await expect(attempt).rejects.toThrow(/^Data directory .*a-file\/neo4j is not writable \(ENOTDIR\)/);
  });

  it("says to install Java when there is none", async () => {
    const saved = process.env.JAVA_HOME;
    process.env.JAVA_HOME = path.join(scratch, "no-such-jdk");
    try {
      await expect(startEmbedded({ ...config(), port: await freePort() })).rejects.toThrow(
        /^Java not found .* install JDK 17 or newer/,
      );
    } finally {
      if (saved === undefined) delete process.env.JAVA_HOME;
      else process.env.JAVA_HOME = saved;
    }
  });

  it("says what to change when Neo4j never becomes ready", async () => {
    const attempt = startEmbedded({ ...config(), port: await freePort(), readyTimeoutMs: 1_000 });
    await expect(attempt).rejects.toThrow(
      /did not become ready .* within 1s: see .*debug\.log, or raise CHIDAO_NEO4J_READY_TIMEOUT_MS/,
    );
  });
});
