// Schema migrations: cypher/migrations/NNN-name.cypher, applied in file-name order, each recorded as
// one (:Migration {name, checksum, appliedAt}) node. Editing an applied file is an error rather than
// a silent no-op, because the database would no longer match what the repository says it is.
//
// Write statements so they can run twice (CREATE CONSTRAINT … IF NOT EXISTS): a process that dies
// halfway through a file re-runs the whole file on the next start.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "./config.ts";
import type { GraphConnection } from "./connection.ts";

export const defaultMigrationsDir = path.join(repoRoot, "cypher", "migrations");

const fileNamePattern = /^\d{3}-[a-z0-9][a-z0-9-]*\.cypher$/;

export interface MigrationFile {
  name: string;
  path: string;
  checksum: string;
  statements: string[];
}

export interface MigrationResult {
  /** Files applied by this call, in order. */
  applied: string[];
  /** Files that were already applied with the same checksum. */
  unchanged: string[];
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Reads the migration files of a directory in order; other files there are an error, not ignored. */
export function readMigrations(dir: string = defaultMigrationsDir): MigrationFile[] {
  const names = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".cypher"))
    .sort();
  return names.map((name) => {
    const file = path.join(dir, name);
    if (!fileNamePattern.test(name)) {
      throw new MigrationError(`${file}: migration files are named NNN-lower-case-name.cypher`);
    }
    // Line endings must not change the checksum: a Windows checkout is the same migration.
    const text = fs.readFileSync(file, "utf8").replace(/\r\n?/g, "\n");
    const checksum = createHash("sha256").update(text).digest("hex");
    return { name, path: file, checksum, statements: splitStatements(text, file) };
  });
}

/**
 * Splits a Cypher script on `;` outside strings, quoted names and comments. Comment-only pieces are
 * dropped so a trailing comment does not become an empty statement.
 */
export function splitStatements(text: string, file = "<script>"): string[] {
  const statements: string[] = [];
  let current = "";
  let meaningful = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (ch === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (ch === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end === -1) throw new MigrationError(`${file}:${lineAt(text, i)}: unterminated /* comment`);
      i = end + 2;
      current += " ";
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") {
      const end = closingQuote(text, i);
      if (end === -1) throw new MigrationError(`${file}:${lineAt(text, i)}: unterminated ${ch} quote`);
      current += text.slice(i, end + 1);
      meaningful = true;
      i = end + 1;
      continue;
    }
    if (ch === ";") {
      if (meaningful) statements.push(current.trim());
      current = "";
      meaningful = false;
      i++;
      continue;
    }
    current += ch;
    if (!/\s/.test(ch)) meaningful = true;
    i++;
  }
  if (meaningful) statements.push(current.trim());
  return statements;
}

function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\" && quote !== "`") i++;
    else if (text[i] === quote) {
      // A doubled backtick is an escaped backtick inside a quoted name.
      if (quote === "`" && text[i + 1] === "`") i++;
      else return i;
    }
  }
  return -1;
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/** Applies the directory's migrations that are not yet recorded; verifies the checksums of the rest. */
export async function applyMigrations(
  graph: GraphConnection,
  dir: string = defaultMigrationsDir,
): Promise<MigrationResult> {
  const files = readMigrations(dir);
  const recorded = await graph.read(async (tx) => {
    const result = await tx.run("MATCH (m:Migration) RETURN m.name AS name, m.checksum AS checksum");
    return new Map(result.records.map((r) => [r.get("name") as string, r.get("checksum") as string]));
  });

  const outcome: MigrationResult = { applied: [], unchanged: [] };
  for (const file of files) {
    const checksum = recorded.get(file.name);
    if (checksum === file.checksum) {
      outcome.unchanged.push(file.name);
      continue;
    }
    if (checksum !== undefined) {
      throw new MigrationError(
        `${file.path}: already applied with checksum ${checksum.slice(0, 12)}… but the file now has ${file.checksum.slice(0, 12)}…; applied migrations must not change — add a new NNN-*.cypher file instead.`,
      );
    }
    // One transaction per statement: Neo4j refuses schema and data changes in one transaction.
    for (const [index, statement] of file.statements.entries()) {
      try {
        await graph.write((tx) => tx.run(statement));
      } catch (error) {
        throw new MigrationError(
          `${file.path}: statement ${index + 1} failed: ${(error as Error).message.split("\n")[0]}`,
        );
      }
    }
    await graph.write((tx) =>
      tx.run(
        "MERGE (m:Migration {name: $name}) ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()",
        { name: file.name, checksum: file.checksum },
      ),
    );
    outcome.applied.push(file.name);
  }
  return outcome;
}

/** Names of the migrations recorded in the database, in order. */
export async function appliedMigrations(graph: GraphConnection): Promise<string[]> {
  return graph.read(async (tx) => {
    const result = await tx.run("MATCH (m:Migration) RETURN m.name AS name ORDER BY name");
    return result.records.map((r) => r.get("name") as string);
  });
}
