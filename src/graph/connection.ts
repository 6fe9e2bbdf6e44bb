// The process's one connection to Neo4j (neo4j-driver guidance: one driver per process). Writes go
// through managed transactions, which the driver retries on transient failures and routes on a
// cluster; reads run each statement as its own auto-commit transaction (see `read`).
//
// Integers come back as neo4j-driver `Integer` objects (the driver default): convert with
// `neo4j.integer.toNumber(x)` or `x.toNumber()`, or return `toFloat(...)`/`toString(...)` from Cypher.
import neo4j, { type Driver, type ManagedTransaction, type SessionConfig } from "neo4j-driver";
import { type Env, readGraphConfig } from "./config.ts";
import { type EmbeddedNeo4j, startEmbedded } from "./embedded.ts";
import { applyMigrations, defaultMigrationsDir } from "./migrations.ts";

/** What statements run on: a transaction, or a read's session (`read`); tests wrap `run` to count round trips. */
export type QueryRunner = Pick<ManagedTransaction, "run">;

export interface TxOptions {
  /** Per-transaction timeout in milliseconds, enforced by the server. */
  timeoutMs?: number;
}

export interface GraphConnection {
  readonly driver: Driver;
  readonly database: string;
  /** The Bolt/Neo4j URI in use (the embedded one or NEO4J_URI). */
  readonly uri: string;
  /**
   * A read: `work`'s statements run one after another in one session, each its own auto-commit
   * transaction, routed to readers on a cluster and chained by the session's bookmarks; `work` is run
   * again on a transient failure, as the driver does for a managed transaction.
   */
  read<T>(work: (tx: QueryRunner) => Promise<T>, options?: TxOptions): Promise<T>;
  /** Managed write transaction, retried by the driver on transient errors. */
  write<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: TxOptions): Promise<T>;
  /** Closes the driver and stops the embedded Neo4j if this process started it. */
  close(): Promise<void>;
}

export interface OpenGraphOptions {
  /** Environment to read NEO4J_* / CHIDAO_NEO4J_* from; defaults to process.env. */
  env?: Env;
  /** Migration directory to apply before returning; defaults to cypher/migrations. */
  migrationsDir?: string;
}

/** The configured server cannot be reached or refuses our credentials; the message is one line. */
export class GraphUnavailableError extends Error {
  override name = "GraphUnavailableError";
}

let current: Promise<GraphConnection> | undefined;

/**
 * Opens the process's connection: with NEO4J_URI set, to that server; otherwise starts (or reuses)
 * the embedded Neo4j launcher. Applies migrations before returning. Later calls return the same
 * connection until it is closed.
 */
export function openGraph(options: OpenGraphOptions = {}): Promise<GraphConnection> {
  current ??= connect(options).catch((error: unknown) => {
    current = undefined;
    throw error;
  });
  return current;
}

async function connect(options: OpenGraphOptions): Promise<GraphConnection> {
  const config = readGraphConfig(options.env);
  let embedded: EmbeddedNeo4j | undefined;
  let uri = config.uri;
  if (uri === undefined) {
    embedded = await startEmbedded(config);
    uri = embedded.uri;
  }
  // The embedded launcher runs without authentication; a password means a real server's account.
  const auth = config.password ? neo4j.auth.basic(config.user, config.password) : undefined;
  const driver = neo4j.driver(uri, auth, { userAgent: "chidao/0.1" });
  const graph = createConnection(driver, config.database, uri, async () => {
    await driver.close();
    await embedded?.stop();
  });
  try {
    try {
      await driver.verifyConnectivity({ database: config.database });
    } catch (error) {
      const reason = (error as Error).message.split("\n")[0];
      throw new GraphUnavailableError(
        `Cannot use Neo4j at ${uri} (database ${config.database}): ${reason} — check NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE.`,
      );
    }
    await applyMigrations(graph, options.migrationsDir ?? defaultMigrationsDir);
  } catch (error) {
    await graph.close();
    throw error;
  }
  return graph;
}

function createConnection(
  driver: Driver,
  database: string,
  uri: string,
  shutdown: () => Promise<void>,
): GraphConnection {
  // Sharing the driver's bookmark manager makes a read see this process's earlier writes on a cluster.
  const sessionConfig = (mode: SessionConfig["defaultAccessMode"]): SessionConfig => ({
    database,
    defaultAccessMode: mode,
    bookmarkManager: driver.executeQueryBookmarkManager,
  });
  const txConfig = (options?: TxOptions) =>
    options?.timeoutMs === undefined ? undefined : { timeout: options.timeoutMs };
  let closing: Promise<void> | undefined;
  return {
    driver,
    database,
    uri,
    // Not executeRead: a managed transaction adds BEGIN and COMMIT to every read, two more Bolt
    // messages, each flushed as a socket write of its own, and one more round trip; on the 2-core VM
    // the benchmarks run on, a socket write costs 0.2–0.6 ms of CPU. bench:api measures both ways
    // side by side (docs/benchmarks.md, "round 5"). What a read gives up is nothing it had: Neo4j
    // runs transactions at read-committed isolation, so the statements of one read transaction never
    // saw one snapshot either.
    async read(work, options) {
      const session = driver.session(sessionConfig(neo4j.session.READ));
      const config = txConfig(options);
      const reader: QueryRunner = { run: (query, parameters) => session.run(query, parameters, config) };
      try {
        return await retryingTransient(() => work(reader));
      } finally {
        await session.close();
      }
    },
    async write(work, options) {
      const session = driver.session(sessionConfig(neo4j.session.WRITE));
      try {
        return await session.executeWrite(work, txConfig(options));
      } finally {
        await session.close();
      }
    },
    close() {
      closing ??= shutdown().finally(() => {
        current = undefined;
      });
      return closing;
    },
  };
}

/** The driver's retry policy for managed transactions (30 s in all, from 1 s, doubling, ±20 %). */
const RETRY_MS = 30_000;

async function retryingTransient<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + RETRY_MS;
  for (let delay = 1_000; ; delay *= 2) {
    try {
      return await work();
    } catch (error) {
      const wait = delay * (0.8 + Math.random() * 0.4);
      if (!neo4j.isRetryableError(error as Error) || Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
