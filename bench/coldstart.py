"""Timing fresh ``writer`` processes, interleaved, for the cold-start benchmarks.

Used by bench/bench_cold_check.py and bench/bench_draft.py. Each variant is a
command line run as a fresh process; the variants take turns (A, B, C, A, B,
C, ...) so the load of the shared machine falls on all of them alike, and a
comparison is the ratio of their medians. Wall time is what a user waits;
CPU time (the child's user + system time) moves less with the load, so both
are reported.

Children run as an installed writer does: with its bytecode cached. The
environment variable ``PYTHONDONTWRITEBYTECODE`` (set in some shells and
containers) is removed for them, and every variant runs once before timing,
so no run pays for compiling Python sources. Both trees are laid out the way
the wheel installs them (templates in ``writer/templates``) and put first on
``PYTHONPATH``: this checkout's working files (copied, so uncommitted changes
count) and, for ``--base REF``, that commit's files (``git archive``). Neither
then goes through the editable install's import hook, which the other would
not pay.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The console script's own code (what `writer` runs), with the arguments after it: `writer.cli:run`
# since it skips the collector's last pass at exit, `writer.cli:main` before (in older trees given to --base).
ENTRY = "import sys; from writer import cli; sys.argv = ['writer', *sys.argv[1:]]; getattr(cli, 'run', cli.main)()"
FIVE_LIBRARIES = "import click, jinja2, pydantic, markdown_it, yaml"
FIVE_LIBRARIES_LABEL = f'`python -c "{FIVE_LIBRARIES}"`'


@dataclass
class Variant:
    label: str
    argv: list[str]
    tree: Path | None = None  # a writer tree to import instead of the installed one
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    codes: set[int] = field(default_factory=set)

    @property
    def wall_median(self) -> float:
        return statistics.median(self.wall)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)


def writer_command(*args: str, tree: Path | None = None, label: str = "") -> Variant:
    return Variant(label or f"`writer {' '.join(args)}`", [sys.executable, "-c", ENTRY, *args], tree)


def python_command(code: str, label: str) -> Variant:
    return Variant(label, [sys.executable, "-c", code])


def export_tree(rev: str, into: Path) -> Path:
    """``writer/`` and ``templates/`` of commit ``rev``, laid out as installed; returns the folder to put on PYTHONPATH."""
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "writer", "templates"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    (into / "templates").rename(into / "writer" / "templates")
    return into


def copy_worktree(into: Path) -> Path:
    """This checkout's ``writer/`` and ``templates/`` as they are on disk, laid out as installed."""
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "writer", into / "writer", ignore=skip)
    shutil.copytree(ROOT / "templates", into / "writer" / "templates", ignore=skip)
    return into


def _env(tree: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(v: Variant, cwd: Path) -> tuple[float, float, int]:
    cpu0, t0 = _children_cpu(), time.perf_counter()
    code = subprocess.run(v.argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(v.tree), cwd=cwd).returncode
    return time.perf_counter() - t0, _children_cpu() - cpu0, code


def interleave(variants: list[Variant], runs: int, cwd: Path) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Time every variant ``runs`` times, in turns, after one untimed run each; the load averages before and after."""
    for v in variants:
        run_once(v, cwd)  # bytecode written, files in the page cache
    before = os.getloadavg()
    for _ in range(runs):
        for v in variants:
            wall, cpu, code = run_once(v, cwd)
            v.wall.append(wall)
            v.cpu.append(cpu)
            v.codes.add(code)
    return before, os.getloadavg()


def table(variants: list[Variant]) -> list[str]:
    rows = ["| command (fresh process) | wall median | wall min | CPU median | exit codes |", "|---|---|---|---|---|"]
    for v in variants:
        rows.append(f"| {v.label} | {v.wall_median * 1000:.0f} ms | {min(v.wall) * 1000:.0f} ms | {v.cpu_median * 1000:.0f} ms | "
                    f"{', '.join(map(str, sorted(v.codes)))} |")
    return rows


def ratio(a: Variant, b: Variant) -> str:
    """``a`` over ``b``, medians, wall and CPU."""
    return f"{a.wall_median / b.wall_median:.2f} (wall), {a.cpu_median / b.cpu_median:.2f} (CPU)"


def load_line(runs: int, load: tuple[tuple[float, ...], tuple[float, ...]]) -> str:
    before, after = load
    return (f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; load average {before[0]:.2f} before, "
            f"{after[0]:.2f} after; {runs} interleaved runs of each command.")
