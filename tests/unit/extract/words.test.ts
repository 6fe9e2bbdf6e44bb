import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endsWithAny } from "../../../src/extract/words.ts";

describe("endsWithAny", () => {
  it("tests what /(?:a|b)\\s*$/ tests", () => {
    const endings = ["thuc hien", "cu the hoa", "tai"];
    const pieces = [...endings, "hien", "ai", "t", "x", " ", "\n", "\t", "\u00A0", "\u2028"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (xs) => {
        const s = xs.join("");
        expect(endsWithAny(s, endings)).toBe(/(?:thuc hien|cu the hoa|tai)\s*$/.test(s));
      }),
      { numRuns: 2000 },
    );
  });
});
