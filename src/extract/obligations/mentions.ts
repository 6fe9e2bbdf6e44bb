// Organisations named in prose ("UBND tỉnh đã chỉ đạo …", "của Bộ Chính trị"): registry bodies
// only — an unknown capitalised phrase in running text is too often not a body at all. Each head
// word is tried with the longest run of following words the registry recognises.
import { resolveRegistered } from "../organisations/index.ts";
import { allWords } from "../words.ts";
import type { DocContext } from "./context.ts";

// Word starts are checked in code (words.ts): a leading lookbehind made this scan slow.
const HEAD =
  /(?:Bộ|Sở|UBND|HĐND|(?:Ủy|Uỷ) ban|Tỉnh (?:ủy|uỷ)|Thành (?:ủy|uỷ)|Ban(?! hành)|Văn phòng|Thủ tướng|Chính phủ|Quốc hội|Hội đồng nhân dân|Ngân hàng|Thanh tra|Đảng (?:ủy|uỷ)|Đảng đoàn|BTV|BCH|Thường trực|Công an|Kho bạc|Cục Thuế)(?![\p{L}\p{N}])/gu;
const WORD = /^[ \t,]*[\p{L}\p{N}&-]+/u;

// After a council in a commune's or district's document: its own level ("UBND huyện"), the
// province ("UBND tỉnh"), or other units ("UBND các xã", "UBND xã" in a district's text).
const COUNCIL = /^(?:UBND|HĐND|(?:Ủy|Uỷ) ban|Hội đồng nhân dân)$/u;
const AFTER_COUNCIL =
  /^(?: nhan dan)?(?:\s+(tinh|thanh pho|cac|huyen|xa|phuong|thi tran|quan|thi xa)(?![a-z0-9]))?/;

export function proseMentions(ctx: DocContext): void {
  const text = ctx.text;
  // Heads inside a name already read ("Văn phòng HĐND và UBND phường") are not bodies of their own.
  const known: [number, number][] = [];
  for (const o of ctx.organisations()) for (const m of o.mentions) known.push([m.start, m.end]);
  const inside = (s: number, e: number) => known.some(([a, b]) => a <= s && e <= b && b - a > e - s);
  for (const m of allWords(HEAD, text)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    if (ctx.local !== null && COUNCIL.test(m[0])) {
      // "…/KH-UBND": a symbol's issuer code, whose unit the symbol alone does not tell.
      if (/[-/]/.test(text[start - 1] ?? "")) continue;
      const after = AFTER_COUNCIL.exec(ctx.folded.slice(end, end + 24));
      const word = after?.[1];
      const own = word === undefined || word === ctx.local.levelFolded;
      const sp = ctx.span(start, end);
      if (inside(sp.start, sp.end)) continue;
      if (own) {
        const e = end + (after?.[0].length ?? 0);
        ctx.organisation(ctx.read(start, e), start, e);
        continue;
      }
      if (word !== "tinh" && word !== "thanh pho") continue;
    }
    let best = -1;
    // Up to eight more words: "Sở Khoa học và Công nghệ tỉnh Quảng Trị".
    for (let n = 0; n <= 8; n++) {
      const name = text.slice(start, end);
      if (resolveRegistered(name, ctx.resolution) !== null) best = end;
      const w = WORD.exec(text.slice(end, end + 40));
      if (w === null || w[0].includes(",")) break;
      end += w[0].length;
    }
    if (best <= start) continue;
    const sp = ctx.span(start, best);
    if (!inside(sp.start, sp.end)) ctx.organisation(ctx.read(start, best), start, best);
  }
}
