/* The team page: members' codes read together, the team's picture, saved under a name. */
import { has, MAX_RESULTS, MAX_TEAM_TEXT, TEAM_CODES, TEAM_HISTORY } from "./shapes.mjs";
import { weakest } from "./scoring.mjs";
import { mostDivided, normaliseCode, teamPicture } from "./teamcodes.mjs";
import { action, component, el, formatDate, number, onInput, read, remove, signed, status, t, write } from "./page.mjs";
import { chart, labelSize, legend } from "./chart.mjs";
import { field, nameList, recommendation, sameName } from "./results.mjs";

/* ---- The team page: members' codes read together ---- */
/* Why a pasted line is not read, by teamcodes.mjs's REASONS. */
const REFUSED = {
  format: () => t("team_refused_format"),
  check: () => t("team_refused_check"),
  version: () => t("team_refused_version"),
  fit: () => t("team_refused_fit"),
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
  box.querySelector(".pb-team__save").hidden = picture.count < team.threshold;
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
  // Below the threshold nothing about the answers is on the page: with so few, one person's
  // could be told. Only how many codes there are and how many are needed.
  if (count < team.threshold) {
    nodes.push(el("p", { class: "pb-notice pb-team__hidden",
      text: t("team_needed", { count: number(count), threshold: number(team.threshold) }) }));
    return nodes;
  }
  const ids = (key) => Object.fromEntries(dimensions.map((d) => [d.id, d[key]]));
  const label = [t("team_chart_label", { medians: dimensions.map((d) =>
    t("team_median_item", { title: d.title, median: number(d.score) })).join("; ") })];
  label.push(t("team_chart_range", { ranges: dimensions.map((d) =>
    t("team_range_item", { title: d.title, low: number(d.low), high: number(d.high) })).join("; ") }));
  nodes.push(el("figure", { class: "pb-team__chart" },
    chart(dimensions, last, { label: label.join(" "), range: { low: ids("low"), high: ids("high") },
      width, font: labelSize() }),
    legend(["median", t("team_legend_median")], ["range", t("team_legend_range")],
      last && ["previous", t("team_legend_previous", { date: formatDate(last.date) })])));
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
  nodes.push(el("div", { class: "pb-table-wrap", tabindex: "0", role: "region", "aria-label": t("team_table_caption") },
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
    el("ul", { class: "pb-team__recommendations" }, ...talk.map((d) => recommendation(d, t("recommend", { title: d.title })))));
  return nodes;
};
const saveTeam = (box) => {
  const team = JSON.parse(box.dataset.team);
  const picture = teamPicture(team, box.querySelector("#pb_team_codes").value);
  if (picture.count < team.threshold) return;
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


component(".pb-team", renderTeam);
action("save-team", (button) => saveTeam(button.closest(".pb-team")));
onInput((target) => {
  if (target instanceof HTMLTextAreaElement && target.hasAttribute("data-pb-team-codes")) {
    if (target.value.trim()) write(TEAM_CODES, { text: target.value.slice(0, MAX_TEAM_TEXT) });
    else remove(TEAM_CODES);
    updateTeam(target.closest(".pb-team"));
    return true;
  }
  if (!(target instanceof HTMLInputElement && target.id === "pb_team_name")) return false;
  updateTeam(target.closest(".pb-team"));
  return true;
});
