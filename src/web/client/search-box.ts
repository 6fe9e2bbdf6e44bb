// The search box: a WAI-ARIA combobox whose suggestions come from the API's diacritic-insensitive
// `search` as the reader types ("nq 36", "cong nghe sinh hoc", "Sở KH&CN").
import { type SearchHit, search } from "./api.ts";
import { h } from "./dom.ts";
import { label, t } from "./i18n.ts";
import { nodeHref, searchHref } from "./links.ts";

const DEBOUNCE_MS = 120;

export function searchBox(initial = ""): HTMLElement {
  const input = h("input", {
    id: "q",
    type: "search",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "suggestions",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: t("searchPlaceholder"),
    value: initial,
  });
  const list = h("ul", {
    id: "suggestions",
    role: "listbox",
    class: "suggestions",
    "aria-label": t("results"),
    hidden: true,
  });
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (i: number): void => {
    active = i;
    Array.from(list.children).forEach((li, j) => {
      li.setAttribute("aria-selected", String(j === i));
    });
    if (i >= 0) input.setAttribute("aria-activedescendant", `sugg-${i}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const show = (): void => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const li = h(
          "li",
          { id: `sugg-${i}`, role: "option", "aria-selected": "false", "data-id": hit.id },
          h("span", { class: `kind k-${hit.kind}` }, label(hit.kind)),
          " ",
          hit.symbol ? h("strong", {}, hit.symbol) : null,
          hit.symbol ? " — " : null,
          hit.label.length > 140 ? `${hit.label.slice(0, 139)}…` : hit.label,
        );
        li.addEventListener("mousedown", (e) => {
          e.preventDefault(); // keep focus in the input until navigation
          go(hit);
        });
        return li;
      }),
    );
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(hits.length > 0));
    highlight(-1);
  };
  const go = (hit: SearchHit): void => {
    close();
    location.hash = nodeHref(hit.id);
  };
  const suggest = async (): Promise<void> => {
    const q = input.value.trim();
    const mine = ++seq;
    if (q.length < 2) {
      hits = [];
      close();
      return;
    }
    try {
      const found = await search(q, 8);
      if (mine !== seq) return; // a newer keystroke already asked
      hits = found;
      show();
    } catch {
      hits = [];
      close();
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, DEBOUNCE_MS);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && hits.length) {
      e.preventDefault();
      if (list.hidden) show();
      highlight((active + 1) % hits.length);
    } else if (e.key === "ArrowUp" && hits.length) {
      e.preventDefault();
      highlight(active <= 0 ? hits.length - 1 : active - 1);
    } else if (e.key === "Escape") {
      close();
    } else if (e.key === "Enter") {
      e.preventDefault();
      const hit = hits[active];
      if (hit && !list.hidden) go(hit);
      else if (input.value.trim()) {
        close();
        location.hash = searchHref(input.value.trim());
      }
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));

  return h(
    "form",
    { role: "search", class: "search", onsubmit: (e: Event) => e.preventDefault() },
    h("label", { for: "q", class: "visually-hidden" }, t("searchLabel")),
    h("div", { class: "combo" }, input, list),
  );
}
