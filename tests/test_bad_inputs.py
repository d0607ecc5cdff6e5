"""Broken and hostile input never crashes the tool: exit 1, exact located messages, quickly.

Each folder under tests/bad_inputs/ is one case: ``files/``, laid over the small valid project
of support/projects.py, and ``expected.txt``, the exact error output of ``playbook validate``.
Cases that are large, binary or made of symbolic links have no ``files/``: GENERATED below
writes them at run time. Each case runs the real command: in this process through Click's
test runner, or, for the cases that could hang or blow up (HOSTILE), in a child process that
may use at most TIME_LIMIT seconds of CPU time and MEMORY_LIMIT of address space, so that a
hang or a memory blow-up fails the test instead of stalling the suite. Rewrite the expected
files with ``pytest --update-golden`` after an intended change of a message, and review the
diff.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from support.limits import run_limited
from support.projects import PRACTICE, write_minimal_project

from generator.cli import main

CASES = Path(__file__).parent / "bad_inputs"
PLAYBOOK = Path(sys.executable).with_name("playbook")
ALPHA = "content/practices/alpha.yaml"
#: A hard bound, not a speed target: a run that fails validation takes about 0.4 s of CPU
#: time. Counted in CPU seconds (the kernel stops a child that uses more), so that a busy
#: machine does not fail the test; a child that waits without using any (a hang) is stopped
#: after HANG_LIMIT seconds.
TIME_LIMIT = 5
HANG_LIMIT = 60.0
#: Address space of each run. A valid project validates within 128 MiB and builds within
#: 192 MiB; reading a 50 MB file into YAML nodes would take gigabytes.
MEMORY_LIMIT = 512 * 1024 * 1024
#: Cases that read a file too large, nested too deep, too many values, an alias bomb or a file
#: that would block a reader: each runs in a child process under the limits above (a fault in
#: the YAML library would take the test process down with it).
HOSTILE = {
    "huge-file",
    "just-over-the-size-limit",
    "deep-flow-nesting",
    "deep-flow-nesting-unclosed",
    "deep-block-nesting",
    "deep-indentation",
    "too-many-values",
    "syntax-error-at-the-end-of-a-long-file",
    "huge-value",
    "fifo-instead-of-a-file",
    "yaml-alias-bomb",
    "yaml-alias-loop",
}
#: Cases also run through ``playbook build --strict``, which must fail the same way.
BUILT_TOO = {
    "yaml-tab-indentation",
    "escape-logo-parent",
    "extend-cycle-two",
    "huge-file",
    "symlink-loop-content-folder",
}


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _practice(practice_id: str) -> str:
    return PRACTICE.format(id=practice_id, other="beta")


# --- cases written at run time ---------------------------------------------------------------


def _overlay(root: Path, text: str) -> None:
    (root / "playbooks/team.yaml").write_text("extend: default\n" + text, encoding="utf-8")


def _huge_file(root: Path, outside: Path) -> None:
    line = b"- Keep going, one small step at a time.\n"
    (root / ALPHA).write_bytes(line * (50 * 1024 * 1024 // len(line)))


def _just_over_the_size_limit(root: Path, outside: Path) -> None:
    text = _practice("alpha")
    (root / ALPHA).write_text(text + "#" * (1024 * 1024 - len(text)) + "\n", encoding="utf-8")


def _latin1(root: Path, outside: Path) -> None:
    (root / ALPHA).write_bytes(
        _practice("alpha").replace("Because", "Parce que ça").encode("latin-1")
    )


def _binary(root: Path, outside: Path) -> None:
    (root / ALPHA).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def _utf16(root: Path, outside: Path) -> None:
    (root / ALPHA).write_bytes(_practice("alpha").encode("utf-16"))


def _nul_byte(root: Path, outside: Path) -> None:
    text = _practice("alpha").replace("Because it matters.", "Because\x00it matters.")
    (root / ALPHA).write_text(text, encoding="utf-8")


def _terminal_escape(root: Path, outside: Path) -> None:
    text = _practice("alpha").replace("Practice alpha", "\x1b[2J\x1b[31mPractice alpha")
    (root / ALPHA).write_text(text, encoding="utf-8")


def _deep_flow(root: Path, outside: Path) -> None:
    depth = 10_000
    (root / ALPHA).write_text("why: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")


def _deep_flow_unclosed(root: Path, outside: Path) -> None:
    # libyaml's own composer recurses in C and takes the whole process down on this.
    (root / ALPHA).write_text("why: " + "[" * 100_000 + "\n", encoding="utf-8")


def _deep_block(root: Path, outside: Path) -> None:
    (root / ALPHA).write_text("why:\n" + "- " * 10_000 + "deep\n", encoding="utf-8")


def _deep_indentation(root: Path, outside: Path) -> None:
    lines = [" " * level + f"level{level}:" for level in range(1_000)]
    (root / ALPHA).write_text("\n".join(lines) + " end\n", encoding="utf-8")


def _syntax_error_at_the_end(root: Path, outside: Path) -> None:
    # Just small enough to be parsed a second time, slowly, for a better worded message.
    text = "tags:\n" + "- a\n" * (128 * 1024 // 4 - 3) + "x: [\n"
    (root / ALPHA).write_text(text, encoding="utf-8")


def _many_values(root: Path, outside: Path) -> None:
    (root / ALPHA).write_text("tags:\n" + "- x\n" * 250_000, encoding="utf-8")


def _huge_value(root: Path, outside: Path) -> None:
    text = _practice("alpha").replace("tags: [sample]", "tags: " + "sample " * 140_000)
    (root / ALPHA).write_text(text, encoding="utf-8")


def _fifo(root: Path, outside: Path) -> None:
    os.mkfifo(root / "content/practices/gamma.yaml")  # opening it would wait forever


def _folder_named_like_a_file(root: Path, outside: Path) -> None:
    (root / "content/practices/gamma.yaml").mkdir()


def _symlink_loop_practice(root: Path, outside: Path) -> None:
    (root / "content/practices/gamma.yaml").symlink_to("gamma.yaml")


def _symlink_loop_two_files(root: Path, outside: Path) -> None:
    (root / "content/practices/gamma.yaml").symlink_to("delta.yaml")
    (root / "content/practices/delta.yaml").symlink_to("gamma.yaml")


def _symlink_loop_content_folder(root: Path, outside: Path) -> None:
    (root / "extra").symlink_to("extra")
    _overlay(root, "content: ../extra\n")


def _symlink_loop_practices_folder(root: Path, outside: Path) -> None:
    shutil.rmtree(root / "content/practices")
    (root / "content/practices").symlink_to("practices")


def _symlink_loop_playbook(root: Path, outside: Path) -> None:
    (root / "playbooks/team.yaml").symlink_to("crew.yaml")
    (root / "playbooks/crew.yaml").symlink_to("team.yaml")


def _symlink_loop_logo(root: Path, outside: Path) -> None:
    (root / "images").mkdir()
    (root / "images/logo.png").symlink_to("logo.png")
    _overlay(root, "site:\n  logo: ../images/logo.png\n")


def _symlink_content_outside(root: Path, outside: Path) -> None:
    (outside / "practices").mkdir()
    (outside / "practices/gamma.yaml").write_text(_practice("gamma"), encoding="utf-8")
    (root / "shared").symlink_to(outside)
    _overlay(root, "content: ../shared\n")


def _symlink_practice_outside(root: Path, outside: Path) -> None:
    (outside / "gamma.yaml").write_text(_practice("gamma"), encoding="utf-8")
    (root / "content/practices/gamma.yaml").symlink_to(outside / "gamma.yaml")


def _symlink_shared_file_outside(root: Path, outside: Path) -> None:
    (root / "content/home.yaml").rename(outside / "home.yaml")
    (root / "content/home.yaml").symlink_to(outside / "home.yaml")


def _symlink_logo_outside(root: Path, outside: Path) -> None:
    (outside / "logo.svg").write_text("<svg/>\n", encoding="utf-8")
    (root / "images").mkdir()
    (root / "images/logo.svg").symlink_to(outside / "logo.svg")
    _overlay(root, "site:\n  logo: ../images/logo.svg\n")


def _symlink_playbook_outside(root: Path, outside: Path) -> None:
    (outside / "team.yaml").write_text("extend: default\n", encoding="utf-8")
    (root / "playbooks/team.yaml").symlink_to(outside / "team.yaml")


GENERATED: dict[str, Callable[[Path, Path], None]] = {
    "huge-file": _huge_file,
    "just-over-the-size-limit": _just_over_the_size_limit,
    "not-utf8-latin1": _latin1,
    "not-utf8-binary": _binary,
    "not-utf8-utf16": _utf16,
    "nul-byte": _nul_byte,
    "terminal-escape-in-text": _terminal_escape,
    "deep-flow-nesting": _deep_flow,
    "deep-flow-nesting-unclosed": _deep_flow_unclosed,
    "deep-block-nesting": _deep_block,
    "deep-indentation": _deep_indentation,
    "too-many-values": _many_values,
    "syntax-error-at-the-end-of-a-long-file": _syntax_error_at_the_end,
    "huge-value": _huge_value,
    "fifo-instead-of-a-file": _fifo,
    "folder-named-like-a-file": _folder_named_like_a_file,
    "symlink-loop-practice-file": _symlink_loop_practice,
    "symlink-loop-two-files": _symlink_loop_two_files,
    "symlink-loop-content-folder": _symlink_loop_content_folder,
    "symlink-loop-practices-folder": _symlink_loop_practices_folder,
    "symlink-loop-playbook-file": _symlink_loop_playbook,
    "symlink-loop-logo": _symlink_loop_logo,
    "symlink-content-folder-outside": _symlink_content_outside,
    "symlink-practice-file-outside": _symlink_practice_outside,
    "symlink-shared-file-outside": _symlink_shared_file_outside,
    "symlink-logo-outside": _symlink_logo_outside,
    "symlink-playbook-outside": _symlink_playbook_outside,
}


def _case_names() -> list[str]:
    return sorted(path.name for path in CASES.iterdir() if path.is_dir())


def test_every_case_has_its_input_and_expected_output() -> None:
    names = _case_names()
    assert len(names) >= 40
    for name in names:
        committed = (CASES / name / "files").is_dir()
        assert committed != (name in GENERATED), f"{name}: give it files/ or a GENERATED entry"
    assert set(GENERATED) <= set(names), sorted(set(GENERATED) - set(names))


def test_the_committed_corpus_stays_small() -> None:
    size = sum(path.stat().st_size for path in CASES.rglob("*") if path.is_file())
    assert size < 100_000


def _project(case: str, tmp_path: Path) -> Path:
    root = write_minimal_project(tmp_path / "project")
    outside = tmp_path / "outside"
    outside.mkdir()
    if case in GENERATED:
        GENERATED[case](root, outside)
    else:
        shutil.copytree(CASES / case / "files", root, dirs_exist_ok=True)
    return root


def _run(
    case: str, root: Path, monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, str, str]:
    """Exit status, output and error output of ``playbook ARGS --project .`` run in ``root``."""
    if case not in HOSTILE:
        monkeypatch.chdir(root)  # problems name files relative to the working folder
        result = CliRunner().invoke(main, [*args, "--project", "."], prog_name="playbook")
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        return result.exit_code, result.stdout, result.stderr
    child = run_limited(root, TIME_LIMIT, *args)  # stopped by the kernel: the test fails
    return child.returncode, child.stdout, child.stderr


@pytest.mark.parametrize("case", _case_names())
def test_bad_input_gives_its_located_messages(
    case: str, tmp_path: Path, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(case, tmp_path)
    status, stdout, stderr = _run(case, root, monkeypatch, "validate")
    expected = CASES / case / "expected.txt"
    if update_golden:
        expected.write_text(stderr, encoding="utf-8")
    assert "Traceback" not in stdout + stderr, stderr
    assert status == 1, stdout + stderr
    assert stdout == ""
    assert stderr == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", sorted(BUILT_TOO))
def test_bad_input_stops_a_strict_build_the_same_way(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _project(case, tmp_path)
    site = str(tmp_path / "site")
    status, stdout, stderr = _run(case, root, monkeypatch, "build", "--strict", "--site-dir", site)
    assert "Traceback" not in stdout + stderr, stderr
    assert status == 1, stdout + stderr
    assert stderr == (CASES / case / "expected.txt").read_text(encoding="utf-8")
    assert not (tmp_path / "site").exists()


def test_the_hostile_cases_are_cases() -> None:
    assert sorted(HOSTILE - set(_case_names())) == []


def test_the_memory_limit_is_one_a_blow_up_would_hit(tmp_path: Path) -> None:
    """The bound is real: a child that tries to hold a gigabyte fails under it."""
    result = subprocess.run(
        [sys.executable, "-c", "bytearray(1024 ** 3)"],
        capture_output=True,
        encoding="utf-8",
        timeout=HANG_LIMIT,
        preexec_fn=_limit_memory,
    )
    assert result.returncode == 1 and "MemoryError" in result.stderr


def test_the_time_limit_is_one_a_loop_would_hit() -> None:
    """The bound is real: a child that computes for ever is stopped once it has used its CPU
    time (here one second of it, not TIME_LIMIT, to keep the test short)."""

    def limit() -> None:
        _limit_memory()
        resource.setrlimit(resource.RLIMIT_CPU, (1, 2))

    result = subprocess.run(
        [sys.executable, "-c", "while True: pass"],
        capture_output=True,
        timeout=HANG_LIMIT,
        preexec_fn=limit,
    )
    assert result.returncode == -signal.SIGXCPU
