"""Words the browser script shows, and the settings it is built with.

The build prepends ``window.PLAYBOOK_CONFIG`` to the script; placeholders in braces are filled
in by the script.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

#: Version of what the script stores; part of every storage key.
STORAGE_VERSION = 1

DEFAULT_STRINGS: dict[str, str] = {
    "storage_unavailable": (
        "This browser is not letting the site keep data: your progress works for this visit "
        "but will not be kept."
    ),
    "storage_damaged": "Some saved progress could not be read and was discarded.",
    "progress": "{done} of {total} done",
    "progress_title": "Your progress",
    "reset_checklist": "Reset checklist",
    "answered": "{answered} of {total} statements answered.",
    "score": "Your score: {score} out of 100",
    "clear_answers": "Clear answers",
    "overall": "Overall: {score} out of 100",
    "dimension_score": "{title}: {score} out of 100",
    "change": "{change} since {date}",
    "recommend_intro": "Where to start, with the weakest part of the relationship:",
    "recommend": "{title}: ",
    "save_result": "Save this result",
    "saved": "Result saved in this browser.",
    "history_title": "Saved results",
    "history_empty": "No saved results yet. Save one to compare with next time.",
    "history_item": "{date}: {score} out of 100",
    "assessment_result": "Self-assessment: {score} out of 100, {band}",
    "assessment_none": "Self-assessment not taken yet",
    "data_title": "Your data",
    "data_intro": (
        "Your ticks, answers and saved results are kept in this browser only. Export them to "
        "keep a copy or to move them to another browser."
    ),
    "export": "Export my data",
    "import": "Import data",
    "clear_all": "Delete all my data",
    "exported": "Exported {count} saved items.",
    "imported": "Imported {count} saved items.",
    "import_not_json": "That file is not a JSON file: nothing was changed.",
    "import_wrong_format": "That file is not an export of this site's data: nothing was changed.",
    "import_version": (
        "That file was written by another version (format version {version}): nothing was changed."
    ),
    "import_other_site": (
        "That file holds data of another playbook ('{site}'): nothing was changed."
    ),
    "import_damaged": "That file is damaged (entry '{key}' is not valid): nothing was changed.",
    "confirm_clear": (
        "Delete all ticks, answers and saved results this site keeps in this browser? "
        "This cannot be undone."
    ),
    "cleared": "All your data for this site was deleted from this browser.",
}


def script_config(site: str, strings: Mapping[str, str] | None = None) -> str:
    """The line the build puts before the script: the storage namespace and the words."""
    config = {
        "site": site,
        "version": STORAGE_VERSION,
        "strings": {**DEFAULT_STRINGS, **(strings or {})},
    }
    text = json.dumps(config, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # Safe anywhere a script may end up, even inlined in HTML.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.PLAYBOOK_CONFIG = {text};\n"
