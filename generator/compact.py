"""Smaller copies of the browser assets for the site: comments and indentation left out.

The files in generator/assets stay commented and readable; readers download the copies. Only
whole comment lines and leading spaces go, lines stay lines, so nothing about how the code
runs can change (automatic semicolons included). A script with a template string or a string
continued over several lines is copied unchanged: there, leading spaces would be text.
"""

from __future__ import annotations

import re

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def compact_script(text: str) -> str:
    lines = text.splitlines()
    if any(line.count("`") % 2 or line.rstrip().endswith("\\") for line in lines):
        return text
    kept = []
    in_comment = False
    for line in lines:
        code = line.strip()
        if in_comment or code.startswith("/*"):
            end = code.find("*/", 0 if in_comment else 2)
            in_comment = end < 0
            code = "" if in_comment else code[end + 2 :].strip()
        if code and not code.startswith("//"):
            kept.append(code)
    return "\n".join(kept) + "\n"


def compact_stylesheet(text: str) -> str:
    if '"/*' in text or "'/*" in text:
        return text  # a comment marker inside a string: copied unchanged
    lines = (line.strip() for line in _CSS_COMMENT.sub("", text).splitlines())
    return "\n".join(line for line in lines if line) + "\n"
