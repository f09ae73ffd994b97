"""Jinja2's compiled-template cache, like Python's own .pyc files, for drafting and the site pages.

Compiling templates is a quarter of a cold ``writer draft`` and most of setting up
the site's pages. Jinja keys each entry by the template's name and file and checks
a checksum of its source, writing atomically in a private per-user folder it
checks for safety; an edited template is simply recompiled, so the output never
depends on the cache. Where no safe folder exists, templates are compiled every time.

Sandboxed and plain code differ (the sandbox's calls go through its checks) while
Jinja keys entries by name and file alone, so each kind has its own files: one
bundled template may be compiled both ways (plain on its own, sandboxed beside an
editor's ``--templates``).
"""

from __future__ import annotations

import jinja2


def bytecode_cache(sandboxed: bool) -> jinja2.FileSystemBytecodeCache | None:
    try:
        return jinja2.FileSystemBytecodeCache(pattern=f"__writer_{'sandbox' if sandboxed else 'bundled'}_%s.cache")
    except (OSError, RuntimeError):
        return None
