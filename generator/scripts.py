"""The browser's scripts and stylesheets, joined from the modules in generator/assets/.

The script is written as ES modules (``assets/js/*.mjs``): a core that never touches the page
(what is stored and its versions, upgrades, import and merge, scoring, team codes), which
Node imports as it stands for its unit tests, and the interface's modules. Readers get plain
scripts, which work from ``file://`` too: every page loads ``playbook.js`` (the core the
pages share, the page's notices, keyboard reach and the events), which loads the script of
the part a page has (``playbook-practice.js``, ``-health``, ``-team``, ``-home``) with the
stylesheet of what that script builds. No build step for whoever builds a site: the modules
are joined here, when the site is rendered, and readers get the minified copy of each bundle
and stylesheet that ships in ``assets/dist`` (made by terser and Lightning CSS from exactly
what the modules join to: ``tests/support/bundle.py``). A copy is used only while the text it
was made from is still what the modules join to, so an edited module is served at once,
compacted (compact.py) rather than minified, until the copies are made again; a test fails
meanwhile.

Joining keeps to a small subset of module syntax, checked here (``module_problems``):
``import { a, b } from "./x.mjs";``, ``import "./x.mjs";`` and ``export const`` /
``export function`` / ``export async function`` at the start of a line. A bundle is one
function scope: the modules in the order they import one another, their import lines taken
out and their ``export`` words dropped, so two modules of one bundle may not declare the same
top-level name. A part's bundle takes what it imports from the shared bundle's modules from
``window.Playbook``, which the shared bundle fills with everything its modules export.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .compact import compact_script, compact_stylesheet

#: The shared script every page loads, and its entry module.
SHARED = "playbook"
SHARED_ENTRY = "wiring.mjs"
#: Each part of the site: its script's entry module, and its stylesheet's files (the shared
#: stylesheet, playbook.css, is assets/css/playbook.css alone).
PARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "practice": ("part-practice.mjs", ()),
    "health": ("part-health.mjs", ("chart.css", "fields.css", "health.css")),
    "team": ("part-team.mjs", ("chart.css", "fields.css", "team.css", "import.css")),
    "home": ("part-home.mjs", ("home.css", "import.css")),
    # Loaded only when older versions' data is to be carried over (wiring.mjs).
    "upgrades": ("part-upgrades.mjs", ()),
}
#: What the script's modules share across bundles.
NAMESPACE = "window.Playbook"

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"\./([a-z][a-z-]*\.mjs)";[ \t]*$', re.M)
_BARE_IMPORT = re.compile(r'^import\s*"\./([a-z][a-z-]*\.mjs)";[ \t]*$', re.M)
_EXPORT = re.compile(r"^export (?:const|function|async function) ([A-Za-z_$][\w$]*)\b", re.M)
_DECLARATION = re.compile(
    r"^(?:export )?(?:const|let|var|function|async function|class) ([A-Za-z_$][\w$]*)\b", re.M
)
_NAME = re.compile(r"^[A-Za-z_$][\w$]*$")
_STRING_KEY = re.compile(r'"([a-z][a-z0-9_]*)"')


def _folder(kind: str) -> resources.abc.Traversable:
    return resources.files("generator") / "assets" / kind


def module_source(name: str) -> str:
    return (_folder("js") / name).read_text(encoding="utf-8")


def module_names() -> list[str]:
    return sorted(entry.name for entry in _folder("js").iterdir() if entry.name.endswith(".mjs"))


@dataclass(frozen=True)
class Module:
    name: str
    imports: tuple[tuple[str, tuple[str, ...]], ...]  # (module, names); names () for a bare import
    exports: tuple[str, ...]
    declared: tuple[str, ...]  # every top-level name, exported or not
    body: str  # without its import lines and export words


def module_problems(name: str, text: str) -> list[str]:
    """What in module ``name`` is outside the subset of module syntax that joining handles."""
    problems = []
    allowed = {m.start() for m in _IMPORT.finditer(text)} | {
        m.start() for m in _BARE_IMPORT.finditer(text)
    }
    for match in re.finditer(r"^[ \t]*(import|export)\b.*$", text, re.M):
        line = match.group(0)
        if match.group(1) == "import" and match.start() in allowed:
            continue
        if match.group(1) == "export" and _EXPORT.match(line):
            continue
        problems.append(f"{name}: not joinable: {line.strip()}")
    for match in re.finditer(r"\bimport\(|\bimport\.meta\b", text):
        problems.append(f"{name}: not joinable: {match.group(0)}")
    for match in _IMPORT.finditer(text):
        for imported in match.group(1).split(","):
            if imported.strip() and not _NAME.match(imported.strip()):
                problems.append(f"{name}: not joinable: import of {imported.strip()!r}")
    return problems


def parsed(name: str) -> Module:
    """Module ``name`` as it is now (read afresh, so that a served site follows its edits)."""
    return _parsed(name, module_source(name))


@cache
def _parsed(name: str, text: str) -> Module:
    problems = module_problems(name, text)
    if problems:
        raise ValueError("; ".join(problems))
    imports: list[tuple[int, str, tuple[str, ...]]] = []
    for match in _IMPORT.finditer(text):
        names = tuple(n.strip() for n in match.group(1).split(",") if n.strip())
        imports.append((match.start(), match.group(2), names))
    for match in _BARE_IMPORT.finditer(text):
        imports.append((match.start(), match.group(1), ()))
    imports.sort()
    body = _BARE_IMPORT.sub("", _IMPORT.sub("", text))
    body = re.sub(r"^export (?=const |function |async function )", "", body, flags=re.M)
    return Module(
        name,
        tuple((module, names) for _, module, names in imports),
        tuple(_EXPORT.findall(text)),
        tuple(_DECLARATION.findall(text)),
        body.strip() + "\n",
    )


def in_order(entry: str, leave_out: frozenset[str] = frozenset()) -> list[str]:
    """The modules ``entry`` needs, each after those it imports, ``entry`` last; those of
    ``leave_out`` (and what only they need) left out. A cycle is an error."""
    order: list[str] = []
    visiting: list[str] = []

    def visit(name: str) -> None:
        if name in order or name in leave_out:
            return
        if name in visiting:
            raise ValueError(f"modules import one another: {' -> '.join([*visiting, name])}")
        visiting.append(name)
        for module, _ in parsed(name).imports:
            visit(module)
        visiting.pop()
        order.append(name)

    visit(entry)
    return order


def _check_names(modules: list[str], shared: frozenset[str]) -> list[str]:
    """The names the bundle of ``modules`` takes from the shared bundle; raises on a name
    two modules declare, or on an import of a name its module does not export."""
    seen: dict[str, str] = {}
    taken: set[str] = set()
    for name in modules:
        module = parsed(name)
        for declared in module.declared:
            if declared in seen:
                raise ValueError(f"{name} and {seen[declared]} both declare {declared}")
            seen[declared] = name
        for source, names in module.imports:
            missing = set(names) - set(parsed(source).exports)
            if missing:
                raise ValueError(f"{name} imports {', '.join(sorted(missing))} from {source}")
            if source in shared:
                taken.update(names)
    clash = taken & seen.keys()
    if clash:
        raise ValueError(f"{', '.join(sorted(clash))} declared again beside the shared bundle's")
    return sorted(taken)


def shared_modules() -> frozenset[str]:
    return frozenset(in_order(SHARED_ENTRY))


def joined(entry: str) -> str:
    """The bundle of ``entry``'s modules as one plain script (not yet compacted)."""
    shared = shared_modules()
    is_shared = entry == SHARED_ENTRY
    modules = in_order(entry, frozenset() if is_shared else shared)
    taken = _check_names(modules, frozenset() if is_shared else shared)
    parts = ["(() => {", '"use strict";']
    if taken:
        parts.append(f"const {{ {', '.join(taken)} }} = {NAMESPACE};")
    for name in modules:
        parts.append(f"/* ---- {name} ---- */")
        parts.append(parsed(name).body)
    if is_shared:
        exported = sorted({e for name in modules for e in parsed(name).exports})
        parts.append(f"{NAMESPACE} = Object.freeze({{ {', '.join(exported)} }});")
    parts.append("})();")
    return "\n".join(parts) + "\n"


def string_keys(text: str, known: Mapping[str, str]) -> set[str]:
    """The interface strings a script names (as a quoted literal)."""
    return {key for key in _STRING_KEY.findall(text) if key in known}


def _safe_json(value: object) -> str:
    """JSON safe anywhere a script may end up, even inlined in HTML."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


#: Where the minified copies ship, and the file naming what each was made from.
DIST = "dist"
MADE_FROM = "made-from.json"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def bundle_sources() -> dict[str, str]:
    """Every script and stylesheet of the site by file name, joined but not made smaller:
    what the copies in assets/dist are made from."""
    sources = {f"{SHARED}.js": joined(SHARED_ENTRY)}
    sources.update({f"{SHARED}-{part}.js": joined(entry) for part, (entry, _) in PARTS.items()})
    folder = _folder("css")
    sources[f"{SHARED}.css"] = folder.joinpath("playbook.css").read_text("utf-8")
    for part, (_, styles) in PARTS.items():
        if styles:
            text = "".join(folder.joinpath(name).read_text("utf-8") for name in styles)
            sources[f"{SHARED}-{part}.css"] = text
    return sources


def _made_from() -> dict[str, str]:
    try:
        text = (resources.files("generator") / "assets" / DIST / MADE_FROM).read_text("utf-8")
    except FileNotFoundError:
        return {}
    made: dict[str, str] = json.loads(text)
    return made


def smaller(name: str, source: str) -> str:
    """File ``name``'s text for readers: its minified copy while that was made from
    ``source``, else ``source`` compacted."""
    if _made_from().get(name) == digest(source):
        return (resources.files("generator") / "assets" / DIST / name).read_text("utf-8")
    return compact_stylesheet(source) if name.endswith(".css") else compact_script(source)


def script_files(config_line: str, strings: Mapping[str, str]) -> dict[str, str]:
    """Every script of the site by file name, made smaller: ``playbook.js`` after
    ``config_line`` (ui.script_config's, with the shared bundle's ``strings`` only), each
    part's adding the strings it names."""
    sources = bundle_sources()
    shared_name = f"{SHARED}.js"
    shared_keys = string_keys(sources[shared_name], strings)
    files = {shared_name: config_line + smaller(shared_name, sources[shared_name])}
    for part in PARTS:
        name = f"{SHARED}-{part}.js"
        own = sorted(string_keys(sources[name], strings) - shared_keys)
        added = _safe_json({key: strings[key] for key in own})
        head = f"Object.assign(window.PLAYBOOK_CONFIG.strings, {added});\n" if own else ""
        files[name] = head + smaller(name, sources[name])
    return files


def shared_string_keys(strings: Mapping[str, str]) -> set[str]:
    """The strings the shared script names: those its config line carries."""
    return string_keys(joined(SHARED_ENTRY), strings)


def styled_parts() -> list[str]:
    """The parts with a stylesheet of their own."""
    return [part for part, (_, styles) in PARTS.items() if styles]


def stylesheet_files() -> dict[str, str]:
    """Every stylesheet of the site by file name, made smaller (without the playbook's
    brand, which the shared one gets after it)."""
    return {
        name: smaller(name, text)
        for name, text in bundle_sources().items()
        if name.endswith(".css")
    }


#: The files the site's pages get through extra_css and extra_javascript (every page); the
#: parts' files are loaded by playbook.js on the pages that need them.
EVERY_PAGE = (f"{SHARED}.css", f"{SHARED}.js")


def asset_names() -> list[str]:
    """Every file name the site's assets folder gets from here."""
    return [*EVERY_PAGE[:1], *(f"{SHARED}-{p}.css" for p in styled_parts())] + [
        EVERY_PAGE[1],
        *(f"{SHARED}-{p}.js" for p in PARTS),
    ]


def module_text() -> str:
    """Every module of the script, as written (what tests look through for names)."""
    return "".join(module_source(name) for name in module_names())
