"""Resolution: each playbook made whole from the files loaded, through ``extend`` and overrides.

A playbook that extends another takes its content (with its own content folder laid over it,
content.py) and settings, and changes practices by id (overlay.py). Nothing is read from
disk here but the logo and favicon files, which are published as they are checked
(images.py); every problem is collected, and checks.py checks the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import playbook_schema, schema
from .content import Collector, Content, Loaded
from .errors import display_path, shorten
from .images import IMAGE_SUFFIXES, ImageRefused, published_image
from .loaded_project import LoadedProject, PlaybookFile
from .loader import SourceMap
from .overlay import apply_overrides
from .paths import named_path

#: Settings an extending playbook keeps from the one it extends unless it sets them itself.
INHERITED_SETTINGS = (
    "audience",
    "language",
    "allow_html",
    "allow_remote_images",
    "team_threshold",
    "left_out_practices",
)


@dataclass
class ResolvedPlaybook:
    """A playbook with everything it extends and overrides applied: what gets built."""

    name: str
    model: playbook_schema.Playbook
    source: SourceMap  # of the playbook's own file
    path: Path
    content: Content  # the practices it can use (merged) and the shared files
    files: list[Path]  # playbook files and content folders it is made of, to watch
    #: The practices its overrides replaced by merged ones, by id: the base's.
    replaced: dict[str, Loaded[schema.Practice]] = field(default_factory=dict)

    @property
    def practices(self) -> list[Loaded[schema.Practice]]:
        return [self.content.practices[practice_id] for practice_id in self.model.practices]


class Resolver:
    """Resolves the loaded playbook files, each once; ``resolved`` keeps them in the order
    they were finished, every playbook after the one it extends."""

    def __init__(self, check: Collector, loaded: LoadedProject) -> None:
        self.check = check
        self.loaded = loaded
        self.resolved: dict[Path, ResolvedPlaybook | None] = {}

    def resolve(self, path: Path, chain: tuple[Path, ...] = ()) -> ResolvedPlaybook | None:
        """The playbook in ``path``; ``chain`` holds the files extending it, for cycles."""
        if path in self.resolved:
            return self.resolved[path]
        file = self.loaded.files.get(path)
        result = None
        if file is not None and file.overlay is not None:
            result = self.extend(file, file.overlay, chain)
        elif file is not None and file.playbook is not None:
            result = self.standalone(file, file.playbook)
        self.resolved[path] = result
        return result

    def asset(self, loaded: Loaded[Any], site: Any, key: str) -> str | None:
        """A logo or favicon path made absolute, or None (reported) unless it is an image file
        in the project."""
        value = getattr(site, key, None) if site is not None else None
        if value is None:
            return None
        home = self.loaded.home(loaded.path)
        file = named_path(self.check, home, loaded.path, loaded.source, ("site", key), value)
        if file is None:
            return None
        if not file.exists():
            message = f"file '{display_path(file)}' does not exist"
        elif not file.is_file():
            message = f"'{shorten(value)}' is not a file"
        elif file.suffix.lower() not in IMAGE_SUFFIXES:
            message = (
                f"'{shorten(value)}' is not an image: use a "
                f"{', '.join(IMAGE_SUFFIXES[:-1])} or {IMAGE_SUFFIXES[-1]} file"
            )
        else:
            try:
                published_image(file)  # what the site would publish: refused here, located
            except ImageRefused as refused:
                message = f"'{shorten(value)}' {refused.reason}"
            else:
                return str(file)
        self.check.add(loaded.source, ("site", key), message)
        return None

    def standalone(
        self, file: PlaybookFile, loaded: Loaded[playbook_schema.Playbook]
    ) -> ResolvedPlaybook | None:
        if file.content is None or file.folder is None:
            return None
        site = loaded.model.site.model_copy(
            update={key: self.asset(loaded, loaded.model.site, key) for key in ("logo", "favicon")}
        )
        model = loaded.model.model_copy(update={"site": site})
        return ResolvedPlaybook(
            loaded.path.stem,
            model,
            loaded.source,
            loaded.path,
            file.content,
            [file.path, file.folder],
        )

    def extend(
        self,
        file: PlaybookFile,
        overlay: Loaded[playbook_schema.PlaybookOverlay],
        chain: tuple[Path, ...],
    ) -> ResolvedPlaybook | None:
        if file.base is None:
            return None
        trail = [*chain, file.path]
        if file.base in trail:
            cycle = [*trail[trail.index(file.base) :], file.base]
            self.check.add(
                overlay.source,
                ("extend",),
                "extend cycle: " + " -> ".join(display_path(path) for path in cycle),
            )
            return None
        base = self.resolve(file.base, (*chain, file.path))
        if base is None:
            return None
        model = overlay.model
        content = base.content
        files = [*base.files, overlay.path]
        if model.content is not None:
            if file.content is None or file.folder is None:
                return None
            files.append(file.folder)
            content = self.laid_over(base.content, file.content, overlay)
        else:
            content = base.content.extended_by(Content(base.content.folder))
        replaced = {}
        if model.overrides is not None:
            replaced = apply_overrides(self.check, overlay, model.overrides, content)
        practices = model.practices if model.practices is not None else base.model.practices
        site = base.model.site.model_dump()
        if model.site is not None:
            site.update(model.site.model_dump(exclude_none=True))
            for key in ("logo", "favicon"):
                if getattr(model.site, key) is not None:
                    site[key] = self.asset(overlay, model.site, key)
        # What the overlay leaves out (None), it inherits.
        inherited = {
            key: getattr(base.model, key) if getattr(model, key) is None else getattr(model, key)
            for key in INHERITED_SETTINGS
        }
        resolved = base.model.model_copy(
            update={
                "site": playbook_schema.SiteSettings.model_validate(site, strict=False),
                "practices": list(practices),
                "strings": {**base.model.strings, **(model.strings or {})},
                **inherited,
            }
        )
        return ResolvedPlaybook(
            overlay.path.stem, resolved, overlay.source, overlay.path, content, files, replaced
        )

    def laid_over(
        self, base: Content, own: Content, overlay: Loaded[playbook_schema.PlaybookOverlay]
    ) -> Content:
        """``base`` with the overlay's own content folder laid over it; its practices are
        added, and one that reuses an id of the base is reported."""
        content = base.extended_by(own)
        for practice_id, loaded in own.practices.items():
            existing = base.practices.get(practice_id)
            if existing is not None and existing.path == loaded.path:
                continue  # the same file: this folder is also the extended one's
            if existing is not None:
                self.check.add(
                    loaded.source,
                    ("id",),
                    f"practice '{practice_id}' already exists in the playbook this one "
                    f"extends; change it under overrides.practices.{practice_id} in "
                    f"{display_path(overlay.path)}, or choose another id",
                )
            else:
                content.practices[practice_id] = loaded
        return content
