// The explorer's pages. Each takes its URL parameters and returns its element; data arrives
// asynchronously and fills in placeholders, so navigation never blocks on the network.
import {
  type DocumentInfo,
  documentByRef,
  type Gap,
  gapEvidence,
  gapKind,
  gaps,
  type NodeInfo,
  nodeById,
  search,
  sourcesOf,
} from "./api.ts";
import type { Evidence } from "./chain-model.ts";
import { chainPanel, type Dir, type View } from "./chain-view.ts";
import { h } from "./dom.ts";
import { evidenceButton } from "./evidence.ts";
import { label, lang, t } from "./i18n.ts";
import { nodeHref } from "./links.ts";

type Page = HTMLElement;

function loading(): HTMLElement {
  return h("p", { class: "muted", role: "status" }, t("loading"));
}

function failed(e: unknown): HTMLElement {
  return h(
    "p",
    { class: "error", role: "alert" },
    `${t("error")}: ${e instanceof Error ? e.message : String(e)}`,
  );
}

/** Fills `page` once `work` resolves; errors are shown where the content would be. */
function later(page: HTMLElement, work: () => Promise<Node[]>): HTMLElement {
  const placeholder = loading();
  page.append(placeholder);
  work()
    .then((nodes) => placeholder.replaceWith(...nodes))
    .catch((e) => placeholder.replaceWith(failed(e)));
  return page;
}

export function homePage(): Page {
  return h(
    "section",
    { class: "home" },
    h("h1", {}, t("appName")),
    h("p", {}, t("homeIntro")),
    h("p", { class: "muted" }, t("searchHint")),
    h(
      "ul",
      { class: "examples" },
      ...["nq 36", "cong nghe sinh hoc", "Sở KH&CN"].map((q) =>
        h("li", {}, h("a", { href: `#/search?q=${encodeURIComponent(q)}` }, q)),
      ),
    ),
  );
}

export function searchPage(q: string): Page {
  const page = h("section", { class: "results" }, h("h1", {}, `${t("results")}: “${q}”`));
  return later(page, async () => {
    const hits = await search(q, 50);
    if (hits.length === 0) return [h("p", {}, t("noResults"))];
    return [
      h(
        "ol",
        { class: "hits" },
        ...hits.map((hit) =>
          h(
            "li",
            {},
            h("span", { class: `kind k-${hit.kind}` }, label(hit.kind)),
            " ",
            h("a", { href: nodeHref(hit.id) }, hit.symbol ? `${hit.symbol} — ${hit.label}` : hit.label),
          ),
        ),
      ),
    ];
  });
}

/** A definition list whose facts each open their evidence. */
function facts(
  rows: [string, string | null | undefined | Node][],
  evidence: Evidence[],
  title: string,
): HTMLElement {
  const dl = h("dl", { class: "facts" });
  for (const [name, value] of rows) {
    if (value === null || value === undefined || value === "") continue;
    dl.append(
      h("dt", {}, name),
      h("dd", {}, value, " ", evidence.length ? evidenceButton(`${title} — ${name}`, evidence) : null),
    );
  }
  return dl;
}

function readIn(evidence: Evidence[]): HTMLElement {
  // The same sentence read at several places of one file is listed once, with all its positions.
  const groups = new Map<string, { e: Evidence; at: string[] }>();
  for (const e of evidence) {
    const key = `${e.source}\u0000${e.quote}`;
    const at = e.start === null || e.start === undefined ? null : `${e.start}–${e.end ?? ""}`;
    const g = groups.get(key) ?? { e, at: [] };
    if (at) g.at.push(at);
    groups.set(key, g);
  }
  return h(
    "section",
    { class: "read-in", "aria-labelledby": "read-in" },
    h("h2", { id: "read-in" }, t("readIn")),
    groups.size
      ? h(
          "ul",
          {},
          ...[...groups.values()].map(({ e, at }) =>
            h(
              "li",
              {},
              h("code", { class: "evidence-source" }, e.source ?? "—"),
              at.length ? h("span", { class: "muted" }, ` · ${t("position")} ${at.join(", ")}`) : null,
              h("blockquote", { lang: "vi", class: "quote" }, e.quote ?? "—"),
            ),
          ),
        )
      : h("p", { class: "muted" }, t("heldNo")),
  );
}

function linkList(items: { id: string; label: string }[] | null | undefined): Node {
  if (!items || items.length === 0) return h("span", { class: "muted" }, t("none"));
  return h(
    "ul",
    { class: "inline" },
    ...items.map((o) => h("li", {}, h("a", { href: nodeHref(o.id) }, o.label))),
  );
}

function documentSection(d: DocumentInfo | NodeInfo): Node[] {
  const doc = d as DocumentInfo;
  const evidence = sourcesOf(doc);
  const heading = doc.symbol ?? doc.label;
  return [
    h("p", { class: "eyebrow" }, label(doc.type ?? "DOCUMENT")),
    h("h1", {}, heading),
    doc.title ? h("p", { class: "lede" }, doc.title) : h("p", { class: "lede" }, doc.label),
    facts(
      [
        [t("symbol"), doc.symbol],
        [t("type"), doc.type ? label(doc.type) : null],
        [t("system"), doc.system ? label(doc.system) : null],
        [t("issuer"), doc.issuer],
        [t("issuedOn"), doc.issuedOn],
        [t("jurisdiction"), doc.jurisdiction],
        [t("tier"), doc.tier ? label(doc.tier) : null],
        [t("status"), doc.status ? label(doc.status) : null],
        [
          t("held"),
          doc.held === null || doc.held === undefined ? null : doc.held ? t("heldYes") : t("heldNo"),
        ],
      ],
      evidence,
      heading,
    ),
    readIn(evidence),
  ];
}

function taskOrActionSection(n: NodeInfo): Node[] {
  const evidence = n.kind === "FINDING" ? ((n.evidence as Evidence[] | undefined) ?? []) : sourcesOf(n);
  const ref = (o: unknown): Node | null => {
    const r = o as { id: string; label: string } | null | undefined;
    return r ? h("a", { href: nodeHref(r.id) }, r.label) : null;
  };
  const refs = (o: unknown): Node | null => {
    const list = o as { id: string; label: string }[] | undefined;
    return list?.length ? linkList(list) : null;
  };
  const str = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));
  // Tasks ask for their status under an alias: a document's `status` is another type (in force…).
  const status = n.kind === "TASK" ? n.taskStatus : null;
  const overdue = n.overdue === true || status === "OVERDUE";
  const deadline = n.deadline as { text: string } | null | undefined;
  const message = n.kind === "FINDING" ? str(lang() === "vi" ? n.messageVi : n.messageEn) : null;
  return [
    h("p", { class: "eyebrow" }, label(n.kind)),
    h("h1", { class: "long" }, n.kind === "TASK" && n.ref ? String(n.ref) : (message ?? n.label)),
    n.kind === "TASK" ? h("p", { class: "lede" }, String(n.content ?? n.label)) : null,
    overdue ? h("p", { class: "badge-overdue" }, t("overdue")) : null,
    facts(
      [
        [t("status"), status ? label(String(status)) : null],
        [t("deadline"), deadline?.text ?? null],
        [t("lead"), refs(n.lead)],
        [t("cooperating"), refs(n.cooperating)],
        [t("assignedBy"), ref(n.assignedBy)],
        [t("product"), str(n.product)],
        [t("actor"), ref(n.performer) ?? str(n.actor)],
        [
          t("quantity"),
          n.quantity === null || n.quantity === undefined ? null : `${n.quantity} ${str(n.unit) ?? ""}`,
        ],
        [t("severity"), n.severity ? label(String(n.severity)) : null],
        [t("kindOfFinding"), n.findingKind ? label(String(n.findingKind)) : null],
        [t("document"), ref(n.document) ?? ref(n.setBy)],
        [t("tier"), n.tier ? label(String(n.tier)) : null],
      ],
      evidence,
      n.label.slice(0, 60),
    ),
    readIn(evidence),
  ].filter((x): x is HTMLElement => x !== null);
}

interface OrgAccountability {
  taskCount: number;
  overdueCount: number;
  plansIssuedCount: number;
  byStatus: { status: string; count: number }[];
  plansIssued: { edges: { node: { id: string; label: string } }[] };
  overdueTasks: { edges: { node: { id: string; label: string } }[] };
}

function organisationSection(n: NodeInfo): Node[] {
  const acc = n.accountability as OrgAccountability | null | undefined;
  const table = acc
    ? h(
        "table",
        { class: "counts" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("status")), h("th", { scope: "col" }, "#"))),
        h(
          "tbody",
          {},
          ...acc.byStatus.map((b) =>
            h(
              "tr",
              { class: `st-${b.status}` },
              h("th", { scope: "row" }, label(b.status)),
              h("td", {}, b.count),
            ),
          ),
          h("tr", {}, h("th", { scope: "row" }, t("total")), h("td", {}, acc.taskCount)),
          h(
            "tr",
            { class: acc.overdueCount ? "overdue" : null },
            h("th", { scope: "row" }, t("overdue")),
            h("td", {}, acc.overdueCount),
          ),
        ),
      )
    : h("p", { class: "muted" }, t("none"));
  return [
    h("p", { class: "eyebrow" }, t("organisation")),
    h("h1", {}, String(n.name ?? n.label)),
    facts(
      [
        [t("tier"), n.tier ? label(String(n.tier)) : null],
        [t("jurisdiction"), (n.jurisdiction as string | null) ?? null],
        [t("parentOrg"), n.parent ? linkList([n.parent as { id: string; label: string }]) : null],
        [t("predecessors"), linkList(n.predecessors as { id: string; label: string }[])],
        [t("successors"), linkList(n.successors as { id: string; label: string }[])],
      ],
      [],
      n.label,
    ),
    h(
      "section",
      { class: "accountability", "aria-labelledby": "acc" },
      h("h2", { id: "acc" }, t("tasksByStatus")),
      table,
      h("h2", {}, `${t("overdue")} (${acc?.overdueCount ?? 0})`),
      linkList(acc?.overdueTasks.edges.map((e) => e.node)),
      h("h2", {}, `${t("plansIssued")} (${acc?.plansIssuedCount ?? 0})`),
      linkList(acc?.plansIssued.edges.map((e) => e.node)),
    ),
  ];
}

export function nodePage(id: string, dir: Dir, view: View): Page {
  const page = h("article", { class: "node" });
  return later(page, async () => {
    const n = await nodeById(id);
    if (!n) return [h("p", {}, t("notFound"))];
    document.title = `${n.label.slice(0, 60)} · Chidao`;
    const body =
      n.kind === "DOCUMENT"
        ? documentSection(n)
        : n.kind === "ORGANISATION"
          ? organisationSection(n)
          : taskOrActionSection(n);
    const walks = n.kind === "DOCUMENT" || n.kind === "TASK" || n.kind === "ACTION";
    return walks ? [...body, chainPanel(id, dir, view)] : body;
  });
}

/** `#/ref/36-NQ%2FTW`: a shareable address by citation, resolved by the API's `document(ref:)`. */
export function refPage(ref: string, dir: Dir, view: View): Page {
  const page = h("article", { class: "node" });
  return later(page, async () => {
    const d = await documentByRef(ref);
    if (!d) return [h("p", {}, t("notFound"))];
    return [...documentSection(d), chainPanel(d.id, dir, view)];
  });
}

/** Findings grouped the way an auditor reads them; each opens its evidence. */
const FINDING_GROUPS: { title: Record<"vi" | "en", string>; kinds: string[] }[] = [
  { title: { vi: "Số liệu tổng không khớp", en: "Totals that do not add up" }, kinds: ["TOTALS_MISMATCH"] },
  {
    title: { vi: "Văn bản được dẫn nhưng chưa nạp", en: "References never ingested" },
    kinds: ["UNINGESTED_REFERENCE", "NOT_INGESTED", "UNRESOLVED_REFERENCE", "MISSING_DOCUMENT"],
  },
  {
    title: { vi: "Thứ tự ngày sai", en: "Date-order violations" },
    kinds: ["IMPLEMENTS_LATER_DOCUMENT", "DATE_ORDER", "DATE_DISAGREEMENT"],
  },
  {
    title: { vi: "Một cơ quan viết nhiều cách", en: "Spelling variants of one issuer" },
    kinds: ["ISSUER_SPELLING_VARIANTS"],
  },
];

function gapMessage(g: Gap): string {
  return (lang() === "vi" ? g.messageVi : g.messageEn) || label(gapKind(g));
}

function gapItem(g: Gap): HTMLElement {
  const msg = gapMessage(g);
  return h(
    "li",
    { class: `finding sev-${g.severity}`, "data-kind": gapKind(g) },
    h("span", { class: `sev sev-${g.severity}` }, label(g.severity)),
    " ",
    h("span", { class: "msg" }, msg),
    g.node.kind === "FINDING"
      ? null
      : h("span", {}, " · ", h("a", { href: nodeHref(g.node.id) }, g.node.label.slice(0, 80))),
    " ",
    evidenceButton(msg.slice(0, 80), gapEvidence(g)),
  );
}

export function findingsPage(): Page {
  const page = h(
    "section",
    { class: "findings" },
    h("h1", {}, t("findings")),
    h("p", {}, t("findingsIntro")),
  );
  return later(page, async () => {
    const all = await gaps();
    const used = new Set<Gap>();
    const sections = FINDING_GROUPS.map((group, i) => {
      const items = all.filter((g) => group.kinds.includes(gapKind(g)));
      for (const g of items) used.add(g);
      return h(
        "section",
        { "aria-labelledby": `fg-${i}` },
        h("h2", { id: `fg-${i}` }, `${group.title[lang()]} (${items.length})`),
        items.length
          ? h("ul", { class: "finding-list" }, ...items.map(gapItem))
          : h("p", { class: "muted" }, t("none")),
      );
    });
    const rest = all.filter((g) => !used.has(g));
    const kinds = [...new Set(rest.map(gapKind))];
    const others = kinds.map((kind) =>
      h(
        "section",
        {},
        h("h2", {}, `${label(kind)} (${rest.filter((g) => gapKind(g) === kind).length})`),
        h("ul", { class: "finding-list" }, ...rest.filter((g) => gapKind(g) === kind).map(gapItem)),
      ),
    );
    return [...sections, ...others];
  });
}
