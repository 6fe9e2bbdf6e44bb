// The chain panel of a node page: direction (down = what implements it, up = what it is based on),
// tree or drawing, and export of what is on screen. Direction and view live in the URL.
import { lineage } from "./api.ts";
import { buildChain, type Chain, chainToCsv } from "./chain-model.ts";
import { h } from "./dom.ts";
import { drawingView, renderDrawing, svgToFile } from "./drawing.ts";
import { label, t } from "./i18n.ts";
import { chainHref } from "./links.ts";
import { renderTree, setAll } from "./tree.ts";

export type Dir = "down" | "up";
export type View = "tree" | "drawing";

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileStem(chain: Chain, dir: Dir): string {
  const base = (chain.root.data.symbol ?? chain.root.data.kind).replace(/[^\p{L}\p{N}-]+/gu, "_");
  return `chidao-${base}-${dir}`;
}

/** Renders a chain that is already loaded; the bench calls this directly with a generated chain. */
export function renderChain(chain: Chain, view: View, dir: Dir): HTMLElement {
  const body =
    view === "tree"
      ? renderTree(chain, { labelledBy: "chain-title", openLevels: dir === "up" ? 12 : 3 })
      : drawingView(chain);
  const tools = h("div", { class: "tools" });
  if (view === "tree") {
    tools.append(
      h("button", { type: "button", class: "expand-all", onclick: () => setAll(body, true) }, "⊞"),
      h("button", { type: "button", class: "collapse-all", onclick: () => setAll(body, false) }, "⊟"),
    );
    tools.querySelector(".expand-all")?.setAttribute("aria-label", "expand all");
    tools.querySelector(".collapse-all")?.setAttribute("aria-label", "collapse all");
  }
  tools.append(
    h(
      "button",
      {
        type: "button",
        class: "export-csv",
        onclick: () => download(`${fileStem(chain, dir)}.csv`, "text/csv;charset=utf-8", chainToCsv(chain)),
      },
      t("exportCsv"),
    ),
    h(
      "button",
      {
        type: "button",
        class: "export-svg",
        onclick: () =>
          download(`${fileStem(chain, dir)}.svg`, "image/svg+xml", svgToFile(renderDrawing(chain))),
      },
      t("exportSvg"),
    ),
  );
  return h("div", { class: "chain-body" }, tools, body);
}

export function chainPanel(id: string, dir: Dir, view: View): HTMLElement {
  const tab = (text: string, href: string, current: boolean): HTMLElement =>
    h("a", { href, class: current ? "tab current" : "tab", "aria-current": current ? "page" : null }, text);
  const status = h("p", { class: "muted", role: "status" }, t("loading"));
  const panel = h(
    "section",
    { class: "chain", "aria-labelledby": "chain-title" },
    h("h2", { id: "chain-title" }, t("chain")),
    h(
      "nav",
      { class: "tabs", "aria-label": t("chain") },
      tab(t("down"), chainHref(id, "down", view), dir === "down"),
      tab(t("up"), chainHref(id, "up", view), dir === "up"),
      h("span", { class: "sep", "aria-hidden": "true" }, "|"),
      tab(t("treeView"), chainHref(id, dir, "tree"), view === "tree"),
      tab(t("drawingView"), chainHref(id, dir, "drawing"), view === "drawing"),
    ),
    status,
  );
  lineage(id, dir === "down" ? "DOWNSTREAM" : "UPSTREAM")
    .then((data) => {
      const chain = buildChain(data.root, data.nodes, data.relations);
      const notes: string[] = [];
      if (data.truncated) notes.push(`${t("truncated")}: ${data.truncation.map(label).join(", ")}`);
      if (data.cycles.length) notes.push(`${t("cycles")}: ${data.cycles.length}`);
      status.textContent = notes.join(" · ");
      status.hidden = notes.length === 0;
      if (chain.order.length <= 1) {
        status.hidden = false;
        status.textContent = t("none");
        return;
      }
      panel.append(renderChain(chain, view, dir));
      panel.dispatchEvent(
        new CustomEvent("chain-rendered", { bubbles: true, detail: { nodes: chain.order.length } }),
      );
    })
    .catch((e: Error) => {
      status.textContent = `${t("error")}: ${e.message}`;
      status.classList.add("error");
    });
  return panel;
}
