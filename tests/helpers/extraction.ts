// Reading extraction results in assertions: the held-out tests (tests/unit/extract/heldout*.test.ts)
// state facts as a reader would, by symbol, not by key.
import { readFileSync } from "node:fs";
import path from "node:path";
import { extract } from "../../src/extract/index.ts";
import type { Citation, Extraction, Relation, Task } from "../../src/extract/types.ts";

const heldoutDir = path.resolve(import.meta.dirname, "../fixtures/heldout");

/** The text of a held-out document (tests/fixtures/heldout/). */
export const heldoutText = (name: string): string => readFileSync(path.join(heldoutDir, name), "utf8");

/** A held-out document extracted. */
export const readHeldout = (name: string): Extraction => extract(heldoutText(name), name);

export function cited(x: Extraction, symbol: string): Citation {
  const c = x.citations.find((c) => c.symbol === symbol);
  if (c === undefined) throw new Error(`${symbol} is not cited`);
  return c;
}

/**
 * Relations as "FROM KIND TO" with symbols, SELF for the document itself; `unnumbered` names a
 * document without a symbol (by default «its key»).
 */
export function rels(
  x: Extraction,
  unnumbered: (key: string, c: Citation | undefined) => string = (key) => `«${key}»`,
): string[] {
  const name = (key: string) => {
    if (key === "SELF") return "SELF";
    const c = x.citations.find((c) => c.key === key);
    return c?.symbol ?? unnumbered(key, c);
  };
  return x.relations.map((r: Relation) => `${name(r.from)} ${r.kind} ${name(r.to)}`);
}

export const symbolsOf = (x: Extraction, keys: string[]): string[] =>
  keys.map((k) => x.citations.find((c) => c.key === k)?.symbol ?? k);

export function task(x: Extraction, pred: (t: Task) => boolean): Task {
  const t = x.tasks.find(pred);
  if (t === undefined) throw new Error("no such task");
  return t;
}
