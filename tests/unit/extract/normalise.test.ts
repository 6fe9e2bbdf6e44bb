import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blankDecoration, fold, normalise } from "../../../src/extract/normalise.ts";

// What blankDecoration blanks, as one pattern: its hand-written scan must find exactly these.
const DECORATION_RE =
  /<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?\/?>|\*+|_{2,}|\\(?=[*_#|[\]()`\\-])|\||^#{1,6}(?= )|`+|&nbsp;/gm;
const blankedByPattern = (s: string) => s.replace(DECORATION_RE, (m) => " ".repeat(m.length));

// Pieces that make and break decoration, soft wraps and tone pairs, joined at random.
const PIECES = [
  ..."<>/*_\\|#`&;:. \n\r\t\u2028aAđĐòOyủ\u00AD\u0301\uD83D".split(""),
  "<b>",
  "</td>",
  "<br/>",
  "<p class=x>",
  "<a ",
  "&nbsp;",
  "\\*",
  "## ",
  "####### ",
  "\nthực",
  "Công\nvăn",
  "x".repeat(199),
  "hòa",
  "thủy",
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((xs) => xs.join(""));

describe("normalise", () => {
  it("composes NFD and maps offsets back to the original", () => {
    const original = "Nghi\u0323 quyê\u0301t số 36-NQ/TW";
    const n = normalise(original);
    expect(n.text).toBe("Nghị quyết số 36-NQ/TW");
    const i = n.text.indexOf("36-NQ/TW");
    expect(original.slice(n.toOriginal(i), n.toOriginal(i + 8))).toBe("36-NQ/TW");
    expect(original.slice(n.toOriginal(0), n.toOriginal(10))).toBe("Nghi\u0323 quyê\u0301t");
  });

  it("replaces look-alikes, dashes, slashes and spaces; removes soft hyphens", () => {
    const original = "\u00D0ảng 36\u2013NQ\u2215TW\u00A0ngày s\u00ADố";
    const n = normalise(original);
    expect(n.text).toBe("Đảng 36-NQ/TW ngày số");
    const i = n.text.indexOf("số");
    expect(original.slice(n.toOriginal(i), n.toOriginal(i + 2))).toBe("s\u00ADố");
    expect(n.toOriginal(n.text.length)).toBe(original.length);
  });

  it("unifies the two accent placements without touching quý or của", () => {
    expect(normalise("hòa khỏe thủy Ủy quý của hoàn").text).toBe("hoà khoẻ thuỷ Uỷ quý của hoàn");
    expect(normalise("hoà").text).toBe(normalise("hòa").text);
  });
});

describe("fold", () => {
  it("removes diacritics, folds đ and case, and keeps the length", () => {
    const s = "ĐẢNG ỦY Chính phủ đ Ð";
    expect(fold(s)).toBe("dang uy chinh phu d d");
    expect(fold(s).length).toBe(s.length);
  });
});

describe("blankDecoration", () => {
  it("blanks what the decoration pattern matches, and nothing else", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(blankDecoration(s)).toBe(blankedByPattern(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("blanks Markdown and HTML decoration with spaces of the same length", () => {
    const s = "**Nghị quyết** số <b>36-NQ/TW</b> | x";
    const b = blankDecoration(s);
    expect(b.length).toBe(s.length);
    expect(b.replace(/\s+/g, " ").trim()).toBe("Nghị quyết số 36-NQ/TW x");
  });
});

describe("codeUnitAt", () => {
  it("reads the normalised text's code units, whether or not the text has been decoded", () => {
    fc.assert(
      fc.property(text, fc.boolean(), (s, readFirst) => {
        const n = normalise(s);
        const units = Array.from({ length: n.text.length }, (_, i) => n.text.charCodeAt(i));
        const m = normalise(s);
        if (readFirst) m.forMatching();
        expect(Array.from({ length: units.length }, (_, i) => m.codeUnitAt(i))).toEqual(units);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("forMatching", () => {
  it("is the blanked text and its fold, soft wraps read as spaces", () => {
    expect(normalise("**Thực hiện** Công\nvăn số 1.\nvăn").forMatching().folded).toBe(
      "  thuc hien   cong van so 1.\nvan",
    );
    fc.assert(
      fc.property(text, (s) => {
        const n = normalise(s);
        const { plain, folded } = n.forMatching();
        expect(n.folded()).toBe(fold(n.text));
        expect(plain).toBe(blankDecoration(n.text));
        // A soft wrap: a line break before a letter that folds to a-z and is written in lower
        // case, not after a line break or the end of a sentence or clause.
        const wraps = fold(plain).replace(/(?<=[^\n.:;])\n(?=[a-z])/g, (m, at: number) => {
          const next = plain[at + 1] as string;
          return next !== next.toUpperCase() ? " " : m;
        });
        expect(folded).toBe(wraps);
      }),
      { numRuns: 3000 },
    );
  });
});
