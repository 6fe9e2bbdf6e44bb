// One entry point for reading a document: citations first, because obligations (tasks, actions)
// point at the documents the citation pass has identified.
import { extractCitations } from "./citations/index.ts";
import { normalise } from "./normalise.ts";
import { extractObligations } from "./obligations/index.ts";
import type { Extraction } from "./types.ts";

export const EXTRACTOR_VERSION = "0.3.3";

export function extract(text: string, file: string): Extraction {
  // Both passes read the same normalised text (and its fold): normalise once.
  const norm = normalise(text);
  const cites = extractCitations(text, norm);
  const obligations = extractObligations(text, cites, norm);
  return {
    file,
    extractorVersion: EXTRACTOR_VERSION,
    ...cites,
    ...obligations,
    warnings: [...cites.warnings, ...obligations.warnings],
  };
}
