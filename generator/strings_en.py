"""The interface's words in English: every string the browser script, the generated pages and
the rest of the site show besides the content, by key, in three groups (ui.py explains them,
and how a translation or a playbook's ``strings`` changes them)."""

from __future__ import annotations

DEFAULT_STRINGS: dict[str, str] = {
    "storage_unavailable": (
        "This browser is not letting the site keep data: your progress works for this visit "
        "but will not be kept."
    ),
    "storage_damaged": "Some saved progress could not be read and was discarded.",
    "storage_migrated_discarded": (
        "Some progress saved by an earlier version of this site could not be carried over and "
        "was discarded."
    ),
    "storage_newer": (
        "Some progress was saved by a newer version of this site and is not shown here."
    ),
    "storage_refused": "Something was too large for this site to keep, and was not saved.",
    "progress": "{done} of {total} done",
    "progress_title": "Your progress",
    "reset_checklist": "Reset checklist",
    "answered": "{answered} of {total} statements answered.",
    "go_to_unanswered": "Go to the first unanswered statement",
    "unanswered": "Not answered yet",
    "score": "Your score: {score} out of 100",
    "clear_answers": "Clear answers",
    "confirm_reset_checklist": "Untick all ticked items ({count})?",
    "confirm_reset_yes": "Yes, untick them",
    "confirm_clear_answers": "Clear all answers ({count})?",
    "confirm_clear_yes": "Yes, clear them",
    "confirm_keep": "Keep them",
    "checklist_reset_done": "Checklist reset.",
    "answers_cleared_done": "Answers cleared.",
    "undo": "Undo",
    "last_done": "(last done {date})",
    "overall": "Overall: {score} out of 100",
    "dimension_score": "{title}: {score} out of 100",
    "next_step": "Next step",
    "next_step_because": "You answered “{answer}” to “{statement}”",
    "compared_last": "since your last saved result about {about}",
    "compared_last_unnamed": "since your last saved result",
    "legend_this": "This result, {date}",
    "legend_last": "Last saved, {date}",
    "health_table_caption": "Scores per dimension, out of 100",
    "health_col_dimension": "Dimension",
    "health_col_this": "This result",
    "health_col_last": "Last saved",
    "health_col_change": "Change",
    "health_weakest": "Weakest: {titles}, {score} out of 100.",
    "recommend_intro": "Practices that strengthen it:",
    "recommend": "{title}: ",
    "save_result": "Save this result",
    "saved": "Result saved in this browser.",
    "history_title": "Saved results",
    "history_empty": "No saved results yet. Save one to compare with next time.",
    "history_item": "{date}, {about}: {score} out of 100",
    "history_unnamed": "unnamed",
    "change_up": "up {points}",
    "change_down": "down {points}",
    "change_none": "no change",
    "about_label": "Who or what is this result about?",
    "about_hint": (
        'For example "my manager", "Sam" or "the platform team". Changes are shown against '
        "your last result about the same one."
    ),
    "team_share_title": "Share with your team",
    "team_share_intro": (
        "Running the health check as a team? Send this code to the person who gathers the "
        "team's answers. It holds your answers and nothing that names you: the team's picture "
        "shows only how everyone's answers fell together, but whoever gathers the codes could "
        "read yours from it. The link carries it after the '#', which browsers never send to "
        "any server."
    ),
    "team_code_label": "Your team code",
    "template_copy": "Copy the text",
    "template_print": "Print this template",
    "template_copied": "Copied.",
    "template_copy_failed": "Could not copy: select the text and copy it yourself.",
    "team_copy": "Copy the code",
    "team_copied": "Code copied.",
    "team_copy_failed": "This browser did not allow copying: select the code and copy it.",
    "team_link": "Open the team page with this code",
    "team_codes_label": "Team codes",
    "team_codes_hint": (
        "Paste each member's code on a line of its own, or open their link to this page. Each "
        "code is read into the team's tally at once and cleared from this box: the page keeps "
        "how the answers fell, not the codes."
    ),
    "team_added": "The code from the link was read into the team's tally.",
    "team_refused_again": "it was read before: each member's code counts once.",
    "team_count_again": "Count it too: two people gave the same answers",
    "team_start_again": "Start again",
    "confirm_team_reset": "Forget the {count} answers read?",
    "confirm_team_reset_yes": "Yes, forget them",
    "team_reset_done": "The answers read were forgotten.",
    "team_codes_moved": (
        "Team codes that an earlier version of this page kept were read into the tally, and "
        "are no longer kept."
    ),
    "team_tally_other": (
        "The answers kept here were read for an earlier version of the health check and cannot "
        "be shown with this one. Start again to read the codes anew."
    ),
    "team_result_title": "The team's result",
    "team_result_intro": (
        "This code and its link hold the team's picture and nothing more: how many answered "
        "and how the answers fell on the scale, not whose they are. Send it to whoever runs "
        "the session; opening the link shows this picture."
    ),
    "team_result_label": "Team result code",
    "team_result_link": "Link to this result",
    "team_result_found": (
        "The link holds a team result of {count} answers. Opening it shows it in place of "
        "the {current} answers read here."
    ),
    "team_result_open": "Open the team result",
    "team_result_opened": "The team result from the link is shown.",
    "team_result_refused": "The team result in the link cannot be read: {reason}",
    "team_read": "Answers read: {count}.",
    "team_none": "No answers read yet.",
    "team_refused_line": "Line {line} was not read: {reason}",
    "team_refused_format": "it is not a team code (a code looks like 1a2b-3c4d5e6f-7g8h).",
    "team_refused_check": (
        "a character is mistyped or was changed, so its check does not match. Ask for the "
        "code again."
    ),
    "team_refused_version": (
        "it was made with another version of the health check, whose answers cannot be "
        "compared with this one's."
    ),
    "team_refused_fit": "it does not fit this health check's statements and scale.",
    "team_needed": (
        "Answers so far: {count} of the {threshold} needed. The team's picture appears once "
        "there are {threshold}, so that no one can be recognised by their answers."
    ),
    "team_chart_label": "The team's median per dimension: {medians}.",
    "team_chart_range": "Range from lowest to highest: {ranges}.",
    "team_median_item": "{title} {median}",
    "team_range_item": "{title} {low} to {high}",
    "team_legend_median": "Median",
    "team_legend_range": "Lowest to highest",
    "team_legend_previous": "Last saved ({date})",
    "team_table_caption": "The team's answers per dimension (scores out of 100)",
    "team_row_numbers": "median {median}, lowest {low}, highest {high}",
    "team_radar": "The radar chart",
    "team_order_label": "Order",
    "team_order_page": "As in the health check",
    "team_order_weakest": "Weakest first",
    "team_order_divided": "Most divided first",
    "team_present": "Present on a shared screen",
    "team_present_stop": "Stop presenting",
    "team_col_dimension": "Dimension",
    "team_col_median": "Median",
    "team_col_range": "Lowest to highest",
    "team_col_point": "Answers “{label}”",
    "team_col_change": "Since {date}",
    "team_range_value": "{low} to {high}",
    "team_weakest": "Weakest: {titles} (median {median}).",
    "team_divided": "Most divided: {items}.",
    "team_divided_item": "{title} (the middle half of the answers from {low} to {high})",
    "team_agree": (
        "The middle half of the answers agrees on every dimension: none stands out as divided."
    ),
    "team_recommend_intro": "Practices to talk about:",
    "team_save_title": "Save the team's result",
    "team_action_title": "The one thing the team agreed to do",
    "team_action_what": "What the team will do",
    "team_action_what_hint": "One step, small enough to try before the next check.",
    "team_action_who": "Who looks after it",
    "team_action_by": "By when",
    "team_action_last": "Last time ({date}) the team agreed: {what}",
    "team_action_agreed": "The team agreed: {what}",
    "team_action_owner": "Looked after by {who}, by {by}.",
    "team_action_asked": "Did it happen?",
    "team_action_yes": "Yes",
    "team_action_partly": "Partly",
    "team_action_no": "No",
    "team_action_answered": "Recorded: {answer}.",
    "team_name_label": "Name of the team",
    "team_name_hint": 'For example "Platform team". Changes are shown against its last result.',
    "team_name_needed": "Give the team a name first, then save.",
    "team_save": "Save the team's result",
    "team_saved": "Team result saved in this browser.",
    "team_compared": "Compared with {name}, {date}.",
    "team_history_title": "Saved team results",
    "team_history_empty": "No team results saved yet.",
    "team_history_item": "{date}, {name}: {count} answers",
    "team_trend_title": "{name}: {count} results, the latest on {date}",
    "team_export_csv": "Download the team results (CSV)",
    "team_export_json": "Download the team results (JSON)",
    "team_import_label": "Import team results (JSON)",
    "team_exported": "Downloaded {count} team results.",
    "team_imported": "Merged: {count} team results added; every result this browser had is kept.",
    "team_import_none": "That file holds no team results: nothing was changed.",
    "team_csv_team": "Team",
    "team_csv_date": "Date",
    "team_csv_answers": "Answers",
    "team_csv_action": "Agreed action",
    "team_csv_who": "Who",
    "team_csv_by": "By when",
    "team_csv_done": "Did it happen",
    "assessment_result": "Self-assessment: {score} out of 100, {band}",
    "skip_to_checklist": "Skip to the checklist",
    "assessment_none": "Self-assessment not taken yet",
    "overview_health_last": "Last result: {score} out of 100 about {about}, {date}",
    "overview_health_last_unnamed": "Last result: {score} out of 100, {date}",
    "overview_health_none": "No result saved yet",
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
    "imported_merged": "Merged the file: {count} saved items taken from it.",
    "import_ask": "Import this file, exported on {date}? Nothing has changed yet.",
    "import_line": "{kind}: {file} in the file; {newer} newer in this browser or not in the file",
    "import_line_results": "{kind}: {file} in the file; {newer} in this browser only",
    "import_line_results_full": (
        "{kind}: {file} in the file; {newer} in this browser only, all kept by a merge, which "
        "leaves out the {left} oldest of the file's for want of room"
    ),
    "import_kind_checklists": "Checklists",
    "import_kind_answers": "Answers",
    "import_kind_team": "The team's tally",
    "import_kind_results": "Saved results",
    "import_choices": (
        "Merge keeps the newer of each checklist, set of answers and team codes, and the saved "
        "results of both. Replace puts the file's data in place of everything this site keeps "
        "in this browser."
    ),
    "import_merge": "Merge (keep the newer)",
    "import_replace": "Replace with the file",
    "import_cancel": "Cancel",
    "import_cancelled": "Import cancelled: nothing was changed.",
    "import_not_json": "That file is not a JSON file: nothing was changed.",
    "import_too_large": "That file is far too large to be an export: nothing was changed.",
    "import_wrong_format": "That file is not an export of this site's data: nothing was changed.",
    "import_version": (
        "That file was written by another version (format version {version}): nothing was changed."
    ),
    "import_other_site": (
        "That file holds data of another playbook ('{site}'): nothing was changed."
    ),
    "import_damaged": "That file is damaged (entry '{key}' is not valid): nothing was changed.",
    "import_future": (
        "That file holds dates after today (in entry '{key}'), which would always count as "
        "newer: nothing was changed. Check the clock of the computer it came from."
    ),
    "import_too_many": (
        "That file holds {count} saved items, more than the {limit} an export of this site can "
        "hold: nothing was changed."
    ),
    "import_unreadable": "That file could not be read: nothing was changed.",
    "import_failed": (
        "This browser could not store all of that file (its storage may be full), so the "
        "import was undone: nothing was changed."
    ),
    "import_failed_unsaved": (
        "This browser could not store that file, nor keep your data as it was: your data is "
        "shown for this visit only. Export it now to keep a copy."
    ),
    "confirm_clear": (
        "Delete all ticks, answers and saved results this site keeps in this browser? "
        "This cannot be undone."
    ),
    "cleared": "All your data for this site was deleted from this browser.",
}


#: Words on the generated pages: headings, labels, explanations. Placeholders in braces.
PAGE_STRINGS: dict[str, str] = {
    "heading_why": "Why it matters",
    "heading_good": "What good looks like",
    "signs_good": "Signs it is working",
    "signs_warning": "Warning signs",
    "heading_steps": "Steps to take",
    "heading_contexts": "In each context",
    "context_employees": "With employees",
    "context_teams": "Within teams",
    "context_customers": "With customers",
    "heading_pitfalls": "Pitfalls to watch for",
    "heading_checklist": "Checklist",
    "checklist_label": "{title} checklist",
    "heading_assessment": "Self-assessment",
    "assessment_label": "{title} self-assessment",
    "privacy": "Your answers stay in this browser: nothing is sent anywhere.",
    "reverse_scored": "reverse-scored",
    "heading_reading": "Reading your result",
    "reading_practice": (
        "Your score runs from 0 to 100. On paper: give each answer its points, from 0 for "
        '"{lowest}" up to {span} for "{highest}" (the other way round for the statements '
        'marked "{reverse}" on the printed page), add them up, divide by {most} and multiply '
        "by 100."
    ),
    "sheet_name": "Name:",
    "sheet_date": "Date:",
    "sheet_about": "About whom:",
    "score_points": "Points:",
    "score_value": "Score:",
    "see": "See:",
    "heading_reflection": "Questions to ask yourself",
    "cadence_once": "one-off",
    "cadence_daily": "daily habit",
    "cadence_weekly": "weekly habit",
    "reset_when": "When to reset:",
    "heading_session": "Run it as a team session",
    "session_time": "Time needed",
    "session_people": "Who takes part",
    "session_materials": "Materials",
    "session_before": "Before the session",
    "session_during": "During the session",
    "session_after": "After the session",
    "session_remote": "Remote or hybrid",
    "heading_templates": "Templates to print or copy",
    "sources_line": "Sources:",
    "source_figures": "Figures quoted:",
    "source_drawn_on": "Drawn on by:",
    "heading_related": "Related practices",
    "heading_further_reading": "Further reading",
    "audience": "Written for: {audience}",
    "heading_practices": "The practices",
    "heading_start": "Start here",
    "start_health": "it shows where to start and which practices help there.",
    "start_practice": "Open the practice it points to",
    "start_practice_note": "every practice is listed below.",
    "start_checklist": "Work through its checklist",
    "start_checklist_note": (
        "each practice page begins with a link to it and one to the practice's self-assessment."
    ),
    "jump_label": "This practice's checklist and self-assessment",
    "take_health_check": "Take the health check",
    "heading_troubleshooting": "When things go wrong",
    "read_troubleshooting": "Read the troubleshooting guide",
    "dimension_practices": "Practices that strengthen it:",
    "dimension_discussion": "To start the conversation:",
    "heading_your_result": "Your result",
    "health_placeholder": (
        "Your result appears here as soon as every statement is answered. On paper, see below."
    ),
    "reading_health": (
        'For each dimension on paper: give each answer its points, from 0 for "{lowest}" up '
        'to {span} for "{highest}" (the other way round for the statements marked "{reverse}" '
        "on the printed page), add them up and divide by the most the dimension's statements "
        "can give. The "
        "dimension with the lowest share is the place to start: try one step from a practice "
        "listed under it this week, and take the check again in a month."
    ),
    "grid_caption": "Your points in each dimension",
    "grid_dimension": "Dimension",
    "grid_points": "Points",
    "grid_most": "Most",
    "grid_share": "Share",
    "team_invite": "Taking it as a team, each on your own?",
    "team_privacy": (
        "This page keeps only the team's tally, how many answered and how the answers fell, in "
        "this browser. The codes you paste are not kept, and nothing is sent anywhere."
    ),
    "heading_team_picture": "The team's picture",
    "team_placeholder": (
        "This page works out the team's picture in your browser, with its script: with "
        "JavaScript turned off it can only show the guide below. Each member answers on this "
        "page:"
    ),
    "heading_team_guide": "Running the session",
    "heading_team_dimensions": "What the health check covers",
    "symptoms": "How you notice it",
    "remedies": "What to do this week",
    "practices_that_help": "Practices that help:",
    "nav_home": "Home",
    "nav_practices": "Practices",
    "tags_title": "Tags",
    "tags_intro": (
        "Every practice carries a few tags; pick one to see the practices that share it."
    ),
    "tags_description": "Practices of {site} by tag.",
    "back_to_top": "Back to top",
}

#: Words of the site outside its pages: the index page of ``build --all``, the names of the
#: colour scheme switch (where mkdocs.yml gives the ones below), the footer's credit line and
#: the heading of the page for an address the site does not have (404.html).
SITE_STRINGS: dict[str, str] = {
    "index_title": "Playbooks",
    "index_description": "The playbooks published here.",
    "index_intro": "Choose a playbook:",
    "palette_to_dark": "Switch to dark mode",
    "palette_to_light": "Switch to light mode",
    "made_with": "Made with",
    "not_found": "404 - Not found",
}
