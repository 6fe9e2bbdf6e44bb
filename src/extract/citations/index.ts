// extractCitations: the documents a text cites, the document itself, and the typed relations
// between them, each with the span of the original text it was read from.
import { fold, type NormalisedText } from "../normalise.ts";
import { provinceUnits, resolveRegistered } from "../organisations/index.ts";
import type { Citation, CitationExtraction, DocumentRef, Relation, Span, Warning } from "../types.ts";
import { endsWithAny } from "../words.ts";
import { issuerOfCode } from "./codes.ts";
import { cueBetween, titleCue } from "./cues.ts";
import { yearOf } from "./dates.ts";
import { readHeader } from "./header.ts";
import { jurisdictionOf, symbolKey, titleDescriptor, UNKNOWN_PART, untitledKey } from "./identity.ts";
import { type Issuer, resolveDepartmentCode } from "./issuers.ts";
import { anchorOf, type CitingContext, fixIssuerCode } from "./mentions.ts";
import type { Anchor, PendingRelation, PendingWarning } from "./model.ts";
import { lawNameMentions, namedAfter, namedBefore, namedInTitle, namedLaws } from "./named.ts";
import { findRelations, oneAnswer } from "./relations.ts";
import { aliasUses, findAliases, findShortForms } from "./shortforms.ts";
import { canonicalSymbol, findSymbols } from "./symbols.ts";
import { titleAfter } from "./titles.ts";
import { slug, squash, type TextView, viewOf, written } from "./view.ts";

const PREAMBLE = 4000;

interface Doc {
  key: string;
  anchors: Anchor[];
  extra: { start: number; end: number }[];
  ambiguous: boolean;
  candidates?: string[];
}

/** Issuer with its place: "UBND tỉnh" + "Quảng Trị" -> "UBND tỉnh Quảng Trị". */
function issuerName(issuer: Issuer | null, place: string | null, level = "tỉnh"): string | null {
  if (issuer === null) return null;
  const where = issuer.place ?? place;
  if (issuer.national || where === null) return issuer.name;
  // The code ĐU alone names a Party committee of a commune, an agency, an enterprise or a bloc
  // (grammar §3.4): which one, and so its place, only the prose says. There is no "Đảng ủy tỉnh".
  if (issuer.place === null && /^(?:Văn phòng )?Đảng (?:ủy|uỷ)$/u.test(issuer.name)) return issuer.name;
  // The citing document's own city: "UBND tỉnh" read from a code is "UBND thành phố" in Hà Nội.
  const name = issuer.place === null ? issuer.name.replace(/ tỉnh$/u, ` ${level}`) : issuer.name;
  if (/(?:tỉnh|thành phố|huyện|(?:Tỉnh|Thành|Huyện) (?:ủy|uỷ))$/u.test(name)) return `${name} ${where}`;
  return `${name} ${issuer.place === null ? level : "tỉnh"} ${where}`;
}

const LEADING_VE = /^(?:V\/v|Về việc|Về)\s*:?\s+/iu;

/**
 * Registry key of an issuer named in a jurisdiction at a date ("UBND tỉnh Quảng Trị" in 2024 →
 * org:quang-tri:ubnd), or null when the registry does not know the body: the resolver decides,
 * so the graph and the extraction agree.
 */
function issuerKeyOf(issuer: string | null, jurisdiction: string | null, date: string | null): string | null {
  if (issuer === null) return null;
  return resolveRegistered(issuer, { jurisdiction, date })?.key ?? null;
}

/** The longest title any mention gives: later mentions often shorten it or leave it out. */
function longestTitle(v: TextView, anchors: Anchor[]): string | null {
  let best: string | null = null;
  for (const a of anchors) {
    const t = a.titleSpan ? written(v, a.titleSpan[0], a.titleSpan[1]) : a.title;
    if (t !== null && t !== "" && (best === null || t.length > best.length)) best = t;
  }
  return best;
}

function inStartOrder(spans: { start: number }[]): boolean {
  for (let i = 1; i < spans.length; i++)
    if ((spans[i] as { start: number }).start < (spans[i - 1] as { start: number }).start) return false;
  return true;
}

/** Start of the clause `pos` is in, at most 300 code units back and never before `floor`. */
function clauseStart(f: string, pos: number, floor: number): number {
  const low = Math.max(floor, pos - 300);
  for (let i = pos - 1; i >= low; i--) {
    const c = f.charCodeAt(i);
    // A line break, a semicolon, or a full stop before a space.
    if (c === 10 || c === 59 || (c === 46 && f.charCodeAt(i + 1) === 32)) return i + 1;
  }
  return low;
}

export function extractCitations(text: string, norm?: NormalisedText): CitationExtraction {
  const v: TextView = viewOf(text, norm);
  const warnings: PendingWarning[] = [];
  const h = readHeader(v.folded, v.plain);

  // The document itself.
  const ctx: CitingContext = { jurisdiction: null, departmentCodes: [] };
  if (h.symbol) fixIssuerCode(h.symbol, ctx, warnings);
  const blankIssuer = h.blankIssuer ? resolveDepartmentCode(h.blankIssuer, []) : null;
  if (h.blankIssuer && blankIssuer !== h.blankIssuer) {
    warnings.push({
      message: `issuer code ${h.blankIssuer} read as ${blankIssuer} (spelling variant)`,
      start: 0,
      end: h.end,
    });
  }
  const selfCode = h.symbol?.issuerCode ?? blankIssuer;
  const codeIssuer = selfCode ? issuerOfCode(selfCode) : null;
  const selfIssuer: Issuer | null =
    h.issuer ?? (codeIssuer ? { name: codeIssuer.name, national: codeIssuer.national, place: null } : null);
  // A commune or district document ("UBND XÃ BẢO THẮNG", dated "Bảo Thắng, ngày …"): its place is
  // the local unit's, not a province; the province may come from the documents it cites.
  let placeName = h.province ?? (h.local !== null ? null : h.place);
  let selfJurisdiction = selfIssuer?.national ? "national" : jurisdictionOf(placeName);
  // A header typed without diacritics ("UBND TINH QUANG NGAI") names the province the registry spells.
  if (placeName !== null && fold(placeName) === placeName.toLowerCase() && selfJurisdiction !== null) {
    placeName = provinceUnits().find((u) => u.slug === selfJurisdiction)?.name ?? placeName;
  }
  ctx.jurisdiction = selfJurisdiction;
  const selfSymbol = h.symbol ? canonicalSymbol(h.symbol) : null;
  const selfType = h.type ?? "OTHER";
  const selfYear = h.symbol?.year ?? yearOf(h.date);
  if (selfSymbol === null)
    warnings.push({
      message: "the document has no number (a draft or an unnumbered text)",
      start: 0,
      end: h.end,
    });
  const selfIssuerName =
    h.local !== null && selfIssuer !== null && !selfIssuer.national
      ? `${selfIssuer.name} ${h.local.name}`
      : issuerName(selfIssuer, selfIssuer?.national ? null : placeName, h.level);
  // Every commune numbers its own 45/KH-UBND: the local unit is part of the document's identity.
  const selfKey = () => {
    const where =
      h.local === null
        ? selfJurisdiction
        : `${selfJurisdiction ?? UNKNOWN_PART}/${slug(`${h.local.level} ${h.local.name}`)}`;
    return selfSymbol
      ? symbolKey(h.symbol?.system ?? "UNKNOWN", where, selfSymbol, selfYear)
      : untitledKey(where, selfType, titleDescriptor(h.title ?? "") || "untitled", selfYear);
  };
  const document: DocumentRef = {
    key: selfKey(),
    symbol: selfSymbol,
    type: selfType,
    system: h.symbol?.system ?? "UNKNOWN",
    issuer: selfIssuerName,
    issuerKey: issuerKeyOf(selfIssuerName, selfJurisdiction, h.date),
    date: h.date,
    // Stored without "V/v" / "về (việc)", like the titles of cited documents (titles.ts).
    title: h.title === null ? null : written(v, h.titleStart, h.titleEnd).replace(LEADING_VE, "") || null,
    jurisdiction: selfJurisdiction,
  };

  // Numbered citations (the header's own number and self-references excluded).
  const symbols = findSymbols(v.folded, v.plain).filter((s) => s.start !== h.symbol?.start);
  const numbered: Anchor[] = [];
  for (let i = 0; i < symbols.length; i++) {
    const s = symbols[i];
    if (s === undefined) continue;
    const a = anchorOf(v, s, symbols[i + 1]?.start ?? v.folded.length, ctx, warnings);
    if (a.symbol === selfSymbol) continue;
    numbered.push(a);
  }

  // Titles (trích yếu) after number, date and issuer; never past the next citation.
  for (let i = 0; i < numbered.length; i++) {
    const a = numbered[i] as Anchor;
    a.titleSpan = a.titleSpan ?? titleAfter(v, a, numbered[i + 1]?.start ?? v.folded.length);
  }

  // A later mention without "của …" belongs where the same symbol was placed by its prose.
  // Per symbol, the one jurisdiction its mentions were placed in, or null once they name two.
  const placed = new Map<string, string | null>();
  for (const a of numbered) {
    if (a.jurisdiction === null) continue;
    const where = placed.get(a.symbol as string);
    if (where === undefined) placed.set(a.symbol as string, a.jurisdiction);
    else if (where !== a.jurisdiction) placed.set(a.symbol as string, null);
  }
  for (const a of numbered) {
    if (a.jurisdiction === null) a.jurisdiction = placed.get(a.symbol as string) ?? null;
  }
  // A local document whose header names no province is in the one province its provincial
  // issuers name ("Kế hoạch số 210/KH-UBND … của UBND tỉnh Lào Cai").
  if (h.local !== null && placeName === null && !selfIssuer?.national) {
    const provinces = new Map<string, string>();
    for (const a of numbered) {
      const i = a.issuer;
      if (!a.issuerProse || i === null || i.national || i.place === null || a.jurisdiction === null) continue;
      if (/(?:tỉnh|thành phố|(?:Tỉnh|Thành) (?:ủy|uỷ))$|^Sở /u.test(i.name))
        provinces.set(a.jurisdiction, i.place);
    }
    const only = provinces.size === 1 ? [...provinces][0] : undefined;
    if (only !== undefined) {
      [selfJurisdiction, placeName] = only;
      ctx.jurisdiction = selfJurisdiction;
      for (const a of numbered)
        if (a.jurisdiction === null && !a.issuer?.national) a.jurisdiction = selfJurisdiction;
      document.jurisdiction = selfJurisdiction;
      document.key = selfKey();
      document.issuerKey = issuerKeyOf(selfIssuerName, selfJurisdiction, h.date);
    }
  }
  // In a commune's, ward's or district's document, a number with its own issuer code and no issuer
  // in the prose ("Kế hoạch số 14-KH/ĐU" in a commune Party committee's report) is in the local
  // body's own series: the province's bodies are named when cited (NĐ 30, Phụ lục I §II.6.a).
  if (h.local !== null && selfCode && selfIssuerName !== null && !selfIssuer?.national) {
    const own = document.key.split("|")[1] ?? "";
    // "Ủy ban nhân dân xã đã ban hành Kế hoạch số …" in a commune's text: its own body, unnamed.
    const ownBody = new RegExp(
      `^(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|dang uy) ${fold(h.local.level)}$`,
    );
    for (const a of numbered) {
      const sym = a.symbol;
      const ownUnnamed = a.issuer !== null && a.issuer.place === null && ownBody.test(fold(a.issuer.name));
      if ((a.issuerProse && !ownUnnamed) || sym === null || a.jurisdiction !== selfJurisdiction) continue;
      if (!sym.endsWith(`/${selfCode}`) && !sym.endsWith(`-${selfCode}`)) continue;
      a.jurisdiction = own;
      a.issuer = { name: selfIssuerName, national: false, place: null };
    }
  }

  // Named documents around them.
  const named: Anchor[] = [];
  const links: PendingRelation[] = [];
  for (let i = 0; i < numbered.length; i++) {
    const m = numbered[i] as Anchor;
    const prev = numbered[i - 1];
    const before = namedBefore(v, m, clauseStart(v.folded, m.start, prev?.tailEnd ?? 0), ctx);
    if (before) {
      const n = before.named;
      const lead = v.folded.slice(Math.max(0, n.start - 20), n.start);
      // "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số …": the type heading and the title that
      // continues it in lower case name the document itself, not a document it mentions.
      const ownHeading =
        n.type === selfType && n.start < h.titleStart && m.start >= h.titleStart && m.start < h.titleEnd;
      const isSelf =
        ownHeading ||
        (n.type === selfType &&
          endsWithAny(lead, ["ban hanh"]) &&
          (n.issuer === null || n.issuer.name === selfIssuer?.name));
      if (isSelf)
        links.push({
          from: "SELF",
          to: m,
          kind: before.kind,
          cueStart: before.cueStart,
          cueEnd: before.cueEnd,
          confidence: 0.8,
        });
      else {
        named.push(n);
        links.push({
          from: n,
          to: m,
          kind: before.kind,
          cueStart: before.cueStart,
          cueEnd: before.cueEnd,
          confidence: 0.85,
        });
      }
    }
    const after = namedAfter(v, m, numbered[i + 1]?.start ?? v.folded.length, ctx);
    if (after) {
      named.push(after.named);
      const [from, to] = after.namedIsSubject ? [after.named, m] : [m, after.named];
      links.push({
        from,
        to,
        kind: after.kind,
        cueStart: after.cueStart,
        cueEnd: after.cueEnd,
        confidence: 0.85,
      });
    }
  }
  const laws = namedLaws(v);
  const lawNames = lawNameMentions(v, [...numbered, ...laws]);
  if (selfType === "DECISION" || selfType === "RESOLUTION") {
    const own = namedInTitle(v, h.titleStart, h.titleEnd, {
      symbol: selfSymbol,
      year: selfYear,
      jurisdiction: selfJurisdiction,
      issuer: selfIssuer,
    });
    // A title that names what the document implements ("Ban hành Kế hoạch triển khai thi hành Luật
    // Dữ liệu") is read by its cue (relations.ts); its attachment is named in the body.
    const inTitle = (a: Anchor) => a.start >= h.titleStart && a.start < h.titleEnd;
    if (own !== null && ![...named, ...numbered, ...laws, ...lawNames].some(inTitle)) named.push(own);
  }
  const anchors = [...numbered, ...named, ...laws, ...lawNames].sort((a, b) => a.start - b.start);

  // Group anchors into documents.
  const docs = new Map<string, Doc>();
  const addTo = (key: string, a: Anchor, ambiguous = false, candidates?: string[]) => {
    a.key = key;
    const d = docs.get(key) ?? {
      key,
      anchors: [],
      extra: [],
      ambiguous,
      ...(candidates ? { candidates } : {}),
    };
    d.anchors.push(a);
    docs.set(key, d);
  };
  // Mentions of one symbol in one system and jurisdiction, in order of first mention; found by
  // symbol, which rarely has more than one group (a symbol string at hand spares building a key).
  const groups: Anchor[][] = [];
  const bySymbol = new Map<string, Anchor[][]>();
  for (const a of numbered) {
    const lists = bySymbol.get(a.symbol as string);
    let list = lists?.find((l) => l[0]?.system === a.system && l[0]?.jurisdiction === a.jurisdiction);
    if (list === undefined) {
      list = [];
      groups.push(list);
      if (lists === undefined) bySymbol.set(a.symbol as string, [list]);
      else lists.push(list);
    }
    list.push(a);
  }
  for (const list of groups) {
    const years: string[] = [];
    for (const a of list) if (a.year !== null && !years.includes(a.year)) years.push(a.year);
    const first = list[0] as Anchor;
    const keyFor = (year: string | null) =>
      symbolKey(first.system, first.jurisdiction, first.symbol as string, year);
    if (years.length <= 1) {
      const key = keyFor(years[0] ?? null);
      const unknown = years.length === 0 || first.jurisdiction === null;
      for (const a of list) addTo(key, a, unknown);
      if (unknown)
        warnings.push({
          message: `${first.symbol}: ${years.length === 0 ? "year" : "jurisdiction"} unknown; kept as an ambiguous reference`,
          start: first.start,
          end: first.end,
        });
      continue;
    }
    // The same symbol with two years is two documents; undated mentions could be either.
    const candidates = years.map(keyFor);
    for (const a of list) {
      if (a.year !== null) addTo(keyFor(a.year), a);
      else addTo(keyFor(null), a, true, candidates);
    }
  }
  // A named document written again with a longer or shorter title ("Chiến lược … đến năm 2030" and
  // "Chiến lược … đến năm 2030 trên địa bàn tỉnh") is the same document when one title starts the other.
  // So is "Chương trình hành động của Bộ Y tế thực hiện Nghị quyết số 72-NQ/TW" written again
  // without its owner ("… ban hành Chương trình hành động thực hiện Nghị quyết số 72-NQ/TW"), when
  // the owner is the same body or unstated.
  const titled: { title: string; bare: string; issuer: string | null; key: string; type: Anchor["type"] }[] =
    [];
  const withoutOwner = (t: string) =>
    t.replace(/ cua [^,;]{2,60}? (?=thuc hien |trien khai |cu the hoa )/, " ");
  for (const a of laws) addTo(untitledKey(a.jurisdiction, a.type, a.descriptor ?? "", a.year), a);
  for (const a of named) {
    // The year is the last part of the linked document's key (identity.ts).
    const linkedKey = a.linked?.key;
    const linkedYear = linkedKey?.slice(linkedKey.lastIndexOf("|") + 1);
    if (linkedYear !== undefined && linkedYear !== UNKNOWN_PART) a.year = linkedYear;
    const t = fold(a.title ?? "");
    const bare = withoutOwner(t);
    const issuer = a.issuer?.name ?? null;
    const same = titled.find(
      (x) =>
        x.type === a.type &&
        Math.min(x.title.length, t.length) >= 30 &&
        (x.title.startsWith(t) ||
          t.startsWith(x.title) ||
          ((x.bare.startsWith(bare) || bare.startsWith(x.bare)) &&
            (x.issuer === null || issuer === null || x.issuer === issuer))),
    );
    const key = same?.key ?? untitledKey(a.jurisdiction, a.type, a.descriptor ?? "", a.year);
    // Every wording is remembered: a later, shorter one may continue any of them.
    titled.push({ title: t, bare, issuer, key, type: a.type });
    addTo(key, a);
  }

  // A law named again by its name alone is the same document.
  for (const a of lawNames) addTo((a.linked as Anchor).key, a);

  // Short forms and aliases point back to documents already cited.
  const reps = Array.from(docs.values(), (d) => d.anchors[0] as Anchor);
  // Short forms and aliases in the document's own title ("Triển khai thực hiện Đề án 06", the
  // alias defined further down): the title's cue makes the document itself their subject. One
  // that continues another document's description ("Kế hoạch số 95/KH-UBND … về triển khai Đề án
  // 06") takes the cue with that document as subject.
  const inTitle: { start: number; end: number; target: Anchor }[] = [];
  const described: { start: number; end: number; target: Anchor }[] = [];
  for (const s of findShortForms(v, reps, anchors)) {
    if (s.candidates.length === 1) {
      docs.get((s.candidates[0] as Anchor).key)?.extra.push(s);
      const use = { start: s.start, end: s.end, target: s.candidates[0] as Anchor };
      if (s.start >= h.titleStart && s.end <= h.titleEnd) inTitle.push(use);
      else described.push(use);
      continue;
    }
    const c = s.candidates[0] as Anchor;
    const key = `${c.system === "PARTY" ? "party" : "state"}|${c.jurisdiction ?? UNKNOWN_PART}|short:${v.plain.slice(s.start, s.end).replace(/\s+/g, " ")}|${UNKNOWN_PART}`;
    const d = docs.get(key) ?? {
      key,
      anchors: [],
      extra: [],
      ambiguous: true,
      candidates: s.candidates.map((x) => x.key),
    };
    d.extra.push(s);
    docs.set(key, d);
    warnings.push({
      message: `short form could name ${s.candidates.length} documents`,
      start: s.start,
      end: s.end,
    });
  }
  for (const alias of findAliases(v, anchors)) {
    const d = docs.get(alias.target.key);
    if (!d) continue;
    const uses = aliasUses(v, alias);
    d.extra.push({ start: alias.start, end: alias.end }, ...uses);
    for (const u of uses) described.push({ ...u, target: alias.target });
    if (h.titleEnd <= h.titleStart || alias.start < h.titleEnd) continue;
    for (const u of aliasUses(v, { ...alias, end: h.titleStart })) {
      if (u.end > h.titleEnd) break;
      d.extra.push(u);
      inTitle.push({ ...u, target: alias.target });
    }
  }

  // Relations.
  const pending = [
    ...links,
    ...findRelations(v, anchors, {
      type: selfType,
      titleStart: h.titleStart,
      titleEnd: h.titleEnd,
      preambleEnd: Math.max(h.end, h.titleEnd) + PREAMBLE,
    }),
  ];
  for (const t of inTitle) {
    if (anchors.some((a) => a.start >= h.titleStart && a.start < t.start)) continue;
    const cue = titleCue(v.folded.slice(h.titleStart, t.start));
    if (cue === null) continue;
    const reports = selfType === "REPORT" && (cue.kind === "IMPLEMENTS" || cue.kind === "CONTINUES");
    pending.push({
      from: "SELF",
      to: t.target,
      kind: reports ? "REPORTS_ON" : cue.kind,
      cueStart: h.titleStart + cue.start,
      cueEnd: h.titleStart + cue.end,
      confidence: 0.85,
    });
  }
  for (const u of described) {
    let p: Anchor | null = null;
    for (const a of anchors) {
      if (a.start >= u.start) break;
      p = a;
    }
    if (p === null || p === u.target || p.tailEnd > u.start) continue;
    const cue = cueBetween(v.folded.slice(p.tailEnd, u.start));
    if (cue === null) continue;
    pending.push({
      from: p,
      to: u.target,
      kind: cue.kind,
      cueStart: p.tailEnd + cue.start,
      cueEnd: p.tailEnd + cue.end,
      confidence: 0.8,
    });
  }
  // A resolution or decision that issues an attachment implementing X implements X itself
  // ("Ban hành kèm theo Nghị quyết này Chương trình hành động … thực hiện Nghị quyết số 57-NQ/TW").
  const attached = new Set(
    pending.filter((r) => r.to === "SELF" && r.kind === "ISSUED_WITH").map((r) => r.from),
  );
  for (const r of [...pending]) {
    if (r.kind === "IMPLEMENTS" && r.from !== "SELF" && attached.has(r.from))
      pending.push({ ...r, from: "SELF", confidence: 0.8 });
  }
  const answered = oneAnswer(pending, v.folded);
  const toOrig = (o: number) => v.norm.toOriginal(o);
  const span = (start: number, end: number): Span => {
    const s = toOrig(start);
    const e = toOrig(end);
    return { start: s, end: e, text: text.slice(s, e) };
  };
  // One relation per subject, object and kind, the most confident, in order of first finding.
  // Found by subject, then object (the key strings at hand): the few kinds between two documents
  // are compared in a list, sparing a combined key per relation.
  const relations: Relation[] = [];
  const bySubject = new Map<string, Map<string, number[]>>();
  for (const r of answered) {
    const from = r.from === "SELF" ? "SELF" : r.from.key;
    const to = r.to === "SELF" ? "SELF" : r.to.key;
    if (from === to) continue;
    let byObject = bySubject.get(from);
    if (byObject === undefined) {
      byObject = new Map();
      bySubject.set(from, byObject);
    }
    let kept = byObject.get(to);
    if (kept === undefined) {
      kept = [];
      byObject.set(to, kept);
    }
    let at = kept.find((i) => (relations[i] as Relation).kind === r.kind);
    if (at !== undefined && (relations[at] as Relation).confidence >= r.confidence) continue;
    if (at === undefined) {
      at = relations.length;
      kept.push(at);
    }
    const cue = span(r.cueStart, Math.max(r.cueStart, r.cueEnd));
    relations[at] = {
      from,
      to,
      kind: r.kind,
      cue: squash(cue.text),
      start: cue.start,
      end: cue.end,
      confidence: r.confidence,
    };
  }

  // Citations, in order of first mention.
  const citations: Citation[] = [];
  for (const d of docs.values()) {
    // An alias that is also a short form ("(sau đây gọi tắt là Nghị quyết 57)") is one mention.
    const spans: { start: number; end: number }[] = [];
    // Most documents are numbered mentions only, already in start order: no copy to sort.
    const all =
      d.extra.length === 0 && inStartOrder(d.anchors)
        ? d.anchors
        : [...d.anchors, ...d.extra].sort((a, b) => a.start - b.start);
    for (const s of all) {
      // In start order, the same span kept already is among the last ones, those with its start.
      let kept = false;
      for (let k = spans.length - 1; k >= 0 && !kept; k--) {
        const t = spans[k] as { start: number; end: number };
        if (t.start !== s.start) break;
        kept = t.end === s.end;
      }
      if (!kept) spans.push(s);
    }
    const first = d.anchors[0] ?? null;
    // The first issuer named in the prose, else the first from a code; the first full date, else
    // the first partial one. One pass over the mentions.
    let proseIssuer: Issuer | null = null;
    let anyIssuer: Issuer | null = null;
    let fullDate: string | null = null;
    let anyDate: string | null = null;
    for (const a of d.anchors) {
      if (proseIssuer === null && a.issuerProse) proseIssuer = a.issuer;
      anyIssuer ??= a.issuer;
      if (fullDate === null && a.date?.length === 10) fullDate = a.date;
      anyDate ??= a.date;
    }
    const issuer = proseIssuer ?? anyIssuer;
    const local = first?.jurisdiction !== null && first?.jurisdiction === selfJurisdiction ? placeName : null;
    const date = fullDate ?? anyDate;
    const citedIssuer = issuerName(issuer, local, h.level);
    // A local body's own number keeps its unit in the key only ("gia-lai/xa-ia-grai").
    const where = first?.jurisdiction ?? null;
    const province = where?.includes("/") ? where.slice(0, where.indexOf("/")) : where;
    citations.push({
      key: d.key,
      symbol: first?.symbol ?? null,
      type: first?.type ?? "OTHER",
      system: first?.system ?? "UNKNOWN",
      issuer: citedIssuer,
      // The body as it was when the cited document was issued (or, undated, when it was cited).
      // Undated, the symbol's year still places it ("22/2021/QĐ-UBND" before a 2025 merger).
      issuerKey: issuerKeyOf(citedIssuer, province, date ?? first?.year ?? h.date),
      date,
      title: longestTitle(v, d.anchors),
      jurisdiction: province,
      ambiguous: d.ambiguous,
      ...(d.candidates ? { candidates: d.candidates } : {}),
      mentions: spans.map((s) => span(s.start, s.end)),
    });
  }
  citations.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  // A document the text relates itself to in no other way, it cites.
  const fromSelf = bySubject.get("SELF");
  for (const c of citations) {
    if (fromSelf?.has(c.key)) continue;
    const m = c.mentions[0];
    if (m)
      relations.push({
        from: "SELF",
        to: c.key,
        kind: "CITES",
        cue: m.text,
        start: m.start,
        end: m.end,
        confidence: 1,
      });
  }

  const outWarnings: Warning[] = warnings.map((w) => ({
    message: w.message,
    start: toOrig(w.start),
    end: toOrig(w.end),
  }));
  return { document, citations, relations, warnings: outWarnings };
}
