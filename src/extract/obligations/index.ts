// Obligations pass: reads tasks, targets, actions, reported statistics and audit findings from a
// document whose citations have already been read (issue: obligations).
import type { CitationExtraction, ObligationExtraction } from "../types.ts";

export function extractObligations(_text: string, _cites: CitationExtraction): ObligationExtraction {
  return {
    organisations: [],
    tasks: [],
    targets: [],
    actions: [],
    statistics: [],
    findings: [],
    warnings: [],
  };
}
