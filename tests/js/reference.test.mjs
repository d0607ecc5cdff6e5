// The core's scoring and team codes against the Python references' own answers: the cases
// are written by tests/test_script_checks.py (PLAYBOOK_CASES names their file).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { bandFor, score, weakest } from "../../generator/assets/js/scoring.mjs";
import {
  addCodes, checkOf, decodeTeam, emptyTally, encodeTeam, mostDivided, readResult, resultCode, teamPicture,
} from "../../generator/assets/js/teamcodes.mjs";

const file = process.env.PLAYBOOK_CASES;
const cases = file ? JSON.parse(readFileSync(file, "utf-8")) : null;
const questions = cases ? cases.team.dimensions.flatMap((d) => d.questions) : [];

test("the cases of the Python references are given", () => {
  assert.ok(file, "PLAYBOOK_CASES names no file: run tests/test_script_checks.py");
  assert.ok(cases.scoring.length > 0 && cases.members.length > 0);
});

test("scores and bands agree with generator/scoring.py", () => {
  for (const c of cases.scoring) {
    const value = score(c.questions, c.answers, c.min, c.max);
    assert.deepEqual([c.case, value, bandFor(c.bands, value).id], [c.case, c.score, c.band]);
  }
});

test("the weakest dimensions agree with generator/scoring.py", () => {
  for (const member of cases.members) {
    const scores = cases.team.dimensions.map((d) => ({ id: d.id, score: score(d.questions, member.answers,
      cases.values[0], cases.values[cases.values.length - 1]) }));
    assert.deepEqual(scores.map((s) => s.score), cases.team.dimensions.map((d) => member.scores[d.id]));
    assert.deepEqual(weakest(scores).map((s) => s.id), member.weakest);
  }
});

test("team codes are made as generator/team.py makes them, and read back", () => {
  for (const member of cases.members) {
    assert.equal(encodeTeam(cases.team.version, questions, cases.values, member.answers), member.code);
    assert.deepEqual(decodeTeam(member.code, cases.team), { answers: member.answers });
  }
});

test("check characters agree with generator/team.py", () => {
  for (const [text, expected] of Object.entries(cases.checks)) assert.equal(checkOf(text), expected, text);
});

test("pasted lines are read or refused for the reasons generator/team.py gives", () => {
  const reasons = new Set();
  for (const c of cases.decoded) {
    assert.deepEqual(decodeTeam(c.line, cases.team), c.reason ? { reason: c.reason } : { answers: c.answers }, c.line);
    if (c.reason) reasons.add(c.reason);
  }
  assert.deepEqual([...reasons].sort(), ["check", "fit", "format", "version"]);
});

test("a team's picture agrees with generator/team.py's summary", () => {
  for (const c of cases.teams) {
    const picture = teamPicture(cases.team, `${c.codes}\n\nnot a code\n`);
    assert.equal(picture.count, c.count);
    assert.deepEqual(picture.refused, [{ line: c.count + 2, reason: "format" }]);
    assert.deepEqual(picture.dimensions.map(({ id, score: median, low, high, counts, lower, upper }) =>
      ({ id, score: median, low, high, counts, lower, upper })), c.dimensions);
    assert.deepEqual(weakest(picture.dimensions).map((d) => d.id), c.weakest);
    assert.deepEqual(mostDivided(picture.dimensions).map((d) => d.id), c.divided);
  }
});

test("team result codes are made and read as generator/team.py makes and reads them", () => {
  for (const c of cases.teams) {
    const { tally, refused, added } = addCodes(cases.team, emptyTally(cases.team), `${c.codes}\nnot a code`);
    assert.equal(added, c.count);
    assert.deepEqual(refused, [{ line: "not a code", reason: "format" }]);
    assert.equal(resultCode(cases.team, tally), c.result);
    assert.deepEqual(readResult(c.result, cases.team), { tally: { count: tally.count, counts: tally.counts } });
    assert.deepEqual(readResult(`https://example.org/team/#result=${c.result.toUpperCase()}`, cases.team),
      readResult(c.result, cases.team));
  }
  const reasons = new Set();
  for (const c of cases.results) {
    const read = readResult(c.line, cases.team);
    assert.deepEqual(read, c.reason ? { reason: c.reason } : { tally: c.tally }, c.line);
    if (c.reason) reasons.add(c.reason);
  }
  assert.deepEqual([...reasons].sort(), ["check", "fit", "format", "version"]);
});

test("a code read once is not read again; only its check characters are kept", () => {
  const [first, second] = cases.members;
  const once = addCodes(cases.team, emptyTally(cases.team), first.code);
  assert.deepEqual(once.tally.seen, [first.code.slice(-4)]);
  const again = addCodes(cases.team, once.tally, `${first.code.toUpperCase()}\n${second.code}`);
  assert.equal(again.added, 1);
  assert.deepEqual(again.refused, [{ line: first.code.toUpperCase(), reason: "again" }]);
  assert.equal(again.tally.count, 2);
  assert.ok(!JSON.stringify(again.tally).includes(first.code.split("-")[1]));
});
