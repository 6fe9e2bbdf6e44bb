// Merges the nodes of many files in file order into the graph one write transaction holding all of
// them would leave: the same rules as the ingest statements, which are the definition — a
// document's own text wins over citations of it (ingest-documents), the registry's description over
// a text's (ingest-organisations), a later file's non-null value over an earlier one's (tasks,
// targets, actions, statistics, findings), a status report's last value as it stands
// (ingest-status-reports); tiers and issuers are settled once every node is known, as they are at
// the end of a batch (ingest-tasks reads the organisations the batch wrote, ingest-issuers comes
// last). tests/integration/ingest-bulk.test.ts holds the two to the same graph.
import type {
  FileContribution,
  IssuerContribution,
  NodeContribution,
  TieredContribution,
} from "./contribution.ts";
import type { Props, Value } from "./csv.ts";

export const NODE_LABELS = [
  "Source",
  "Document",
  "Organisation",
  "Task",
  "StatusReport",
  "Target",
  "Action",
  "Statistics",
  "Finding",
  "Registry",
] as const;

export type NodeLabel = (typeof NODE_LABELS)[number];

export class GraphFold {
  private readonly nodes = new Map<NodeLabel, Map<string, Props>>(NODE_LABELS.map((l) => [l, new Map()]));
  /** "Label|key" → the organisation whose tier the node takes, as its last row named it. */
  private readonly tierOf = new Map<string, string | null>();
  private readonly issuers: IssuerContribution[] = [];

  /** Registry organisations come first, as ensureRegistry loads them before any file. */
  constructor(registry: readonly { key: string; props: Props }[]) {
    const organisations = this.label("Organisation");
    for (const o of registry) organisations.set(o.key, { ...present(o.props), key: o.key, registered: true });
  }

  add(file: Omit<FileContribution, "relationships">, ingestedAt: Date): void {
    this.label("Source").set(file.source.key, { ...present(file.source.props), ingestedAt });
    const documents = this.label("Document");
    for (const d of file.documents) {
      const known = documents.get(d.key);
      if (!known) documents.set(d.key, { ...present(d.props), key: d.key, held: d.own });
      else {
        if (d.own || !known.held) overwrite(known, d.props);
        known.held = known.held === true || d.own;
      }
    }
    const organisations = this.label("Organisation");
    for (const o of file.organisations) {
      const known = organisations.get(o.key);
      if (!known) organisations.set(o.key, { ...present(o.props), key: o.key });
      else {
        if (known.registered !== true) overwrite(known, { ...o.props, registered: null });
        known.registered = known.registered === true || o.props.registered === true;
      }
    }
    this.merge("Task", file.tasks);
    const statuses = this.label("StatusReport");
    for (const s of file.statuses) {
      const props = statuses.get(s.key) ?? { key: s.key };
      for (const [name, value] of Object.entries(s.props)) assign(props, name, value);
      statuses.set(s.key, props);
    }
    this.merge("Target", file.targets);
    this.merge("Action", file.actions);
    this.merge("Statistics", file.statistics);
    this.merge("Finding", file.findings);
    this.issuers.push(...file.issuers);
  }

  /**
   * Settles tiers and issuers and returns every node by label, and the ISSUED_BY lines of the
   * issuers whose organisation exists (ingest-issuers MATCHes it). Call once, after the last add.
   */
  finish(): { nodes: Map<NodeLabel, Map<string, Props>>; issuedBy: string[] } {
    const organisations = this.label("Organisation");
    const tierOf = (key: string | null | undefined) =>
      key ? ((organisations.get(key)?.tier ?? null) as Value) : null;
    for (const [ref, organisation] of this.tierOf) {
      const bar = ref.indexOf("|");
      const props = this.label(ref.slice(0, bar) as NodeLabel).get(ref.slice(bar + 1)) as Props;
      assign(props, "tier", tierOf(organisation));
    }
    const documents = this.label("Document");
    const issuedBy: string[] = [];
    for (const i of this.issuers) {
      const organisation = organisations.get(i.organisation);
      const document = documents.get(i.document);
      if (!organisation || !document) continue;
      issuedBy.push(i.line);
      if (i.own || document.held !== true) assign(document, "tier", organisation.tier ?? null);
    }
    return { nodes: this.nodes, issuedBy };
  }

  private label(label: NodeLabel): Map<string, Props> {
    return this.nodes.get(label) as Map<string, Props>;
  }

  /** A later non-null value wins; a tiered node keeps the organisation its last row named. */
  private merge(label: NodeLabel, rows: readonly (NodeContribution | TieredContribution)[]): void {
    const nodes = this.label(label);
    for (const r of rows) {
      const known = nodes.get(r.key);
      if (!known) nodes.set(r.key, { ...present(r.props), key: r.key });
      else overwrite(known, r.props);
      if ("tierOf" in r) this.tierOf.set(`${label}|${r.key}`, r.tierOf);
    }
  }
}

/** The properties a CREATE sets: a null sets nothing. */
function present(props: Props): Props {
  const out: Props = {};
  for (const [name, value] of Object.entries(props)) if (value !== null) out[name] = value;
  return out;
}

/** `SET n.p = coalesce(row.p, n.p)` for every property of the row. */
function overwrite(target: Props, props: Props): void {
  for (const [name, value] of Object.entries(props)) if (value !== null) target[name] = value;
}

/** `SET n.p = value`: a null removes the property. */
function assign(target: Props, name: string, value: Value): void {
  if (value === null) delete target[name];
  else target[name] = value;
}
