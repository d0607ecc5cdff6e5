/* Resetting and clearing: asked first, and undone on request until the page is left. */
import { answersOf, HEALTH_ANSWERS } from "./shapes.mjs";
import { action, el, read, refresh, remove, t, write } from "./page.mjs";

export const ask = (button, question, yes, act) => {
  const holder = button.parentElement;
  holder.querySelector(".pb-undo")?.remove();
  if (holder.querySelector(".pb-confirm")) return;
  const box = el("span", { class: "pb-confirm", role: "group", "aria-label": question },
    el("span", { class: "pb-confirm__question", text: question }), " ",
    el("button", { type: "button", class: "pb-button pb-button--quiet pb-button--danger", "data-pb-confirm": "yes", text: yes }), " ",
    el("button", { type: "button", class: "pb-button pb-button--quiet", "data-pb-confirm": "no", text: t("confirm_keep") }));
  button.hidden = true;
  button.after(box);
  box.querySelector("[data-pb-confirm=no]").focus();
  box.addEventListener("click", (event) => {
    const choice = event.target instanceof Element && event.target.closest("[data-pb-confirm]");
    if (!choice) return;
    box.remove();
    button.hidden = false;
    if (choice.dataset.pbConfirm === "yes") act();
    else button.focus();
  });
};
/* After a reset, "Undo" puts back what was there, until the next tick or answer, or page. */
export const offerUndo = (button, done, key, previous) => {
  const undo = el("span", { class: "pb-undo", role: "status" },
    el("span", { text: done }), " ",
    el("button", { type: "button", class: "pb-button pb-button--quiet", "data-pb-undo": "", text: t("undo") }));
  button.after(undo);
  const again = undo.querySelector("button");
  again.focus();
  again.addEventListener("click", () => {
    undo.remove();
    write(key, previous);
    refresh();
    button.focus();
  });
};
const clearAnswers = (button) => {
  const owner = button.dataset.owner;
  const form = owner ? null : button.closest(".pb-result").previousElementSibling;
  const key = owner ? HEALTH_ANSWERS : answersOf(form.dataset.practice);
  const previous = read(key, { answers: {} });
  const count = Object.keys(previous.answers || {}).length;
  const act = () => {
    remove(key);
    refresh();
    if (count) offerUndo(button, t("answers_cleared_done"), key, previous);
  };
  if (!count) return act();
  ask(button, t("confirm_clear_answers", { count }), t("confirm_clear_yes"), act);
};


action("reset-answers", clearAnswers);
