// Page furniture shared by every kind of document: the two-column header (issuer and national motto,
// number and place-date line), headings and task tables — in Markdown (pipe tables, **bold**) or plain
// text (tab-separated tables with <b> section rows, as documents pasted from Word look).
import type { Composer, Format } from "./compose.ts";
import { headerDate, writtenSymbol } from "./render.ts";

export function bold(format: Format, text: string): string {
  return format === "md" ? `**${text}**` : text;
}

export function heading(format: Format, level: number, text: string): string {
  return format === "md" ? `${"#".repeat(level)} ${text}` : text;
}

export interface HeaderParts {
  /** Issuer block, top to bottom: ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"]. */
  organ: string[];
  party: boolean;
  place: string;
  /** Document type in capitals: "KẾ HOẠCH". */
  typeTitle: string;
  /** Trích yếu, already rendered (it may contain citations). */
  subject: string;
}

export function header(c: Composer, parts: HeaderParts): string {
  const f = c.format;
  const motto = parts.party
    ? ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    : ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];
  const symbol = writtenSymbol(c.self.symbol, c.style);
  const number = parts.party && c.rng.chance(0.6) ? `Số ${symbol}` : `Số: ${symbol}`;
  const dateLine = `${parts.place}, ${headerDate(c.self.date)}`;
  const title = [heading(f, 1, parts.typeTitle), heading(f, 2, parts.subject)];
  if (f === "txt" && c.rng.chance(0.5)) {
    // The two-column header table of a Word file, pasted as text: left and right cells on one line.
    const left = [...parts.organ, ...(parts.party ? ["*"] : [])];
    const right = motto;
    const rows = Array.from({ length: Math.max(left.length, right.length) }, (_, i) =>
      `${left[i] ?? ""}\t${right[i] ?? ""}`.trimEnd(),
    );
    rows.push(`${number}\t${dateLine}`);
    return [rows.join("\n"), ...title].join("\n\n");
  }
  const lines: string[] = [];
  lines.push(parts.organ.map((l) => bold(f, l)).join(f === "md" ? "  \n" : "\n"));
  if (parts.party) lines.push("*");
  lines.push(motto.map((l) => bold(f, l)).join(f === "md" ? "  \n" : "\n"));
  lines.push(number, dateLine, ...title);
  return lines.join("\n\n");
}

export interface Column {
  title: string;
}

/**
 * A table with section rows. `rows` holds either a section (a title spanning the row) or cells in
 * the order of `columns`.
 */
export type TableRow = { section: string; numeral: string } | { cells: string[] };

export function table(format: Format, columns: string[], rows: TableRow[]): string {
  const width = columns.length;
  const out: string[] = [];
  if (format === "md") {
    out.push(`| ${columns.join(" | ")} |`);
    out.push(`|${" --- |".repeat(width)}`);
    for (const row of rows) {
      if ("section" in row) out.push(`| **${row.numeral}** | **${row.section}** |${" |".repeat(width - 2)}`);
      else out.push(`| ${row.cells.join(" | ")} |`);
    }
  } else {
    out.push(columns.join("\t"));
    for (const row of rows) {
      if ("section" in row) out.push(`${row.numeral}\t<b>${row.section}</b>${"\t".repeat(width - 2)}`);
      else out.push(row.cells.join("\t"));
    }
  }
  return out.join("\n");
}

export const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

export function signature(format: Format, lines: string[]): string {
  return lines.map((l) => bold(format, l)).join(format === "md" ? "  \n" : "\n");
}
