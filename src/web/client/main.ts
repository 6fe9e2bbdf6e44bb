// Entry point of the explorer: the page shell, the language switch and hash routing. Routes:
//   #/                      home
//   #/search?q=…            search results
//   #/node/<id>?dir=&view=  a document, task, action or organisation, with its chain
//   #/ref/<citation>        a document by any citation form
//   #/findings              audit findings
// `?lang=en` in any route (or the switch, remembered) selects English.
import type { Dir, View } from "./chain-view.ts";
import { clear, h } from "./dom.ts";
import { type Lang, lang, setLang, t } from "./i18n.ts";
import { searchBox } from "./search-box.ts";
import { findingsPage, homePage, nodePage, refPage, searchPage } from "./views.ts";

const LANG_KEY = "chidao.lang";

function parseHash(): { path: string[]; params: URLSearchParams } {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path = "", query = ""] = raw.split("?");
  return {
    path: path.split("/").filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(query),
  };
}

function header(q: string): HTMLElement {
  const switchLang = h(
    "button",
    {
      type: "button",
      class: "lang",
      lang: lang() === "vi" ? "en" : "vi",
      "aria-label": t("switchLangLabel"),
    },
    t("switchLang"),
  );
  switchLang.addEventListener("click", () => {
    const next: Lang = lang() === "vi" ? "en" : "vi";
    localStorage.setItem(LANG_KEY, next);
    setLang(next);
    render();
  });
  return h(
    "header",
    { class: "top" },
    h("a", { href: "#/", class: "brand" }, "Chidao"),
    searchBox(q),
    h("nav", { "aria-label": "Chidao" }, h("a", { href: "#/findings" }, t("navFindings"))),
    switchLang,
  );
}

function route(): HTMLElement {
  const { path, params } = parseHash();
  const dir: Dir = params.get("dir") === "up" ? "up" : "down";
  const view: View = params.get("view") === "drawing" ? "drawing" : "tree";
  const [head, ...rest] = path;
  switch (head) {
    case "search":
      return searchPage(params.get("q") ?? "");
    case "node":
      return nodePage(rest.join("/"), dir, view);
    case "ref":
      return refPage(rest.join("/"), dir, view);
    case "findings":
      return findingsPage();
    default:
      return homePage();
  }
}

function render(): void {
  const { path, params } = parseHash();
  const requested = params.get("lang");
  if (requested === "vi" || requested === "en") setLang(requested);
  document.documentElement.lang = lang();
  document.title = "Chidao";
  const app = document.getElementById("app") as HTMLElement;
  clear(app);
  const main = h("main", { id: "main", tabindex: -1 }, route());
  app.append(
    h(
      "a",
      {
        href: "#main",
        class: "skip",
        onclick: (e: Event) => {
          e.preventDefault();
          main.focus();
        },
      },
      t("skip"),
    ),
    header(path[0] === "search" ? (params.get("q") ?? "") : ""),
    main,
  );
}

const saved = localStorage.getItem(LANG_KEY);
setLang(saved === "en" ? "en" : "vi");
window.addEventListener("hashchange", render);
render();
