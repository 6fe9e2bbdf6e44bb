// The synthetic world: who issues what, when, with which number. Numbers follow the real rules —
// administrative numbers restart every year per issuer, normative ones per type per year, Party ones
// per type over the committee's term — so the same symbol recurs across provinces and years exactly as
// it does in reality, and identity needs jurisdiction and year.
import type { RelationKind } from "../extract/types.ts";
import { ADMIN, type Doc, NORMATIVE, PARTY, typeOf } from "./compose.ts";
import type { Rng } from "./prng.ts";
import { documentId } from "./truth.ts";
import type { Department, Province, Topic } from "./vocabulary.ts";

/** Running numbers per series; each series starts at a random offset and advances with gaps. */
export class Numbering {
  private readonly next = new Map<string, number>();
  constructor(private readonly rng: Rng) {}

  take(series: string, gap: [number, number] = [1, 12]): number {
    const current = this.next.get(series) ?? this.rng.int(1, 40);
    this.next.set(series, current + this.rng.int(gap[0], gap[1]));
    return current;
  }
}

export const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Party committees number per term; the XIII term ran 2021–2025, the XIV from 2026. */
export const partyTerm = (year: number): string => (year <= 2025 ? "XIII" : "XIV");

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function clampDate(iso: string, max: string): string {
  return iso > max ? max : iso;
}

export function randomDate(rng: Rng, year: number, fromMonth: number, toMonth: number): string {
  const month = rng.int(fromMonth, toMonth);
  const day = rng.int(1, month === 2 ? 28 : 30);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

interface DocInit {
  symbol: string;
  jurisdiction: string;
  date: string;
  typeCode: string;
  typeWord: string;
  system: Doc["system"];
  issuer: string;
  issuerPhrases: string[];
  about: string;
  title: string | null;
  parent?: { doc: Doc; kind: RelationKind } | null;
}

export function makeDoc(init: DocInit): Doc {
  const year = Number(init.date.slice(0, 4));
  return {
    id: documentId(init.symbol, init.jurisdiction, year),
    symbol: init.symbol,
    jurisdiction: init.jurisdiction,
    year,
    type: typeOf(init.typeCode),
    system: init.system,
    issuer: init.issuer,
    date: init.date,
    title: init.title,
    typeWord: init.typeWord,
    issuerPhrases: init.issuerPhrases,
    about: init.about,
    parent: init.parent ?? null,
  };
}

export interface ProvinceBodies {
  province: Province;
  /** "tỉnh" or "thành phố". */
  level: string;
  /** "Tỉnh ủy" or "Thành ủy". */
  committee: string;
}

export function bodies(province: Province): ProvinceBodies {
  return {
    province,
    level: province.city ? "thành phố" : "tỉnh",
    committee: province.city ? "Thành ủy" : "Tỉnh ủy",
  };
}

export function placeName(province: Province): string {
  return province.name === "Hồ Chí Minh" ? "Thành phố Hồ Chí Minh" : province.name;
}

/** Issuer of a provincial document, canonical name plus how prose writes it. */
export interface Issuer {
  canonical: string;
  phrases: string[];
  code: string;
}

export function ubnd(b: ProvinceBodies): Issuer {
  return {
    canonical: `Ủy ban nhân dân ${b.level} ${b.province.name}`,
    phrases: [`UBND ${b.level}`, `Ủy ban nhân dân ${b.level}`],
    code: "UBND",
  };
}

export function hdnd(b: ProvinceBodies): Issuer {
  return {
    canonical: `Hội đồng nhân dân ${b.level} ${b.province.name}`,
    phrases: [`HĐND ${b.level}`, `Hội đồng nhân dân ${b.level}`],
    code: "HĐND",
  };
}

export function standingCommittee(b: ProvinceBodies): Issuer {
  return {
    canonical: `Ban Thường vụ ${b.committee} ${b.province.name}`,
    phrases: [`Ban Thường vụ ${b.committee}`, `BTV ${b.committee}`],
    code: "TU",
  };
}

export function department(dep: Department): Issuer {
  return {
    canonical: dep.canonical,
    phrases: [dep.name, ...dep.aliases],
    code: dep.code,
  };
}

/** A national directive (Party resolution or conclusion) at the root of the lineage. */
export interface Root {
  doc: Doc;
  topic: Topic;
  /** The Government's programme implementing it, when there is one. */
  programme: Doc | null;
}

export { ADMIN, NORMATIVE, PARTY };
