/* Storage: the browser's local storage when it allows it, memory for this visit otherwise.
 * Nothing here shows anything: what goes wrong is kept in `problems` (and counted by
 * `problemCount`) for the interface to show. */
import { CHANGED, validEntry } from "./shapes.mjs";

/** @typedef {{length: number, key(i: number): string | null, getItem(key: string): string | null,
 *   setItem(key: string, value: string): void, removeItem(key: string): void}} Backend */

/** `backend` if it can be written to and read under `prefix` (blocked storage, some private
 * modes and a full quota refuse), null otherwise.
 * @param {Backend | null} backend @param {string} prefix @returns {Backend | null} */
export const usable = (backend, prefix) => {
  try {
    const probe = `${prefix}probe`;
    if (!backend) return null;
    backend.setItem(probe, "1");
    backend.removeItem(probe);
    return backend;
  } catch {
    return null;
  }
};

/** The store of one site: keys `${base}${version}:KIND:OWNER` in `backend` (null: memory only).
 * Sites on one origin share local storage: `base` names the site.
 * @param {Backend | null} backend @param {string} base @param {number} version */
export const createStore = (backend, base, version) => {
  const prefix = `${base}${version}:`;
  /** @type {Map<string, string>} */
  const memory = new Map();
  let local = usable(backend, prefix);
  const problems = {
    damaged: false, // stored data that could not be read, discarded
    discarded: false, // an older version's entry could not be carried over
    newer: false, // a newer version of the site stored something this one cannot read
    refused: false, // something was too large to keep, and was not saved
  };
  let count = 0; // problems met so far (including storage given up): the interface shows them anew
  const persistent = () => local !== null;
  const storedKeys = () => {
    const keys = new Set(memory.keys());
    if (local) {
      for (let i = 0; i < local.length; i += 1) {
        const key = local.key(i);
        if (key && key.startsWith(prefix)) keys.add(key.slice(prefix.length));
      }
    }
    return [...keys].sort();
  };
  /** @param {string} key @returns {string | null} */
  const rawGet = (key) => (local ? local.getItem(prefix + key) : memory.get(key) ?? null);
  /** @param {string} key */
  const remove = (key) => {
    memory.delete(key);
    if (local) local.removeItem(prefix + key);
  };
  /* Throws when local storage refuses (quota exceeded, storage withdrawn); nothing changes then. */
  /** @param {string} key @param {string} text */
  const put = (key, text) => (local ? local.setItem(prefix + key, text) : memory.set(key, text));
  /** @param {string} key @param {string} text */
  const store = (key, text) => {
    try {
      put(key, text);
    } catch {
      // Keep everything in memory for the rest of the visit.
      for (const other of storedKeys()) memory.set(other, /** @type {string} */ (rawGet(other)));
      memory.set(key, text);
      local = null;
      count += 1;
    }
  };
  /** Stores `value` under `key` only if reading it back would accept it: what is written is
   * never later discarded as damaged. False (a problem: refused) if not. `now` is when it
   * changed, kept by the kinds that keep it.
   * @param {string} key @param {object} value @param {Date} [now] */
  const write = (key, value, now = new Date()) => {
    const entry = CHANGED.includes(key.split(":")[0]) ? { ...value, changed: now.toISOString() } : value;
    if (!validEntry(key, entry)) {
      problems.refused = true;
      count += 1;
      return false;
    }
    store(key, JSON.stringify(entry));
    return true;
  };
  /** The entry under `key`, or `fallback` when there is none or it is damaged (then it is
   * removed: a problem).
   * @template T @param {string} key @param {T} fallback @returns {any} */
  const read = (key, fallback) => {
    const text = rawGet(key);
    if (text === null) return fallback;
    try {
      const value = JSON.parse(text);
      if (validEntry(key, value)) return value;
    } catch {
      /* falls through: damaged */
    }
    remove(key);
    problems.damaged = true;
    count += 1;
    return fallback;
  };
  /** Older versions' keys of this site move to this version's, each carried over by `upgrade`
   * (upgrades.mjs's); a newer version's stay as they are, for an older copy of the site may be
   * in use. Safe to run again: nothing old is left. False, with nothing moved, when there is
   * something older but no `upgrade` to carry it over with (the page loads it: it is needed
   * only then). `when` is the date an upgrade gives what had none.
   * @param {((key: string, value: unknown, from: number, to: number, when: string) =>
   *   {key: string, value: any} | null) | null} upgrade @param {string} [when] */
  const migrate = (upgrade, when = new Date().toISOString()) => {
    problems.discarded = problems.newer = false;
    /** @type {[string, string, number][]} */
    const old = [];
    for (let i = 0; local && i < local.length; i += 1) {
      const key = local.key(i) || "";
      const match = key.startsWith(base) && /^(\d+):(.+)$/.exec(key.slice(base.length));
      if (match && Number(match[1]) > version) problems.newer = true;
      else if (match && Number(match[1]) < version) old.push([key, match[2], Number(match[1])]);
    }
    if (old.length && !upgrade) return false;
    for (const [oldKey, key, from] of old) {
      if (!local || !upgrade) break; // storage failed while writing: the old entries stay for next time
      let carried = null;
      try {
        carried = upgrade(key, JSON.parse(local.getItem(oldKey) || ""), from, version, when);
      } catch {
        /* damaged */
      }
      // Carried over as it is, dates included (an entry already under this version wins).
      if (carried === null) problems.discarded = true;
      else if (rawGet(carried.key) === null) store(carried.key, JSON.stringify(carried.value));
      if (local) local.removeItem(oldKey);
    }
    return true;
  };
  /** Stores `entries` in place of everything this site keeps (`others`: "remove"), or beside
   * it ("keep"); true if it could. When storage refuses one (quota), what was written is
   * undone and what was there before put back.
   * @param {Map<string, object>} entries @param {"keep" | "remove"} [others] */
  const writeAll = (entries, others = "keep") => {
    const before = new Map();
    for (const key of storedKeys()) {
      const text = rawGet(key);
      if (text !== null) before.set(key, text);
    }
    /** @type {string[]} */
    const written = [];
    try {
      for (const [key, value] of entries) {
        put(key, JSON.stringify(value));
        written.push(key);
      }
    } catch {
      for (const key of written) if (!before.has(key)) remove(key); // first, room again
      for (const key of written) if (before.has(key)) store(key, before.get(key));
      return false;
    }
    if (others === "remove") for (const key of before.keys()) if (!entries.has(key)) remove(key);
    return true;
  };
  return {
    prefix, problems, persistent, storedKeys, read, write, remove, migrate, writeAll,
    problemCount: () => count,
  };
};
