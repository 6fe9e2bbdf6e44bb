// `chidao trace <ref>`: the implementation chain of a document (or any node) on the terminal, as a
// Mermaid flowchart, as a CSV of edges for auditors, or as JSON. It walks with the same function as
// the GraphQL `lineage` field and draws with the same chain model as the explorer, so the three
// never disagree about what the chain is.
import { parseArgs } from "node:util";
import { openGraph } from "../graph/connection.ts";
import { clampDepth, type LineageResult, walkLineage } from "../graph/lineage.ts";
import { findDocument } from "../graph/queries/documents.ts";
import { type GraphNode, labelOf, parseUid } from "../graph/queries/nodes.ts";
import {
  buildChain,
  type Chain,
  type ChainNode,
  type ChainNodeData,
  chainToCsv,
} from "../web/client/chain-model.ts";

const FORMATS = ["tree", "mermaid", "csv", "json"] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: chidao trace <ref> [--up|--down] [--depth N] [--format tree|mermaid|csv|json] [--jurisdiction J]

  <ref>           a citation in any form ("Nghị quyết số 36-NQ/TW", "36-NQ/TW", "nghi quyet 36-nq/tw"),
                  a document key, or a node uid such as "Task:<key>"
  --down          what implements it (default)       --up   what it is based on
  --depth N       hops to walk, 1..12 (default 8)
  --format F      tree (default), mermaid, csv (from,to,kind,evidence,source) or json
  --jurisdiction  "national" or a province, when the symbol exists in several
`;

function str(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : null;
}

function dataOf(node: GraphNode, path?: string[], depth?: number): ChainNodeData {
  const p = node.props;
  return {
    id: node.uid,
    kind: node.kind,
    label: labelOf(node),
    tier: str(p.tier),
    // A task's id in its table ("Nhiệm vụ số 74") names it the way a symbol names a document.
    symbol: str(p.symbol) ?? str(p.ref),
    date: str(p.issuedOn),
    ...(path ? { path } : {}),
    ...(depth === undefined ? {} : { depth }),
  };
}

export function chainOf(result: LineageResult): Chain {
  return buildChain(
    dataOf(result.root, [result.root.uid], 0),
    result.steps.map((s) => dataOf(s.node, s.path, s.depth)),
    result.relations.map((r) => ({
      from: r.from,
      to: r.to,
      kind: r.kind,
      confidence: r.confidence,
      evidence: r.evidence.map((e) => ({ quote: e.quote, source: e.source, start: e.start, end: e.end })),
    })),
  );
}

function title(d: ChainNodeData): string {
  const text = d.label.replace(/\s+/g, " ");
  const short = text.length > 110 ? `${text.slice(0, 109)}…` : text;
  return d.symbol && !short.includes(d.symbol) ? `${d.symbol} — ${short}` : short;
}

export function renderTree(chain: Chain): string {
  const lines: string[] = [];
  const facts = (n: ChainNode): string => {
    const bits = [n.data.date, n.daysAfterParent === null ? null : `+${n.daysAfterParent} days`].filter(
      Boolean,
    );
    return bits.length ? ` (${bits.join(", ")})` : "";
  };
  lines.push(`${title(chain.root.data)}${facts(chain.root)}`);
  const walk = (n: ChainNode, prefix: string): void => {
    n.children.forEach((c, i) => {
      const last = i === n.children.length - 1;
      const kind = c.relation ? `[${c.relation.kind}] ` : "";
      lines.push(`${prefix}${last ? "└─ " : "├─ "}${kind}${title(c.data)}${facts(c)}`);
      walk(c, `${prefix}${last ? "   " : "│  "}`);
    });
  };
  walk(chain.root, "");
  return `${lines.join("\n")}\n`;
}

/** Mermaid escapes quotes as entities inside a quoted label. */
function mermaidText(s: string): string {
  return s.replace(/"/g, "#quot;").replace(/[<>]/g, (c) => (c === "<" ? "#lt;" : "#gt;"));
}

export function renderMermaid(chain: Chain, up: boolean): string {
  const ids = new Map<string, string>();
  chain.order.forEach((n, i) => {
    ids.set(n.data.id, `n${i}`);
  });
  const lines = [`flowchart ${up ? "BT" : "TD"}`];
  for (const n of chain.order) {
    const d = n.data;
    const head = d.symbol ?? d.kind;
    const body = d.symbol && d.label.includes(d.symbol) ? (d.date ?? "") : title(d).slice(0, 80);
    lines.push(`  ${ids.get(d.id)}["${mermaidText(head)}${body ? `<br/>${mermaidText(body)}` : ""}"]`);
  }
  for (const n of chain.order) {
    for (const c of n.children) {
      const days = c.daysAfterParent === null ? "" : ` +${c.daysAfterParent}d`;
      lines.push(`  ${ids.get(n.data.id)} -->|"${c.relation?.kind ?? ""}${days}"| ${ids.get(c.data.id)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function renderJson(result: LineageResult, chain: Chain): string {
  const parentOf = new Map<ChainNode, ChainNode>();
  for (const n of chain.order) for (const c of n.children) parentOf.set(c, n);
  return `${JSON.stringify(
    {
      root: chain.root.data,
      truncation: result.truncation,
      cycles: result.cycles,
      nodes: chain.order.slice(1).map((n) => ({
        ...n.data,
        parent: parentOf.get(n)?.data.id ?? null,
        relation: n.relation?.kind ?? null,
        daysAfterParent: n.daysAfterParent,
      })),
      relations: result.relations,
    },
    null,
    2,
  )}\n`;
}

interface TraceArgs {
  ref: string;
  up: boolean;
  depth: number;
  format: Format;
  jurisdiction: string | null;
}

function parse(args: string[]): TraceArgs | string {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        up: { type: "boolean" },
        down: { type: "boolean" },
        depth: { type: "string" },
        format: { type: "string" },
        jurisdiction: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return (e as Error).message;
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return "";
  if (parsed.positionals.length !== 1) return "expected exactly one reference";
  if (v.up && v.down) return "--up and --down exclude each other";
  const format = (v.format ?? "tree") as Format;
  if (!FORMATS.includes(format))
    return `unknown format '${String(v.format)}' (expected ${FORMATS.join(", ")})`;
  let depth = clampDepth(undefined);
  if (v.depth !== undefined) {
    if (!/^\d+$/.test(String(v.depth)) || Number(v.depth) < 1 || Number(v.depth) > 12)
      return "--depth must be an integer from 1 to 12";
    depth = clampDepth(Number(v.depth));
  }
  return {
    ref: parsed.positionals[0] as string,
    up: v.up === true,
    depth,
    format,
    jurisdiction: typeof v.jurisdiction === "string" ? v.jurisdiction : null,
  };
}

export async function traceCommand(args: string[]): Promise<number> {
  const opts = parse(args);
  if (typeof opts === "string") {
    if (opts === "") {
      process.stdout.write(USAGE);
      return 0;
    }
    process.stderr.write(`chidao trace: ${opts}\n\n${USAGE}`);
    return 2;
  }
  const graph = await openGraph();
  try {
    let rootUid: string;
    if (parseUid(opts.ref)) {
      rootUid = opts.ref;
    } else {
      const found = await findDocument(graph, opts.ref, opts.jurisdiction);
      if (found.status === "NOT_FOUND") {
        process.stderr.write(`chidao trace: no document matches '${opts.ref}'\n`);
        return 1;
      }
      if (found.status === "AMBIGUOUS") {
        const list = found.candidates.map((c) => `  ${c.key}  ${labelOf(c)}`).join("\n");
        process.stderr.write(
          `chidao trace: '${opts.ref}' is ambiguous; give --jurisdiction or a key:\n${list}\n`,
        );
        return 2;
      }
      rootUid = found.node.uid;
    }
    const result = await walkLineage(graph, rootUid, {
      direction: opts.up ? "UPSTREAM" : "DOWNSTREAM",
      maxDepth: opts.depth,
    });
    if (!result) {
      process.stderr.write(`chidao trace: no node '${opts.ref}'\n`);
      return 1;
    }
    const chain = chainOf(result);
    const out =
      opts.format === "json"
        ? renderJson(result, chain)
        : opts.format === "csv"
          ? chainToCsv(chain)
          : opts.format === "mermaid"
            ? renderMermaid(chain, opts.up)
            : renderTree(chain);
    process.stdout.write(out);
    if (result.truncation.length)
      process.stderr.write(`chidao trace: chain truncated (${result.truncation.join(", ")})\n`);
    if (result.cycles.length)
      process.stderr.write(`chidao trace: ${result.cycles.length} cycle(s) in the chain\n`);
    return 0;
  } finally {
    await graph.close();
  }
}
