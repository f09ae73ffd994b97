"""Per-run costs of a re-run that do not depend on what changed, each against the way it was done before, by CPU.

    python bench/bench_batch_parts.py --site SITE [--rounds 15] [--write FILE]

SITE: a site built by ``bench/bench_batch.py --keep`` (its ``.writer/manifest.json``: 14 MB at 10,000 events).
Each pair is timed in alternation (A, B, A, B, ...), CPU time of this process (``time.process_time``), medians:

- reading the manifest: its seal hashed (before) against trusted from the stat cache (the file unchanged since
  writer wrote or checked it);
- binding the commit's journal to the manifest: the whole file's sha256 (before) against its head's;
- the versions of the libraries that shape a page (writer.publish.identity): read through importlib.metadata in a
  fresh process that has imported what a re-run imports (what a run pays when a folder of the import path changed),
  against the stat cache's answer (every other run); each in its own fresh process, CPU of that part alone;
- with ``--fb FB`` (the fact base SITE was built from): putting the listed fact files in Path's order, by a list of
  each path's parts (before) against one string per path with NUL for the separator (writer.factbase.files).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VERSIONS_CHILD = r"""
import sys, time, tempfile
from pathlib import Path
import writer.publish.build  # what a re-run has imported before it asks
from writer.publish.identity import library_versions
from writer.publish.verify import Verifier
state = Path(tempfile.mkdtemp())
if sys.argv[1] == "cached":
    import writer.publish.verify as verify
    verify.RACY_MARGIN_NS = -10**18
    first = Verifier(state, state / "v.json", state)
    first.libraries(list(sys.path), lambda: "warm\n")
    first.save()
    verifier = Verifier(state, state / "v.json", state)
    t = time.process_time()
    library_versions(verifier)
else:
    t = time.process_time()
    library_versions(None)
print(time.process_time() - t)
"""


def _cpu(f) -> float:
    t = time.process_time()
    f()
    return time.process_time() - t


def _child(kind: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-P", "-c", VERSIONS_CHILD, kind], capture_output=True, text=True, env=env, check=True)
    return float(out.stdout.strip())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", type=Path, required=True)
    ap.add_argument("--fb", type=Path, default=None, help="the fact base SITE was built from (times the listing's order too)")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--write", type=Path, default=None)
    args = ap.parse_args()

    from writer import __version__
    from writer.factbase.files import _path_key, _walk
    from writer.publish.manifest import Manifest

    path = args.site / ".writer" / "manifest.json"
    first = Manifest.read(path, __version__, journal=False)
    assert first is not None and first.sealed, "the site's manifest is not one this writer wrote (bring the site up to date first)"
    seal = first.read_seal
    load = [os.getloadavg()[0]]
    times: dict[str, list[float]] = {k: [] for k in ("read, seal hashed", "read, seal trusted", "journal, whole file", "journal, head",
                                                     "versions, importlib.metadata", "versions, stat cache")}
    listed = _walk(os.fspath(args.fb)) if args.fb else []
    if listed:
        times.update({"listing order, parts lists": [], "listing order, one string": []})
    for _ in range(args.rounds):
        times["read, seal hashed"].append(_cpu(lambda: Manifest.read(path, __version__, journal=False)))
        times["read, seal trusted"].append(_cpu(lambda: Manifest.read(path, __version__, journal=False, known_seal=lambda st: seal)))
        times["journal, whole file"].append(_cpu(lambda: hashlib.sha256(first.raw).hexdigest()))
        times["journal, head"].append(_cpu(first.binding))
        times["versions, importlib.metadata"].append(_child("read"))
        times["versions, stat cache"].append(_child("cached"))
        if listed:
            times["listing order, parts lists"].append(_cpu(lambda: sorted(dict.fromkeys(listed), key=lambda p: p.split(os.sep))))
            times["listing order, one string"].append(_cpu(lambda: sorted(dict.fromkeys(listed), key=_path_key)))
    load.append(os.getloadavg()[0])
    ms = {k: statistics.median(v) * 1000 for k, v in times.items()}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    lines = [f"## Per-run costs of a re-run, before and now ({commit}), {args.rounds} interleaved rounds", "",
             f"Command: `python bench/bench_batch_parts.py --site {args.site}{f' --fb {args.fb}' if args.fb else ''} --rounds {args.rounds}`; "
             f"{os.cpu_count()} cores, "
             f"{platform.machine()}, Python {platform.python_version()}; load average {min(load):.1f}-{max(load):.1f}; "
             f"manifest {path.stat().st_size / 1e6:.1f} MB ({len(first.entries)} events). CPU ms, medians.", "",
             "| part | before | now | saved |", "|---|---|---|---|"]
    pairs = [("read, seal hashed", "read, seal trusted"), ("journal, whole file", "journal, head"),
             ("versions, importlib.metadata", "versions, stat cache")]
    if listed:
        pairs.append(("listing order, parts lists", "listing order, one string"))
    for before, now in pairs:
        lines.append(f"| {before.split(',')[0]} ({before.split(', ')[1]} / {now.split(', ')[1]}) | {ms[before]:.2f} | {ms[now]:.2f} | "
                     f"{ms[before] - ms[now]:.2f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
