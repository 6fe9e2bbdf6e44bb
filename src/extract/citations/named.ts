// Documents the text names and links but does not number: "Chương trình hành động của UBND tỉnh
// thực hiện Nghị quyết số 01/NQ-CP", "Đề án … ban hành kèm theo Quyết định 324/QĐ-UBND",
// "Quyết định số 569/QĐ-TTg … ban hành Chiến lược …". Each becomes a document with a descriptive
// title and a key of its own (identity.ts), linked to the numbered document that defines it.
import type { DocumentType, RelationKind } from "../types.ts";
import { endsWithAny } from "../words.ts";
import { jurisdictionOf, titleDescriptor } from "./identity.ts";
import { issuerAt } from "./issuers.ts";
import type { Anchor } from "./model.ts";
import { typeOfWord } from "./typewords.ts";
import { isUpperAt, squash, type TextView } from "./view.ts";

const NAMED_TYPES =
  "chuong trinh hanh dong|chuong trinh|ke hoach hanh dong|ke hoach|de an|chien luoc|quy hoach|phuong an|quy che|quy dinh|danh muc";

// Before a numbered document: "<Loại> (của <cơ quan>) thực hiện|triển khai …" ending at the gap's end.
const BEFORE_IMPLEMENTS = new RegExp(
  String.raw`(?<![a-z])(${NAMED_TYPES})((?: cua [^,;.\n]{2,60}?)?) (?=(?:tiep tuc )?(?:trien khai )?(?:thuc hien|trien khai|cu the hoa|thi hanh)\s*$)`,
);
const CUES_AT_END = ["thuc hien", "trien khai", "cu the hoa", "thi hanh"];
// Before a numbered document: "<Loại> <title> (được) (ban hành) kèm theo …".
const BEFORE_ATTACHED = new RegExp(
  String.raw`(?<![a-z])(${NAMED_TYPES})\b([^;\n]{0,200}?)\s(?:duoc )?(?:ban hanh )?kem theo\s*$`,
);
// After a numbered document: "ban hành|phê duyệt|thực hiện <Loại> <title>".
const AFTER = new RegExp(
  String.raw`^[\s,]*(?:ve viec |de )?(ban hanh|phe duyet|(?:trien khai )?thuc hien|trien khai) (${NAMED_TYPES})\b(?! so\b)`,
);

// A decision's or resolution's own title: "Phê duyệt Đề án …", "Ban hành Kế hoạch …".
const TITLE_ISSUES = new RegExp(String.raw`^[\s*_#]*(?:ban hanh|phe duyet) (${NAMED_TYPES})\b(?! so\b)`);

/**
 * The document a decision's title approves or issues ("QUYẾT ĐỊNH Phê duyệt Đề án …"): it has no
 * number of its own and is keyed to the decision, as an attachment is (grammar §5.4, approves).
 */
export function namedInTitle(
  v: TextView,
  titleStart: number,
  titleEnd: number,
  self: { symbol: string | null; year: string | null; jurisdiction: string | null; issuer: Anchor["issuer"] },
): Anchor | null {
  if (self.symbol === null || titleEnd <= titleStart) return null;
  const m = TITLE_ISSUES.exec(v.folded.slice(titleStart, titleEnd));
  if (m === null) return null;
  const typeWord = m[1] as string;
  const start = titleStart + m[0].length - typeWord.length;
  if (!isUpperAt(v.plain, start)) return null;
  return namedAnchor(
    v,
    start,
    titleEnd,
    typeWord,
    `kem-theo-${self.symbol}`,
    self.year,
    self.jurisdiction,
    self.issuer,
  );
}

export interface NamedLink {
  named: Anchor;
  /** Relation between the named document and the numbered one. */
  kind: RelationKind;
  /** true: named -> numbered (ISSUED_WITH, IMPLEMENTS); false: numbered -> named. */
  namedIsSubject: boolean;
  cueStart: number;
  cueEnd: number;
}

interface Ctx {
  jurisdiction: string | null;
}

function namedAnchor(
  v: TextView,
  start: number,
  end: number,
  typeWord: string,
  descriptor: string,
  year: string | null,
  jurisdiction: string | null,
  issuerName: Anchor["issuer"],
): Anchor {
  return {
    start,
    end,
    tailEnd: end,
    symbol: null,
    system: "UNKNOWN",
    type: (typeOfWord(typeWord) ?? "OTHER") as DocumentType,
    issuer: issuerName,
    issuerProse: issuerName !== null,
    date: null,
    year,
    jurisdiction,
    title: squash(v.plain.slice(start, end)).replace(/[\s,.;:]+$/, ""),
    titleSpan: [start, end],
    descriptor,
    linked: null,
    key: "",
    self: false,
  };
}

/** End of a title written after its type word: the clause end, a bracket, or a new clause ", Actor". */
function titleEnd(v: TextView, from: number, limit: number): number {
  const max = Math.min(limit, from + 220, v.plain.length);
  let quoted = false;
  const p = v.plain;
  // Code units, not one-character strings (a new string for every letter outside Latin-1).
  for (let i = from; i < max; i++) {
    const c = p.charCodeAt(i);
    if (c === 0x201c || c === 0x22) quoted = !quoted; // “ "
    if (quoted) continue;
    if (c === 0x3b || c === 0x0a || c === 0x28 || c === 0x201d) return i; // ; \n ( ”
    const next = p.charCodeAt(i + 1);
    if (c === 0x2e && (next === 0x20 || next === 0x0a || i + 1 >= p.length)) return i; // .
    if (c === 0x2c && next === 0x20 && isUpperAt(p, i + 2)) return i; // ,
  }
  return max;
}

function localOrNational(issuer: Anchor["issuer"], fallback: string | null): string | null {
  if (issuer === null) return fallback;
  return issuer.national ? "national" : (jurisdictionOf(issuer.place) ?? fallback);
}

/** A named document right before numbered `m`, linked by "thực hiện" or "kèm theo". */
export function namedBefore(v: TextView, m: Anchor, windowStart: number, ctx: Ctx): NamedLink | null {
  const from = Math.max(windowStart, m.start - 260);
  const gap = v.folded.slice(from, m.start);
  // Cheap tests on the gap's end first: the full patterns scan every position of the window.
  const imp = endsWithAny(gap, CUES_AT_END) ? BEFORE_IMPLEMENTS.exec(gap) : null;
  if (imp && isUpperAt(v.plain, from + imp.index)) {
    const start = from + imp.index;
    const typeWord = imp[1] as string;
    const ofPart = imp[2] as string;
    const issuer = ofPart ? issuerAt(v.folded, v.plain, start + typeWord.length + 5) : null;
    const owner = issuer ? `${titleDescriptor(issuer.name)}-` : "";
    const named = namedAnchor(
      v,
      start,
      m.end,
      typeWord,
      `${owner}thuc-hien-${m.symbol ?? m.descriptor}`,
      m.year,
      localOrNational(issuer, ctx.jurisdiction),
      issuer ? { name: issuer.name, national: issuer.national, place: issuer.place } : null,
    );
    named.end = start + imp[0].length - 1;
    named.tailEnd = named.end;
    named.title = squash(v.plain.slice(start, m.end));
    named.titleSpan = [start, m.end];
    named.linked = m;
    return { named, kind: "IMPLEMENTS", namedIsSubject: true, cueStart: named.end + 1, cueEnd: m.start };
  }
  const att = endsWithAny(gap, ["kem theo"]) ? BEFORE_ATTACHED.exec(gap) : null;
  if (att && isUpperAt(v.plain, from + att.index)) {
    const start = from + att.index;
    const typeWord = att[1] as string;
    const end = start + typeWord.length + (att[2] as string).length;
    const named = namedAnchor(
      v,
      start,
      end,
      typeWord,
      `kem-theo-${m.symbol}`,
      m.year,
      m.jurisdiction,
      m.issuer,
    );
    return { named, kind: "ISSUED_WITH", namedIsSubject: true, cueStart: end, cueEnd: m.start };
  }
  return null;
}

/** A named document right after numbered `p`'s description: "ban hành Đề án …", "thực hiện Chương trình …". */
export function namedAfter(v: TextView, p: Anchor, limit: number, ctx: Ctx): NamedLink | null {
  const m = AFTER.exec(v.folded.slice(p.tailEnd, p.tailEnd + 60));
  if (!m) return null;
  const typeWord = m[2] as string;
  const typeStart = p.tailEnd + m[0].length - typeWord.length;
  if (!isUpperAt(v.plain, typeStart)) return null;
  const end = titleEnd(v, typeStart + typeWord.length, limit);
  if (end - typeStart <= typeWord.length + 3) return null;
  const verb = m[1] as string;
  const cueStart = p.tailEnd + m[0].indexOf(verb);
  const issuing = verb === "ban hanh" || verb === "phe duyet";
  const title = squash(v.plain.slice(typeStart, end));
  const named = namedAnchor(
    v,
    typeStart,
    end,
    typeWord,
    issuing ? `kem-theo-${p.symbol ?? p.descriptor}` : titleDescriptor(title),
    issuing ? p.year : null,
    issuing ? p.jurisdiction : ctx.jurisdiction,
    issuing ? p.issuer : null,
  );
  if (issuing) named.linked = p;
  return issuing
    ? { named, kind: "ISSUED_WITH", namedIsSubject: true, cueStart, cueEnd: cueStart + verb.length }
    : { named, kind: "IMPLEMENTS", namedIsSubject: false, cueStart, cueEnd: cueStart + verb.length };
}

// "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;": laws and ordinances are cited by name,
// without number or issuer (NĐ 30/2020 Phụ lục I §II.6).
// Only lines that open with "căn cứ" can match: each line, found with indexOf("\n") (cheaper than
// looking for "can cu " anywhere, or letting the engine try every line break), is read by the
// pattern anchored (sticky) at its start, a line break or the start of the text, when "can cu "
// follows its leading marks. Lines are taken in order and one that starts inside the previous match
// is skipped, as a global scan would.
const LAW_BASIS_AT =
  /(?:^|\n)[ \t\-*+•]*can cu ((?:bo luat|luat|phap lenh) [^;\n]{3,200}?)(?:,?\s*ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4}))?\s*(?:;|\.?\s*\n|\.$)/y;
// The marks a line may open with before "can cu" (those of LAW_BASIS_AT), by code unit: a test
// per code unit instead of a one-character string looked for in a list.
const isLineLead = (c: number) =>
  c === 0x20 || c === 0x09 || c === 0x2d || c === 0x2a || c === 0x2b || c === 0x2022;

/** Laws named in "Căn cứ …" lines, as documents with their name as title (numbered ones excluded). */
export function namedLaws(v: TextView): Anchor[] {
  const out: Anchor[] = [];
  const f = v.folded;
  let scanned = 0;
  for (let line = 0, next = 0; line >= 0; line = next) {
    const br = f.indexOf("\n", line);
    next = br < 0 ? -1 : br + 1;
    let q = line;
    while (isLineLead(f.charCodeAt(q))) q++;
    if (!f.startsWith("can cu ", q)) continue;
    const at = line === 0 ? 0 : line - 1;
    if (at < scanned) continue;
    LAW_BASIS_AT.lastIndex = at;
    const m = LAW_BASIS_AT.exec(f);
    if (m === null) continue;
    scanned = m.index + m[0].length;
    const name = m[1] as string;
    if (/\d+\s*\/\s*\d{4}\s*\/|\bso\s*\d/.test(name)) continue;
    const start = m.index + m[0].indexOf(name);
    if (!isUpperAt(v.plain, start)) continue;
    const end = start + name.trimEnd().length;
    const typeWord = name.startsWith("phap lenh") ? "phap lenh" : "luat";
    const year = m[4] ?? null;
    const law = namedAnchor(
      v,
      start,
      end,
      typeWord,
      titleDescriptor(v.plain.slice(start, end)),
      year,
      "national",
      {
        name: typeWord === "luat" ? "Quốc hội" : "Ủy ban Thường vụ Quốc hội",
        national: true,
        place: null,
      },
    );
    law.issuerProse = false;
    if (year !== null && m[3] !== undefined)
      law.date = `${year}-${(m[3] as string).padStart(2, "0")}-${(m[2] as string).padStart(2, "0")}`;
    law.tailEnd = m.index + m[0].length - 1;
    out.push(law);
  }
  return out;
}

// Words that may follow a law's name when the name is complete ("Luật Dữ liệu và …", "Luật Dữ liệu
// quy định …"); any other lower-case word continues a longer name ("Luật Dữ liệu cá nhân").
const AFTER_NAME =
  /^(?:\s*(?:$|[;.,:()"”|])|[ ]*[\t\n]|\s+(?:va|so|nam|ngay|cua|tai|theo|de|thi|duoc|da|quy|nhu|ve|voi|trong|khi|co|la|nay|ban|sua|con|ma|phai|can|dang|se|tu|hien)\b)/;

/**
 * Later mentions of a law by its name alone ("Luật Dữ liệu" after "Căn cứ Luật Dữ liệu số
 * 60/2024/QH15"): a law is cited by name (NĐ 30/2020 Phụ lục I §II.6), so each further use of the
 * same name is a mention of the same document. Names two laws share are left alone.
 */
export function lawNameMentions(v: TextView, anchors: Anchor[]): Anchor[] {
  const byName = new Map<string, Anchor | null>();
  for (const a of anchors) {
    if (a.type !== "LAW" && a.type !== "ORDINANCE") continue;
    const span = a.titleSpan;
    const name = span ? v.folded.slice(span[0], span[1]).replace(/\s+/g, " ").trim() : "";
    if (name.length < 8 || !/^(?:bo luat|luat|phap lenh) /.test(name)) continue;
    const known = byName.get(name);
    const same = known != null && (known.symbol ?? known.descriptor) === (a.symbol ?? a.descriptor);
    if (known === undefined || !same) byName.set(name, known === undefined ? a : null);
  }
  const taken = anchors
    .map((a) => [a.start, Math.max(a.end, a.tailEnd)] as const)
    .sort((x, y) => x[0] - y[0]);
  const inside = (pos: number) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((taken[mid] as readonly [number, number])[0] <= pos) lo = mid + 1;
      else hi = mid;
    }
    const t = taken[lo - 1];
    return t !== undefined && pos < t[1];
  };
  const out: Anchor[] = [];
  for (const [name, law] of byName) {
    if (law === null) continue;
    for (let i = v.folded.indexOf(name); i >= 0; i = v.folded.indexOf(name, i + name.length)) {
      const end = i + name.length;
      if (/[a-z0-9]/.test(v.folded[i - 1] ?? " ") || !isUpperAt(v.plain, i) || inside(i)) continue;
      const rest = v.folded.slice(end, end + 20);
      if (!AFTER_NAME.test(rest)) continue;
      // "Luật Đất đai năm 2013" next to "Luật Đất đai số 31/2024/QH15": another law of that name.
      const year = /^\s*(?:nam\s*)?((?:19|20)\d{2})\b/.exec(rest)?.[1];
      if (year !== undefined && year !== law.year) continue;
      out.push({
        ...law,
        start: i,
        end,
        tailEnd: end,
        date: null,
        issuerProse: false,
        titleSpan: null,
        linked: law,
        key: "",
      });
    }
  }
  return out;
}
