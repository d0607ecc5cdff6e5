/* Checklists, self-assessments and the health check, kept in this browser only.
 *
 * No dependencies. The build prepends `window.PLAYBOOK_CONFIG = {site, strings}`. Works with
 * Material's instant navigation: pages are set up through `document$` (or on a plain load
 * where it is absent) and every event is delegated from `document`, so nothing is bound to
 * elements that a page change throws away. Scoring mirrors generator/scoring.py exactly.
 */
(() => {
  "use strict";
  const config = window.PLAYBOOK_CONFIG || {};
  const strings = config.strings || {};
  const VERSION = 5; // of what is stored; generator/ui.py's STORAGE_VERSION
  // Sites on one origin (project pages of one account, say) share local storage: keys carry
  // the site's root path, as Material's own do (__md_scope), the playbook's name and VERSION.
  const SCOPE = window.__md_scope instanceof URL ? window.__md_scope.pathname : "/";
  const BASE = `playbook:${SCOPE}${config.site || "site"}:v`;
  const PREFIX = `${BASE}${VERSION}:`;
  const FORMAT = "playbook-progress";
  // Bounds of an import file, checked before anything is written; an export of a whole
  // playbook is a few KB and a few dozen entries.
  const MAX_IMPORT = 5 * 1024 * 1024; // bytes
  const MAX_ENTRIES = 2000;
  // Bounds of one entry, stored or imported: ticked items of a checklist, answers of an
  // assessment, dimensions of a saved result; saved health check results (saving more drops
  // the oldest).
  const MAX_IDS = 1000;
  const MAX_RESULTS = 1000;
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const MAX_NAME = 80; // who a result is about, a team's name
  const MAX_TEAM_TEXT = 100000; // the team page's pasted codes
  const MAX_MEMBERS = 10000;

  /* Stored and imported data are looked up by their own properties only: an id such as
   * "constructor" is not found on a fresh reader's empty object. */
  const has = (object, key) => Object.hasOwn(object, key);
  const get = (object, key) => (has(object, key) ? object[key] : undefined);

  /* Text: "{done} of {total} done" with values filled in. */
  const t = (key, values = {}) =>
    (strings[key] || key).replace(/\{(\w+)\}/g, (whole, name) =>
      has(values, name) ? String(values[name]) : whole);
  const number = (n) => n.toLocaleString(document.documentElement.lang || undefined);
  const clip = (text) => (text.length > 40 ? `${text.slice(0, 39)}…` : text); // shown in a message

  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "text") node.textContent = value;
      else if (value !== false && value != null) node.setAttribute(name, value === true ? "" : value);
    }
    node.append(...children.filter((child) => child != null));
    return node;
  };

  /* ---- Scoring: the same arithmetic as generator/scoring.py ---- */
  const points = (value, min, max, reverse) => (reverse ? min + max - value : value) - min;
  const percent = (total, most) => Math.floor((200 * total + most) / (2 * most));
  const score = (questions, answers, min, max) => {
    let total = 0;
    for (const q of questions) {
      const value = get(answers, q.id);
      if (!Number.isInteger(value) || value < min || value > max) return null;
      total += points(value, min, max, q.reverse);
    }
    return questions.length ? percent(total, (max - min) * questions.length) : null;
  };
  const bandFor = (bands, value) => bands.find((b) => b.min <= value && value <= b.max) || null;
  const weakest = (scores) => {
    const lowest = Math.min(...scores.map((s) => s.score));
    return scores.filter((s) => s.score === lowest);
  };

  /* ---- Storage: local storage when the browser allows it, memory for this visit otherwise ---- */
  const memory = new Map();
  let local = null;
  let damaged = false;
  let discarded = false; // an older version's entry could not be carried over
  let newer = false; // a newer version of the site stored something this one cannot read
  let refused = false; // something was too large to keep, and was not saved
  try {
    const probe = `${PREFIX}probe`;
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    local = window.localStorage;
  } catch (error) {
    local = null;
  }
  const persistent = () => local !== null;
  const storedKeys = () => {
    const keys = new Set(memory.keys());
    if (local) {
      for (let i = 0; i < local.length; i += 1) {
        const key = local.key(i);
        if (key && key.startsWith(PREFIX)) keys.add(key.slice(PREFIX.length));
      }
    }
    return [...keys].sort();
  };
  const rawGet = (key) => (local ? local.getItem(PREFIX + key) : memory.get(key) ?? null);
  const remove = (key) => {
    memory.delete(key);
    if (local) local.removeItem(PREFIX + key);
  };
  /* Throws when local storage refuses (quota exceeded, storage withdrawn); nothing changes then. */
  const put = (key, text) => (local ? local.setItem(PREFIX + key, text) : memory.set(key, text));
  const store = (key, text) => {
    try {
      put(key, text);
    } catch (error) {
      // Keep everything in memory for the rest of the visit.
      for (const other of storedKeys()) memory.set(other, rawGet(other));
      memory.set(key, text);
      local = null;
      notices();
    }
  };
  /* Every key is KIND:OWNER, its kind named after what it belongs to (a practice, the health
   * check, the team page), so that no practice's id can ever name another kind's entry. */
  const checklistOf = (practice) => `practice-checklist:${practice}`;
  const answersOf = (practice) => `practice-answers:${practice}`;
  const HEALTH_ANSWERS = "health-answers:health";
  const HEALTH_HISTORY = "health-history:health";
  const TEAM_CODES = "team-codes:health";
  const TEAM_HISTORY = "team-history:health";
  const CHANGED = ["practice-checklist", "practice-answers", "health-answers", "team-codes"]; // the kinds that keep when they changed
  /* Stores `value` under `key` only if reading it back would accept it (the shapes and bounds
   * below): what is written is never later discarded as damaged. False, with a notice, if not. */
  const write = (key, value) => {
    const entry = CHANGED.includes(key.split(":")[0]) ? { ...value, changed: new Date().toISOString() } : value;
    if (!validEntry(key, entry)) {
      refused = true;
      notices();
      return false;
    }
    store(key, JSON.stringify(entry));
    return true;
  };

  /* Each stored key's shape, exactly (no other properties), within bounds; anything else is
   * damaged and is discarded. */
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const isScore = (value) => Number.isInteger(value) && value >= 0 && value <= 100;
  const isId = (value) => typeof value === "string" && SLUG.test(value);
  const only = (value, names) => isObject(value) && Object.keys(value).sort().join() === names;
  /* Exactly the properties `names`, with those of `optional` or without them. */
  const within = (value, names, optional) => isObject(value) &&
    only(Object.fromEntries(Object.entries(value).filter(([k]) => !optional.includes(k))), names);
  const list = (value, most, valid) => Array.isArray(value) && value.length <= most && value.every(valid);
  const idMap = (value, valid) => isObject(value) && Object.keys(value).length <= MAX_IDS &&
    Object.entries(value).every(([id, n]) => isId(id) && valid(n));
  const isDate = (value) => typeof value === "string" && value.length <= 40 && !Number.isNaN(Date.parse(value));
  const isName = (value) => typeof value === "string" && value.length <= MAX_NAME;
  const isMedian = (value) => Number.isInteger(2 * value) && value >= 0 && value <= 100; // halves
  const isAnswers = (v) => within(v, "answers", ["changed"]) && idMap(v.answers, Number.isInteger) &&
    (!has(v, "changed") || isDate(v.changed));
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
    "team-history": (v) => only(v, "results") && list(v.results, MAX_RESULTS, (r) =>
      only(r, "count,date,dimensions,name") && isName(r.name) && r.name.trim() !== "" &&
      isDate(r.date) && Number.isInteger(r.count) && r.count >= 1 && r.count <= MAX_MEMBERS &&
      idMap(r.dimensions, isMedian)),
  };
  const validEntry = (key, value) => {
    const [kind, owner, extra] = key.split(":");
    return extra === undefined && isId(owner) && has(SHAPES, kind) && SHAPES[kind](value);
  };
  const read = (key, fallback) => {
    const text = rawGet(key);
    if (text === null) return fallback;
    try {
      const value = JSON.parse(text);
      if (validEntry(key, value)) return value;
    } catch (error) {
      /* falls through: damaged */
    }
    remove(key);
    damaged = true;
    notices();
    return fallback;
  };

  /* ---- Older versions' data. UPGRADES[N] takes an entry of version N to N + 1, or to null ---- */
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
      ? { results: v.results.map((r) => (isObject(r) ? { about: "", ...r } : r)) } : v),
    // Ticks, answers and team codes say when they were made: as of `when`, the moment they are
    // carried over (or the export file's date), which is when they were last known to hold.
    3: (kind, v, when) => {
      if (!isObject(v) || !["checklist", "answers", "team"].includes(kind)) return v;
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
  const RENAMED = {
    checklist: "practice-checklist",
    answers: "practice-answers",
    history: "health-history",
    team: "team-codes",
    teamhistory: "team-history",
  };
  const renamed = (key) => {
    const [kind, owner] = key.split(":");
    if (kind === "answers" && owner === "health") return HEALTH_ANSWERS;
    return has(RENAMED, kind) ? `${RENAMED[kind]}:${owner}` : key;
  };
  /* The entry `value` stored under `key` by version `from`, as this version stores it: its
   * key and value, or null if it cannot be carried over. `when` is the date an upgrade gives
   * what had none. */
  const upgrade = (key, value, from, when = new Date().toISOString()) => {
    for (let version = from; version < VERSION; version += 1) {
      value = value != null && UPGRADES[version] ? UPGRADES[version](key.split(":")[0], value, when) : null;
      if (version === 4) key = renamed(key);
    }
    return value != null && validEntry(key, value) ? { key, value } : null;
  };
  /* Older versions' keys of this site move to this version's; a newer version's stay as they
   * are, for an older copy of the site may be in use. Safe to run again: nothing old is left. */
  const migrate = () => {
    discarded = newer = false;
    const old = [];
    for (let i = 0; local && i < local.length; i += 1) {
      const key = local.key(i) || "";
      const match = key.startsWith(BASE) && /^(\d+):(.+)$/.exec(key.slice(BASE.length));
      if (match && Number(match[1]) > VERSION) newer = true;
      else if (match && Number(match[1]) < VERSION) old.push([key, match[2], Number(match[1])]);
    }
    for (const [oldKey, key, version] of old) {
      if (!local) return; // storage failed while writing: the old entries stay for next time
      let carried = null;
      try {
        carried = upgrade(key, JSON.parse(local.getItem(oldKey)), version);
      } catch (error) {
        /* damaged */
      }
      // Carried over as it is, dates included (an entry already under VERSION wins).
      if (carried === null) discarded = true;
      else if (rawGet(carried.key) === null) store(carried.key, JSON.stringify(carried.value));
      if (local) local.removeItem(oldKey);
    }
  };

  /* ---- Notices, status messages ---- */
  const notices = () => {
    const host = document.querySelector(".md-content__inner") || document.body;
    if (!document.querySelector("[data-pb]")) return;
    let box = host.querySelector(".pb-notices");
    if (!box) {
      box = el("div", { class: "pb-notices", role: "status" });
      const heading = host.querySelector("h1");
      if (heading) heading.after(box);
      else host.prepend(box);
    }
    const wanted = [];
    if (!persistent()) wanted.push(t("storage_unavailable"));
    if (damaged) wanted.push(t("storage_damaged"));
    if (discarded) wanted.push(t("storage_migrated_discarded"));
    if (newer) wanted.push(t("storage_newer"));
    if (refused) wanted.push(t("storage_refused"));
    box.replaceChildren(...wanted.map((text) => el("p", { class: "pb-notice", text })));
    box.hidden = wanted.length === 0;
  };
  const status = (node, text) => {
    node.textContent = "";
    // A fresh text node after a tick makes screen readers announce a repeated message again.
    window.setTimeout(() => { node.textContent = text; }, 50);
  };
  const after = (anchor, className, make) => {
    let node = anchor.nextElementSibling;
    if (!node || !node.classList.contains(className)) {
      node = make();
      anchor.after(node);
    }
    return node;
  };
  const progressBar = (done, total, label) =>
    el("progress", { value: done, max: total || 1, "aria-label": label });

  /* ---- Checklists ---- */
  const EMPTY_CHECKLIST = { done: [], at: {} };
  /* Whether a tick made at `iso` still counts now: a daily item's until the end of its day, a
   * weekly item's until the end of its week (Monday to Sunday, in the reader's time zone); any
   * other item's for good. */
  const periodStart = (cadence, now) => {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    if (cadence === "weekly") day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
    return day;
  };
  const current = (cadence, iso, now = new Date()) =>
    !["daily", "weekly"].includes(cadence) || iso === undefined || new Date(iso) >= periodStart(cadence, now);
  /* The item ids whose ticks count now, of a stored checklist and the items' cadences. */
  const ticked = (entry, cadences) => new Set(entry.done.filter((id) => current(get(cadences, id), get(entry.at || {}, id))));
  const checklistKey = (form) => checklistOf(form.dataset.practice);
  const cadencesOf = (form) => Object.fromEntries([...form.querySelectorAll("input[data-item]")]
    .map((box) => [box.dataset.item, box.dataset.cadence]));
  /* The link to a form at the top of its practice page says what the form's own status says. */
  const showAtJump = (kind, text) => {
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

  /* ---- Self-assessments (practice pages) and the health check share question handling ---- */
  const questionsIn = (root) => [...root.querySelectorAll("fieldset[data-question]")].map((f) => ({
    id: f.dataset.question,
    reverse: f.dataset.reverse === "true",
    fieldset: f,
  }));
  const syncAnswers = (root, answers) => {
    for (const q of questionsIn(root)) {
      for (const radio of q.fieldset.querySelectorAll("input[type=radio]")) {
        radio.checked = get(answers, q.id) === Number(radio.value);
      }
    }
  };
  const scaleOf = (node) => [Number(node.dataset.scaleMin), Number(node.dataset.scaleMax)];
  /* A statement left out above the last one answered is marked "Not answered yet"; while any
   * is unanswered, the count line offers a way to the first of them. */
  const markUnanswered = (questions, answers, line) => {
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
  const bandsOf = (practice) => [...document.querySelectorAll(
    `.pb-bands[data-practice="${practice}"] .pb-band`)].map((section) => ({
    id: section.dataset.band,
    min: Number(section.dataset.min),
    max: Number(section.dataset.max),
    section,
  }));

  const renderAssessment = (form) => {
    const practice = form.dataset.practice;
    const stored = read(answersOf(practice), { answers: {} });
    syncAnswers(form, stored.answers);
    const questions = questionsIn(form);
    const answered = questions.filter((q) => has(stored.answers, q.id)).length;
    const [min, max] = scaleOf(form);
    const value = score(questions, stored.answers, min, max);
    const panel = after(form, "pb-result", () => el("div", { class: "pb-result" },
      el("p", { class: "pb-count", role: "status" }, el("span", { class: "pb-result__count" })),
      el("div", { class: "pb-result__live", "aria-live": "polite" }),
      el("button", { type: "button", class: "pb-button pb-button--quiet", "data-pb-action": "reset-answers",
        text: t("clear_answers") })));
    const count = t("answered", { answered, total: questions.length });
    panel.querySelector(".pb-result__count").textContent = count;
    showAtJump("assessment", value === null ? count : t("score", { score: value }));
    markUnanswered(questions, stored.answers, panel.querySelector(".pb-count"));
    const live = panel.querySelector(".pb-result__live");
    const bands = bandsOf(practice);
    for (const band of bands) band.section.classList.remove("pb-band--current");
    const band = value === null ? null : bandFor(bands, value);
    if (!band) {
      live.replaceChildren();
      panel.dataset.score = "";
      return;
    }
    band.section.classList.add("pb-band--current");
    if (panel.dataset.score !== `${value}:${band.id}:${JSON.stringify(stored.answers)}`) {
      panel.dataset.score = `${value}:${band.id}:${JSON.stringify(stored.answers)}`;
      live.replaceChildren(resultCard(value, band, bands, questions, stored.answers, min, max));
    }
  };
  /* The band's own rendered advice, without its lead ("45–74: Building the habit."), and the
   * links it gives ("See: ..."). */
  const bandParts = (section) => {
    const advice = section.querySelector(".pb-md").cloneNode(true);
    const lead = advice.querySelector("p > strong:first-child");
    if (lead && lead.parentElement === advice.firstElementChild) {
      const rest = lead.nextSibling;
      if (rest && rest.nodeType === Node.TEXT_NODE) rest.textContent = rest.textContent.replace(/^\s+/, "");
      lead.remove();
      if (!advice.firstElementChild.textContent.trim() && !advice.firstElementChild.children.length) {
        advice.firstElementChild.remove();
      }
    }
    const see = section.querySelector(".pb-band__see");
    return { advice, see: see ? see.cloneNode(true) : null };
  };
  /* A band's place among the bands, lowest first: its colour (its label says it in words). */
  const bandTone = (bands, band) => {
    const order = [...bands].sort((a, b) => a.min - b.min);
    const index = order.indexOf(band);
    return index === 0 && order.length > 1 ? "low" : index === order.length - 1 ? "high" : "mid";
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
  const nextStep = (questions, answers, min, max) => {
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
  const scoreLine = (key, value, className) => {
    const [before, ...rest] = (strings[key] || key).split("{score}");
    const words = (text) => text.trim() && el("span", { class: "pb-card__words", text });
    return el("p", { class: `pb-card__score ${className}` },
      words(before), el("span", { class: "pb-card__value", text: number(value) }),
      rest.length ? words(rest.join("{score}")) : null);
  };
  const resultCard = (value, band, bands, questions, answers, min, max) => {
    const { advice, see } = bandParts(band.section);
    const badge = el("span", { class: `pb-badge pb-badge--${bandTone(bands, band)}` },
      el("span", { class: "pb-badge__label", text: band.section.dataset.label }),
      el("span", { class: "pb-badge__range", text: ` ${band.min}–${band.max}` }));
    return el("section", { class: "pb-card", "data-band": band.id, "aria-label": t("score", { score: value }) },
      el("div", { class: "pb-card__headline" }, scoreLine("score", value, "pb-result__score"), badge),
      el("div", { class: "pb-card__advice" }, advice),
      nextStep(questions, answers, min, max),
      see && el("p", { class: "pb-card__links" }, ...see.childNodes));
  };
  const saveAnswer = (key, radio) => {
    const stored = read(key, { answers: {} });
    const fieldset = radio.closest("fieldset[data-question]");
    const answers = { ...stored.answers, [fieldset.dataset.question]: Number(radio.value) };
    write(key, { answers });
  };

  /* ---- Health check ---- */
  const healthState = (check) => {
    const [min, max] = scaleOf(check);
    const answers = read(HEALTH_ANSWERS, { answers: {} }).answers;
    const dimensions = [...document.querySelectorAll(".pb-dimension[data-dimension]")].map((d) => {
      const questions = questionsIn(d);
      return {
        id: d.dataset.dimension,
        title: d.dataset.title || d.dataset.dimension,
        node: d,
        questions,
        score: score(questions, answers, min, max),
      };
    });
    const all = dimensions.flatMap((d) => d.questions);
    return {
      answers,
      dimensions,
      total: all.length,
      answered: all.filter((q) => has(answers, q.id)).length,
      overall: score(all, answers, min, max),
    };
  };
  const formatDate = (iso) => new Date(iso).toLocaleDateString(
    document.documentElement.lang || undefined, { year: "numeric", month: "long", day: "numeric" });
  const signed = (n) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "±0");
  const formatDateTime = (iso) => new Date(iso).toLocaleString(document.documentElement.lang || undefined,
    { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
  /* A change as "↑ +8 (up 8)": the arrow is decoration, the words say it. */
  const changeBadge = (n) => el("span", { class: `pb-change pb-change--${n > 0 ? "up" : n < 0 ? "down" : "none"}` },
    el("span", { "aria-hidden": "true", text: n > 0 ? "↑ " : n < 0 ? "↓ " : "→ " }),
    `${signed(n)} (${n > 0 ? t("change_up", { points: n }) : n < 0 ? t("change_down", { points: -n }) : t("change_none")})`);

  const SVG = "http://www.w3.org/2000/svg";
  const svg = (tag, attributes = {}) => {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  };
  /* Words of a label in lines of at most `most` characters (a longer word stays whole). */
  const wrap = (text, most) => text.split(/\s+/).reduce((lines, word) => {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= most) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
    return lines;
  }, []);
  /* The labels' size: 0.85em of the text around the chart (playbook.css), in CSS pixels, for
   * the chart is drawn at the width it is shown at. */
  const labelSize = () => {
    const text = document.querySelector(".md-content .md-typeset p") || document.body;
    return Math.round(8.5 * (parseFloat(getComputedStyle(text).fontSize) || 16)) / 10;
  };
  /* A radar chart for three or more dimensions, bars otherwise; drawn here, no library, at
   * `width` (the width it will be shown at, so that its labels keep their size on a phone).
   * `dimensions` are {id, title, score}; `previous` maps dimension ids to an earlier score;
   * `range` ({low, high}, maps of ids) draws the band from lowest to highest. */
  const chart = (dimensions, previous, { label, range, width: shown, font: FONT = 14 } = {}) => {
    const width = Math.round(Math.max(280, Math.min(600, shown || 600)));
    const LINE = Math.round(FONT * 1.25);
    const n = dimensions.length;
    const aria = label || dimensions.map((d) => t("dimension_score", { title: d.title, score: d.score })).join("; ");
    const text = (x, y, lines, anchor) => {
      const node = svg("text", { x: x.toFixed(1), y: y.toFixed(1), "text-anchor": anchor });
      lines.forEach((line, i) => {
        const span = svg("tspan", { x: x.toFixed(1), dy: i ? LINE : 0 });
        span.textContent = line;
        node.append(span);
      });
      return node;
    };
    if (n < 3) {
      const bar = width - 40;
      const root = svg("svg", { viewBox: `0 0 ${width} ${40 + n * 64}`, "data-width": width, "font-size": FONT, class: "pb-chart", role: "img", "aria-label": aria });
      dimensions.forEach((d, i) => {
        const y = 36 + i * 64;
        root.append(svg("rect", { x: 20, y, width: bar, height: 24, class: "pb-chart__grid" }));
        if (range) {
          const [low, high] = [get(range.low, d.id), get(range.high, d.id)];
          root.append(svg("rect", { x: 20 + (bar * low) / 100, y, width: (bar * (high - low)) / 100,
            height: 24, class: "pb-chart__range" }));
        }
        if (previous && has(previous.dimensions, d.id)) {
          const x = 20 + (bar * previous.dimensions[d.id]) / 100;
          root.append(svg("line", { x1: x, y1: y - 4, x2: x, y2: y + 28, class: "pb-chart__previous" }));
        }
        root.append(svg("rect", { x: 20, y: range ? y + 8 : y, width: (bar * d.score) / 100,
          height: range ? 8 : 24, class: "pb-chart__area" }));
        root.append(text(20, y - 8, [`${d.title}: ${number(d.score)}`], "start"));
      });
      return root;
    }
    // Room for a label on either side, and its words wrapped to fit that room.
    const side = width < 480 ? Math.round(width * 0.27) : 170;
    const most = Math.max(8, Math.floor(side / (FONT * 0.56)));
    const labels = dimensions.map((d) => wrap(`${d.title} ${number(d.score)}`, most));
    const radius = Math.max(60, Math.min(120, (width - 2 * side - 24) / 2));
    const tall = Math.max(...labels.map((lines) => lines.length));
    const [cx, cy] = [width / 2, radius + tall * LINE + 14];
    const height = Math.round(2 * cy);
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, "data-width": width, "font-size": FONT, class: "pb-chart", role: "img", "aria-label": aria });
    const at = (i, value) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
      const r = (radius * value) / 100;
      return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
    };
    const ring = (values) => values.map((v, i) => at(i, v).map((c) => c.toFixed(1)).join(",")).join(" ");
    const polygon = (values, className) => svg("polygon", { class: className, points: ring(values) });
    for (const step of [25, 50, 75, 100]) root.append(polygon(dimensions.map(() => step), "pb-chart__grid"));
    dimensions.forEach((d, i) => {
      const [x, y] = at(i, 100);
      root.append(svg("line", { x1: cx, y1: cy, x2: x.toFixed(1), y2: y.toFixed(1), class: "pb-chart__grid" }));
      const [lx, ly] = at(i, 100 + 1200 / radius);
      const lines = labels[i];
      const anchor = Math.abs(lx - cx) < 1 ? "middle" : lx > cx ? "start" : "end";
      // Above the top, below the bottom, centred on the side.
      const top = ly < cy - 1 && anchor === "middle" ? ly - (lines.length - 1) * LINE - 4
        : ly > cy + 1 && anchor === "middle" ? ly + FONT
          : ly - ((lines.length - 1) * LINE) / 2 + FONT / 3;
      root.append(text(lx, top, lines, anchor));
    });
    if (range) {
      // The band between the lowest and the highest answers: the outer ring less the inner one.
      const path = (values) => `M${ring(values).replace(/ /g, " L")} Z`;
      root.append(svg("path", { class: "pb-chart__range", "fill-rule": "evenodd",
        d: `${path(dimensions.map((d) => get(range.high, d.id)))} ${path(dimensions.map((d) => get(range.low, d.id)))}` }));
    }
    if (previous) root.append(polygon(dimensions.map((d) => get(previous.dimensions, d.id) ?? 0), "pb-chart__previous"));
    root.append(polygon(dimensions.map((d) => d.score), "pb-chart__area"));
    return root;
  };
  const legend = (...entries) => el("ul", { class: "pb-legend" }, ...entries.filter(Boolean).map(([kind, text]) =>
    el("li", {}, el("span", { class: `pb-legend__swatch pb-legend__swatch--${kind}`, "aria-hidden": "true" }), text)));

  const practiceLinks = (dimension) => {
    const links = document.querySelector(`.pb-dimension__practices[data-dimension="${dimension.id}"]`);
    return links ? [...links.querySelectorAll("a")].map((a) => a.cloneNode(true)) : [];
  };
  const recommendation = (d, text) => {
    const item = el("li", { "data-dimension": d.id }, text);
    practiceLinks(d).forEach((a, i) => item.append(i ? ", " : "", a));
    return item;
  };
  /* Names are compared as a person would: spaces around them and case do not matter. */
  const sameName = (a, b) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
  /* The names used before, offered while typing (a datalist after `input`). */
  const nameList = (input, id, names) => {
    const list = el("datalist", { id }, ...[...new Set(names.filter((n) => n.trim()))]
      .map((value) => el("option", { value })));
    const old = document.getElementById(id);
    if (old) old.replaceWith(list);
    else input.after(list);
  };
  const field = (id, label, hint, attributes = {}) => el("div", { class: "pb-field" },
    el("label", { for: id, text: label }),
    el("input", { type: "text", id, maxlength: MAX_NAME, autocomplete: "off", "aria-describedby": `${id}_hint`, ...attributes }),
    el("p", { class: "pb-hint", id: `${id}_hint`, text: hint }));

  /* ---- Team codes: the same format as generator/team.py ---- */
  const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
  const REFUSED = { // why a pasted line is not read (generator/team.py's REASONS)
    format: () => t("team_refused_format"),
    check: () => t("team_refused_check"),
    version: () => t("team_refused_version"),
    fit: () => t("team_refused_fit"),
  };
  const CODE = /^([0-9a-z]{4})-([0-9a-z]{1,1000})-([0-9a-z]{4})$/;
  const base36 = (n, width) => n.toString(36).padStart(width, "0");
  /* FNV-1a over the code's first two parts (32 bits), as four base-36 characters. */
  const checkOf = (text) => {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i += 1) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return base36(hash % 36 ** 4, 4);
  };
  /* `questions` in page order, `values` the scale's point values lowest first. */
  const encodeTeam = (version, questions, values, answers) => {
    const head = `${version}-${questions.map((q) => DIGITS[values.indexOf(get(answers, q.id))]).join("")}`;
    return `${head}-${checkOf(head)}`;
  };
  const normaliseCode = (line) => {
    let text = line.trim();
    if (text.includes("#code=")) text = text.slice(text.lastIndexOf("#code=") + 6);
    return text.split(/\s+/).join("").toLowerCase();
  };
  /* {answers} of one pasted line, or {reason} it is refused (team_refused_<reason>). */
  const decodeTeam = (line, team) => {
    const match = CODE.exec(normaliseCode(line));
    if (!match) return { reason: "format" };
    if (checkOf(`${match[1]}-${match[2]}`) !== match[3]) return { reason: "check" };
    if (match[1] !== team.version) return { reason: "version" };
    const questions = team.dimensions.flatMap((d) => d.questions);
    const positions = [...match[2]].map((c) => DIGITS.indexOf(c));
    if (positions.length !== questions.length || Math.max(...positions) >= team.points.length) return { reason: "fit" };
    return { answers: Object.fromEntries(questions.map((q, i) => [q.id, team.points[positions[i]].value])) };
  };
  /* The position of the scale point nearest to a score's average answer (ties go up). */
  const scalePoint = (value, points) => {
    const lowest = points[0].value;
    const span = points[points.length - 1].value - lowest;
    const distances = points.map((p) => Math.abs(100 * (p.value - lowest) - value * span));
    return distances.lastIndexOf(Math.min(...distances));
  };
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  };

  /* ---- The health check: one reader's answers about one relationship ---- */
  const renderHealth = (check) => {
    const state = healthState(check);
    syncAnswers(document, state.answers);
    const history = read(HEALTH_HISTORY, { results: [] }).results;
    if (!check.querySelector(".pb-health__live")) {
      const about = field("pb_about", t("about_label"), t("about_hint"), { list: "pb_about_names" });
      about.querySelector("input").value = history.length ? history[history.length - 1].about : "";
      check.replaceChildren(
        el("p", { class: "pb-count", role: "status" }, el("span", { class: "pb-health__count" })),
        el("div", { class: "pb-health__live", "aria-live": "polite" }),
        about,
        el("div", { class: "pb-health__actions" },
          el("button", { type: "button", class: "md-button md-button--primary pb-button",
            "data-pb-action": "save-health", text: t("save_result") }),
          el("button", { type: "button", class: "pb-button pb-button--quiet", "data-pb-action": "reset-answers",
            "data-owner": "health", text: t("clear_answers") }),
          el("span", { class: "pb-status", role: "status" })),
        el("div", { class: "pb-share", hidden: true }),
        el("div", { class: "pb-history" }));
    }
    const aboutInput = check.querySelector("#pb_about");
    const about = aboutInput.value;
    nameList(aboutInput, "pb_about_names", history.map((r) => r.about));
    // Compare with the latest saved result about the same one, or the one before it when that
    // is this very result.
    const mine = history.filter((r) => sameName(r.about, about));
    const same = (r) => r && r.overall === state.overall &&
      state.dimensions.every((d) => get(r.dimensions, d.id) === d.score);
    const last = same(mine[mine.length - 1]) ? mine[mine.length - 2] : mine[mine.length - 1];
    check.querySelector(".pb-health__count").textContent =
      t("answered", { answered: state.answered, total: state.total });
    markUnanswered(state.dimensions.flatMap((d) => d.questions), state.answers, check.querySelector(".pb-count"));
    const complete = state.overall !== null;
    check.querySelector("[data-pb-action=save-health]").disabled = !complete;
    const live = check.querySelector(".pb-health__live");
    const signature = complete ? JSON.stringify([state.dimensions.map((d) => d.score), last]) : "";
    if (live.dataset.signature !== signature) {
      live.dataset.signature = signature;
      live.replaceChildren();
      if (complete) {
        live.append(healthCard(check, state, last));
        // Drawn again at the width the card gives it, so its labels keep their size.
        const figure = live.querySelector(".pb-health__chart");
        const drawn = figure.querySelector("svg");
        if (Math.abs(figure.clientWidth - Number(drawn.dataset.width)) > 2) {
          drawn.replaceWith(chart(state.dimensions, last, { width: figure.clientWidth, font: labelSize() }));
        }
      }
    }
    renderShare(check, state, complete);
    // Newest first, with date and time (two saves on one day differ); each change once, as an
    // arrow, a signed number and words, so it never rests on colour alone.
    const items = history.map((r, i) => {
      const before = history.slice(0, i).filter((b) => sameName(b.about, r.about)).pop();
      const item = el("li", { text: t("history_item", { date: formatDateTime(r.date),
        about: r.about || t("history_unnamed"), score: r.overall }) });
      if (before) item.append(" ", changeBadge(r.overall - before.overall));
      return item;
    }).reverse();
    check.querySelector(".pb-history").replaceChildren(el("h3", { text: t("history_title") }),
      items.length ? el("ul", { class: "pb-history__list" }, ...items) : el("p", { text: t("history_empty") }));
  };
  /* The health check's result card: the overall score large, the change since the last saved
   * result about the same one (its date said once), the chart with its key and a table, and
   * the next step from the weakest dimension's lowest answers. */
  const healthCard = (check, state, last) => {
    const [min, max] = scaleOf(check);
    const date = last ? formatDateTime(last.date) : "";
    const card = el("section", { class: "pb-card pb-card--health", "aria-label": t("overall", { score: state.overall }) },
      el("div", { class: "pb-card__headline" }, scoreLine("overall", state.overall, "pb-health__overall")));
    if (last) {
      card.append(el("p", { class: "pb-card__compared" }, changeBadge(state.overall - last.overall), " ",
        last.about ? t("compared_last", { about: last.about }) : t("compared_last_unnamed")));
    }
    card.append(el("figure", { class: "pb-health__chart" },
      chart(state.dimensions, last, { width: check.clientWidth, font: labelSize() }),
      legend(["this", t("legend_this", { date: formatDate(new Date().toISOString()) })],
        last && ["previous", t("legend_last", { date })])));
    const headers = [t("health_col_dimension"), t("health_col_this"), ...(last ? [t("health_col_last"), t("health_col_change")] : [])];
    const rows = state.dimensions.map((d) => {
      const before = last && has(last.dimensions, d.id) ? last.dimensions[d.id] : null;
      return el("tr", { "data-dimension": d.id },
        el("th", { scope: "row", text: d.title }),
        el("td", { class: "pb-health__score", text: number(d.score) }),
        ...(last ? [el("td", { class: "pb-health__before", text: before === null ? "–" : number(before) }),
          el("td", { class: "pb-health__change" }, before === null ? "–" : changeBadge(d.score - before))] : []));
    });
    card.append(el("div", { class: "pb-table-wrap", tabindex: "0", role: "region", "aria-label": t("health_table_caption") },
      el("table", { class: "pb-health__scores" },
        el("caption", { text: t("health_table_caption") }),
        el("thead", {}, el("tr", {}, ...headers.map((text) => el("th", { scope: "col", text })))),
        el("tbody", {}, ...rows))));
    const weak = weakest(state.dimensions);
    const next = el("div", { class: "pb-card__next" },
      el("p", { class: "pb-card__heading", text: t("next_step") }),
      el("p", { class: "pb-health__weakest", text: t("health_weakest", {
        titles: weak.map((d) => d.title).join(", "), score: number(weak[0].score) }) }));
    const step = nextStep(weak.flatMap((d) => d.questions), state.answers, min, max);
    if (step) next.append(...[...step.children].slice(1));
    next.append(el("p", { class: "pb-health__start", text: t("recommend_intro") }),
      el("ul", { class: "pb-health__recommendations" },
        ...weak.map((d) => recommendation(d, t("recommend", { title: d.title })))));
    card.append(next);
    return card;
  };
  /* The member's team code, once every statement is answered, where the site has a team page. */
  const renderShare = (check, state, complete) => {
    const box = check.querySelector(".pb-share");
    const teamLink = document.querySelector(".pb-team-invite a");
    const version = check.dataset.teamVersion;
    if (!complete || !teamLink || !version) {
      box.hidden = true;
      return;
    }
    const questions = state.dimensions.flatMap((d) => d.questions);
    const values = [...questions[0].fieldset.querySelectorAll("input[type=radio]")].map((r) => Number(r.value));
    const code = encodeTeam(version, questions, values, state.answers);
    if (!box.firstChild) {
      box.append(
        el("h3", { text: t("team_share_title") }),
        el("p", { text: t("team_share_intro") }),
        el("label", { for: "pb_team_code", text: t("team_code_label") }),
        el("div", { class: "pb-share__row" },
          el("input", { type: "text", id: "pb_team_code", class: "pb-share__code", readonly: true, spellcheck: "false" }),
          el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "copy-code", text: t("team_copy") })),
        el("p", {}, el("a", { class: "pb-share__link", text: t("team_link") })),
        el("p", { class: "pb-share__status", role: "status" }));
    }
    box.querySelector("#pb_team_code").value = code;
    const url = new URL(teamLink.href);
    url.hash = `code=${code}`;
    box.querySelector(".pb-share__link").href = url.href;
    box.hidden = false;
  };
  const copyCode = async (button) => {
    const box = button.closest(".pb-share");
    const input = box.querySelector("#pb_team_code");
    let copied = false;
    try {
      await navigator.clipboard.writeText(input.value);
      copied = true;
    } catch (error) {
      input.focus();
      input.select();
      try {
        copied = document.execCommand("copy");
      } catch (failure) {
        copied = false;
      }
    }
    status(box.querySelector(".pb-share__status"), copied ? t("team_copied") : t("team_copy_failed"));
  };
  /* "Result saved" is true only until the answers (or whom they are about) change. */
  const clearSaved = (check) => {
    const node = check && check.querySelector(".pb-health__actions .pb-status");
    if (node) node.textContent = "";
  };
  const saveHealth = (check) => {
    const state = healthState(check);
    if (state.overall === null) return;
    const aboutInput = check.querySelector("#pb_about");
    const about = aboutInput.value.trim(); // may be left empty: "unnamed"
    const history = read(HEALTH_HISTORY, { results: [] }).results;
    const dimensions = Object.fromEntries(state.dimensions.map((d) => [d.id, d.score]));
    const result = { date: new Date().toISOString(), about, overall: state.overall, dimensions };
    write(HEALTH_HISTORY, { results: [...history, result].slice(-MAX_RESULTS) });
    renderHealth(check);
    status(check.querySelector(".pb-health__actions .pb-status"), t("saved"));
  };

  /* ---- The team page: members' codes read together ---- */
  const teamPicture = (team, text) => {
    const members = [];
    const refused = [];
    text.split("\n").forEach((line, index) => {
      if (!line.trim()) return;
      const read = decodeTeam(line, team);
      if (read.reason) refused.push({ line: index + 1, reason: read.reason });
      else members.push(read.answers);
    });
    const [min, max] = [team.points[0].value, team.points[team.points.length - 1].value];
    const dimensions = team.dimensions.map((d) => {
      const values = members.map((answers) => score(d.questions, answers, min, max));
      const counts = team.points.map(() => 0);
      for (const value of values) counts[scalePoint(value, team.points)] += 1;
      return values.length ? { id: d.id, title: d.title, score: median(values), low: Math.min(...values),
        high: Math.max(...values), counts } : { id: d.id, title: d.title };
    });
    return { count: members.length, refused, dimensions };
  };
  const renderTeam = (box) => {
    if (!box.querySelector("#pb_team_codes")) {
      const codes = el("textarea", { id: "pb_team_codes", rows: 6, spellcheck: "false", autocomplete: "off",
        maxlength: MAX_TEAM_TEXT,
        "aria-describedby": "pb_team_codes_hint", "data-pb-team-codes": true });
      codes.value = read(TEAM_CODES, { text: "" }).text;
      const name = field("pb_team_name", t("team_name_label"), t("team_name_hint"), { list: "pb_team_names" });
      box.replaceChildren(
        el("div", { class: "pb-field pb-team__input" },
          el("label", { for: "pb_team_codes", text: t("team_codes_label") }),
          el("p", { class: "pb-hint", id: "pb_team_codes_hint", text: t("team_codes_hint") }),
          codes),
        el("p", { class: "pb-status pb-team__added", role: "status" }),
        el("div", { class: "pb-team__result" }),
        el("div", { class: "pb-team__save", hidden: true },
          el("h3", { text: t("team_save_title") }), name,
          el("div", { class: "pb-health__actions" },
            el("button", { type: "button", class: "md-button md-button--primary pb-button",
              "data-pb-action": "save-team", text: t("team_save") }),
            el("span", { class: "pb-status", role: "status" }))),
        el("div", { class: "pb-team__history" }));
    }
    const codes = box.querySelector("#pb_team_codes");
    // A member's link carries the code after '#': add it to the codes once, and take it out of
    // the address (a bookmark or a shared screen should not show it).
    const hash = window.location.hash;
    if (hash.startsWith("#code=")) {
      const code = normaliseCode(hash); // the code's characters need no decoding
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
      // Within the box's own bound, as typing and pasting are: a longer text is not stored.
      const text = `${codes.value.replace(/\s+$/, "")}${codes.value.trim() ? "\n" : ""}${code}`;
      const known = codes.value.split("\n").some((line) => normaliseCode(line) === code);
      if (!known && text.length > MAX_TEAM_TEXT) {
        status(box.querySelector(".pb-team__added"), t("team_full"));
      } else {
        if (!known) {
          codes.value = text;
          write(TEAM_CODES, { text });
        }
        status(box.querySelector(".pb-team__added"), t("team_added"));
      }
    }
    updateTeam(box);
  };
  const updateTeam = (box) => {
    const team = JSON.parse(box.dataset.team);
    const picture = teamPicture(team, box.querySelector("#pb_team_codes").value);
    const history = read(TEAM_HISTORY, { results: [] }).results;
    const nameInput = box.querySelector("#pb_team_name");
    nameList(nameInput, "pb_team_names", history.map((r) => r.name));
    const last = history.filter((r) => sameName(r.name, nameInput.value)).pop();
    const result = box.querySelector(".pb-team__result");
    const signature = JSON.stringify([picture, last || null]);
    if (result.dataset.signature !== signature) {
      result.dataset.signature = signature;
      result.replaceChildren(...teamResult(team, picture, last, result.clientWidth));
    }
    box.querySelector(".pb-team__save").hidden = picture.count === 0;
    const items = history.map((r) => el("li", {
      text: t("team_history_item", { date: formatDate(r.date), name: r.name, count: number(r.count) }) }));
    box.querySelector(".pb-team__history").replaceChildren(el("h3", { text: t("team_history_title") }),
      items.length ? el("ul", {}, ...items.reverse()) : el("p", { text: t("team_history_empty") }));
  };
  const teamResult = (team, picture, last, width) => {
    const { count, refused, dimensions } = picture;
    const nodes = [el("p", { class: "pb-team__read", text: count ? t("team_read", { count: number(count) }) : t("team_none") })];
    if (refused.length) {
      nodes.push(el("ul", { class: "pb-team__refused" }, ...refused.map((r) =>
        el("li", { "data-line": r.line, text: t("team_refused_line", { line: r.line, reason: REFUSED[r.reason]() }) }))));
    }
    if (!count) return nodes;
    const shown = count >= team.threshold; // spreads, or one person's answers could be told
    if (count < 3) nodes.push(el("p", { class: "pb-notice pb-team__few", text: t("team_few") }));
    if (!shown) nodes.push(el("p", { class: "pb-notice pb-team__hidden", text: t("team_spread_hidden", { threshold: number(team.threshold) }) }));
    const ids = (key) => Object.fromEntries(dimensions.map((d) => [d.id, d[key]]));
    const label = [t("team_chart_label", { medians: dimensions.map((d) =>
      t("team_median_item", { title: d.title, median: number(d.score) })).join("; ") })];
    if (shown) {
      label.push(t("team_chart_range", { ranges: dimensions.map((d) =>
        t("team_range_item", { title: d.title, low: d.low, high: d.high })).join("; ") }));
    }
    nodes.push(el("figure", { class: "pb-team__chart" },
      chart(dimensions, last, { label: label.join(" "), range: shown ? { low: ids("low"), high: ids("high") } : null,
        width, font: labelSize() }),
      legend(["median", t("team_legend_median")], shown && ["range", t("team_legend_range")],
        last && ["previous", t("team_legend_previous", { date: formatDate(last.date) })])));
    if (last) nodes.push(el("p", { class: "pb-team__compared", text: t("team_compared", { name: last.name, date: formatDate(last.date) }) }));
    const headers = [t("team_col_dimension"), t("team_col_median"),
      ...(shown ? [t("team_col_range"), ...team.points.map((p) => t("team_col_point", { label: p.label }))] : []),
      ...(last ? [t("team_col_change", { date: formatDate(last.date) })] : [])];
    const rows = dimensions.map((d) => el("tr", { "data-dimension": d.id },
      el("th", { scope: "row", text: d.title }),
      el("td", { class: "pb-team__median", text: number(d.score) }),
      ...(shown ? [el("td", { class: "pb-team__range", text: t("team_range_value", { low: d.low, high: d.high }) }),
        ...d.counts.map((c) => el("td", { class: "pb-team__count", text: number(c) }))] : []),
      ...(last ? [el("td", { class: "pb-team__change",
        text: has(last.dimensions, d.id) ? signed(d.score - last.dimensions[d.id]) : "" })] : [])));
    nodes.push(el("div", { class: "pb-table-wrap", tabindex: "0", role: "region", "aria-label": t("team_table_caption") },
      el("table", { class: "pb-team__table" },
        el("caption", { text: t("team_table_caption") }),
        el("thead", {}, el("tr", {}, ...headers.map((text) => el("th", { scope: "col", text })))),
        el("tbody", {}, ...rows))));
    const weak = weakest(dimensions);
    const titles = (list) => list.map((d) => d.title).join(", ");
    nodes.push(el("p", { class: "pb-team__weakest", text: t("team_weakest", { titles: titles(weak), median: number(weak[0].score) }) }));
    let wide = [];
    if (shown) {
      const widest = Math.max(...dimensions.map((d) => d.high - d.low));
      wide = widest ? dimensions.filter((d) => d.high - d.low === widest) : [];
      nodes.push(wide.length
        ? el("p", { class: "pb-team__widest", text: t("team_widest", { titles: titles(wide), low: wide[0].low, high: wide[0].high }) })
        : el("p", { class: "pb-team__widest", text: t("team_agree") }));
    }
    const talk = [...new Set([...weak, ...wide])];
    nodes.push(el("p", { class: "pb-health__start", text: t("team_recommend_intro") }),
      el("ul", { class: "pb-team__recommendations" }, ...talk.map((d) => recommendation(d, t("recommend", { title: d.title })))));
    return nodes;
  };
  const saveTeam = (box) => {
    const team = JSON.parse(box.dataset.team);
    const picture = teamPicture(team, box.querySelector("#pb_team_codes").value);
    if (!picture.count) return;
    const nameInput = box.querySelector("#pb_team_name");
    const name = nameInput.value.trim();
    const statusNode = box.querySelector(".pb-team__save .pb-status");
    if (!name) {
      status(statusNode, t("team_name_needed"));
      nameInput.focus();
      return;
    }
    const history = read(TEAM_HISTORY, { results: [] }).results;
    const dimensions = Object.fromEntries(picture.dimensions.map((d) => [d.id, d.score]));
    const result = { date: new Date().toISOString(), name, count: picture.count, dimensions };
    write(TEAM_HISTORY, { results: [...history, result].slice(-MAX_RESULTS) });
    updateTeam(box);
    status(statusNode, t("team_saved"));
  };

  /* ---- Home: progress of every practice; the reader's data ---- */
  const renderOverview = (overview) => {
    if (!overview.querySelector("h3")) overview.prepend(el("h3", { text: t("progress_title") }));
    for (const item of overview.querySelectorAll("[data-practice]")) {
      const practice = item.dataset.practice;
      const total = Number(item.dataset.items);
      const done = ticked(read(checklistOf(practice), EMPTY_CHECKLIST), JSON.parse(item.dataset.repeat || "{}")).size;
      // Scored afresh, with this build's questions and bands: an edited assessment never shows
      // a stale result.
      const { questions, min, max, bands } = JSON.parse(item.dataset.assessment);
      const answers = read(answersOf(practice), { answers: {} }).answers;
      const value = score(questions, answers, min, max);
      const band = value === null ? null : bandFor(bands, value);
      const answered = questions.filter((q) => has(answers, q.id)).length;
      const count = Math.min(done, total);
      const text = t("progress", { done: count, total });
      const status = after(item.querySelector("a") || item.firstChild, "pb-overview__status",
        () => el("span", { class: "pb-overview__status" }));
      status.replaceChildren(" ", el("span", { class: "pb-overview__done", text }), progressBar(count, total, text), " ",
        el("span", { class: `pb-overview__score${band ? ` pb-overview__score--${bandTone(bands, band)}` : ""}`, text: band
          ? t("assessment_result", { score: value, band: band.label })
          : answered ? t("answered", { answered, total: questions.length }) : t("assessment_none") }));
    }
    // The health check: the last saved result, when and about whom.
    for (const item of overview.querySelectorAll("[data-health]")) {
      const last = read(HEALTH_HISTORY, { results: [] }).results.at(-1);
      const values = last && { score: last.overall, date: formatDate(last.date), about: last.about };
      const status = after(item.querySelector("a") || item.firstChild, "pb-overview__status",
        () => el("span", { class: "pb-overview__status" }));
      status.replaceChildren(" ", el("span", { class: "pb-overview__score", text: !last ? t("overview_health_none")
        : last.about ? t("overview_health_last", values) : t("overview_health_last_unnamed", values) }));
    }
    overview.hidden = false;
  };
  const setupData = (box) => {
    if (box.firstChild) return;
    const input = el("input", { type: "file", id: "pb-import", accept: ".json,application/json", "data-pb-import": true });
    box.append(
      el("h2", { text: t("data_title") }),
      el("p", { text: t("data_intro") }),
      el("div", { class: "pb-data__actions" },
        el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "export", text: t("export") }),
        el("label", { class: "md-button pb-button pb-import", for: "pb-import" }, t("import"), input),
        el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "clear-all", text: t("clear_all") })),
      el("p", { class: "pb-status", role: "status" }));
    box.hidden = false;
  };
  const dataStatus = (text) => {
    const node = document.querySelector(".pb-data .pb-status");
    if (node) status(node, text);
  };
  const exportData = () => {
    const entries = {};
    for (const key of storedKeys()) {
      const value = read(key, undefined);
      if (value !== undefined) entries[key] = value;
    }
    const payload = { format: FORMAT, version: VERSION, site: config.site, exported: new Date().toISOString(), entries };
    const blob = new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" });
    const link = el("a", { href: URL.createObjectURL(blob), download: `${config.site}-progress-${payload.exported.slice(0, 10)}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    dataStatus(t("exported", { count: number(Object.keys(entries).length) }));
  };
  /* The parsed file's entries (a Map), or the reason it cannot be used; nothing is written here.
   * Every entry is checked before anything is stored. */
  const checkImport = (text) => {
    let data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: t("import_not_json") };
    }
    const field = (name) => (isObject(data) ? get(data, name) : undefined);
    const [version, site, entries] = [field("version"), field("site"), field("entries")];
    if (field("format") !== FORMAT || !isObject(entries) || typeof site !== "string" ||
      !["number", "string"].includes(typeof version)) return { error: t("import_wrong_format") };
    if (!Number.isInteger(version) || version < 1 || version > VERSION) {
      return { error: t("import_version", { version: clip(String(version)) }) };
    }
    if (site !== config.site) return { error: t("import_other_site", { site: clip(site) }) };
    const keys = Object.keys(entries);
    if (keys.length > MAX_ENTRIES) {
      return { error: t("import_too_many", { count: number(keys.length), limit: number(MAX_ENTRIES) }) };
    }
    // An older file's entries are migrated; what had no date takes the file's.
    const exported = isDate(field("exported")) ? field("exported") : EPOCH;
    const checked = new Map();
    const latest = Date.now() + CLOCK_SKEW;
    for (const key of keys) {
      const carried = upgrade(key, entries[key], version, exported);
      if (!carried) return { error: t("import_damaged", { key: clip(key) }) };
      if (datesOf(carried.value).some((date) => Date.parse(date) > latest)) {
        return { error: t("import_future", { key: clip(key) }) };
      }
      checked.set(carried.key, carried.value);
    }
    return { entries: checked, exported };
  };
  /* Every date an entry holds: when it changed, when each item was ticked, each result's. */
  const datesOf = (entry) => [
    ...(has(entry, "changed") ? [entry.changed] : []),
    ...(has(entry, "at") ? Object.values(entry.at) : []),
    ...(has(entry, "results") ? entry.results.map((r) => r.date) : []),
  ];
  /* How far after this browser's clock a date in a file may be (the other computer's clock may
   * be ahead): a later one would always count as newer, and win every merge. */
  const CLOCK_SKEW = 24 * 60 * 60 * 1000;
  /* ---- Import: merged (the newer of each entry, saved results of both) or in place of all ---- */
  const EPOCH = "1970-01-01T00:00:00.000Z"; // the date of an entry whose date is not known
  const RESULTS = ["health-history", "team-history"];
  const KINDS = [ // how the import's question counts what a choice would change, by kind
    ["checklists", ["practice-checklist"], () => t("import_kind_checklists")],
    ["answers", ["practice-answers", "health-answers"], () => t("import_kind_answers")],
    ["team", ["team-codes"], () => t("import_kind_team")],
    ["results", RESULTS, () => t("import_kind_results")]];
  const changedAt = (entry) => Date.parse((entry && entry.changed) || EPOCH);
  const resultKey = (r) => JSON.stringify(r);
  /* Of the file's saved results under `key`, those a merge adds: those this browser does not
   * have, as many of the newest as fit beside every one of this browser's (which a merge never
   * drops). */
  const resultsAdded = (key, theirs) => {
    const ours = read(key, { results: [] }).results;
    const seen = new Set(ours.map(resultKey));
    const added = theirs.results.filter((r) => !seen.has(resultKey(r)));
    const room = Math.max(0, MAX_RESULTS - ours.length);
    return { ours, added: [...added].sort(byDate).slice(added.length - Math.min(room, added.length)) };
  };
  const byDate = (a, b) => Date.parse(a.date) - Date.parse(b.date);
  /* The merged entries: for a checklist, answers or team codes the newer of the two (this
   * browser's when they are as new), for saved results all of this browser's and those of the
   * file that fit, oldest first. */
  const merged = (entries) => {
    const result = new Map();
    for (const [key, theirs] of entries) {
      const ours = read(key, undefined);
      if (RESULTS.includes(key.split(":")[0])) {
        const { ours: kept, added } = resultsAdded(key, theirs);
        if (added.length) result.set(key, { results: [...kept, ...added].sort(byDate) });
      } else if (ours === undefined || changedAt(theirs) > changedAt(ours)) result.set(key, theirs);
    }
    return result;
  };
  /* Per kind: entries in the file, and of this browser's, how many a replace would lose (newer
   * here than in the file, or not in it; for saved results, those the file does not have). */
  const importPlan = (entries) => KINDS.map(([kind, prefixes, words]) => {
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
        left += theirs.results.filter((r) => !known.has(resultKey(r))).length - resultsAdded(key, theirs).added.length;
      } else file += 1;
    }
    for (const key of storedKeys().filter(of)) {
      const ours = read(key, undefined);
      if (ours === undefined) continue;
      const theirs = entries.get(key);
      if (RESULTS.includes(key.split(":")[0])) {
        const known = new Set(theirs ? theirs.results.map(resultKey) : []);
        newer += ours.results.filter((r) => !known.has(resultKey(r))).length;
      } else if (!theirs || changedAt(ours) > changedAt(theirs)) newer += 1;
    }
    return { kind, words, file, newer, left };
  }).filter((line) => line.file || line.newer);
  /* Stores `entries` in place of everything this site keeps (`others`: "remove"), or beside it
   * ("keep"); true if it could. When storage refuses one (quota), what was written is undone
   * and what was there before put back. */
  const writeAll = (entries, others = "keep") => {
    const before = new Map();
    for (const key of storedKeys()) {
      const text = rawGet(key);
      if (text !== null) before.set(key, text);
    }
    const written = [];
    try {
      for (const [key, value] of entries) {
        put(key, JSON.stringify(value));
        written.push(key);
      }
    } catch (error) {
      for (const key of written) if (!before.has(key)) remove(key); // first, room again
      for (const key of written) if (before.has(key)) store(key, before.get(key));
      return false;
    }
    if (others === "remove") for (const key of before.keys()) if (!entries.has(key)) remove(key);
    return true;
  };
  const replaceAll = (entries) => writeAll(entries, "remove");
  const importData = async (input) => {
    const file = input.files && input.files[0];
    if (!file) return;
    let checked = { error: t("import_too_large") };
    if (file.size <= MAX_IMPORT) {
      const text = await file.text().catch(() => null);
      checked = text === null ? { error: t("import_unreadable") } : checkImport(text);
    }
    input.value = "";
    if (checked.error) {
      dataStatus(checked.error);
      return;
    }
    askImport(input, checked);
  };
  /* Before anything changes: what each choice would do, per kind; merging is the default. */
  const askImport = (input, checked) => {
    const box = document.querySelector(".pb-data");
    box.querySelector(".pb-import-ask")?.remove();
    const lines = importPlan(checked.entries).map(({ kind, words, file, newer, left }) => {
      const values = { kind: words(), file: number(file), newer: number(newer), left: number(left) };
      const text = kind !== "results" ? t("import_line", values)
        : left ? t("import_line_results_full", values) : t("import_line_results", values);
      return el("li", { "data-kind": kind, text });
    });
    const ask = el("div", { class: "pb-import-ask", role: "group", "aria-labelledby": "pb-import-ask" },
      el("p", { id: "pb-import-ask", class: "pb-import-ask__title",
        text: t("import_ask", { date: formatDateTime(checked.exported) }) }),
      lines.length ? el("ul", {}, ...lines) : null,
      el("p", { class: "pb-hint", text: t("import_choices") }),
      el("div", { class: "pb-data__actions" },
        el("button", { type: "button", class: "md-button md-button--primary pb-button", "data-pb-import-choice": "merge", text: t("import_merge") }),
        el("button", { type: "button", class: "md-button pb-button", "data-pb-import-choice": "replace", text: t("import_replace") }),
        el("button", { type: "button", class: "pb-button pb-button--quiet", "data-pb-import-choice": "cancel", text: t("import_cancel") })));
    box.querySelector(".pb-data__actions").after(ask);
    dataStatus("");
    ask.querySelector("[data-pb-import-choice=merge]").focus();
    ask.addEventListener("click", (event) => {
      const choice = event.target instanceof Element && event.target.closest("[data-pb-import-choice]");
      if (!choice) return;
      ask.remove();
      input.focus();
      const how = choice.dataset.pbImportChoice;
      if (how === "cancel") {
        dataStatus(t("import_cancelled"));
        return;
      }
      const entries = how === "merge" ? merged(checked.entries) : checked.entries;
      const stored = how === "merge" ? writeAll(entries) : replaceAll(entries);
      refresh();
      // Unsaved: storage refused even putting back, so this visit keeps the data in memory.
      dataStatus(!stored ? (persistent() ? t("import_failed") : t("import_failed_unsaved"))
        : how === "merge" ? t("imported_merged", { count: number(entries.size) })
          : t("imported", { count: number(entries.size) }));
    });
  };
  const clearAll = () => {
    if (!window.confirm(t("confirm_clear"))) return;
    for (const key of storedKeys()) remove(key);
    damaged = false;
    refresh();
    dataStatus(t("cleared"));
  };

  /* ---- Templates: copy the text, or print the template alone ---- */
  const setupTemplate = (box) => {
    if (box.querySelector(".pb-template__actions")) return;
    box.append(el("p", { class: "pb-template__actions" },
      el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "copy-template", text: t("template_copy") }),
      " ",
      el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "print-template", text: t("template_print") }),
      " ",
      el("span", { class: "pb-template__status", role: "status" })));
  };
  const copyTemplate = async (box) => {
    const body = box.querySelector(".pb-template__body");
    let copied = false;
    try {
      await navigator.clipboard.writeText(body.textContent);
      copied = true;
    } catch (error) {
      const range = document.createRange();
      range.selectNodeContents(body);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      try {
        copied = document.execCommand("copy");
      } catch (failure) {
        copied = false;
      }
    }
    status(box.querySelector(".pb-template__status"), copied ? t("template_copied") : t("template_copy_failed"));
  };
  /* The print style shows only the template marked here; the mark goes once printing ends. */
  const printTemplate = (box) => {
    const root = document.documentElement;
    box.classList.add("pb-template--printing");
    root.classList.add("pb-print-template");
    const done = () => {
      box.classList.remove("pb-template--printing");
      root.classList.remove("pb-print-template");
    };
    window.addEventListener("afterprint", done, { once: true });
    window.print();
  };

  /* ---- Reaching the forms: a skip link to the checklist, and no Tab stop the reader
   * cannot see (the links at the top of a practice page get their status from the forms'
   * own renderers: showAtJump) ---- */
  /* Every page: permalinks leave the Tab order (a click still follows them; the table of
   * contents links every section too). (The search's result area, folded away to nothing
   * while the search is closed, is hidden then by playbook.css.) A practice page's checklist
   * gets a skip link beside the theme's own, drawn like it. */
  const reach = () => {
    for (const node of document.querySelectorAll(".md-content .headerlink")) node.tabIndex = -1;
    const target = document.querySelector(".pb-jump a[data-pb-jump=checklist]");
    const theirs = document.querySelector(".md-skip:not(.pb-skip)");
    document.querySelector(".pb-skip")?.remove(); // a page before this one's, kept by the theme
    if (target && theirs) {
      theirs.after(el("a", { class: "md-skip pb-skip", href: target.getAttribute("href"), text: t("skip_to_checklist") }));
    }
  };
  /* A link to a place on the same page (the links to the forms, the skip link, the start-here
   * path, "Back to top") goes there at once, whenever it is clicked. The theme's instant
   * navigation takes over such clicks (and the popstate of a changed fragment) and scrolls only
   * once it has finished setting the page up, or back to where the page was: a quick click
   * after a load or a reload changed the address and left the page where it was. So the
   * script does what the browser does for a plain link, itself: a new history entry with the
   * fragment, the target scrolled into view (its scroll margin kept), and the focus moved
   * there, so that Tab goes on from the target, as it does after a plain link. */
  const sameTarget = (link) => {
    // The theme writes every relative address out in full: compare the parts.
    const here = window.location;
    if (!link.hash || link.origin !== here.origin || link.pathname !== here.pathname || link.search !== here.search) return null;
    let id;
    try { id = decodeURIComponent(link.hash.slice(1)); } catch { return null; }
    return id ? document.getElementById(id) : null;
  };
  document.addEventListener("click", (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element && event.target.closest(".md-content a[href*='#'], a.pb-skip");
    const target = link && sameTarget(link);
    if (!target) return;
    event.preventDefault();
    event.stopPropagation(); // the theme's own handler listens further up
    if (window.location.hash !== link.hash) window.history.pushState(null, "", link.hash);
    if (!target.hasAttribute("tabindex") && !target.matches("a[href], button, input, select, textarea")) {
      target.setAttribute("tabindex", "-1");
      target.classList.add("pb-jump-target");
    }
    target.focus({ preventScroll: true });
    // Clear of the theme's fixed header, as its own rule for a :target gives (a pushed
    // fragment does not make the element the :target).
    const header = document.querySelector(".md-header");
    target.style.scrollMarginTop = `${(header ? header.offsetHeight : 0) + 12}px`;
    target.scrollIntoView();
  }, true);
  /* On a narrow screen the navigation drawer and the search are folded away off the page,
   * and within the drawer each level (a section, the table of contents) is a panel that
   * covers the one it opens from; Zensical's table of contents is folded away as well. A
   * keyboard entering one of them unfolds it, and shows the panel that holds the focused link,
   * with the theme's own toggles; leaving it puts everything back. So focus never goes where
   * it cannot be seen. */
  const onScreen = (node) => {
    const r = node.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < window.innerWidth &&
      (!node.checkVisibility || node.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
  };
  const folded = new Map(); // toggle: whether it was checked before the keyboard came
  const flip = (toggle, checked) => {
    if (toggle.checked === checked) return false;
    if (!folded.has(toggle)) folded.set(toggle, toggle.checked);
    toggle.click();
    return true;
  };
  /* The browser scrolled the folded-away link into view before it was unfolded: once the
   * panels have slid in, put the scrolled containers back and bring the link into view. */
  const settle = (target) => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))
    .then(() => {
      if (document.activeElement !== target) return;
      for (let node = target.parentElement; node; node = node.parentElement) if (node.scrollLeft) node.scrollLeft = 0;
      target.scrollIntoView({ block: "nearest", inline: "nearest" });
    });
  const unfold = (target) => {
    const drawer = document.getElementById("__drawer");
    const search = document.getElementById("__search");
    const sidebar = document.querySelector(".md-sidebar--primary");
    const searchBox = document.querySelector(".md-search");
    const toc = document.querySelector(".md-sidebar--secondary #__toc");
    const inDrawer = Boolean(sidebar && sidebar.contains(target));
    const inSearch = Boolean(searchBox && searchBox.contains(target));
    const inToc = Boolean(toc && toc.parentElement.contains(target));
    for (const [toggle, checked] of [...folded].reverse()) { // put back where focus has left
      if (toggle === toc ? inToc : toggle === search ? inSearch : inDrawer) continue;
      if (toggle.checked !== checked) toggle.click();
      folded.delete(toggle);
    }
    let moved = false;
    if (inDrawer && drawer instanceof HTMLInputElement) {
      if (!drawer.checked && !onScreen(target)) moved = flip(drawer, true);
      if (!folded.has(drawer)) return; // the drawer is part of the page here: no panels
      for (const toggle of sidebar.querySelectorAll("input.md-nav__toggle")) {
        const panel = toggle.parentElement.querySelector(":scope > .md-nav");
        if (panel && flip(toggle, panel.contains(target))) moved = true;
      }
    } else if (inSearch && search instanceof HTMLInputElement && !search.checked && !onScreen(target)) {
      moved = flip(search, true);
    } else if (inToc && toc instanceof HTMLInputElement && !toc.checked && !onScreen(target)) {
      moved = flip(toc, true);
    }
    if (moved) settle(target);
  };
  document.addEventListener("focusin", (event) => unfold(event.target));

  /* ---- Wiring ---- */
  const COMPONENTS = [
    ["form.pb-checklist", renderChecklist],
    ["form.pb-assessment", renderAssessment],
    [".pb-health-check", renderHealth],
    [".pb-team", renderTeam],
    [".pb-progress-overview", renderOverview],
    [".pb-data", setupData],
    [".pb-template", setupTemplate],
  ];
  function refresh() {
    for (const [selector, render] of COMPONENTS) {
      for (const node of document.querySelectorAll(selector)) {
        node.setAttribute("data-pb", "");
        render(node);
      }
    }
    notices();
  }
  const page = () => {
    damaged = false;
    migrate(); // on every page: an older copy of the site may have stored something meanwhile
    refresh();
    reach();
  };

  document.addEventListener("change", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    const checklist = target.closest("form.pb-checklist");
    dropUndo(); // a new change: what was reset stays reset
    if (checklist && target.type === "checkbox") {
      saveChecklist(checklist);
      renderChecklist(checklist);
      return;
    }
    if (target.type === "radio") {
      const form = target.closest("form.pb-assessment");
      if (form) {
        saveAnswer(answersOf(form.dataset.practice), target);
        renderAssessment(form);
      } else if (target.closest(".pb-dimension")) {
        saveAnswer(HEALTH_ANSWERS, target);
        const check = document.querySelector(".pb-health-check");
        clearSaved(check);
        if (check) renderHealth(check);
      }
      return;
    }
    if (target.hasAttribute("data-pb-import")) importData(target);
  });
  /* ---- Resetting and clearing: asked first, and undone on request until the page is left ---- */
  const ask = (button, question, yes, act) => {
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
  const offerUndo = (button, done, key, previous) => {
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
  const dropUndo = () => document.querySelectorAll(".pb-undo").forEach((undo) => undo.remove());
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

  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("[data-pb-action]");
    if (!button) return;
    const action = button.dataset.pbAction;
    if (action === "reset-checklist") {
      resetChecklist(button);
    } else if (action === "reset-answers") {
      clearAnswers(button);
    } else if (action === "first-unanswered") {
      firstUnanswered(button);
    } else if (action === "save-health") {
      saveHealth(button.closest(".pb-health-check"));
    } else if (action === "copy-code") {
      copyCode(button);
    } else if (action === "copy-template") {
      copyTemplate(button.closest(".pb-template"));
    } else if (action === "print-template") {
      printTemplate(button.closest(".pb-template"));
    } else if (action === "save-team") {
      saveTeam(button.closest(".pb-team"));
    } else if (action === "export") {
      exportData();
    } else if (action === "clear-all") {
      clearAll();
    }
  });
  document.addEventListener("input", (event) => {
    const target = event.target;
    if (target instanceof HTMLTextAreaElement && target.hasAttribute("data-pb-team-codes")) {
      if (target.value.trim()) write(TEAM_CODES, { text: target.value.slice(0, MAX_TEAM_TEXT) });
      else remove(TEAM_CODES);
      updateTeam(target.closest(".pb-team"));
    } else if (target instanceof HTMLInputElement && target.id === "pb_team_name") {
      updateTeam(target.closest(".pb-team"));
    } else if (target instanceof HTMLInputElement && target.id === "pb_about") {
      clearSaved(target.closest(".pb-health-check"));
      renderHealth(target.closest(".pb-health-check"));
    }
  });
  /* Another tab changed something: show it here too. */
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key.startsWith(PREFIX)) refresh();
  });

  window.Playbook = { score, bandFor, weakest, percent, prefix: PREFIX };
  /* Material's document$ announces every page, instant page changes included. Opened from
   * disk (file://) with navigation.instant, it ends without announcing any: there, as where
   * there is no document$, the page is set up once it has loaded. */
  let announced = false;
  const loaded = () => {
    if (announced) return;
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", loaded, { once: true });
    else page();
  };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe({ next: () => { announced = true; page(); }, error: loaded, complete: loaded });
  } else loaded();
})();
