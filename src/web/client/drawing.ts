// The chain as an SVG drawing in tier bands (central → province → department → task/action):
// one column per band, one row per node in depth-first order, so a chain of thousands of nodes
// stays readable by scrolling down instead of growing sideways. Colours are presentation attributes,
// not CSS, so the exported SVG looks the same outside the page.
import { BAND_COUNT, type Chain, type ChainNode } from "./chain-model.ts";
import { s } from "./dom.ts";
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
const TEXT = "#1a1a1a";
const MUTED = "#444b55";
const RED = "#a1120b";

function bandNames(): string[] {
  return [t("bandCentral"), t("bandProvince"), t("bandDepartment"), t("bandTask")];
}

function short(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function renderDrawing(chain: Chain): SVGElement {
  const rows = chain.order;
  const x = new Map<ChainNode, number>();
  const y = new Map<ChainNode, number>();
  const indentOf = new Map<ChainNode, number>();
  rows.forEach((n, i) => {
    y.set(n, TOP + i * ROW);
  });
  const place = (n: ChainNode, parent: ChainNode | null): void => {
    const indent = parent && parent.band === n.band ? Math.min((indentOf.get(parent) ?? 0) + 1, 3) : 0;
    indentOf.set(n, indent);
    x.set(n, 8 + n.band * COL + indent * INDENT);
    for (const c of n.children) place(c, n);
  };
  place(chain.root, null);

  const width = BAND_COUNT * COL + 16;
  const height = TOP + rows.length * ROW + 8;
  const svg = s("svg", {
    xmlns: "http://www.w3.org/2000/svg",
    class: "drawing",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "group",
    "aria-label": t("chain"),
    "font-family": "system-ui, sans-serif",
    "font-size": 12,
  });
  bandNames().forEach((name, i) => {
    svg.append(
      s("rect", { x: i * COL + 2, y: 0, width: COL - 4, height, fill: i % 2 ? "#f6f7f9" : "#eef1f5" }),
      s("text", { x: i * COL + 12, y: 22, fill: TEXT, "font-weight": 700, "font-size": 13 }, name),
    );
  });

  const edges = s("g", { class: "edges", fill: "none" });
  const labels = s("g", { class: "edge-labels" });
  const boxes = s("g", { class: "nodes" });
  for (const n of rows) {
    const nx = x.get(n) as number;
    const ny = y.get(n) as number;
    for (const c of n.children) {
      const cx = x.get(c) as number;
      const cy = (y.get(c) as number) + BOX_H / 2;
      const d =
        c.band > n.band
          ? `M${nx + BOX_W},${ny + BOX_H / 2} C${nx + BOX_W + 20},${ny + BOX_H / 2} ${cx - 20},${cy} ${cx},${cy}`
          : c.band < n.band
            ? `M${nx},${ny + BOX_H / 2} C${nx - 20},${ny + BOX_H / 2} ${cx + BOX_W + 20},${cy} ${cx + BOX_W},${cy}`
            : `M${nx + 8},${ny + BOX_H} V${cy} H${cx}`;
      const overdue = c.data.overdue === true || c.data.status === "OVERDUE";
      edges.append(s("path", { d, stroke: overdue ? RED : "#6b7480", "stroke-width": overdue ? 2 : 1.2 }));
      const bits = [
        c.relation ? label(c.relation.kind) : "",
        c.daysAfterParent === null ? "" : `+${c.daysAfterParent} ${t("days")}`,
      ]
        .filter(Boolean)
        .join(" · ");
      if (bits) {
        // Above the child's box, in the gap between rows: never over another box, whatever the direction.
        const lx = cx + 6;
        const ev = c.relation?.evidence ?? [];
        const g = s(
          "g",
          {
            class: "edge-label",
            tabindex: 0,
            role: "button",
            "aria-label": `${t("openEvidence")}: ${bits}`,
            cursor: "pointer",
          },
          s(
            "text",
            {
              x: lx,
              y: cy - BOX_H / 2 - 3,
              "text-anchor": c.band > n.band ? "end" : "start",
              fill: MUTED,
              "font-size": 11,
            },
            bits,
          ),
        );
        const open = (): void =>
          showEvidence(
            `${n.data.symbol ?? short(n.data.label, 40)} → ${c.data.symbol ?? short(c.data.label, 40)}`,
            ev,
          );
        g.addEventListener("click", open);
        g.addEventListener("keydown", (e) => {
          if ((e as KeyboardEvent).key === "Enter" || (e as KeyboardEvent).key === " ") {
            e.preventDefault();
            open();
          }
        });
        labels.append(g);
      }
    }
    const [fill, stroke] = PALETTE[n.data.status ?? ""] ?? DEFAULT_COLOURS;
    const overdue = n.data.overdue === true || n.data.status === "OVERDUE";
    const head = n.data.symbol ?? label(n.data.kind);
    const sub = [
      n.data.date,
      n.data.status ? label(n.data.status) : null,
      overdue && n.data.status !== "OVERDUE" ? t("overdue") : null,
    ]
      .filter(Boolean)
      .join(" · ");
    boxes.append(
      s(
        "a",
        { href: nodeHref(n.data.id), class: "node", "data-id": n.data.id },
        s("title", {}, `${head}: ${n.data.label}`),
        s("rect", {
          x: nx,
          y: ny,
          width: BOX_W,
          height: BOX_H,
          rx: 6,
          fill: overdue ? PALETTE.OVERDUE?.[0] : fill,
          stroke: overdue ? RED : stroke,
          "stroke-width": overdue ? 2.5 : 1.5,
        }),
        s(
          "text",
          { x: nx + 8, y: ny + 17, fill: TEXT, "font-weight": 600 },
          short(`${head} — ${n.data.label}`, 31),
        ),
        s(
          "text",
          { x: nx + 8, y: ny + 33, fill: overdue ? RED : MUTED, "font-size": 11 },
          short(sub || label(n.data.tier ?? null), 38),
        ),
      ),
    );
  }
  svg.append(edges, boxes, labels);
  return svg;
}

/** The drawing as a standalone SVG file. */
export function svgToFile(svg: SVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`;
}
