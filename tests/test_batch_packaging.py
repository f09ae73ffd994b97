"""The package metadata ships every module and data file of the tree (pyproject.toml).

An installed wheel holds only the packages pyproject.toml lists and the data files its
package-data patterns match: a folder left out of the list (as writer.importers and
writer.preview once were) is missing from every wheel while an editable install, which
maps the whole tree, never notices. These tests read the metadata and the tree: building a
wheel needs the build backend from a package index, and tests use no network.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _folders() -> dict[str, Path]:
    """Every package folder of the tree by its import name (``writer.templates`` is the top-level templates/)."""
    roots = {"writer": ROOT / "writer", **{name: ROOT / folder for name, folder in _setuptools().get("package-dir", {}).items()}}
    found: dict[str, Path] = {}
    for name, folder in roots.items():
        for sub in [folder, *sorted(p for p in folder.rglob("*") if p.is_dir())]:
            if "__pycache__" in sub.parts or any(part.endswith(".egg-info") for part in sub.parts):
                continue
            dotted = ".".join([name, *sub.relative_to(folder).parts])
            if any(p.is_file() for p in sub.iterdir()):
                found.setdefault(dotted, sub)
    return found


def test_every_folder_of_the_package_is_listed():
    listed = set(_setuptools()["packages"])
    folders = _folders()
    assert set(folders) - listed == set(), "folders that a wheel would leave out"
    assert listed - set(folders) == set(), "listed packages with no folder"


def test_every_data_file_is_matched_by_its_package_data():
    patterns = _setuptools()["package-data"]
    unmatched = []
    for name, folder in _folders().items():
        for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix not in (".py", ".pyc")):
            if not any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns.get(name, [])):
                unmatched.append(str(path.relative_to(ROOT)))
    assert unmatched == [], "data files a wheel would leave out"


def test_the_license_is_an_spdx_string_and_the_backend_is_bounded():
    """A TOML table for project.license is deprecated by setuptools (a warning on every install); the backend's
    range is the one the string form needs and the major tested."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["license"] == "MIT"
    (backend,) = meta["build-system"]["requires"]
    assert backend.startswith("setuptools>=77") and "<" in backend
