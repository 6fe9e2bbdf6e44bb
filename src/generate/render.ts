// How a citation is written, with the deviations real documents show (docs/vn-document-grammar.md §5):
// spaces inside symbols, all-caps symbols, Ð (U+00D0) for Đ, missing diacritics, line breaks inside a
// citation, "số" omitted or glued, Party-style dates, dropped leading zeros. Each deviation is drawn
// with its own probability and counted, so a test can check that a corpus really contains them and the
// ground truth can say which file has which.
import type { Rng } from "./prng.ts";

export interface DeviationRates {
  symbolSpacing: number;
  symbolCase: number;
  eth: number;
  noLeadingZero: number;
  soOmitted: number;
  soGlued: number;
  noDiacritics: number;
  lineBreak: number;
  partyDate: number;
  longDate: number;
  commaBeforeDate: number;
  nfd: number;
}

export const DEFAULT_RATES: DeviationRates = {
  symbolSpacing: 0.05,
  symbolCase: 0.04,
  eth: 0.12,
  noLeadingZero: 0.15,
  soOmitted: 0.08,
  soGlued: 0.02,
  noDiacritics: 0.02,
  lineBreak: 0.05,
  partyDate: 0.6,
  longDate: 0.2,
  commaBeforeDate: 0.3,
  nfd: 0.02,
};

/** Counts of applied deviations, by kind. */
export type DeviationCounts = Record<string, number>;

export class Style {
  readonly counts: DeviationCounts = {};
  constructor(
    readonly rng: Rng,
    readonly rates: DeviationRates = DEFAULT_RATES,
  ) {}

  /** Draws a deviation and counts it when it happens. */
  roll(kind: keyof DeviationRates, scale = 1): boolean {
    if (!this.rng.chance(this.rates[kind] * scale)) return false;
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
    return true;
  }
}

/** Diacritics removed but case kept: "Nghị quyết" → "Nghi quyet", "NQ-HĐND" → "NQ-HDND". */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

export function isoParts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split("-").map(Number);
  return [y as number, m as number, d as number];
}

/**
 * The official header form: "ngày 05 tháng 01 năm 2024" — leading zero for days below 10 and for
 * months 1 and 2 (NĐ 30/2020 Phụ lục I §II.4.b).
 */
export function headerDate(iso: string): string {
  const [y, m, d] = isoParts(iso);
  const month = m <= 2 ? pad2(m) : String(m);
  return `ngày ${pad2(d)} tháng ${month} năm ${y}`;
}

/** A date inside a citation, in one of the forms documents use. */
export function citationDate(iso: string, party: boolean, style: Style): string {
  const [y, m, d] = isoParts(iso);
  let body: string;
  if (party && style.roll("partyDate")) body = `ngày ${pad2(d)}-${pad2(m)}-${y}`;
  else if (style.roll("longDate")) body = `ngày ${d} tháng ${m} năm ${y}`;
  else if (style.roll("noLeadingZero", 0.5)) body = `ngày ${d}/${m}/${y}`;
  else body = `ngày ${pad2(d)}/${pad2(m)}/${y}`;
  if (party && style.roll("commaBeforeDate")) return `, ${body}`;
  return ` ${body}`;
}

/** A canonical symbol as a document might write it. */
export function writtenSymbol(symbol: string, style: Style): string {
  let s = symbol;
  if (/^0\d/.test(s) && style.roll("noLeadingZero")) s = s.slice(1);
  if (style.roll("symbolSpacing")) {
    const variant = style.rng.int(0, 3);
    if (variant === 0) s = s.replace("/", " /");
    else if (variant === 1) s = s.replace("/", "/ ");
    else if (variant === 2) s = s.replace("/", " / ");
    else s = s.replace(/-/, " - ");
  }
  if (/[a-z]/.test(s) && style.roll("symbolCase")) s = s.toUpperCase();
  if (s.includes("Đ") && style.roll("eth")) s = s.replace(/Đ/g, "\u00D0");
  return s;
}

/** "số " before a symbol, or one of its deviations. */
export function numberWord(style: Style): string {
  if (style.roll("soOmitted")) return "";
  if (style.roll("soGlued")) return "số";
  return "số ";
}

/** A line break in place of one space, where the context allows it (prose, not a table cell). */
export function lineBreakDeviation(phrase: string, style: Style): string {
  if (!style.roll("lineBreak")) return phrase;
  const spaces: number[] = [];
  for (let i = 0; i < phrase.length; i++) if (phrase[i] === " ") spaces.push(i);
  if (spaces.length === 0) return phrase;
  const at = style.rng.pick(spaces);
  return `${phrase.slice(0, at)}\n${phrase.slice(at + 1)}`;
}
