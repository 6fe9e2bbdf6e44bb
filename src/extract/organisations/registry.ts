// The organisation registry: central bodies as written in seeds/registry/central.json, and every
// provincial body generated from provinces.json × province-template.json, so that 63 + 34 units
// never get written out by hand and a correction to the template reaches all of them.
//
// Keys. Central: "org:national:<id>". Provincial: "org:<unit>:<role>", where <unit> is the folded,
// hyphenated unit name ("quang-tri", the same slug the citations pass uses for jurisdictions) for
// units as they were before 1 July 2025, and "<slug>@2025" for a unit formed by the 2025 merger
// (Nghị quyết 202/2025/QH15). A unit the merger left untouched keeps its one key. So the 2024
// "Sở KH&CN tỉnh Quảng Trị" is "org:quang-tri:skhcn" and its successor from 1 July 2025 is
// "org:quang-tri@2025:skhcn"; "org:quang-binh:skhcn" is succeeded by the same node.
import central from "../../../seeds/registry/central.json" with { type: "json" };
import template from "../../../seeds/registry/province-template.json" with { type: "json" };
import provinces from "../../../seeds/registry/provinces.json" with { type: "json" };
import { memoise } from "../memo.ts";
import { fold } from "../normalise.ts";
import type { OrganisationTier } from "../types.ts";

/**
 * One registry organisation, the shape the graph writer loads as an `Organisation` node
 * (`registered: true`):
 * - key: "org:national:bkhcn", "org:quang-tri:skhcn", "org:quang-tri@2025:skhcn"
 * - name: canonical name ("Sở Khoa học và Công nghệ tỉnh Quảng Trị"); nameFolded: fold(name)
 * - aliases: other written forms without the place ("Sở KH&CN", "SKHCN")
 * - code: issuer code used in document symbols ("SKHCN", "TW", "UBND")
 * - tier, jurisdiction ("national" or a province slug — both the pre- and post-2025 Quảng Trị
 *   have jurisdiction "quang-tri"), unit (the unit key, with "@2025" when post-merger; null centrally)
 * - parent, successor: registry keys or null (successor → SUCCEEDED_BY, parent → PART_OF)
 * - validFrom, validTo: ISO dates or null (open)
 * - source, certainty: where the fact comes from (V checked, S secondary, K unchecked)
 */
export interface RegistryOrganisation {
  key: string;
  name: string;
  nameFolded: string;
  aliases: string[];
  code: string;
  tier: OrganisationTier;
  jurisdiction: string;
  unit: string | null;
  role: string | null;
  parent: string | null;
  successor: string | null;
  validFrom: string | null;
  validTo: string | null;
  source: string;
  certainty: string;
}

/** A provincial-level unit (tỉnh / thành phố trực thuộc trung ương) in one period. */
export interface ProvinceUnit {
  /** "quang-tri" or "quang-tri@2025". */
  key: string;
  slug: string;
  name: string;
  kind: string;
  aliases: string[];
  validFrom: string | null;
  validTo: string | null;
  successor: string | null;
  /** Pre-2025 unit keys this unit was formed from (post-2025 units only). */
  formedFrom: string[];
}

interface RoleTemplate {
  role: string;
  name: string;
  aliases: string[];
  code: string;
  tier: string;
  parentRole: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorRole: string | null;
  source: string;
  certainty: string;
}

/** Folded, hyphenated slug: "Quảng Trị" → "quang-tri". */
export function slugify(name: string): string {
  return fold(name.normalize("NFC"))
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Matching key for organisation names: folded, punctuation and "và" dropped, so "Bộ Khoa học và
 * Công nghệ", "Bộ Khoa học, Công nghệ" and "Bộ KH&CN" → "bo khoa hoc cong nghe" / "bo kh cn". Names
 * repeat across a document (every row's "Các bộ, ngành, địa phương"): each is keyed once.
 */
export const matchKey = memoise(computeMatchKey);

function computeMatchKey(text: string): string {
  return fold(text.normalize("NFC"))
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((w) => w !== "" && w !== "va")
    .join(" ");
}

const MERGE_DATE: string = provinces.mergeDate;
const DAY_BEFORE_MERGE = "2025-06-30";

function fill(tpl: string, unit: { kind: string; name: string }): string {
  const party = unit.kind === "tỉnh" ? "Tỉnh ủy" : "Thành ủy";
  return tpl.replace("{party}", party).replace("{unit}", unit.kind).replace("{name}", unit.name);
}

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function buildUnits(): ProvinceUnit[] {
  const units: ProvinceUnit[] = [];
  const successorOf = new Map<string, string>();
  const after: ProvinceUnit[] = [];
  for (const p of provinces.after2025) {
    const slug = slugify(p.name);
    const unchanged = p.from.length === 1 && p.from[0] === p.name;
    if (unchanged) continue;
    const key = `${slug}@2025`;
    for (const f of p.from) successorOf.set(slugify(f), key);
    after.push({
      key,
      slug,
      name: p.name,
      kind: p.kind,
      aliases: [],
      validFrom: MERGE_DATE,
      validTo: null,
      successor: null,
      formedFrom: p.from.map(slugify),
    });
  }
  for (const p of provinces.before2025) {
    const slug = slugify(p.name);
    const successor = successorOf.get(slug) ?? null;
    units.push({
      key: slug,
      slug,
      name: p.name,
      kind: p.kind,
      aliases: (p as { aliases?: string[] }).aliases ?? [],
      validFrom: null,
      validTo: successor === null ? null : DAY_BEFORE_MERGE,
      successor,
      formedFrom: [],
    });
  }
  return [...units, ...after];
}

function buildRegistry(units: ProvinceUnit[]): RegistryOrganisation[] {
  const out: RegistryOrganisation[] = [];
  for (const o of central.organisations) {
    out.push({
      key: o.key,
      name: o.name,
      nameFolded: fold(o.name),
      aliases: o.aliases,
      code: o.code,
      tier: o.tier as OrganisationTier,
      jurisdiction: "national",
      unit: null,
      role: null,
      parent: o.parent,
      successor: o.successor,
      validFrom: o.validFrom,
      validTo: o.validTo,
      source: o.source,
      certainty: o.certainty,
    });
  }
  const roles = template.roles as RoleTemplate[];
  const byKey = new Map<string, ProvinceUnit>(units.map((u) => [u.key, u]));
  const exists = (unit: ProvinceUnit, role: RoleTemplate): boolean => {
    const from = later(unit.validFrom, role.validFrom);
    const to = earlier(unit.validTo, role.validTo);
    return from === null || to === null || from <= to;
  };
  for (const unit of units) {
    for (const role of roles) {
      if (!exists(unit, role)) continue;
      const validFrom = later(unit.validFrom, role.validFrom);
      const validTo = earlier(unit.validTo, role.validTo);
      out.push({
        key: `org:${unit.key}:${role.role}`,
        name: fill(role.name, unit),
        nameFolded: fold(fill(role.name, unit)),
        aliases: role.aliases,
        code: role.code,
        tier: role.tier as OrganisationTier,
        jurisdiction: unit.slug,
        unit: unit.key,
        role: role.role,
        parent: role.parentRole === null ? null : `org:${unit.key}:${role.parentRole}`,
        successor: successorFor(unit, role, roles, byKey),
        validFrom,
        validTo,
        source: `${role.source}; unit: ${unit.successor !== null || unit.formedFrom.length > 0 ? provinces.source : "provinces.json"}`,
        certainty: role.certainty,
      });
    }
  }
  // Parents that a period does not have (a role's parent ended earlier) are dropped, not dangling.
  const keys = new Set(out.map((o) => o.key));
  for (const o of out) {
    if (o.parent !== null && !keys.has(o.parent)) o.parent = null;
    if (o.successor !== null && !keys.has(o.successor)) o.successor = null;
  }
  return out;
}

/** Who took over: the successor role in the same unit if the role ended first, else the same role
 * (or its successor) in the unit the province merged into. */
function successorFor(
  unit: ProvinceUnit,
  role: RoleTemplate,
  roles: RoleTemplate[],
  units: Map<string, ProvinceUnit>,
): string | null {
  const roleEndsFirst = role.validTo !== null && (unit.validTo === null || role.validTo < unit.validTo);
  if (roleEndsFirst) return role.successorRole === null ? null : `org:${unit.key}:${role.successorRole}`;
  if (unit.successor === null) return null;
  const next = units.get(unit.successor);
  if (next === undefined) return null;
  let r: RoleTemplate | undefined = role;
  while (r !== undefined && r.validTo !== null && r.validTo < MERGE_DATE) {
    const succ: string | null = r.successorRole;
    r = succ === null ? undefined : roles.find((x) => x.role === succ);
  }
  return r === undefined ? null : `org:${next.key}:${r.role}`;
}

let unitsCache: ProvinceUnit[] | null = null;
let registryCache: RegistryOrganisation[] | null = null;

/** All provincial-level units, pre- and post-2025. */
export function provinceUnits(): ProvinceUnit[] {
  if (unitsCache === null) unitsCache = buildUnits();
  return unitsCache;
}

/** The whole registry, for loading into Neo4j (see RegistryOrganisation for the shape). */
export function registryOrganisations(): RegistryOrganisation[] {
  if (registryCache === null) registryCache = buildRegistry(provinceUnits());
  return registryCache;
}

export const PROVINCE_MERGE_DATE = MERGE_DATE;
