"""The commit's moves for N new events, as the previous commit did them and as it does now, interleaved.

    python bench/bench_batch_moves.py [--events 2000] [--rounds 4] [--write bench/results/batch_moves.md]

A cold build stages three files per event in ``.writer/stage/ID/`` and the commit moves them into the
site. File by file (the plain version, what writer did before): the event's folder made, three renames,
and the emptied stage folders removed at the end. Now (``writer.publish.commit._move_into_place``): a
folder the site does not have yet is renamed in whole. Each round prepares a fresh stage of ``--events``
events (2 KB files) and times one way, then the other (the order alternates), by wall clock and CPU.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from writer.atomic import empty_folder  # noqa: E402
from writer.publish.commit import Layout, _move_into_place  # noqa: E402


def prepare(root: Path, events: int) -> tuple[Layout, list[str]]:
    layout = Layout(root)
    staged = []
    for i in range(events):
        event_id = f"2025-01-01-event-{i:05d}"
        (layout.stage / event_id).mkdir(parents=True)
        for name in ("index.html", f"{event_id}.md", f"{event_id}.json"):
            (layout.stage / event_id / name).write_bytes(b"x" * 2000)
            staged.append(f"{event_id}/{name}")
    return layout, staged


def file_by_file(layout: Layout, staged: list[str]) -> None:
    for rel in sorted(staged):
        target = layout.out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(layout.stage / rel, target)
    empty_folder(layout.stage)


def by_folder(layout: Layout, staged: list[str]) -> None:
    for _ in _move_into_place(layout, staged):
        pass
    empty_folder(layout.stage)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--write", type=Path, default=None)
    args = ap.parse_args()
    ways = {"file by file (before)": file_by_file, "folders moved whole (now)": by_folder}
    spent: dict[str, list[tuple[float, float]]] = {name: [] for name in ways}
    load = [os.getloadavg()[0]]
    for r in range(args.rounds):
        for name in (list(ways) if r % 2 == 0 else list(reversed(ways))):
            with tempfile.TemporaryDirectory() as tmp:
                layout, staged = prepare(Path(tmp), args.events)
                wall, cpu = time.perf_counter(), time.process_time()
                ways[name](layout, staged)
                spent[name].append((time.perf_counter() - wall, time.process_time() - cpu))
        load.append(os.getloadavg()[0])
    lines = [
        "## The commit's moves of a cold build's new events",
        "",
        f"Command: `python bench/bench_batch_moves.py --events {args.events} --rounds {args.rounds}`; {os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}; load average {min(load):.1f}-{max(load):.1f} (shared machine).",
        "",
        "| way | wall (median) | CPU (median) |",
        "|---|---|---|",
        *(f"| {name} | {statistics.median(x[0] for x in xs):.2f} s | {statistics.median(x[1] for x in xs):.2f} s |" for name, xs in spent.items()),
        "",
    ]
    report = "\n".join(lines)
    print(report)
    if args.write:
        args.write.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
