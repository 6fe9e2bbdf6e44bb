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

const SEARCH = `query Search($q: String!, $first: Int) {
  search(query: $q, first: $first) { edges { node { id kind label ... on Document { symbol } } } }
}`;

export async function search(q: string, first = 8): Promise<SearchHit[]> {
  const data = await gql<{ search: { edges: { node: SearchHit }[] } }>(SEARCH, { q, first });
  return data.search.edges.map((e) => e.node);
}

const EVIDENCE = "quote source start end";

export interface DocumentInfo {
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
  sources: Evidence[];
}

const DOCUMENT_FIELDS = `id kind label symbol type system issuer issuedOn jurisdiction status title held tier
  sources { ${EVIDENCE} }`;

export async function documentByRef(ref: string): Promise<DocumentInfo | null> {
  const data = await gql<{ document: DocumentInfo | null }>(
    `query Doc($ref: String!) { document(ref: $ref) { ${DOCUMENT_FIELDS} } }`,
    { ref },
  );
  return data.document;
}

export interface NodeInfo {
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
      ... on Organisation { name tier jurisdiction sources { ${EVIDENCE} }
        predecessors { id label } successors { id label } }
      ... on Task { ref content status overdue deadlineText tier
        lead { id label } sources { ${EVIDENCE} } }
      ... on Action { text quantity unit tier actor { id label } sources { ${EVIDENCE} } }
    } }`,
    { id },
  );
  return data.node;
}

interface LineageAnswer {
  lineage: {
    root: LineageNode;
    truncated: boolean;
    truncation: string[];
    cycles: string[][];
    nodes: { edges: { depth: number; path: { nodes: { id: string }[] }; node: LineageNode }[] };
    relations: {
      edges: {
        node: {
          from: { id: string };
          to: { id: string };
          kind: string;
          confidence: number | null;
          evidence: Evidence | Evidence[] | null;
        };
      }[];
    };
  };
}

interface LineageNode {
  id: string;
  kind: string;
  label: string;
  tier?: string | null;
  symbol?: string | null;
  issuedOn?: string | null;
  status?: string | null;
  overdue?: boolean | null;
}

const LINEAGE_NODE = `id kind label tier
  ... on Document { symbol issuedOn }
  ... on Task { status overdue }`;

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
    symbol: n.symbol ?? null,
    date: n.issuedOn ?? null,
    status: n.status ?? null,
    overdue: n.overdue ?? null,
    ...(depth === undefined ? {} : { depth }),
    ...(path === undefined ? {} : { path }),
  };
}

export function evidenceList(e: Evidence | Evidence[] | null | undefined): Evidence[] {
  if (!e) return [];
  return Array.isArray(e) ? e : [e];
}

/** The whole chain, following the connection pages (100 per page, the API's maximum). */
export async function lineage(
  root: string,
  direction: "DOWNSTREAM" | "UPSTREAM",
  maxDepth = 12,
): Promise<LineageData> {
  const nodes: ChainNodeData[] = [];
  const relations: ChainRelation[] = [];
  let after: string | null = null;
  let afterRel: string | null = null;
  let first: LineageAnswer["lineage"] | null = null;
  let moreNodes = true;
  let moreRels = true;
  // Pages of nodes and relations advance together; each round trip asks only for what is left.
  for (let round = 0; round < 50 && (moreNodes || moreRels); round++) {
    const data: LineageAnswer & {
      lineage: {
        nodes: { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        relations: { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      };
    } = await gql(
      `query Lineage($root: ID!, $dir: Direction, $depth: Int, $after: String, $afterRel: String, $n: Int!, $r: Int!) {
        lineage(root: $root, direction: $dir, maxDepth: $depth) {
          root { ${LINEAGE_NODE} }
          truncated truncation cycles
          nodes(first: $n, after: $after) { pageInfo { hasNextPage endCursor }
            edges { depth path { nodes { id } } node { ${LINEAGE_NODE} } } }
          relations(first: $r, after: $afterRel) { pageInfo { hasNextPage endCursor }
            edges { node { from { id } to { id } kind confidence evidence { ${EVIDENCE} } } } }
        } }`,
      {
        root,
        dir: direction,
        depth: maxDepth,
        after,
        afterRel,
        n: moreNodes ? 100 : 0,
        r: moreRels ? 100 : 0,
      },
    );
    const l = data.lineage;
    first ??= l;
    if (moreNodes) {
      for (const e of l.nodes.edges)
        nodes.push(
          toChainNode(
            e.node,
            e.depth,
            e.path.nodes.map((p) => p.id),
          ),
        );
      moreNodes = l.nodes.pageInfo.hasNextPage;
      after = l.nodes.pageInfo.endCursor;
    }
    if (moreRels) {
      for (const e of l.relations.edges) {
        const r = e.node;
        relations.push({
          from: r.from.id,
          to: r.to.id,
          kind: r.kind,
          confidence: r.confidence,
          evidence: evidenceList(r.evidence),
        });
      }
      moreRels = l.relations.pageInfo.hasNextPage;
      afterRel = l.relations.pageInfo.endCursor;
    }
  }
  const l = first as LineageAnswer["lineage"];
  return {
    root: toChainNode(l.root, 0, [l.root.id]),
    nodes,
    relations,
    truncated: l.truncated,
    truncation: l.truncation,
    cycles: l.cycles,
  };
}

export interface AccountabilityRow {
  organisation: { id: string; label: string };
  byStatus: { status: string; count: number }[];
  overdue: number;
  plansIssued: { id: string; label: string }[];
}

export async function accountability(organisation: string): Promise<AccountabilityRow[]> {
  const data = await gql<{ accountability: { edges: { node: AccountabilityRow }[] } }>(
    `query Acc($org: ID) { accountability(organisation: $org, first: 50) { edges { node {
      organisation { id label } byStatus { status count } overdue plansIssued { id label } } } } }`,
    { org: organisation },
  );
  return data.accountability.edges.map((e) => e.node);
}

export interface Gap {
  kind: string;
  severity: string | null;
  message: string | null;
  messageVi?: string | null;
  messageEn?: string | null;
  node: { id: string; kind: string; label: string } | null;
  evidence: Evidence[];
}

export async function gaps(): Promise<Gap[]> {
  const out: Gap[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const data: {
      gaps: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: Gap & { evidence: Evidence | Evidence[] | null } }[];
      };
    } = await gql(
      `query Gaps($after: String) { gaps(first: 50, after: $after) { pageInfo { hasNextPage endCursor }
          edges { node { kind severity message messageVi messageEn node { id kind label } evidence { ${EVIDENCE} } } } } }`,
      { after },
    );
    for (const e of data.gaps.edges) out.push({ ...e.node, evidence: evidenceList(e.node.evidence) });
    if (!data.gaps.pageInfo.hasNextPage) break;
    after = data.gaps.pageInfo.endCursor;
  }
  return out;
}
