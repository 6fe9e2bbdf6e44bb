// DOCX through mammoth's document tree rather than its raw text: raw text flattens a table into one
// paragraph per cell, and the task extractor needs rows. Here a table row becomes one line with
// cells separated by tabs (the shape of the seed's tables), paragraphs inside a cell are joined with
// a space, and Word's automatic list numbers — which are not in the text — are written out, because
// "1.", "a)" are how tasks are numbered.
import mammoth from "mammoth";
import { DocumentReadError } from "./errors.ts";

interface DocxElement {
  type: string;
  children?: DocxElement[];
  value?: string;
  numbering?: { level?: string | number; isOrdered?: boolean } | null;
  colSpan?: number;
  breakType?: string;
}

export async function readDocx(bytes: Uint8Array, file: string): Promise<string> {
  let root: DocxElement | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (document: DocxElement) => {
          root = document;
          return document;
        },
      },
    );
  } catch (error) {
    throw new DocumentReadError(file, `not a readable DOCX file (${(error as Error).message})`);
  }
  if (!root) throw new DocumentReadError(file, "not a readable DOCX file (no document body)");
  return new DocxText()
    .blocks(root)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

class DocxText {
  /** Counters per list level, reset when a shallower item or a non-list paragraph appears. */
  private counters: number[] = [];

  blocks(element: DocxElement): string[] {
    const lines: string[] = [];
    for (const child of element.children ?? []) {
      if (child.type === "paragraph") lines.push(this.paragraph(child));
      else if (child.type === "table") {
        this.counters = [];
        lines.push("", ...this.table(child), "");
      } else lines.push(...this.blocks(child));
    }
    return lines;
  }

  private paragraph(p: DocxElement): string {
    const text = inline(p).trim();
    const numbering = p.numbering;
    if (!numbering) {
      if (text) this.counters = [];
      return text;
    }
    const level = Number(numbering.level ?? 0) || 0;
    this.counters.length = level + 1;
    this.counters[level] = (this.counters[level] ?? 0) + 1;
    const n = this.counters[level] as number;
    const marker = !numbering.isOrdered ? "-" : level % 2 === 0 ? `${n}.` : `${letter(n)})`;
    return `${marker} ${text}`;
  }

  private table(table: DocxElement): string[] {
    const rows: string[] = [];
    for (const row of table.children ?? []) {
      if (row.type !== "tableRow") continue;
      const cells: string[] = [];
      for (const cell of row.children ?? []) {
        if (cell.type !== "tableCell") continue;
        // A nested table inside a cell is flattened: its rows joined by "; " keep the cell on one line.
        const text = (cell.children ?? [])
          .map((c) => (c.type === "table" ? this.table(c).join("; ") : inline(c).trim()))
          .filter(Boolean)
          .join(" ");
        cells.push(text.replace(/[\t\n]+/g, " "));
        // A merged cell keeps the columns of the rows below aligned.
        for (let k = 1; k < (cell.colSpan ?? 1); k++) cells.push("");
      }
      rows.push(cells.join("\t"));
    }
    return rows;
  }
}

function inline(element: DocxElement): string {
  if (element.type === "text") return element.value ?? "";
  if (element.type === "tab") return " ";
  if (element.type === "break") return element.breakType === "line" || !element.breakType ? "\n" : "";
  return (element.children ?? []).map(inline).join("");
}

function letter(n: number): string {
  return n <= 26 ? String.fromCharCode(96 + n) : String(n);
}
