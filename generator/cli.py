"""The ``playbook`` command: a thin layer that parses options and calls the library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from . import DISTRIBUTION, pipeline
from .engines import DEFAULT_ENGINE, ENGINES
from .errors import (
    LinkProblems,
    PlaybookError,
    StrictFailure,
    UnknownPlaybook,
    display_path,
    printable_lines,
)
from .field_types import url_problem
from .json_schema import KINDS, schema_text, write_schemas
from .pipeline import build_all, build_site, check_all, load
from .scaffold import create_project, next_step
from .strings_doc import strings_table, strings_yaml
from .ui import translated_languages

project_option = click.option(
    "--project",
    "root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="Project folder holding playbooks/, content/ and mkdocs.yml.",
)
playbook_option = click.option(
    "--playbook",
    "name",
    default="default",
    show_default=True,
    help="Playbook to use: the name of a file in playbooks/ without .yaml.",
)


def _echo(message: object = "", **options: Any) -> None:
    """``click.echo`` for everything the commands print: values from content reach the
    terminal with their control characters escaped (errors.printable_lines)."""
    click.echo(printable_lines(str(message)), **options)


def _check_url(value: str | None) -> str | None:
    problem = None if value is None else url_problem(value)
    if problem is not None:
        raise click.BadParameter(problem)
    return value


engine_option = click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default=DEFAULT_ENGINE,
    show_default=True,
    envvar="PLAYBOOK_ENGINE",
    help="What builds the site from the docs tree: MkDocs with Material, or Zensical "
    "(pip install 'coaching-playbook[zensical]'). Also PLAYBOOK_ENGINE.",
)


class Failure(click.ClickException):
    """A library error as the command line shows it: exit 1, ``Error: ...`` or, for located
    problems, the lines alone."""

    exit_code = 1

    def __init__(self, error: PlaybookError) -> None:
        super().__init__(printable_lines(error.format_message()))
        self.located = error.located

    def show(self, file: object = None) -> None:
        if self.located:
            _echo(self.message, err=True)
        else:
            super().show()


class _Command(click.Command):
    """A command whose library errors become Click's: an unknown playbook is a mistake in
    the command (exit 2, with its usage), every other one a failure (exit 1)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except UnknownPlaybook as error:
            raise click.BadParameter(
                printable_lines(error.message), ctx=ctx, param_hint="'--playbook'"
            ) from None
        except PlaybookError as error:
            raise Failure(error) from None


class _Group(click.Group):
    command_class = _Command


@click.group(cls=_Group)
@click.version_option(package_name=DISTRIBUTION)
def main() -> None:
    """Turn YAML coaching practices into a searchable, interactive static website."""


@main.command()
@project_option
@click.option("--strict", is_flag=True, help="Fail on warnings too, as build --strict does.")
def validate(root: Path, strict: bool) -> None:
    """Check all content and report every problem at once.

    Each problem prints on its own line as FILE:LINE:COLUMN: KEY.PATH: MESSAGE; the exit
    status is 1 if there is any. Warnings (a practice a playbook leaves out, still named on
    its pages) print the same way after WARNING; with --strict they fail too, as in build.
    """
    project = load(root)
    links, warnings = check_all(project)
    if links:
        raise LinkProblems(links)
    for line in warnings:
        _echo(f"WARNING -  {line}", err=True)
    if strict and warnings:
        raise StrictFailure(len(warnings))
    practices = {
        loaded.path: loaded.model
        for playbook in project.playbooks.values()
        for loaded in playbook.content.practices.values()
    }
    items = sum(len(p.checklist) + len(p.assessment.questions) for p in practices.values())
    playbooks = len(project.playbooks)
    _echo(
        f"OK: {playbooks} playbook{'s' * (playbooks != 1)}, {len(practices)} practices, "
        f"{items} checklist items and questions checked."
    )


@main.command()
@project_option
@playbook_option
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to build the site into.  [default: site/ in the project]",
)
@click.option(
    "--site-url",
    default=None,
    metavar="URL",
    callback=lambda _ctx, _param, value: _check_url(value),
    help="Address the site is published at, instead of the playbook's site.url "
    "(for previews and test servers).",
)
@click.option(
    "--fallback-site-url",
    default=None,
    metavar="URL",
    callback=lambda _ctx, _param, value: _check_url(value),
    help="Address to build for where the playbook sets no site.url (CI passes the address "
    "its Pages service publishes at); site.url wins, and --site-url wins over both.",
)
@click.option(
    "--all",
    "every",
    is_flag=True,
    help="Build every playbook, each into SITE_DIR/NAME/, with an index page linking them.",
)
@click.option("--strict", is_flag=True, help="Fail on any warning.")
@click.option("-v", "--verbose", is_flag=True, help="Show the engine's progress messages.")
@engine_option
@click.pass_context
def build(
    ctx: click.Context,
    root: Path,
    name: str,
    site_dir: Path | None,
    site_url: str | None,
    every: bool,
    strict: bool,
    verbose: bool,
    engine: str,
    fallback_site_url: str | None,
) -> None:
    """Validate, render and build the static site."""
    if every:
        if ctx.get_parameter_source("name") is not click.core.ParameterSource.DEFAULT:
            raise click.UsageError("--all builds every playbook; leave out --playbook")
        reports = build_all(
            load(root),
            site_dir=site_dir,
            strict=strict,
            verbose=verbose,
            site_url=site_url,
            engine=engine,
            fallback_site_url=fallback_site_url,
        )
    else:
        reports = [
            build_site(
                load(root),
                name,
                site_dir=site_dir,
                strict=strict,
                verbose=verbose,
                site_url=site_url,
                engine=engine,
                fallback_site_url=fallback_site_url,
            )
        ]
    engine_name = "Zensical" if engine == "zensical" else "MkDocs"
    for report in reports:
        _echo(
            f"Built playbook '{report.render.playbook}' ({report.render.pages} pages) into "
            f"{report.site_dir} in {report.render.seconds + report.mkdocs_seconds:.1f} s "
            f"(playbook {report.render.seconds:.2f} s, {engine_name} "
            f"{report.mkdocs_seconds:.2f} s)."
        )


@main.command()
@project_option
@playbook_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the docs tree.  [default: build/PLAYBOOK in the project]",
)
@engine_option
def render(root: Path, name: str, out_dir: Path | None, engine: str) -> None:
    """Write the docs tree and its mkdocs.yml, without building.

    The tree is a plain project for its engine: `mkdocs build -f OUT/mkdocs.yml` (or
    `zensical build -f OUT/mkdocs.yml`, rendered with --engine zensical) builds it into
    OUT/site.
    """
    rendered = pipeline.render(load(root), name, out_dir=out_dir, engine=engine)
    report = rendered.tree
    for line in rendered.warnings:
        _echo(f"WARNING -  {line}", err=True)
    _echo(f"Wrote {report.pages} pages; build them with: {engine} build -f {report.config_file}")


@main.command()
@project_option
@playbook_option
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 to serve the preview on.",
)
@engine_option
def serve(root: Path, name: str, port: int, engine: str) -> None:
    """Preview the site on 127.0.0.1, rebuilt on every change.

    Watches content, playbooks and mkdocs.yml; an edit with mistakes prints them and the
    last good build stays on screen. The preview runs on MkDocs.
    """
    if engine != "mkdocs":
        raise click.UsageError(
            "the live preview runs on MkDocs only; check the site on Zensical with "
            "`playbook build --engine zensical` and any static file server"
        )
    from .serve import serve_site  # MkDocs' live-reload server: only this command needs it

    serve_site(root, name, port=port)


@main.command(name="list")
@project_option
def list_playbooks(root: Path) -> None:
    """List the playbooks and their practices, with checklist items and questions."""
    project = load(root)
    for name, playbook in sorted(project.playbooks.items()):
        practices = playbook.practices
        _echo(
            f"{name}: {playbook.model.site.name} ({len(practices)} practice"
            f"{'s' * (len(practices) != 1)}, {display_path(playbook.path)})"
        )
        width = max(len(p.model.id) for p in practices)
        for loaded in practices:
            practice = loaded.model
            items, questions = len(practice.checklist), len(practice.assessment.questions)
            _echo(
                f"  {practice.id:<{width}}  {practice.title}: {items} checklist item"
                f"{'s' * (items != 1)}, {questions} question{'s' * (questions != 1)}"
            )


@main.command(name="schema")
@click.argument("kind", type=click.Choice(KINDS), required=False)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write every schema as KIND.schema.json into this folder instead.",
)
@click.option("--force", is_flag=True, help="With --out: replace schema files already there.")
def schema_command(kind: str | None, out_dir: Path | None, force: bool) -> None:
    """Print the JSON Schema of a playbook or content file (KIND), or write them all.

    Editors that read `# yaml-language-server: $schema=FILE` comments (VS Code with the YAML
    extension, for one) then complete and check keys as you type.
    """
    if out_dir is None:
        if kind is None:
            raise click.UsageError(f"name a KIND ({', '.join(KINDS)}) or give --out DIR")
        _echo(schema_text(kind), nl=False)
        return
    kinds = [kind] if kind else KINDS
    written = write_schemas(out_dir, kinds, replace=force)
    for path in written:
        _echo(f"Wrote {display_path(path)}")


@main.command(name="strings")
@click.option(
    "--format",
    "output",
    type=click.Choice(["table", "yaml"]),
    default="table",
    show_default=True,
    help="A table to read, or a `strings:` block to paste into a playbook.",
)
@click.option(
    "--language",
    type=click.Choice(["en", *translated_languages()]),
    default="en",
    show_default=True,
    help="The texts in English or in a translation that ships with the tool.",
)
def strings_command(output: str, language: str) -> None:
    """List every interface string: its key, its placeholders and its text.

    A playbook's `strings:` changes any of them by key; a changed string keeps the
    placeholders of the English one. `--format yaml` prints a block ready to paste.
    """
    chosen = None if language == "en" else language
    _echo(strings_yaml(chosen) if output == "yaml" else strings_table(chosen), nl=False)


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
def new(folder: Path) -> None:
    """Create a new playbook project in FOLDER, ready to build and publish.

    The project extends the built-in default playbook and holds an example override, an
    example practice, mkdocs.yml, a README, JSON Schemas for editors and CI set-ups for
    GitHub Pages and GitLab Pages. Existing files are never overwritten.
    """
    scaffold = create_project(folder)
    _echo(f"Created a playbook project in {display_path(folder)} ({len(scaffold.files)} files).")
    _echo(f"Next: {next_step(folder)}")
