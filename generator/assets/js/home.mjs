/* The home page: every practice's progress and score, the health check's last result, and
 * the reader's data: export, import (merged or in place of all) and delete. */
import { answersOf, checklistOf, has, HEALTH_HISTORY } from "./shapes.mjs";
import { bandFor, bandTone, score } from "./scoring.mjs";
import { EMPTY_CHECKLIST, ticked } from "./ticks.mjs";
import { checkImport, FORMAT, importPlan, MAX_IMPORT, merged } from "./transfer.mjs";
import { action, after, component, config, el, formatDate, number, onChange, progressBar, read, refresh, remove, status, store, t, VERSION } from "./page.mjs";
import { download, formatDateTime } from "./formats.mjs";

/* ---- Home: progress of every practice; the reader's data ---- */
const renderOverview = (overview) => {
  if (!overview.querySelector("h3")) overview.prepend(el("h3", { text: t("progress_title") }));
  for (const item of overview.querySelectorAll("[data-practice]")) {
    const practice = item.dataset.practice;
    const total = Number(item.dataset.items);
    const done = ticked(read(checklistOf(practice), EMPTY_CHECKLIST), JSON.parse(item.dataset.repeat || "{}")).size;
    // Scored afresh, with this build's questions and bands: an edited assessment never shows
    // a stale result.
    const { questions, min, max, bands } = JSON.parse(item.dataset.assessment);
    const answers = read(answersOf(practice), { answers: {} }).answers;
    const value = score(questions, answers, min, max);
    const band = value === null ? null : bandFor(bands, value);
    const answered = questions.filter((q) => has(answers, q.id)).length;
    const count = Math.min(done, total);
    const text = t("progress", { done: count, total });
    const status = after(item.querySelector("a") || item.firstChild, "pb-overview__status",
      () => el("span", { class: "pb-overview__status" }));
    status.replaceChildren(" ", el("span", { class: "pb-overview__done", text }), progressBar(count, total, text), " ",
      el("span", { class: `pb-overview__score${band ? ` pb-overview__score--${bandTone(bands, band)}` : ""}`, text: band
        ? t("assessment_result", { score: value, band: band.label })
        : answered ? t("answered", { answered, total: questions.length }) : t("assessment_none") }));
  }
  // The health check: the last saved result, when and about whom.
  for (const item of overview.querySelectorAll("[data-health]")) {
    const last = read(HEALTH_HISTORY, { results: [] }).results.at(-1);
    const values = last && { score: last.overall, date: formatDate(last.date), about: last.about };
    const status = after(item.querySelector("a") || item.firstChild, "pb-overview__status",
      () => el("span", { class: "pb-overview__status" }));
    status.replaceChildren(" ", el("span", { class: "pb-overview__score", text: !last ? t("overview_health_none")
      : last.about ? t("overview_health_last", values) : t("overview_health_last_unnamed", values) }));
  }
  overview.hidden = false;
};
const setupData = (box) => {
  if (box.firstChild) return;
  const input = el("input", { type: "file", id: "pb-import", accept: ".json,application/json", "data-pb-import": true });
  box.append(
    el("h2", { text: t("data_title") }),
    el("p", { text: t("data_intro") }),
    el("div", { class: "pb-data__actions" },
      el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "export", text: t("export") }),
      el("label", { class: "md-button pb-button pb-import", for: "pb-import" }, t("import"), input),
      el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "clear-all", text: t("clear_all") })),
    el("p", { class: "pb-status", role: "status" }));
  box.hidden = false;
};
const dataStatus = (text) => {
  const node = document.querySelector(".pb-data .pb-status");
  if (node) status(node, text);
};
const exportData = () => {
  const entries = {};
  for (const key of store.storedKeys()) {
    const value = read(key, undefined);
    if (value !== undefined) entries[key] = value;
  }
  const payload = { format: FORMAT, version: VERSION, site: config.site, exported: new Date().toISOString(), entries };
  download(`${config.site}-progress-${payload.exported.slice(0, 10)}.json`, JSON.stringify(payload, null, 2), "application/json");
  dataStatus(t("exported", { count: number(Object.keys(entries).length) }));
};
/* The kinds of the import's question (transfer.mjs's importPlan) in words. */
const KIND_WORDS = {
  checklists: () => t("import_kind_checklists"),
  answers: () => t("import_kind_answers"),
  team: () => t("import_kind_team"),
  results: () => t("import_kind_results"),
};
/* A checked file's error in words: counts as the page writes numbers. */
const refusal = ({ error, values = {} }) => t(error, Object.fromEntries(Object.entries(values)
  .map(([name, value]) => [name, typeof value === "number" ? number(value) : value])));
const importData = async (input) => {
  const file = input.files && input.files[0];
  if (!file) return;
  let checked = { error: "import_too_large" };
  if (file.size <= MAX_IMPORT) {
    const text = await file.text().catch(() => null);
    checked = text === null ? { error: "import_unreadable" } : checkImport(text, { version: VERSION, site: config.site });
  }
  input.value = "";
  if (checked.error) {
    dataStatus(refusal(checked));
    return;
  }
  askImport(input, checked);
};
/* Before anything changes: what each choice would do, per kind; merging is the default. */
const askImport = (input, checked) => {
  const box = document.querySelector(".pb-data");
  box.querySelector(".pb-import-ask")?.remove();
  const lines = importPlan(checked.entries, read, store.storedKeys()).map(({ kind, file, newer, left }) => {
    const values = { kind: KIND_WORDS[kind](), file: number(file), newer: number(newer), left: number(left) };
    const text = kind !== "results" ? t("import_line", values)
      : left ? t("import_line_results_full", values) : t("import_line_results", values);
    return el("li", { "data-kind": kind, text });
  });
  const ask = el("div", { class: "pb-import-ask", role: "group", "aria-labelledby": "pb-import-ask" },
    el("p", { id: "pb-import-ask", class: "pb-import-ask__title",
      text: t("import_ask", { date: formatDateTime(checked.exported) }) }),
    lines.length ? el("ul", {}, ...lines) : null,
    el("p", { class: "pb-hint", text: t("import_choices") }),
    el("div", { class: "pb-data__actions" },
      el("button", { type: "button", class: "md-button md-button--primary pb-button", "data-pb-import-choice": "merge", text: t("import_merge") }),
      el("button", { type: "button", class: "md-button pb-button", "data-pb-import-choice": "replace", text: t("import_replace") }),
      el("button", { type: "button", class: "pb-button pb-button--quiet", "data-pb-import-choice": "cancel", text: t("import_cancel") })));
  box.querySelector(".pb-data__actions").after(ask);
  dataStatus("");
  ask.querySelector("[data-pb-import-choice=merge]").focus();
  ask.addEventListener("click", (event) => {
    const choice = event.target instanceof Element && event.target.closest("[data-pb-import-choice]");
    if (!choice) return;
    ask.remove();
    input.focus();
    const how = choice.dataset.pbImportChoice;
    if (how === "cancel") {
      dataStatus(t("import_cancelled"));
      return;
    }
    const entries = how === "merge" ? merged(checked.entries, read) : checked.entries;
    const stored = store.writeAll(entries, how === "merge" ? "keep" : "remove");
    refresh();
    // Unsaved: storage refused even putting back, so this visit keeps the data in memory.
    dataStatus(!stored ? (store.persistent() ? t("import_failed") : t("import_failed_unsaved"))
      : how === "merge" ? t("imported_merged", { count: number(entries.size) })
        : t("imported", { count: number(entries.size) }));
  });
};
const clearAll = () => {
  if (!window.confirm(t("confirm_clear"))) return;
  for (const key of store.storedKeys()) remove(key);
  store.problems.damaged = false;
  refresh();
  dataStatus(t("cleared"));
};


component(".pb-progress-overview", renderOverview);
component(".pb-data", setupData);
action("export", exportData);
action("clear-all", clearAll);
onChange((target) => {
  if (!target.hasAttribute("data-pb-import")) return false;
  importData(target);
  return true;
});
