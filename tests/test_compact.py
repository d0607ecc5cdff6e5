"""The compacted browser assets: only comments and indentation go."""

from __future__ import annotations

from generator.compact import compact_script, compact_stylesheet


def test_comment_lines_and_indentation_go_code_stays() -> None:
    script = (
        "/* A file comment\n"
        " * over lines. */\n"
        "(() => {\n"
        "  // a line comment\n"
        '  const a = "// not a comment";\n'
        "  /* one line */ const b = 2; // trailing comments stay\n"
        "\n"
        "  return a + b;\n"
        "})();\n"
    )
    assert compact_script(script) == (
        "(() => {\n"
        'const a = "// not a comment";\n'
        "const b = 2; // trailing comments stay\n"
        "return a + b;\n"
        "})();\n"
    )


def test_a_script_with_a_template_over_lines_is_copied_unchanged() -> None:
    script = "const s = `one\n  two`;\n// comment\n"
    assert compact_script(script) == script
    continued = "const s = 'one \\\n  two';\n"
    assert compact_script(continued) == continued


def test_stylesheet_comments_and_indentation_go() -> None:
    css = "/* why */\n.a {\n  color: red; /* inline */\n}\n\n"
    assert compact_stylesheet(css) == ".a {\ncolor: red;\n}\n"
    quoted = '.a::after { content: "/* no */"; }\n'
    assert compact_stylesheet(quoted) == quoted
