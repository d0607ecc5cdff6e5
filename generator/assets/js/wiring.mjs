/* Every page: sets the page up and hands each event to the part it belongs to. Works with
 * Material's instant navigation: pages are set up through `document$` (or on a plain load
 * where it is absent) and every event is delegated from `document`. Each part of the site
 * (a practice page's forms, the health check, the team page, the home page) has a script of
 * its own, loaded once the first page that needs it is shown, with its stylesheet first. */
import {
  actionFor, changes, config, dropUndo, el, inputs, refresh, store,
} from "./page.mjs";
import { reach } from "./reach.mjs";

/* Each part's script (playbook-PART.js beside this one) and what on a page needs it. */
const PARTS = [
  ["practice", "form.pb-checklist, form.pb-assessment, .pb-template"],
  ["health", ".pb-health-check"],
  ["team", ".pb-team"],
  ["home", ".pb-progress-overview, .pb-data"],
];
const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : "";
const requested = new Set();
const loading = new Set();
/* A tick, answer or entry made in a part before its script had loaded (a slow connection):
 * kept with what it set, and handed to the part once the part has shown what is stored, so
 * that it is neither lost nor undone by the part's first showing. */
const early = [];
const handOver = (kind, target) => {
  if ((kind === "change" ? changes : inputs).some((handle) => handle(target))) return;
  if (loading.size && early.length < 100 && PARTS.some(([, selector]) => target.closest(selector))) {
    early.push({ kind, target, checked: target.checked, value: target.value });
  }
};
/* Run by each part's script once it has loaded: the page set up with it, then what was
 * done before. */
export const start = (part) => {
  loading.delete(part);
  refresh();
  for (const { kind, target, checked, value } of early.splice(0)) {
    if (!target.isConnected) continue;
    if (target.type === "checkbox" || target.type === "radio") target.checked = checked;
    else if (target.type !== "file") target.value = value;
    handOver(kind, target);
  }
};
/* Loaded into the body, which the theme's instant navigation keeps (it makes the head match
 * each new page's); the part sets itself up (refresh) once it has run. */
const load = (part) => {
  if (requested.has(part) || !script) return;
  requested.add(part);
  loading.add(part);
  const run = () => document.body.append(el("script", { src: new URL(`playbook-${part}.js`, script).href }));
  if (!(config.styles || []).includes(part)) return run();
  const link = el("link", { rel: "stylesheet", href: new URL(`playbook-${part}.css`, script).href });
  link.addEventListener("load", run, { once: true });
  link.addEventListener("error", run, { once: true });
  document.body.append(link);
};
/* The upgrades of older versions' data, given by playbook-upgrades.js: loaded only when this
 * browser holds something an older version of the site stored (once after the site changes
 * the version of what it stores, or after an older copy of the site was used). */
let upgradeWith = null;
export const upgraded = (upgrade) => {
  upgradeWith = upgrade;
  loading.delete("upgrades");
  page();
};
const page = () => {
  store.problems.damaged = false;
  // On every page, for an older copy of the site may have stored something meanwhile. Until
  // it is carried over the page is not set up (what the reader does meanwhile is kept).
  if (!store.migrate(upgradeWith)) return load("upgrades");
  refresh();
  reach();
  for (const [part, selector] of PARTS) if (document.querySelector(selector)) load(part);
};

document.addEventListener("change", (event) => {
  const target = event.target;
  if (!(target instanceof HTMLInputElement)) return;
  dropUndo(); // a new change: what was reset stays reset
  handOver("change", target);
});
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element && event.target.closest("[data-pb-action]");
  const act = button && actionFor(button.dataset.pbAction);
  if (act) act(button);
});
document.addEventListener("input", (event) => {
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) handOver("input", target);
});
/* Another tab changed something: show it here too. */
window.addEventListener("storage", (event) => {
  if (event.key === null || event.key.startsWith(store.prefix)) refresh();
});

/* Material's document$ announces every page, instant page changes included. Opened from
 * disk (file://) with navigation.instant, it ends without announcing any: there, as where
 * there is no document$, the page is set up once it has loaded. */
let announced = false;
const loaded = () => {
  if (announced) return;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", loaded, { once: true });
  else page();
};
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe({ next: () => { announced = true; page(); }, error: loaded, complete: loaded });
} else loaded();
