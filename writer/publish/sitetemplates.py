"""Which page templates a site uses, and their digest, without loading Jinja2.

The digest of the page templates is one of every article's inputs, so a batch
needs it on every run; compiling the templates (Jinja2, babel) is needed only
when a page is rendered. A re-run with nothing to publish computes the digest
here and never imports the renderer (:mod:`writer.publish.pages`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from writer.templatefiles import default_templates_dir, hash_files

SITE_DIR = "site"  # the page templates' folder inside a templates folder


def site_template_dirs(template_dirs: Sequence[Path | str] = ()) -> list[Path]:
    """The folders page templates are looked up in: the given ones in order, the bundled one last."""
    dirs = [Path(d) for d in template_dirs]
    if default_templates_dir() not in dirs:
        dirs.append(default_templates_dir())
    return dirs


def files_digest(dirs: list[Path]) -> str:
    """A hash of every file under ``site/`` that the pages would use (the first folder holding a name wins)."""
    chosen: dict[str, Path] = {}
    for d in dirs:
        for p in sorted((d / SITE_DIR).rglob("*")) if (d / SITE_DIR).is_dir() else ():
            rel = p.relative_to(d).as_posix()
            if p.is_file() and rel not in chosen:
                chosen[rel] = p
    return hash_files(chosen)


def digest_with(templates_digest: str, site_digest: str) -> str:
    """One digest of the drafting templates' (``templates_digest``) and the page templates' (``site_digest``)."""
    return hashlib.sha256(f"{templates_digest}\0{site_digest}".encode()).hexdigest()[:16]
