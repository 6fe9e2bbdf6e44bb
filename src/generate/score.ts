// Scores an extraction against the generator's ground truth. Identity is canonical symbol +
// jurisdiction + year, compared after the same tolerant canonicalisation on both sides (NFC, Ð→Đ, no
// spaces, no leading zeros in the number), so the score measures reading, not key formatting.
// Relations are compared as (from, kind, to) triples of such identities; relations touching documents
// without a symbol are left out on both sides because the truth does not name them.
import { fold } from "../extract/normalise.ts";
import type { DocumentRef, Extraction } from "../extract/types.ts";
import type { TruthRecord } from "./truth.ts";

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Tally {
  files: number;
  documentCorrect: number;
  citations: Counts;
  /** Citations compared on folded, upper-cased symbols: how much exact scoring loses to casing/diacritics. */
  citationsFolded: Counts;
  relations: Counts;
  /** Relations compared without their kind: a right link with a wrong kind counts here. */
  relationsUntyped: Counts;
  tasks: Counts;
  taskLeadCorrect: number;
  taskDeadlineCorrect: number;
  taskStatusCorrect: number;
  taskStatusTotal: number;
}

export function emptyTally(): Tally {
  const c = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  return {
    files: 0,
    documentCorrect: 0,
    citations: c(),
    citationsFolded: c(),
    relations: c(),
    relationsUntyped: c(),
    tasks: c(),
    taskLeadCorrect: 0,
    taskDeadlineCorrect: 0,
    taskStatusCorrect: 0,
    taskStatusTotal: 0,
  };
}

export function canonicalSymbol(symbol: string): string {
  return symbol
    .normalize("NFC")
    .replace(/\u00D0/g, "Đ")
    .replace(/\s+/g, "")
    .replace(/^0+(?=\d)/, "");
}

export function identity(symbol: string, jurisdiction: string | null, year: number | string | null): string {
  return `${canonicalSymbol(symbol)}|${jurisdiction ?? "?"}|${year ?? "?"}`;
}

function foldedIdentity(id: string): string {
  return fold(id).toUpperCase();
}

/** The year of an extracted reference: from its date, else the last segment of its key. */
function yearOf(ref: DocumentRef): string | null {
  if (ref.date) return ref.date.slice(0, 4);
  const last = ref.key.split("|").pop() ?? "";
  return /^\d{4}$/.test(last) ? last : null;
}

function refIdentity(ref: DocumentRef): string | null {
  return ref.symbol ? identity(ref.symbol, ref.jurisdiction, yearOf(ref)) : null;
}

function truthIdentity(id: string): string {
  const [symbol = "", jurisdiction = "", year = ""] = id.split("|");
  return identity(symbol, jurisdiction, year);
}

function count(target: Counts, truth: Set<string>, found: Set<string>): void {
  for (const x of found)
    if (truth.has(x)) target.tp++;
    else target.fp++;
  for (const x of truth) if (!found.has(x)) target.fn++;
}

const ref = (r: string): string =>
  r
    .replace(/^Nhiệm vụ số\s*/i, "")
    .replace(/[.)]\s*$/, "")
    .trim();

/** Adds one file's comparison to the tally. */
export function scoreFile(tally: Tally, truth: TruthRecord, extraction: Extraction): void {
  tally.files++;
  const selfId = truthIdentity(truth.document.id);
  const extractedSelf = refIdentity(extraction.document);
  if (extractedSelf === selfId) tally.documentCorrect++;

  const truthCites = new Set(truth.citations.map((c) => truthIdentity(c.id)));
  const keyToId = new Map<string, string>([["SELF", selfId]]);
  const found = new Set<string>();
  for (const c of extraction.citations) {
    const id = refIdentity(c);
    if (!id || c.ambiguous) continue;
    keyToId.set(c.key, id);
    if (id !== selfId) found.add(id);
  }
  count(tally.citations, truthCites, found);
  count(
    tally.citationsFolded,
    new Set([...truthCites].map(foldedIdentity)),
    new Set([...found].map(foldedIdentity)),
  );

  const truthRel = new Set(
    truth.relations.map((r) => `${truthIdentity(r.from)} ${r.kind} ${truthIdentity(r.to)}`),
  );
  const foundRel = new Set<string>();
  for (const r of extraction.relations) {
    const from = keyToId.get(r.from);
    const to = keyToId.get(r.to);
    if (from && to) foundRel.add(`${from} ${r.kind} ${to}`);
  }
  count(tally.relations, truthRel, foundRel);
  const untyped = (s: Set<string>) => new Set([...s].map((x) => x.replace(/ [A-Z_]+ /, " ")));
  count(tally.relationsUntyped, untyped(truthRel), untyped(foundRel));

  const extractedTasks = new Map(extraction.tasks.map((t) => [ref(t.ref), t]));
  for (const t of truth.tasks) {
    const e = extractedTasks.get(t.ref);
    if (!e) {
      tally.tasks.fn++;
      continue;
    }
    tally.tasks.tp++;
    extractedTasks.delete(t.ref);
    const leads = e.lead.map(fold);
    if (t.lead.some((l) => leads.some((x) => x.length > 0 && (fold(l).includes(x) || x.includes(fold(l))))))
      tally.taskLeadCorrect++;
    if (e.deadline?.to === t.deadline?.to) tally.taskDeadlineCorrect++;
    if (t.status) {
      tally.taskStatusTotal++;
      if (e.status?.value === t.status.value) tally.taskStatusCorrect++;
    }
  }
  tally.tasks.fp += extractedTasks.size;
}

export interface PR {
  precision: number;
  recall: number;
  f1: number;
}

export function pr(c: Counts): PR {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
