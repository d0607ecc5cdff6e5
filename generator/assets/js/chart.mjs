/* Charts: a radar for three or more dimensions, bars otherwise, drawn as inline SVG. */
import { get, has } from "./shapes.mjs";
import { el, number, t } from "./page.mjs";

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
export const labelSize = () => {
  const text = document.querySelector(".md-content .md-typeset p") || document.body;
  return Math.round(8.5 * (parseFloat(getComputedStyle(text).fontSize) || 16)) / 10;
};
/* A radar chart for three or more dimensions, bars otherwise; drawn here, no library, at
 * `width` (the width it will be shown at, so that its labels keep their size on a phone).
 * `dimensions` are {id, title, score}; `previous` maps dimension ids to an earlier score;
 * `range` ({low, high}, maps of ids) draws the band from lowest to highest. */
export const chart = (dimensions, previous, { label, range, width: shown, font: FONT = 14 } = {}) => {
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
export const legend = (...entries) => el("ul", { class: "pb-legend" }, ...entries.filter(Boolean).map(([kind, text]) =>
  el("li", {}, el("span", { class: `pb-legend__swatch pb-legend__swatch--${kind}`, "aria-hidden": "true" }), text)));

