"""A synthetic project of any number of practices, for timing builds of large playbooks.

Each practice is about the size of a real one (a few paragraphs, steps, pitfalls, a checklist,
an assessment) and its first tag is one of ten categories, the way a coach would tag a large
playbook. The shared files (scales, health check, troubleshooting, home) are small and valid.
Run alone: .venv/bin/python bench/synthetic.py DIR --practices N
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

CATEGORIES = (
    "listening",
    "feedback",
    "recognition",
    "trust",
    "boundaries",
    "development",
    "communication",
    "collaboration",
    "well-being",
    "delegation",
)
WORDS = (
    "team people work trust time support shared goal clear honest question answer week "
    "meeting idea effort help change habit listen notice fair open plan step follow"
).split()


def sentence(seed: int, length: int = 14) -> str:
    words = [WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + "."


def paragraph(seed: int, sentences: int = 4) -> str:
    return " ".join(sentence(seed + i) for i in range(sentences))


def practice_id(index: int) -> str:
    return f"practice-{index:04d}"


def practice(index: int, total: int) -> dict[str, object]:
    """One practice; its related practice and band link point at the next one."""
    other = practice_id((index + 1) % total)
    category = CATEGORIES[index % len(CATEGORIES)]
    return {
        "id": practice_id(index),
        "title": f"Practice {index:04d}: {sentence(index, 3)[:-1].lower()}",
        "summary": sentence(index, 18),
        "tags": [category, CATEGORIES[(index + 3) % len(CATEGORIES)]],
        "why": "\n\n".join(paragraph(index + p) for p in range(3)),
        "signs": {
            "good": [sentence(index + s, 10) for s in range(4)],
            "warning": [sentence(index + s + 9, 10) for s in range(4)],
        },
        "steps": [
            {"title": sentence(index + s, 4)[:-1], "detail": paragraph(index + s, 3)}
            for s in range(5)
        ],
        "contexts": {
            "employees": paragraph(index + 1),
            "teams": paragraph(index + 2),
            "customers": paragraph(index + 3),
        },
        "pitfalls": [
            {"title": sentence(index + s, 4)[:-1], "detail": paragraph(index + s, 2)}
            for s in range(3)
        ],
        "checklist": [{"id": f"item-{c}", "text": sentence(index + c, 9)} for c in range(6)],
        "assessment": {
            "scale": "frequency",
            "questions": [
                {"id": f"question-{q}", "text": sentence(index + q, 8), "reverse": q == 4}
                for q in range(5)
            ],
            "bands": [
                {"id": "starting", "min": 0, "max": 44, "label": "Getting started",
                 "advice": sentence(index, 10)},
                {"id": "building", "min": 45, "max": 74, "label": "Building the habit",
                 "advice": sentence(index + 1, 10)},
                {"id": "strong", "min": 75, "max": 100, "label": "Strong",
                 "advice": sentence(index + 2, 10), "practices": [other]},
            ],
        },
        "related": [other],
        "resources": [{"title": "Further reading", "url": "https://example.org/reading"}],
    }  # fmt: skip


SCALES = {
    "scales": [
        {
            "id": "frequency",
            "points": [
                {"value": value, "label": label}
                for value, label in enumerate(("Never", "Rarely", "Sometimes", "Often"), 1)
            ],
        }
    ]
}


def shared_files(first: str, second: str) -> dict[str, object]:
    dimension = {
        "title": "Mutual support",
        "description": "Both sides help each other.",
        "practices": [first],
        "questions": [{"id": "help-each-other", "text": "We help each other."}],
    }
    return {
        "content/scales.yaml": SCALES,
        "content/health-check.yaml": {
            "title": "Health check",
            "summary": "How healthy is the working relationship?",
            "intro": "Answer for the relationship as it is today.",
            "scale": "frequency",
            "dimensions": [
                {"id": "mutual-support", **dimension},
                {
                    **dimension,
                    "id": "balanced-effort",
                    "title": "Balanced effort",
                    "practices": [second],
                    "questions": [{"id": "fair-share", "text": "Effort feels fair."}],
                },
            ],
        },
        "content/troubleshooting.yaml": {
            "title": "Troubleshooting",
            "summary": "When a working relationship goes wrong.",
            "intro": "Most problems have a remedy.",
            "challenges": [
                {
                    "id": "imbalance",
                    "title": "Imbalance of effort",
                    "description": "One side gives, the other takes.",
                    "symptoms": ["Resentment"],
                    "remedies": ["Talk about it"],
                    "practices": [first],
                }
            ],
        },
        "content/home.yaml": {
            "title": "A large playbook",
            "summary": "Synthetic practices for timing builds.",
            "body": paragraph(0),
        },
    }


MKDOCS_YML = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def write_project(root: Path, practices: int) -> Path:
    """Write a project of ``practices`` practices into ``root``, with the repository's
    mkdocs.yml (its theme, features and extensions; the build drops the plugin entry)."""
    if practices < 2:
        raise ValueError("a synthetic project needs at least two practices")
    ids = [practice_id(index) for index in range(practices)]
    files: dict[str, object] = shared_files(ids[0], ids[1])
    files["playbooks/default.yaml"] = {
        "site": {"name": f"{practices} practices", "description": "A synthetic playbook."},
        "practices": ids,
    }
    for index in range(practices):
        files[f"content/practices/{ids[index]}.yaml"] = practice(index, practices)
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, sort_keys=False, width=1000), encoding="utf-8")
    (root / "mkdocs.yml").write_bytes(MKDOCS_YML.read_bytes())
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic playbook project.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--practices", type=int, default=100)
    args = parser.parse_args()
    write_project(args.folder, args.practices)
    print(f"Wrote {args.practices} practices into {args.folder}")


if __name__ == "__main__":
    main()
