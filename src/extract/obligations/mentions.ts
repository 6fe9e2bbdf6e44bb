// Organisations named in prose ("UBND tỉnh đã chỉ đạo …", "của Bộ Chính trị"): registry bodies
// only — an unknown capitalised phrase in running text is too often not a body at all. Each head
// word is tried with the longest run of following words the registry recognises.
import { resolveRegistered } from "../organisations/index.ts";
import { allWords } from "../words.ts";
import type { DocContext } from "./context.ts";

// Word starts are checked in code (words.ts): a leading lookbehind made this scan slow.
const HEAD =
  /(?:Bộ|Sở|UBND|HĐND|(?:Ủy|Uỷ) ban|Tỉnh (?:ủy|uỷ)|Thành (?:ủy|uỷ)|Ban(?! hành)|Văn phòng|Thủ tướng|Chính phủ|Quốc hội|Hội đồng nhân dân|Ngân hàng|Thanh tra|Đảng (?:ủy|uỷ)|Đảng đoàn|BTV|BCH|Thường trực)(?![\p{L}\p{N}])/gu;
const WORD = /^[ \t,]*[\p{L}\p{N}&-]+/u;

export function proseMentions(ctx: DocContext): void {
  const text = ctx.text;
  for (const m of allWords(HEAD, text)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    let best = -1;
    // Up to eight more words: "Sở Khoa học và Công nghệ tỉnh Quảng Trị".
    for (let n = 0; n <= 8; n++) {
      const name = text.slice(start, end);
      if (resolveRegistered(name, ctx.resolution) !== null) best = end;
      const w = WORD.exec(text.slice(end, end + 40));
      if (w === null || w[0].includes(",")) break;
      end += w[0].length;
    }
    if (best > start) ctx.organisation(ctx.read(start, best), start, best);
  }
}
