// The one way every command reads a document file: size check, format detection (magic bytes
// first, extension second), decoding, and the checksum that identifies the file as a Source.
// Offsets recorded by the extractor are offsets into `text` as returned here.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { readDocx } from "./docx.ts";
import { DocumentReadError } from "./errors.ts";
import { readPdf } from "./pdf.ts";
import { decodeText } from "./text.ts";

export { DocumentReadError, type FilePosition } from "./errors.ts";

export type DocumentFormat = "txt" | "markdown" | "docx" | "pdf";

/** Files this large are refused: they are not documents but dumps, and would hold a transaction. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** Extensions a directory walk picks up; anything else in a directory is not a document. */
export const DOCUMENT_EXTENSIONS = [".txt", ".md", ".markdown", ".docx", ".pdf"] as const;

export interface ReadDocument {
  path: string;
  name: string;
  format: DocumentFormat;
  /** Decoded text: NFC is left to the extractor; line ends are "\n". */
  text: string;
  /** Hex SHA-256 of the file bytes: the Source identity and the "unchanged?" check. */
  sha256: string;
  bytes: number;
}

export async function readDocument(path: string): Promise<ReadDocument> {
  const bytes = await readBytes(path);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const format = detectFormat(bytes, path);
  const raw =
    format === "pdf"
      ? await readPdf(bytes, path)
      : format === "docx"
        ? await readDocx(bytes, path)
        : decodeText(bytes, path);
  const text = raw.replace(/\r\n?/g, "\n");
  if (!text.trim()) throw new DocumentReadError(path, `no text in this ${format.toUpperCase()} file`);
  return { path, name: basename(path), format, text, sha256, bytes: bytes.length };
}

/** Reads only the bytes and their checksum, for "has this file changed?" without decoding it. */
export async function fileChecksum(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readBytes(path))
    .digest("hex");
}

async function readBytes(path: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new DocumentReadError(path, "is a directory, not a document");
    size = info.size;
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw new DocumentReadError(path, describeIoError(error));
  }
  if (size === 0) throw new DocumentReadError(path, "empty file");
  if (size >= MAX_DOCUMENT_BYTES) {
    throw new DocumentReadError(
      path,
      `too large (${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB)`,
    );
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw new DocumentReadError(path, describeIoError(error));
  }
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "cannot be read (permission denied)";
  if (code === "EISDIR") return "is a directory, not a document";
  return `cannot be read (${(error as Error).message})`;
}

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "a legacy Office file (.doc/.xls); save it as DOCX" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: "a TIFF image" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: "an RTF file; save it as DOCX" },
];

export function detectFormat(bytes: Uint8Array, path: string): DocumentFormat {
  const head = (signature: number[]) => signature.every((b, i) => bytes[i] === b);
  // "%PDF-" may follow a little junk; the PDF spec lets readers look within the first 1 KB.
  if (Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-")) return "pdf";
  if (head([0x50, 0x4b, 0x03, 0x04])) {
    const named = extname(path).toLowerCase() === ".docx";
    if (named || Buffer.from(bytes.subarray(0, 64 * 1024)).includes("word/")) return "docx";
    throw new DocumentReadError(path, "a ZIP archive that is not a Word document (DOCX)");
  }
  for (const s of SIGNATURES) {
    if (head(s.bytes)) throw new DocumentReadError(path, `${s.what}, not a supported document`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".md" || ext === ".markdown") return "markdown";
  if (ext === ".pdf" || ext === ".docx") {
    throw new DocumentReadError(path, `named ${ext} but its content is not ${ext.slice(1).toUpperCase()}`);
  }
  return "txt";
}
