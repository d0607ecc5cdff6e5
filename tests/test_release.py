"""The release workflow: a version tag tests, builds and publishes without a stored token."""

from __future__ import annotations

from pathlib import Path

import yaml


def test_a_version_tag_tests_builds_and_publishes_with_trusted_publishing(
    repo_root: Path,
) -> None:
    text = (repo_root / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    # YAML 1.1 reads the key `on` as true: GitHub reads it as "on".
    assert workflow[True] == {"push": {"tags": ["v*"]}}
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert list(jobs) == ["test", "build", "publish"]
    assert all(job["runs-on"] == "ubuntu-latest" and job["steps"] for job in jobs.values())
    assert jobs["build"]["needs"] == "test" and jobs["publish"]["needs"] == "build"
    # The README's own test command, as CI runs it.
    runs = [step["run"] for step in jobs["test"]["steps"] if "run" in step]
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    assert runs == [readme.split("```sh\n", 1)[1].splitlines()[1]]
    build_runs = [step["run"] for step in jobs["build"]["steps"] if "run" in step]
    assert build_runs[-1] == "python -m pip install build==1.2.2 && python -m build"
    publish = jobs["publish"]
    # Trusted publishing: the job may ask for an identity token, and passes no secret.
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["steps"][-1] == {"uses": "pypa/gh-action-pypi-publish@release/v1"}
    assert "secrets." not in text and "password" not in text
