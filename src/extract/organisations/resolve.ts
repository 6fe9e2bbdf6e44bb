// Resolving a written organisation name in the context of the document that writes it. The same
// words name different bodies: "UBND tỉnh" in a Quảng Trị report of 2024 is org:quang-tri:ubnd, in
// a Hà Nội report org:ha-noi:ubnd, and in a Quảng Trị report of August 2025 the merged province's
// org:quang-tri@2025:ubnd. What the registry does not know (a cooperative, a district youth union,
// a centre) becomes an organisation of its own, attached to the document's jurisdiction.
import { memoise } from "../memo.ts";
import { fold, squash } from "../normalise.ts";
import type { ExtractedOrganisation, OrganisationTier } from "../types.ts";
import {
  matchKey,
  PROVINCE_MERGE_DATE,
  type ProvinceUnit,
  provinceUnits,
  type RegistryOrganisation,
  registryOrganisations,
  slugify,
} from "./registry.ts";

export interface ResolutionContext {
  /** "national" or a province slug; where place-less mentions ("UBND tỉnh", "Sở Y tế") belong. */
  jurisdiction: string | null;
  /** ISO date (possibly partial) of the document; picks the pre- or post-merger body. */
  date: string | null;
  /**
   * Where a body the registry does not know belongs when it is narrower than the jurisdiction: a
   * commune's "Phòng Kinh tế" ("lao-cai/xa-bao-thang") is not the next commune's.
   */
  scope?: string;
  /**
   * The ministry or provincial department whose document this is (see ownerScope): its own units
   * ("Vụ Pháp chế", "Thanh tra Bộ"; "Phòng Tham mưu", "Văn phòng Sở") are not another body's of the
   * same name.
   */
  owner?: { scope: string; units: RegExp };
}

export interface ResolvedOrganisation {
  key: string;
  name: string;
  tier: OrganisationTier;
  jurisdiction: string | null;
  registered: boolean;
  /** The registry record, when registered. */
  record: RegistryOrganisation | null;
  /** A group of bodies named by their kind ("Các sở, ban, ngành"), not one body. */
  collective?: true;
}

interface Index {
  central: Map<string, RegistryOrganisation[]>;
  roles: Map<string, string>;
  /** Province name variants (match keys) → slug. */
  places: Map<string, string>;
  byKey: Map<string, RegistryOrganisation>;
  unitsBySlug: Map<string, ProvinceUnit[]>;
  codes: Map<string, string[]>;
}

let index: Index | null = null;

function buildIndex(): Index {
  const central = new Map<string, RegistryOrganisation[]>();
  const roles = new Map<string, string>();
  const byKey = new Map<string, RegistryOrganisation>();
  const codes = new Map<string, string[]>();
  const add = (m: Map<string, RegistryOrganisation[]>, k: string, o: RegistryOrganisation) => {
    if (k === "") return;
    const list = m.get(k) ?? [];
    if (!list.includes(o)) list.push(o);
    m.set(k, list);
  };
  const owners = new Map<string, Set<string>>();
  for (const o of registryOrganisations()) {
    owners.set(o.code, (owners.get(o.code) ?? new Set()).add(o.role ?? o.key));
  }
  for (const o of registryOrganisations()) {
    byKey.set(o.key, o);
    const codeKey = matchKey(o.code);
    if (o.role === null) {
      add(central, matchKey(o.name), o);
      for (const a of o.aliases) add(central, matchKey(a), o);
      // A code shared by several bodies (TW, BCSĐ, ĐU) names none of them on its own.
      if (codeKey.length >= 3 && owners.get(o.code)?.size === 1) add(central, codeKey, o);
    } else if (!roles.has(matchKey(o.aliases[0] ?? o.name))) {
      for (const a of o.aliases) {
        roles.set(matchKey(a), o.role);
        roles.set(stripUnitWord(matchKey(a)), o.role);
      }
    }
    const list = codes.get(o.code) ?? [];
    if (!list.includes(o.role ?? o.key)) list.push(o.role ?? o.key);
    codes.set(o.code, list);
  }
  const places = new Map<string, string>();
  const unitsBySlug = new Map<string, ProvinceUnit[]>();
  for (const u of provinceUnits()) {
    places.set(matchKey(u.name), u.slug);
    for (const a of u.aliases) places.set(matchKey(a), u.slug);
    const list = unitsBySlug.get(u.slug) ?? [];
    list.push(u);
    unitsBySlug.set(u.slug, list);
  }
  return { central, roles, places, byKey, unitsBySlug, codes };
}

function idx(): Index {
  if (index === null) index = buildIndex();
  return index;
}

function stripUnitWord(k: string): string {
  return k.replace(/ (tinh|thanh pho)$/, "");
}

/** Whether `date` falls in [from, to]; partial ISO dates compare by their known prefix. */
function validAt(o: { validFrom: string | null; validTo: string | null }, date: string | null): boolean {
  if (date === null) return true;
  if (o.validFrom !== null && date < o.validFrom.slice(0, date.length)) return false;
  if (o.validTo !== null && date.slice(0, o.validTo.length) > o.validTo) return false;
  return true;
}

function pick(cands: RegistryOrganisation[], date: string | null): RegistryOrganisation | undefined {
  return cands.find((c) => validAt(c, date)) ?? cands[0];
}

/** The unit (pre- or post-merger) a province slug denotes at a date. */
export function unitAt(slug: string, date: string | null): ProvinceUnit | undefined {
  const units = idx().unitsBySlug.get(slug) ?? [];
  if (date !== null && date >= PROVINCE_MERGE_DATE.slice(0, date.length)) {
    const post = units.find((u) => u.validFrom !== null);
    if (post !== undefined) return post;
  }
  return units.find((u) => u.validFrom === null) ?? units[0];
}

/** A province name at the end of a match key ("... quang tri") → [rest, slug]. */
function trailingPlace(k: string): [string, string] | null {
  const words = k.split(" ");
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const place = words.slice(words.length - n).join(" ");
    const slug = idx().places.get(place);
    if (slug !== undefined) return [words.slice(0, words.length - n).join(" "), slug];
  }
  return null;
}

function roleOrg(role: string, slug: string | null, date: string | null): RegistryOrganisation | undefined {
  if (slug === null || slug === "national") return undefined;
  const unit = unitAt(slug, date);
  if (unit === undefined) return undefined;
  const { byKey } = idx();
  const direct = byKey.get(`org:${unit.key}:${role}`);
  if (direct !== undefined) return direct;
  // The role had ended in this period (Sở TT&TT after 2025): the body as it last existed.
  const pre = unitAt(slug, null);
  return pre === undefined ? undefined : byKey.get(`org:${pre.key}:${role}`);
}

function asResolved(o: RegistryOrganisation): ResolvedOrganisation {
  return {
    key: o.key,
    name: o.name,
    tier: o.tier,
    jurisdiction: o.jurisdiction,
    registered: true,
    record: o,
  };
}

/** Edit distance up to 1 (one insertion, deletion or substitution). */
function withinOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * The registry issuer code an issuer code as written stands for: exact, or — for codes of five
 * letters or more, where one slip cannot turn one office into another — within one edit
 * ("SKHCHN", "SKHCCN" → "SKHCN"). Null when none or more than one code is that close.
 */
export function canonicalCode(written: string): string | null {
  const codes = idx().codes;
  if (codes.has(written)) return written;
  const up = written.toUpperCase();
  for (const c of codes.keys()) if (c.toUpperCase() === up) return c;
  // Diacritics dropped ("BCSD" for BCSĐ): the same code.
  const bare = fold(written);
  const same = [...codes.keys()].filter((c) => fold(c) === bare);
  if (same.length === 1) return same[0] as string;
  if (written.length < 5) return null;
  const near = [...codes.keys()].filter((c) => c.length >= 4 && withinOne(c.toUpperCase(), up));
  return near.length === 1 ? (near[0] as string) : null;
}

/**
 * Resolves a written name ("UBND tỉnh", "Sở KH&CN tỉnh Quảng Trị", "Bộ Chính trị", "SKHCHN") to a
 * registry organisation in context, or null when the registry does not know it.
 */
export function resolveRegistered(mention: string, ctx: ResolutionContext): RegistryOrganisation | null {
  const memo = memoFor(ctx);
  const known = memo.get(mention);
  if (known !== undefined) return known;
  const r = resolveIn(readingOf(mention), ctx);
  memo.set(mention, r);
  if (++memoEntries > 50_000) {
    resolved.clear();
    lastMemo = null;
    memoEntries = 0;
  }
  return r;
}

// Answers per context (jurisdiction and date), then per mention: a document asks thousands of
// times in one context, and a table at hand spares building and hashing a combined key each time.
// Bounded as a whole; a long ingest starts afresh now and then.
type Memo = Map<string, RegistryOrganisation | null>;
const resolved = new Map<string | null, Map<string | null, Memo>>();
let lastMemo: { jurisdiction: string | null; date: string | null; memo: Memo } | null = null;
let memoEntries = 0;

function memoFor(ctx: ResolutionContext): Memo {
  if (lastMemo !== null && lastMemo.jurisdiction === ctx.jurisdiction && lastMemo.date === ctx.date)
    return lastMemo.memo;
  let byDate = resolved.get(ctx.jurisdiction);
  if (byDate === undefined) {
    byDate = new Map();
    resolved.set(ctx.jurisdiction, byDate);
  }
  let memo = byDate.get(ctx.date);
  if (memo === undefined) {
    memo = new Map();
    byDate.set(ctx.date, memo);
  }
  lastMemo = { jurisdiction: ctx.jurisdiction, date: ctx.date, memo };
  return memo;
}

function resolveIn(r: Reading, ctx: ResolutionContext): RegistryOrganisation | null {
  if (r.key === "") return null;
  if (r.central !== undefined) return pick(r.central, ctx.date) ?? null;
  if (r.role !== undefined) return roleOrg(r.role, ctx.jurisdiction, ctx.date) ?? null;
  if (r.placed !== undefined) return roleOrg(r.placed.role, r.placed.slug, ctx.date) ?? null;
  if (r.code !== null) {
    const all = idx().codes.get(r.code) ?? [];
    // In a province's document a shared Party code (BCSĐ, ĐU) is the province's body.
    const local =
      ctx.jurisdiction !== null && ctx.jurisdiction !== "national"
        ? all.filter((x) => !x.startsWith("org:"))
        : [];
    const owners = local.length === 1 ? local : all;
    if (owners.length === 1) {
      const owner = owners[0] as string;
      const o = owner.startsWith("org:")
        ? idx().byKey.get(owner)
        : roleOrg(owner, ctx.jurisdiction, ctx.date);
      if (o !== undefined) return o;
    }
  }
  if (r.titled !== undefined) return pick(r.titled, ctx.date) ?? null;
  return null;
}

/**
 * What a mention says regardless of where and when it is written: its match key and the registry
 * entries that key can denote. Context (jurisdiction, date) only picks among them, so this part —
 * the costly one — is worked out once per mention (bounded memo), however many documents and
 * contexts write it; the pick in context (resolveIn) is a few lookups.
 */
interface Reading {
  /** Match key; "" when nothing is left to resolve. */
  key: string;
  central: RegistryOrganisation[] | undefined;
  /** A provincial role named without a place ("UBND tỉnh"): the document's province. */
  role: string | undefined;
  /** A provincial role with its place ("Sở Y tế tỉnh Quảng Trị"). */
  placed: { role: string; slug: string } | undefined;
  /** A bare issuer code, possibly misspelt ("SKHCHN"), as the registry code it stands for. */
  code: string | null;
  /** A central body after a title ("Bộ trưởng Bộ …"). */
  titled: RegistryOrganisation[] | undefined;
}

// A mention is read the same way wherever it stands; the same names recur in every row of a table.
const readingOf = memoise(read);

function read(mention: string): Reading {
  const { central, roles } = idx();
  const k = matchKey(mention)
    .replace(/^(cac dong chi|dong chi|lanh dao|to dang o thuong truc)\s+/, "")
    .replace(/\s+(de b c|de phoi hop|de bao cao)$/, "");
  const reading: Reading = {
    key: k,
    central: undefined,
    role: undefined,
    placed: undefined,
    code: null,
    titled: undefined,
  };
  if (k === "") return reading;
  reading.central = central.get(k);
  if (reading.central !== undefined) return reading;
  // Province bodies: "<role>", "<role> tinh", "<role> tinh <place>", "<role> <place>".
  reading.role = roles.get(k) ?? roles.get(stripUnitWord(k));
  if (reading.role !== undefined) return reading;
  const placed = trailingPlace(k);
  if (placed !== null) {
    const [rest, slug] = placed;
    const r = roles.get(rest) ?? roles.get(stripUnitWord(rest));
    if (r !== undefined) {
      reading.placed = { role: r, slug };
      return reading;
    }
  }
  // "<role> <anything>" where <anything> is a qualifier like "tỉnh" + unknown place: no guess.
  // A bare issuer code, possibly misspelt.
  const compact = mention.replace(/\s+/g, "");
  if (/^[A-ZĐ][A-ZĐa-z&]{2,}$/.test(compact) && compact === compact.toUpperCase())
    reading.code = canonicalCode(compact);
  reading.titled = central.get(
    k.replace(/^(bo truong|thu truong|giam doc|chanh van phong|truong ban)\s+/, ""),
  );
  return reading;
}

/** Resolves a mention, creating an unregistered organisation when the registry does not know it. */
export function resolveOrganisation(mention: string, ctx: ResolutionContext): ResolvedOrganisation {
  const reg = resolveRegistered(mention, ctx);
  if (reg !== null) return asResolved(reg);
  const name = squash(mention);
  const jurisdiction = ctx.jurisdiction;
  const scope = ctx.scope ?? jurisdiction ?? "national";
  const group = collectiveSlug(name);
  if (group !== null)
    return {
      key: `org:${scope}:group-${group}`,
      name,
      tier: "UNIT",
      jurisdiction,
      registered: false,
      record: null,
      collective: true,
    };
  const slug = unregisteredSlug(name);
  // A unit of the issuing ministry or department is keyed under it (see ownerScope).
  const where = ctx.scope === undefined && ctx.owner?.units.test(fold(name)) ? ctx.owner.scope : scope;
  return {
    key: `org:${where}:x-${slug}`,
    name,
    tier: "UNIT",
    jurisdiction,
    registered: false,
    record: null,
  };
}

// The units a ministry is made of (Nghị định on its organisation): departments, general departments,
// its inspectorate and office ("Thanh tra Bộ", "Văn phòng Bộ").
const MINISTRY_UNIT = /^(?:vu|cuc|tong cuc|thanh tra bo|van phong bo)(?![a-z])/;
// A provincial department's (or the provincial police's) own units: its offices ("Phòng Tham mưu",
// "Văn phòng Sở", "Thanh tra Sở") and sub-departments ("Chi cục …"); not a district's office
// ("Phòng Kinh tế huyện …").
const DEPARTMENT_UNIT =
  /^(?:phong|van phong so|thanh tra so|chi cuc)(?![a-z])(?!.*\s(?:huyen|quan|thi xa|thanh pho|xa(?! hoi)|phuong|thi tran)(?:\s\S+){0,3}$)/;

// Names the registry does not know recur in every row of a table ("Hợp tác xã …"): slug each once.
const unregisteredSlug = memoise((name) => slugify(name).slice(0, 80));

// A collective names bodies by their kind, in the plural "các": "Các sở, ban, ngành", "Các chi bộ
// trực thuộc", or a kind of body of each unit of a level: "UBND các huyện, thị xã, thành phố",
// "Đảng ủy các xã, phường". One key per way of writing the group, whatever its capitals and commas.
// "UBND cấp huyện", "Công an cấp xã": every such body of that level, a group as well.
const COLLECTIVE =
  /^(?:(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|dang uy|cong an|mat tran to quoc|ban chi dao|ban thuong vu|thuong truc)\s+)?(?:cac\s+(?=\S)|cap (?:tinh|huyen|xa)(?:,? cap (?:huyen|xa))?$)/;

/** The slug of a collective's kind ("so-ban-nganh", "ubnd-huyen-thi-xa-thanh-pho"), or null. */
export const collectiveSlug = memoise((name: string): string | null => {
  const f = fold(name);
  if (!COLLECTIVE.test(f)) return null;
  // "Các sở, ban, ngành liên quan", "… được giao": the same group, qualified by the task at hand;
  // "Các sở, ban, ngành tỉnh", "… của tỉnh": the same group, its place said, since a document names
  // the groups of its own unit. (A bare trailing "thành phố" is a list's last kind: "các huyện, thị
  // xã, thành phố".)
  const plural = /(^|\s)cac\s+/;
  let kind = f.replace(/\s+(?:(?:co )?lien quan|duoc giao)$/, "");
  if (plural.test(kind))
    kind = kind
      .replace(plural, "$1")
      .replace(/(?<=\S)(?<!cap|nhan dan)\s+(?:(?:(?:cua|thuoc) )?tinh|(?:cua|thuoc) thanh pho)$/, "");
  return slugify(kind).slice(0, 80) || null;
});

/**
 * Where the own units of the body issuing a document are keyed: a ministry's under
 * "national/<ministry>" ("org:national/bnnmt:x-vu-phap-che"), a provincial department's under
 * "<province>/<role>" ("org:dak-lak/ca:x-phong-tham-muu"). Null for any other issuer.
 */
export function ownerScope(issuerKey: string | null): { owner: { scope: string; units: RegExp } } | null {
  const o = issuerKey === null ? undefined : idx().byKey.get(issuerKey);
  if (o === undefined) return null;
  if (o.role === null && o.tier === "CENTRAL_STATE" && /^Bộ /u.test(o.name))
    return { owner: { scope: `national/${o.key.replace(/^org:national:/, "")}`, units: MINISTRY_UNIT } };
  if (o.role !== null && o.tier === "DEPARTMENT")
    return { owner: { scope: `${o.jurisdiction}/${o.role}`, units: DEPARTMENT_UNIT } };
  return null;
}

/** Looks up a registry organisation by key. */
export function registryOrganisation(key: string): RegistryOrganisation | undefined {
  return idx().byKey.get(key);
}

/** Follows successors from `key` to the body that exists at `date` (or the last one). */
export function successorAt(key: string, date: string): RegistryOrganisation | undefined {
  let o = idx().byKey.get(key);
  const seen = new Set<string>();
  while (o !== undefined && !validAt(o, date) && o.successor !== null && !seen.has(o.key)) {
    seen.add(o.key);
    o = idx().byKey.get(o.successor);
  }
  return o;
}

/** The aliases to look for in prose, folded, each with whether it must be written in capitals. */
export function mentionPatterns(): { folded: string; caps: boolean }[] {
  const seen = new Map<string, boolean>();
  const rolesSeen = new Set<string>();
  for (const o of registryOrganisations()) {
    // Every unit has the same roles with the same aliases: one unit's are enough.
    if (o.role !== null && rolesSeen.has(o.role)) continue;
    if (o.role !== null) rolesSeen.add(o.role);
    const names = o.role === null ? [o.name, ...o.aliases] : o.aliases;
    for (const n of names) {
      const f = n.normalize("NFC");
      const caps = f === f.toUpperCase();
      if (caps && f.replace(/[^A-Za-zĐđ]/g, "").length < 3) continue;
      if (!caps && f.length < 6) continue;
      seen.set(f, caps);
    }
  }
  return [...seen].map(([n, caps]) => ({ folded: n, caps }));
}

export type { ExtractedOrganisation };
