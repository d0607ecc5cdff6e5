/* Pieces of the health check's and the team page's results and forms. */
import { MAX_NAME } from "./shapes.mjs";
import { el, t } from "./page.mjs";
import { signed } from "./formats.mjs";

export const changeBadge = (n) => el("span", { class: `pb-change pb-change--${n > 0 ? "up" : n < 0 ? "down" : "none"}` },
  el("span", { "aria-hidden": "true", text: n > 0 ? "↑ " : n < 0 ? "↓ " : "→ " }),
  `${signed(n)} (${n > 0 ? t("change_up", { points: n }) : n < 0 ? t("change_down", { points: -n }) : t("change_none")})`);

const practiceLinks = (dimension) => {
  const links = document.querySelector(`.pb-dimension__practices[data-dimension="${dimension.id}"]`);
  return links ? [...links.querySelectorAll("a")].map((a) => a.cloneNode(true)) : [];
};
export const recommendation = (d, text) => {
  const item = el("li", { "data-dimension": d.id }, text);
  practiceLinks(d).forEach((a, i) => item.append(i ? ", " : "", a));
  return item;
};
/* Names are compared as a person would: spaces around them and case do not matter. */
export const sameName = (a, b) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
/* The names used before, offered while typing (a datalist after `input`). */
export const nameList = (input, id, names) => {
  const list = el("datalist", { id }, ...[...new Set(names.filter((n) => n.trim()))]
    .map((value) => el("option", { value })));
  const old = document.getElementById(id);
  if (old) old.replaceWith(list);
  else input.after(list);
};
export const field = (id, label, hint, attributes = {}) => el("div", { class: "pb-field" },
  el("label", { for: id, text: label }),
  el("input", { type: "text", id, maxlength: MAX_NAME, autocomplete: "off", "aria-describedby": `${id}_hint`, ...attributes }),
  el("p", { class: "pb-hint", id: `${id}_hint`, text: hint }));

/* Puts a read-only field's text on the clipboard (or, where the browser does not allow it,
 * copies the selection); whether it could. */
export const copyField = async (input) => {
  try {
    await navigator.clipboard.writeText(input.value);
    return true;
  } catch {
    input.focus();
    input.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
};
