// The offline first load (`chidao ingest --bulk`): a new embedded database written in one pass by
// Neo4j's importer instead of transactions. Transactional ingest costs ≈ 80 ms of Neo4j CPU per
// document (MERGE, CREATE and index updates for ≈ 70 node rows and ≈ 280 relationships with
// provenance; docs/benchmarks.md), which bounds it to tens of documents per second on two cores;
// the importer writes store files directly. The graph is the one `chidao ingest` would write for
// the same files in one transaction (fold.ts; tests/integration/ingest-bulk.test.ts compares the
// two), so later `chidao ingest` runs add to it and replace files in it as usual.
//
// Phases: files are read and extracted on worker threads (pool.ts), which write their relationships
// to CSV files of their own; their nodes are merged in memory in file order (fold.ts); the node
// files are written with the registry's hierarchy, the importer runs, then the database is started
// as usual, which applies the migrations (constraints and indexes, populated from the imported
// data). Nothing is written to the database before every file has been extracted.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Env, readGraphConfig } from "../config.ts";
import { type GraphConnection, openGraph } from "../connection.ts";
import { checkImportable, importDatabase } from "../embedded.ts";
import { type FileOutcome, type Progress, startRun } from "../ingest.ts";
import { cypher } from "../queries/cypher.ts";
import { registryChecksum, registryRows } from "../registry.ts";
import { ARRAY_DELIMITER_OPTION, nodeFile, RELATIONSHIP_HEADER, relationshipLine } from "./csv.ts";
import { GraphFold } from "./fold.ts";
import { extractInWorkers } from "./pool.ts";
import { CsvTable, MULTILINE_SUFFIX } from "./table.ts";

export interface BulkLoadOptions extends Progress {
  /** Environment to read CHIDAO_NEO4J_* from (default process.env), as openGraph takes it. */
  env?: Env;
  /** Worker threads extracting files (default: the cores this process may use). */
  threads?: number;
  /** Called as each phase ends, with its duration. */
  onPhase?: (phase: BulkPhase, seconds: number) => void;
}

export type BulkPhase = "extract" | "write" | "import" | "start" | "indexes";

export interface BulkLoad {
  /** The graph, open on the new database (the caller closes it). */
  graph: GraphConnection;
  outcomes: FileOutcome[];
  nodes: number;
  relationships: number;
}

/** Seconds db.awaitIndexes may wait for the migrations' indexes to be populated from the import. */
const INDEX_WAIT_S = 3_600;

export async function bulkLoad(paths: string[], options: BulkLoadOptions = {}): Promise<BulkLoad> {
  const config = readGraphConfig(options.env);
  await checkImportable(config);
  const { files, outcomes, done } = await startRun(paths, options);

  let clock = performance.now();
  const phase = (name: BulkPhase) => {
    const now = performance.now();
    options.onPhase?.(name, (now - clock) / 1000);
    clock = now;
  };
  const dir = await mkdtemp(join(tmpdir(), "chidao-import-"));
  try {
    const registry = registryRows();
    const fold = new GraphFold(registry);
    // The workers write the files' relationships (relationships-<thread>.csv); this thread adds those
    // that need every file's nodes first.
    const relationships = new CsvTable(dir, "relationships", RELATIONSHIP_HEADER);
    let relationshipCount = 0;
    const ingestedAt = new Date();
    for await (const result of extractInWorkers(files, dir, options.threads)) {
      done(result.outcome);
      if (!result.contribution) continue;
      fold.add(result.contribution, ingestedAt);
      relationshipCount += result.relationships ?? 0;
    }
    phase("extract");
    const { nodes, issuedBy } = fold.finish();
    await relationships.add(issuedBy);
    // The registry's hierarchy and the Registry node as ingest-registry writes them, so that
    // ensureRegistry finds this registry loaded.
    const registered = new Set(registry.map((o) => o.key));
    await relationships.add(
      registry.flatMap((o) => [
        ...(o.parent && registered.has(o.parent)
          ? [relationshipLine(`Organisation|${o.key}`, "PART_OF", `Organisation|${o.parent}`, {})]
          : []),
        ...(o.successor && registered.has(o.successor)
          ? [relationshipLine(`Organisation|${o.key}`, "SUCCEEDED_BY", `Organisation|${o.successor}`, {})]
          : []),
      ]),
    );
    const registryNode = {
      key: "organisations",
      checksum: registryChecksum(registry),
      count: BigInt(registry.length),
      loadedAt: ingestedAt,
    };
    nodes.set("Registry", new Map([["organisations", registryNode]]));

    await relationships.close();
    relationshipCount += relationships.lines;
    const relationshipFiles = (await readdir(dir))
      .filter((name) => name.startsWith("relationships"))
      .map((name) => join(dir, name));
    const nodeFiles: { label: string; file: string }[] = [];
    const multiline = relationshipFiles.filter((file) => file.endsWith(MULTILINE_SUFFIX));
    let nodeCount = 0;
    for (const [label, byKey] of nodes) {
      if (byKey.size === 0) continue;
      const { header, lines } = nodeFile(label, byKey);
      const table = new CsvTable(dir, label, header);
      await table.add(lines());
      const written = await table.close();
      nodeFiles.push(...written.files.map((file) => ({ label, file })));
      multiline.push(...written.multiline);
      nodeCount += byKey.size;
    }
    phase("write");

    await importDatabase(
      config,
      {
        nodes: nodeFiles,
        relationships: relationshipFiles,
        options: [
          ...(multiline.length
            ? ["--multiline-fields-format=v2", `--multiline-fields=${multiline.join(",")}`]
            : []),
          `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
        ],
      },
      join(config.dataDir, "import.log"),
    );
    phase("import");
    const graph = await openGraph({ env: options.env });
    phase("start");
    await graph.read((tx) => tx.run(cypher("bulk-await-indexes"), { seconds: INDEX_WAIT_S }));
    phase("indexes");
    return { graph, outcomes, nodes: nodeCount, relationships: relationshipCount };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
