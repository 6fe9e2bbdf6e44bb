// Issuers read from prose ("của Bộ Chính trị", "do UBND tỉnh ban hành") and from symbol suffixes,
// with spelling variants resolved (grammar §5.3). Prose wins over the suffix: TW alone does not say
// whether the Central Committee, the Politburo or the Secretariat issued a document.
import { memoise } from "../memo.ts";
import { fold } from "../normalise.ts";
import { endsWithAny } from "../words.ts";
import { issuerOfCode, knownDepartmentCodes } from "./codes.ts";
import { isUpperAt, squash } from "./view.ts";

export interface Issuer {
  /** Canonical name without the place, e.g. "Ban Thường vụ Tỉnh ủy", "UBND tỉnh", "Bộ Chính trị". */
  name: string;
  national: boolean;
  /** Place written after a local issuer ("UBND tỉnh Quảng Nam"), as written; null if none. */
  place: string | null;
}

type Rule = [RegExp, (m: RegExpExecArray, plain: string) => string, boolean];

const LEVEL: Record<string, string> = {
  tinh: "tỉnh",
  "thanh pho": "thành phố",
  huyen: "huyện",
  quan: "quận",
  "thi xa": "thị xã",
  xa: "xã",
  phuong: "phường",
};
const LEVELS = "tinh|thanh pho|huyen|quan|thi xa|xa|phuong";
const UBND = "(?:ubnd|uy ban nhan dan)";
const HDND = "(?:hdnd|hoi dong nhan dan)";

const fixed = (name: string) => () => name;
const committee = (m: RegExpExecArray) => (m[1] === "thanh" ? "Thành ủy" : "Tỉnh ủy");

// Ordered: more specific phrases first. Matched against folded text at the start of the phrase.
const RULES: Rule[] = [
  [
    /^(?:ban chap hanh|bch) trung uong(?: dang)?(?: cong san viet nam)?(?: \(?khoa [ivxlc]+\)?)?/,
    fixed("Ban Chấp hành Trung ương Đảng"),
    true,
  ],
  [/^(?:bch|ban chap hanh) tw\b/, fixed("Ban Chấp hành Trung ương Đảng"), true],
  [/^bo chinh tri\b/, fixed("Bộ Chính trị"), true],
  [/^ban bi thu(?: trung uong dang)?\b/, fixed("Ban Bí thư"), true],
  [/^van phong trung uong dang\b/, fixed("Văn phòng Trung ương Đảng"), true],
  [/^ban chi dao trung uong\b/, fixed("Ban Chỉ đạo Trung ương"), true],
  [/^dang uy chinh phu\b/, fixed("Đảng ủy Chính phủ"), true],
  [/^dang doan quoc hoi\b/, fixed("Đảng đoàn Quốc hội"), true],
  [/^dang uy quoc hoi\b/, fixed("Đảng ủy Quốc hội"), true],
  [/^(?:uy ban thuong vu quoc hoi|ubtvqh)\b/, fixed("Ủy ban Thường vụ Quốc hội"), true],
  [/^quoc hoi\b/, fixed("Quốc hội"), true],
  [/^(?:thu tuong chinh phu|thu tuong|ttg|ttcp)\b/, fixed("Thủ tướng Chính phủ"), true],
  [/^van phong chinh phu\b/, fixed("Văn phòng Chính phủ"), true],
  [/^chinh phu\b/, fixed("Chính phủ"), true],
  [/^trung uong\b/, fixed("Ban Chấp hành Trung ương Đảng"), true],
  [/^(?:ban thuong vu|btv) (tinh|thanh) uy\b/, (m) => `Ban Thường vụ ${committee(m)}`, false],
  [/^thuong truc (tinh|thanh) uy\b/, (m) => `Thường trực ${committee(m)}`, false],
  [
    /^(?:ban chap hanh|bch) dang bo (tinh|thanh pho)\b/,
    (m) => (m[1] === "tinh" ? "Tỉnh ủy" : "Thành ủy"),
    false,
  ],
  // "BCH đảng UBND tỉnh" is written for Ban cán sự đảng: a BCH belongs to a Party committee, not to UBND.
  [
    new RegExp(
      String.raw`^(?:ban can su dang|bcs dang|bcsd|bcs|bch dang(?= ${UBND}))(?: (${UBND})(?: (${LEVELS}))?)?\b`,
    ),
    (m) => (m[1] ? `Ban cán sự đảng UBND ${LEVEL[m[2] ?? "tinh"] ?? "tỉnh"}` : "Ban cán sự đảng"),
    false,
  ],
  // A board of the Party committee, spelt like the fixed names ("ủy", not the normalised "uỷ").
  [
    /^(?:(?:ban|uy ban) ([a-z ]{2,24}?) ?|van phong )(tinh|thanh) uy\b/,
    (_m, p) => squash(p).replace(/uỷ/g, "ủy").replace(/Uỷ/g, "Ủy"),
    false,
  ],
  [/^(tinh|thanh) uy\b/, committee, false],
  [/^(?:dang uy|dang doan) [a-z ]{2,30}?(?=[,;.(]| ve | ngay | tai |$)/, (_m, p) => squash(p), false],
  [/^thanh tra (tinh|thanh pho)\b/, (m) => `Thanh tra ${LEVEL[m[1] as string]}`, false],
  // Provincial bodies of central branches and of the province (registry template roles).
  [/^cong an (tinh|thanh pho)\b/, (m) => `Công an ${LEVEL[m[1] as string]}`, false],
  [/^bo chi huy quan su (tinh|thanh pho)\b/, (m) => `Bộ Chỉ huy Quân sự ${LEVEL[m[1] as string]}`, false],
  [/^cuc thue (tinh|thanh pho)\b/, (m) => `Cục Thuế ${LEVEL[m[1] as string]}`, false],
  [
    new RegExp(String.raw`^van phong (?:${UBND}|${HDND}) (${LEVELS})\b`),
    (m) => `Văn phòng UBND ${LEVEL[m[1] as string]}`,
    false,
  ],
  [
    new RegExp(String.raw`^chu tich ${UBND} (${LEVELS})\b`),
    (m) => `Chủ tịch UBND ${LEVEL[m[1] as string]}`,
    false,
  ],
  [new RegExp(String.raw`^${UBND} (${LEVELS})\b`), (m) => `UBND ${LEVEL[m[1] as string]}`, false],
  [new RegExp(String.raw`^${HDND} (${LEVELS})\b`), (m) => `HĐND ${LEVEL[m[1] as string]}`, false],
];

// All the rules in one pattern, each in a group of its own. Its alternatives are tried in order, like
// the rules, so the first group that took part names the rule that matches: issuerAt runs the engine
// once to find it (and once more for that rule's own groups) instead of once per rule; it is asked at
// every ", Capital" of a title, where usually none matches.
const ANY_RULE = new RegExp(`^(?:${RULES.map(([re]) => `(${re.source.slice(1)})`).join("|")})`);
// The group of ANY_RULE that wraps each rule: after the groups of the rules before it.
const RULE_GROUP: number[] = [];
for (let g = 1, k = 0; k < RULES.length; k++) {
  RULE_GROUP.push(g);
  // A pattern's match has one entry per group (after the whole match); "|" lets it match "".
  g += (new RegExp(`${(RULES[k] as Rule)[0].source}|`).exec("") as RegExpExecArray).length;
}

// Ministries and departments by folded name and common abbreviation.
const MINISTRY_ALIASES: [string, string][] = [
  ["bo kh&cn", "Bộ Khoa học và Công nghệ"],
  ["bo khcn", "Bộ Khoa học và Công nghệ"],
  ["bo tt&tt", "Bộ Thông tin và Truyền thông"],
  ["bo gd&dt", "Bộ Giáo dục và Đào tạo"],
  ["bo kh&dt", "Bộ Kế hoạch và Đầu tư"],
  ["bo nn&ptnt", "Bộ Nông nghiệp và Phát triển nông thôn"],
  ["bo tn&mt", "Bộ Tài nguyên và Môi trường"],
  ["bo ld-tb&xh", "Bộ Lao động - Thương binh và Xã hội"],
  ["so kh&cn", "Sở Khoa học và Công nghệ"],
  ["so tt&tt", "Sở Thông tin và Truyền thông"],
  ["so gd&dt", "Sở Giáo dục và Đào tạo"],
  ["so kh&dt", "Sở Kế hoạch và Đầu tư"],
  ["so nn&ptnt", "Sở Nông nghiệp và Phát triển nông thôn"],
  ["so tn&mt", "Sở Tài nguyên và Môi trường"],
];

function namedBodies(): [string, string, boolean][] {
  const out: [string, string, boolean][] = [];
  for (const code of [
    "BKHCN",
    "BTTTT",
    "BNV",
    "BTC",
    "BCA",
    "BQP",
    "BYT",
    "BGDĐT",
    "BCT",
    "BXD",
    "BTP",
    "BNG",
  ]) {
    const i = issuerOfCode(code);
    if (i) out.push([fold(i.name), i.name, true]);
  }
  for (const code of ["BVHTTDL", "BNNPTNT", "BTNMT", "BNNMT", "BKHĐT", "BLĐTBXH", "BGTVT", "BDTTG"]) {
    const i = issuerOfCode(code);
    if (i) out.push([fold(i.name), i.name, true]);
  }
  for (const code of knownDepartmentCodes()) {
    const i = issuerOfCode(code);
    if (i) out.push([fold(i.name), i.name, false]);
  }
  for (const [f, name] of MINISTRY_ALIASES) out.push([f, name, name.startsWith("Bộ")]);
  // Longest first so "bo nong nghiep va phat trien nong thon" beats "bo nong nghiep va moi truong".
  return out.sort((a, b) => b[0].length - a[0].length);
}
const BODIES = namedBodies();
// The bodies by their first three letters, in the same order: a window is compared only with the
// names it can start with (a name shorter than that is compared with every window).
const HEAD = 3;
const BODIES_BY_HEAD = (() => {
  const short = BODIES.filter(([f]) => f.length < HEAD);
  const by = new Map<string, typeof BODIES>();
  for (const b of BODIES) {
    const head = b[0].slice(0, HEAD);
    if (head.length === HEAD && !by.has(head))
      by.set(
        head,
        BODIES.filter(([f]) => f.length < HEAD || f.startsWith(head)),
      );
  }
  return { by, short };
})();

// Syllables that start prose, not a place, when a title is written in capitals ("… TỈNH ỦY THỰC HIỆN …").
// Only first syllables: the second ones ("định" of "quyết định", "hành" of "ban hành") also end
// place names ("Bình Định", "Nam Định"), and the phrase has already stopped at its first syllable.
const NOT_PLACE = new Set(
  "thuc trien ve ke nghi chuong ban tren giai cua va tai theo so ngay thang bao quyet".split(" "),
);

/** Capitalised words after a local issuer: a place name of at least two syllables ("Quảng Trị"). */
const PLACE_RE = /^[ \t]+(?:(?:tinh|thanh pho)[ \t]+)?((?:[^\s,;.()]+)(?:[ \t]+[^\s,;.()]+){1,3})/;

function placeAfter(folded: string, plain: string, at: number): { place: string; end: number } | null {
  const m = PLACE_RE.exec(folded.slice(at, at + 60));
  if (!m) return null;
  const wordsStart = at + m[0].length - (m[1] as string).length;
  // Keep only the leading run of capitalised words; a place has two or more.
  const words = plain.slice(wordsStart, at + m[0].length).split(/\s+/);
  const caps: string[] = [];
  let len = 0;
  for (const w of words) {
    // "V/v" (về việc) after the issuer starts the title, not the place.
    if (w === "" || !isUpperAt(w, 0) || NOT_PLACE.has(fold(w)) || w.includes("/")) break;
    caps.push(w);
    len += (caps.length > 1 ? 1 : 0) + w.length;
  }
  if (caps.length < 2) return null;
  return { place: caps.join(" "), end: wordsStart + len };
}

export interface IssuerMatch extends Issuer {
  end: number;
}

/** Reads an issuer phrase starting exactly at `at` (folded text). */
export function issuerAt(folded: string, plain: string, at: number): IssuerMatch | null {
  // A PDF's hard wrap inside the name ("của Bộ\nChính trị") reads as a space; a break after a
  // mark (";", ".", ":") still ends the phrase. Same length, so offsets hold.
  const window = folded
    .slice(at, at + 120)
    .replace(/(?<=[a-z0-9])[ \t]*\n[ \t]*(?=[a-z])/g, (m) => " ".repeat(m.length));
  const any = ANY_RULE.exec(window);
  if (any !== null) {
    const [re, name, national] = RULES[RULE_GROUP.findIndex((g) => any[g] !== undefined)] as Rule;
    const m = re.exec(window) as RegExpExecArray;
    const end = at + m[0].length;
    const written = plain.slice(at, end);
    const issuer = name(m, written);
    if (national) return { name: issuer, national, place: null, end };
    const p = placeAfter(folded, plain, end);
    return { name: issuer, national, place: p?.place ?? null, end: p?.end ?? end };
  }
  for (const [f, canonical, national] of BODIES_BY_HEAD.by.get(window.slice(0, HEAD)) ??
    BODIES_BY_HEAD.short) {
    if (window.startsWith(f) && !/[a-z0-9]/.test(window[f.length] ?? " ")) {
      // "Bộ trưởng Bộ X" and "Giám đốc Sở X" name the body.
      const end = at + f.length;
      if (national) return { name: canonical, national, place: null, end };
      const p = placeAfter(folded, plain, end);
      return { name: canonical, national, place: p?.place ?? null, end: p?.end ?? end };
    }
  }
  // "Sở KHCN", "Bộ TC": a body named by the abbreviation its symbols use (S…/B… codes).
  const abbr = /^(so|bo) ([a-z&]{2,8})\b/.exec(window);
  if (abbr) {
    const letters = plain.slice(at + (abbr[1] as string).length + 1, at + abbr[0].length);
    if (letters === letters.toUpperCase()) {
      const code = issuerOfCode(`${abbr[1] === "so" ? "S" : "B"}${letters.replace(/&/g, "")}`);
      if (code) {
        const end = at + abbr[0].length;
        if (code.national) return { name: code.name, national: true, place: null, end };
        const p = placeAfter(folded, plain, end);
        return { name: code.name, national: false, place: p?.place ?? null, end: p?.end ?? end };
      }
    }
  }
  const lead = /^(?:bo truong|giam doc|thu truong) /.exec(window);
  if (lead) return issuerAt(folded, plain, at + lead[0].length);
  return null;
}

const BY_PHRASE = /^[\s,]*(?:(?:cua|do)\s+)/;

/** The issuer phrase after a citation: ", của X" or "do X (ban hành)". */
export function issuerAfter(folded: string, plain: string, from: number): IssuerMatch | null {
  const m = BY_PHRASE.exec(folded.slice(from, from + 16));
  if (!m) return null;
  return issuerAt(folded, plain, from + m[0].length);
}

/** Edit distance with an early exit above 2: variants differ by one or two letters. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min(
        (prev[j] as number) + 1,
        (prev[j - 1] as number) + 1,
        diag + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

/** Initials of a department name, "và" dropped: "Sở Khoa học và Công nghệ" -> "SKHCN". */
export function departmentCode(name: string): string {
  const words = fold(name)
    .replace(/[^a-z\s]/g, " ")
    .split(/\s+/)
    .filter((w) => w !== "" && w !== "va");
  return words.map((w) => (w[0] as string).toUpperCase()).join("");
}

/**
 * Resolves a misspelt department code (SKHCHN, SKHCCN for SKHCN) to the one known code within edit
 * distance 1. `extra` adds codes derived from department names written in the document itself.
 */
export function resolveDepartmentCode(code: string, extra: Iterable<string>): string {
  if (!code.startsWith("S") || code.length < 3) return code;
  const more = [...extra];
  if (more.length > 0) return nearestCode(code, new Set([...knownDepartmentCodes(), ...more]));
  return nearestKnownCode(code);
}

// Against the known codes alone the answer never changes: worked out once per code.
const nearestKnownCode = memoise((code) => nearestCode(code, new Set(knownDepartmentCodes())), 10_000);

function nearestCode(code: string, known: Set<string>): string {
  if (known.has(code)) return code;
  const near = [...known].filter((k) => distance(fold(k), fold(code)) === 1);
  return near.length === 1 ? (near[0] as string) : code;
}

const ISSUED_BY_BEFORE = /(?:^|[,:(]\s*|\s)([^,;.:\n]{3,60}?)\s+(?:da\s+|vua\s+)?ban hanh\s*$/;

// "(theo đề nghị / chỉ đạo) của Văn phòng UBND tỉnh tại Công văn số …": the issuer, then "tại".
const OF_BEFORE_AT = /\bcua\s+([^,;.:\n]{3,60}?)\s+tai\s*$/;

/** "Bộ Chính trị (đã) ban hành Nghị quyết số …", "của X tại Công văn số …": the issuer written before. */
export function issuerBefore(folded: string, plain: string, typeStart: number): IssuerMatch | null {
  const from = Math.max(0, typeStart - 80);
  const window = folded.slice(from, typeStart);
  if (endsWithAny(window, ["tai"])) {
    const at = OF_BEFORE_AT.exec(window);
    if (at === null) return null;
    const name = at[1] as string;
    const start = from + at.index + at[0].indexOf(name);
    const found = issuerAt(folded, plain, start);
    return found !== null && found.end >= start + name.length - 1 ? found : null;
  }
  if (!endsWithAny(window, ["ban hanh"])) return null;
  const m = ISSUED_BY_BEFORE.exec(window);
  if (!m) return null;
  const groupStart = from + m.index + m[0].indexOf(m[1] as string);
  const groupEnd = groupStart + (m[1] as string).length;
  for (let i = groupStart; i < groupEnd; i++) {
    if (i > groupStart && folded[i - 1] !== " ") continue;
    const found = issuerAt(folded, plain, i);
    if (found && found.end >= groupEnd - 1) return found;
  }
  return null;
}
