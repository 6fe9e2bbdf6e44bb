// Synthetic national corpus: documents written with the real citation forms and their deviations, and
// the ground truth to score extraction against. Pure: no I/O here; src/cli/generate.ts writes files.
export { corpusYears, type GenerateOptions, generateCorpus, type Scale, scaleFor } from "./corpus.ts";
export type { WrittenFile } from "./national.ts";
export type { TruthDocument, TruthRecord, TruthRelation, TruthTask } from "./truth.ts";
export { documentId } from "./truth.ts";
