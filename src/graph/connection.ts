// CONTRACT STUB — the foundation work replaces the body; the exported shape is what the rest of the
// code relies on. One driver per process (neo4j-driver guidance), managed transactions only.
import type { Driver, ManagedTransaction } from "neo4j-driver";

export interface TxOptions {
  /** Per-transaction timeout in milliseconds, enforced by the server. */
  timeoutMs?: number;
}

export interface GraphConnection {
  readonly driver: Driver;
  readonly database: string;
  /** Managed read transaction; routed to readers on a cluster (routing: READ). */
  read<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: TxOptions): Promise<T>;
  /** Managed write transaction, retried by the driver on transient errors. */
  write<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: TxOptions): Promise<T>;
  close(): Promise<void>;
}

/**
 * Opens the process's connection: with NEO4J_URI set, to that server; otherwise starts (or reuses)
 * the embedded Neo4j launcher. Applies migrations before returning.
 */
export declare function openGraph(): Promise<GraphConnection>;
