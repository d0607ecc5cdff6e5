/* Team codes: the same format as generator/team.py, and the team's picture they add up to. */
import { get } from "./shapes.mjs";
import { median } from "./scoring.mjs";

/** @typedef {{id: string, reverse?: boolean}} Question */
/** @typedef {{value: number, label?: string}} Point */
/** @typedef {{id: string, title: string, questions: Question[]}} Dimension */
/** @typedef {{version: string, dimensions: Dimension[], points: Point[], threshold?: number}} Team */

/** Why a pasted line is not read (generator/team.py's REASONS), each a string team_refused_<reason>. */
export const REASONS = ["format", "check", "version", "fit"];
const CODE = /^([0-9a-z]{4})-([0-9a-z]{1,1000})-([0-9a-z]{4})$/;
/** @param {number} n @param {number} width */
const base36 = (n, width) => n.toString(36).padStart(width, "0");
/** FNV-1a over the code's first two parts (32 bits), as four base-36 characters.
 * @param {string} text */
export const checkOf = (text) => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return base36(hash % 36 ** 4, 4);
};
/** How many base-36 characters `count` answers on a scale of `points` points take packed
 * (generator/team.py's width). @param {number} points @param {number} count */
const width = (points, count) => (BigInt(points) ** BigInt(count) - 1n).toString(36).length;
/** A member's code: `questions` in page order, `values` the scale's point values lowest first;
 * the answers packed into one number (generator/team.py's pack).
 * @param {string} version @param {Question[]} questions @param {number[]} values @param {Record<string, number>} answers */
export const encodeTeam = (version, questions, values, answers) => {
  const k = BigInt(values.length);
  const packed = questions.reduce((n, q) => n * k + BigInt(values.indexOf(get(answers, q.id))), 0n);
  const head = `${version}-${packed.toString(36).padStart(width(values.length, questions.length), "0")}`;
  return `${head}-${checkOf(head)}`;
};
/** A pasted line or a member's link as a code: spaces out, lower case, the link's address off.
 * @param {string} line */
export const normaliseCode = (line) => {
  let text = line.trim();
  if (text.includes("#code=")) text = text.slice(text.lastIndexOf("#code=") + 6);
  return text.split(/\s+/).join("").toLowerCase();
};
/** {answers} of one pasted line, or {reason} it is refused (team_refused_<reason>).
 * @param {string} line @param {Team} team
 * @returns {{answers: Record<string, number>, reason?: undefined} | {reason: string}} */
export const decodeTeam = (line, team) => {
  const match = CODE.exec(normaliseCode(line));
  if (!match) return { reason: "format" };
  if (checkOf(`${match[1]}-${match[2]}`) !== match[3]) return { reason: "check" };
  if (match[1] !== team.version) return { reason: "version" };
  const questions = team.dimensions.flatMap((d) => d.questions);
  const k = BigInt(team.points.length);
  let packed = [...match[2]].reduce((n, c) => n * 36n + BigInt(parseInt(c, 36)), 0n);
  if (match[2].length !== width(team.points.length, questions.length) || packed >= k ** BigInt(questions.length)) {
    return { reason: "fit" };
  }
  /** @type {number[]} */
  const positions = [];
  for (let i = 0; i < questions.length; i += 1) {
    positions.unshift(Number(packed % k));
    packed /= k;
  }
  return { answers: Object.fromEntries(questions.map((q, i) => [q.id, team.points[positions[i]].value])) };
};
/** The first and third quartiles (as generator/team.py's quartiles): the sorted values read
 * at (n - 1) / 4 and 3 (n - 1) / 4, between two values in proportion. Exact: the shares are
 * quarters. @param {number[]} values @returns {[number, number]} */
export const quartiles = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  /** @param {number} position */
  const at = (position) => {
    const index = Math.floor(position);
    const share = position - index;
    return share ? sorted[index] + (sorted[index + 1] - sorted[index]) * share : sorted[index];
  };
  const last = sorted.length - 1;
  return [at(last / 4), at((3 * last) / 4)];
};
/** The dimensions whose middle half of answers is widest, in their order; none when it is
 * zero everywhere (as generator/team.py's most_divided).
 * @template {{lower: number, upper: number}} T @param {T[]} dimensions @returns {T[]} */
export const mostDivided = (dimensions) => {
  const widest = Math.max(...dimensions.map((d) => d.upper - d.lower));
  return widest ? dimensions.filter((d) => d.upper - d.lower === widest) : [];
};
/** The tally of members' answers (generator/team.py's Tally): per dimension, in order, how
 * many answers fell on each point of the scale, a reverse-scored statement's turned round.
 * @param {Team} team @param {Record<string, number>[]} members
 * @returns {{count: number, counts: Record<string, number[]>}} */
export const tallyOf = (team, members) => {
  const values = team.points.map((p) => p.value);
  const last = values.length - 1;
  /** @type {Record<string, number[]>} */
  const counts = {};
  for (const d of team.dimensions) {
    const row = values.map(() => 0);
    for (const answers of members) {
      for (const q of d.questions) {
        const position = values.indexOf(/** @type {number} */ (get(answers, q.id)));
        row[q.reverse ? last - position : position] += 1;
      }
    }
    counts[d.id] = row;
  }
  return { count: members.length, counts };
};
/** Per dimension the numbers of a tally (generator/team.py's summary_of): every answer
 * scores as its point does (0 to 100, evenly), and the median, lowest, highest and
 * quartiles are those of all its answers' scores. Worked on the points' positions and
 * scaled last, so each number is rounded once, as the reference's exact fractions are.
 * @param {Team} team @param {{count: number, counts: Record<string, number[]>}} tally */
export const pictureOf = (team, tally) => {
  const last = team.points.length - 1;
  /** @param {number} position */
  const scored = (position) => (100 * position) / last;
  return team.dimensions.map((d) => {
    const counts = get(tally.counts, d.id) || team.points.map(() => 0);
    if (!tally.count) return { id: d.id, title: d.title };
    const positions = counts.flatMap((/** @type {number} */ count, /** @type {number} */ position) =>
      Array(count).fill(position));
    const [lower, upper] = quartiles(positions);
    return { id: d.id, title: d.title, score: scored(median(positions)), low: scored(positions[0]),
      high: scored(positions[positions.length - 1]), counts, lower: scored(lower), upper: scored(upper) };
  });
};
/** @typedef {{count: number, counts: Record<string, number[]>, seen: string[]}} Tally */
/** A tally of no one. @param {Team} team @returns {Tally} */
export const emptyTally = (team) => ({ ...tallyOf(team, []), seen: [] });
/** The pasted `text` (codes, one a line, or members' links) read into `tally`: the new tally,
 * the lines refused with why (team_refused_<reason>), those read before (by their check
 * characters, which `seen` keeps instead of the codes), and how many were added. Nothing of
 * a code but its part of the tally and its check is kept.
 * @param {Team} team @param {Tally} tally @param {string} text */
export const addCodes = (team, tally, text) => {
  /** @type {Record<string, number>[]} */
  const members = [];
  /** @type {{line: string, reason: string}[]} */
  const refused = [];
  const seen = [...tally.seen];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const read = decodeTeam(line, team);
    const check = normaliseCode(line).slice(-4);
    if (read.reason !== undefined) refused.push({ line: line.trim(), reason: read.reason });
    else if (seen.includes(check)) refused.push({ line: line.trim(), reason: "again" });
    else {
      seen.push(check);
      members.push(read.answers);
    }
  }
  const added = tallyOf(team, members);
  const counts = Object.fromEntries(Object.entries(tally.counts).map(([id, row]) =>
    [id, row.map((n, i) => n + (get(added.counts, id) || [])[i])]));
  return { tally: { count: tally.count + members.length, counts, seen }, refused, added: members.length };
};
/** The team result code of a tally (generator/team.py's result_code): the version, how many
 * members and every dimension's counts in base 36, dot-separated, and the check.
 * @param {Team} team @param {{count: number, counts: Record<string, number[]>}} tally */
export const resultCode = (team, tally) => {
  const numbers = [tally.count, ...team.dimensions.flatMap((d) => get(tally.counts, d.id))];
  const head = `${team.version}-${numbers.map((n) => n.toString(36)).join(".")}`;
  return `${head}-${checkOf(head)}`;
};
const RESULT = /^([0-9a-z]{4})-([0-9a-z]{1,9}(?:\.[0-9a-z]{1,9}){1,5000})-([0-9a-z]{4})$/;
/** {tally} a team result code or its link holds (generator/team.py's read_result), or
 * {reason} it is refused. @param {string} line @param {Team} team
 * @returns {{tally: {count: number, counts: Record<string, number[]>}, reason?: undefined} | {reason: string}} */
export const readResult = (line, team) => {
  let text = line.trim();
  if (text.includes("#result=")) text = text.slice(text.lastIndexOf("#result=") + 8);
  const match = RESULT.exec(text.split(/\s+/).join("").toLowerCase());
  if (!match) return { reason: "format" };
  if (checkOf(`${match[1]}-${match[2]}`) !== match[3]) return { reason: "check" };
  if (match[1] !== team.version) return { reason: "version" };
  const [count, ...numbers] = match[2].split(".").map((n) => parseInt(n, 36));
  const k = team.points.length;
  if (count < 1 || numbers.length !== k * team.dimensions.length) return { reason: "fit" };
  /** @type {Record<string, number[]>} */
  const counts = {};
  for (const [i, d] of team.dimensions.entries()) {
    const row = numbers.slice(i * k, (i + 1) * k);
    if (row.reduce((a, b) => a + b, 0) !== count * d.questions.length) return { reason: "fit" };
    counts[d.id] = row;
  }
  return { tally: { count, counts } };
};
/** The team's codes (one a line) read together: how many were read, which lines were refused
 * and why, and per dimension the picture of their tally (pictureOf).
 * @param {Team} team @param {string} text */
export const teamPicture = (team, text) => {
  /** @type {Record<string, number>[]} */
  const members = [];
  /** @type {{line: number, reason: string}[]} */
  const refused = [];
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    const read = decodeTeam(line, team);
    if (read.reason !== undefined) refused.push({ line: index + 1, reason: read.reason });
    else members.push(read.answers);
  });
  return { count: members.length, refused, dimensions: pictureOf(team, tallyOf(team, members)) };
};
