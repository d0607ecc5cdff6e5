// The core's storage, upgrades and import without a browser: a Storage of Node's own stands
// in for the browser's local storage.
import assert from "node:assert/strict";
import { test } from "node:test";

import { createStore } from "../../generator/assets/js/storage.mjs";
import { upgrade } from "../../generator/assets/js/upgrades.mjs";
import { checkImport, importPlan, merged } from "../../generator/assets/js/transfer.mjs";
import { current, ticked } from "../../generator/assets/js/ticks.mjs";

const BASE = "playbook:/default:v";
const V5 = `${BASE}5:`;
const WHEN = "2026-11-30T10:00:00.000Z";

/* Local storage as the browser keeps it; `room` characters at most (a quota), when given. */
class Local {
  constructor(entries = {}, room = Infinity) {
    this.map = new Map(Object.entries(entries));
    this.room = room;
  }
  get length() { return this.map.size; }
  key(i) { return [...this.map.keys()][i] ?? null; }
  getItem(key) { return this.map.has(key) ? this.map.get(key) : null; }
  setItem(key, value) {
    const used = [...this.map].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.room) throw new Error("QuotaExceededError");
    this.map.set(key, String(value));
  }
  removeItem(key) { this.map.delete(key); }
  parsed(prefix = V5) {
    return Object.fromEntries([...this.map].filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), JSON.parse(v)]));
  }
}
const v = (version, entries) => Object.fromEntries(Object.entries(entries)
  .map(([key, value]) => [`${BASE}${version}:${key}`, JSON.stringify(value)]));

test("version 4 entries move to keys named by what they belong to, unchanged", () => {
  const entries = {
    "checklist:listen": { done: ["a"], at: { a: WHEN }, changed: WHEN },
    "answers:listen": { answers: { interrupt: 2 }, changed: WHEN },
    "answers:health": { answers: { "help-each-other": 3 }, changed: WHEN },
    "history:health": { results: [{ about: "Sam", date: WHEN, overall: 50, dimensions: { trust: 50 } }] },
    "team:health": { text: "1a2b-00-0000", changed: WHEN },
    "teamhistory:health": { results: [] },
  };
  const local = new Local(v(4, entries));
  const store = createStore(local, BASE, 5);
  store.migrate(upgrade);
  assert.deepEqual(local.parsed(), {
    "practice-checklist:listen": entries["checklist:listen"],
    "practice-answers:listen": entries["answers:listen"],
    "health-answers:health": entries["answers:health"],
    "health-history:health": entries["history:health"],
    "team-codes:health": entries["team:health"],
    "team-history:health": { results: [] },
  });
  assert.deepEqual([...local.map.keys()].filter((k) => !k.startsWith(V5)), []);
  assert.deepEqual(store.problems, { damaged: false, discarded: false, newer: false, refused: false });
  assert.equal(store.problemCount(), 0);
});

test("without the upgrades, older entries stay where they are until they are given", () => {
  const entries = { "checklist:listen": { done: ["a"], at: { a: WHEN }, changed: WHEN } };
  const local = new Local({ ...v(4, entries), ...v(6, { "anything:else": { new: true } }) });
  const store = createStore(local, BASE, 5);
  assert.equal(store.migrate(null), false);
  assert.deepEqual(local.parsed(`${BASE}4:`), entries);
  assert.deepEqual(local.parsed(), {});
  assert.equal(store.problems.newer, true);
  assert.equal(store.migrate(upgrade), true);
  assert.deepEqual(local.parsed(), { "practice-checklist:listen": entries["checklist:listen"] });
  assert.deepEqual(local.parsed(`${BASE}4:`), {});
  assert.equal(createStore(new Local(v(5, {})), BASE, 5).migrate(null), true); // nothing older
});

test("version 3 entries take the date they are carried over", () => {
  const local = new Local(v(3, {
    "checklist:listen": { done: ["a", "b"] },
    "answers:listen": { answers: { interrupt: 2 } },
    "team:health": { text: "1a2b-00-0000" },
  }));
  createStore(local, BASE, 5).migrate(upgrade, WHEN);
  assert.deepEqual(local.parsed(), {
    "practice-checklist:listen": { done: ["a", "b"], at: { a: WHEN, b: WHEN }, changed: WHEN },
    "practice-answers:listen": { answers: { interrupt: 2 }, changed: WHEN },
    "team-codes:health": { text: "1a2b-00-0000", changed: WHEN },
  });
});

test("version 1 answers drop their result; a damaged one is discarded, as a problem", () => {
  const local = new Local(v(1, {
    "answers:listen": { answers: { interrupt: 2 }, result: { score: 40, band: "Starting" } },
    "answers:ask": { answers: { a: 1 }, result: { score: "high", band: "Starting" } },
    "history:health": { results: [{ date: WHEN, overall: 50, dimensions: { trust: 50 } }] },
  }));
  const store = createStore(local, BASE, 5);
  store.migrate(upgrade, WHEN);
  assert.deepEqual(local.parsed(), {
    "practice-answers:listen": { answers: { interrupt: 2 }, changed: WHEN },
    "health-history:health": { results: [{ about: "", date: WHEN, overall: 50, dimensions: { trust: 50 } }] },
  });
  assert.equal(store.problems.discarded, true);
  assert.equal(local.length, 2);
});

test("an entry already under this version wins over an older one; a newer version's stay", () => {
  const local = new Local({
    ...v(4, { "checklist:listen": { done: ["old"], at: { old: WHEN }, changed: WHEN } }),
    ...v(5, { "practice-checklist:listen": { done: ["new"], at: { new: WHEN }, changed: WHEN } }),
    ...v(6, { "anything:else": { new: true } }),
  });
  const store = createStore(local, BASE, 5);
  store.migrate(upgrade);
  assert.deepEqual(local.parsed(), { "practice-checklist:listen": { done: ["new"], at: { new: WHEN }, changed: WHEN } });
  assert.deepEqual(local.parsed(`${BASE}6:`), { "anything:else": { new: true } });
  assert.equal(store.problems.newer, true);
});

test("upgrade carries one entry over from any older version, or gives null", () => {
  assert.deepEqual(upgrade("answers:health", { answers: { a: 1 } }, 2, 5, WHEN),
    { key: "health-answers:health", value: { answers: { a: 1 }, changed: WHEN } });
  assert.equal(upgrade("answers:listen", { answers: { a: 1 }, result: 3 }, 1, 5, WHEN), null);
  assert.equal(upgrade("nonsense:listen", { answers: {} }, 4, 5, WHEN), null);
  assert.equal(upgrade("practice-answers:listen", { answers: { a: 1.5 } }, 5, 5, WHEN), null);
  assert.deepEqual(upgrade("practice-answers:listen", { answers: { a: 1 } }, 5, 5, WHEN),
    { key: "practice-answers:listen", value: { answers: { a: 1 } } });
});

test("damaged entries are discarded when read; what would not read back is never written", () => {
  const local = new Local({ [`${V5}practice-answers:listen`]: "{not json", [`${V5}practice-checklist:x`]: '{"done":"a"}' });
  const store = createStore(local, BASE, 5);
  assert.deepEqual(store.read("practice-answers:listen", { answers: {} }), { answers: {} });
  assert.equal(store.read("practice-checklist:x", null), null);
  assert.equal(local.length, 0);
  assert.equal(store.problems.damaged, true);
  assert.equal(store.problemCount(), 2);
  assert.equal(store.write("practice-answers:Listen", { answers: {} }), false);
  assert.equal(store.write("practice-checklist:x", { done: ["a"], extra: 1 }), false);
  assert.equal(store.problems.refused, true);
  assert.equal(local.length, 0);
  const now = new Date(WHEN);
  assert.equal(store.write("practice-checklist:x", { done: ["a"], at: { a: WHEN } }, now), true);
  assert.deepEqual(local.parsed(), { "practice-checklist:x": { done: ["a"], at: { a: WHEN }, changed: WHEN } });
});

test("blocked storage and a full quota keep everything in memory for the visit", () => {
  const blocked = createStore(null, BASE, 5);
  assert.equal(blocked.persistent(), false);
  assert.equal(blocked.write("team-codes:health", { text: "x" }), true);
  assert.equal(blocked.read("team-codes:health", null).text, "x");
  const refusing = { length: 0, key: () => null, getItem: () => null, setItem() { throw new Error("denied"); }, removeItem() {} };
  assert.equal(createStore(refusing, BASE, 5).persistent(), false);
  const local = new Local(v(5, { "team-codes:health": { text: "kept" } }), 200);
  const store = createStore(local, BASE, 5);
  assert.equal(store.persistent(), true);
  store.write("team-codes:health", { text: "x".repeat(300) });
  assert.equal(store.persistent(), false);
  assert.equal(store.problemCount(), 1);
  assert.equal(store.read("team-codes:health", null).text, "x".repeat(300));
  assert.deepEqual(store.storedKeys(), ["team-codes:health"]);
  assert.equal(local.parsed()["team-codes:health"].text, "kept"); // the browser's copy untouched
});

test("writing an import in place of all puts everything back when storage refuses", () => {
  const ours = { "team-codes:health": { text: "ours" } };
  const local = new Local(v(5, ours), 120);
  const store = createStore(local, BASE, 5);
  const entries = new Map([["practice-answers:a", { answers: { q: 1 } }], ["team-codes:health", { text: "x".repeat(200) }]]);
  assert.equal(store.writeAll(entries, "remove"), false);
  assert.deepEqual(local.parsed(), ours);
  const fits = new Map([["practice-answers:a", { answers: { q: 1 } }]]);
  assert.equal(store.writeAll(fits, "remove"), true);
  assert.deepEqual(local.parsed(), { "practice-answers:a": { answers: { q: 1 } } });
  assert.equal(store.writeAll(new Map([["team-codes:health", { text: "t" }]])), true);
  assert.deepEqual(Object.keys(local.parsed()), ["practice-answers:a", "team-codes:health"]);
});

const file = (entries, extra = {}) => JSON.stringify({
  format: "playbook-progress", version: 5, site: "default", exported: WHEN, entries, ...extra });
const here = { version: 5, site: "default", now: Date.parse("2026-12-01T00:00:00.000Z") };

test("an import file is checked whole, and refused with the reason and nothing else", () => {
  assert.deepEqual(checkImport("{", here), { error: "import_not_json" });
  assert.deepEqual(checkImport(JSON.stringify({ format: "other" }), here), { error: "import_wrong_format" });
  assert.deepEqual(checkImport(file({}, { version: 6 }), here), { error: "import_version", values: { version: "6" } });
  assert.deepEqual(checkImport(file({}, { version: 1.5 }), here), { error: "import_version", values: { version: "1.5" } });
  assert.deepEqual(checkImport(file({}, { site: "x".repeat(50) }), here),
    { error: "import_other_site", values: { site: `${"x".repeat(39)}…` } });
  const many = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`team-codes:t${i}`, { text: "" }]));
  assert.deepEqual(checkImport(file(many), here), { error: "import_too_many", values: { count: 2001, limit: 2000 } });
  assert.deepEqual(checkImport(file({ "practice-answers:a": { answers: { q: "1" } } }), here),
    { error: "import_damaged", values: { key: "practice-answers:a" } });
  const later = "2026-12-02T00:00:00.001Z"; // more than a day after this clock
  assert.deepEqual(checkImport(file({ "practice-answers:a": { answers: {}, changed: later } }), here),
    { error: "import_future", values: { key: "practice-answers:a" } });
  const within = "2026-12-01T23:59:59.000Z";
  assert.ok(checkImport(file({ "practice-answers:a": { answers: {}, changed: within } }), here).entries);
});

test("an older file's entries are carried over, dated by the file", () => {
  const checked = checkImport(file({ "checklist:listen": { done: ["a"] }, "answers:health": { answers: { q: 2 } } },
    { version: 3 }), here);
  assert.equal(checked.exported, WHEN);
  assert.deepEqual([...checked.entries], [
    ["practice-checklist:listen", { done: ["a"], at: { a: WHEN }, changed: WHEN }],
    ["health-answers:health", { answers: { q: 2 }, changed: WHEN }],
  ]);
  const undated = checkImport(file({ "checklist:listen": { done: [] } }, { version: 3, exported: "never" }), here);
  assert.equal(undated.exported, "1970-01-01T00:00:00.000Z");
});

test("merging takes the newer of each entry and unites saved results; the plan counts them", () => {
  const older = "2026-11-01T00:00:00.000Z";
  const r = (date, overall) => ({ about: "", date, overall, dimensions: {} });
  const ours = {
    "practice-checklist:a": { done: ["x"], at: {}, changed: WHEN }, // newer here
    "practice-checklist:b": { done: ["y"], at: {}, changed: older }, // newer in the file
    "practice-answers:c": { answers: { q: 1 }, changed: WHEN }, // not in the file
    "health-history:health": { results: [r(older, 10), r(WHEN, 20)] },
  };
  const theirs = new Map([
    ["practice-checklist:a", { done: [], at: {}, changed: older }],
    ["practice-checklist:b", { done: ["z"], at: {}, changed: WHEN }],
    ["team-codes:health", { text: "t", changed: older }],
    ["health-history:health", { results: [r(WHEN, 20), r("2026-11-15T00:00:00.000Z", 30)] }],
  ]);
  const read = (key, fallback) => (Object.hasOwn(ours, key) ? ours[key] : fallback);
  assert.deepEqual([...merged(theirs, read)], [
    ["practice-checklist:b", theirs.get("practice-checklist:b")],
    ["team-codes:health", theirs.get("team-codes:health")],
    ["health-history:health", { results: [r(older, 10), r("2026-11-15T00:00:00.000Z", 30), r(WHEN, 20)] }],
  ]);
  assert.deepEqual(importPlan(theirs, read, Object.keys(ours).sort()), [
    { kind: "checklists", file: 2, newer: 1, left: 0 },
    { kind: "answers", file: 0, newer: 1, left: 0 },
    { kind: "team", file: 1, newer: 0, left: 0 },
    { kind: "results", file: 2, newer: 1, left: 0 },
  ]);
});

test("a merge never drops this browser's saved results: the file's newest fill the room left", () => {
  const r = (i) => ({ about: "", date: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), overall: i % 101, dimensions: {} });
  const ours = { "health-history:health": { results: Array.from({ length: 998 }, (_, i) => r(i)) } };
  const theirs = new Map([["health-history:health", { results: [r(2000), r(1000), r(3000)] }]]);
  const read = (key, fallback) => (Object.hasOwn(ours, key) ? ours[key] : fallback);
  const results = merged(theirs, read).get("health-history:health").results;
  assert.equal(results.length, 1000);
  assert.deepEqual(results.slice(-2), [r(2000), r(3000)]);
  assert.deepEqual(importPlan(theirs, read, Object.keys(ours)), [{ kind: "results", file: 3, newer: 998, left: 1 }]);
});

test("a repeating item's tick lapses with its day or week (Monday to Sunday)", () => {
  const sunday = new Date(2026, 11, 6, 23, 0);
  const monday = new Date(2026, 11, 7, 1, 0);
  const tickedOn = new Date(2026, 11, 1, 9, 0).toISOString(); // a Tuesday
  assert.equal(current("weekly", tickedOn, sunday), true);
  assert.equal(current("weekly", tickedOn, monday), false);
  assert.equal(current("daily", new Date(2026, 11, 6, 8, 0).toISOString(), sunday), true);
  assert.equal(current("daily", tickedOn, sunday), false);
  assert.equal(current("once", tickedOn, monday), true);
  assert.equal(current("weekly", undefined, monday), true);
  const entry = { done: ["w", "d", "o"], at: { w: tickedOn, d: tickedOn, o: tickedOn } };
  assert.deepEqual([...ticked(entry, { w: "weekly", d: "daily", o: "once" }, sunday)], ["w", "o"]);
});
