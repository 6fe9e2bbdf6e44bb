// One entry point for reading a document: citations first, because obligations (tasks, actions)
// point at the documents the citation pass has identified.
import { extractCitations } from "./citations/index.ts";
import { extractObligations } from "./obligations/index.ts";
import type { Extraction } from "./types.ts";

export const EXTRACTOR_VERSION = "0.2.0";

export function extract(text: string, file: string): Extraction {
  const cites = extractCitations(text);
  const obligations = extractObligations(text, cites);
  return {
    file,
    extractorVersion: EXTRACTOR_VERSION,
    ...cites,
    ...obligations,
    warnings: [...cites.warnings, ...obligations.warnings],
  };
}
