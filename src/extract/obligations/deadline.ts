// Deadlines as written — "6/2025", "Quý II/2025", "cả năm 2024", "Tháng 10/2025", "2025 - 2026",
// "trước ngày 15/6/2025", "Thường xuyên", "Hằng năm", "2025 và những năm tiếp theo" — and the
// interval they denote. `to` is the date by which the task is due; recurring ones have none.
import { daysInMonth } from "../citations/dates.ts";
import { memoise } from "../memo.ts";
import { fold } from "../normalise.ts";
import type { Deadline } from "../types.ts";

const pad = (n: number) => String(n).padStart(2, "0");
// Callers check the year is valid (≥ 1945) or take it from a dated document.
const lastDay = daysInMonth;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

function month(y: number, m: number): [string, string] {
  return [`${y}-${pad(m)}-01`, `${y}-${pad(m)}-${pad(lastDay(y, m))}`];
}

function validYear(y: number): boolean {
  return y >= 1945 && y <= 2100;
}

/** Reads a deadline; null when the text holds no period at all. `year` fills "15/6" without a year. */
export function parseDeadline(written: string, year: number | null = null): Deadline | null {
  const d = deadlineOf(`${written}\n${year ?? ""}`);
  // A copy: the caller's task owns its deadline.
  return d === null ? null : { ...d };
}

// A table's deadline column repeats a handful of periods ("Quý II/2025", "Thường xuyên") down
// hundreds of rows: each (text, year) is read once. The year is the key's last line.
const deadlineOf = memoise((key: string) => {
  const cut = key.lastIndexOf("\n");
  const year = key.slice(cut + 1);
  return readDeadline(key.slice(0, cut), year === "" ? null : Number(year));
});

function readDeadline(written: string, year: number | null): Deadline | null {
  const text = written.replace(/\s+/g, " ").trim();
  if (text === "") return null;
  const f = fold(text);
  const recurring =
    /thuong xuyen|hang nam|hàng năm|hang quy|hang thang|dinh ky|lien tuc|nam tiep theo|cac nam/.test(f);
  const dl = (from: string | null, to: string | null, rec = recurring): Deadline => ({
    text,
    from,
    to,
    recurring: rec,
  });
  let m =
    /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(f) ??
    /ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})/.exec(f);
  if (m !== null) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const y = Number(m[3]);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= lastDay(y, mo) && validYear(y)) {
      const iso = `${y}-${pad(mo)}-${pad(d)}`;
      return dl(/^(tu|bat dau)/.test(f) ? iso : iso, iso);
    }
  }
  m = /quy ([iv]{1,3}|[1-4])\s*(?:[/-]|nam)\s*(\d{4})/.exec(f);
  if (m !== null) {
    const q = ROMAN[m[1] as string] ?? 0;
    const y = Number(m[2]);
    if (q > 0 && validYear(y)) return dl(`${y}-${pad(q * 3 - 2)}-01`, month(y, q * 3)[1]);
  }
  m = /(6|sau) thang (dau|cuoi) nam (\d{4})/.exec(f);
  if (m !== null) {
    const y = Number(m[3]);
    return m[2] === "dau" ? dl(`${y}-01-01`, `${y}-06-30`) : dl(`${y}-07-01`, `${y}-12-31`);
  }
  m = /(?:thang\s*)?(?<![\d/])(\d{1,2})\s*[/-]\s*(\d{4})/.exec(f) ?? /thang (\d{1,2}) nam (\d{4})/.exec(f);
  if (m !== null) {
    const mo = Number(m[1]);
    const y = Number(m[2]);
    if (mo >= 1 && mo <= 12 && validYear(y)) {
      const [from, to] = month(y, mo);
      return dl(from, to);
    }
  }
  const years = [...f.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((x) => Number(x[1])).filter(validYear);
  if (years.length > 0) {
    const lo = Math.min(...years);
    const hi = Math.max(...years);
    if (/nam tiep theo|cac nam sau|tro di/.test(f)) return dl(`${lo}-01-01`, null, true);
    if (/^(den|đến) nam|^den /.test(f) || /giai doan/.test(f))
      return dl(years.length > 1 ? `${lo}-01-01` : null, `${hi}-12-31`);
    return dl(`${lo}-01-01`, `${hi}-12-31`);
  }
  m = /thang (\d{1,2})(?!\d)/.exec(f);
  // "ngày 15 tháng 12 hằng năm" recurs: the document's year is not its deadline.
  if (m !== null && year !== null && !recurring) {
    const mo = Number(m[1]);
    if (mo >= 1 && mo <= 12) return dl(...month(year, mo));
  }
  if (recurring) return dl(null, null, true);
  return null;
}

/**
 * A partial date as written in a header or an appendix note: "ngày 09 tháng 01 năm 2025" →
 * "2025-01-09", "ngày tháng 6 năm 2024" → "2024-06", "ngày /5/2024" → "2024-05".
 */
export function parsePartialDate(written: string): string | null {
  const f = fold(written);
  let m = /ngay\s*(\d{1,2})?\s*thang\s*(\d{1,2})?\s*nam\s*(\d{4})/.exec(f);
  if (m !== null) {
    const y = m[3] as string;
    if (m[2] === undefined) return y;
    if (m[1] === undefined) return `${y}-${pad(Number(m[2]))}`;
    return `${y}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  }
  m = /(\d{1,2})?\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(f);
  if (m !== null) {
    const y = m[3] as string;
    if (m[1] === undefined) return `${y}-${pad(Number(m[2]))}`;
    return `${y}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  }
  return null;
}
