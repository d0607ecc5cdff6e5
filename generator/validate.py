"""The former home of ``load_project``, kept so that code importing it from here still works:
the project's model is loaded by project.py."""

from __future__ import annotations

from .project import Project, ResolvedPlaybook, load_project

__all__ = ["Project", "ResolvedPlaybook", "load_project"]
