// Dates as Vietnamese documents write them (grammar §4 rule 5, §5.2): 30/01/2023, 5/5/2023,
// 30-01-2023, ngày 5 tháng 1 năm 2024 (across line breaks), a comma before "ngày", (13/4/2025), and
// the blank day of a draft ("ngày tháng 6 năm 2024") which yields a partial date.

const NUMERIC = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})`;
const WORDS = String.raw`(\d{1,2})?\s*thang\s*(\d{1,2})?\s*nam\s*((?:19|20)\d{2})`;
const BLANK = String.raw`[/.\s]*(\d{1,2})\s*/\s*((?:19|20)\d{2})`;

// Anchored at the position right after a symbol: optional comma/bracket, optional "ban hành"/"ký",
// or a law's "(được Quốc hội) thông qua" (a law is dated the day the Assembly passed it).
const AFTER_SYMBOL = new RegExp(
  String.raw`^[\s,(*_]*(?:(?:ban hanh|ky|(?:duoc (?:quoc hoi )?)?thong qua)\s+)?ngay\s*:?\s*(?:${NUMERIC}|${WORDS}|${BLANK})|^\s*\(\s*${NUMERIC}\s*\)`,
);

export interface FoundDate {
  iso: string;
  /** Offset (in the searched text) just after the date. */
  end: number;
}

export function isoDate(day: string | undefined, month: string | undefined, year: string): string | null {
  const y = Number(year);
  const m = month === undefined ? 0 : Number(month);
  const d = day === undefined ? 0 : Number(day);
  if (m === 0) return String(y);
  if (m < 1 || m > 12) return null;
  const mm = String(m).padStart(2, "0");
  if (d === 0) return `${y}-${mm}`;
  const last = daysInMonth(y, m);
  if (d < 1 || d > last) return null;
  return `${y}-${mm}-${String(d).padStart(2, "0")}`;
}

/** Days in month `m` (1–12) of year `y` (Gregorian; years from 1900 on, as the date grammar reads). */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Reads the date written right after a citation (within `limit`) in folded text. */
export function dateAfter(folded: string, from: number, limit: number): FoundDate | null {
  const window = folded.slice(from, Math.min(limit, from + 90));
  const m = AFTER_SYMBOL.exec(window);
  if (!m) return null;
  let iso: string | null = null;
  if (m[3] !== undefined) iso = isoDate(m[1], m[2], m[3]);
  else if (m[6] !== undefined) iso = isoDate(m[4], m[5], m[6]);
  else if (m[8] !== undefined) iso = isoDate(undefined, m[7], m[8]);
  else if (m[11] !== undefined) iso = isoDate(m[9], m[10], m[11]);
  if (iso === null) return null;
  return { iso, end: from + m[0].length };
}

/** "ngày … tháng … năm …" anywhere in a header line. */
export const HEADER_DATE = new RegExp(
  String.raw`ngay\s*(\d{1,2})?\s*[\s/.-]*thang\s*(\d{1,2})?\s*nam\s*((?:19|20)\d{2})|ngay\s*${NUMERIC}`,
);

export function yearOf(iso: string | null): string | null {
  return iso === null ? null : iso.slice(0, 4);
}
