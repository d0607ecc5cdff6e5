/* A practice page's self-assessment: answers kept, the score with its band's advice, the
 * next step and the links once every statement is answered. */
import { answersOf, has } from "./shapes.mjs";
import { bandFor, bandTone, score } from "./scoring.mjs";
import { after, component, el, onChange, read, t } from "./page.mjs";
import { markUnanswered, nextStep, questionsIn, saveAnswer, scaleOf, scoreLine, syncAnswers } from "./questions.mjs";
import { showAtJump } from "./checklist.mjs";

const bandsOf = (practice) => [...document.querySelectorAll(
  `.pb-bands[data-practice="${practice}"] .pb-band`)].map((section) => ({
  id: section.dataset.band,
  min: Number(section.dataset.min),
  max: Number(section.dataset.max),
  section,
}));

const renderAssessment = (form) => {
  const practice = form.dataset.practice;
  const stored = read(answersOf(practice), { answers: {} });
  syncAnswers(form, stored.answers);
  const questions = questionsIn(form);
  const answered = questions.filter((q) => has(stored.answers, q.id)).length;
  const [min, max] = scaleOf(form);
  const value = score(questions, stored.answers, min, max);
  const panel = after(form, "pb-result", () => el("div", { class: "pb-result" },
    el("p", { class: "pb-count", role: "status" }, el("span", { class: "pb-result__count" })),
    el("div", { class: "pb-result__live", "aria-live": "polite" }),
    el("button", { type: "button", class: "pb-button pb-button--quiet", "data-pb-action": "reset-answers",
      text: t("clear_answers") })));
  const count = t("answered", { answered, total: questions.length });
  panel.querySelector(".pb-result__count").textContent = count;
  showAtJump("assessment", value === null ? count : t("score", { score: value }));
  markUnanswered(questions, stored.answers, panel.querySelector(".pb-count"));
  const live = panel.querySelector(".pb-result__live");
  const bands = bandsOf(practice);
  for (const band of bands) band.section.classList.remove("pb-band--current");
  const band = value === null ? null : bandFor(bands, value);
  if (!band) {
    live.replaceChildren();
    panel.dataset.score = "";
    return;
  }
  band.section.classList.add("pb-band--current");
  if (panel.dataset.score !== `${value}:${band.id}:${JSON.stringify(stored.answers)}`) {
    panel.dataset.score = `${value}:${band.id}:${JSON.stringify(stored.answers)}`;
    live.replaceChildren(resultCard(value, band, bands, questions, stored.answers, min, max));
  }
};
/* The band's own rendered advice, without its lead ("45–74: Building the habit."), and the
 * links it gives ("See: ..."). */
const bandParts = (section) => {
  const advice = section.querySelector(".pb-md").cloneNode(true);
  const lead = advice.querySelector("p > strong:first-child");
  if (lead && lead.parentElement === advice.firstElementChild) {
    const rest = lead.nextSibling;
    if (rest && rest.nodeType === Node.TEXT_NODE) rest.textContent = rest.textContent.replace(/^\s+/, "");
    lead.remove();
    if (!advice.firstElementChild.textContent.trim() && !advice.firstElementChild.children.length) {
      advice.firstElementChild.remove();
    }
  }
  const see = section.querySelector(".pb-band__see");
  return { advice, see: see ? see.cloneNode(true) : null };
};
const resultCard = (value, band, bands, questions, answers, min, max) => {
  const { advice, see } = bandParts(band.section);
  const badge = el("span", { class: `pb-badge pb-badge--${bandTone(bands, band)}` },
    el("span", { class: "pb-badge__label", text: band.section.dataset.label }),
    el("span", { class: "pb-badge__range", text: ` ${band.min}–${band.max}` }));
  return el("section", { class: "pb-card", "data-band": band.id, "aria-label": t("score", { score: value }) },
    el("div", { class: "pb-card__headline" }, scoreLine("score", value, "pb-result__score"), badge),
    el("div", { class: "pb-card__advice" }, advice),
    nextStep(questions, answers, min, max),
    see && el("p", { class: "pb-card__links" }, ...see.childNodes));
};

component("form.pb-assessment", renderAssessment);
onChange((target) => {
  const form = target.type === "radio" && target.closest("form.pb-assessment");
  if (!form) return false;
  saveAnswer(answersOf(form.dataset.practice), target);
  renderAssessment(form);
  return true;
});
