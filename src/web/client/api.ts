// The explorer's only way to the data: POST /graphql. Every query the explorer sends is here, so
// a schema change shows up in one file.
import type { ChainNodeData, ChainRelation, Evidence } from "./chain-model.ts";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => null)) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  if (!body) throw new ApiError(`HTTP ${res.status}`, null);
  const first = body.errors?.[0];
  if (first && !body.data) throw new ApiError(first.message, first.extensions?.code ?? null);
  if (!body.data) throw new ApiError(`HTTP ${res.status}`, null);
  return body.data;
}

export interface SearchHit {
  id: string;
  kind: string;
  label: string;
  symbol?: string | null;
}

// Documents are what people look for by number ("nq 36"), but a long action that quotes the number
// outranks the short document label in full-text scores: ask for documents and for everything in
// one request, and list the documents first.
const SEARCH = `query Search($q: String!, $first: Int) {
  documents: search(query: $q, kinds: [DOCUMENT], first: $first) { edges { node { ...hit } } }
  all: search(query: $q, first: $first) { edges { node { ...hit } } }
}
fragment hit on Node { id kind label ... on Document { symbol } }`;

export async function search(q: string, first = 8): Promise<SearchHit[]> {
  type Hits = { edges: { node: SearchHit }[] };
  const data = await gql<{ documents: Hits; all: Hits }>(SEARCH, { q, first });
  const seen = new Set<string>();
  const docs = data.documents.edges.map((e) => e.node).slice(0, Math.ceil(first / 2));
  const out: SearchHit[] = [];
  for (const hit of [...docs, ...data.all.edges.map((e) => e.node)]) {
    if (seen.has(hit.id)) continue;
    seen.add(hit.id);
    out.push(hit);
  }
  return out.slice(0, first);
}

const EVIDENCE = "quote source start end";
/** Where a node was read: the API's SourceMention connection, flattened to evidence. */
const SOURCES = `sources(first: 10) { edges { node { evidence { ${EVIDENCE} } } } }`;

interface SourcesField {
  sources?: { edges: { node: { evidence: Evidence } }[] } | null;
}

export function sourcesOf(n: SourcesField): Evidence[] {
  return n.sources?.edges.map((e) => e.node.evidence) ?? [];
}

export interface DocumentInfo extends SourcesField {
  id: string;
  kind: string;
  label: string;
  symbol: string | null;
  type: string | null;
  system: string | null;
  issuer: string | null;
  issuedOn: string | null;
  jurisdiction: string | null;
  status: string | null;
  title: string | null;
  held: boolean | null;
  tier: string | null;
  issuingOrganisation: { id: string; label: string } | null;
}

const DOCUMENT_FIELDS = `symbol type system issuer issuedOn jurisdiction status title held tier
  issuingOrganisation { id label } ${SOURCES}`;

export async function documentByRef(ref: string): Promise<DocumentInfo | null> {
  const data = await gql<{ document: DocumentInfo | null }>(
    `query Doc($ref: String!) { document(ref: $ref) { id kind label ${DOCUMENT_FIELDS} } }`,
    { ref },
  );
  return data.document;
}

export interface NodeInfo extends SourcesField {
  id: string;
  kind: string;
  label: string;
  [field: string]: unknown;
}

/** Any node by id, with the fields each kind's page shows. */
export async function nodeById(id: string): Promise<NodeInfo | null> {
  const data = await gql<{ node: NodeInfo | null }>(
    `query Node($id: ID!) { node(id: $id) { id kind label
      ... on Document { ${DOCUMENT_FIELDS} }
      ... on Organisation { name tier jurisdiction code aliases validFrom validTo
        parent { id label } predecessors { id label } successors { id label }
        accountability { taskCount overdueCount plansIssuedCount byStatus { status count }
          plansIssued(first: 50) { edges { node { id label symbol issuedOn } } }
          overdueTasks(first: 50) { edges { node { id label } } } } }
      ... on Task { ref content taskStatus: status overdue tier deadline { text } product
        lead { id label } cooperating { id label } assignedBy { id label } ${SOURCES} }
      ... on Action { text actor quantity unit tier performer { id label } ${SOURCES} }
      ... on Target { indicator unit comparator valueText horizon setBy { id label } }
      ... on Finding { findingKind severity messageVi messageEn evidence { ${EVIDENCE} } document { id label } }
    } }`,
    { id },
  );
  return data.node;
}

interface LineageNode {
  id: string;
  kind: string;
  label: string;
  ref?: string | null;
  tier?: string | null;
  symbol?: string | null;
  issuedOn?: string | null;
  status?: string | null;
  overdue?: boolean | null;
}

const LINEAGE_NODE = `id kind label
  ... on Document { symbol issuedOn tier }
  ... on Task { ref status overdue tier }
  ... on Action { tier }
  ... on Organisation { tier }`;

export interface LineageData {
  root: ChainNodeData;
  nodes: ChainNodeData[];
  relations: ChainRelation[];
  truncated: boolean;
  truncation: string[];
  cycles: string[][];
}

function toChainNode(n: LineageNode, depth?: number, path?: string[]): ChainNodeData {
  return {
    id: n.id,
    kind: n.kind,
    label: n.label,
    tier: n.tier ?? null,
    // A task's own id in its table ("Nhiệm vụ số 74") is how people name it, like a document's symbol.
    symbol: n.symbol ?? n.ref ?? null,
    date: n.issuedOn ?? null,
    status: n.status ?? null,
    overdue: n.overdue ?? null,
    ...(depth === undefined ? {} : { depth }),
    ...(path === undefined ? {} : { path }),
  };
}

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: T[];
}

/** Follows a connection to its end, 100 per page (the API's maximum). */
async function allPages<T>(
  fetchPage: (after: string | null) => Promise<Page<T>>,
  maxPages = 100,
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(after);
    out.push(...page.edges);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return out;
}

type Dir = "DOWNSTREAM" | "UPSTREAM";

interface LineageHead {
  root: LineageNode;
  truncated: boolean;
  truncation: string[];
  cycles: string[][];
}

/** The whole chain: the head and the node pages in one walk, then the relation pages. */
export async function lineage(root: string, direction: Dir, maxDepth = 12): Promise<LineageData> {
  const args = "lineage(root: $root, direction: $dir, maxDepth: $depth)";
  const vars = { root, dir: direction, depth: maxDepth };
  let head: LineageHead | null = null;
  const nodeEdges = await allPages(async (after) => {
    const data = await gql<{
      lineage: LineageHead & {
        nodes: Page<{ depth: number; path: { nodes: { id: string }[] }; node: LineageNode }>;
      };
    }>(
      `query Lineage($root: ID!, $dir: Direction, $depth: Int, $after: String) { ${args} {
        root { ${LINEAGE_NODE} } truncated truncation cycles
        nodes(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
          edges { depth path { nodes { id } } node { ${LINEAGE_NODE} } } } } }`,
      { ...vars, after },
    );
    head ??= data.lineage;
    return data.lineage.nodes;
  });
  const relationEdges = await allPages(async (after) => {
    const data = await gql<{
      lineage: {
        relations: Page<{
          node: {
            from: { id: string };
            to: { id: string };
            kind: string;
            confidence: number | null;
            evidence: Evidence[];
          };
        }>;
      };
    }>(
      `query LineageRelations($root: ID!, $dir: Direction, $depth: Int, $after: String) { ${args} {
        relations(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
          edges { node { from { id } to { id } kind confidence evidence { ${EVIDENCE} } } } } } }`,
      { ...vars, after },
    );
    return data.lineage.relations;
  });
  const h = head as unknown as LineageHead;
  return {
    root: toChainNode(h.root, 0, [h.root.id]),
    nodes: nodeEdges.map((e) =>
      toChainNode(
        e.node,
        e.depth,
        e.path.nodes.map((p) => p.id),
      ),
    ),
    relations: relationEdges.map(({ node: r }) => ({
      from: r.from.id,
      to: r.to.id,
      kind: r.kind,
      confidence: r.confidence,
      evidence: r.evidence ?? [],
    })),
    truncated: h.truncated,
    truncation: h.truncation,
    cycles: h.cycles,
  };
}

export interface Gap {
  kind: string;
  severity: string;
  messageVi: string;
  messageEn: string;
  node: {
    id: string;
    kind: string;
    label: string;
    findingKind?: string;
    evidence?: Evidence[];
    symbol?: string | null;
  } & SourcesField;
}

export async function gaps(): Promise<Gap[]> {
  const edges = await allPages(async (after) => {
    const data = await gql<{ gaps: Page<{ node: Gap }> }>(
      `query Gaps($after: String) { gaps(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
        edges { node { kind severity messageVi messageEn node { id kind label
          ... on Finding { findingKind evidence { ${EVIDENCE} } }
          ... on Document { symbol ${SOURCES} }
          ... on Task { ${SOURCES} } } } } } }`,
      { after },
    );
    return data.gaps;
  });
  return edges.map((e) => e.node);
}

/** The finding kind an auditor reads: ingest findings carry their own kind under FINDING. */
export function gapKind(g: Gap): string {
  return g.kind === "FINDING" && g.node.findingKind ? g.node.findingKind : g.kind;
}

export function gapEvidence(g: Gap): Evidence[] {
  return g.node.evidence ?? sourcesOf(g.node);
}
