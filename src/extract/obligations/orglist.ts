// Lists of organisations in a cell or a clause: "Bộ Công an, Bộ Thông tin và Truyền thông và các bộ,
// ngành" is two bodies and a collective; "Bộ Văn hóa, Thể thao và Du lịch" is one. A comma or "và"
// starts a new body only when what follows begins like one (an upper-case head word, "các").
import { fold } from "../normalise.ts";
import { resolveRegistered } from "../organisations/index.ts";
import type { DocContext } from "./context.ts";

// Words that begin the name of a body. Syllables that also begin ordinary words ("Xã hội",
// "Hội nhập") are left out: a body named with them is still found when the registry knows it.
const HEAD =
  /^(bo|so|ban|uy ban|ubnd|hdnd|van phong|tinh uy|thanh uy|dang|vien|dai|phong|thong tan|ngan hang|thanh tra|toa an|hoi dong|cac|quoc hoi|chinh phu|thu tuong|tap doan|tong cong ty|trung tam|hop tac xa|cong an|cuc|chi cuc|vu|bao hiem|kiem toan|mat tran|dia phuong|to dang|lanh dao|thuong truc|dang doan|dang uy|doanh nghiep|dai hoc|hoc vien|chu tich|giam doc|co quan)\b/;
// After "và" only unmistakable heads start a new body ("Bộ Văn hóa, Thể thao và Du lịch" is one).
const STRONG_HEAD =
  /^(bo|so|cac|ban|uy ban|ubnd|hdnd|van phong|ngan hang|thanh tra|vien|dai|tinh uy|thanh uy|dang uy|dang doan|toa an|quoc hoi|chinh phu|thu tuong|tap doan|bao hiem|trung tam|hoi dong|dia phuong)\b/;

/** Whether a name reads as a body: the registry knows it or it begins with a head word. */
export function looksLikeBody(ctx: DocContext, name: string): boolean {
  return HEAD.test(fold(name)) || resolveRegistered(name, ctx.resolution) !== null;
}

export interface NamedOrg {
  name: string;
  key: string;
  start: number;
  end: number;
}

function startsLikeBody(ctx: DocContext, s: number, e: number, strong = false): boolean {
  // Only the first words decide, so only they are read (a long cell has many commas).
  const end = Math.min(e, s + 48);
  const t = ctx.text.slice(s, end).trimStart();
  const f = ctx.folded.slice(end - t.length, end); // fold(t): folding keeps offsets
  if (/^cac\b/.test(f)) return true;
  if (!/^\p{Lu}/u.test(t)) return false;
  if ((strong ? STRONG_HEAD : HEAD).test(f)) return true;
  const word = /^[\p{Lu}Đ&]{2,}\b/u.exec(t)?.[0];
  return word !== undefined && resolveRegistered(word, ctx.resolution) !== null;
}

/** Splits at commas, semicolons, line breaks and "và" that start a new body. */
function segments(ctx: DocContext, start: number, end: number): [number, number][] {
  const text = ctx.text;
  const cuts: [number, number][] = []; // [cutStart, nextStart]
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === "," || ch === ";" || ch === "\n" || ch === "/") {
      cuts.push([i, i + 1]);
    } else if (
      ch === " " &&
      text.startsWith(" và ", i) &&
      // "Văn phòng HĐND và UBND huyện", "Văn phòng Đoàn ĐBQH và HĐND tỉnh": one office serving both.
      !/v[aă]n ph[oò]ng (?:hđnd|hội đồng nhân dân|đoàn (?:đbqh|đại biểu quốc hội))$/iu.test(
        text.slice(Math.max(start, i - 40), i),
      )
    ) {
      cuts.push([i, i + 4]);
    }
  }
  const out: [number, number][] = [];
  let s = start;
  for (const [cs, next] of cuts) {
    const hard = text[cs] === ";" || text[cs] === "\n";
    if (hard || startsLikeBody(ctx, next, end, text[cs] === " ")) {
      out.push([s, cs]);
      s = next;
    }
  }
  out.push([s, end]);
  return out;
}

function trim(ctx: DocContext, s: number, e: number): [number, number] {
  const t = ctx.text;
  while (s < e && /[\s,;.:*<>/()-]/.test(t[s] as string)) s++;
  while (e > s && /[\s,;.:*)-]/.test(t[e - 1] as string)) e--;
  return [s, e];
}

/**
 * The organisations named in [start, end): each resolved in the document's context and recorded in
 * its organisation list. Two bodies written without a separator ("Bộ Thông tin và Truyền thông Bộ
 * Khoa học và Công nghệ") are split where both halves are registry bodies.
 */
export function organisationsIn(ctx: DocContext, start: number, end: number): NamedOrg[] {
  const out: NamedOrg[] = [];
  for (const [ps, pe] of namePlaces(ctx, start, end)) {
    const name = ctx.read(ps, pe);
    if (
      name === "" ||
      (/^\p{L}+$/u.test(name) && HEAD.test(fold(name)) && resolveRegistered(name, ctx.resolution) === null)
    )
      continue;
    const org = ctx.organisation(name, ps, pe);
    out.push({ name, key: org.key, start: ps, end: pe });
  }
  return out;
}

// A lead column names the same few bodies down hundreds of rows. Where the names stand in a span
// depends only on the span's text and the document (its registry context), so each distinct text
// is cut once per document, as offsets from its start.
const placesByDoc = new WeakMap<DocContext, Map<string, [number, number][]>>();

// The document asked last, spared a WeakMap lookup: calls come document by document.
let last: { ctx: DocContext; known: Map<string, [number, number][]> } | null = null;

function namePlaces(ctx: DocContext, start: number, end: number): [number, number][] {
  let known = last?.ctx === ctx ? last.known : placesByDoc.get(ctx);
  if (known === undefined) {
    known = new Map();
    placesByDoc.set(ctx, known);
  }
  if (last?.ctx !== ctx) last = { ctx, known };
  const written = ctx.text.slice(start, end);
  let rel = known.get(written);
  if (rel === undefined) {
    rel = [];
    for (const [a, b] of segments(ctx, start, end)) {
      const [s, e] = trim(ctx, a, b);
      if (e - s < 2) continue;
      const raw = ctx.text.slice(s, e).replace(/<[^>]*>/g, " ");
      if (/^(không|khong|0|-)$/i.test(raw.trim())) continue;
      for (const [ps, pe] of splitGlued(ctx, s, e)) rel.push([ps - start, pe - start]);
    }
    known.set(written, rel);
  }
  return rel.map(([s, e]) => [start + s, start + e]);
}

function splitGlued(ctx: DocContext, s: number, e: number): [number, number][] {
  const whole = ctx.text.slice(s, e);
  if (resolveRegistered(whole, ctx.resolution) !== null) return [[s, e]];
  // "Cục Thuế tỉnh thanh toán không dùng tiền mặt": a registry body, then the words of its work
  // (a verb the partner patterns do not list). The longest such name, cut before lower-case words.
  const cut = registeredHead(ctx, s, e);
  if (cut !== null) return [[s, cut]];
  for (const m of whole.matchAll(
    /\s(?=(?:Bộ|Sở|Ban|(?:Ủy|Uỷ) ban|UBND|Văn phòng|Thanh tra|Ngân hàng) \p{Lu})/gu,
  )) {
    const cut = s + (m.index ?? 0);
    if (
      resolveRegistered(ctx.text.slice(s, cut), ctx.resolution) !== null &&
      resolveRegistered(ctx.text.slice(cut + 1, e), ctx.resolution) !== null
    ) {
      return [
        [s, cut],
        [cut + 1, e],
      ];
    }
  }
  return [[s, e]];
}

function registeredHead(ctx: DocContext, s: number, e: number): number | null {
  const t = ctx.text.slice(s, e);
  const ends: number[] = [];
  for (const m of t.matchAll(/\s+(?=\p{Ll})/gu)) ends.push(m.index ?? 0);
  if (ends.length === 0 || ends.length > 30) return null;
  for (let i = ends.length - 1; i >= 0; i--) {
    const end = ends[i] as number;
    if (end < 4) break;
    const rest = t.slice(end).trim();
    // What goes on a name or a list ("UBND các xã", "Bộ Tài chính, bộ, ngành liên quan") is no work.
    if (
      /[,;]$/.test(t.slice(0, end)) ||
      NAME_GOES_ON.test(rest) ||
      (rest.split(/\s+/).length < 3 && !WORK_VERB.test(rest))
    )
      continue;
    if (resolveRegistered(t.slice(0, end), ctx.resolution) !== null) return s + end;
  }
  return null;
}

// A short rest is a name's tail ("Sở Y tế dự phòng") unless it is the verb of the work: "Bộ Tài
// chính cân đối, bố trí kinh phí", "phối hợp với Bộ Khoa học và Công nghệ thực hiện, hoàn thành …".
const WORK_VERB =
  /^(?:thực hiện|triển khai|cân đối|bố trí|tổ chức|xây dựng|hướng dẫn|theo dõi|tham mưu|rà soát|kiểm tra|đôn đốc)(?![\p{L}])/u;

const NAME_GOES_ON =
  /^(?:các|và|liên quan|có liên quan|cấp|trực thuộc|thuộc|của|tại|trên|ở|bộ|ngành|sở|địa phương|đơn vị|cơ quan|tỉnh|thành phố|huyện|xã|phường|thị xã|thị trấn|quận|nhân dân)(?![\p{L}])/u;
