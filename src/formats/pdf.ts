// PDF with a text layer, through pdfjs. Text items are laid out again by position: items on one
// baseline form a line, and a wide horizontal gap between items becomes a tab, so a table printed
// to PDF keeps its columns for the task extractor. A PDF whose pages carry no text at all is a scan:
// we say so instead of ingesting an empty document (no OCR here).
import { DocumentReadError } from "./errors.ts";

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjs: Promise<Pdfjs> | undefined;

const WORKER = "pdfjs-dist/legacy/build/pdf.worker.mjs";

/**
 * pdfjs, loaded by the first PDF read. Its legacy build (the one Node 20 runs) carries core-js, which
 * replaces built-ins for the whole process: Array.prototype.push (9× slower), JSON.stringify (11× —
 * 0.6 ms instead of 0.05 for a 100-node GraphQL answer), JSON.parse, Function.prototype.toString. So a
 * process that never reads a PDF (the API server) never loads it, and once loaded the built-ins it
 * replaced are put back (pdfjs runs on V8's own; core-js's are for spec corners older engines miss).
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    const builtIns = [Array.prototype, JSON, Function.prototype].map(
      (owner) => [owner, Object.getOwnPropertyDescriptors(owner)] as const,
    );
    try {
      const loaded = await import("pdfjs-dist/legacy/build/pdf.mjs");
      // The worker half (Node runs it in this thread) carries its own core-js: loaded here too, it
      // sets globalThis.pdfjsWorker, which pdfjs then uses instead of importing it on the first read.
      await import(WORKER);
      return loaded;
    } finally {
      for (const [owner, descriptors] of builtIns)
        for (const [name, descriptor] of Object.entries(descriptors))
          if (Object.getOwnPropertyDescriptor(owner, name)?.value !== descriptor.value)
            Object.defineProperty(owner, name, descriptor);
    }
  })();
  return pdfjs;
}

interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL: boolean;
}

export async function readPdf(bytes: Uint8Array, file: string): Promise<string> {
  const { getDocument } = await loadPdfjs();
  // pdfjs takes ownership of (detaches) the buffer it is given, so it gets a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    let pdf: Awaited<typeof task.promise>;
    try {
      pdf = await task.promise;
    } catch (error) {
      const name = (error as Error).name;
      if (name === "PasswordException") throw new DocumentReadError(file, "PDF is encrypted with a password");
      throw new DocumentReadError(file, `not a readable PDF (${(error as Error).message})`);
    }
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      try {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        const items: PositionedText[] = [];
        for (const item of content.items) {
          if (!("str" in item)) continue;
          items.push({
            str: item.str,
            x: item.transform[4] as number,
            y: item.transform[5] as number,
            width: item.width,
            height: item.height || Math.abs(item.transform[3] as number) || 10,
            hasEOL: item.hasEOL,
          });
        }
        pages.push(layout(items));
        page.cleanup();
      } catch (error) {
        throw new DocumentReadError(file, `unreadable page (${(error as Error).message})`, { page: n });
      }
    }
    if (!pages.some((p) => p.trim())) {
      throw new DocumentReadError(
        file,
        `PDF has no text layer (${pdf.numPages} page(s), probably a scan); run OCR and ingest the result`,
      );
    }
    return pages.join("\n\n");
  } finally {
    await task.destroy();
  }
}

/** Rebuilds lines in reading order from positioned items (PDF y grows upwards). */
function layout(items: PositionedText[]): string {
  const lines: string[] = [];
  let line = "";
  let prev: PositionedText | null = null;
  // pdfjs marks line ends with empty items carrying hasEOL, and fills gaps with whitespace items;
  // both are skipped and the gap is measured between the texts around them.
  let pendingBreak = false;
  for (const item of items) {
    if (item.str.trim() === "") {
      if (item.hasEOL) pendingBreak = true;
      continue;
    }
    if (prev) {
      const size = Math.max(prev.height, item.height);
      const sameLine = !pendingBreak && !prev.hasEOL && Math.abs(item.y - prev.y) < size * 0.5;
      if (!sameLine) {
        lines.push(line);
        line = "";
      } else {
        const gap = item.x - (prev.x + prev.width);
        if (gap > size * 1.5) line += "\t";
        else if (gap > size * 0.15 && !line.endsWith(" ") && !item.str.startsWith(" ")) line += " ";
      }
    }
    line += item.str;
    prev = item;
    pendingBreak = false;
  }
  if (line) lines.push(line);
  return lines.map((l) => l.replace(/[ \t]+$/, "")).join("\n");
}
