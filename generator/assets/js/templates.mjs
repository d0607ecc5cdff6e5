/* Templates: copy the text, or print the template alone. */
import { action, component, el, status, t } from "./page.mjs";

const setupTemplate = (box) => {
  if (box.querySelector(".pb-template__actions")) return;
  box.append(el("p", { class: "pb-template__actions" },
    el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "copy-template", text: t("template_copy") }),
    " ",
    el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "print-template", text: t("template_print") }),
    " ",
    el("span", { class: "pb-template__status", role: "status" })));
};
const copyTemplate = async (box) => {
  const body = box.querySelector(".pb-template__body");
  let copied;
  try {
    await navigator.clipboard.writeText(body.textContent);
    copied = true;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(body);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
  }
  status(box.querySelector(".pb-template__status"), copied ? t("template_copied") : t("template_copy_failed"));
};
/* The print style shows only the template marked here; the mark goes once printing ends. */
const printTemplate = (box) => {
  const root = document.documentElement;
  box.classList.add("pb-template--printing");
  root.classList.add("pb-print-template");
  const done = () => {
    box.classList.remove("pb-template--printing");
    root.classList.remove("pb-print-template");
  };
  window.addEventListener("afterprint", done, { once: true });
  window.print();
};


component(".pb-template", setupTemplate);
action("copy-template", (button) => copyTemplate(button.closest(".pb-template")));
action("print-template", (button) => printTemplate(button.closest(".pb-template")));
