// Global setup of the `integration` project: one real Neo4j for the whole run. With NEO4J_URI set it
// uses that server and starts nothing (point it at a throwaway database: tests delete data);
// otherwise it starts the embedded launcher on a free port with a fresh temporary data directory and
// removes both afterwards. Test files reach the server through tests/helpers/graph.ts.
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { readGraphConfig } from "../../src/graph/config.ts";
import { startEmbedded } from "../../src/graph/embedded.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Bolt URI of the run's Neo4j. */
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const config = readGraphConfig();
  if (config.uri !== undefined) {
    project.provide("neo4jUri", config.uri);
    return undefined;
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "chidao-test-neo4j-"));
  const neo4j = await startEmbedded({ ...config, port: await freePort(), dataDir });
  project.provide("neo4jUri", neo4j.uri);
  return async () => {
    await neo4j.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
