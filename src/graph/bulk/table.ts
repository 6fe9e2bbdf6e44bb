// One table of an offline import (a label's nodes, or the relationships) written as up to two CSV
// files: lines whose quoted fields hold a line break, and the rest. The importer parses a file that
// may hold multi-line fields on a slower path (--multiline-fields "can severely degrade the
// performance"), and most lines have none, so only the first file is named to it as multi-line.
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { join } from "node:path";

/** How the file of a table's multi-line lines is named: `<name>.multiline.csv`. */
export const MULTILINE_SUFFIX = ".multiline.csv";

/** Bytes gathered before a write: one write per line would cost more than the lines. */
const CHUNK = 1 << 20;

class CsvFile {
  private stream: WriteStream | undefined;
  private chunk = "";
  constructor(
    readonly path: string,
    private readonly header: string,
  ) {}

  get written(): boolean {
    return this.stream !== undefined;
  }

  /** Appends a line; true once enough is gathered to flush. */
  push(line: string): boolean {
    if (!this.stream) {
      this.stream = createWriteStream(this.path);
      this.chunk = `${this.header}\n`;
    }
    this.chunk += `${line}\n`;
    return this.chunk.length >= CHUNK;
  }

  async close(): Promise<void> {
    if (!this.stream) return;
    await this.flush();
    this.stream.end();
    await once(this.stream, "close");
  }

  /** Writes what is gathered; lines pushed while it waits for the stream go into the next chunk. */
  async flush(): Promise<void> {
    const stream = this.stream as WriteStream;
    const chunk = this.chunk;
    this.chunk = "";
    if (!stream.write(chunk)) await once(stream, "drain");
  }
}

export class CsvTable {
  private readonly plain: CsvFile;
  private readonly multiline: CsvFile;
  lines = 0;

  constructor(dir: string, name: string, header: string) {
    this.plain = new CsvFile(join(dir, `${name}.csv`), header);
    this.multiline = new CsvFile(join(dir, `${name}${MULTILINE_SUFFIX}`), header);
  }

  /** Appends lines; waits only when a file's gathered chunk is written. */
  async add(lines: Iterable<string>): Promise<void> {
    for (const line of lines) {
      this.lines++;
      const file = line.includes("\n") ? this.multiline : this.plain;
      if (file.push(line)) await file.flush();
    }
  }

  /** Closes the files; returns those written, and which of them hold multi-line fields. */
  async close(): Promise<{ files: string[]; multiline: string[] }> {
    await Promise.all([this.plain.close(), this.multiline.close()]);
    const written = [this.plain, this.multiline].filter((f) => f.written);
    return {
      files: written.map((f) => f.path),
      multiline: this.multiline.written ? [this.multiline.path] : [],
    };
  }
}
