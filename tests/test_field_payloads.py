"""Every field that is not free text refuses hostile values, wherever the schema puts it.

The fields are found by walking the pydantic models of generator/schema.py, so a field added
later is tried too. Each is classified by its annotation: free text (``Text``, ``Markdown``,
which the renderer escapes and sanitises; other tests build pages from them) or a constrained
kind (slugs, tags, addresses, paths, languages, colours, interface string names, booleans,
numbers). Each constrained field in turn gets each payload, in an otherwise valid project that
fills every field, and validation must refuse it with a problem at that field's key path.
"""

from __future__ import annotations

import copy
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel
from support.projects import write_minimal_project

from generator import field_types, playbook_schema, schema
from generator.errors import ContentError, format_key_path
from generator.loader import KeyPath
from generator.project import load_project
from generator.ui import ALL_STRINGS

#: In a field's path: the key of a mapping, and any one of its values.
KEY, VALUE = "<key>", "<value>"

PAYLOADS = {
    "markup": '"><img src=x onerror=alert(1)>',
    "script address": "javascript:alert(1)",
    "space": "a b",
    "attribute list": "{: #__config }",
    "line break": "line\nbreak",
}
#: Payloads a kind may take as they are: a tag is words (spaces included) written as text,
#: never as an address or an attribute name, so "javascript:alert(1)" is a harmless word.
HARMLESS = {"tag": {"script address", "space"}}
CONSTRAINED = {"slug", "tag", "url", "path", "language", "colour", "string-name", "bool", "number"}
CONSTRAINED |= {"choice"}
#: Practice overrides are partial practices: their fields are walked as a Practice's.
OVERRIDE = "override"

#: The file each kind of document is tried in.
ROOTS: dict[type[BaseModel], str] = {
    schema.Practice: "content/practices/alpha.yaml",
    schema.Scales: "content/scales.yaml",
    schema.HealthCheck: "content/health-check.yaml",
    schema.TeamCheck: "content/team.yaml",
    schema.Troubleshooting: "content/troubleshooting.yaml",
    schema.Home: "content/home.yaml",
    schema.Sources: "content/sources.yaml",
    playbook_schema.Playbook: "playbooks/default.yaml",
    playbook_schema.PlaybookOverlay: "playbooks/team.yaml",
}

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1"/></svg>\n'
DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def _kind(annotation: Any, metadata: list[Any]) -> str | None:
    """The kind an annotation (with pydantic's metadata for the field itself) declares."""
    if typing.get_origin(annotation) is typing.Annotated:
        annotation, *extra = typing.get_args(annotation)
        metadata = [*metadata, *extra]
    kinds = [item.name for item in metadata if isinstance(item, field_types.FieldKind)]
    if kinds:
        return kinds[0]
    if typing.get_origin(annotation) is typing.Literal:
        return "choice"  # one of a few words, which pydantic checks
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "number"
    return None


def _fields(
    model: type[BaseModel], path: KeyPath, seen: set[type[BaseModel]]
) -> Iterator[tuple[KeyPath, str | None, str]]:
    """Every leaf field under ``model``: its path, its kind (None: unclassified), its name."""
    seen.add(model)
    for name, info in model.model_fields.items():
        yield from _annotation(info.annotation, list(info.metadata), (*path, name), seen, name)


def _annotation(
    annotation: Any, metadata: list[Any], path: KeyPath, seen: set[type[BaseModel]], name: str
) -> Iterator[tuple[KeyPath, str | None, str]]:
    origin = typing.get_origin(annotation)
    arguments = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, type(int | None)):
        assert len(arguments) == 1, f"{format_key_path(path)}: one type or None, please"
        yield from _annotation(arguments[0], metadata, path, seen, name)
    elif origin is list:
        yield from _annotation(arguments[0], [], (*path, 0), seen, name)
    elif origin is dict:
        yield from _annotation(arguments[0], [], (*path, KEY), seen, name)
        yield from _annotation(arguments[1], [], (*path, VALUE), seen, name)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield from _fields(annotation, path, seen)
    elif _kind(annotation, metadata) == OVERRIDE:
        yield from _fields(schema.Practice, path, seen)
    else:
        yield path, _kind(annotation, metadata), name


def every_field() -> tuple[list[tuple[type[BaseModel], KeyPath, str | None, str]], set[type]]:
    seen: set[type[BaseModel]] = set()
    found = [
        (root, path, kind, name) for root in ROOTS for path, kind, name in _fields(root, (), seen)
    ]
    return found, seen


def constrained_fields() -> list[tuple[type[BaseModel], KeyPath, str]]:
    return [(root, path, kind) for root, path, kind, _ in every_field()[0] if kind in CONSTRAINED]


def test_every_field_of_every_model_is_classified() -> None:
    fields, seen = every_field()
    unclassified = [
        f"{root.__name__}.{format_key_path(path)}"
        for root, path, kind, _ in fields
        if kind not in CONSTRAINED | field_types.FREE_TEXT_KINDS
    ]
    assert unclassified == []
    models = {
        value
        for module in (schema, playbook_schema)
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, schema.Model)
        and value is not schema.Model
    }
    assert models == seen, f"not reached from ROOTS: {sorted(m.__name__ for m in models - seen)}"


def test_the_walk_finds_the_fields_it_must() -> None:
    found = {
        (root.__name__, format_key_path(path), kind) for root, path, kind in constrained_fields()
    }
    assert {
        ("Practice", "tags[0]", "tag"),
        ("Practice", "resources[0].url", "url"),
        ("Practice", "assessment.bands[0].min", "number"),
        ("Playbook", "site.url", "url"),
        ("Playbook", "site.palette.primary", "colour"),
        ("Playbook", "strings.<key>", "string-name"),
        ("PlaybookOverlay", "extend", "path"),
        ("PlaybookOverlay", "overrides.practices.<key>", "slug"),
        ("PlaybookOverlay", "overrides.practices.<value>.checklist[0].id", "slug"),
        ("PlaybookOverlay", "allow_remote_images", "bool"),
    } <= found


# --- a project that fills every field ---------------------------------------------------------


def _yaml(root: Path, relative: str) -> Any:
    return yaml.safe_load((root / relative).read_text(encoding="utf-8"))


def full_documents(root: Path) -> dict[str, Any]:
    """Each file of a valid project in which every optional field has a value."""
    write(root, {})
    documents = {relative: _yaml(root, relative) for relative in ROOTS.values() if
                 (root / relative).is_file()}  # fmt: skip
    practice = documents["content/practices/alpha.yaml"]
    practice["resources"] = [
        {"title": "A book", "url": "https://example.org/book", "note": "Read it."}
    ]
    practice["checklist"][0]["cadence"] = "weekly"
    practice["reset"] = "Each week."
    practice["session"] = {
        "time": "45 minutes",
        "people": "The team",
        "materials": ["Notes"],
        "before": ["Invite."],
        "during": ["Talk."],
        "after": ["Follow up."],
        "remote": "Use a call.",
    }
    practice["reflection"] = ["Do I listen?"]
    practice["templates"] = [{"id": "agenda", "title": "Agenda", "intro": "Use it.", "body": "1."}]
    practice["sources"] = ["a-book"]
    for page in ("home", "health-check", "troubleshooting"):
        documents[f"content/{page}.yaml"]["sources"] = ["a-book"]
    documents["content/sources.yaml"] = {
        "title": "Sources",
        "summary": "What it draws on.",
        "intro": "Credits.",
        "sources": [
            {
                "id": "a-book",
                "title": "A Book",
                "author": "An Author",
                "year": 2020,
                "published_in": "A publisher",
                "url": "https://example.org/a-book",
                "used_for": "An idea.",
                "figures": [{"quote": "10% of people", "date": "2020"}],
            }
        ],
    }
    site = {
        "name": "Tiny playbook",
        "description": "A playbook for tests.",
        "url": "https://example.org/tiny/",
        "author": "A coach",
        "copyright": "Some rights",
        "logo": "../images/logo.svg",
        "favicon": "../images/favicon.png",
        "palette": {"primary": "teal", "accent": "#ff9800"},
    }
    settings = {
        "audience": "Team leads",
        "language": "en",
        "strings": {sorted(ALL_STRINGS)[0]: "Words"},
        "allow_html": False,
        "allow_remote_images": False,
    }
    documents["playbooks/default.yaml"] = {
        "site": site,
        "content": "../content",
        "practices": ["alpha", "beta"],
        **settings,
    }
    documents["playbooks/team.yaml"] = {
        "extend": "default",
        "site": site,
        "content": "../content",
        "practices": ["beta", "alpha"],
        **settings,
        "overrides": {"practices": {"alpha": copy.deepcopy(practice)}},
    }
    return documents


def _place(data: Any, path: KeyPath, payload: str) -> KeyPath:
    """Put ``payload`` at ``path`` in ``data``; the key path the problem should name."""
    node = data
    actual: list[str | int] = []
    for index, part in enumerate(path[:-1]):
        if part == VALUE:  # the first value of a mapping (the override of 'alpha')
            part = next(iter(node))
        if path[index + 1] == 0 and isinstance(node, dict):
            node.setdefault(part, [])  # a list the sample leaves out
        node = node[part]
        actual.append(part)
    last = path[-1]
    if last == KEY:
        first = next(iter(node.values()))
        node.clear()
        node[payload] = first
        return (*actual, payload)
    if last == 0 and not node:
        node.append(payload)
    else:
        node[last] = payload
    return (*actual, last)


def _cases() -> Iterator[Any]:
    for root, path, kind in constrained_fields():
        for name, payload in PAYLOADS.items():
            if name not in HARMLESS.get(kind, set()):
                where = f"{ROOTS[root]}:{format_key_path(path)}"
                yield pytest.param(root, path, payload, id=f"{where}:{name}")


@pytest.fixture(scope="module")
def full_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The full project, written once; each test changes one file and puts it back."""
    root = tmp_path_factory.mktemp("full")
    documents = full_documents(root)
    return write(root, documents), documents


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=DUMPER, sort_keys=False, allow_unicode=True)


def write(root: Path, documents: dict[str, Any]) -> Path:
    """The minimal project with a logo and a favicon, and ``documents`` written over it."""
    write_minimal_project(root)
    (root / "images").mkdir(exist_ok=True)
    (root / "images/logo.svg").write_text(LOGO, encoding="utf-8")
    (root / "images/favicon.png").write_bytes(PNG)
    for relative, data in documents.items():
        (root / relative).write_text(_dump(data), encoding="utf-8")
    return root


def test_the_full_project_is_valid(full_project: tuple[Path, dict[str, Any]]) -> None:
    project = load_project(full_project[0])
    assert project.playbook("team").model.site.logo is not None
    assert project.playbook("team").practices[1].model.resources[0].url == (
        "https://example.org/book"
    )


@pytest.mark.parametrize(("root", "path", "payload"), list(_cases()))
def test_a_constrained_field_refuses_the_payload(
    monkeypatch: pytest.MonkeyPatch,
    full_project: tuple[Path, dict[str, Any]],
    root: type[BaseModel],
    path: KeyPath,
    payload: str,
) -> None:
    folder, documents = full_project
    relative = ROOTS[root]
    changed = copy.deepcopy(documents[relative])
    expected = format_key_path(_place(changed, path, payload))
    monkeypatch.chdir(folder)
    file = folder / relative
    file.write_text(_dump(changed), encoding="utf-8")
    try:
        with pytest.raises(ContentError) as caught:
            load_project(Path("."))
    finally:
        file.write_text(_dump(documents[relative]), encoding="utf-8")
    located = [
        problem
        for problem in caught.value.problems
        if problem.location.file == relative
        and (problem.key_path == expected or problem.key_path.startswith((f"{expected}.",
                                                                          f"{expected}[")))
    ]  # fmt: skip
    assert located, "\n".join(str(problem) for problem in caught.value.problems)
