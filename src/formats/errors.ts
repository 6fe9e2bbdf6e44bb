// Every reader fails the same way: one error naming the file and, where it means something, the
// position, so the ingest summary and the CLI can print one clear line per bad file.

/** Where in a file a problem is: a byte offset (text), with line/column when known, or a page. */
export interface FilePosition {
  byte?: number;
  line?: number;
  column?: number;
  page?: number;
}

export class DocumentReadError extends Error {
  readonly file: string;
  readonly position: FilePosition | null;

  constructor(file: string, reason: string, position: FilePosition | null = null) {
    super(`${file}${describePosition(position)}: ${reason}`);
    this.name = "DocumentReadError";
    this.file = file;
    this.position = position;
  }
}

function describePosition(position: FilePosition | null): string {
  if (!position) return "";
  const parts: string[] = [];
  if (position.page !== undefined) parts.push(`page ${position.page}`);
  if (position.line !== undefined) parts.push(`line ${position.line}, column ${position.column ?? 1}`);
  if (position.byte !== undefined) parts.push(`byte ${position.byte}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}
