"""writer's own code and data as an input of every published page.

A page is decided by the fact file, the registry, the templates and the
settings (each hashed into the manifest's inputs), and by writer itself: the
check's phrases (``writer/check/phrases.yaml``) and rules, the drafting code,
the loader, the page code. Writer's version string alone does not move when
one of those is edited (a development checkout, an editable install, a patched
deployment), so a published event would be neither re-checked nor republished.
The version therefore comes with a digest of the package's files
(``0.1.0+3f2a...``): any change to them re-checks every event, and the commit
writes only the files whose bytes changed (an event the new check rejects keeps
its published version, and the run says so, as for any rejection).

Cheap on every run: the package is listed and stat'ed (about 130 files, under a
millisecond); a file is read and hashed only when its stat differs from the one
remembered in the build's stat cache (:class:`writer.publish.verify.Verifier`,
git's racily-clean rule), so an unchanged install hashes nothing.

The libraries whose output reaches a page (``PAGE_LIBRARIES``: the templates'
engine and its escaping, dates and numbers in words, Markdown to HTML and the
check's parsing, YAML) and Python's version are inputs too: an upgrade that
changes what they print republishes what it changes. Their versions come from
``importlib.metadata`` (tens of CPU-ms with its imports), remembered in the same
stat cache with the stat of every folder of the import path, since installing,
upgrading or removing a distribution changes the folder that holds it
(:meth:`writer.publish.verify.Verifier.libraries`). A test holds the list to
what publishing imports.

Left out, because no page depends on them (a test holds it: publishing imports
none of them): the importers and the preview server, the command line's modules
(they only parse and print: what they pass on is in the settings' digest), and a
``templates`` folder inside the package (an installed copy of the bundled
templates, which are inputs through their own digests).
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from writer import __version__

PACKAGE = Path(__file__).resolve().parents[1]  # the writer package's folder
# Folders and files of the package that no page depends on (see the module's text).
NOT_PAGE_FOLDERS = frozenset({"importers", "preview", "templates", "__pycache__"})
BYTECODE_SUFFIXES = (".pyc", ".pyo")
# Hex digits of the code digest kept in the identity: 64 bits, as for the templates' digests.
DIGEST_CHARS = 16
# The distributions whose code runs while a page is made and can change its bytes or its verdict (pip's names;
# tests/test_batch_code_inputs.py holds this list to the modules publishing imports, edited articles included).
PAGE_LIBRARIES = ("Jinja2", "MarkupSafe", "babel", "markdown-it-pyrs", "markdown-it-py", "mdurl", "PyYAML")


def is_page_input(rel: str) -> bool:
    """Whether the package file ``rel`` (POSIX, relative to the package) can change a page."""
    parts = rel.split("/")
    if any(p in NOT_PAGE_FOLDERS for p in parts[:-1]) or rel.endswith(BYTECODE_SUFFIXES):
        return False
    return not (len(parts) == 1 and parts[0].startswith("cli") and parts[0].endswith(".py"))


def code_files(root: Path = PACKAGE) -> list[tuple[str, str, os.stat_result]]:
    """Every page input under ``root``: (name relative to it, path, stat), in name order."""
    found: list[tuple[str, str, os.stat_result]] = []
    pending = [(os.fspath(root), "")]
    while pending:
        folder, prefix = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in NOT_PAGE_FOLDERS:
                        pending.append((entry.path, rel + "/"))
                elif entry.is_file() and is_page_input(rel):
                    found.append((rel, entry.path, entry.stat()))
    found.sort()
    return found


def writer_identity(hashes=None, root: Path = PACKAGE) -> str:
    """writer's version and the digest of its page inputs, e.g. ``0.1.0+3f2a9c...``.

    ``hashes``: a :class:`writer.publish.verify.Verifier` whose stat cache saves reading unchanged
    files (None: every file is read). A file or folder of the package that cannot be read is an input
    error naming it (exit 2): whether writer changed cannot be told without it."""
    digest = hashlib.sha256()
    digest.update(library_versions(hashes).encode())
    path = os.fspath(root)
    try:
        for rel, path, st in code_files(root):
            if hashes is not None:
                file_digest = hashes.code_digest(path, st)
            else:
                with open(path, "rb") as fh:
                    file_digest = hashlib.sha256(fh.read()).hexdigest()
            digest.update(f"{rel}\0{file_digest}\n".encode())
    except OSError as exc:
        from writer.errors import single_problem

        where = exc.filename if isinstance(exc.filename, str) else path
        raise single_problem(where, f"cannot read writer's own files (every page depends on them): {exc.strerror or exc}") from None
    return f"{__version__}+{digest.hexdigest()[:DIGEST_CHARS]}"


def library_versions(hashes=None) -> str:
    """Python's version and each of ``PAGE_LIBRARIES``' (``name version`` lines; a library not installed is
    "absent"). ``hashes``: a :class:`writer.publish.verify.Verifier` whose cache saves reading them while no
    folder of the import path changed (None: read)."""
    python = f"{sys.implementation.name} {'.'.join(map(str, sys.version_info[:3]))}\n"
    read = _read_versions if hashes is None else (lambda: hashes.libraries(list(sys.path), _read_versions))
    return python + read()


def _read_versions() -> str:
    from importlib import metadata

    lines = []
    for name in PAGE_LIBRARIES:
        try:
            lines.append(f"{name} {metadata.version(name)}\n")
        except metadata.PackageNotFoundError:
            lines.append(f"{name} absent\n")
    return "".join(lines)
