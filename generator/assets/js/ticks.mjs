/* Checklists' ticks: which count now. A daily item's tick counts until the end of its day, a
 * weekly item's until the end of its week (Monday to Sunday, in the reader's time zone); any
 * other item's for good. */
import { get } from "./shapes.mjs";

/** @typedef {{done: string[], at?: Record<string, string>, changed?: string}} Checklist */
/** @type {Checklist} */
export const EMPTY_CHECKLIST = { done: [], at: {} };
/** @param {string | undefined} cadence @param {Date} now */
const periodStart = (cadence, now) => {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (cadence === "weekly") day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  return day;
};
/** Whether a tick made at `iso` still counts at `now`.
 * @param {string | undefined} cadence @param {string | undefined} iso @param {Date} [now] */
export const current = (cadence, iso, now = new Date()) =>
  !["daily", "weekly"].includes(cadence || "") || iso === undefined || new Date(iso) >= periodStart(cadence, now);
/** The item ids whose ticks count now, of a stored checklist and the items' cadences.
 * @param {Checklist} entry @param {Record<string, string | undefined>} cadences @param {Date} [now] */
export const ticked = (entry, cadences, now = new Date()) =>
  new Set(entry.done.filter((id) => current(get(cadences, id), get(entry.at || {}, id), now)));
