"""A large playbook's practices are listed in sections, so every page's navigation stays short."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from support.projects import PRACTICE, write_minimal_project

from generator.docs_tree import write_docs_tree
from generator.navigation import NAV_SECTIONS_ABOVE
from generator.project import load_project
from generator.render import render_site


def write_playbook(root: Path, first_tags: list[str]) -> Path:
    """The minimal project with practices p00, p01, ... whose first tags are ``first_tags``."""
    write_minimal_project(root)
    ids = [f"p{index:02d}" for index in range(len(first_tags))]
    for index, (practice_id, tag) in enumerate(zip(ids, first_tags, strict=True)):
        text = PRACTICE.format(id=practice_id, other=ids[(index + 1) % len(ids)])
        text = text.replace("tags: [sample]", f"tags: [{tag}, sample]")
        (root / "content" / "practices" / f"{practice_id}.yaml").write_text(text)
    playbook = {"site": {"name": "Large", "description": "Many practices."}, "practices": ids}
    (root / "playbooks" / "default.yaml").write_text(yaml.safe_dump(playbook))
    return root


def practices_nav(root: Path) -> Any:
    project = load_project(root)
    nav = render_site(project.playbook("default").model, project.content_for("default")).nav
    assert [entry.title for entry in nav] == [
        "Home",
        "Practices",
        "Health check",
        "Troubleshooting",
        "Tags",
    ]
    return nav[1].to_mkdocs()["Practices"]


def pages(*numbers: int) -> list[dict[str, str]]:
    return [{f"Practice p{n:02d}": f"practices/p{n:02d}.md"} for n in numbers]


def test_up_to_the_threshold_practices_are_one_flat_list(tmp_path: Path) -> None:
    tags = ["trust", "listening"] * (NAV_SECTIONS_ABOVE // 2)
    assert len(tags) == NAV_SECTIONS_ABOVE
    assert practices_nav(write_playbook(tmp_path, tags)) == pages(*range(NAV_SECTIONS_ABOVE))


def test_above_the_threshold_sections_by_first_tag_large_ones_split_evenly(
    tmp_path: Path,
) -> None:
    # 64 practices: every eighth is about trust, the last four about well-being, the other 52
    # about listening: more than a section holds (50), so two parts of 26.
    tags = [
        "trust" if index % 8 == 0 else "well-being" if index >= 60 else "listening"
        for index in range(64)
    ]
    listening = [index for index, tag in enumerate(tags) if tag == "listening"]
    assert len(listening) == 52
    assert practices_nav(write_playbook(tmp_path, tags)) == [
        {"Trust": pages(0, 8, 16, 24, 32, 40, 48, 56)},
        {"Listening 1–26": pages(*listening[:26])},
        {"Listening 27–52": pages(*listening[26:])},
        {"Well-being": pages(60, 61, 62, 63)},
    ]


def test_first_tags_that_sort_nothing_give_numbered_runs(tmp_path: Path) -> None:
    # 60 practices with 60 different first tags: 60 sections would be no shorter than a list.
    tags = [f"topic-{index}" for index in range(60)]
    assert practices_nav(write_playbook(tmp_path, tags)) == [
        {"1–30": pages(*range(30))},
        {"31–60": pages(*range(30, 60))},
    ]


def generated_features(root: Path) -> list[str]:
    report = write_docs_tree(load_project(root), "default")
    config = yaml.safe_load(report.config_file.read_text(encoding="utf-8"))
    return list(config["theme"]["features"])


def test_generated_config_prunes_the_navigation(tmp_path: Path) -> None:
    root = write_minimal_project(tmp_path)
    mkdocs = root / "mkdocs.yml"
    mkdocs.write_text(
        mkdocs.read_text().replace(
            "  name: material\n", "  name: material\n  features: [toc.follow]\n"
        )
    )
    assert generated_features(root) == ["toc.follow", "navigation.prune"]


def test_a_project_choosing_navigation_expand_keeps_it_unpruned(tmp_path: Path) -> None:
    root = write_minimal_project(tmp_path)
    mkdocs = root / "mkdocs.yml"
    mkdocs.write_text(
        mkdocs.read_text().replace(
            "  name: material\n", "  name: material\n  features: [navigation.expand]\n"
        )
    )
    assert generated_features(root) == ["navigation.expand"]
