"""Every kind of content mistake gives its exact message, at its file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.projects import edit, problems, write_minimal_project

from generator.errors import ContentError
from generator.pipeline import build_all, build_site
from generator.project import load_project

ALPHA = "content/practices/alpha.yaml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # messages name files relative to the working folder
    return write_minimal_project(tmp_path)


def test_the_minimal_project_is_valid(project: Path) -> None:
    loaded = load_project(project)
    assert sorted(loaded.content_for("default").practices) == ["alpha", "beta"]


CASES = {
    "yaml syntax": (
        ALPHA,
        "title: Practice alpha",
        "title: [unclosed",
        "content/practices/alpha.yaml:3:8: YAML syntax error: while parsing a flow sequence: "
        "expected ',' or ']', but got ':'",
    ),
    "tab indentation": (
        ALPHA,
        "  - id: first-item",
        "\t- id: first-item",
        "content/practices/alpha.yaml:20:1: YAML syntax error: while scanning for the next "
        "token: found character '\\t' that cannot start any token (indent with spaces, not tabs)",
    ),
    "wrong type": (
        ALPHA,
        "tags: [sample]",
        "tags: sample",
        "content/practices/alpha.yaml:4:7: tags: expected a list, got text ('sample')",
    ),
    "yes read as a boolean": (
        ALPHA,
        "title: Practice alpha",
        "title: yes",
        "content/practices/alpha.yaml:2:8: title: expected text, got true "
        "(quote the text if you meant words such as yes or no)",
    ),
    "missing required key": (
        ALPHA,
        "summary: One sentence about alpha.\n",
        "",
        "content/practices/alpha.yaml:1:1: missing required key 'summary'",
    ),
    "duplicate key": (
        ALPHA,
        "why: Because it matters.",
        "why: Because it matters.\ntitle: Again",
        "content/practices/alpha.yaml:6:1: duplicate key 'title' (first defined at line 2)",
    ),
    "duplicate checklist id": (
        ALPHA,
        "id: second-item",
        "id: first-item",
        "content/practices/alpha.yaml:22:9: checklist[1].id: duplicate id 'first-item' "
        "(first defined at line 20)",
    ),
    "duplicate question id": (
        ALPHA,
        "id: second-question",
        "id: first-question",
        "content/practices/alpha.yaml:29:11: assessment.questions[1].id: "
        "duplicate id 'first-question' (first defined at line 27)",
    ),
    "invalid id": (
        ALPHA,
        "id: first-item",
        "id: First Item",
        "content/practices/alpha.yaml:20:9: checklist[0].id: 'First Item' is not a valid id: "
        "use lowercase letters, digits and single hyphens",
    ),
    "id does not match the file name": (
        ALPHA,
        "id: alpha",
        "id: alfa",
        "content/practices/alpha.yaml:1:5: id: id 'alfa' does not match the file name "
        "'alpha.yaml' (expected 'alpha')",
    ),
    "unknown related practice": (
        ALPHA,
        "related: [beta]",
        "related: [betta]",
        "content/practices/alpha.yaml:44:11: related[0]: unknown practice 'betta' "
        "(did you mean 'beta'?)",
    ),
    "related to itself": (
        ALPHA,
        "related: [beta]",
        "related: [beta, alpha]",
        "content/practices/alpha.yaml:44:17: related[1]: a practice cannot be related to itself",
    ),
    "unknown practice in a band's links": (
        ALPHA,
        "practices: [beta]",
        "practices: [alpah]",
        "content/practices/alpha.yaml:43:19: assessment.bands[1].practices[0]: "
        "unknown practice 'alpah' (did you mean 'alpha'?)",
    ),
    "band pointing to its own practice": (
        ALPHA,
        "practices: [beta]",
        "practices: [beta, alpha]",
        "content/practices/alpha.yaml:43:25: assessment.bands[1].practices[1]: "
        "a band cannot point to its own practice",
    ),
    "unknown practice in the health check": (
        "content/health-check.yaml",
        "practices: [beta]",
        "practices: [gamma]",
        "content/health-check.yaml:16:17: dimensions[1].practices[0]: unknown practice 'gamma'",
    ),
    "unknown practice in troubleshooting": (
        "content/troubleshooting.yaml",
        "practices: [alpha]",
        "practices: [alpah]",
        "content/troubleshooting.yaml:10:17: challenges[0].practices[0]: "
        "unknown practice 'alpah' (did you mean 'alpha'?)",
    ),
    "unknown scale": (
        ALPHA,
        "scale: frequency",
        "scale: frequent",
        "content/practices/alpha.yaml:25:10: assessment.scale: unknown scale 'frequent' "
        "(did you mean 'frequency'?)",
    ),
    "empty checklist": (
        ALPHA,
        "checklist:\n  - id: first-item\n    text: Tick the first item.\n"
        "  - id: second-item\n    text: Tick the second item.\n",
        "checklist: []\n",
        "content/practices/alpha.yaml:19:12: checklist: must not be empty",
    ),
    "empty assessment": (
        ALPHA,
        "    - id: first-question\n      text: I do the first thing.\n"
        "    - id: second-question\n      text: I skip the second thing.\n      reverse: true\n",
        "    []\n",
        "content/practices/alpha.yaml:27:5: assessment.questions: must not be empty",
    ),
    "bands overlap": (
        ALPHA,
        "min: 50",
        "min: 45",
        "content/practices/alpha.yaml:39:12: assessment.bands[1].min: band 'high' overlaps "
        "band 'low': scores 45-49 fall in both",
    ),
    "bands leave a gap": (
        ALPHA,
        "min: 50",
        "min: 60",
        "content/practices/alpha.yaml:39:12: assessment.bands[1].min: scores 50-59 fall in "
        "no band (band 'high' starts at 60)",
    ),
    "bands start above zero": (
        ALPHA,
        "min: 0",
        "min: 5",
        "content/practices/alpha.yaml:34:12: assessment.bands[0].min: scores 0-4 fall in no "
        "band (band 'low' starts at 5)",
    ),
    "bands end below 100": (
        ALPHA,
        "max: 100",
        "max: 90",
        "content/practices/alpha.yaml:40:12: assessment.bands[1].max: scores 91-100 fall in "
        "no band (band 'high' ends at 90)",
    ),
    "band out of range": (
        ALPHA,
        "max: 100",
        "max: 120",
        "content/practices/alpha.yaml:40:12: assessment.bands[1].max: "
        "must be at most 100, got 120",
    ),
    "unknown practice in the playbook": (
        "playbooks/default.yaml",
        "  - beta",
        "  - beta\n  - delta",
        "playbooks/default.yaml:7:5: practices[2]: unknown practice 'delta' "
        "(did you mean 'beta'?)",
    ),
    "practice twice in the playbook": (
        "playbooks/default.yaml",
        "  - beta",
        "  - beta\n  - alpha",
        "playbooks/default.yaml:7:5: practices[2]: duplicate id 'alpha' (first defined at line 5)",
    ),
}


HEALTH = "content/health-check.yaml"
#: A statement's step: a number of its practice's steps (a health-check statement's, of the
#: practice it names).
STEPS = {
    "step past the practice's last": (
        ALPHA,
        "      text: I do the first thing.\n",
        "      text: I do the first thing.\n      step: 2\n",
        "content/practices/alpha.yaml:29:13: assessment.questions[0].step: step 2: this "
        "practice has 1 step",
    ),
    "step zero": (
        ALPHA,
        "      text: I do the first thing.\n",
        "      text: I do the first thing.\n      step: 0\n",
        "content/practices/alpha.yaml:29:13: assessment.questions[0].step: must be at least "
        "1, got 0",
    ),
    "health step without its practice": (
        HEALTH,
        "        text: We help each other.\n",
        "        text: We help each other.\n        step: 1\n",
        "content/health-check.yaml:13:15: dimensions[0].questions[0].step: a step needs the "
        "practice it belongs to: add 'practice:' beside it",
    ),
    "health step of an unknown practice": (
        HEALTH,
        "        text: We help each other.\n",
        "        text: We help each other.\n        practice: alpah\n        step: 1\n",
        "content/health-check.yaml:13:19: dimensions[0].questions[0].practice: unknown "
        "practice 'alpah' (did you mean 'alpha'?)",
    ),
    "health step past the practice's last": (
        HEALTH,
        "        text: We help each other.\n",
        "        text: We help each other.\n        practice: alpha\n        step: 3\n",
        "content/health-check.yaml:14:15: dimensions[0].questions[0].step: step 3: the "
        "practice 'alpha' has 1 step",
    ),
}


@pytest.mark.parametrize("case", STEPS, ids=list(STEPS))
def test_a_statements_step_is_one_its_practice_has(project: Path, case: str) -> None:
    relative, old, new, expected = STEPS[case]
    edit(project, relative, old, new)
    assert problems(project) == [expected]


def test_statements_naming_steps_are_valid(project: Path) -> None:
    edit(project, ALPHA, "      text: I do the first thing.\n", "      text: x.\n      step: 1\n")
    edit(
        project,
        HEALTH,
        "        text: We help each other.\n",
        "        text: We help each other.\n        practice: beta\n        step: 1\n",
    )
    loaded = load_project(project).content_for("default")
    assert loaded.practices["alpha"].model.assessment.questions[0].step == 1
    assert loaded.health_check is not None
    question = loaded.health_check.model.dimensions[0].questions[0]
    assert (question.practice, question.step) == ("beta", 1)


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_mistake_has_its_located_message(project: Path, case: str) -> None:
    relative, old, new, expected = CASES[case]
    edit(project, relative, old, new)
    assert problems(project) == [expected]


def test_unknown_key_suggests_the_closest_known_key(project: Path) -> None:
    edit(project, ALPHA, "title: Practice alpha", "titel: Practice alpha")
    # The misspelt key is reported once, not again as the missing 'title'.
    assert problems(project) == [
        "content/practices/alpha.yaml:2:1: unknown key 'titel' (did you mean 'title'?)",
    ]


def test_unknown_key_far_from_any_known_key_has_no_suggestion(project: Path) -> None:
    edit(project, ALPHA, "title: Practice alpha", "title: Practice alpha\ncolour: blue")
    assert problems(project) == [
        "content/practices/alpha.yaml:3:1: unknown key 'colour'",
    ]


def test_unknown_nested_key_suggests_from_its_own_class(project: Path) -> None:
    edit(project, ALPHA, "      reverse: true", "      reversed: true")
    assert problems(project) == [
        "content/practices/alpha.yaml:31:7: assessment.questions[1]: unknown key 'reversed' "
        "(did you mean 'reverse'?)",
    ]


def test_duplicate_practice_id_across_files(project: Path) -> None:
    (project / "content/practices/alpha.yml").write_text(
        (project / ALPHA).read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert problems(project) == [
        "content/practices/alpha.yml:1:5: id: duplicate practice id 'alpha' "
        "(content/practices/alpha.yaml)",
    ]


def test_file_that_is_not_utf8(project: Path) -> None:
    (project / ALPHA).write_bytes(b"id: alpha\ntitle: caf\xe9\n")
    assert problems(project) == [
        "content/practices/alpha.yaml:2:11: the file is not valid UTF-8 text"
    ]


def test_empty_file(project: Path) -> None:
    (project / ALPHA).write_text("# nothing here\n", encoding="utf-8")
    assert problems(project) == ["content/practices/alpha.yaml:1:1: the file is empty"]


def test_missing_shared_file(project: Path) -> None:
    (project / "content/scales.yaml").unlink()
    assert problems(project) == [
        "content/scales.yaml: the shared content file is missing",
    ]


def test_broken_file_is_reported_once_not_again_as_an_unknown_reference(project: Path) -> None:
    # beta, the health check, troubleshooting and the playbook all name alpha; only the real
    # mistake is reported.
    edit(project, ALPHA, "tags: [sample]", "tags: sample")
    assert problems(project) == [
        "content/practices/alpha.yaml:4:7: tags: expected a list, got text ('sample')"
    ]


def test_every_problem_in_every_file_is_reported_at_once_in_order(project: Path) -> None:
    edit(project, ALPHA, "tags: [sample]", "tags: sample")
    # A file with a shape error is not checked further; beta is whole, so its ids are.
    edit(project, "content/practices/beta.yaml", "id: second-item", "id: first-item")
    edit(project, "content/practices/beta.yaml", "related: [alpha]", "related: [gamma]")
    edit(project, "content/home.yaml", "title: Welcome", "title: Welcome\ntitle: Again")
    with pytest.raises(ContentError) as caught:
        load_project(project)
    assert caught.value.format_message() == (
        "content/home.yaml:2:1: duplicate key 'title' (first defined at line 1)\n"
        "content/practices/alpha.yaml:4:7: tags: expected a list, got text ('sample')\n"
        "content/practices/beta.yaml:22:9: checklist[1].id: duplicate id 'first-item' "
        "(first defined at line 20)\n"
        "content/practices/beta.yaml:44:11: related[0]: unknown practice 'gamma'\n"
        "4 problems found."
    )


def test_alias_bomb_is_refused_quickly(project: Path) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 10):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 10)}]")
    (project / ALPHA).write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert problems(project) == [
        "content/practices/alpha.yaml:1:1: the document holds more than 200,000 values, "
        "counting those that aliases repeat"
    ]


# --- values that reach HTML unescaped: tags, addresses, playbook names ------------------------

TAG_RULE = (
    "which a tag may not: Material writes tags into pages, the tags page and search results "
    "as they are"
)
TAGS = {
    "markup": ("'<img src=x onerror=alert(1)>'", "'<img src=x onerror=alert(1)>'", "'<'"),
    "end of a tag": ("x>y", "'x>y'", "'>'"),
    "ampersand": ("'a &amp; b'", "'a &amp; b'", "'&'"),
    "double quote": ("'say \"hi\"'", "'say \"hi\"'", "'\"'"),
    "apostrophe": ('"don\'t"', "'don't'", "an apostrophe (')"),
    "backtick": ("'`code`'", "'`code`'", "a backtick (`)"),
    "tab": ('"a\\tb"', "'a b'", "the control character U+0009"),
    "line break": ('"a\\nb"', "'a b'", "a line break"),
    "bidirectional override": ('"a\\u202eb"', "'a\\u202eb'", "the control character U+202E"),
}


@pytest.mark.parametrize("case", TAGS, ids=list(TAGS))
def test_a_tag_that_could_carry_markup_is_refused(project: Path, case: str) -> None:
    written, shown, what = TAGS[case]
    edit(project, ALPHA, "tags: [sample]", f"tags: [{written}]")
    assert problems(project) == [
        f"content/practices/alpha.yaml:4:8: tags[0]: tag {shown} holds {what}, {TAG_RULE}"
    ]


def test_tags_may_hold_spaces_braces_and_other_punctuation(project: Path) -> None:
    edit(project, ALPHA, "tags: [sample]", "tags: [active listening, '{every shift}', 'a/b: c?']")
    assert load_project(project).playbook("default").practices[0].model.tags == [
        "active listening",
        "{every shift}",
        "a/b: c?",
    ]


def test_a_tag_changed_by_an_override_is_checked_where_the_override_says_it(
    project: Path,
) -> None:
    (project / "playbooks/team.yaml").write_text(
        "extend: default\noverrides:\n  practices:\n    alpha:\n      tags: [ok, '<b>']\n",
        encoding="utf-8",
    )
    assert problems(project) == [
        f"playbooks/team.yaml:5:18: overrides.practices.alpha.tags[1]: tag '<b>' holds '<', "
        f"{TAG_RULE}"
    ]


NOT_USABLE = "is not a usable web address"
URLS = {
    "quote breaking out of the attribute": (
        "'https://x.example/\"><img/src/onerror=alert(1)>/'",
        f"'https://x.example/\"><img/src/onerror=al…' {NOT_USABLE}: it holds '\"'",
    ),
    "apostrophe": (
        "\"https://x.example/'onmouseover='alert(1)\"",
        f"'https://x.example/'onmouseover='alert(1)' {NOT_USABLE}: it holds an apostrophe (')",
    ),
    "angle bracket": ("https://x.example/<b>", f"'https://x.example/<b>' {NOT_USABLE}: it "
                      "holds '<'"),
    "backslash": ('"https://x.example\\\\@evil.example/"', f"'https://x.example\\@evil.example/' "
                  f"{NOT_USABLE}: it holds a backslash"),
    "backtick": ("https://x.example/`x`", f"'https://x.example/`x`' {NOT_USABLE}: it holds a "
                 "backtick (`)"),
    "space": ("'https://x.example/a b'", f"'https://x.example/a b' {NOT_USABLE}: it holds a "
              "space"),
    "line break": ('"https://x.example/\\n"', f"'https://x.example/' {NOT_USABLE}: it holds a "
                   "line break"),
    "control character": ('"https://x.example/\\x7f"', "'https://x.example/\\x7f' "
                          f"{NOT_USABLE}: it holds the control character U+007F"),
    "script address": (
        "javascript:alert(1)",
        "'javascript:alert(1)' is not a web address starting with https:// or http://",
    ),
    "no scheme": ("x.example/team/", "'x.example/team/' is not a web address starting with "
                  "https:// or http://"),
    "no host": ("https:///team/", f"'https:///team/' {NOT_USABLE}: it names no host"),
    "user and password": (
        "https://user:secret@x.example/",
        f"'https://user:secret@x.example/' {NOT_USABLE}: leave out the user name and password",
    ),
    "port": ("https://x.example:99999/", f"'https://x.example:99999/' {NOT_USABLE}: its port is "
             "not a number up to 65535"),
    "bracketed host": ("'https://[x.example/'", f"'https://[x.example/' {NOT_USABLE}: invalid "
                       "IPv6 URL"),
}  # fmt: skip


@pytest.mark.parametrize("case", URLS, ids=list(URLS))
def test_a_site_url_must_be_a_plain_web_address(project: Path, case: str) -> None:
    written, message = URLS[case]
    edit(project, "playbooks/default.yaml", "  description: A playbook for tests.\n",
         f"  description: A playbook for tests.\n  url: {written}\n")  # fmt: skip
    assert problems(project) == [f"playbooks/default.yaml:4:8: site.url: {message}"]


def test_a_resource_url_and_an_overlay_site_url_are_checked_alike(project: Path) -> None:
    edit(project, ALPHA, "related: [beta]", "related: [beta]\nresources:\n"
         "  - title: A book\n    url: https://x.example/<script>\n")  # fmt: skip
    (project / "playbooks/team.yaml").write_text(
        "extend: default\nsite:\n  url: 'https://x.example/\"'\n", encoding="utf-8"
    )
    assert problems(project) == [
        f"content/practices/alpha.yaml:47:10: resources[0].url: 'https://x.example/<script>' "
        f"{NOT_USABLE}: it holds '<'",
        f"playbooks/team.yaml:3:8: site.url: 'https://x.example/\"' {NOT_USABLE}: it holds '\"'",
    ]


@pytest.mark.parametrize(
    "url", ["https://example.org/team/", "http://127.0.0.1:8000/", "https://[::1]:8080/a?b=1#c"]
)
def test_ordinary_site_urls_pass(project: Path, url: str) -> None:
    edit(project, "playbooks/default.yaml", "  description: A playbook for tests.\n",
         f"  description: A playbook for tests.\n  url: '{url}'\n")  # fmt: skip
    assert load_project(project).playbook("default").model.site.url == url


PLAYBOOK_NAME = (
    "playbook file names must be lowercase slugs (letters, digits and single hyphens, like "
    "'team-leads.yaml'): the name becomes the playbook's address and its --playbook NAME"
)


@pytest.mark.parametrize(
    "name", ["javascript:alert(document.domain)%2F%2F.yaml", "Team.yaml", "team_leads.yml"]
)
def test_a_playbook_file_name_must_be_a_slug(project: Path, name: str) -> None:
    (project / "playbooks" / name).write_text("extend: default\n", encoding="utf-8")
    assert problems(project) == [f"playbooks/{name}:1:1: {PLAYBOOK_NAME}"]


# --- attribute lists, in every text value of every kind of file ------------------------------

ATTRIBUTE_RULE = (
    "is an attribute list, which content may not hold: ids, classes and attributes come from "
    "the site's templates"
)
ATTRIBUTE_LISTS = {
    "practice why": (ALPHA, "why: Because it matters.", "why: 'Because. {: hidden }'", "5:6",
                     "why"),
    "practice checklist item": (ALPHA, "text: Tick the first item.", "text: 'Tick {#__config}'",
                                "21:11", "checklist[0].text"),
    "practice sign": (ALPHA, "good: [It works.]", "good: ['It works {.md-button}']", "7:10",
                      "signs.good[0]"),
    "practice step": (ALPHA, "detail: Do the first thing.", "detail: |\n      Do it.\n"
                      "      { : data-pb-action=reset-answers }", "11:13", "steps[0].detail"),
    "practice band advice": (ALPHA, "advice: Begin small.", "advice: 'Begin {: #__search }'",
                             "37:15", "assessment.bands[0].advice"),
    "practice title": (ALPHA, "title: Practice alpha", "title: 'Alpha { #top }'", "2:8", "title"),
    "health check question": ("content/health-check.yaml", "text: We help each other.",
                              "text: 'We help {: hidden }'", "12:15",
                              "dimensions[0].questions[0].text"),
    "health check intro": ("content/health-check.yaml", "intro: Answer honestly.",
                           "intro: 'Answer {.x}'", "3:8", "intro"),
    "troubleshooting symptom": ("content/troubleshooting.yaml", "symptoms: [Resentment]",
                                "symptoms: ['Resentment {: hidden }']", "8:16",
                                "challenges[0].symptoms[0]"),
    "home body": ("content/home.yaml", "body: Reciprocity is give and take.",
                  "body: 'Give and take.\n\n  {: #__config }'", "3:7", "body"),
    "scale label": ("content/scales.yaml", "label: Never", "label: 'Never {: hidden }'", "5:16",
                    "scales[0].points[0].label"),
    "site name": ("playbooks/default.yaml", "name: Tiny playbook", "name: 'Tiny {: hidden }'",
                  "2:9", "site.name"),
    "site description": ("playbooks/default.yaml", "description: A playbook for tests.",
                         "description: 'Tests {#x}'", "3:16", "site.description"),
    "audience": ("playbooks/default.yaml", "practices:", "audience: 'Leads {: hidden }'\n"
                 "practices:", "4:11", "audience"),
    "interface string": ("playbooks/default.yaml", "practices:", "strings:\n  reset: "
                         "'Reset {: .md-button }'\npractices:", "5:10", "strings.reset"),
}  # fmt: skip


@pytest.mark.parametrize("case", ATTRIBUTE_LISTS, ids=list(ATTRIBUTE_LISTS))
def test_an_attribute_list_in_any_text_is_a_located_problem(project: Path, case: str) -> None:
    relative, old, new, where, key_path = ATTRIBUTE_LISTS[case]
    edit(project, relative, old, new)
    found = [problem for problem in problems(project) if ATTRIBUTE_RULE in problem]
    token = new.split("{", 1)[1].split("}", 1)[0]
    assert found == [f"{relative}:{where}: {key_path}: '{{{token}}}' {ATTRIBUTE_RULE}"]


def test_an_attribute_list_in_an_override_is_located_in_the_overlay(project: Path) -> None:
    (project / "playbooks/team.yaml").write_text(
        "extend: default\noverrides:\n  practices:\n    alpha:\n      checklist:\n"
        "        - id: first-item\n          text: 'Tick {: onclick=alert(1) }'\n",
        encoding="utf-8",
    )
    assert problems(project) == [
        "playbooks/team.yaml:7:17: overrides.practices.alpha.checklist[0].text: "
        f"'{{: onclick=alert(1) }}' {ATTRIBUTE_RULE}"
    ]


def test_plain_braces_stay_text(project: Path) -> None:
    edit(project, ALPHA, "why: Because it matters.", "why: 'Plan {every shift}, {name} and {}.'")
    practice = load_project(project).playbook("default").practices[0].model
    assert practice.why == "Plan {every shift}, {name} and {}."


# --- allow_remote_images ----------------------------------------------------------------------


def remote_images(project: Path, name: str) -> bool:
    return load_project(project).playbook(name).model.allow_remote_images


def test_remote_images_are_off_unless_a_playbook_allows_them(project: Path) -> None:
    (project / "playbooks/team.yaml").write_text("extend: default\n", encoding="utf-8")
    assert remote_images(project, "default") is False
    assert remote_images(project, "team") is False
    edit(project, "playbooks/default.yaml", "practices:", "allow_remote_images: true\npractices:")
    assert remote_images(project, "default") is True
    assert remote_images(project, "team") is True  # inherited, as allow_html is


def test_an_overlay_can_turn_remote_images_off_again(project: Path) -> None:
    edit(project, "playbooks/default.yaml", "practices:", "allow_remote_images: true\npractices:")
    (project / "playbooks/team.yaml").write_text(
        "extend: default\nallow_remote_images: false\n", encoding="utf-8"
    )
    assert remote_images(project, "team") is False


def test_allow_remote_images_takes_only_true_or_false(project: Path) -> None:
    edit(project, "playbooks/default.yaml", "practices:", "allow_remote_images: 'yes'\npractices:")
    assert problems(project) == [
        "playbooks/default.yaml:4:22: allow_remote_images: expected true or false, got text "
        "('yes')"
    ]


# --- mkdocs.yml -------------------------------------------------------------------------------

INCLUSION_RULE = (
    "is not allowed: playbook converts the content itself, and an extension that includes "
    "files into pages could publish the project's files"
)


def test_file_inclusion_extensions_in_mkdocs_yml_are_located_problems(project: Path) -> None:
    edit(project, "mkdocs.yml", "  - md_in_html\n", "  - md_in_html\n"
         "  - pymdownx.emoji:\n"
         "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
         "  - toc:\n      permalink: !ENV [PERMALINK, true]\n"
         "  - pymdownx.snippets:\n      base_path: .\n  - markdown_include.include\n"
         "  - mdx_include\n")  # fmt: skip
    assert problems(project) == [
        f"mkdocs.yml:14:5: markdown_extensions[4]: the Markdown extension 'pymdownx.snippets' "
        f"{INCLUSION_RULE}",
        f"mkdocs.yml:16:5: markdown_extensions[5]: the Markdown extension "
        f"'markdown_include.include' {INCLUSION_RULE}",
        f"mkdocs.yml:17:5: markdown_extensions[6]: the Markdown extension 'mdx_include' "
        f"{INCLUSION_RULE}",
    ]


def test_mkdocs_extensions_written_as_a_mapping_are_checked_too(project: Path) -> None:
    edit(project, "mkdocs.yml", "  - attr_list\n  - md_in_html\n",
         "  attr_list: {}\n  pymdownx.snippets: {check_paths: true}\n")  # fmt: skip
    assert problems(project) == [
        "mkdocs.yml:9:3: markdown_extensions.pymdownx.snippets: the Markdown extension "
        f"'pymdownx.snippets' {INCLUSION_RULE}"
    ]


def test_a_broken_mkdocs_yml_is_a_located_problem(project: Path) -> None:
    edit(project, "mkdocs.yml", "  - md_in_html\n", "  - [md_in_html\n")
    assert problems(project) == [
        "mkdocs.yml:9:5: YAML syntax error: while parsing a flow sequence: expected ',' or "
        "']', but got '<stream end>' (it starts here and is never closed)"
    ]


def test_every_build_stops_at_these_problems_before_writing_anything(
    project: Path, tmp_path: Path
) -> None:
    name = "javascript:alert(document.domain)%2F%2F.yaml"
    (project / "playbooks" / name).write_text("extend: default\n", encoding="utf-8")
    edit(project, "mkdocs.yml", "  - md_in_html\n", "  - md_in_html\n  - pymdownx.snippets\n")
    expected = [
        f"mkdocs.yml:10:5: markdown_extensions[2]: the Markdown extension 'pymdownx.snippets' "
        f"{INCLUSION_RULE}",
        f"playbooks/{name}:1:1: {PLAYBOOK_NAME}",
    ]
    site = tmp_path / "site"
    for build in (
        lambda: build_site(project, "default", site_dir=site),
        lambda: build_all(project, site_dir=site),
    ):
        with pytest.raises(ContentError) as caught:
            build()
        assert [str(problem) for problem in caught.value.problems] == expected
    assert not site.exists()
