import { describe, expect, it } from "vitest";
import { blankDecoration, fold, normalise } from "../../../src/extract/normalise.ts";

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
  it("blanks Markdown and HTML decoration with spaces of the same length", () => {
    const s = "**Nghị quyết** số <b>36-NQ/TW</b> | x";
    const b = blankDecoration(s);
    expect(b.length).toBe(s.length);
    expect(b.replace(/\s+/g, " ").trim()).toBe("Nghị quyết số 36-NQ/TW x");
  });
});
