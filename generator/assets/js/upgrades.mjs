/* Older versions' data. UPGRADES[N] takes an entry of version N to N + 1, or to null. */
import { has, isId, isObject, isScore, validEntry, HEALTH_ANSWERS } from "./shapes.mjs";

/** @type {Record<number, (kind: string, v: any, when: string) => any>} */
const UPGRADES = {
  // Answers drop their result (score, band label): it went stale when the assessment changed.
  1: (kind, v) => {
    if (kind !== "answers") return v;
    const result = isObject(v) ? v.result : null;
    return result === undefined || (isObject(result) && isScore(result.score) &&
      typeof result.band === "string") ? { answers: v.answers } : null;
  },
  // Saved health check results say who or what they are about; older ones are "unnamed".
  2: (kind, v) => (kind === "history" && isObject(v) && Array.isArray(v.results)
    ? { results: v.results.map((/** @type {unknown} */ r) => (isObject(r) ? { about: "", ...r } : r)) } : v),
  // Ticks, answers and team codes say when they were made: as of `when`, the moment they are
  // carried over (or the export file's date), which is when they were last known to hold.
  3: (kind, v, when) => {
    if (!isObject(v) || !["checklist", "answers", "team"].includes(kind)) return v;
    /** @type {unknown[]} */
    const done = kind === "checklist" && Array.isArray(v.done) ? v.done : [];
    return kind === "checklist" ? { ...v, at: Object.fromEntries(done.filter(isId).map((id) => [id, when])), changed: when }
      : { ...v, changed: when };
  },
  4: (kind, v) => v, // only the keys change (RENAMED)
};
/* Keys of version 4 by what version 5 calls them: each kind is named after what it belongs
 * to. Version 4 kept a practice's answers and the health check's under one kind, so a
 * practice called "health" wrote where the health check did: its one entry is the health
 * check's now. */
/** @type {Record<string, string>} */
const RENAMED = {
  checklist: "practice-checklist",
  answers: "practice-answers",
  history: "health-history",
  team: "team-codes",
  teamhistory: "team-history",
};
/** @param {string} key */
const renamed = (key) => {
  const [kind, owner] = key.split(":");
  if (kind === "answers" && owner === "health") return HEALTH_ANSWERS;
  return has(RENAMED, kind) ? `${RENAMED[kind]}:${owner}` : key;
};
/** The entry `value` stored under `key` by version `from`, as version `to` stores it: its
 * key and value, or null if it cannot be carried over. `when` is the date an upgrade gives
 * what had none.
 * @param {string} key @param {unknown} value @param {number} from @param {number} to @param {string} when
 * @returns {{key: string, value: any} | null} */
export const upgrade = (key, value, from, to, when) => {
  for (let version = from; version < to; version += 1) {
    value = value != null && UPGRADES[version] ? UPGRADES[version](key.split(":")[0], value, when) : null;
    if (version === 4) key = renamed(key);
  }
  return value != null && validEntry(key, value) ? { key, value } : null;
};
