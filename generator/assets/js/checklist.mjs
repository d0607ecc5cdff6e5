/* A practice page's checklist: ticks kept, progress shown, a reset that can be undone. */
import { checklistOf, has } from "./shapes.mjs";
import { EMPTY_CHECKLIST, ticked } from "./ticks.mjs";
import { action, after, component, el, formatDate, onChange, progressBar, read, t, write } from "./page.mjs";
import { ask, offerUndo } from "./reset.mjs";

const checklistKey = (form) => checklistOf(form.dataset.practice);
const cadencesOf = (form) => Object.fromEntries([...form.querySelectorAll("input[data-item]")]
  .map((box) => [box.dataset.item, box.dataset.cadence]));
/* The link to a form at the top of its practice page says what the form's own status says. */
export const showAtJump = (kind, text) => {
  const link = document.querySelector(`.pb-jump a[data-pb-jump=${kind}]`);
  if (link) after(link, "pb-jump__status", () => el("span", { class: "pb-jump__status" })).textContent = text;
};
const renderChecklist = (form) => {
  const entry = read(checklistKey(form), EMPTY_CHECKLIST);
  const done = ticked(entry, cadencesOf(form));
  const boxes = [...form.querySelectorAll("input[data-item]")];
  for (const box of boxes) {
    const id = box.dataset.item;
    box.checked = done.has(id);
    // A repeating item done in an earlier day or week: not done now, and when it last was.
    const lapsed = !box.checked && entry.done.includes(id) && has(entry.at || {}, id);
    const text = box.closest("label").querySelector(".pb-item-text") || box.closest("label");
    let last = text.querySelector(".pb-last-done");
    if (lapsed && !last) {
      last = el("span", { class: "pb-last-done" });
      text.append(last);
    }
    if (lapsed) last.textContent = ` ${t("last_done", { date: formatDate(entry.at[id]) })}`;
    else if (last) last.remove();
  }
  const count = boxes.filter((box) => box.checked).length;
  const panel = after(form, "pb-progress", () => el("div", { class: "pb-progress" },
    el("span", { class: "pb-progress__text" }), el("span", { class: "pb-progress__bar" }),
    el("button", { type: "button", class: "pb-button pb-button--quiet", "data-pb-action": "reset-checklist",
      text: t("reset_checklist") })));
  const text = t("progress", { done: count, total: boxes.length });
  panel.querySelector(".pb-progress__text").textContent = text;
  panel.querySelector(".pb-progress__bar").replaceChildren(progressBar(count, boxes.length, text));
  showAtJump("checklist", text);
};
const saveChecklist = (form) => {
  const key = checklistKey(form);
  const entry = read(key, EMPTY_CHECKLIST);
  const cadences = cadencesOf(form);
  const now = ticked(entry, cadences);
  const done = new Set(entry.done);
  const at = { ...(entry.at || {}) };
  for (const box of form.querySelectorAll("input[data-item]")) {
    const id = box.dataset.item;
    if (box.checked && !now.has(id)) {
      done.add(id); // ticked now: today's date
      at[id] = new Date().toISOString();
    } else if (!box.checked && now.has(id)) {
      done.delete(id); // unticked: no longer done, nor last done
      delete at[id];
    }
  }
  write(key, { done: [...done].sort(), at });
};

const resetChecklist = (button) => {
  const form = button.parentElement.previousElementSibling;
  const key = checklistKey(form);
  const previous = read(key, EMPTY_CHECKLIST);
  const act = () => {
    write(key, EMPTY_CHECKLIST);
    renderChecklist(form);
    if (count) offerUndo(button, t("checklist_reset_done"), key, previous);
  };
  const count = ticked(previous, cadencesOf(form)).size;
  if (!count) return act();
  ask(button, t("confirm_reset_checklist", { count }), t("confirm_reset_yes"), act);
};

component("form.pb-checklist", renderChecklist);
action("reset-checklist", resetChecklist);
onChange((target) => {
  const checklist = target.closest("form.pb-checklist");
  if (!checklist || target.type !== "checkbox") return false;
  saveChecklist(checklist);
  renderChecklist(checklist);
  return true;
});
