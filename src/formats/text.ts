// Plain text and Markdown. Decoding is strict: a silently replaced byte (U+FFFD) would shift every
// span the extractor records, so invalid UTF-8 is an error with its position, not a guess.
import { DocumentReadError } from "./errors.ts";

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeText(bytes: Uint8Array, file: string): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  const offset = bytes.length - body.length;
  const nul = body.indexOf(0);
  if (nul >= 0) {
    throw new DocumentReadError(file, "binary content (NUL byte), not a text document", {
      byte: nul + offset,
      ...lineColumn(body, nul),
    });
  }
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    throw new DocumentReadError(file, "invalid UTF-8 (save the file as UTF-8)", {
      byte: bad + offset,
      ...lineColumn(body, bad),
    });
  }
  return new TextDecoder("utf-8").decode(body);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      len = 2;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      min = 0x10000;
    } else return i;
    if (i + len > n) return i;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += len;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset into valid-up-to-there UTF-8. */
function lineColumn(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < at; i++) if (((bytes[i] as number) & 0xc0) !== 0x80) column++;
  return { line, column };
}
