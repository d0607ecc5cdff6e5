/* What every page's interface shares: the words, elements, the store and its notices, and
 * the registry through which each part of the site (checklists, the health check, ...) says
 * what it sets up and which actions it answers. */
import { createStore } from "./storage.mjs";

export const config = window.PLAYBOOK_CONFIG || {};
const strings = config.strings || {};
// Sites on one origin (project pages of one account, say) share local storage: keys carry
// the site's root path, as Material's own do (__md_scope), the playbook's name and the
// version of what is stored (generator/ui.py's STORAGE_VERSION, in the config).
const SCOPE = window.__md_scope instanceof URL ? window.__md_scope.pathname : "/";
export const VERSION = config.version;
const BASE = `playbook:${SCOPE}${config.site || "site"}:v`;
let backend;
try {
  backend = window.localStorage;
} catch {
  backend = null;
}
export const store = createStore(backend, BASE, VERSION);

/* Text: "{done} of {total} done" with values filled in. */
export const words = (key) => strings[key] || key;
export const t = (key, values = {}) =>
  words(key).replace(/\{(\w+)\}/g, (whole, name) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole);
// At most two decimals: a median or quartile between two points of a scale of 4 or 7 is a
// third (33.33), of 5 a quarter (56.25).
/* The page's language, for numbers and dates written as its readers write them. */
export const lang = () => document.documentElement.lang || undefined;
export const number = (n) => n.toLocaleString(lang(), { maximumFractionDigits: 2 });

export const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else if (value !== false && value != null) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((child) => child != null));
  return node;
};

/* ---- The store, with its problems shown as notices as soon as they happen ---- */
let shown = 0;
const noticed = (result) => {
  if (store.problemCount() !== shown) {
    shown = store.problemCount();
    notices();
  }
  return result;
};
export const read = (key, fallback) => noticed(store.read(key, fallback));
export const write = (key, value) => noticed(store.write(key, value));
export const remove = (key) => store.remove(key);

export const notices = () => {
  const host = document.querySelector(".md-content__inner") || document.body;
  if (!document.querySelector("[data-pb]")) return;
  let box = host.querySelector(".pb-notices");
  if (!box) {
    box = el("div", { class: "pb-notices", role: "status" });
    const heading = host.querySelector("h1");
    if (heading) heading.after(box);
    else host.prepend(box);
  }
  const { damaged, discarded, newer, refused } = store.problems;
  const wanted = [];
  if (!store.persistent()) wanted.push(t("storage_unavailable"));
  if (damaged) wanted.push(t("storage_damaged"));
  if (discarded) wanted.push(t("storage_migrated_discarded"));
  if (newer) wanted.push(t("storage_newer"));
  if (refused) wanted.push(t("storage_refused"));
  box.replaceChildren(...wanted.map((text) => el("p", { class: "pb-notice", text })));
  box.hidden = wanted.length === 0;
};

/* ---- Status messages and small pieces ---- */
export const status = (node, text) => {
  node.textContent = "";
  // A fresh text node after a tick makes screen readers announce a repeated message again.
  window.setTimeout(() => { node.textContent = text; }, 50);
};
export const after = (anchor, className, make) => {
  let node = anchor.nextElementSibling;
  if (!node || !node.classList.contains(className)) {
    node = make();
    anchor.after(node);
  }
  return node;
};
export const progressBar = (done, total, label) =>
  el("progress", { class: "pb-bar", value: done, max: total || 1, "aria-label": label });
export const formatDate = (iso) => new Date(iso).toLocaleDateString(
  lang(), { year: "numeric", month: "long", day: "numeric" });

/* ---- The registry: what each part sets up, and what it does on a change, an input or a
 * button's action (every event is delegated from `document`, so nothing is bound to elements
 * that a page change throws away) ---- */
const components = [];
const actions = new Map();
export const changes = [];
export const inputs = [];
/* `render(node)` for every node matching `selector`, on every page and after every change
 * made elsewhere. */
export const component = (selector, render) => {
  if (!components.some(([known]) => known === selector)) components.push([selector, render]);
};
/* `act(button)` for a button with data-pb-action=`name` (one part's, shared parts' twice). */
export const action = (name, act) => actions.set(name, act);
export const actionFor = (name) => actions.get(name);
/* `handle(target)` for a change (or an input) event; true if it was the part's own. */
export const onChange = (handle) => changes.push(handle);
export const onInput = (handle) => inputs.push(handle);
export const refresh = () => {
  for (const [selector, render] of components) {
    for (const node of document.querySelectorAll(selector)) {
      node.setAttribute("data-pb", "");
      render(node);
    }
  }
  notices();
};
/* After a reset, "Undo" is offered until the next tick or answer, or page. */
export const dropUndo = () => document.querySelectorAll(".pb-undo").forEach((undo) => undo.remove());
