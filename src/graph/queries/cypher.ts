// Named Cypher from cypher/queries/<name>.cypher, read once per process. Queries take user input only
// as parameters; the one exception is a bounded integer (hop bounds), which Cypher cannot take as a
// parameter in a variable-length pattern — `{{name}}` placeholders accept nothing but validated
// integers, so no string can ever reach the query text.
//
// The text is kept without its comment lines and indentation: the driver sends the whole statement
// with every request and Neo4j reads all of it before it looks up the plan (9 KB more cost 0.4–0.9 ms
// of Neo4j's CPU per request, docs/benchmarks.md "round 5"), and the files are mostly comments
// (half of a 4-level lineage walk's 21 KB). Splice points are block comments (`/*LEVELS*/`), which
// stay.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../../../cypher/queries/", import.meta.url));
const cache = new Map<string, string>();

export function cypher(name: string, integers: Record<string, number> = {}): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`invalid query name: ${name}`);
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(`${dir}${name}.cypher`, "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("//"))
      .join("\n");
    cache.set(name, text);
  }
  return text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
    const value = integers[key];
    if (value === undefined || !Number.isSafeInteger(value) || value < 0 || value > 1000) {
      throw new Error(`query ${name}: {{${key}}} needs an integer in 0..1000, got ${String(value)}`);
    }
    return String(value);
  });
}
