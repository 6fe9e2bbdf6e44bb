import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { typeWordBefore } from "../../../src/extract/citations/typewords.ts";

// The pattern typeWordBefore answers for, on the 40 characters before the position.
const WORDS =
  "nghi quyet lien tich|nghi quyet|nghi dinh|quyet dinh|chi thi|ket luan|quy dinh|quy che|thong tu lien tich|thong tu|thong tri|huong dan|thong bao ket luan|thong bao|ke hoach hanh dong|ke hoach|chuong trinh hanh dong|chuong trinh cong tac|chuong trinh|de an|phuong an|du an|chien luoc|quy hoach|bao cao|to trinh|cong van|van ban|cong dien|bo luat|luat|phap lenh|bien ban|nq|nd|qd|ct|kl|kh|ctr|cthd|tb|cv|ttr|bc|hd";
const ABBREVIATIONS = new Set("nq|nd|qd|ct|kl|kh|ctr|cthd|tb|cv|ttr|bc|hd".split("|"));
const SPEC = new RegExp(String.raw`(?<![a-z])(${WORDS})\s*(?:so\s*:?\s*)?$`);

describe("typeWordBefore", () => {
  it("finds the word the pattern finds, where it finds it", () => {
    const pieces = [
      ...["nghi quyet", "lien tich", "thong bao", "ket luan", "ke hoach", "hanh dong", "chuong trinh"],
      ...["van ban", "luat", "bo luat", "quyet dinh", "dinh", "de an", "du an", "NQ", "nq", "CTHD", "TTr"],
      ...["so", "so:", ":", " ", "\n", "\u00A0", "a", "x", "t", "1", ","],
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.nat(), (xs, cut) => {
        const plain = xs.join("");
        const folded = plain.toLowerCase();
        for (const pos of [folded.length, cut % (folded.length + 1)]) {
          const from = Math.max(0, pos - 40);
          const m = SPEC.exec(folded.slice(from, pos));
          const found = typeWordBefore(folded, plain, pos);
          // Abbreviations in lower case are prose: the pattern finds them, the reader drops them.
          const prose =
            m !== null &&
            ABBREVIATIONS.has(m[1] as string) &&
            plain.slice(from + m.index, from + m.index + 2) !== (m[1] as string).slice(0, 2).toUpperCase();
          if (m === null || prose) expect(found).toBeNull();
          else expect(found?.start).toBe(from + m.index);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
