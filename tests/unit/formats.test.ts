import { chmod, mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentReadError, MAX_DOCUMENT_BYTES, readDocument } from "../../src/formats/index.ts";
import { firstInvalidUtf8 } from "../../src/formats/text.ts";
import { makeDocx, makePdf, makeZip } from "../fixtures/documents.ts";

let dir: string;
const file = async (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};
const failure = async (path: string) => {
  const error = await readDocument(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentReadError);
  return error as DocumentReadError;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "chidao-formats-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("text and Markdown", () => {
  it("decodes UTF-8, drops the BOM, normalises line ends and hashes the bytes", async () => {
    const body = "Nghị quyết số 36-NQ/TW\r\nngày 30/01/2023\r\n";
    const path = await file("a.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
    const doc = await readDocument(path);
    expect(doc.text).toBe("Nghị quyết số 36-NQ/TW\nngày 30/01/2023\n");
    expect(doc.format).toBe("txt");
    expect(doc.bytes).toBe(Buffer.byteLength(body) + 3);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await readDocument(await file("b.md", "# Kế hoạch"))).format).toBe("markdown");
  });

  it("reads UTF-16 files saved with a BOM", async () => {
    const path = await file(
      "u16.txt",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Tỉnh ủy", "utf16le")]),
    );
    expect((await readDocument(path)).text).toBe("Tỉnh ủy");
  });

  it("names the line, column and byte of invalid UTF-8", async () => {
    const path = await file(
      "latin1.txt",
      Buffer.concat([Buffer.from("dòng một\nQuy"), Buffer.from([0xe9, 0x74])]),
    );
    const error = await failure(path);
    expect(error.message).toContain("latin1.txt");
    expect(error.message).toContain("invalid UTF-8");
    expect(error.position).toEqual({ byte: 15, line: 2, column: 4 });
  });

  it("finds overlong, surrogate and truncated sequences", () => {
    expect(firstInvalidUtf8(Buffer.from("ổn định"))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0x42, 0xe1, 0xbb]))).toBe(2);
  });

  it("refuses binary, empty and whitespace-only files", async () => {
    const binary = await failure(await file("blob.txt", Uint8Array.from([0x41, 0x0a, 0x42, 0x00, 0x01])));
    expect(binary.message).toMatch(/binary content/);
    expect(binary.position).toMatchObject({ byte: 3, line: 2, column: 2 });
    expect((await failure(await file("empty.txt", ""))).message).toMatch(/empty\.txt: empty file/);
    expect((await failure(await file("blank.md", " \n\t\n"))).message).toMatch(/no text/);
    const png = await failure(
      await file("picture.txt", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])),
    );
    expect(png.message).toMatch(/PNG image/);
  });

  it("refuses files of 50 MB and more without reading them", async () => {
    const path = join(dir, "huge.txt");
    await writeFile(path, "");
    await truncate(path, MAX_DOCUMENT_BYTES); // sparse: no 50 MB written
    expect((await failure(path)).message).toMatch(/huge\.txt: too large \(50\.0 MB; the limit is 50 MB\)/);
    await truncate(path, MAX_DOCUMENT_BYTES - 1);
    // Just under the limit it is read (and refused for its NUL bytes, not its size).
    expect((await failure(path)).message).toMatch(/binary content/);
  });

  it("says when a file is missing, a directory or unreadable", async () => {
    expect((await failure(join(dir, "nope.txt"))).message).toMatch(/nope\.txt: no such file/);
    expect((await failure(dir)).message).toMatch(/is a directory/);
    const locked = await file("locked.txt", "nội dung");
    await chmod(locked, 0o000);
    try {
      // root reads anything; the check is meaningful only for ordinary users.
      if (process.getuid?.() !== 0) expect((await failure(locked)).message).toMatch(/permission denied/);
    } finally {
      await chmod(locked, 0o644);
    }
  });
});

describe("DOCX", () => {
  it("keeps paragraphs, writes out list numbers and turns table rows into tab-separated lines", async () => {
    const path = await file(
      "plan.docx",
      makeDocx([
        { paragraph: "Kế hoạch số 43/KH-SKHCN" },
        { listItem: "Tuyên truyền" },
        { listItem: "Tập huấn", level: 1 },
        { listItem: "Ứng dụng" },
        { listItem: "gạch đầu dòng", ordered: false },
        {
          table: [
            ["STT", "Nội dung", "Đơn vị chủ trì"],
            ["1", "Nuôi cấy mô", "Sở KH&CN"],
          ],
        },
        { paragraph: "Nơi nhận:" },
      ]),
    );
    const doc = await readDocument(path);
    expect(doc.format).toBe("docx");
    expect(doc.text).toBe(
      [
        "Kế hoạch số 43/KH-SKHCN",
        "1. Tuyên truyền",
        "a) Tập huấn",
        "2. Ứng dụng",
        "- gạch đầu dòng",
        "",
        "STT\tNội dung\tĐơn vị chủ trì",
        "1\tNuôi cấy mô\tSở KH&CN",
        "",
        "Nơi nhận:",
      ].join("\n"),
    );
  });

  it("refuses a ZIP that is not a Word document and a broken DOCX", async () => {
    expect((await failure(await file("data.zip", makeZip({ "a.csv": "x" })))).message).toMatch(
      /ZIP archive that is not/,
    );
    const broken = await failure(await file("broken.docx", makeZip({ "word/x.xml": "<" })));
    expect(broken.message).toMatch(/broken\.docx: not a readable DOCX/);
  });
});

describe("PDF", () => {
  it("reads the text layer, line by line, with table columns as tabs and pages apart", async () => {
    const path = await file(
      "report.pdf",
      makePdf([
        [
          { x: 50, y: 800, text: "Nghị quyết số 36-NQ/TW ngày 30/01/2023" },
          { x: 50, y: 780, text: "STT" },
          { x: 120, y: 780, text: "Nội dung" },
          { x: 300, y: 780, text: "Đơn vị chủ trì" },
        ],
        [{ x: 50, y: 800, text: "Trang hai" }],
      ]),
    );
    const doc = await readDocument(path);
    expect(doc.format).toBe("pdf");
    expect(doc.text).toBe(
      "Nghị quyết số 36-NQ/TW ngày 30/01/2023\nSTT\tNội dung\tĐơn vị chủ trì\n\nTrang hai",
    );
  });

  it("says a PDF without a text layer is probably a scan", async () => {
    const error = await failure(await file("scan.pdf", makePdf([[], []])));
    expect(error.message).toMatch(/scan\.pdf: PDF has no text layer \(2 page\(s\), probably a scan\)/);
  });

  it("refuses a corrupt PDF and a file named .pdf that is not one", async () => {
    const corrupt = await failure(await file("corrupt.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog"));
    expect(corrupt.message).toMatch(/corrupt\.pdf: (not a readable PDF|PDF has no text layer)/);
    const fake = await failure(await file("fake.pdf", "chỉ là văn bản"));
    expect(fake.message).toMatch(/named \.pdf but its content is not PDF/);
  });
});
