// The CSV dialect of Neo4j's offline importer (`neo4j-admin database import`) as the first load
// writes it: every string quoted (a quote doubled inside), so that a quoted empty string stays an
// empty string while an empty field is a missing property, as a null is in Cypher; lists joined by
// a control character no Vietnamese text contains, so a "," or ";" inside an item never splits it.
// Quotes keep their line breaks, so the importer runs with --multiline-fields=true.

/** A property value as the importer types it: bigint is Cypher's Integer, number its Float, Date its DateTime. */
export type Value = string | number | bigint | boolean | Date | readonly string[] | null;

export type Props = Record<string, Value>;

/** The importer's --array-delimiter, in the escape form it parses. */
export const ARRAY_DELIMITER_OPTION = "\\u001F";
const ARRAY_DELIMITER = "\u001F";

const QUOTE = /"/g;

export function field(value: Value | undefined): string {
  if (value === null || value === undefined) return "";
  switch (typeof value) {
    case "string":
      // Most strings hold no quote: looking costs less than replacing nothing.
      return value.includes('"') ? `"${value.replace(QUOTE, '""')}"` : `"${value}"`;
    case "number":
    case "bigint":
    case "boolean":
      return String(value);
    default:
      if (value instanceof Date) return value.toISOString();
      // The importer reads "" in a list column as no property: the graph stores no list instead.
      if (value.length === 0) throw new Error("an empty list cannot be imported (rows store null instead)");
      return `"${value.join(ARRAY_DELIMITER).replace(QUOTE, '""')}"`;
  }
}

/** The importer's column type for a value (`key:long`); undefined for a null, which says nothing. */
export function columnType(value: Value): string | undefined {
  if (value === null) return undefined;
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return "double";
    case "bigint":
      return "long";
    case "boolean":
      return "boolean";
    default:
      return value instanceof Date ? "datetime" : "string[]";
  }
}

/**
 * One label's node file: `:ID` (the import id, "Label|key"), then every property any node of the
 * label has, typed by its values. A property holding values of two types is an extractor bug the
 * transactional writer would store silently; here it stops the load. Lines come one at a time: a
 * label's file can be larger than the longest string V8 holds.
 */
export function nodeFile(
  label: string,
  nodes: ReadonlyMap<string, Props>,
): { header: string; lines: () => Generator<string> } {
  const types = new Map<string, string>();
  for (const props of nodes.values()) {
    for (const [name, value] of Object.entries(props)) {
      const type = columnType(value);
      if (type === undefined) continue;
      const known = types.get(name);
      if (known === undefined) types.set(name, type);
      else if (known !== type) throw new Error(`${label}.${name} holds both ${known} and ${type} values`);
    }
  }
  const names = [...types.keys()];
  const header = [":ID", ...names.map((n) => `${n}:${types.get(n)}`)].join(",");
  function* lines(): Generator<string> {
    for (const [key, props] of nodes)
      yield [field(`${label}|${key}`), ...names.map((n) => field(props[n]))].join(",");
  }
  return { header, lines };
}

/** Columns of the one relationships file: every relationship kind's properties are a subset. */
export const RELATIONSHIP_HEADER =
  ":START_ID,:END_ID,:TYPE,source,start:long,end:long,quote,confidence:double,cue,extractorVersion";

export interface RelationshipProps {
  source?: string | null;
  start?: bigint | null;
  end?: bigint | null;
  quote?: string | null;
  confidence?: number | null;
  cue?: string | null;
  extractorVersion?: string | null;
}

export function relationshipLine(from: string, type: string, to: string, p: RelationshipProps): string {
  // One template, not an array joined: a load writes millions of these lines.
  return `${field(from)},${field(to)},${type},${field(p.source)},${field(p.start)},${field(p.end)},${field(p.quote)},${field(p.confidence)},${field(p.cue)},${field(p.extractorVersion)}`;
}
