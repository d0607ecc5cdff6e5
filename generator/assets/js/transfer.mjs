/* Export files read back: checked whole before anything is written, then merged with what
 * this browser keeps (the newer of each entry, saved results of both) or put in its place.
 * Errors are string keys (import_*) with their values, for the interface to word. */
import { get, has, isDate, isObject, MAX_RESULTS } from "./shapes.mjs";
import { upgrade } from "./upgrades.mjs";

export const FORMAT = "playbook-progress";
// Bounds of an import file, checked before anything is written; an export of a whole
// playbook is a few KB and a few dozen entries.
export const MAX_IMPORT = 5 * 1024 * 1024; // bytes
export const MAX_ENTRIES = 2000;
/* How far after this browser's clock a date in a file may be (the other computer's clock may
 * be ahead): a later one would always count as newer, and win every merge. */
const CLOCK_SKEW = 24 * 60 * 60 * 1000;
const EPOCH = "1970-01-01T00:00:00.000Z"; // the date of an entry whose date is not known
const RESULTS = ["health-history", "team-history"];
/** How the import's question counts what a choice would change, by kind (import_kind_KIND).
 * @type {[string, string[]][]} */
const KINDS = [
  ["checklists", ["practice-checklist"]],
  ["answers", ["practice-answers", "health-answers"]],
  ["team", ["team-codes", "team-tally"]],
  ["results", RESULTS]];

/** @typedef {(key: string, fallback: any) => any} Read */
/** @typedef {{entries: Map<string, any>, exported: string}} Checked */
/** @typedef {{error: string, values?: Record<string, string | number>}} Refused */

/** A text shown in a message, cut to 40 characters. @param {string} text */
export const clip = (text) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
/** Every date an entry holds: when it changed, when each item was ticked, each result's.
 * @param {any} entry @returns {string[]} */
const datesOf = (entry) => [
  ...(has(entry, "changed") ? [entry.changed] : []),
  ...(has(entry, "at") ? Object.values(entry.at) : []),
  ...(has(entry, "results") ? entry.results.map((/** @type {{date: string}} */ r) => r.date) : []),
];
/** The parsed file's entries (a Map) carried over to `version`, or why it cannot be used.
 * Every entry is checked before anything is stored; nothing is written here.
 * @param {string} text @param {{version: number, site: string, now?: number}} here
 * @returns {Checked | Refused} */
export const checkImport = (text, { version: current, site: ours, now = Date.now() }) => {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: "import_not_json" };
  }
  /** @param {string} name */
  const field = (name) => (isObject(data) ? get(data, name) : undefined);
  const [version, site, entries] = [field("version"), field("site"), field("entries")];
  if (field("format") !== FORMAT || !isObject(entries) || typeof site !== "string" ||
    !["number", "string"].includes(typeof version)) return { error: "import_wrong_format" };
  if (!Number.isInteger(version) || version < 1 || version > current) {
    return { error: "import_version", values: { version: clip(String(version)) } };
  }
  if (site !== ours) return { error: "import_other_site", values: { site: clip(site) } };
  const keys = Object.keys(entries);
  if (keys.length > MAX_ENTRIES) {
    return { error: "import_too_many", values: { count: keys.length, limit: MAX_ENTRIES } };
  }
  // An older file's entries are migrated; what had no date takes the file's.
  const exported = isDate(field("exported")) ? field("exported") : EPOCH;
  const checked = new Map();
  const latest = now + CLOCK_SKEW;
  for (const key of keys) {
    const carried = upgrade(key, entries[key], version, current, exported);
    if (!carried) return { error: "import_damaged", values: { key: clip(key) } };
    if (datesOf(carried.value).some((date) => Date.parse(date) > latest)) {
      return { error: "import_future", values: { key: clip(key) } };
    }
    checked.set(carried.key, carried.value);
  }
  return { entries: checked, exported };
};
/** @param {any} entry */
const changedAt = (entry) => Date.parse((entry && entry.changed) || EPOCH);
/** @param {object} r */
const resultKey = (r) => JSON.stringify(r);
/** @param {{date: string}} a @param {{date: string}} b */
const byDate = (a, b) => Date.parse(a.date) - Date.parse(b.date);
/** Of the file's saved results under `key`, those a merge adds: those this browser does not
 * have, as many of the newest as fit beside every one of this browser's (which a merge never
 * drops).
 * @param {Read} read @param {string} key @param {{results: {date: string}[]}} theirs */
const resultsAdded = (read, key, theirs) => {
  /** @type {{date: string}[]} */
  const ours = read(key, { results: [] }).results;
  const seen = new Set(ours.map(resultKey));
  const added = theirs.results.filter((r) => !seen.has(resultKey(r)));
  const room = Math.max(0, MAX_RESULTS - ours.length);
  return { ours, added: [...added].sort(byDate).slice(added.length - Math.min(room, added.length)) };
};
/** The merged entries: for a checklist, answers or team codes the newer of the two (this
 * browser's, read with `read`, when they are as new), for saved results all of this
 * browser's and those of the file that fit, oldest first.
 * @param {Map<string, any>} entries @param {Read} read */
export const merged = (entries, read) => {
  const result = new Map();
  for (const [key, theirs] of entries) {
    const ours = read(key, undefined);
    if (RESULTS.includes(key.split(":")[0])) {
      const { ours: kept, added } = resultsAdded(read, key, theirs);
      if (added.length) result.set(key, { results: [...kept, ...added].sort(byDate) });
    } else if (ours === undefined || changedAt(theirs) > changedAt(ours)) result.set(key, theirs);
  }
  return result;
};
/** Per kind: entries in the file, and of this browser's (`keys`, read with `read`), how many a
 * replace would lose (newer here than in the file, or not in it; for saved results, those
 * the file does not have), and how many of the file's saved results a merge leaves out.
 * @param {Map<string, any>} entries @param {Read} read @param {string[]} keys */
export const importPlan = (entries, read, keys) => KINDS.map(([kind, prefixes]) => {
  /** @param {string} key */
  const of = (key) => prefixes.includes(key.split(":")[0]);
  const inFile = [...entries.keys()].filter(of);
  let file = 0;
  let newer = 0;
  let left = 0; // saved results of the file that a merge leaves out, for want of room
  for (const key of inFile) {
    const theirs = entries.get(key);
    if (RESULTS.includes(key.split(":")[0])) {
      file += theirs.results.length;
      const known = new Set(read(key, { results: [] }).results.map(resultKey));
      left += theirs.results.filter((/** @type {object} */ r) => !known.has(resultKey(r))).length -
        resultsAdded(read, key, theirs).added.length;
    } else file += 1;
  }
  for (const key of keys.filter(of)) {
    const ours = read(key, undefined);
    if (ours === undefined) continue;
    const theirs = entries.get(key);
    if (RESULTS.includes(key.split(":")[0])) {
      const known = new Set(theirs ? theirs.results.map(resultKey) : []);
      newer += ours.results.filter((/** @type {object} */ r) => !known.has(resultKey(r))).length;
    } else if (!theirs || changedAt(ours) > changedAt(theirs)) newer += 1;
  }
  return { kind, file, newer, left };
}).filter((line) => line.file || line.newer);
