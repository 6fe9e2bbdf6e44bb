// "Every fact opens its evidence": one dialog shows the source file and the quoted sentence.
import type { Evidence } from "./chain-model.ts";
import { h } from "./dom.ts";
import { t } from "./i18n.ts";

let dialog: HTMLDialogElement | null = null;

export function showEvidence(title: string, evidence: Evidence[]): void {
  dialog?.remove();
  const items = evidence.length
    ? evidence.map((e) =>
        h(
          "figure",
          { class: "evidence-item" },
          h("blockquote", { lang: "vi", class: "quote" }, e.quote ?? "—"),
          h(
            "figcaption",
            {},
            `${t("sourceFile")}: `,
            h("code", { class: "evidence-source" }, e.source ?? "—"),
            e.start === null || e.start === undefined
              ? null
              : ` · ${t("position")} ${e.start}–${e.end ?? ""}`,
          ),
        ),
      )
    : [h("p", {}, t("none"))];
  const close = h("button", { type: "button", class: "close" }, t("close"));
  dialog = h(
    "dialog",
    { class: "evidence", "aria-labelledby": "evidence-title" },
    h("h2", { id: "evidence-title" }, `${t("evidence")}: ${title}`),
    ...items,
    close,
  );
  close.addEventListener("click", () => dialog?.close());
  dialog.addEventListener("close", () => dialog?.remove());
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}

/** A small button that opens the evidence of the fact next to it. */
export function evidenceButton(title: string, evidence: Evidence[]): HTMLButtonElement {
  const b = h(
    "button",
    { type: "button", class: "ev", title: t("openEvidence"), "aria-label": `${t("openEvidence")}: ${title}` },
    "❝",
  );
  b.addEventListener("click", (ev) => {
    ev.stopPropagation();
    showEvidence(title, evidence);
  });
  return b;
}
