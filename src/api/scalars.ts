// The Date scalar: output passes the graph's ISO dates through (possibly partial, "2024-06");
// input must be a real calendar day, because "as of" needs one.
import { GraphQLScalarType, Kind } from "graphql";
import { userError } from "./errors.ts";

function parseDate(value: unknown): string {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value) return value;
  }
  throw userError("BAD_USER_INPUT", "A Date must be a calendar day written YYYY-MM-DD.");
}

export const DateScalar = new GraphQLScalarType({
  name: "Date",
  description: "ISO 8601 date (ngày).",
  serialize: (value) => (typeof value === "string" ? value : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw userError("BAD_USER_INPUT", "A Date must be a string YYYY-MM-DD.");
    return parseDate(ast.value);
  },
});

/** Days from `from` to `to` when both are full dates, else null. */
export function daysBetween(from: unknown, to: unknown): number | null {
  if (typeof from !== "string" || typeof to !== "string" || from.length !== 10 || to.length !== 10)
    return null;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / 86_400_000);
}
