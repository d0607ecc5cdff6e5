"""Front matter is written by hand, for speed: YAML must read back exactly what was written."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.front_matter import front_matter, yaml_scalar

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)


@settings(
    max_examples=2000,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(TEXT)
def test_any_text_reads_back_unchanged(text: str) -> None:
    assert yaml.safe_load(f"key: {yaml_scalar(text)}\n") == {"key": text}


def test_plain_where_unambiguous_quoted_elsewhere() -> None:
    assert yaml_scalar("Listen actively") == "Listen actively"
    assert yaml_scalar("the team's success, 5:30 and C#") == "the team's success, 5:30 and C#"
    assert yaml_scalar("No") == '"No"'  # YAML would read a boolean
    assert yaml_scalar("2024-01-01") == '"2024-01-01"'
    assert yaml_scalar("Key: value") == '"Key: value"'
    assert yaml_scalar("A #comment") == '"A #comment"'
    assert yaml_scalar('Say "no"') == '"Say \\"no\\""'
    assert yaml_scalar("line\u2028break") == '"line\\u2028break"'


def test_front_matter_of_a_page() -> None:
    text = front_matter(title='Say "no" & <mean> it', description="One line.", tags=["a", "b"])
    assert text == (
        "---\ntitle: Say &quot;no&quot; &amp; \u2039mean\u203a it\ndescription: One line.\n"
        "tags:\n- a\n- b\n---\n"
    )
    assert yaml.safe_load(text.split("---")[1]) == {
        "title": "Say &quot;no&quot; &amp; \u2039mean\u203a it",
        "description": "One line.",
        "tags": ["a", "b"],
    }
