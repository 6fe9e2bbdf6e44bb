// The chain as a collapsible tree following the WAI-ARIA tree pattern: one tab stop (roving
// tabindex), arrows move and open/close, Home/End jump, Enter opens the node's page. Children are
// built on first expansion, so a 2,000-node chain costs only what is on screen.
import type { Chain, ChainNode } from "./chain-model.ts";
import { h } from "./dom.ts";
import { evidenceButton } from "./evidence.ts";
import { label, t } from "./i18n.ts";
import { nodeHref } from "./links.ts";

const model = new WeakMap<HTMLElement, ChainNode>();

export interface TreeOptions {
  /** Levels open at first render (1 = only the root's children visible). */
  openLevels?: number;
  labelledBy?: string;
}

export function renderTree(chain: Chain, options: TreeOptions = {}): HTMLElement {
  const openLevels = options.openLevels ?? 2;
  const tree = h("ul", { role: "tree", class: "tree", "aria-labelledby": options.labelledBy });
  const rootItem = item(chain.root, 1, 1);
  tree.append(rootItem);
  rootItem.tabIndex = 0;
  openTo(rootItem, openLevels);
  tree.addEventListener("keydown", (e) => onKey(tree, e));
  tree.addEventListener("click", (e) => {
    const target = e.target as HTMLElement;
    const li = target.closest<HTMLElement>("[role=treeitem]");
    if (!li || target.closest("a,button:not(.twisty)")) return;
    focusItem(tree, li);
    if (li.hasAttribute("aria-expanded")) toggle(li);
  });
  return tree;
}

function openTo(li: HTMLElement, levels: number): void {
  if (levels <= 0 || !li.hasAttribute("aria-expanded")) return;
  setExpanded(li, true);
  for (const child of childItems(li)) openTo(child, levels - 1);
}

function item(node: ChainNode, posinset: number, setsize: number): HTMLElement {
  const d = node.data;
  const rel = node.relation;
  const overdue = d.overdue === true || d.status === "OVERDUE";
  const li = h("li", {
    role: "treeitem",
    tabindex: -1,
    "aria-level": node.level,
    "aria-posinset": posinset,
    "aria-setsize": setsize,
    "data-id": d.id,
    "data-kind": d.kind,
    class: overdue ? "overdue" : null,
  });
  const facts: (Node | string)[] = [];
  if (rel) facts.push(h("span", { class: "rel" }, label(rel.kind)));
  if (d.status) facts.push(h("span", { class: `status st-${d.status}` }, label(d.status)));
  if (overdue && d.status !== "OVERDUE") facts.push(h("span", { class: "status st-OVERDUE" }, t("overdue")));
  if (node.daysAfterParent !== null)
    facts.push(h("span", { class: "days" }, `+${node.daysAfterParent} ${t("days")}`));
  if (d.date) facts.push(h("span", { class: "date" }, d.date));
  const name = d.symbol && !d.label.includes(d.symbol) ? `${d.symbol} — ${d.label}` : d.label;
  li.append(
    h(
      "div",
      { class: "row" },
      h("span", { class: "twisty", "aria-hidden": "true" }, node.children.length ? "▸" : "·"),
      h("span", { class: `kind k-${d.kind}` }, label(d.kind)),
      h("a", { href: nodeHref(d.id), tabindex: -1, class: "name" }, name),
      ...facts,
      rel ? evidenceButton(name, rel.evidence) : null,
    ),
  );
  const ev = li.querySelector<HTMLButtonElement>("button.ev");
  if (ev) ev.tabIndex = -1;
  if (node.children.length) li.setAttribute("aria-expanded", "false");
  model.set(li, node);
  return li;
}

function group(li: HTMLElement): HTMLElement | null {
  return li.querySelector<HTMLElement>(":scope > ul[role=group]");
}

function childItems(li: HTMLElement): HTMLElement[] {
  const g = group(li);
  return g ? Array.from(g.children).filter((c): c is HTMLElement => c instanceof HTMLElement) : [];
}

function setExpanded(li: HTMLElement, open: boolean): void {
  if (!li.hasAttribute("aria-expanded")) return;
  const node = model.get(li) as ChainNode;
  let g = group(li);
  if (open && !g) {
    const n = node.children.length;
    g = h("ul", { role: "group" }, ...node.children.map((c, i) => item(c, i + 1, n)));
    li.append(g);
  }
  li.setAttribute("aria-expanded", String(open));
  const twisty = li.querySelector(":scope > .row > .twisty");
  if (twisty) twisty.textContent = open ? "▾" : "▸";
}

function toggle(li: HTMLElement): void {
  setExpanded(li, li.getAttribute("aria-expanded") !== "true");
}

/** Expands or collapses every node; used by the buttons above the tree. */
export function setAll(tree: HTMLElement, open: boolean): void {
  const walk = (li: HTMLElement): void => {
    if (!li.hasAttribute("aria-expanded")) return;
    if (open) setExpanded(li, true);
    for (const c of childItems(li)) walk(c);
    if (!open) setExpanded(li, false);
  };
  for (const li of Array.from(tree.children) as HTMLElement[]) walk(li);
}

function focusItem(tree: HTMLElement, li: HTMLElement): void {
  for (const el of Array.from(tree.querySelectorAll<HTMLElement>("[role=treeitem][tabindex='0']")))
    el.tabIndex = -1;
  li.tabIndex = 0;
  li.focus();
}

function parentItem(li: HTMLElement): HTMLElement | null {
  return li.parentElement?.closest<HTMLElement>("[role=treeitem]") ?? null;
}

function isOpen(li: HTMLElement): boolean {
  return li.getAttribute("aria-expanded") === "true";
}

function nextVisible(li: HTMLElement): HTMLElement | null {
  if (isOpen(li)) {
    const first = childItems(li)[0];
    if (first) return first;
  }
  for (let cur: HTMLElement | null = li; cur; cur = parentItem(cur)) {
    const sib = cur.nextElementSibling as HTMLElement | null;
    if (sib) return sib;
  }
  return null;
}

function lastVisible(li: HTMLElement): HTMLElement {
  let cur = li;
  while (isOpen(cur)) {
    const kids = childItems(cur);
    const last = kids[kids.length - 1];
    if (!last) break;
    cur = last;
  }
  return cur;
}

function prevVisible(li: HTMLElement): HTMLElement | null {
  const sib = li.previousElementSibling as HTMLElement | null;
  return sib ? lastVisible(sib) : parentItem(li);
}

function onKey(tree: HTMLElement, e: KeyboardEvent): void {
  const li = (e.target as HTMLElement).closest<HTMLElement>("[role=treeitem]");
  if (!li) return;
  let next: HTMLElement | null = null;
  switch (e.key) {
    case "ArrowDown":
      next = nextVisible(li);
      break;
    case "ArrowUp":
      next = prevVisible(li);
      break;
    case "ArrowRight":
      if (li.hasAttribute("aria-expanded") && !isOpen(li)) setExpanded(li, true);
      else next = isOpen(li) ? (childItems(li)[0] ?? null) : null;
      break;
    case "ArrowLeft":
      if (isOpen(li)) setExpanded(li, false);
      else next = parentItem(li);
      break;
    case "Home":
      next = tree.querySelector<HTMLElement>("[role=treeitem]");
      break;
    case "End":
      next = lastVisible(tree.lastElementChild as HTMLElement);
      break;
    case "Enter":
      li.querySelector<HTMLAnchorElement>(":scope > .row > a")?.click();
      break;
    case "e":
    case "E":
      li.querySelector<HTMLButtonElement>(":scope > .row > button.ev")?.click();
      break;
    case "*":
      for (const sib of Array.from(li.parentElement?.children ?? [])) setExpanded(sib as HTMLElement, true);
      break;
    default:
      return;
  }
  e.preventDefault();
  if (next) focusItem(tree, next);
}
