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
  const VERSION = 2; // of what is stored; generator/ui.py's STORAGE_VERSION
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
  const write = (key, value) => store(key, JSON.stringify(value));

  /* Each stored key's shape, exactly (no other properties), within bounds; anything else is
   * damaged and is discarded. */
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const isScore = (value) => Number.isInteger(value) && value >= 0 && value <= 100;
  const isId = (value) => typeof value === "string" && SLUG.test(value);
  const only = (value, names) => isObject(value) && Object.keys(value).sort().join() === names;
  const list = (value, most, valid) => Array.isArray(value) && value.length <= most && value.every(valid);
  const idMap = (value, valid) => isObject(value) && Object.keys(value).length <= MAX_IDS &&
    Object.entries(value).every(([id, n]) => isId(id) && valid(n));
  const SHAPES = {
    checklist: (v) => only(v, "done") && list(v.done, MAX_IDS, isId),
    answers: (v) => only(v, "answers") && idMap(v.answers, Number.isInteger),
    history: (v) => only(v, "results") && list(v.results, MAX_RESULTS, (r) =>
      only(r, "date,dimensions,overall") && typeof r.date === "string" && r.date.length <= 40 &&
      !Number.isNaN(Date.parse(r.date)) && isScore(r.overall) && idMap(r.dimensions, isScore)),
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
  };
  /* The entry `value`, stored by version `from`, as this version stores it; null if it cannot be. */
  const upgrade = (key, value, from) => {
    for (let version = from; version < VERSION; version += 1) {
      value = value != null && UPGRADES[version] ? UPGRADES[version](key.split(":")[0], value) : null;
    }
    return value != null && validEntry(key, value) ? value : null;
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
      let value = null;
      try {
        value = upgrade(key, JSON.parse(local.getItem(oldKey)), version);
      } catch (error) {
        /* damaged */
      }
      if (value === null) discarded = true;
      else if (rawGet(key) === null) write(key, value); // an entry already under VERSION wins
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
  const checklistKey = (form) => `checklist:${form.dataset.practice}`;
  const renderChecklist = (form) => {
    const done = new Set(read(checklistKey(form), { done: [] }).done);
    const boxes = [...form.querySelectorAll("input[data-item]")];
    for (const box of boxes) box.checked = done.has(box.dataset.item);
    const count = boxes.filter((box) => box.checked).length;
    const panel = after(form, "pb-progress", () => el("div", { class: "pb-progress" },
      el("span", { class: "pb-progress__text" }), el("span", { class: "pb-progress__bar" }),
      el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "reset-checklist",
        text: t("reset_checklist") })));
    const text = t("progress", { done: count, total: boxes.length });
    panel.querySelector(".pb-progress__text").textContent = text;
    panel.querySelector(".pb-progress__bar").replaceChildren(progressBar(count, boxes.length, text));
  };
  const saveChecklist = (form) => {
    const key = checklistKey(form);
    const done = new Set(read(key, { done: [] }).done);
    for (const box of form.querySelectorAll("input[data-item]")) {
      if (box.checked) done.add(box.dataset.item);
      else done.delete(box.dataset.item);
    }
    write(key, { done: [...done].sort() });
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
  const bandsOf = (practice) => [...document.querySelectorAll(
    `.pb-bands[data-practice="${practice}"] .pb-band`)].map((section) => ({
    id: section.dataset.band,
    min: Number(section.dataset.min),
    max: Number(section.dataset.max),
    section,
  }));

  const renderAssessment = (form) => {
    const practice = form.dataset.practice;
    const stored = read(`answers:${practice}`, { answers: {} });
    syncAnswers(form, stored.answers);
    const questions = questionsIn(form);
    const answered = questions.filter((q) => has(stored.answers, q.id)).length;
    const [min, max] = scaleOf(form);
    const value = score(questions, stored.answers, min, max);
    const panel = after(form, "pb-result", () => el("div", { class: "pb-result" },
      el("p", { class: "pb-result__count" }),
      el("div", { class: "pb-result__live", "aria-live": "polite" }),
      el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "reset-answers",
        text: t("clear_answers") })));
    panel.querySelector(".pb-result__count").textContent =
      t("answered", { answered, total: questions.length });
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
    if (panel.dataset.score !== `${value}:${band.id}`) {
      panel.dataset.score = `${value}:${band.id}`;
      const advice = el("div", { class: "pb-result__advice" });
      advice.innerHTML = band.section.innerHTML; // the band's own rendered text and links
      live.replaceChildren(el("p", { class: "pb-result__score" },
        el("strong", { text: t("score", { score: value }) })), advice);
    }
  };
  const saveAnswer = (owner, radio) => {
    const key = `answers:${owner}`;
    const stored = read(key, { answers: {} });
    const fieldset = radio.closest("fieldset[data-question]");
    const answers = { ...stored.answers, [fieldset.dataset.question]: Number(radio.value) };
    write(key, { answers });
  };

  /* ---- Health check ---- */
  const healthState = (check) => {
    const [min, max] = scaleOf(check);
    const answers = read("answers:health", { answers: {} }).answers;
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

  const SVG = "http://www.w3.org/2000/svg";
  const svg = (tag, attributes = {}) => {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  };
  /* A radar chart for three or more dimensions, bars otherwise; drawn here, no library. */
  const chart = (dimensions, previous) => {
    const [width, height, radius] = [600, 290, 105];
    const [cx, cy] = [width / 2, height / 2];
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "pb-chart", role: "img",
      "aria-label": dimensions.map((d) => t("dimension_score", { title: d.title, score: d.score })).join("; ") });
    const n = dimensions.length;
    if (n < 3) {
      dimensions.forEach((d, i) => {
        const y = 40 + i * 60;
        root.append(svg("rect", { x: 20, y, width: 480, height: 24, class: "pb-chart__grid" }),
          svg("rect", { x: 20, y, width: (480 * d.score) / 100, height: 24, class: "pb-chart__area" }));
        const label = svg("text", { x: 20, y: y - 6 });
        label.textContent = `${d.title}: ${d.score}`;
        root.append(label);
      });
      return root;
    }
    const at = (i, value) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
      const r = (radius * value) / 100;
      return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
    };
    const polygon = (values, className) => svg("polygon", { class: className,
      points: values.map((v, i) => at(i, v).map((c) => c.toFixed(1)).join(",")).join(" ") });
    for (const ring of [25, 50, 75, 100]) root.append(polygon(dimensions.map(() => ring), "pb-chart__grid"));
    dimensions.forEach((d, i) => {
      const [x, y] = at(i, 100);
      root.append(svg("line", { x1: cx, y1: cy, x2: x.toFixed(1), y2: y.toFixed(1), class: "pb-chart__grid" }));
      const [lx, ly] = at(i, 110);
      const label = svg("text", { x: lx.toFixed(1), y: (ly + (ly > cy + 1 ? 14 : ly < cy - 1 ? -6 : 4)).toFixed(1),
        "text-anchor": Math.abs(lx - cx) < 1 ? "middle" : lx > cx ? "start" : "end" });
      label.textContent = `${d.title} ${d.score}`;
      root.append(label);
    });
    if (previous) root.append(polygon(dimensions.map((d) => get(previous.dimensions, d.id) ?? 0), "pb-chart__previous"));
    root.append(polygon(dimensions.map((d) => d.score), "pb-chart__area"));
    return root;
  };

  const practiceLinks = (dimension) => {
    const links = document.querySelector(`.pb-dimension__practices[data-dimension="${dimension.id}"]`);
    return links ? [...links.querySelectorAll("a")].map((a) => a.cloneNode(true)) : [];
  };

  const renderHealth = (check) => {
    const state = healthState(check);
    syncAnswers(document, state.answers);
    const history = read("history:health", { results: [] }).results;
    // Compare with the latest saved result, or the one before it when that is this very result.
    const same = (r) => r && r.overall === state.overall &&
      state.dimensions.every((d) => get(r.dimensions, d.id) === d.score);
    const last = same(history[history.length - 1]) ? history[history.length - 2] : history[history.length - 1];
    if (!check.querySelector(".pb-health__live")) {
      check.replaceChildren(
        el("p", { class: "pb-health__count" }),
        el("div", { class: "pb-health__live", "aria-live": "polite" }),
        el("div", { class: "pb-health__actions" },
          el("button", { type: "button", class: "md-button md-button--primary pb-button",
            "data-pb-action": "save-health", text: t("save_result") }),
          el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "reset-answers",
            "data-owner": "health", text: t("clear_answers") }),
          el("span", { class: "pb-status", role: "status" })),
        el("div", { class: "pb-history" }));
    }
    check.querySelector(".pb-health__count").textContent =
      t("answered", { answered: state.answered, total: state.total });
    const complete = state.overall !== null;
    check.querySelector("[data-pb-action=save-health]").disabled = !complete;
    const live = check.querySelector(".pb-health__live");
    const signature = complete ? JSON.stringify([state.dimensions.map((d) => d.score), last]) : "";
    if (live.dataset.signature !== signature) {
      live.dataset.signature = signature;
      live.replaceChildren();
      if (complete) {
        const since = (d) => (last && has(last.dimensions, d.id)
          ? ` (${t("change", { change: signed(d.score - last.dimensions[d.id]), date: formatDate(last.date) })})` : "");
        const list = el("ul", { class: "pb-health__scores" }, ...state.dimensions.map((d) =>
          el("li", { "data-dimension": d.id, text: t("dimension_score", { title: d.title, score: d.score }) + since(d) })));
        const recommendations = el("ul", { class: "pb-health__recommendations" },
          ...weakest(state.dimensions).map((d) => {
            const links = practiceLinks(d);
            const item = el("li", { "data-dimension": d.id }, t("recommend", { title: d.title }));
            links.forEach((a, i) => item.append(i ? ", " : "", a));
            return item;
          }));
        live.append(
          el("p", { class: "pb-health__overall" }, el("strong", { text: t("overall", { score: state.overall }) }),
            last ? ` (${t("change", { change: signed(state.overall - last.overall), date: formatDate(last.date) })})` : ""),
          chart(state.dimensions, last), list,
          el("p", { class: "pb-health__start", text: t("recommend_intro") }), recommendations);
      }
    }
    const items = history.map((r, i) => {
      const before = history[i - 1];
      const change = before ? ` (${signed(r.overall - before.overall)})` : "";
      return el("li", { text: t("history_item", { date: formatDate(r.date), score: r.overall }) + change });
    }).reverse();
    check.querySelector(".pb-history").replaceChildren(el("h3", { text: t("history_title") }),
      items.length ? el("ol", { reversed: true }, ...items) : el("p", { text: t("history_empty") }));
  };
  const saveHealth = (check) => {
    const state = healthState(check);
    if (state.overall === null) return;
    const history = read("history:health", { results: [] }).results;
    const dimensions = Object.fromEntries(state.dimensions.map((d) => [d.id, d.score]));
    const result = { date: new Date().toISOString(), overall: state.overall, dimensions };
    write("history:health", { results: [...history, result].slice(-MAX_RESULTS) });
    renderHealth(check);
    status(check.querySelector(".pb-status"), t("saved"));
  };

  /* ---- Home: progress of every practice; the reader's data ---- */
  const renderOverview = (overview) => {
    if (!overview.querySelector("h3")) overview.prepend(el("h3", { text: t("progress_title") }));
    for (const item of overview.querySelectorAll("[data-practice]")) {
      const practice = item.dataset.practice;
      const total = Number(item.dataset.items);
      const done = read(`checklist:${practice}`, { done: [] }).done.length;
      // Scored afresh, with this build's questions and bands: an edited assessment never shows
      // a stale result.
      const { questions, min, max, bands } = JSON.parse(item.dataset.assessment);
      const answers = read(`answers:${practice}`, { answers: {} }).answers;
      const value = score(questions, answers, min, max);
      const band = value === null ? null : bandFor(bands, value);
      const answered = questions.filter((q) => has(answers, q.id)).length;
      const count = Math.min(done, total);
      const text = t("progress", { done: count, total });
      const status = after(item.querySelector("a") || item.firstChild, "pb-overview__status",
        () => el("span", { class: "pb-overview__status" }));
      status.replaceChildren(" ", el("span", { text }), progressBar(count, total, text), " ",
        el("span", { class: "pb-overview__score", text: band
          ? t("assessment_result", { score: value, band: band.label })
          : answered ? t("answered", { answered, total: questions.length }) : t("assessment_none") }));
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
    const checked = new Map();
    for (const key of keys) {
      const entry = upgrade(key, entries[key], version); // an older file's entries are migrated
      if (!entry) return { error: t("import_damaged", { key: clip(key) }) };
      checked.set(key, entry);
    }
    return { entries: checked };
  };
  /* Stores `entries` in place of everything this site keeps; true if it could. When storage
   * refuses one (quota), what was written is undone and what was there before put back. */
  const replaceAll = (entries) => {
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
    for (const key of before.keys()) if (!entries.has(key)) remove(key);
    return true;
  };
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
    const stored = replaceAll(checked.entries);
    refresh();
    // Unsaved: storage refused even putting back, so this visit keeps the data in memory.
    dataStatus(stored ? t("imported", { count: number(checked.entries.size) })
      : persistent() ? t("import_failed") : t("import_failed_unsaved"));
  };
  const clearAll = () => {
    if (!window.confirm(t("confirm_clear"))) return;
    for (const key of storedKeys()) remove(key);
    damaged = false;
    refresh();
    dataStatus(t("cleared"));
  };

  /* ---- Wiring ---- */
  const COMPONENTS = [
    ["form.pb-checklist", renderChecklist],
    ["form.pb-assessment", renderAssessment],
    [".pb-health-check", renderHealth],
    [".pb-progress-overview", renderOverview],
    [".pb-data", setupData],
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
  };

  document.addEventListener("change", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    const checklist = target.closest("form.pb-checklist");
    if (checklist && target.type === "checkbox") {
      saveChecklist(checklist);
      renderChecklist(checklist);
      return;
    }
    if (target.type === "radio") {
      const form = target.closest("form.pb-assessment");
      if (form) {
        saveAnswer(form.dataset.practice, target);
        renderAssessment(form);
      } else if (target.closest(".pb-dimension")) {
        saveAnswer("health", target);
        const check = document.querySelector(".pb-health-check");
        if (check) renderHealth(check);
      }
      return;
    }
    if (target.hasAttribute("data-pb-import")) importData(target);
  });
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("[data-pb-action]");
    if (!button) return;
    const action = button.dataset.pbAction;
    if (action === "reset-checklist") {
      const form = button.parentElement.previousElementSibling;
      write(checklistKey(form), { done: [] });
      renderChecklist(form);
    } else if (action === "reset-answers") {
      const owner = button.dataset.owner;
      const form = owner ? null : button.closest(".pb-result").previousElementSibling;
      remove(`answers:${owner || form.dataset.practice}`);
      refresh();
    } else if (action === "save-health") {
      saveHealth(button.closest(".pb-health-check"));
    } else if (action === "export") {
      exportData();
    } else if (action === "clear-all") {
      clearAll();
    }
  });
  /* Another tab changed something: show it here too. */
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key.startsWith(PREFIX)) refresh();
  });

  window.Playbook = { score, bandFor, weakest, percent, prefix: PREFIX };
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(page);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", page);
  else page();
})();
