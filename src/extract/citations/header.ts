// The document itself, from its header (thể thức): the issuer block, "Số: …" (blank in a draft),
// "<Place>, ngày … tháng … năm …", the type heading and the trích yếu (title) under it.

import { fold } from "../normalise.ts";
import type { DocumentType } from "../types.ts";
import { canonicalSegment, issuerOfCode, typeOfCode } from "./codes.ts";
import { HEADER_DATE, isoDate } from "./dates.ts";
import { type Issuer, issuerAt } from "./issuers.ts";
import { findSymbols, type RawSymbol } from "./symbols.ts";
import { typeOfWord } from "./typewords.ts";
import { isUpperAt, squash } from "./view.ts";

export interface Header {
  symbol: RawSymbol | null;
  /** Type and issuer codes of a blank draft number ("Số: /BC-SKHCHN"). */
  blankType: string | null;
  blankIssuer: string | null;
  issuer: Issuer | null;
  /** Place of issue as written ("Quảng Trị", "Hà Nội"). */
  place: string | null;
  /** Province (or city) named in the issuer block ("UBND TỈNH QUẢNG TRỊ"), title case. */
  province: string | null;
  /** "thành phố" when the province line names a centrally governed city, else "tỉnh". */
  level: string;
  date: string | null;
  type: DocumentType | null;
  title: string | null;
  /** Span of the title in the normalised text (relations in the title have SELF as subject). */
  titleStart: number;
  titleEnd: number;
  /** Where the header ends: citations before this point are the document's own number. */
  end: number;
  /** A local government below the province ("UBND XÃ BẢO THẮNG"): its level and name, title case. */
  local: { level: string; name: string } | null;
}

// "ỦY BAN NHÂN DÂN" alone on a line, with its level and name on the next ("XÃ BẢO THẮNG").
const BARE_COUNCIL = /^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)$/;
const LOCAL_LINE = /^(xa|phuong|thi tran|huyen|quan|thi xa)\s+([a-z].*)$/;
const LOCAL_LEVEL: Record<string, string> = {
  xa: "xã",
  phuong: "phường",
  "thi tran": "thị trấn",
  huyen: "huyện",
  quan: "quận",
  "thi xa": "thị xã",
};

const HEADER_LIMIT = 3000;
// "Số:" followed by a number, a blank placeholder or the end of the line; "SỞ TÀI CHÍNH" folds to "so" too.
const NUMBER_LINE =
  /(?:^|\n)[ \t>#*]*(?:(?:cong van|nghi quyet|quyet dinh|ke hoach|bao cao|chi thi|ket luan|to trinh)\s+)?so\s*:?[ \t]*(?=[\d./…_-]|\s*\n)/g;
/(?:^|\n)[ \t>#*]*(?:(?:cong van|nghi quyet|quyet dinh|ke hoach|bao cao|chi thi|ket luan|to trinh)\s+)?so\s*:?[ \t]*/g;
const BLANK_ADMIN = /^[.…_ \t]*\/\s*([a-z][a-z0-9&]{0,15})(?:-([a-z][a-z0-9&]{0,15}))?/;
const BLANK_PARTY = /^[.…_ \t]*-\s*([a-z]{1,4})\s*\/\s*([a-z][a-z0-9&]{0,15})/;
// "Số:" lines are skipped, "SỞ TÀI CHÍNH" (same folded word) is an issuer line.
const SKIP_LINE =
  /^(?:cong hoa xa hoi|doc lap|dang cong san viet nam|so\b(?=\s*[:\d.…_/-]|\s*$)|v\/v|kinh gui|\*|[-\s]+$)/;
// The column beside the issuer block in a two-column header (table pipes are blanked to spaces).
const RIGHT_COLUMN = /cong hoa xa hoi|dang cong san viet nam|doc lap\b|\S\s{3,}\S/;
// The issuing unit under its parent agency: "SỞ Y TẾ" under "UBND TỈNH X", "BAN TUYÊN GIÁO" under
// "TỈNH ỦY X", "CỤC QUẢN LÝ DƯỢC" under "BỘ Y TẾ".
const SUBUNIT =
  /^(?:van phong|ban|so|vu|cuc|tong cuc|chi cuc|trung tam|vien|thanh tra|phong|uy ban kiem tra) [a-z0-9 ,&-]+$/;
// Words of a unit's name that the official spelling keeps in capitals after the head word(s).
const HEAD = /^(?:van phong|tong cuc|chi cuc|trung tam|thanh tra|uy ban kiem tra|ban|so|vu|cuc|vien|phong)\s/;
const TYPE_HEADING =
  /^(nghi quyet|nghi dinh|quyet dinh|chi thi|ket luan|quy dinh|quy che|thong tu|thong tri|huong dan|thong bao|ke hoach|chuong trinh hanh dong|chuong trinh|de an|bao cao|to trinh|cong van|cong dien|du thao bao cao)\s*$/;

/**
 * A unit's name from capitals, in the official spelling: the head word and the first word of the
 * name capitalised, the rest lower case ("BAN TUYÊN GIÁO" -> "Ban Tuyên giáo", "CỤC QUẢN LÝ DƯỢC"
 * -> "Cục Quản lý dược"). Abbreviations written with "&" stay in capitals ("KH&CN").
 */
function unitName(folded: string, plain: string): string {
  const head = HEAD.exec(`${folded} `)?.[0].trim().split(" ").length ?? 1;
  return squash(plain)
    .split(" ")
    .map((w, i) => {
      if (w.includes("&")) return w;
      const lower = w.toLowerCase();
      return i === 0 || i === head ? (lower[0] as string).toUpperCase() + lower.slice(1) : lower;
    })
    .join(" ");
}

/**
 * A Party committee's name read from capitals ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"), in the official
 * spelling: "Đảng ủy Khối các cơ quan tỉnh" — the words lower case but the first and the one after
 * "Đảng ủy" / "Đảng đoàn". Names the rules spell themselves are not in capitals and stay as they are.
 */
function fromCapitals(name: string): string {
  if (name !== name.toUpperCase() || !/^ĐẢNG (?:ỦY|UỶ|ĐOÀN) \p{Lu}/u.test(name)) return name;
  return name
    .toLowerCase()
    .replace(/uỷ/g, "ủy")
    .split(" ")
    .map((w, i) => (i === 0 || i === 2 ? (w[0] as string).toUpperCase() + w.slice(1) : w))
    .join(" ");
}

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(/\s+/)
    .map((w) => (w === "" ? w : (w[0] as string).toUpperCase() + w.slice(1)))
    .join(" ");
}

interface Line {
  start: number;
  end: number;
  folded: string;
  plain: string;
}

function linesOf(folded: string, plain: string, limit: number): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start < limit) {
    // Real line breaks: the folded text reads a soft wrap as a space, but "NGHỊ QUYẾT\nvề …" is two lines.
    let end = plain.indexOf("\n", start);
    if (end < 0 || end > limit) end = Math.min(limit, folded.length);
    const raw = folded.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    out.push({
      start: start + lead,
      end: start + lead + text.length,
      folded: text,
      plain: plain.slice(start + lead, start + lead + text.length),
    });
    if (end >= folded.length) break;
    start = end + 1;
  }
  return out;
}

const HEADING_COLUMN = /cong hoa xa hoi|dang cong san viet nam|doc lap\b/;

/**
 * The header's lines as the eye reads them: a table cell that stacks the issuer block with line
 * breaks ("UỶ BAN NHÂN DÂN<br>TỈNH HẬU GIANG<br>------- | CỘNG HÒA …", its tags and pipes blanked)
 * is one line per stacked part of its left column.
 */
function blockLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const heading = HEADING_COLUMN.exec(line.folded);
    const left = heading === null ? "" : line.folded.slice(0, heading.index).trimEnd();
    if (heading === null || !/\S\s{3,}\S/.test(left)) {
      out.push(line);
      continue;
    }
    for (const m of left.matchAll(/\S+(?:\s{1,2}\S+)*/g)) {
      const at = m.index ?? 0;
      out.push({
        start: line.start + at,
        end: line.start + at + m[0].length,
        folded: m[0],
        plain: line.plain.slice(at, at + m[0].length),
      });
    }
  }
  return out;
}

export function readHeader(folded: string, plain: string): Header {
  const limit = Math.min(folded.length, HEADER_LIMIT);
  const h: Header = {
    symbol: null,
    blankType: null,
    blankIssuer: null,
    issuer: null,
    place: null,
    province: null,
    level: "tỉnh",
    date: null,
    type: null,
    title: null,
    titleStart: 0,
    titleEnd: 0,
    end: 0,
    local: null,
  };
  // Số line: the first one in the header.
  NUMBER_LINE.lastIndex = 0;
  let numberAt = -1;
  const nm = NUMBER_LINE.exec(folded.slice(0, limit));
  if (nm) {
    numberAt = nm.index + (folded[nm.index] === "\n" ? 1 : 0);
    const after = nm.index + nm[0].length;
    const sym = findSymbols(folded.slice(0, after + 60), plain.slice(0, after + 60)).find(
      (s) => s.start >= after && s.start <= after + 3,
    );
    // The number line holds the number alone (or, flattened from two columns, the place and date).
    const lineEnd = folded.indexOf("\n", after);
    const rest = sym ? folded.slice(sym.end, lineEnd < 0 ? folded.length : lineEnd) : "";
    if (sym && /^(?:\s*|\s+[^,\n]{2,40},\s*ngay\b.*)$/.test(rest)) {
      h.symbol = sym;
      h.end = sym.end;
    } else if (!sym) {
      const w = folded.slice(after, after + 40);
      const a = BLANK_ADMIN.exec(w);
      const p = BLANK_PARTY.exec(w);
      if (p && isUpperAt(plain, after + p[0].length - (p[2] as string).length)) {
        h.blankType = canonicalSegment(
          plain.substr(after + p[0].indexOf(p[1] as string), (p[1] as string).length),
        );
        h.blankIssuer = canonicalSegment(
          plain.substr(after + p[0].length - (p[2] as string).length, (p[2] as string).length),
        );
        h.end = after + p[0].length;
      } else if (a && isUpperAt(plain, after + a[0].indexOf(a[1] as string))) {
        const first = canonicalSegment(
          plain.substr(after + a[0].indexOf(a[1] as string), (a[1] as string).length),
        );
        const second = a[2]
          ? canonicalSegment(plain.substr(after + a[0].length - a[2].length, a[2].length))
          : null;
        if (typeOfCode(first) !== null && second !== null) {
          h.blankType = first;
          h.blankIssuer = second;
        } else h.blankIssuer = first;
        h.end = after + a[0].length;
      }
    }
  }

  const lines = linesOf(folded, plain, limit);
  // Issuer block: capitalised lines before the Số line (or the first lines when there is none).
  const issuerLines: Issuer[] = [];
  let subunit: string | null = null;
  let bare: string | null = null;
  let chairman = false;
  // The block ends at the place-and-date line; a Markdown title may put "Số" above it.
  for (const line of blockLines(lines.slice(0, 20))) {
    if (HEADER_DATE.test(line.folded)) break;
    if (
      line.folded === "" ||
      SKIP_LINE.test(line.folded) ||
      (numberAt >= 0 && line.start <= numberAt + 3 && line.end >= numberAt)
    )
      continue;
    // Two columns on one line ("UBND TỈNH X | CỘNG HÒA …", "SỞ Y TẾ | Độc lập …"): the left one.
    const right = RIGHT_COLUMN.exec(line.folded);
    // A gap match starts on the last letter of the left column; a heading match on the right one.
    const cut = right === null ? line.folded.length : right.index + (/^\S\s/.test(right[0]) ? 1 : 0);
    const folded = line.folded.slice(0, cut).trim();
    if (folded === "") continue;
    const plainLeft = line.plain.slice(0, folded.length);
    if (plainLeft !== plainLeft.toUpperCase()) continue;
    if (folded === "chu tich") {
      chairman = true;
      continue;
    }
    // "ĐẢNG BỘ TỈNH ĐIỆN BIÊN", "UBND TỈNH QUẢNG TRỊ", "TỈNH ĐIỆN BIÊN": the province of a local issuer.
    const prov =
      /(?:^|\s)(?:tinh|thanh pho)\s+(?!uy\b)([a-z].*)$/.exec(folded) ??
      /(?:^|\s)(?:tinh|thanh) uy\s+([a-z].*)$/.exec(folded);
    if (prov && h.province === null && /(?:^|\s)thanh pho\s/.test(folded)) h.level = "thành phố";
    if (prov && h.province === null)
      h.province = titleCase(line.plain.slice(folded.length - (prov[1] as string).length, folded.length));
    // "ĐẢNG BỘ TỈNH X" heads the blocks of the provincial Party committee and its boards
    // ("BAN THƯỜNG VỤ", "BAN TUYÊN GIÁO" under it are the Tỉnh ủy's).
    const branch = /^dang bo (tinh|thanh pho)\s/.exec(folded);
    const i = branch
      ? { name: branch[1] === "tinh" ? "Tỉnh ủy" : "Thành ủy", national: false, place: null }
      : issuerAt(folded, line.plain, 0);
    // A commune or district government: its place is its own, not the province's.
    const council = bare;
    const localLine = council !== null ? LOCAL_LINE.exec(folded) : null;
    bare = BARE_COUNCIL.test(folded) ? (folded.startsWith("h") ? "HĐND" : "UBND") : null;
    if (localLine !== null) {
      const level = LOCAL_LEVEL[localLine[1] as string] as string;
      issuerLines.push({ name: `${council} ${level}`, national: false, place: null });
      h.local = {
        level,
        name: titleCase(line.plain.slice(folded.length - (localLine[2] as string).length, folded.length)),
      };
      subunit = null;
      continue;
    }
    // "HUYỆN ỦY KRÔNG PẮC" under "ĐẢNG BỘ TỈNH X": the district Party committee, not the Tỉnh ủy.
    // "ĐẢNG ỦY XÃ IA GRAI", "ĐẢNG ỦY PHƯỜNG X": the commune's or ward's Party committee.
    const localParty =
      /^(huyen|quan|thi) uy\s+([a-z].*)$/.exec(folded) ??
      /^dang uy (xa|phuong|thi tran)\s+([a-z].*)$/.exec(folded);
    if (localParty !== null) {
      const word = localParty[1] as string;
      const level = word === "thi" ? "thị xã" : (LOCAL_LEVEL[word] as string);
      const head = folded.startsWith("dang uy")
        ? `Đảng ủy ${level}`
        : `${word === "huyen" ? "Huyện" : word === "quan" ? "Quận" : "Thị"} ủy`;
      issuerLines.push({ name: head, national: false, place: null });
      h.local = {
        level,
        name: titleCase(line.plain.slice(folded.length - (localParty[2] as string).length, folded.length)),
      };
      subunit = null;
      continue;
    }
    const localIssuer = i && /^(?:UBND|HĐND) (xã|phường|thị trấn|huyện|quận|thị xã)$/u.exec(i.name);
    if (localIssuer && i?.place) h.local = { level: localIssuer[1] as string, name: titleCase(i.place) };
    if (i) {
      // The place of a header issuer comes from the province line, in title case, not from capitals.
      issuerLines.push({ ...i, name: fromCapitals(i.name), place: null });
      subunit = null;
    } else if (/^van phong$/.test(folded) || SUBUNIT.test(folded)) {
      subunit = unitName(folded, line.plain.slice(0, folded.length));
    }
  }
  // The lower line is the issuer; the upper one is its parent (and gives the province).
  const parent = issuerLines[issuerLines.length - 1];
  if (subunit !== null && (parent === undefined || /^Sở /u.test(subunit))) {
    h.issuer = { name: subunit, national: false, place: null };
  } else if (parent) {
    // "BAN CHẤP HÀNH" under "ĐẢNG BỘ TỈNH X" is the Tỉnh ủy itself.
    const own = subunit !== null && subunit !== "Ban chấp hành";
    h.issuer = own ? { ...parent, name: squash(`${subunit} ${parent.name}`) } : parent;
  } else {
    const code = h.symbol?.issuerCode ?? h.blankIssuer;
    const i = code ? issuerOfCode(code) : null;
    if (i) h.issuer = { name: i.name, national: i.national, place: null };
  }

  // "CHỦ TỊCH" over "ỦY BAN NHÂN DÂN TỈNH …", or the code CT in the number ("215/QĐ-CT",
  // "12/2025/QĐ-CTUBND"): the chairman's own decision, not the committee's (grammar §1.4, §2.2,
  // §5.3: a QPPL type of its own from 1 July 2025).
  const chairCode = /^CT(?:UBND)?$/.test(h.symbol?.issuerCode ?? h.blankIssuer ?? "");
  if (
    (chairman || chairCode) &&
    h.issuer !== null &&
    /^(?:UBND|(?:Ủy|Uỷ) ban nhân dân)\b/u.test(h.issuer.name)
  )
    h.issuer = { ...h.issuer, name: `Chủ tịch ${h.issuer.name}` };

  // Place and date. A "V/v" line may cite a dated document above the place-and-date line.
  for (const line of lines) {
    if (line.folded.startsWith("v/v") || line.folded.startsWith("ve viec")) continue;
    const dm = HEADER_DATE.exec(line.folded);
    if (!dm) continue;
    const comma = line.folded.lastIndexOf(",", dm.index);
    if (comma > 0) {
      // Two columns on one line ("Số: 356/QĐ-UBND | Hậu Giang, ngày …"): the place is the right one's.
      const columns = line.plain.slice(0, comma).split(/\s{3,}/);
      const place = squash((columns[columns.length - 1] as string).replace(/^[#>*_\s]+/, ""));
      if (place !== "" && isUpperAt(place, 0) && place.length <= 40) h.place = place;
    }
    h.date = dm[3] !== undefined ? isoDate(dm[1], dm[2], dm[3]) : isoDate(dm[4], dm[5], dm[6] as string);
    break;
  }

  // Type heading and title (trích yếu): the lines after the heading up to a blank line.
  const code = h.symbol?.typeCode ?? h.blankType;
  h.type = h.symbol?.codeType ?? (code ? typeOfCode(code) : null);
  const from = lines.findIndex((l) => l.start >= Math.max(0, numberAt));
  for (let i = Math.max(0, from); i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.folded.startsWith("v/v") || line.folded.startsWith("ve viec")) {
      h.title = squash(line.plain.replace(/^v\/v\s*:?\s*/i, ""));
      h.titleStart = line.start + (line.plain.length - line.plain.replace(/^v\/v\s*:?\s*/i, "").length);
      h.titleEnd = line.end;
      break;
    }
    const heading = TYPE_HEADING.exec(line.folded);
    if (!heading || line.plain !== line.plain.toUpperCase()) continue;
    if (h.type === null || h.type === "OTHER")
      h.type = typeOfWord((heading[1] as string).replace(/^du thao /, ""));
    let j = i + 1;
    while (j < lines.length && (lines[j] as Line).folded === "") j++;
    const parts: Line[] = [];
    while (j < lines.length && (lines[j] as Line).folded !== "" && parts.length < 4) {
      const l = lines[j] as Line;
      if (
        /^(can cu|kinh gui|---|[ivx]+\.|dieu 1)/.test(l.folded) ||
        (TYPE_HEADING.test(l.folded) && l.plain === l.plain.toUpperCase())
      )
        break;
      parts.push(l);
      j++;
    }
    if (parts.length > 0) {
      h.title = squash(parts.map((p) => p.plain).join(" "));
      h.titleStart = (parts[0] as Line).start;
      h.titleEnd = (parts[parts.length - 1] as Line).end;
    }
    break;
  }
  // A Party title names the organ of the committee that issues ("KẾT LUẬN / của Ban Thường vụ Tỉnh
  // ủy về …"): the header "TỈNH ỦY" and the code TU stand for the committee and its standing board
  // alike (grammar §3.4, §5.3).
  if (h.issuer !== null && h.title !== null && /^(?:tinh|thanh) uy$/.test(fold(h.issuer.name))) {
    const organ =
      /^cua (ban thuong vu|thuong truc) (?:tinh|thanh) uy(?![a-z])/.exec(
        folded.slice(h.titleStart, h.titleEnd),
      ) ??
      // Else the signature says it: "T/M BAN THƯỜNG VỤ" (the Party writes T/M for TM.).
      /(?:^|\n)[ \t]*(?:t\/m|tm\.?)[ \t]+(ban thuong vu)[ \t]*(?:\n|$)/.exec(folded);
    if (organ !== null) {
      const head = organ[1] === "ban thuong vu" ? "Ban Thường vụ" : "Thường trực";
      h.issuer = { ...h.issuer, name: `${head} ${h.issuer.name}` };
    }
  }
  return h;
}
