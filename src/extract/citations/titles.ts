// The trích yếu (title) of a cited document, read from the words after its number, date and issuer:
// "Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị về <title>", "… “về <title>”",
// "Kế hoạch số 97/KH-UBND ngày 06/05/2024 Triển khai thực hiện <title>", "Quyết định số … phê duyệt …".
// Titles are stored without the connecting "về" / "về việc", like the header's "V/v".

import { isSpace } from "../normalise.ts";
import { issuerAt } from "./issuers.ts";
import type { Anchor } from "./model.ts";
import { isUpperAt, type TextView } from "./view.ts";

const MAX_TITLE = 400;
// "về", "về việc", quoted, "(khóa XIII) về"; or an issuer phrase the issuer rules did not read
// ("của Hội nghị Trung ương 8 về …"), as long as it stays within the clause.
const LEAD_VE =
  /^[ \t,]*(?:(?:cua|do) [^;\n“”"()]{2,80}? )?(?:\(khoa [ivxlc]+\)[ \t]*)?(?:(?:(?:ve viec|v\/v|ve)[ \t]*:?[ \t]+)([“"][ \t]*(?:(?:ve viec|ve)[ \t]+)?)?|([“"][ \t]*(?:(?:ve viec|ve)[ \t]+)?))(?=\S)/;
// Words a trích yếu written straight after the date starts with (lower case); a capital also starts one.
const TITLE_VERB =
  /^(?:ban hanh|phe duyet|cong bo|quy dinh|thanh lap|kien toan|sua doi|bo sung|trien khai|thuc hien|huong dan|dieu chinh|giao|to chuc|tang cuong|day manh|phat trien|chan chinh|nang cao|ve viec)\b/;
// A comma that opens the main clause: "…, UBND tỉnh đã …", "…, Sở … báo cáo như sau".
const CLAUSE_AFTER_COMMA =
  /^,\s+(?:(?:dong thoi|theo do|trong do|tuy nhien|qua do|ngoai ra|nham|de|dong chi|chung toi)\b|[^,;\n]{0,60}?\s(?:da|dang|se|bao cao|chi dao|yeu cau|de nghi|kinh bao cao)\s|[^,;\n]{0,70}?\snhu sau\b)/;
// A title cut short by the next citation ends on the cue that links to it: no title of its own.
const DANGLING =
  /(?:^|\s)(?:cua|thuc hien|trien khai|theo|tai|ve|ve viec|so|kem theo|doi voi|cu the hoa|huong dan|thay the|bai bo|mot so dieu|quy dinh chi tiet|thi hanh)$/;

/**
 * Span of the title after a numbered citation, in normalised offsets, or null. `limit` is where the
 * next citation starts: a title never runs into it.
 */
export function titleAfter(v: TextView, a: Anchor, limit: number): [number, number] | null {
  const f = v.folded;
  const from = a.tailEnd;
  const window = f.slice(from, Math.min(limit, from + 120));
  const lead = LEAD_VE.exec(window);
  let start: number;
  let quoted = false;
  if (lead) {
    quoted = lead[1] !== undefined || lead[2] !== undefined;
    start = from + lead[0].length;
    // "vệ" folds like "về": only the written "về" (or a quote) introduces a title.
    if (!quoted && !/(?:^|[\s,)])(?:về|v\/v)[\s:]/iu.test(v.plain.slice(from, start))) return null;
  } else {
    // Straight after the date or issuer: a capital or a title verb, never an issuer or a new clause.
    const gap = /^[ \t]+(?=\S)/.exec(window);
    if (!gap) return null;
    start = from + gap[0].length;
    // The next cell of a table row is not a title.
    for (let i = from; i < start; i++) {
      const r = v.norm.codeUnitAt(i);
      if (r === 0x7c || r === 0x3c) return null;
    }
    const ch = v.plain[start] ?? "";
    const capital = ch !== ch.toLowerCase();
    if (!capital && !TITLE_VERB.test(f.slice(start, start + 20))) return null;
    if (issuerAt(f, v.plain, start) !== null || /^(?:ngay|so|cua|do)\b/.test(f.slice(start, start + 5)))
      return null;
  }
  const stop = Math.min(limit, start + MAX_TITLE, f.length);
  let end = -1;
  let opened = 0;
  // Code units, not one-character strings (a new string for every letter outside Latin-1).
  for (let i = start; i < stop; i++) {
    const c = f.charCodeAt(i);
    // Line, item and table-cell ends ("|" and "<br>" are blanked in the folded text); ": " opens a clause.
    const r = v.norm.codeUnitAt(i);
    if (
      c === 0x0a ||
      c === 0x3b || // ;
      c === 0x09 ||
      r === 0x7c || // |
      r === 0x3c || // <
      (c === 0x3a && (i + 1 >= f.length || isSpace(f.charCodeAt(i + 1)))) // :
    ) {
      end = i;
      break;
    }
    // A closing quote ends the title: its own, or that of an outer quotation it sits in.
    if (c === 0x201c) opened++;
    else if (c === 0x201d || (c === 0x22 && quoted)) {
      if (opened === 0) {
        end = i;
        break;
      }
      opened--;
    }
    if (
      c === 0x2e && // .
      (i + 1 >= f.length || isSpace(f.charCodeAt(i + 1))) &&
      !/(?:^|\s)(?:tp|tx|tt)$/.test(f.slice(Math.max(0, i - 3), i))
    ) {
      end = i;
      break;
    }
    if (c === 0x28 && /^\(\s*(?:sau day|goi tat|goi la)/.test(f.slice(i, i + 20))) {
      end = i;
      break;
    }
    if (
      c === 0x2c && // ,
      (CLAUSE_AFTER_COMMA.test(f.slice(i, i + 80)) ||
        // An issuer is written with a capital: look it up only then.
        (isUpperAt(v.plain, i + 2) && issuerAt(f, v.plain, i + 2)))
    ) {
      end = i;
      break;
    }
    if (
      c === 0x20 &&
      f.charCodeAt(i + 1) === 0x74 && // both phrases go on with "t": most spaces are passed at once
      // "… trong đó …" (in which) opens a clause about the document, not its title.
      (f.startsWith(" trong do ", i) ||
        // A national document's title does not end in one province: "… trên địa bàn tỉnh X" is the clause's.
        (a.jurisdiction === "national" && f.startsWith(" tren dia ban ", i)))
    ) {
      end = i;
      break;
    }
  }
  const cut = end < 0;
  if (cut && stop === start + MAX_TITLE) return null;
  if (cut) end = stop;
  // Trailing connectors before the next citation ("… tình hình mới và Kế hoạch số …").
  let e = end;
  for (;;) {
    const t = f.slice(start, e).replace(/[\s,:(]+$/, "");
    const m = /\s(?:va|hoac|cung|va cac|cac)$/.exec(t);
    e = start + t.length;
    if (!m) break;
    e -= m[0].length;
  }
  const title = f.slice(start, e);
  if (cut && stop === limit && DANGLING.test(title)) return null;
  // Capitals straight after a number are the rest of a heading ("… SỐ 71/NQ-CP CÓ THỜI HẠN …").
  const written = v.plain.slice(start, e);
  if (!lead && written === written.toUpperCase()) return null;
  if (title.length < 8 || !/\s/.test(title.trim())) return null;
  return [start, e];
}
