/* The health check: one reader's answers about one relationship, scored per dimension,
 * drawn, saved with a date and compared; the member's team code where there is a team page. */
import { get, has, HEALTH_ANSWERS, HEALTH_HISTORY, MAX_RESULTS } from "./shapes.mjs";
import { score, weakest } from "./scoring.mjs";
import { encodeTeam } from "./teamcodes.mjs";
import { action, component, el, formatDate, number, onChange, onInput, read, status, t, write } from "./page.mjs";
import { formatDateTime } from "./formats.mjs";
import { markUnanswered, nextStep, questionsIn, saveAnswer, scaleOf, scoreLine, syncAnswers } from "./questions.mjs";
import { chart, labelSize, legend } from "./chart.mjs";
import { changeBadge, copyField, field, nameList, recommendation, sameName } from "./results.mjs";
import "./reset.mjs";

const healthState = (check) => {
  const [min, max] = scaleOf(check);
  const answers = read(HEALTH_ANSWERS, { answers: {} }).answers;
  const dimensions = [...document.querySelectorAll(".pb-dimension[data-dimension]")].map((d) => {
    const questions = questionsIn(d);
    return {
      id: d.dataset.dimension,
      title: d.dataset.title || d.dataset.dimension,
      node: d,
      questions,
      score: score(questions, answers, min, max),
    };
  });
  const all = dimensions.flatMap((d) => d.questions);
  return {
    answers,
    dimensions,
    total: all.length,
    answered: all.filter((q) => has(answers, q.id)).length,
    overall: score(all, answers, min, max),
  };
};
/* ---- The health check: one reader's answers about one relationship ---- */
const renderHealth = (check) => {
  const state = healthState(check);
  syncAnswers(document, state.answers);
  const history = read(HEALTH_HISTORY, { results: [] }).results;
  if (!check.querySelector(".pb-health__live")) {
    const about = field("pb_about", t("about_label"), t("about_hint"), { list: "pb_about_names" });
    about.querySelector("input").value = history.length ? history[history.length - 1].about : "";
    check.replaceChildren(
      el("p", { class: "pb-count", role: "status" }, el("span", { class: "pb-health__count" })),
      el("div", { class: "pb-health__live", "aria-live": "polite" }),
      about,
      el("div", { class: "pb-health__actions" },
        el("button", { type: "button", class: "md-button md-button--primary pb-button",
          "data-pb-action": "save-health", text: t("save_result") }),
        el("button", { type: "button", class: "pb-button pb-button--quiet", "data-pb-action": "reset-answers",
          "data-owner": "health", text: t("clear_answers") }),
        el("span", { class: "pb-status", role: "status" })),
      el("div", { class: "pb-share", hidden: true }),
      el("div", { class: "pb-history" }));
  }
  const aboutInput = check.querySelector("#pb_about");
  const about = aboutInput.value;
  nameList(aboutInput, "pb_about_names", history.map((r) => r.about));
  // Compare with the latest saved result about the same one, or the one before it when that
  // is this very result.
  const mine = history.filter((r) => sameName(r.about, about));
  const same = (r) => r && r.overall === state.overall &&
    state.dimensions.every((d) => get(r.dimensions, d.id) === d.score);
  const last = same(mine[mine.length - 1]) ? mine[mine.length - 2] : mine[mine.length - 1];
  check.querySelector(".pb-health__count").textContent =
    t("answered", { answered: state.answered, total: state.total });
  markUnanswered(state.dimensions.flatMap((d) => d.questions), state.answers, check.querySelector(".pb-count"));
  const complete = state.overall !== null;
  check.querySelector("[data-pb-action=save-health]").disabled = !complete;
  const live = check.querySelector(".pb-health__live");
  const signature = complete ? JSON.stringify([state.dimensions.map((d) => d.score), last]) : "";
  if (live.dataset.signature !== signature) {
    live.dataset.signature = signature;
    live.replaceChildren();
    if (complete) {
      live.append(healthCard(check, state, last));
      // Drawn again at the width the card gives it, so its labels keep their size.
      const figure = live.querySelector(".pb-health__chart");
      const drawn = figure.querySelector("svg");
      if (Math.abs(figure.clientWidth - Number(drawn.dataset.width)) > 2) {
        drawn.replaceWith(chart(state.dimensions, last, { width: figure.clientWidth, font: labelSize() }));
      }
    }
  }
  renderShare(check, state, complete);
  // Newest first, with date and time (two saves on one day differ); each change once, as an
  // arrow, a signed number and words, so it never rests on colour alone.
  const items = history.map((r, i) => {
    const before = history.slice(0, i).filter((b) => sameName(b.about, r.about)).pop();
    const item = el("li", { text: t("history_item", { date: formatDateTime(r.date),
      about: r.about || t("history_unnamed"), score: r.overall }) });
    if (before) item.append(" ", changeBadge(r.overall - before.overall));
    return item;
  }).reverse();
  check.querySelector(".pb-history").replaceChildren(el("h3", { text: t("history_title") }),
    items.length ? el("ul", { class: "pb-history__list" }, ...items) : el("p", { text: t("history_empty") }));
};
/* The health check's result card: the overall score large, the change since the last saved
 * result about the same one (its date said once), the chart with its key and a table, and
 * the next step from the weakest dimension's lowest answers. */
const healthCard = (check, state, last) => {
  const [min, max] = scaleOf(check);
  const date = last ? formatDateTime(last.date) : "";
  const card = el("section", { class: "pb-card pb-card--health", "aria-label": t("overall", { score: state.overall }) },
    el("div", { class: "pb-card__headline" }, scoreLine("overall", state.overall, "pb-health__overall")));
  if (last) {
    card.append(el("p", { class: "pb-card__compared" }, changeBadge(state.overall - last.overall), " ",
      last.about ? t("compared_last", { about: last.about }) : t("compared_last_unnamed")));
  }
  card.append(el("figure", { class: "pb-health__chart" },
    chart(state.dimensions, last, { width: check.clientWidth, font: labelSize() }),
    legend(["this", t("legend_this", { date: formatDate(new Date().toISOString()) })],
      last && ["previous", t("legend_last", { date })])));
  const headers = [t("health_col_dimension"), t("health_col_this"), ...(last ? [t("health_col_last"), t("health_col_change")] : [])];
  const rows = state.dimensions.map((d) => {
    const before = last && has(last.dimensions, d.id) ? last.dimensions[d.id] : null;
    return el("tr", { "data-dimension": d.id },
      el("th", { scope: "row", text: d.title }),
      el("td", { class: "pb-health__score", text: number(d.score) }),
      ...(last ? [el("td", { class: "pb-health__before", text: before === null ? "–" : number(before) }),
        el("td", { class: "pb-health__change" }, before === null ? "–" : changeBadge(d.score - before))] : []));
  });
  card.append(el("div", { class: "pb-table-wrap", tabindex: "0", role: "region", "aria-label": t("health_table_caption") },
    el("table", { class: "pb-health__scores" },
      el("caption", { text: t("health_table_caption") }),
      el("thead", {}, el("tr", {}, ...headers.map((text) => el("th", { scope: "col", text })))),
      el("tbody", {}, ...rows))));
  const weak = weakest(state.dimensions);
  const next = el("div", { class: "pb-card__next" },
    el("p", { class: "pb-card__heading", text: t("next_step") }),
    el("p", { class: "pb-health__weakest", text: t("health_weakest", {
      titles: weak.map((d) => d.title).join(", "), score: number(weak[0].score) }) }));
  const step = nextStep(weak.flatMap((d) => d.questions), state.answers, min, max);
  if (step) next.append(...[...step.children].slice(1));
  next.append(el("p", { class: "pb-health__start", text: t("recommend_intro") }),
    el("ul", { class: "pb-health__recommendations" },
      ...weak.map((d) => recommendation(d, t("recommend", { title: d.title })))));
  card.append(next);
  return card;
};
/* The member's team code, once every statement is answered, where the site has a team page. */
const renderShare = (check, state, complete) => {
  const box = check.querySelector(".pb-share");
  const teamLink = document.querySelector(".pb-team-invite a");
  const version = check.dataset.teamVersion;
  if (!complete || !teamLink || !version) {
    box.hidden = true;
    return;
  }
  const questions = state.dimensions.flatMap((d) => d.questions);
  const values = [...questions[0].fieldset.querySelectorAll("input[type=radio]")].map((r) => Number(r.value));
  const code = encodeTeam(version, questions, values, state.answers);
  if (!box.firstChild) {
    box.append(
      el("h3", { text: t("team_share_title") }),
      el("p", { text: t("team_share_intro") }),
      el("label", { for: "pb_team_code", text: t("team_code_label") }),
      el("div", { class: "pb-share__row" },
        el("input", { type: "text", id: "pb_team_code", class: "pb-share__code", readonly: true, spellcheck: "false" }),
        el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "copy-code", text: t("team_copy") })),
      el("p", {}, el("a", { class: "pb-share__link", text: t("team_link") })),
      el("p", { class: "pb-share__status", role: "status" }));
  }
  box.querySelector("#pb_team_code").value = code;
  const url = new URL(teamLink.href);
  url.hash = `code=${code}`;
  box.querySelector(".pb-share__link").href = url.href;
  box.hidden = false;
};
const copyCode = async (button) => {
  const box = button.closest(".pb-share");
  const copied = await copyField(box.querySelector("#pb_team_code"));
  status(box.querySelector(".pb-share__status"), copied ? t("team_copied") : t("team_copy_failed"));
};
/* "Result saved" is true only until the answers (or whom they are about) change. */
const clearSaved = (check) => {
  const node = check && check.querySelector(".pb-health__actions .pb-status");
  if (node) node.textContent = "";
};
const saveHealth = (check) => {
  const state = healthState(check);
  if (state.overall === null) return;
  const aboutInput = check.querySelector("#pb_about");
  const about = aboutInput.value.trim(); // may be left empty: "unnamed"
  const history = read(HEALTH_HISTORY, { results: [] }).results;
  const dimensions = Object.fromEntries(state.dimensions.map((d) => [d.id, d.score]));
  const result = { date: new Date().toISOString(), about, overall: state.overall, dimensions };
  write(HEALTH_HISTORY, { results: [...history, result].slice(-MAX_RESULTS) });
  renderHealth(check);
  status(check.querySelector(".pb-health__actions .pb-status"), t("saved"));
};


component(".pb-health-check", renderHealth);
action("save-health", (button) => saveHealth(button.closest(".pb-health-check")));
action("copy-code", copyCode);
onChange((target) => {
  if (target.type !== "radio" || !target.closest(".pb-dimension")) return false;
  saveAnswer(HEALTH_ANSWERS, target);
  const check = document.querySelector(".pb-health-check");
  clearSaved(check);
  if (check) renderHealth(check);
  return true;
});
onInput((target) => {
  if (!(target instanceof HTMLInputElement && target.id === "pb_about")) return false;
  clearSaved(target.closest(".pb-health-check"));
  renderHealth(target.closest(".pb-health-check"));
  return true;
});
