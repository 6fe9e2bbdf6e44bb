// Tables as they reach us: tab-separated lines (plain text, DOCX rows), Markdown pipe tables and
// HTML <table> fragments, with <b>/<i>/<p> inside cells. All three become rows of cells with
// offsets into the normalised text, so everything read from a cell can quote its source.
// A table broken by a page (its header repeated, the last row continued) is joined back here.
import { matchKey } from "../organisations/index.ts";
import { clean, type DocContext } from "./context.ts";

export interface Cell {
  /** Cleaned text: decoration removed, whitespace collapsed. */
  text: string;
  start: number;
  end: number;
  bold: boolean;
}

export interface Row {
  cells: Cell[];
  start: number;
  end: number;
}

export interface Table {
  format: "tsv" | "markdown" | "html";
  rows: Row[];
  start: number;
  end: number;
  /** Where the text that introduces the table (its caption, title, summary line) begins. */
  captionStart: number;
}

function cell(raw: string, start: number, end: number): Cell {
  return { text: clean(raw), start, end, bold: /<b>|<strong>|\*\*/i.test(raw) };
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let s = 0;
  while (s <= text.length) {
    let i = text.indexOf("\n", s);
    if (i < 0) i = text.length;
    const e = i > s && text[i - 1] === "\r" ? i - 1 : i;
    out.push({ start: s, end: e, text: text.slice(s, e) });
    s = i + 1;
  }
  return out;
}

// Rows are cut with indexOf, not read character by character: indexing a Vietnamese line makes a
// new string of each character beyond Latin-1.
function tabRow(l: Line): Row {
  const cells: Cell[] = [];
  const t = l.text;
  let s = 0;
  while (true) {
    let i = t.indexOf("\t", s);
    if (i < 0) i = t.length;
    cells.push(cell(t.slice(s, i), l.start + s, l.start + i));
    if (i === t.length) break;
    s = i + 1;
  }
  return { cells, start: l.start, end: l.end };
}

const BACKSLASH = 92;

function pipeRow(l: Line): Row | null {
  const t = l.text;
  // Without outer pipes ("STT | Nhiệm vụ | …") the first cell starts the line.
  const first = /^\s*\|/.test(t) ? t.indexOf("|") : -1;
  let last = t.trimEnd().length - 1;
  if (t[last] !== "|") last = t.length;
  const cells: Cell[] = [];
  let s = first + 1;
  while (s <= last) {
    // The next bar not escaped (an escaped one, "\|", stays in its cell), or the row's end.
    let i = t.indexOf("|", s);
    while (i >= 0 && i < last && t.charCodeAt(i - 1) === BACKSLASH) i = t.indexOf("|", i + 1);
    if (i < 0 || i > last) i = last;
    cells.push(cell(t.slice(s, i), l.start + s, l.start + i));
    s = i + 1;
  }
  if (cells.every((c) => /^:?-{2,}:?$/.test(c.text) || c.text === "") && cells.some((c) => c.text !== ""))
    return null; // the |---| separator
  return { cells, start: l.start, end: l.end };
}

const HTML_TABLE = /<table\b[^>]*>[\s\S]*?<\/table>/gi;
const HTML_ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr>/gi;
const HTML_CELL = /<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/gi;

function htmlTable(ctx: DocContext, start: number, html: string): Table {
  const rows: Row[] = [];
  // Cells spanning rows below (rowspan) are carried down, as the reader of the printed table would.
  const carry: { col: number; left: number; cell: Cell }[] = [];
  let merged = false;
  for (const rm of html.matchAll(HTML_ROW)) {
    const rowStart = start + (rm.index ?? 0);
    const cells: Cell[] = [];
    const inner = rm[1] ?? "";
    const innerStart = rowStart + rm[0].indexOf(inner);
    for (const cm of inner.matchAll(HTML_CELL)) {
      while (true) {
        const c = carry.find((x) => x.col === cells.length && x.left > 0);
        if (c === undefined) break;
        cells.push(c.cell);
        c.left--;
      }
      const attrs = cm[2] ?? "";
      const body = cm[3] ?? "";
      const cs = innerStart + (cm.index ?? 0) + cm[0].indexOf(body);
      const c = cell(body, cs, cs + body.length);
      c.bold = c.bold || cm[1]?.toLowerCase() === "th";
      const col = cells.length;
      cells.push(c);
      const colspan = Number(/colspan\s*=\s*"?(\d+)/i.exec(attrs)?.[1] ?? 1);
      for (let k = 1; k < colspan; k++) cells.push({ text: "", start: c.end, end: c.end, bold: c.bold });
      const rowspan = Number(/rowspan\s*=\s*"?(\d+)/i.exec(attrs)?.[1] ?? 1);
      if (colspan > 1 || rowspan > 1) merged = true;
      if (rowspan > 1) carry.push({ col, left: rowspan - 1, cell: c });
    }
    rows.push({ cells, start: rowStart, end: rowStart + rm[0].length });
  }
  if (merged)
    ctx.warn("Bảng có ô gộp (colspan/rowspan); nội dung ô gộp được lặp lại cho các dòng", start, start + 6);
  return { format: "html", rows, start, end: start + html.length, captionStart: start };
}

function headerKey(r: Row): string {
  return r.cells.map((c) => matchKey(c.text)).join("|");
}

/** Every table in the document, page-broken tables joined, in text order. */
export function findTables(ctx: DocContext): Table[] {
  const text = ctx.text;
  const tables: Table[] = [];
  const htmlRanges: [number, number][] = [];
  for (const m of text.matchAll(HTML_TABLE)) {
    const s = m.index ?? 0;
    htmlRanges.push([s, s + m[0].length]);
    tables.push(htmlTable(ctx, s, m[0]));
  }
  const inHtml = (o: number) => htmlRanges.some(([s, e]) => o >= s && o < e);
  const ls = lines(text);
  let cur: { format: "tsv" | "markdown"; rows: Row[]; start: number; end: number; bare?: true } | null = null;
  const flush = () => {
    // Rows without outer pipes make a table only when several follow one another.
    if (cur !== null && cur.rows.length > (cur.bare ? 1 : 0)) {
      tables.push({
        format: cur.format,
        rows: cur.rows,
        start: cur.start,
        end: cur.end,
        captionStart: cur.start,
      });
    }
    cur = null;
  };
  for (const l of ls) {
    if (inHtml(l.start)) continue;
    const piped = /^\s*\|/.test(l.text);
    // "STT | Nhiệm vụ | Đơn vị | Thời hạn": a pipe table written without its outer pipes.
    const bare = !piped && / \| [^|]* \| /.test(l.text) && !l.text.includes("\t");
    const kind = piped || bare ? "markdown" : l.text.includes("\t") && l.text.trim() !== "" ? "tsv" : null;
    if (kind === null) {
      flush();
      continue;
    }
    if (cur === null || cur.format !== kind || (cur.bare === true) !== bare) {
      flush();
      cur = { format: kind, rows: [], start: l.start, end: l.end };
      if (bare) cur.bare = true;
    }
    const row = kind === "tsv" ? tabRow(l) : pipeRow(l);
    if (row !== null) cur.rows.push(row);
    cur.end = l.end;
  }
  flush();
  tables.sort((a, b) => a.start - b.start);
  return joinPageBreaks(ctx, tables);
}

/**
 * A table whose first row repeats the previous table's header, with nothing but blank lines
 * between them, is the same table continued on the next page.
 */
function joinPageBreaks(ctx: DocContext, tables: Table[]): Table[] {
  const out: Table[] = [];
  let prevCaption = 0;
  for (const t of tables) {
    const prev = out[out.length - 1];
    const first = t.rows[0];
    if (prev !== undefined && first !== undefined && prev.rows[0] !== undefined) {
      const gap = ctx.text.slice(prev.end, t.start);
      if (gap.trim() === "" && headerKey(first) === headerKey(prev.rows[0])) {
        prev.rows.push(...t.rows.slice(1));
        prev.end = t.end;
        continue;
      }
    }
    t.captionStart = Math.max(prevCaption, captionStart(ctx, t.start));
    // An appendix heading ("PHỤ LỤC") inside the caption region starts the caption: the text
    // before it belongs to the body of the document, not to this table.
    const appendix = [...ctx.folded.slice(t.captionStart, t.start).matchAll(/^[\s*#]*phu luc\b/gm)].pop();
    if (appendix !== undefined) t.captionStart += appendix.index ?? 0;
    prevCaption = t.end;
    out.push(t);
  }
  return out;
}

/** The caption: up to ~12 non-empty lines or 1500 characters before the table. */
function captionStart(ctx: DocContext, tableStart: number): number {
  let s = tableStart;
  let n = 0;
  while (s > 0 && n < 12 && tableStart - s < 1500) {
    const p = ctx.text.lastIndexOf("\n", s - 2);
    s = p < 0 ? 0 : p + 1;
    const nl = ctx.text.indexOf("\n", s);
    if (ctx.text.slice(s, nl < 0 || nl > tableStart ? tableStart : nl).trim() !== "") n++;
    if (p < 0) break;
  }
  return s;
}
