"""The browser script's own checks, run as ruff and mypy are: ESLint's recommended rules,
tsc --checkJs over the core's JSDoc types, and Node's test runner over the core's unit tests,
whose scoring and team code cases come from the Python references (generator/scoring.py,
generator/team.py), so that both agree by construction. The checkers are the releases pinned
in tests/js/package-lock.json, which tests/setup.sh installs with npm ci."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from support.bundle import DIST, minified

from generator import team
from generator.project import load_project
from generator.scoring import band_for, percent_score, weakest
from generator.script_data import team_data

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tests" / "js"
CONFIG = "tests/js/eslint.config.mjs"
UNIT_TESTS = sorted(str(p.relative_to(ROOT)) for p in TOOLS.glob("*.test.mjs"))


def run_node(
    *command: str, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: run bash tests/setup.sh")
    return subprocess.run(
        [node, *command],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": str(Path(node).parent), "NO_COLOR": "1", **env},
    )


def tool(name: str) -> str:
    path = TOOLS / "node_modules" / name
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run bash tests/setup.sh")
    return str(path)


ESLINT = "eslint/bin/eslint.js"
TSC = "typescript/bin/tsc"


def test_eslint_passes() -> None:
    result = run_node(tool(ESLINT), "-c", CONFIG, "generator/assets/js", "tests/js")
    assert result.returncode == 0, result.stdout + result.stderr


def test_eslint_reports_a_core_module_that_touches_the_page() -> None:
    text = "export const here = () => window.location.href;\nconst unused = 1;\n"
    result = run_node(
        tool(ESLINT),
        "-c",
        CONFIG,
        "--stdin",
        "--stdin-filename",
        "generator/assets/js/shapes.mjs",
        stdin=text,
    )
    assert result.returncode == 1
    assert "'window' is not defined" in result.stdout and "no-undef" in result.stdout
    assert "'unused' is assigned a value but never used" in result.stdout


def test_the_shipped_copies_are_the_modules_minified() -> None:
    """What assets/dist holds is what terser and Lightning CSS make of the modules and
    stylesheets now: no edit is left out of the copies readers get."""
    shipped = {path.name: path.read_text(encoding="utf-8") for path in DIST.iterdir()}
    made = minified()
    stale = sorted(
        name for name in made.keys() | shipped.keys() if made.get(name) != shipped.get(name)
    )
    assert stale == [], (
        f"generator/assets/dist is out of date ({', '.join(stale)}): "
        "run .venv/bin/python tests/support/bundle.py"
    )


def test_tsc_check_js_passes() -> None:
    result = run_node(tool(TSC), "-p", "tests/js/tsconfig.json")
    assert result.returncode == 0, result.stdout + result.stderr


def test_tsc_reports_a_type_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.mjs"
    bad.write_text(
        'import { score } from "' + (ROOT / "generator/assets/js/scoring.mjs").as_posix() + '";\n'
        'export const wrong = score([{ id: "a" }], { a: 1 }, "1", 5);\n',
        encoding="utf-8",
    )
    config = tmp_path / "tsconfig.json"
    config.write_text(
        json.dumps({"extends": str(TOOLS / "tsconfig.json"), "files": [str(bad)]}),
        encoding="utf-8",
    )
    result = run_node(tool(TSC), "-p", str(config))
    assert result.returncode != 0
    assert "bad.mjs(2," in result.stdout and "error TS2345" in result.stdout, result.stdout


def reference_cases() -> dict[str, Any]:
    """Scoring, bands, weakest dimensions and team codes as the Python references give them."""
    content = load_project(ROOT).content_for("default")
    rng = random.Random(20261208)
    scoring = []
    for practice_id, loaded in sorted(content.practices.items()):
        assessment = loaded.model.assessment
        scale = content.scales[assessment.scale]
        values = [p.value for p in scale.points]
        for seed in range(40):
            answers = {q.id: rng.choice(values) for q in assessment.questions}
            if seed == 0:
                answers = {q.id: values[0] for q in assessment.questions}
            expected = percent_score(answers, assessment.questions, scale)
            scoring.append(
                {
                    "case": f"{practice_id}#{seed}",
                    "questions": [
                        {"id": q.id, "reverse": q.reverse} for q in assessment.questions
                    ],
                    "answers": answers,
                    "min": values[0],
                    "max": values[-1],
                    "bands": [{"id": b.id, "min": b.min, "max": b.max} for b in assessment.bands],
                    "score": expected,
                    "band": band_for(expected, assessment.bands).id,
                }
            )
    assert content.health_check is not None
    health = content.health_check.model
    scale = content.scales[health.scale]
    values = [p.value for p in scale.points]
    version = team.version(health, scale)
    data = json.loads(team_data(health, scale, version, 3))
    statements = team.statements(health)
    members = []
    for _ in range(60):
        answers = {q.id: rng.choice(values) for q in statements}
        scores = team.member_scores(answers, health, scale)
        code = team.encode(answers, health, scale)
        members.append(
            {"answers": answers, "code": code, "scores": scores, "weakest": weakest(scores)}
        )
    lines = [
        members[0]["code"].upper(),
        f"  https://example.org/team/#code={members[1]['code']}  ",
        " ".join(members[2]["code"]),
        "not a code",
        members[3]["code"][:-1] + ("0" if members[3]["code"][-1] != "0" else "1"),
        "zzzz-"
        + members[4]["code"].split("-")[1]
        + "-"
        + team.check_characters("zzzz-" + members[4]["code"].split("-")[1]),
    ]
    body = members[5]["code"].split("-")[1][:-1]
    lines.append(f"{version}-{body}-{team.check_characters(f'{version}-{body}')}")
    decoded = []
    for line in lines:
        try:
            decoded.append({"line": line, "answers": team.decode(line, health, scale)})
        except team.CodeError as error:
            decoded.append({"line": line, "reason": error.reason})
    teams = []
    for size in (1, 2, 3, 4, 7, 60):
        chosen = members[:size]
        summary = team.summarise([m["answers"] for m in chosen], health, scale)
        teams.append(
            {
                "codes": "\n".join(m["code"] for m in chosen),
                "count": summary.count,
                "dimensions": [
                    {
                        "id": d.id,
                        "score": float(d.median),
                        "low": float(d.low),
                        "high": float(d.high),
                        "counts": list(d.counts),
                        "lower": float(d.lower_quartile),
                        "upper": float(d.upper_quartile),
                    }
                    for d in summary.dimensions
                ],
                "weakest": summary.weakest(),
                "divided": summary.most_divided(),
                "result": team.result_code(
                    team.tally([m["answers"] for m in chosen], health, scale), health, scale
                ),
            }
        )
    three = team.result_code(
        team.tally([m["answers"] for m in members[:3]], health, scale), health, scale
    )
    numbers = three.split("-")[1]
    other_head = "zzzz-" + numbers
    too_few = f"{version}-{numbers.rsplit('.', 1)[0]}"  # a count left out
    rest, last = numbers.rsplit(".", 1)
    wrong_sum = f"{version}-{rest}.{team.base36_of(int(last, 36) + 1)}"
    result_lines = [
        three,
        three[:-1] + ("0" if three[-1] != "0" else "1"),
        f"{other_head}-{team.check_characters(other_head)}",
        f"{too_few}-{team.check_characters(too_few)}",
        f"{wrong_sum}-{team.check_characters(wrong_sum)}",
        "not a result",
        members[0]["code"],
    ]
    results = []
    for line in result_lines:
        try:
            counted = team.read_result(line, health, scale)
            results.append(
                {"line": line, "tally": {"count": counted.count, "counts": dict(counted.counts)}}
            )
        except team.CodeError as error:
            results.append({"line": line, "reason": error.reason})
    checks = ["", "a", "abcd-0123", version + "-" + "0" * 40]
    return {
        "scoring": scoring,
        "team": data,
        "values": values,
        "members": members,
        "decoded": decoded,
        "teams": teams,
        "results": results,
        "checks": {text: team.check_characters(text) for text in checks},
    }


def test_the_unit_tests_pass_with_the_python_references_cases(tmp_path: Path) -> None:
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps(reference_cases()), encoding="utf-8")
    assert UNIT_TESTS
    result = run_node("--test", "--test-reporter=tap", *UNIT_TESTS, PLAYBOOK_CASES=str(cases))
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr
    assert "# fail 0" in result.stdout


def test_a_wrong_reference_case_fails_the_unit_tests(tmp_path: Path) -> None:
    wrong = reference_cases()
    wrong["scoring"][0]["score"] += 1
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps(wrong), encoding="utf-8")
    result = run_node("--test", "--test-reporter=tap", *UNIT_TESTS, PLAYBOOK_CASES=str(cases))
    assert result.returncode == 1
    assert "# fail 1" in result.stdout


def test_the_core_is_every_module_that_never_reaches_the_page() -> None:
    """ESLint's core (no browser globals) and tsc's files (no DOM) are the modules that do
    not import page.mjs, directly or through another: the core never touches the page."""
    from generator import scripts

    core = {
        name
        for name in scripts.module_names()
        if "page.mjs" not in scripts.in_order(name) and not name.startswith("part-")
    }
    assert core == {f"{name}.mjs" for name in CORE_NAMES}
    eslint = (TOOLS / "eslint.config.mjs").read_text(encoding="utf-8")
    listed = re.search(r"export const CORE = \[([^\]]*)\]", eslint)
    assert listed is not None
    assert set(re.findall(r'"([a-z]+)"', listed.group(1))) == set(CORE_NAMES)
    tsconfig = json.loads((TOOLS / "tsconfig.json").read_text(encoding="utf-8"))
    assert {Path(f).name for f in tsconfig["files"]} == core


CORE_NAMES = ("shapes", "upgrades", "scoring", "ticks", "teamcodes", "storage", "transfer")
