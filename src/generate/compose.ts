// One document being written: it renders citations with the deviations of its Style and records, at
// the moment it writes them, exactly which documents it cited and which relations its sentences
// state. The ground truth is therefore a by-product of the text, not a second description of it that
// could drift away.
import type { DocumentSystem, DocumentType, RelationKind } from "../extract/types.ts";
import type { Rng } from "./prng.ts";
import {
  citationDate,
  lineBreakDeviation,
  numberWord,
  Style,
  stripDiacritics,
  writtenSymbol,
} from "./render.ts";
import type { TruthCitation, TruthDocument, TruthRecord, TruthStatistics, TruthTask } from "./truth.ts";

/** A document of the synthetic world: its identity plus what citing it needs. */
export interface Doc extends TruthDocument {
  /** Type word used when citing it: "Nghị quyết", "Chương trình hành động", "Kế hoạch". */
  typeWord: string;
  /** Ways the prose names its issuer after "của", canonical first. */
  issuerPhrases: string[];
  /** Subject (trích yếu) after the type word when cited with its topic: "về phát triển …". */
  about: string;
  /** What this document implements or continues, as its own title says. */
  parent: { doc: Doc; kind: RelationKind } | null;
}

export type Format = "md" | "txt";

export interface CiteOptions {
  /** How many hops of the parent chain to write after the citation ("… thực hiện …"). */
  chain?: number;
  /** Append the subject ("về …") when the chain ends. */
  about?: boolean;
  /** Prose allows a line break inside the citation; a table cell does not. */
  allowBreak?: boolean;
  /** Write the date and issuer (a first reference) or only type and symbol (a later one). */
  full?: boolean;
}

const CUES: Partial<Record<RelationKind, string>> = {
  IMPLEMENTS: "thực hiện",
  CONTINUES: "về tiếp tục thực hiện",
  AMENDS: "sửa đổi, bổ sung một số điều của",
};

export class Composer {
  readonly style: Style;
  private readonly citations = new Map<string, TruthCitation>();
  private readonly relations = new Map<string, { from: string; kind: RelationKind; to: string }>();
  readonly tasks: TruthTask[] = [];
  readonly statistics: TruthStatistics[] = [];

  constructor(
    readonly self: Doc,
    readonly rng: Rng,
    readonly format: Format,
  ) {
    this.style = new Style(rng);
  }

  relate(from: Doc, kind: RelationKind, to: Doc): void {
    const key = `${from.id}\u0000${kind}\u0000${to.id}`;
    this.relations.set(key, { from: from.id, kind, to: to.id });
  }

  /** Writes a reference to `doc` and records it (and every hop of its chain) in the truth. */
  cite(doc: Doc, options: CiteOptions = {}): string {
    const { chain = 0, about = false, allowBreak = true, full = true } = options;
    const style = this.style;
    const noAccents = style.roll("noDiacritics");
    const accents = (text: string): string => (noAccents ? stripDiacritics(text) : text);
    const head = accents(`${doc.typeWord} ${numberWord(style)}${writtenSymbol(doc.symbol, style)}`);
    let phrase = head;
    if (full) {
      const party = doc.system === "PARTY";
      const issuer = this.rng.chance(0.7) ? doc.issuerPhrases[0] : this.rng.pick(doc.issuerPhrases);
      phrase += accents(`${citationDate(doc.date, party, style)} của ${issuer}`);
    }
    if (allowBreak) phrase = lineBreakDeviation(phrase, style);
    this.remember(doc, head);
    if (doc.parent && (chain > 0 || (about && full))) {
      // A subject that names another document is a citation too: it goes through cite() so that the
      // truth records it, in short form (type and symbol) when the chain ends here.
      this.relate(doc, doc.parent.kind, doc.parent.doc);
      const next = chain > 0 ? { ...options, chain: chain - 1 } : { ...options, full: false, about: false };
      return `${phrase} ${CUES[doc.parent.kind] ?? "thực hiện"} ${this.cite(doc.parent.doc, next)}`;
    }
    if (about && full) return `${phrase} ${doc.about}`;
    return phrase;
  }

  private remember(doc: Doc, written: string): void {
    if (doc.id === this.self.id) return;
    const known = this.citations.get(doc.id);
    if (known) {
      if (!known.written.includes(written)) known.written.push(written);
      return;
    }
    const { id, symbol, jurisdiction, year, type, system, issuer, date, title } = doc;
    this.citations.set(doc.id, {
      id,
      symbol,
      jurisdiction,
      year,
      type,
      system,
      issuer,
      date,
      title,
      written: [written],
    });
  }

  record(file: string): TruthRecord {
    const { id, symbol, jurisdiction, year, type, system, issuer, date, title } = this.self;
    return {
      file,
      document: { id, symbol, jurisdiction, year, type, system, issuer, date, title },
      citations: [...this.citations.values()],
      relations: [...this.relations.values()],
      tasks: this.tasks,
      statistics: this.statistics,
      deviations: this.style.counts,
    };
  }
}

export const PARTY: DocumentSystem = "PARTY";
export const ADMIN: DocumentSystem = "STATE_ADMINISTRATIVE";
export const NORMATIVE: DocumentSystem = "STATE_NORMATIVE";

export function typeOf(code: string): DocumentType {
  switch (code) {
    case "NQ":
      return "RESOLUTION";
    case "KL":
      return "CONCLUSION";
    case "CTr":
      return "PROGRAMME";
    case "KH":
      return "PLAN";
    case "QĐ":
      return "DECISION";
    case "NĐ":
      return "DECREE";
    case "BC":
      return "REPORT";
    default:
      return "OTHER";
  }
}
