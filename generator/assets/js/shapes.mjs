/* What the site stores, exactly: each key's kind, each entry's shape and bounds. Anything
 * else is damaged and is discarded. No page, no storage: plain values in, booleans out. */

// Bounds of one entry, stored or imported: ticked items of a checklist, answers of an
// assessment, dimensions of a saved result; saved health check results (saving more drops
// the oldest).
export const MAX_IDS = 1000;
export const MAX_RESULTS = 1000;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_NAME = 80; // who a result is about, a team's name
export const MAX_TEAM_TEXT = 100000; // the team page's pasted codes
export const MAX_MEMBERS = 10000;

/* Stored and imported data are looked up by their own properties only: an id such as
 * "constructor" is not found on a fresh reader's empty object. */
/** @type {(object: object, key: string) => boolean} */
export const has = (object, key) => Object.hasOwn(object, key);
/** @type {(object: any, key: string) => any} */
export const get = (object, key) => (has(object, key) ? object[key] : undefined);

/* Every key is KIND:OWNER, its kind named after what it belongs to (a practice, the health
 * check, the team page), so that no practice's id can ever name another kind's entry. */
/** @param {string} practice */
export const checklistOf = (practice) => `practice-checklist:${practice}`;
/** @param {string} practice */
export const answersOf = (practice) => `practice-answers:${practice}`;
export const HEALTH_ANSWERS = "health-answers:health";
export const HEALTH_HISTORY = "health-history:health";
export const TEAM_CODES = "team-codes:health"; // kept by an earlier version: read, never written
export const TEAM_TALLY = "team-tally:health";
export const TEAM_HISTORY = "team-history:health";
// the kinds that keep when they changed
export const CHANGED = ["practice-checklist", "practice-answers", "health-answers", "team-codes", "team-tally"];

/** @param {unknown} value @returns {value is Record<string, any>} */
export const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
/** @type {(value: unknown) => boolean} */
export const isScore = (value) => Number.isInteger(value) && Number(value) >= 0 && Number(value) <= 100;
/** @param {unknown} value @returns {value is string} */
export const isId = (value) => typeof value === "string" && SLUG.test(value);
/** @type {(value: unknown, names: string) => boolean} */
const only = (value, names) => isObject(value) && Object.keys(value).sort().join() === names;
/* Exactly the properties `names`, with those of `optional` or without them. */
/** @type {(value: unknown, names: string, optional: string[]) => boolean} */
const within = (value, names, optional) => isObject(value) &&
  only(Object.fromEntries(Object.entries(value).filter(([k]) => !optional.includes(k))), names);
/** @type {(value: unknown, most: number, valid: (item: any) => boolean) => boolean} */
const list = (value, most, valid) => Array.isArray(value) && value.length <= most && value.every(valid);
/** @type {(value: unknown, valid: (item: any) => boolean) => boolean} */
const idMap = (value, valid) => isObject(value) && Object.keys(value).length <= MAX_IDS &&
  Object.entries(value).every(([id, n]) => isId(id) && valid(n));
/** @param {unknown} value @returns {value is string} */
export const isDate = (value) => typeof value === "string" && value.length <= 40 && !Number.isNaN(Date.parse(value));
/** @type {(value: unknown) => boolean} */
const isName = (value) => typeof value === "string" && value.length <= MAX_NAME;
/** @type {(value: unknown) => boolean} */
const isMedian = (value) => typeof value === "number" && value >= 0 && value <= 100;
/** @type {(value: unknown) => boolean} */
const isCount = (value) => Number.isInteger(value) && Number(value) >= 0 && Number(value) <= MAX_MEMBERS * MAX_IDS;
/** @type {(value: unknown) => boolean} */
const isCheck = (value) => typeof value === "string" && /^[0-9a-z]{4}$/.test(value);
/** @type {(v: any) => boolean} */
const isAnswers = (v) => within(v, "answers", ["changed"]) && idMap(v.answers, Number.isInteger) &&
  (!has(v, "changed") || isDate(v.changed));
/** @type {Record<string, (v: any) => boolean>} */
const SHAPES = {
  // Each tick keeps its date (a repeating item's tick lapses once its day or week is over);
  // every entry a reader changes keeps when it last changed (an import merges by it). This
  // version always writes both; an entry without them is read as of an unknown date.
  "practice-checklist": (v) => within(v, "done", ["at", "changed"]) && list(v.done, MAX_IDS, isId) &&
    (!has(v, "at") || idMap(v.at, isDate)) && (!has(v, "changed") || isDate(v.changed)),
  "practice-answers": (v) => isAnswers(v),
  "health-answers": (v) => isAnswers(v),
  "health-history": (v) => only(v, "results") && list(v.results, MAX_RESULTS, (r) =>
    only(r, "about,date,dimensions,overall") && isName(r.about) && isDate(r.date) &&
    isScore(r.overall) && idMap(r.dimensions, isScore)),
  "team-codes": (v) => within(v, "text", ["changed"]) && typeof v.text === "string" && v.text.length <= MAX_TEAM_TEXT &&
    (!has(v, "changed") || isDate(v.changed)),
  // The team page's tally: how many answered, per dimension how the answers fell on the scale,
  // each code's check characters (so that none counts twice), the health check's version.
  "team-tally": (v) => within(v, "count,counts,seen,version", ["changed"]) && isCount(v.count) &&
    v.count <= MAX_MEMBERS && idMap(v.counts, (row) => list(row, 36, isCount)) &&
    list(v.seen, MAX_MEMBERS, isCheck) && isCheck(v.version) && (!has(v, "changed") || isDate(v.changed)),
  "team-history": (v) => only(v, "results") && list(v.results, MAX_RESULTS, (r) =>
    within(r, "count,date,dimensions,name", ["action"]) && isName(r.name) && r.name.trim() !== "" &&
    // the one thing the team agreed to do, and whether it happened ("" until asked)
    (!has(r, "action") || only(r.action, "by,done,what,who") && [r.action.by, r.action.what, r.action.who].every(isName) &&
      ["", "yes", "partly", "no"].includes(r.action.done)) &&
    isDate(r.date) && Number.isInteger(r.count) && r.count >= 1 && r.count <= MAX_MEMBERS &&
    idMap(r.dimensions, isMedian)),
};
/** Whether `value` is exactly what the site stores under `key`.
 * @param {string} key @param {unknown} value @returns {boolean} */
export const validEntry = (key, value) => {
  const [kind, owner, extra] = key.split(":");
  return extra === undefined && isId(owner) && has(SHAPES, kind) && SHAPES[kind](value);
};
