"""Drafts many random valid events and counts those that fail, by distinct cause.

The suite runs the same property on a fixed set of examples:
- ``--generator new_kinds`` (default): tests/test_draft_any_event.py's generator with the fact
  model's newer kinds, the events most real files look like;
- ``--generator corners``: tests/test_draft_any_event_corners.py's generator, which leans on
  the schema's edges (every metric, unit and status, tiny, huge and negative values, windows of
  every kind, disputed ranges, odd source names, events with only context, gaps or quotes).
This script is the long run with chosen seeds, for finding new failures.

    python bench/fuzz_draft_new_kinds.py [--generator corners] [--examples 400] [--seed 1 [--seed 3 ...]]
        [--dump DIR] [--write bench/results/fuzz_draft.md] [--links] [--draws-only]

The same seed draws the same events in any process (bench/README.md says how, and when they change); each seed's
line gives a digest of its draws, so two runs can be seen to have drafted the same events.

Prints, per seed, the number of events tried and failed, and the failures grouped by cause (the
message with its figures, ids, names and positions taken out); --dump writes each failing event's
YAML to DIR, named by seed, place and id (ids repeat; draft it again with
`writer draft DIR/s<seed>-<n>-<id>.yaml --sources DIR/sources.yaml`, n its place in the seed's draws); with
--write, also writes the results (with the command and the machine's load) to a Markdown file; with
--links, also counts the drafted figures the check links to another fact than the one drafted.
Exit 0.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

import test_draft_any_event as props  # noqa: E402
from steady_draws import keep_local_constants_out  # noqa: E402

# The same seed draws the same events in any process, alone or after other seeds (tests/steady_draws.py).
keep_local_constants_out()

SHOWN = 10  # distinct causes printed per seed
DIGEST = 12  # hex digits of the draws' digest printed: enough to tell two sets of events apart


def strategy(name: str):
    if name == "corners":
        import test_draft_any_event_corners as corners

        return corners.corner_events()
    return props.events(new_kinds=True)


def cause(message: str) -> str:
    """A failure's cause: its message without the figures, ids, quoted text and positions that vary."""
    first = first_line(message) if message else ""
    first = re.sub(r"^(gen|corner)-\d+: ", "", first)
    first = re.sub(r"(gen|corner)-\d+", "<event>", first)
    first = re.sub(r"'[^']*'|\"[^\"]*\"|\([^()]*\)", "<x>", first)
    first = re.sub(r"\d[\d,.]*", "<n>", first)
    return first[:240]


def mislinked(event) -> list[str]:
    """Drafted figures the check links to another fact than the one drafted (the property's own test, which
    the suite runs on its fixed examples: tests/test_draft_any_event.py)."""
    return props.mislinked(event, props.drafter().draft(event))





def run_seed(generator: str, examples: int, chosen: int, dump: Path | None, links: list | None = None,
             draws_only: bool = False) -> tuple[int, list[tuple[str, str, str]], str]:
    """Drafts the seed's events; returns how many were tried, each failure as (name, cause, message) and the draws'
    digest (of every event's YAML, in order: two runs with one digest drafted the same events). An event's name is its
    place in the seed's draws with its id (``12-corner-2``): ids repeat, within a seed too."""
    tried, failures = 0, []
    draws = hashlib.sha256()

    @seed(chosen)
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(strategy(generator))
    def run(event):
        nonlocal tried
        tried += 1
        name = f"{tried}-{event.id}"
        draws.update(props.GENERATED_TEXT.get(event.id, "").encode())
        if draws_only:
            return
        try:
            props.test_every_valid_event_drafts_and_passes_its_own_check.hypothesis.inner_test(event)
            if links is not None:
                wrong = mislinked(event)
                links.extend(wrong)
                if wrong and dump is not None:
                    dump.mkdir(parents=True, exist_ok=True)
                    (dump / f"links-s{chosen}-{name}.yaml").write_text(props.GENERATED_TEXT.get(event.id, ""), encoding="utf-8")
        except Exception as exc:  # a failure is what we count here, whatever its type
            message = f"{type(exc).__name__}: {str(exc) or _failing_line(exc)}"
            failures.append((name, cause(message), first_line(message)))
            if dump is not None:
                dump.mkdir(parents=True, exist_ok=True)
                (dump / f"s{chosen}-{name}.yaml").write_text(props.GENERATED_TEXT.get(event.id, ""), encoding="utf-8")
                (dump / f"s{chosen}-{name}.txt").write_text(message, encoding="utf-8")

    run()
    return tried, failures, draws.hexdigest()[:DIGEST]


def _failing_line(exc: BaseException) -> str:
    """The source line that raised a bare exception (an ``assert`` without a message): its cause."""
    frames = traceback.extract_tb(exc.__traceback__)
    return frames[-1].line or "" if frames else ""


def first_line(message: str) -> str:
    """The message's first line with words (an assertion's own message may start on the next)."""
    lines = [line for line in message.splitlines() if line.strip() and not line.rstrip().endswith(":")] or [message]
    return lines[0][:300]


def write_registry(dump: Path) -> None:
    """The generator's registry (sources.yaml plus its odd names and groups), beside the dumped events."""
    import yaml

    reg = props.registry()
    rows = [{"id": s.id, "name": s.name, "kind": s.kind.value, **({"aliases": list(s.aliases)} if s.aliases else {}),
             **({"group": True} if s.group else {})} for s in reg.sources.values()]
    dump.mkdir(parents=True, exist_ok=True)
    (dump / "sources.yaml").write_text(yaml.safe_dump({"sources": rows}, sort_keys=False, allow_unicode=True), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--generator", choices=["new_kinds", "corners"], default="new_kinds")
    ap.add_argument("--examples", type=int, default=400)
    ap.add_argument("--seed", type=int, action="append", help="repeat for several seeds (default: 1)")
    ap.add_argument("--dump", type=Path, help="write each failing event's YAML (and its message) to this folder")
    ap.add_argument("--write", type=Path, help="also write the results to this Markdown file")
    ap.add_argument("--draws-only", action="store_true",
                    help="draft nothing: print each seed's events and their digest only (which events a seed draws, fast)")
    ap.add_argument("--links", action="store_true",
                    help="also count drafted figures the check links to another fact than the one drafted (drafts each event twice)")
    args = ap.parse_args()
    seeds = args.seed or [1]
    if args.dump:
        write_registry(args.dump)
    lines, total, failed, causes = [], 0, 0, Counter()
    for chosen in seeds:
        wrong: list[str] | None = [] if args.links else None
        tried, failures, digest = run_seed(args.generator, args.examples, chosen, args.dump, wrong, args.draws_only)
        total += tried
        events = {eid for eid, _, _ in failures}
        failed += len(events)
        mine = Counter(c for _, c in dict.fromkeys((eid, c) for eid, c, _ in failures))  # once per event, in the order found
        causes.update(mine)
        lines.append(f"| {chosen} | {tried} | {digest} | {len(events)} | {len(mine)} |")
        print(f"seed {chosen}: {tried} valid events {'drawn' if args.draws_only else 'drafted'} ({args.generator}, draws {digest}); {len(events)} failed, {len(mine)} distinct causes")
        for c, n in mine.most_common(SHOWN):
            example = next((eid, m) for eid, cc, m in failures if cc == c)
            print(f"  {n}x {example[0]}: {example[1]}")
        if wrong is not None:
            print(f"  figures linked to another fact than drafted: {len(wrong)}")
            for w in sorted(set(wrong))[:SHOWN]:
                print(f"    {w}")
    print(f"all seeds: {total} events, {failed} failing events, {len(causes)} distinct causes")
    if args.write:
        command = "python bench/fuzz_draft_new_kinds.py --generator {} --examples {} {}".format(
            args.generator, args.examples, " ".join(f"--seed {s}" for s in seeds))
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
        text = (f"Command: `{command}` (load average {load} at the end, 2 cores).\n\n"
                "| seed | events drafted | draws | events failed | distinct causes |\n|---|---|---|---|---|\n" + "\n".join(lines) + "\n\n"
                + "".join(f"- {n}x {c}\n" for c, n in causes.most_common()))
        args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
