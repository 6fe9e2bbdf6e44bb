// `chidao bench web`: a generated chain of 2,000 nodes rendered by the explorer's own code in
// headless Chromium. Measured in the page, from data in hand to the next painted frame:
//   baseline  2,000 plain <li> rows appended (the floor any DOM view pays for that many rows);
//   tree      the ARIA tree built and fully expanded;   drawing  the tier-band SVG;
//   toggle    collapsing and re-expanding the root of the fully expanded tree (responsiveness).
// Goal: tree and drawing each under 2 s. Numbers go to the web section of docs/benchmarks.md.
import { readFileSync, writeFileSync } from "node:fs";
import { arch, cpus, loadavg, platform, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { chromiumAvailable, launchChromium } from "../src/web/chromium.ts";
import type { ChainNodeData, ChainRelation } from "../src/web/client/chain-model.ts";

const root = (p: string): string => fileURLToPath(new URL(`../${p}`, import.meta.url));

/** A deterministic chain shaped like the real thing: directive → provinces → plans → departments → tasks → actions. */
export function generateChain(
  size: number,
  seed = 42,
): { root: ChainNodeData; nodes: ChainNodeData[]; relations: ChainRelation[] } {
  let state = seed >>> 0;
  const rand = (): number => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const statuses = ["COMPLETED_ON_TIME", "COMPLETED_LATE", "IN_PROGRESS_ON_TIME", "OVERDUE", "NOT_STARTED"];
  const levels: { kind: string; tier: string | null; fanout: number; rel: string }[] = [
    { kind: "DOCUMENT", tier: "PROVINCIAL_PARTY", fanout: 12, rel: "IMPLEMENTS" },
    { kind: "DOCUMENT", tier: "PROVINCIAL_STATE", fanout: 2, rel: "IMPLEMENTS" },
    { kind: "DOCUMENT", tier: "DEPARTMENT", fanout: 4, rel: "IMPLEMENTS" },
    { kind: "TASK", tier: "DEPARTMENT", fanout: 5, rel: "IMPLEMENTS" },
    { kind: "ACTION", tier: "DEPARTMENT", fanout: 4, rel: "SERVES" },
  ];
  const day = (base: number, plus: number): string =>
    new Date(Date.UTC(2023, 0, 30) + (base + plus) * 86_400_000).toISOString().slice(0, 10);
  const rootNode: ChainNodeData = {
    id: "n0",
    kind: "DOCUMENT",
    label: "Nghị quyết 36-NQ/TW của Bộ Chính trị",
    tier: "CENTRAL_PARTY",
    symbol: "36-NQ/TW",
    date: day(0, 0),
    path: ["n0"],
  };
  const nodes: ChainNodeData[] = [];
  const relations: ChainRelation[] = [];
  let frontier: { node: ChainNodeData; offset: number }[] = [{ node: rootNode, offset: 0 }];
  let next = 1;
  for (const level of levels) {
    const out: typeof frontier = [];
    for (const parent of frontier) {
      for (let i = 0; i < level.fanout && next < size; i++) {
        const id = `n${next++}`;
        const offset = parent.offset + Math.floor(rand() * 200);
        const isDoc = level.kind === "DOCUMENT";
        const node: ChainNodeData = {
          id,
          kind: level.kind,
          label: isDoc
            ? `Kế hoạch số ${next}/KH-UBND thực hiện văn bản cấp trên`
            : `${level.kind === "TASK" ? "Nhiệm vụ" : "Hoạt động"} ${next}: triển khai ứng dụng công nghệ sinh học trong nông nghiệp`,
          tier: level.tier,
          symbol: isDoc ? `${next}/KH-UBND` : null,
          date: isDoc ? day(0, offset) : null,
          status: level.kind === "TASK" ? (statuses[Math.floor(rand() * statuses.length)] as string) : null,
          overdue: level.kind === "TASK" ? rand() < 0.15 : null,
          path: [...(parent.node.path ?? []), id],
        };
        nodes.push(node);
        const quote = `${node.label} thực hiện ${parent.node.symbol ?? parent.node.label}`;
        relations.push({
          from: id,
          to: parent.node.id,
          kind: level.rel,
          confidence: 0.9,
          evidence: [{ quote, source: "generated.txt", start: 0, end: quote.length }],
        });
        out.push({ node, offset });
      }
    }
    frontier = out;
  }
  return { root: rootNode, nodes, relations };
}

interface Timings {
  baseline: number;
  treeDefault: number;
  tree: number;
  drawing: number;
  scroll: number;
  collapse: number;
  expand: number;
}

const PAGE_SCRIPT = `
import { buildChain } from ${JSON.stringify(root("src/web/client/chain-model.ts"))};
import { renderChain } from ${JSON.stringify(root("src/web/client/chain-view.ts"))};
import { setAll } from ${JSON.stringify(root("src/web/client/tree.ts"))};
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
async function timed(work) {
  const t0 = performance.now();
  work();
  document.body.offsetHeight;
  await frame();
  return performance.now() - t0;
}
// Clearing the previous view costs layout too; settle it before the next measurement starts.
async function clear(app) {
  app.replaceChildren();
  document.body.offsetHeight;
  await frame();
}
window.runBench = async (data) => {
  const app = document.getElementById("app");
  const out = {};
  await clear(app);
  out.baseline = await timed(() => {
    const ul = document.createElement("ul");
    for (const n of [data.root, ...data.nodes]) { const li = document.createElement("li"); li.textContent = n.label; ul.append(li); }
    app.append(ul);
  });
  await clear(app);
  out.treeDefault = await timed(() => app.append(renderChain(buildChain(data.root, data.nodes, data.relations), "tree", "down")));
  await clear(app);
  let tree;
  out.tree = await timed(() => {
    const view = renderChain(buildChain(data.root, data.nodes, data.relations), "tree", "down");
    app.append(view);
    tree = view.querySelector("[role=tree]");
    setAll(tree, true);
  });
  if (tree.querySelectorAll("[role=treeitem]").length !== data.nodes.length + 1) throw new Error("tree incomplete");
  out.collapse = await timed(() => tree.querySelector("[role=treeitem]").click());
  out.expand = await timed(() => tree.querySelector("[role=treeitem]").click());
  await clear(app);
  out.drawing = await timed(() => app.append(renderChain(buildChain(data.root, data.nodes, data.relations), "drawing", "down")));
  const svg = app.querySelector("svg.drawing");
  if (!svg || Number(svg.getAttribute("height")) < data.nodes.length * 40) throw new Error("drawing incomplete");
  const wrap = app.querySelector(".drawing-wrap");
  out.scroll = await timed(() => { wrap.scrollTop = wrap.scrollHeight / 2; wrap.dispatchEvent(new Event("scroll")); });
  if (!app.querySelector("a.node")) throw new Error("drawing empty");
  await clear(app);
  return out;
};
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { nodes: { type: "string" }, runs: { type: "string" }, "no-write": { type: "boolean" } },
    strict: false,
  });
  const size = Number(values.nodes ?? 2000);
  const runs = Number(values.runs ?? 5);
  if (!chromiumAvailable()) {
    process.stderr.write("bench web: /usr/bin/chromium is missing (apt-get install -y chromium)\n");
    return 1;
  }
  const bundle = await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: root("."), loader: "ts" },
    bundle: true,
    write: false,
    format: "esm",
    minify: true,
    logLevel: "silent",
  });
  const css = readFileSync(root("src/web/app.css"), "utf8");
  const data = generateChain(size);
  const browser = await launchChromium();
  const samples: Timings[] = [];
  try {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setContent(
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>${css}</style></head><body><main id="app"></main></body></html>`,
    );
    await page.addScriptTag({ type: "module", content: bundle.outputFiles[0]?.text ?? "" });
    await page.waitForFunction(() => "runBench" in window);
    // One warm-up run so the JIT and the style cache are in the same state for every measured run.
    await page.evaluate(
      (d) => (window as unknown as { runBench: (d: unknown) => Promise<Timings> }).runBench(d),
      data,
    );
    for (let i = 0; i < runs; i++) {
      samples.push(
        await page.evaluate(
          (d) => (window as unknown as { runBench: (d: unknown) => Promise<Timings> }).runBench(d),
          data,
        ),
      );
    }
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
  } finally {
    await browser.close();
  }
  const m = (k: keyof Timings): number => Math.round(median(samples.map((s) => s[k])));
  const result = {
    nodes: size,
    runs,
    baseline: m("baseline"),
    treeDefault: m("treeDefault"),
    tree: m("tree"),
    drawing: m("drawing"),
    scroll: m("scroll"),
    collapse: m("collapse"),
    expand: m("expand"),
  };
  const ratio = (x: number): string => (result.baseline > 0 ? (x / result.baseline).toFixed(1) : "n/a");
  const goal = result.tree < 2000 && result.drawing < 2000 ? "met" : "MISSED";
  const lines = [
    `web: ${size} nodes, median of ${runs} runs (ms, to the next painted frame)`,
    `  baseline (plain <li> rows) ${result.baseline}`,
    `  tree, as first shown       ${result.treeDefault}  (${ratio(result.treeDefault)}× baseline)`,
    `  tree, fully expanded       ${result.tree}  (${ratio(result.tree)}× baseline)`,
    `  drawing (tier-band SVG)    ${result.drawing}  (${ratio(result.drawing)}× baseline)`,
    `  drawing scrolled to middle ${result.scroll}`,
    `  collapse root / expand     ${result.collapse} / ${result.expand}`,
    `  goal < 2000 ms: ${goal}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (!values["no-write"]) record(result, ratio, goal, args);
  return goal === "met" ? 0 : 1;
}

const BEGIN = "<!-- web:begin -->";
const END = "<!-- web:end -->";

function record(r: Record<string, number>, ratio: (x: number) => string, goal: string, args: string[]): void {
  const file = root("docs/benchmarks.md");
  let doc = "";
  try {
    doc = readFileSync(file, "utf8");
  } catch {
    doc = "# Benchmarks\n";
  }
  if (!doc.includes(BEGIN)) {
    doc = `${doc.trimEnd()}\n\n## Web explorer\n\n${BEGIN}\nA generated chain rendered by the explorer's own code (src/web/client) in headless Chromium;\ntimes are medians from data in hand to the next painted frame. Baseline: the same number of plain\n\`<li>\` rows in the same page and run. Goal: under 2 s.\n${END}\n`;
  }
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const entry = [
    "",
    `### ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `- machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${arch()}, Node ${process.version}; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" / ")} (shared machine: the ratios to the baseline are the comparable numbers)`,
    `- command: \`npx chidao bench web${args.length ? ` ${args.join(" ")}` : ""}\``,
    `- ${r.nodes} nodes, ${r.runs} runs: baseline ${r.baseline} ms; tree as first shown ${r.treeDefault} ms (${ratio(r.treeDefault as number)}×); tree fully expanded ${r.tree} ms (${ratio(r.tree as number)}×); drawing ${r.drawing} ms (${ratio(r.drawing as number)}×), scroll to middle ${r.scroll} ms; collapse root ${r.collapse} ms, expand ${r.expand} ms — goal ${goal}`,
  ].join("\n");
  doc = doc.replace(END, `${entry}\n${END}`);
  writeFileSync(file, doc);
}
