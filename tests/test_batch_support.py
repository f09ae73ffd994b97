"""Shared helpers for the batch publishing tests (no tests here)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def generator():
    spec = importlib.util.spec_from_file_location("make_factbase", ROOT / "bench" / "make_factbase.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_factbase(folder: Path, n: int, seed: int = 0) -> list[Path]:
    return generator().write_factbase(n, folder, seed)


def tree(folder: Path, *, state: bool = False) -> dict[str, bytes]:
    """Every file under ``folder`` (relative POSIX path -> bytes); writer's .writer/ state excluded unless asked."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        if not state:
            dirnames[:] = [d for d in dirnames if d != ".writer"]
        for name in filenames:
            p = Path(dirpath) / name
            out[p.relative_to(folder).as_posix()] = p.read_bytes()
    return out


def mtimes(folder: Path) -> dict[str, int]:
    return {rel: (folder / rel).stat().st_mtime_ns for rel in tree(folder)}


def set_value(path: Path, old: str, new: str) -> None:
    """Change one figure in a fact file (first occurrence of ``old``)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def move_price_level(path: Path, by: int = 1500) -> None:
    """Change the BTC price level every generated event has (a figure every draft prints exactly)."""
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: btc_level")
    at = text.index("value: ", start) + len("value: ")
    end = text.index("\n", at)
    path.write_text(text[:at] + str(int(text[at:end]) + by) + text[end:], encoding="utf-8")


def listed_files(manifest) -> dict[str, str]:
    """Every file a manifest lists (articles' and the site's), with its hash (builds every entry)."""
    out = dict(manifest.site_files)
    for entry in manifest.entries.values():
        out.update(entry.files)
    return out
