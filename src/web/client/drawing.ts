// The chain as an SVG drawing in tier bands (central → province → department → task/action):
// one column per band, one row per node in depth-first order, so a chain of thousands of nodes
// stays readable by scrolling down instead of growing sideways. Colours are presentation attributes,
// not CSS, so the exported SVG looks the same outside the page.
import { BAND_COUNT, type Chain, type ChainNode, type Evidence } from "./chain-model.ts";
import { h, s } from "./dom.ts";
import { showEvidence } from "./evidence.ts";
import { label, t } from "./i18n.ts";
import { nodeHref } from "./links.ts";

const COL = 270;
const BOX_W = 236;
const BOX_H = 42;
const ROW = 62;
const TOP = 40;
const INDENT = 14;

/** Fill, stroke and text colour per status; all text on these fills is ≥ 7:1 (WCAG AAA for body text). */
const PALETTE: Record<string, [string, string]> = {
  COMPLETED_ON_TIME: ["#dcf3e4", "#1e7b45"],
  COMPLETED_LATE: ["#fdf0d5", "#8a5a00"],
  IN_PROGRESS_ON_TIME: ["#dde9fb", "#1f5fa8"],
  OVERDUE: ["#fde2e1", "#b3261e"],
  NOT_STARTED: ["#eef0f3", "#5f6b7a"],
};
const DEFAULT_COLOURS: [string, string] = ["#ffffff", "#5f6b7a"];
const OVERDUE_FILL = "#fde2e1";
const TEXT = "#1a1a1a";
const MUTED = "#444b55";
const RED = "#a1120b";

function bandNames(): string[] {
  return [t("bandCentral"), t("bandProvince"), t("bandDepartment"), t("bandTask")];
}

function short(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

interface Layout {
  rows: ChainNode[];
  x: Map<ChainNode, number>;
  y: Map<ChainNode, number>;
  parent: Map<ChainNode, ChainNode>;
  width: number;
  height: number;
}

function layout(chain: Chain): Layout {
  const rows = chain.order;
  const x = new Map<ChainNode, number>();
  const y = new Map<ChainNode, number>();
  const parent = new Map<ChainNode, ChainNode>();
  const indentOf = new Map<ChainNode, number>();
  rows.forEach((n, i) => {
    y.set(n, TOP + i * ROW);
  });
  const place = (n: ChainNode, up: ChainNode | null): void => {
    const indent = up && up.band === n.band ? Math.min((indentOf.get(up) ?? 0) + 1, 3) : 0;
    indentOf.set(n, indent);
    x.set(n, 8 + n.band * COL + indent * INDENT);
    if (up) parent.set(n, up);
    for (const c of n.children) place(c, n);
  };
  place(chain.root, null);
  return { rows, x, y, parent, width: BAND_COUNT * COL + 16, height: TOP + rows.length * ROW + 8 };
}

interface EdgeEvidence {
  title: string;
  items: Evidence[];
}

/**
 * Markup for rows [from, to): each node's box, and the edge and label from its parent (wherever the
 * parent is). Built as one string and parsed once: for thousands of nodes this is several times
 * faster than creating each SVG element through the DOM.
 */
function rowsMarkup(l: Layout, from: number, to: number, evidence: EdgeEvidence[]): string {
  const edges: string[] = [];
  const labels: string[] = [];
  const boxes: string[] = [];
  for (const c of l.rows.slice(from, to)) {
    const cx = l.x.get(c) as number;
    const cyTop = l.y.get(c) as number;
    const n = l.parent.get(c);
    if (n) {
      const nx = l.x.get(n) as number;
      const ny = l.y.get(n) as number;
      const cy = cyTop + BOX_H / 2;
      const d =
        c.band > n.band
          ? `M${nx + BOX_W},${ny + BOX_H / 2} C${nx + BOX_W + 20},${ny + BOX_H / 2} ${cx - 20},${cy} ${cx},${cy}`
          : c.band < n.band
            ? `M${nx},${ny + BOX_H / 2} C${nx - 20},${ny + BOX_H / 2} ${cx + BOX_W + 20},${cy} ${cx + BOX_W},${cy}`
            : `M${nx + 8},${ny + BOX_H} V${cy} H${cx}`;
      const late = c.data.overdue === true || c.data.status === "OVERDUE";
      edges.push(`<path d="${d}" stroke="${late ? RED : "#6b7480"}" stroke-width="${late ? 2 : 1.2}"/>`);
      const bits = [
        c.relation ? label(c.relation.kind) : "",
        c.daysAfterParent === null ? "" : `+${c.daysAfterParent} ${t("days")}`,
      ]
        .filter(Boolean)
        .join(" · ");
      if (bits) {
        evidence.push({
          title: `${n.data.symbol ?? short(n.data.label, 40)} → ${c.data.symbol ?? short(c.data.label, 40)}`,
          items: c.relation?.evidence ?? [],
        });
        // Above the child's box, in the gap between rows: never over another box, whatever the direction.
        labels.push(
          `<g class="edge-label" data-ev="${evidence.length - 1}" tabindex="0" role="button" cursor="pointer" aria-label="${esc(`${t("openEvidence")}: ${bits}`)}"><text x="${cx + 6}" y="${cyTop - 5}" fill="${MUTED}" font-size="11">${esc(bits)}</text></g>`,
        );
      }
    }
    const [fill, stroke] = PALETTE[c.data.status ?? ""] ?? DEFAULT_COLOURS;
    const late = c.data.overdue === true || c.data.status === "OVERDUE";
    const head = c.data.symbol ?? label(c.data.kind);
    const sub = [
      c.data.date,
      c.data.status ? label(c.data.status) : null,
      late && c.data.status !== "OVERDUE" ? t("overdue") : null,
    ]
      .filter(Boolean)
      .join(" · ");
    boxes.push(
      `<a href="${esc(nodeHref(c.data.id))}" class="node" data-id="${esc(c.data.id)}"><title>${esc(`${head}: ${c.data.label}`)}</title>` +
        `<rect x="${cx}" y="${cyTop}" width="${BOX_W}" height="${BOX_H}" rx="6" fill="${late ? OVERDUE_FILL : fill}" stroke="${late ? RED : stroke}" stroke-width="${late ? 2.5 : 1.5}"/>` +
        `<text x="${cx + 8}" y="${cyTop + 17}" fill="${TEXT}" font-weight="600">${esc(short(c.data.symbol && c.data.label.includes(c.data.symbol) ? c.data.label : `${head} — ${c.data.label}`, 31))}</text>` +
        `<text x="${cx + 8}" y="${cyTop + 33}" fill="${late ? RED : MUTED}" font-size="11">${esc(short(sub || label(c.data.tier ?? null), 38))}</text></a>`,
    );
  }
  return `<g class="edges" fill="none">${edges.join("")}</g><g class="nodes">${boxes.join("")}</g><g class="edge-labels">${labels.join("")}</g>`;
}

function frame(l: Layout): SVGElement {
  const svg = s("svg", {
    xmlns: "http://www.w3.org/2000/svg",
    class: "drawing",
    width: l.width,
    height: l.height,
    viewBox: `0 0 ${l.width} ${l.height}`,
    role: "group",
    "aria-label": t("chain"),
    "font-family": "system-ui, sans-serif",
    "font-size": 12,
  });
  bandNames().forEach((name, i) => {
    svg.append(
      s("rect", {
        x: i * COL + 2,
        y: 0,
        width: COL - 4,
        height: l.height,
        fill: i % 2 ? "#f6f7f9" : "#eef1f5",
      }),
      s("text", { x: i * COL + 12, y: 22, fill: TEXT, "font-weight": 700, "font-size": 13 }, name),
    );
  });
  return svg;
}

/** The whole drawing in one SVG: what the SVG export writes. */
export function renderDrawing(chain: Chain): SVGElement {
  const l = layout(chain);
  const svg = frame(l);
  svg.insertAdjacentHTML("beforeend", rowsMarkup(l, 0, l.rows.length, []));
  return svg;
}

/** Rows drawn beyond the visible ones, so scrolling a little shows no blank. */
const OVERSCAN = 30;

/**
 * The drawing on screen: a scrolling box in which only the rows in view (plus a margin) exist, so a
 * chain of thousands of nodes costs what a screenful costs; scrolling redraws the window.
 */
export function drawingView(chain: Chain): HTMLElement {
  const l = layout(chain);
  const svg = frame(l);
  const windowGroup = s("g", { class: "window" });
  svg.append(windowGroup);
  const wrap = h(
    "div",
    { class: "drawing-wrap", tabindex: 0, role: "region", "aria-label": t("drawingView") },
    svg,
  );
  let evidence: EdgeEvidence[] = [];
  let shown = "";
  const draw = (): void => {
    const view = wrap.clientHeight || 800;
    const first = Math.max(0, Math.floor((wrap.scrollTop - TOP) / ROW) - OVERSCAN);
    const last = Math.min(l.rows.length, Math.ceil((wrap.scrollTop + view) / ROW) + OVERSCAN);
    if (`${first}:${last}` === shown) return;
    shown = `${first}:${last}`;
    evidence = [];
    windowGroup.innerHTML = rowsMarkup(l, first, last, evidence);
  };
  let pending = false;
  wrap.addEventListener("scroll", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      draw();
    });
  });
  const open = (e: Event): void => {
    const g = (e.target as Element).closest?.(".edge-label");
    const entry = g ? evidence[Number(g.getAttribute("data-ev"))] : undefined;
    if (!entry) return;
    if (e instanceof KeyboardEvent) {
      if (e.key !== "Enter" && e.key !== " ") return;
      e.preventDefault();
    }
    showEvidence(entry.title, entry.items);
  };
  svg.addEventListener("click", open);
  svg.addEventListener("keydown", open);
  draw();
  // Once in the page the real height is known; redraw if the first guess was short.
  requestAnimationFrame(draw);
  return wrap;
}

function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

/** The drawing as a standalone SVG file. */
export function svgToFile(svg: SVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}
