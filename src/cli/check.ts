// `chidao check [path]`: audit findings, one line each, compiler style, and a non-zero exit when any
// is an ERROR — so it can gate a folder of reports in CI.
//
// Two sources, decided by whether a path is given:
//   check          the graph: the same gap rules as the API's `gaps` (overdue tasks, directives nobody
//                  below implements, references never ingested, tasks without a lead, ingest findings).
//   check <path>   the files themselves, read and extracted without a database: the findings the
//                  extractor raises (totals that do not add up, dates out of order, one issuer spelled
//                  several ways…), located as file:line:column. A file that cannot be read is an ERROR.
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { parseArgs } from "node:util";
import { extract } from "../extract/index.ts";
import type { Severity } from "../extract/types.ts";
import { DOCUMENT_EXTENSIONS, readDocument } from "../formats/index.ts";
import { openGraph } from "../graph/connection.ts";
import { findGaps } from "../graph/queries/gaps.ts";
import { labelOf } from "../graph/queries/nodes.ts";
import { today } from "../graph/queries/status.ts";

const USAGE = `Usage: chidao check [path] [--lang vi|en] [--format text|json]

  without a path   audit the graph (the API's gap rules)
  with a path      audit a file or every document in a folder, without a database
  exit status      1 when any finding is an ERROR, 2 on bad usage, 0 otherwise
`;

export interface CheckFinding {
  severity: Severity;
  kind: string;
  message: string;
  /** "file:line:column" or the node the finding is about. */
  where: string;
  quote: string | null;
}

async function documentFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const out: string[] = [];
  for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...(await documentFiles(full)));
    else if ((DOCUMENT_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase()))
      out.push(full);
  }
  return out;
}

function lineColumn(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return `${line}:${offset - last}`;
}

export async function checkFiles(path: string, lang: "vi" | "en"): Promise<CheckFinding[]> {
  const findings: CheckFinding[] = [];
  for (const file of await documentFiles(path)) {
    try {
      const doc = await readDocument(file);
      const extraction = extract(doc.text, doc.name);
      for (const f of extraction.findings) {
        const first = f.evidence[0];
        findings.push({
          severity: f.severity,
          kind: f.kind,
          message: lang === "vi" ? f.messageVi : f.messageEn,
          where: first ? `${file}:${lineColumn(doc.text, first.start)}` : file,
          quote: first ? first.text : null,
        });
      }
    } catch (e) {
      findings.push({
        severity: "ERROR",
        kind: "UNREADABLE_FILE",
        message: (e as Error).message,
        where: file,
        quote: null,
      });
    }
  }
  return findings;
}

function spanQuote(evidence: unknown): string | null {
  try {
    const list =
      typeof evidence === "string" ? (JSON.parse(evidence) as { text?: string; quote?: string }[]) : null;
    const first = list?.[0];
    return first?.text ?? first?.quote ?? null;
  } catch {
    return null;
  }
}

export async function checkGraph(lang: "vi" | "en"): Promise<CheckFinding[]> {
  const graph = await openGraph();
  try {
    const gaps = (await findGaps(graph, { asOf: today() })) ?? [];
    return gaps.map((g) => ({
      severity: g.severity,
      kind: g.kind === "FINDING" ? String(g.node.props.kind ?? g.kind) : g.kind,
      message: lang === "vi" ? g.messageVi : g.messageEn,
      where:
        g.kind === "FINDING"
          ? `${g.node.uid}`
          : `${g.node.kind.toLowerCase()} ${labelOf(g.node).slice(0, 80)}`,
      quote: g.kind === "FINDING" ? spanQuote(g.node.props.evidence) : null,
    }));
  } finally {
    await graph.close();
  }
}

export async function checkCommand(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        lang: { type: "string" },
        format: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    process.stderr.write(`chidao check: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const lang = values.lang ?? "vi";
  const format = values.format ?? "text";
  if (
    (lang !== "vi" && lang !== "en") ||
    (format !== "text" && format !== "json") ||
    positionals.length > 1
  ) {
    process.stderr.write(`chidao check: bad arguments\n\n${USAGE}`);
    return 2;
  }
  const path = positionals[0];
  if (path !== undefined) {
    try {
      await stat(path);
    } catch {
      process.stderr.write(`chidao check: ${path}: no such file or directory\n`);
      return 2;
    }
  }
  const findings = path === undefined ? await checkGraph(lang) : await checkFiles(path, lang);
  const errors = findings.filter((f) => f.severity === "ERROR").length;
  if (format === "json") {
    process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  } else {
    for (const f of findings) {
      process.stdout.write(`${f.where}: ${f.severity} ${f.kind}: ${f.message}\n`);
      if (f.quote) process.stdout.write(`    “${f.quote.replace(/\s+/g, " ").slice(0, 200)}”\n`);
    }
    const warnings = findings.filter((f) => f.severity === "WARNING").length;
    process.stdout.write(`${findings.length} finding(s): ${errors} error(s), ${warnings} warning(s)\n`);
  }
  return errors > 0 ? 1 : 0;
}
