"""Which template files drafting uses, and their digest, without loading Jinja2.

Drafting compiles its templates (writer.draft.drafter); a batch only needs to
know whether they changed since it last published, on every run. These
functions read the files alone, so a re-run with nothing to draft imports
neither Jinja2 nor the drafter.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from writer import __version__
from writer.errors import single_problem


def default_templates_dir() -> Path:
    return Path(str(resources.files("writer.templates")))


def template_dirs(templates_dir: Path | str | None) -> list[Path]:
    """The folders templates are looked up in: the user's ``--templates`` folder first, then the bundled set."""
    dirs = [Path(templates_dir)] if templates_dir else []
    dirs.append(default_templates_dir())
    if templates_dir and not Path(templates_dir).is_dir():
        raise single_problem(templates_dir, "templates folder not found")
    return dirs


def templates_digest(dirs: list[Path]) -> str:
    """A hash of every file that can change a draft (templates, style, layouts) plus writer's version.

    A function of the files alone, so a batch can tell what changed without building a Drafter.
    """
    chosen: dict[str, Path] = {}  # the first folder holding a name wins
    for d in dirs:
        for p in sorted(d.rglob("*")):
            rel = p.relative_to(d).as_posix()
            # templates/site/ holds the site's page templates: they change published pages, not
            # drafts, and publishing hashes them itself (writer.publish.sitetemplates).
            if p.is_file() and rel not in chosen and p.suffix in (".j2", ".yaml", ".css", ".html") and not rel.startswith("site/"):
                chosen[rel] = p
    return hash_files(chosen, f"writer {__version__}\n".encode())


def hash_files(chosen: dict[str, Path], prefix: bytes = b"") -> str:
    """A short hash of files by their relative names and bytes, in name order (the drafting and the
    page templates' digests)."""
    h = hashlib.sha256(prefix)
    for rel in sorted(chosen):
        h.update(rel.encode() + b"\0" + chosen[rel].read_bytes() + b"\0")
    return h.hexdigest()[:16]
