/* The statements of a self-assessment (practice pages) and of the health check: answers
 * kept, unanswered ones marked, the next step from the lowest answers. */
import { get, has, HEALTH_ANSWERS, answersOf } from "./shapes.mjs";
import { points } from "./scoring.mjs";
import { action, el, number, read, t, words, write } from "./page.mjs";

/* ---- Self-assessments (practice pages) and the health check share question handling ---- */
export const questionsIn = (root) => [...root.querySelectorAll("fieldset[data-question]")].map((f) => ({
  id: f.dataset.question,
  reverse: f.dataset.reverse === "true",
  fieldset: f,
}));
export const syncAnswers = (root, answers) => {
  for (const q of questionsIn(root)) {
    for (const radio of q.fieldset.querySelectorAll("input[type=radio]")) {
      radio.checked = get(answers, q.id) === Number(radio.value);
    }
  }
};
export const scaleOf = (node) => [Number(node.dataset.scaleMin), Number(node.dataset.scaleMax)];
/* A statement left out above the last one answered is marked "Not answered yet"; while any
 * is unanswered, the count line offers a way to the first of them. */
export const markUnanswered = (questions, answers, line) => {
  const last = questions.map((q) => has(answers, q.id)).lastIndexOf(true);
  questions.forEach((q, index) => {
    const skipped = index < last && !has(answers, q.id);
    q.fieldset.classList.toggle("pb-question--missing", skipped);
    const mark = q.fieldset.querySelector(".pb-question__missing");
    if (skipped && !mark) q.fieldset.append(el("p", { class: "pb-question__missing", text: t("unanswered") }));
    else if (!skipped && mark) mark.remove();
  });
  const open = questions.some((q) => !has(answers, q.id)) && last >= 0;
  let go = line.querySelector("[data-pb-action=first-unanswered]");
  if (open && !go) {
    go = el("button", { type: "button", class: "pb-button pb-button--quiet", "data-pb-action": "first-unanswered",
      text: t("go_to_unanswered") });
    line.append(" ", go);
  } else if (!open && go) {
    go.previousSibling.remove();
    go.remove();
  }
};
/* Moves to the first unanswered statement of the form or health check holding `button`. */
const firstUnanswered = (button) => {
  const root = button.closest(".pb-health-check") ? document : button.closest(".pb-result").previousElementSibling;
  const key = root === document ? HEALTH_ANSWERS : answersOf(root.dataset.practice);
  const answers = read(key, { answers: {} }).answers;
  const scope = root === document ? document.querySelector(".md-content") || document : root;
  const q = questionsIn(scope).find((item) => !has(answers, item.id));
  if (!q) return;
  q.fieldset.scrollIntoView({ block: "center" });
  q.fieldset.querySelector("input[type=radio]").focus({ preventScroll: true });
};
const answerLabel = (q, value) => {
  const radio = q.fieldset.querySelector(`input[type=radio][value="${value}"]`);
  const label = radio && radio.closest("label");
  return label ? label.textContent.trim() : String(value);
};
const statementText = (q) => {
  const legend = q.fieldset.querySelector("legend");
  const text = legend.querySelector(".pb-statement") || legend;
  return text.textContent.trim();
};
/* The reader's lowest answers first (in page order among equals): the first of them that
 * names a step of a practice is the next step; the lowest statement otherwise. */
export const nextStep = (questions, answers, min, max) => {
  const ranked = questions.map((q, index) => ({ q, index, points: points(get(answers, q.id), min, max, q.reverse) }))
    .sort((a, b) => a.points - b.points || a.index - b.index);
  if (!ranked.length || ranked[0].points === max - min) return null; // every answer at its best
  const stepped = ranked.find((r) => r.q.fieldset.dataset.stepHref && r.points < max - min);
  const chosen = stepped || ranked[0];
  const value = get(answers, chosen.q.id);
  const because = t("next_step_because", { answer: answerLabel(chosen.q, value), statement: statementText(chosen.q) });
  const box = el("div", { class: "pb-card__next" }, el("p", { class: "pb-card__heading", text: t("next_step") }));
  const href = chosen.q.fieldset.dataset.stepHref;
  if (href) {
    box.append(el("p", { class: "pb-card__step" }, el("a", { href, text: chosen.q.fieldset.dataset.stepTitle })),
      el("p", { class: "pb-card__because", text: because }));
  } else {
    box.append(el("p", { class: "pb-card__because", text: because }));
  }
  return box;
};
/* "Your score: 69 out of 100" with the number set large: the words around {score} small. */
export const scoreLine = (key, value, className) => {
  const [before, ...rest] = words(key).split("{score}");
  const small = (text) => text.trim() && el("span", { class: "pb-card__words", text });
  return el("p", { class: `pb-card__score ${className}` },
    small(before), el("span", { class: "pb-card__value", text: number(value) }),
    rest.length ? small(rest.join("{score}")) : null);
};
export const saveAnswer = (key, radio) => {
  const stored = read(key, { answers: {} });
  const fieldset = radio.closest("fieldset[data-question]");
  const answers = { ...stored.answers, [fieldset.dataset.question]: Number(radio.value) };
  write(key, { answers });
};


action("first-unanswered", firstUnanswered);
