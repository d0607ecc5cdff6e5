/* Scoring: the same arithmetic as generator/scoring.py, and the bands a score falls in. */
import { get } from "./shapes.mjs";

/** @typedef {{id: string, reverse?: boolean}} Question */
/** @typedef {{min: number, max: number}} Band */

/** @type {(value: number, min: number, max: number, reverse: boolean | undefined) => number} */
export const points = (value, min, max, reverse) => (reverse ? min + max - value : value) - min;
/** Round half up of 100 * total / most, in integers. @type {(total: number, most: number) => number} */
export const percent = (total, most) => Math.floor((200 * total + most) / (2 * most));
/** The score out of 100 of `answers` to `questions` on a scale from `min` to `max`, or null
 * while any is unanswered or out of the scale.
 * @param {Question[]} questions @param {Record<string, unknown>} answers @param {number} min @param {number} max
 * @returns {number | null} */
export const score = (questions, answers, min, max) => {
  let total = 0;
  for (const q of questions) {
    const value = get(answers, q.id);
    if (!Number.isInteger(value) || value < min || value > max) return null;
    total += points(value, min, max, q.reverse);
  }
  return questions.length ? percent(total, (max - min) * questions.length) : null;
};
/** @template {Band} T @param {T[]} bands @param {number} value @returns {T | null} */
export const bandFor = (bands, value) => bands.find((b) => b.min <= value && value <= b.max) || null;
/** The lowest scoring ones, in their order. @template {{score: number}} T @param {T[]} scores @returns {T[]} */
export const weakest = (scores) => {
  const lowest = Math.min(...scores.map((s) => s.score));
  return scores.filter((s) => s.score === lowest);
};
/** A band's place among the bands, lowest first: its colour (its label says it in words).
 * @template {Band} T @param {T[]} bands @param {T} band @returns {"low" | "mid" | "high"} */
export const bandTone = (bands, band) => {
  const order = [...bands].sort((a, b) => a.min - b.min);
  const index = order.indexOf(band);
  return index === 0 && order.length > 1 ? "low" : index === order.length - 1 ? "high" : "mid";
};
/** @param {number[]} values */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
