// What every part of the obligations pass needs about one document: its normalised text (matching
// runs there), a way back to original offsets (provenance quotes the text as written), who wrote it
// and when (to resolve "UBND tỉnh" and to judge deadlines), and where its citations are.
import { daysInMonth } from "../citations/dates.ts";
import { fold, type NormalisedText, normalise, squash } from "../normalise.ts";
import {
  ownerScope,
  type ResolutionContext,
  type ResolvedOrganisation,
  resolveOrganisation,
} from "../organisations/index.ts";
import type {
  Citation,
  CitationExtraction,
  DocumentRef,
  ExtractedOrganisation,
  Span,
  Warning,
} from "../types.ts";

export interface CitationMention {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  citation: Citation;
}

export class DocContext {
  readonly original: string;
  /** Normalised text: NFC, look-alikes unified. Offsets below are into this text. */
  readonly text: string;
  /** fold(text): same offsets, lower case, no diacritics. */
  readonly folded: string;
  readonly doc: DocumentRef;
  readonly cites: CitationExtraction;
  readonly resolution: ResolutionContext;
  readonly mentions: CitationMention[];
  readonly warnings: Warning[] = [];
  private readonly toOrig: (offset: number) => number;
  private readonly orgs = new Map<string, ExtractedOrganisation>();
  private readonly resolved = new Map<string, ResolvedOrganisation>();
  /** The commune, ward or district that issued the document, when it is one. */
  readonly local: LocalUnit | null;

  constructor(original: string, cites: CitationExtraction, n: NormalisedText = normalise(original)) {
    this.original = original;
    this.text = n.text;
    this.folded = n.folded();
    this.toOrig = (o) => n.toOriginal(o);
    this.doc = cites.document;
    this.cites = cites;
    // A commune's or district's document carries its local unit in its key ("lao-cai/xa-bao-thang").
    const where = cites.document.key.split("|")[1] ?? "";
    this.resolution = {
      jurisdiction: cites.document.jurisdiction,
      date: cites.document.date,
      ...(where.includes("/") ? { scope: where } : {}),
      // A ministry's or a department's document: its own units are its own ("Vụ Pháp chế").
      ...(ownerScope(cites.document.issuerKey) ?? {}),
    };
    this.local = localUnit(where, cites.document.issuer);
    this.mentions = [];
    const all: { s: number; e: number; c: Citation }[] = [];
    for (const c of cites.citations) for (const m of c.mentions) all.push({ s: m.start, e: m.end, c });
    all.sort((a, b) => a.s - b.s);
    for (const m of all) {
      this.mentions.push({ start: this.toNormalised(m.s), end: this.toNormalised(m.e), citation: m.c });
    }
  }

  /** Smallest normalised offset whose original offset is ≥ `orig` (binary search on a monotone map). */
  toNormalised(orig: number): number {
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.toOrig(mid) < orig) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A span in normalised offsets → evidence quoting the original text. */
  span(start: number, end: number): Span {
    const s = this.toOrig(Math.max(0, start));
    const e = this.toOrig(Math.min(this.text.length, end));
    return { start: s, end: e, text: this.original.slice(s, e) };
  }

  /** The original text of a normalised range, cleaned for reading (content is quoted as written). */
  read(start: number, end: number): string {
    return clean(this.span(start, end).text);
  }

  warn(message: string, start: number, end: number): void {
    const sp = this.span(start, end);
    this.warnings.push({ message, start: sp.start, end: sp.end });
  }

  /** Index of the first mention starting at or after `offset` (mentions are sorted by start). */
  firstMentionAt(offset: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.mentions[mid] as CitationMention).start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Citations mentioned within [start, end) of the normalised text, in order. */
  citationsIn(start: number, end: number): CitationMention[] {
    const out: CitationMention[] = [];
    for (let i = this.firstMentionAt(start); i < this.mentions.length; i++) {
      const m = this.mentions[i] as CitationMention;
      if (m.start >= end) break;
      if (m.end <= end) out.push(m);
    }
    return out;
  }

  /**
   * The local council a mention names in a commune's, ward's or district's document: "UBND",
   * "HĐND huyện", "Ủy ban nhân dân phường" there are the unit's own bodies, not the province's
   * ("UBND tỉnh" stays the province's). Null when the mention is not one.
   */
  localCouncil(name: string): ResolvedOrganisation | null {
    const l = this.local;
    if (l === null) return null;
    const m = LOCAL_COUNCIL.exec(fold(squash(name)));
    if (m === null || (m[2] !== undefined && m[2] !== l.levelFolded)) return null;
    const hdnd = (m[1] as string).startsWith("h");
    return {
      key: `org:${l.scope}:${hdnd ? "hdnd" : "ubnd"}`,
      name: `${hdnd ? "HĐND" : "UBND"} ${l.level} ${l.name}`,
      tier: "UNIT",
      jurisdiction: this.resolution.jurisdiction,
      registered: false,
      record: null,
    };
  }

  /** Resolves a written organisation and records the mention in the document's organisation list. */
  organisation(name: string, start: number, end: number): ResolvedOrganisation {
    // A document names its few bodies again and again (every row's lead unit): each name is
    // resolved once per document.
    let r = this.resolved.get(name);
    if (r === undefined) {
      r = this.localCouncil(name) ?? resolveOrganisation(name, this.resolution);
      this.resolved.set(name, r);
    }
    const sp = this.span(start, end);
    const known = this.orgs.get(r.key);
    if (known === undefined) {
      this.orgs.set(r.key, {
        key: r.key,
        name: r.name,
        tier: r.tier,
        jurisdiction: r.jurisdiction,
        registered: r.registered,
        ...(r.collective ? { collective: true as const } : {}),
        mentions: [sp],
      });
    } else if (!known.mentions.some((m) => m.start === sp.start && m.end === sp.end)) {
      known.mentions.push(sp);
    }
    return r;
  }

  organisations(): ExtractedOrganisation[] {
    return [...this.orgs.values()];
  }

  /** The report date as ISO (possibly partial), or null. */
  get date(): string | null {
    return this.doc.date;
  }

  private asOfMemo: string | null | undefined;

  /**
   * The date the document's figures stand at when it says so ("(tính đến ngày 30/9/2025)" in its
   * title, "Tính đến ngày 15/6/2024, …" in its text): its first such date not after the document's
   * own. Null when it names none.
   */
  get asOf(): string | null {
    if (this.asOfMemo === undefined) this.asOfMemo = asOfIn(this.folded, 0, this.folded.length, this.date);
    return this.asOfMemo;
  }

  /** When a status or count written in the document was true: its as-of date, else its date. */
  get observedOn(): string | null {
    return this.asOf ?? this.date;
  }

  get year(): number | null {
    const y = this.doc.date?.slice(0, 4);
    return y === undefined ? null : Number(y);
  }
}

// "tính đến ngày 15/6/2024", "tính đến hết ngày 30 tháng 9 năm 2025", "tính đến hết tháng 6/2024".
const AS_OF =
  /tinh den (?:het |thoi diem |cuoi )?(?:ngay\s*)?(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2}) thang (\d{1,2}) nam (\d{4})|thang (\d{1,2})\s*(?:[/-]|nam)\s*(\d{4}))/g;

/** The first as-of date in folded[start, end) that is a real date not after `notAfter`. */
export function asOfIn(folded: string, start: number, end: number, notAfter: string | null): string | null {
  AS_OF.lastIndex = start;
  for (let m = AS_OF.exec(folded); m !== null && m.index < end; m = AS_OF.exec(folded)) {
    const y = Number(m[3] ?? m[6] ?? m[8]);
    const mo = Number(m[2] ?? m[5] ?? m[7]);
    if (mo < 1 || mo > 12 || y < 1945) continue;
    const d = (m[1] ?? m[4]) ? Number(m[1] ?? m[4]) : daysInMonth(y, mo);
    if (d < 1 || d > daysInMonth(y, mo)) continue;
    const iso = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    if (notAfter !== null && iso.slice(0, notAfter.length) > notAfter) continue;
    return iso;
  }
  return null;
}

export interface LocalUnit {
  /** Key part of the unit: "dak-lak/huyen-krong-pac". */
  scope: string;
  level: string;
  levelFolded: string;
  /** The unit's name as its issuer writes it ("Krông Pắc"), or from its key when the issuer does not. */
  name: string;
}

const LOCAL_COUNCIL =
  /^(ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)(?: (huyen|xa|phuong|thi tran|quan|thi xa))?$/;
const LEVELS: [string, string][] = [
  ["thi-tran-", "thị trấn"],
  ["thi-xa-", "thị xã"],
  ["huyen-", "huyện"],
  ["quan-", "quận"],
  ["phuong-", "phường"],
  ["xa-", "xã"],
];

/** The local unit of a document whose key carries one ("dak-lak/huyen-krong-pac"), else null. */
function localUnit(where: string, issuer: string | null): LocalUnit | null {
  const slash = where.indexOf("/");
  if (slash < 0) return null;
  const part = where.slice(slash + 1);
  const lv = LEVELS.find(([p]) => part.startsWith(p));
  if (lv === undefined) return null;
  const [prefix, level] = lv;
  const levelFolded = fold(level);
  // "UBND huyện Đại Lộc", "Huyện ủy Krông Pắc": the name is what follows the level word.
  const fi = issuer === null ? "" : fold(issuer);
  const at = fi.search(new RegExp(`(?:^|\\s)${levelFolded}(?: uy)?\\s`));
  const name =
    issuer !== null && at >= 0
      ? (issuer.slice(at).replace(/^\s*\S+(?:\s+(?:trấn|xã|ủy|uỷ))?\s+/u, "") as string)
      : part.slice(prefix.length).replace(/-/g, " ");
  return { scope: where, level, levelFolded, name };
}

/** Whether `offset` lies in one of `ranges` (sorted, non-overlapping [start, end) pairs). */
export function inRanges(ranges: [number, number][], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ranges[mid] as [number, number])[1] <= offset) lo = mid + 1;
    else hi = mid;
  }
  const r = ranges[lo];
  return r !== undefined && offset >= r[0] && offset < r[1];
}

// Tags, &nbsp;, Markdown escapes and emphasis stars, in one scan. Their first characters differ
// and none can create or hide another, so one pass equals stripping them in turn (tags, &nbsp;,
// escapes, stars), provided an escaped star goes too, as the stars' step would remove it.
const DECORATION = /<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?\/?>|&nbsp;|\\([*_#|()[\]-])|\*+/g;

/** Collapses whitespace and strips Markdown/HTML decoration from a cell or line, for reading. */
export function clean(text: string): string {
  if (!/[<&\\*]/.test(text)) return squash(text);
  return squash(
    text.replace(DECORATION, (m: string, escaped: string | undefined) => {
      if (escaped !== undefined) return escaped === "*" ? "" : escaped;
      return m[0] === "*" ? "" : " ";
    }),
  );
}

/** FNV-1a, for short stable keys derived from content. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
