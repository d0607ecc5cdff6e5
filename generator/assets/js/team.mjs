/* The team page: members' codes read together, the team's picture, saved under a name. */
import { get, has, MAX_NAME, MAX_RESULTS, MAX_TEAM_TEXT, TEAM_CODES, TEAM_HISTORY, TEAM_TALLY } from "./shapes.mjs";
import { weakest } from "./scoring.mjs";
import { addCodes, emptyTally, mostDivided, normaliseCode, pictureOf, readResult, resultCode } from "./teamcodes.mjs";
import { action, component, config, el, formatDate, number, onChange, onInput, read, remove, status, t, VERSION, write } from "./page.mjs";
import { checkImport, FORMAT, MAX_IMPORT, merged } from "./transfer.mjs";
import { download, signed } from "./formats.mjs";
import { chart, labelSize, legend } from "./chart.mjs";
import { copyField, field, nameList, recommendation, sameName } from "./results.mjs";
import { ask, offerUndo } from "./reset.mjs";

/* ---- The team page: members' codes read into a tally ----
 * A code is read into the tally (stored: how many answered, how the answers fell, each code's
 * check characters) as soon as it is pasted or its link opened, and leaves the box; the codes
 * themselves are never kept. Lines that cannot be read stay in the box, each with why. */
/* Why a pasted line is not read, by teamcodes.mjs's REASONS and "again". */
const REFUSED = {
  format: () => t("team_refused_format"),
  check: () => t("team_refused_check"),
  version: () => t("team_refused_version"),
  fit: () => t("team_refused_fit"),
  again: () => t("team_refused_again"),
};
let offered = null; // a team result from a link, until it is opened or the page left
/* What became of the last link or kept codes: kept here too, for the theme's instant
 * navigation may put a fresh copy of the page in place just after a link is read. */
let note = "";
/* The last link read, and in which copy of the page: a fresh copy the theme puts in place
 * for that same link (its address has the link's fragment again) does not read it twice. */
let handled = { hash: "", box: null };
const noted = (box, text) => {
  note = text;
  status(box.querySelector(".pb-team__added"), text);
};
const teamOf = (box) => JSON.parse(box.dataset.team);
/* The tally kept here: one of this health check's version, or null when it is another's. */
const keptTally = (team) => {
  const kept = read(TEAM_TALLY, null);
  if (!kept) return emptyTally(team);
  return kept.version === team.version ? kept : null;
};
const keep = (team, tally) => write(TEAM_TALLY, { ...tally, version: team.version });
/* Reads `text` into the tally; what could not be read goes back into the box. */
const readCodes = (box, text) => {
  const team = teamOf(box);
  const tally = keptTally(team);
  if (!tally) return null;
  const { tally: next, refused, added } = addCodes(team, tally, text);
  if (added) keep(team, next);
  const input = box.querySelector("#pb_team_codes");
  if (added || refused.some((r) => r.reason === "again")) input.value = refused.map((r) => r.line).join("\n");
  return added;
};
const renderTeam = (box) => {
  if (!box.querySelector("#pb_team_codes")) {
    const codes = el("textarea", { id: "pb_team_codes", rows: 4, spellcheck: "false", autocomplete: "off",
      maxlength: MAX_TEAM_TEXT, "aria-describedby": "pb_team_codes_hint", "data-pb-team-codes": true });
    const name = field("pb_team_name", t("team_name_label"), t("team_name_hint"), { list: "pb_team_names" });
    box.replaceChildren(
      el("div", { class: "pb-field pb-team__input" },
        el("label", { for: "pb_team_codes", text: t("team_codes_label") }),
        el("p", { class: "pb-hint", id: "pb_team_codes_hint", text: t("team_codes_hint") }),
        codes),
      el("p", { class: "pb-status pb-team__added", role: "status", text: note }),
      el("div", { class: "pb-team__offer" }),
      // Which team: its last result is compared with, and its last agreed action asked about.
      el("div", { class: "pb-team__which" }, name),
      el("div", { class: "pb-team__followup" }),
      el("div", { class: "pb-team__result" }),
      el("div", { class: "pb-team__save", hidden: true },
        el("h3", { text: t("team_save_title") }),
        el("fieldset", { class: "pb-team__action" },
          el("legend", { text: t("team_action_title") }),
          field("pb_action_what", t("team_action_what"), t("team_action_what_hint")),
          el("div", { class: "pb-field" }, el("label", { for: "pb_action_who", text: t("team_action_who") }),
            el("input", { type: "text", id: "pb_action_who", maxlength: MAX_NAME, autocomplete: "off" })),
          el("div", { class: "pb-field" }, el("label", { for: "pb_action_by", text: t("team_action_by") }),
            el("input", { type: "date", id: "pb_action_by" }))),
        el("div", { class: "pb-health__actions" },
          el("button", { type: "button", class: "md-button md-button--primary pb-button",
            "data-pb-action": "save-team", text: t("team_save") }),
          el("span", { class: "pb-status", role: "status" }))),
      el("div", { class: "pb-team__history" }));
    drawOffer(box);
    // Codes an earlier version of this page kept: read into the tally, then no longer kept.
    const earlier = read(TEAM_CODES, null);
    if (earlier && keptTally(teamOf(box))) {
      codes.value = earlier.text;
      readCodes(box, earlier.text);
      remove(TEAM_CODES);
      noted(box, t("team_codes_moved"));
    }
  }
  // A link carries a member's code or a team result after '#': read it, and take it out of
  // the address (a bookmark or a shared screen should not show it).
  const hash = window.location.hash;
  if (hash.startsWith("#code=") || hash.startsWith("#result=")) {
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    const copy = handled.hash === hash && handled.box !== box ? handled.box : null;
    handled = { hash, box };
    if (copy && hash.startsWith("#code=")) {
      // Read already, in the copy of the page this one replaces: what its box kept, this one keeps.
      box.querySelector("#pb_team_codes").value = copy.querySelector("#pb_team_codes").value;
    } else if (hash.startsWith("#code=")) {
      const codes = box.querySelector("#pb_team_codes");
      const before = codes.value.trim();
      if (readCodes(box, `${before}\n${normaliseCode(hash)}`)) noted(box, t("team_added"));
      else if (!before) codes.value = normaliseCode(hash).slice(0, MAX_TEAM_TEXT); // refused: in the box, with why
    } else offerResult(box, hash);
  }
  updateTeam(box);
};
/* A team result from a link: shown at once where nothing was read here; else offered, with
 * what opening it would put aside (kept until it is opened, so that a fresh copy of the page
 * offers it too). */
let refusedResult = "";
const offerResult = (box, hash) => {
  const team = teamOf(box);
  const found = readResult(hash, team);
  offered = null;
  refusedResult = found.reason !== undefined ? t("team_result_refused", { reason: REFUSED[found.reason]() }) : "";
  const tally = keptTally(team);
  if (found.reason !== undefined) return drawOffer(box);
  if (tally && !tally.count) return openResult(box, found.tally);
  if (!tally || resultCode(team, tally) !== resultCode(team, found.tally)) offered = found.tally;
  return drawOffer(box);
};
const drawOffer = (box) => {
  const tally = keptTally(teamOf(box));
  const holder = box.querySelector(".pb-team__offer");
  if (refusedResult) holder.replaceChildren(el("p", { class: "pb-notice", text: refusedResult }));
  else if (offered) {
    holder.replaceChildren(el("p", { class: "pb-notice" },
      t("team_result_found", { count: number(offered.count), current: number(tally ? tally.count : 0) }), " ",
      el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "open-result", text: t("team_result_open") })));
  } else holder.replaceChildren();
};
const openResult = (box, tally) => {
  keep(teamOf(box), { ...tally, seen: [] });
  offered = null;
  drawOffer(box);
  noted(box, t("team_result_opened"));
  updateTeam(box);
};
const updateTeam = (box) => {
  const team = teamOf(box);
  const tally = keptTally(team);
  const codes = box.querySelector("#pb_team_codes");
  // What is left in the box could not be read: each line with why, by its line number.
  const refused = codes.value.split("\n").flatMap((line, index) => (line.trim()
    ? addCodes(team, tally || emptyTally(team), line).refused.map((r) => ({ line: index + 1, reason: r.reason, text: r.line }))
    : []));
  const picture = { count: tally ? tally.count : 0, refused, dimensions: pictureOf(team, tally || emptyTally(team)) };
  const history = read(TEAM_HISTORY, { results: [] }).results;
  const nameInput = box.querySelector("#pb_team_name");
  nameList(nameInput, "pb_team_names", history.map((r) => r.name));
  const last = history.filter((r) => sameName(r.name, nameInput.value)).pop();
  followUp(box, last);
  const result = box.querySelector(".pb-team__result");
  const signature = JSON.stringify([picture, last || null, !tally]);
  if (result.dataset.signature !== signature) {
    result.dataset.signature = signature;
    result.replaceChildren(...(tally ? teamResult(team, picture, last, result.clientWidth)
      : [el("p", { class: "pb-notice", text: t("team_tally_other") }), el("p", { class: "pb-team__restart" }, restart())]));
    if (tally && picture.count >= team.threshold) result.append(...shareResult(team, tally));
  }
  box.querySelector(".pb-team__save").hidden = !tally || picture.count < team.threshold;
  const items = history.map((r) => el("li", {
    text: t("team_history_item", { date: formatDate(r.date), name: r.name, count: number(r.count) }) }));
  const holder = box.querySelector(".pb-team__history");
  const kept = holder.querySelector(".pb-team__transfer") || transfer();
  holder.replaceChildren(el("h3", { text: t("team_history_title") }),
    ...(items.length ? [...trends(team, history), el("ul", { class: "pb-team__runs" }, ...items.reverse())]
      : [el("p", { text: t("team_history_empty") })]), kept);
  kept.querySelectorAll("[data-pb-action^=export-team]").forEach((button) => { button.disabled = !items.length; });
};
const restart = () => el("button", { type: "button", class: "pb-button pb-button--quiet", "data-pb-action": "reset-team",
  text: t("team_start_again") });
/* The team result's code and link: the tally, for whoever runs the session. */
const shareResult = (team, tally) => {
  const code = resultCode(team, tally);
  const url = new URL(window.location.href);
  url.hash = `result=${code}`;
  return [el("div", { class: "pb-share pb-team__share" },
    el("h3", { text: t("team_result_title") }),
    el("p", { text: t("team_result_intro") }),
    el("label", { for: "pb_team_result", text: t("team_result_label") }),
    el("div", { class: "pb-share__row" },
      Object.assign(el("input", { type: "text", id: "pb_team_result", class: "pb-share__code", readonly: true, spellcheck: "false" }), { value: code }),
      el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "copy-result", text: t("team_copy") })),
    el("p", {}, el("a", { class: "pb-share__link", href: url.href, text: t("team_result_link") })),
    el("p", { class: "pb-share__status", role: "status" }))];
};
const teamResult = (team, picture, last, width) => {
  const { count, refused, dimensions } = picture;
  const nodes = [el("p", { class: "pb-team__read", text: count ? t("team_read", { count: number(count) }) : t("team_none") })];
  if (count) nodes.push(el("p", { class: "pb-team__restart" }, restart()));
  if (refused.length) {
    nodes.push(el("ul", { class: "pb-team__refused" }, ...refused.map((r) =>
      el("li", { "data-line": r.line }, t("team_refused_line", { line: r.line, reason: REFUSED[r.reason]() }),
        // Two people who gave the same answers have the same code: counted again when asked.
        ...(r.reason === "again" ? [" ", el("button", { type: "button", class: "pb-button pb-button--quiet",
          "data-pb-action": "count-again", "data-code": r.text, text: t("team_count_again") })] : [])))));
  }
  if (!count) return nodes;
  // Below the threshold nothing about the answers is on the page: with so few, one person's
  // could be told. Only how many codes there are and how many are needed.
  if (count < team.threshold) {
    nodes.push(el("p", { class: "pb-notice pb-team__hidden",
      text: t("team_needed", { count: number(count), threshold: number(team.threshold) }) }));
    return nodes;
  }
  nodes.push(controls(), dimensionRows(team, ordered(dimensions), last));
  const ids = (key) => Object.fromEntries(dimensions.map((d) => [d.id, d[key]]));
  const label = [t("team_chart_label", { medians: dimensions.map((d) =>
    t("team_median_item", { title: d.title, median: number(d.score) })).join("; ") })];
  label.push(t("team_chart_range", { ranges: dimensions.map((d) =>
    t("team_range_item", { title: d.title, low: number(d.low), high: number(d.high) })).join("; ") }));
  // The radar, for those who want it: folded away, and drawn once opened, at the width it is
  // shown at, so that its labels are as large as the text around them.
  const figure = el("figure", { class: "pb-team__chart" });
  const radar = el("details", { class: "pb-team__radar" }, el("summary", { text: t("team_radar") }), figure);
  radar.addEventListener("toggle", () => {
    if (!radar.open) return;
    figure.replaceChildren(
      chart(dimensions, last, { label: label.join(" "), range: { low: ids("low"), high: ids("high") },
        width: figure.clientWidth || width, font: labelSize() }),
      legend(["median", t("team_legend_median")], ["range", t("team_legend_range")],
        last && ["previous", t("team_legend_previous", { date: formatDate(last.date) })]));
  });
  nodes.push(radar);
  if (last) nodes.push(el("p", { class: "pb-team__compared", text: t("team_compared", { name: last.name, date: formatDate(last.date) }) }));
  const headers = [t("team_col_dimension"), t("team_col_median"),
    t("team_col_range"), ...team.points.map((p) => t("team_col_point", { label: p.label })),
    ...(last ? [t("team_col_change", { date: formatDate(last.date) })] : [])];
  const rows = dimensions.map((d) => el("tr", { "data-dimension": d.id },
    el("th", { scope: "row", text: d.title }),
    el("td", { class: "pb-team__median", text: number(d.score) }),
    el("td", { class: "pb-team__range", text: t("team_range_value", { low: number(d.low), high: number(d.high) }) }),
    ...d.counts.map((c) => el("td", { class: "pb-team__count", text: number(c) })),
    ...(last ? [el("td", { class: "pb-team__change",
      text: has(last.dimensions, d.id) ? signed(d.score - last.dimensions[d.id]) : "" })] : [])));
  nodes.push(el("div", { class: "pb-team__data" },
    el("table", { class: "pb-team__table" },
      el("caption", { text: t("team_table_caption") }),
      el("thead", {}, el("tr", {}, ...headers.map((text) => el("th", { scope: "col", text })))),
      el("tbody", {}, ...rows))));
  const weak = weakest(dimensions);
  const titles = (list) => list.map((d) => d.title).join(", ");
  nodes.push(el("p", { class: "pb-team__weakest", text: t("team_weakest", { titles: titles(weak), median: number(weak[0].score) }) }));
  // Each most divided dimension with its own middle half of the answers.
  const wide = mostDivided(dimensions);
  const items = wide.map((d) => t("team_divided_item", { title: d.title, low: number(d.lower), high: number(d.upper) }));
  nodes.push(el("p", { class: "pb-team__widest", text: wide.length ? t("team_divided", { items: items.join("; ") }) : t("team_agree") }));
  const talk = [...new Set([...weak, ...wide])];
  nodes.push(el("p", { class: "pb-health__start", text: t("team_recommend_intro") }),
    el("ul", { class: "pb-team__recommendations" }, ...talk.map((d) => {
      // With the opening question the health check gives the dimension (the page lists it).
      const item = recommendation(d, t("recommend", { title: d.title }));
      const question = document.querySelector(`.pb-dimension__discussion[data-dimension="${d.id}"]`);
      if (question) item.append(el("p", { class: "pb-team__question", text: question.textContent }));
      return item;
    })));
  return nodes;
};
/* ---- Readable in the room: a row per dimension, in the order chosen, and a present view ---- */
let order = "page"; // or "weakest", "divided": how the rows are sorted, for this visit
const ordered = (dimensions) => {
  const by = { weakest: (a, b) => a.score - b.score, divided: (a, b) => (b.upper - b.lower) - (a.upper - a.lower) };
  return order in by ? [...dimensions].sort((a, b) => by[order](a, b) || dimensions.indexOf(a) - dimensions.indexOf(b))
    : dimensions;
};
const presenting = () => document.documentElement.classList.contains("pb-presenting");
const controls = () => {
  const select = el("select", { id: "pb_team_order", "data-pb-team-order": true },
    ...Object.entries({ page: t("team_order_page"), weakest: t("team_order_weakest"), divided: t("team_order_divided") })
      .map(([value, text]) => el("option", { value, selected: value === order, text })));
  return el("div", { class: "pb-team__controls" },
    el("label", { for: "pb_team_order", text: t("team_order_label") }), select,
    el("button", { type: "button", class: "md-button pb-button pb-team__present", "data-pb-action": "present-team",
      "aria-pressed": String(presenting()), text: t(presenting() ? "team_present_stop" : "team_present") }));
};
/* Each dimension across the full width: how its answers fell, from the scale's lowest point
 * (left) to its highest, each point's share of the bar its share of the answers; the middle
 * of the bar is the median answer. The data table says the same for screen readers. */
/* A scale point's colour: red at the lowest, grey in the middle, green at the highest. */
const hue = (i, k) => {
  const share = k > 1 ? i / (k - 1) : 1;
  return share < 0.5 ? `--pb-hue: color-mix(in oklab, #c62828 ${Math.round(100 - share * 200)}%, #8a8a8a)`
    : `--pb-hue: color-mix(in oklab, #2e7d32 ${Math.round(share * 200 - 100)}%, #8a8a8a)`;
};
const dimensionRows = (team, dimensions, last) => {
  const k = team.points.length;
  const key = el("ul", { class: "pb-team__key" }, ...team.points.map((p, i) => el("li", {},
    el("span", { class: "pb-team__swatch", style: hue(i, k) }), p.label)));
  return el("div", { class: "pb-team__rows", "aria-hidden": "true" }, key,
    ...dimensions.map((d) => {
      const total = d.counts.reduce((a, b) => a + b, 0);
      const change = last && has(last.dimensions, d.id) ? ` (${signed(d.score - last.dimensions[d.id])})` : "";
      return el("div", { class: "pb-team__row", "data-dimension": d.id },
        el("p", { class: "pb-team__row-title" }, el("strong", { text: d.title }), " ",
          el("span", { text: t("team_row_numbers", { median: number(d.score), low: number(d.low), high: number(d.high) }) + change })),
        el("div", { class: "pb-team__bar" },
          ...d.counts.map((c, i) => (c ? el("span", { class: "pb-team__segment", "data-count": c,
            style: `flex-grow: ${c}; ${hue(i, k)}`, text: c / total >= 0.08 ? number(c) : "" }) : null)),
          el("span", { class: "pb-team__middle" })));
    }));
};
const present = (button) => {
  const on = document.documentElement.classList.toggle("pb-presenting");
  button.setAttribute("aria-pressed", String(on));
  button.textContent = on ? t("team_present_stop") : t("team_present");
  if (on) button.closest(".pb-team").scrollIntoView();
  button.focus();
};
document.addEventListener("keydown", (event) => {
  const button = document.querySelector(".pb-team__present");
  if (event.key === "Escape" && button && presenting()) present(button);
});
document.addEventListener("change", (event) => {
  const select = event.target;
  if (!(select instanceof HTMLSelectElement && select.hasAttribute("data-pb-team-order"))) return;
  order = select.value;
  const box = select.closest(".pb-team");
  box.querySelector(".pb-team__result").dataset.signature = "";
  updateTeam(box);
  box.querySelector("#pb_team_order").focus();
});
/* ---- Each team's results over time, and taking them elsewhere ---- */
/* A small line of a dimension's medians, oldest first (the words beside it say the same). */
const spark = (values) => {
  if (values.length < 2) return null;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 100 24");
  svg.setAttribute("class", "pb-team__spark");
  svg.setAttribute("aria-hidden", "true");
  const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
  line.setAttribute("points", values.map((v, i) => `${(100 * i) / (values.length - 1)},${22 - v / 5}`).join(" "));
  svg.append(line);
  return svg;
};
/* Per team (by name), each dimension's medians over its saved results and the last change. */
const trends = (team, history) => {
  const names = [];
  for (const r of history) if (!names.some((n) => sameName(n, r.name))) names.push(r.name);
  return names.map((name) => {
    const runs = history.filter((r) => sameName(r.name, name));
    return el("section", { class: "pb-team__trend", "data-team": name },
      el("h4", { text: t("team_trend_title", { name, count: number(runs.length), date: formatDate(runs[runs.length - 1].date) }) }),
      el("ul", {}, ...team.dimensions.map((d) => {
        const values = runs.map((r) => get(r.dimensions, d.id)).filter((v) => typeof v === "number");
        const change = values.length > 1 ? ` (${signed(values[values.length - 1] - values[values.length - 2])})` : "";
        return el("li", { "data-dimension": d.id }, spark(values),
          `${d.title}: ${values.map(number).join(" → ")}${change}`);
      })));
  });
};
const transfer = () => el("div", { class: "pb-team__transfer" },
  el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "export-team-csv", text: t("team_export_csv") }),
  el("button", { type: "button", class: "md-button pb-button", "data-pb-action": "export-team-json", text: t("team_export_json") }),
  el("label", { class: "md-button pb-button pb-import" }, t("team_import_label"),
    el("input", { type: "file", accept: ".json,application/json", "data-pb-team-import": true })),
  el("p", { class: "pb-status pb-team__transfer-status", role: "status" }));
const transferStatus = (text) => status(document.querySelector(".pb-team__transfer-status"), text);
/* A spreadsheet cell: quoted where it must be, and never read as a formula. */
const cell = (value) => {
  const text = String(value ?? "");
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};
const exportTeam = (kind) => {
  const box = document.querySelector(".pb-team");
  const team = teamOf(box);
  const results = read(TEAM_HISTORY, { results: [] }).results;
  const date = new Date().toISOString();
  let text;
  if (kind === "csv") {
    const rows = [[t("team_csv_team"), t("team_csv_date"), t("team_csv_answers"), ...team.dimensions.map((d) => d.title),
      t("team_csv_action"), t("team_csv_who"), t("team_csv_by"), t("team_csv_done")],
    ...results.map((r) => [r.name, r.date.slice(0, 10), r.count, ...team.dimensions.map((d) => get(r.dimensions, d.id)),
      ...(r.action ? [r.action.what, r.action.who, r.action.by, r.action.done] : ["", "", "", ""])])];
    text = `${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
  } else {
    text = JSON.stringify({ format: FORMAT, version: VERSION, site: config.site, exported: date,
      entries: { [TEAM_HISTORY]: { results } } }, null, 2);
  }
  download(`${config.site}-team-results-${date.slice(0, 10)}.${kind}`, text, kind === "csv" ? "text/csv" : "application/json");
  transferStatus(t("team_exported", { count: number(results.length) }));
};
/* A JSON file of team results (this page's, or the home page's export) merged in: this
 * browser's results all kept, the file's added where they are not here. */
const importTeam = async (input) => {
  const file = input.files && input.files[0];
  if (!file) return;
  const text = file.size <= MAX_IMPORT ? await file.text().catch(() => null) : null;
  input.value = "";
  const checked = text === null ? { error: "import_unreadable" } : checkImport(text, { version: VERSION, site: config.site });
  if (checked.error) {
    transferStatus(t(checked.error, checked.values || {}));
    return;
  }
  const theirs = checked.entries.get(TEAM_HISTORY);
  if (!theirs) {
    transferStatus(t("team_import_none"));
    return;
  }
  const before = read(TEAM_HISTORY, { results: [] }).results.length;
  const after = merged(new Map([[TEAM_HISTORY, theirs]]), read).get(TEAM_HISTORY);
  if (after) write(TEAM_HISTORY, after);
  updateTeam(input.closest(".pb-team"));
  transferStatus(t("team_imported", { count: number(after ? after.results.length - before : 0) }));
};
action("export-team-csv", () => exportTeam("csv"));
action("export-team-json", () => exportTeam("json"));
onChange((target) => {
  if (!target.hasAttribute("data-pb-team-import")) return false;
  importTeam(target);
  return true;
});
/* The team's last agreed action, first: what it was, and whether it happened (asked once,
 * and the answer kept with that result). */
let savedHere = ""; // the date of the result saved on this visit: its action is not asked about yet
const followUp = (box, last) => {
  const holder = box.querySelector(".pb-team__followup");
  const action = last && last.action;
  if (!action) return holder.replaceChildren();
  if (last.date === savedHere) {
    // Just agreed: said as it is (and printed with the picture), asked about next time.
    return holder.replaceChildren(el("div", { class: "pb-notice pb-team__last-action" },
      el("p", {}, el("strong", { text: t("team_action_agreed", { what: action.what }) })),
      ...(action.who || action.by ? [el("p", { text: t("team_action_owner",
        { who: action.who || "—", by: action.by ? formatDate(action.by) : "—" }) })] : [])));
  }
  const answers = { yes: t("team_action_yes"), partly: t("team_action_partly"), no: t("team_action_no") };
  const owner = action.who || action.by
    ? [el("p", { text: t("team_action_owner", { who: action.who || "—", by: action.by ? formatDate(action.by) : "—" }) })] : [];
  return holder.replaceChildren(el("div", { class: "pb-notice pb-team__last-action" },
    el("p", {}, el("strong", { text: t("team_action_last", { date: formatDate(last.date), what: action.what }) })), ...owner,
    action.done ? el("p", { text: t("team_action_answered", { answer: answers[action.done] }) })
      : el("p", { class: "pb-team__asked" }, t("team_action_asked"), " ",
        ...Object.entries(answers).flatMap(([value, text]) => [el("button", { type: "button", class: "md-button pb-button",
          "data-pb-action": "action-done", "data-answer": value, text }), " "]))));
};
action("action-done", (button) => {
  const box = button.closest(".pb-team");
  const name = box.querySelector("#pb_team_name").value;
  const history = read(TEAM_HISTORY, { results: [] }).results;
  const index = history.map((r) => sameName(r.name, name)).lastIndexOf(true);
  if (index < 0 || !history[index].action) return;
  history[index] = { ...history[index], action: { ...history[index].action, done: button.dataset.answer } };
  write(TEAM_HISTORY, { results: history });
  updateTeam(box);
  box.querySelector(".pb-team__followup p:last-child").setAttribute("tabindex", "-1");
  box.querySelector(".pb-team__followup p:last-child").focus();
});
const saveTeam = (box) => {
  const team = teamOf(box);
  const tally = keptTally(team);
  if (!tally || tally.count < team.threshold) return;
  const nameInput = box.querySelector("#pb_team_name");
  const name = nameInput.value.trim();
  const statusNode = box.querySelector(".pb-team__save .pb-status");
  if (!name) {
    status(statusNode, t("team_name_needed"));
    nameInput.focus();
    return;
  }
  const history = read(TEAM_HISTORY, { results: [] }).results;
  const dimensions = Object.fromEntries(pictureOf(team, tally).map((d) => [d.id, d.score]));
  const value = (id) => box.querySelector(id).value.trim();
  const what = value("#pb_action_what");
  const result = { date: new Date().toISOString(), name, count: tally.count, dimensions,
    ...(what ? { action: { what, who: value("#pb_action_who"), by: value("#pb_action_by"), done: "" } } : {}) };
  write(TEAM_HISTORY, { results: [...history, result].slice(-MAX_RESULTS) });
  savedHere = result.date;
  for (const id of ["#pb_action_what", "#pb_action_who", "#pb_action_by"]) box.querySelector(id).value = "";
  updateTeam(box);
  status(statusNode, t("team_saved"));
};
/* Forgetting the answers read: asked first, and undone on request. */
const resetTeam = (button) => {
  const box = button.closest(".pb-team");
  const previous = read(TEAM_TALLY, null);
  const act = () => {
    remove(TEAM_TALLY);
    updateTeam(box);
    if (previous) offerUndo(box.querySelector(".pb-team__read"), t("team_reset_done"), TEAM_TALLY, previous);
  };
  const count = previous ? previous.count : 0;
  if (!count) return act();
  ask(button, t("confirm_team_reset", { count: number(count) }), t("confirm_team_reset_yes"), act);
};

component(".pb-team", renderTeam);
/* A member's or a result's link opened in the tab that shows the page already: only the
 * address's fragment changes, and the page reads the link itself (the theme's instant
 * navigation may also put a fresh copy of the page in place: see `handled`). */
window.addEventListener("hashchange", () => {
  const box = document.querySelector(".pb-team");
  if (box) renderTeam(box);
});
action("save-team", (button) => saveTeam(button.closest(".pb-team")));
action("reset-team", resetTeam);
action("present-team", present);
action("count-again", (button) => {
  const box = button.closest(".pb-team");
  const team = teamOf(box);
  const tally = keptTally(team);
  const code = button.dataset.code;
  if (!tally || !code) return;
  const check = normaliseCode(code).slice(-4);
  const { tally: next, added } = addCodes(team, { ...tally, seen: tally.seen.filter((c) => c !== check) }, code);
  if (!added) return;
  keep(team, { ...next, seen: tally.seen });
  const input = box.querySelector("#pb_team_codes");
  const lines = input.value.split("\n");
  lines.splice(lines.findIndex((line) => line.trim() === code), 1);
  input.value = lines.join("\n");
  updateTeam(box);
  input.focus();
});
action("open-result", (button) => {
  if (offered) openResult(button.closest(".pb-team"), offered);
});
action("copy-result", async (button) => {
  const box = button.closest(".pb-share");
  const copied = await copyField(box.querySelector("#pb_team_result"));
  status(box.querySelector(".pb-share__status"), copied ? t("team_copied") : t("team_copy_failed"));
});
onInput((target) => {
  if (target instanceof HTMLTextAreaElement && target.hasAttribute("data-pb-team-codes")) {
    const box = target.closest(".pb-team");
    if (note) noted(box, "");
    readCodes(box, target.value);
    updateTeam(box);
    return true;
  }
  if (!(target instanceof HTMLInputElement && target.id === "pb_team_name")) return false;
  updateTeam(target.closest(".pb-team"));
  return true;
});
