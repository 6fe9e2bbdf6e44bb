// `chidao extract <file…> [--format json|text]`: read documents without a database. JSON is one
// object per file (JSON Lines when several files are given) so the output can be piped and diffed.
import { extract } from "../extract/index.ts";
import type { Extraction } from "../extract/types.ts";
import { DocumentReadError, readDocument } from "../formats/index.ts";

type Format = "json" | "text";

const USAGE = "Usage: chidao extract <file…> [--format json|text]\n";

function parseArgs(args: string[]): { files: string[]; format: Format } | string {
  const files: string[] = [];
  let format: Format = "json";
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--format" || a.startsWith("--format=")) {
      const value = a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[++i];
      if (value !== "json" && value !== "text") return `--format must be json or text, not '${value ?? ""}'`;
      format = value;
    } else if (a === "--help" || a === "-h") return "";
    else if (a.startsWith("--")) return `unknown option '${a}'`;
    else files.push(a);
  }
  if (files.length === 0) return "no file given";
  return { files, format };
}

function summary(x: Extraction): string {
  const d = x.document;
  const lines = [
    `${x.file}`,
    `  document   ${d.symbol ?? "(no number)"} · ${d.type} · ${d.issuer ?? "issuer unknown"} · ${d.date ?? "date unknown"} · ${d.jurisdiction ?? "jurisdiction unknown"}`,
    `  title      ${d.title ?? "-"}`,
    `  key        ${d.key}`,
    `  citations  ${x.citations.length}`,
  ];
  for (const c of x.citations) {
    const name = c.symbol ?? `«${c.title ?? c.key}»`;
    const flag = c.ambiguous ? " [ambiguous]" : "";
    lines.push(
      `    ${name} · ${c.type} · ${c.issuer ?? "?"} · ${c.date ?? "?"} · ${c.mentions.length}×${flag}`,
    );
  }
  const label = (key: string) => {
    if (key === "SELF") return "SELF";
    const c = x.citations.find((y) => y.key === key);
    return c?.symbol ?? (c?.title ? `«${c.title.slice(0, 50)}»` : key);
  };
  const strong = x.relations.filter((r) => r.kind !== "CITES");
  lines.push(`  relations  ${strong.length} (+${x.relations.length - strong.length} CITES)`);
  for (const r of strong)
    lines.push(`    ${label(r.from)} ${r.kind} ${label(r.to)}  "${r.cue}" (${r.confidence})`);
  if (x.warnings.length > 0) {
    lines.push(`  warnings   ${x.warnings.length}`);
    for (const w of x.warnings) lines.push(`    @${w.start}: ${w.message}`);
  }
  return `${lines.join("\n")}\n`;
}

export async function extractCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    process.stderr.write(parsed ? `chidao extract: ${parsed}\n${USAGE}` : USAGE);
    return parsed ? 2 : 0;
  }
  let failed = 0;
  for (const file of parsed.files) {
    try {
      const doc = await readDocument(file);
      const result = extract(doc.text, file);
      process.stdout.write(parsed.format === "json" ? `${JSON.stringify(result)}\n` : summary(result));
    } catch (error) {
      failed++;
      const message =
        error instanceof DocumentReadError ? error.message : `${file}: ${(error as Error).message}`;
      process.stderr.write(`chidao extract: ${message}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}
