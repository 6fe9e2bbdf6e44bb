// Targets (chỉ tiêu): indicator, unit, comparator, value, horizon — from tables like a programme's
// "DANH MỤC CÁC CHỈ TIÊU" appendix. "≤ 3 Đông Nam Á; ≤ 50 Thế giới" is two targets.
import { fold } from "../normalise.ts";
import type { Target } from "../types.ts";
import { parseNumber } from "./actions.ts";
import type { ColumnRole } from "./columns.ts";
import { clean, type DocContext, hash } from "./context.ts";
import type { Row } from "./tables.ts";

const COMPARATOR =
  /^(≥|>=|≤|<=|>|<|=|khoảng|tối thiểu|ít nhất|tối đa|trên|dưới|không quá|không dưới|đạt|phấn đấu)\s*/iu;
const NUMBER = /(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)/;

interface Value {
  comparator: string | null;
  value: number | null;
  valueText: string;
  qualifier: string | null;
}

const LEADING_NUMBER = new RegExp(`^${NUMBER.source}\\s*%?`);
const RANGE_END = new RegExp(`^[-–]\\s*${NUMBER.source}`);

/** "≥ 30" → ≥ 30; "20% - 50%" → a range from 20; "Đạt mức tiên tiến…" → no number. */
export function parseValue(written: string): Value {
  const t = written.trim();
  const cm = COMPARATOR.exec(t);
  const comparator0 = cm === null ? null : (cm[1] as string).replace(">=", "≥").replace("<=", "≤");
  const rest = cm === null ? t : t.slice(cm[0].length);
  const nm = LEADING_NUMBER.exec(rest);
  if (nm === null) return { comparator: comparator0, value: null, valueText: t, qualifier: null };
  const value = parseNumber(nm[1] as string);
  const after = rest.slice(nm[0].length).trim();
  const range = RANGE_END.exec(after);
  const comparator = range !== null ? "range" : (comparator0 ?? "=");
  const qualifier = range !== null ? null : after.replace(/^[,;]\s*/, "").trim() || null;
  return { comparator, value, valueText: t, qualifier };
}

/** Reads a targets table (one with an indicator column). */
export function readTargetTable(
  ctx: DocContext,
  roles: (ColumnRole | null)[],
  body: Row[],
  ordinal: number,
): Target[] {
  const col = (r: ColumnRole) => roles.indexOf(r);
  const [idC, indC, unitC, valC] = [col("id"), col("indicator"), col("unit"), col("value")];
  const out: Target[] = [];
  let horizon: string | null = null;
  for (const row of body) {
    const cells = row.cells;
    const get = (i: number) => {
      const c = i >= 0 ? cells[i] : undefined;
      return c === undefined ? "" : ctx.read(c.start, c.end);
    };
    const id = get(idC).replace(/[*.\s]+$/g, "");
    const indicator = clean(get(indC));
    const valueText = clean(get(valC));
    const unit = clean(get(unitC)) || null;
    if (indicator === "" && valueText === "") continue;
    if (valueText === "" && unit === null) {
      // A section ("Đến năm 2030") or a group heading (an indicator with sub-indicators).
      const y = /(?:đến|den)\s+n[ăa]m\s+(\d{4})/iu.exec(indicator) ?? /\b(20\d{2})\b/.exec(indicator);
      if (y !== null && /^[IVX]+$|^[A-Z]$/.test(id.replace(/\*/g, ""))) horizon = y[1] as string;
      continue;
    }
    const ownHorizon = /(?:đến|den) (?:năm|nam) (\d{4})/iu.exec(fold(indicator))?.[1] ?? null;
    const parts = valueText.split(/;\s*/).filter((p) => p.trim() !== "");
    const values =
      parts.length > 1 && parts.every((p) => COMPARATOR.test(p) || /^\d/.test(p)) ? parts : [valueText];
    for (const p of values) {
      const v = parseValue(p);
      const label = values.length > 1 && v.qualifier !== null ? `${indicator} (${v.qualifier})` : indicator;
      out.push({
        key: `target|${ctx.doc.key}|${ordinal}:${id}${values.length > 1 ? `:${hash(p)}` : ""}`,
        indicator: label,
        unit: unit ?? (/%/.test(p) ? "%" : null),
        comparator: v.comparator,
        value: v.value,
        valueText: v.valueText,
        horizon: ownHorizon ?? horizon,
        setBy: ctx.doc.key,
        span: ctx.span(row.start, row.end),
      });
    }
  }
  return out;
}
