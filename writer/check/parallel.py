"""Checking many files on every core: one Checker per worker process.

Workers are started with ``spawn`` on every platform (the default start
method differs between Python releases and systems, and ``fork`` copies a
process that may hold threads); each worker builds its own Checker once. Files go out in chunks and findings come back sorted,
so the output is the same, byte for byte, whatever the number of jobs.
"""

from __future__ import annotations

import os
from pathlib import Path

from writer.check.checker import Checker
from writer.check.config import CheckConfig
from writer.check.findings import Finding
from writer.errors import InputError, Problem

_worker: Checker | None = None
_worker_event = None


def _init(config: CheckConfig, event_path: str | None) -> None:
    global _worker, _worker_event
    if _worker is None:
        _worker = Checker(config)
    _worker_event = _worker.load_event(event_path) if event_path else None


def _check_chunk(paths: list[str]) -> tuple[list[Finding], list[Problem]]:
    findings: list[Finding] = []
    problems: list[Problem] = []
    for p in paths:
        try:
            findings.extend(_worker.check_file(p, event=_worker_event))
        except InputError as exc:
            problems.extend(exc.problems)
    return findings, problems


def check_paths(checker: Checker, paths: list[Path], *, event_path: Path | None = None, jobs: int = 1,
                chunk: int = 16) -> tuple[list[Finding], list[Problem]]:
    """Findings for every file, and the input problems of files that could not be checked."""
    global _worker, _worker_event
    jobs = max(1, min(jobs, os.cpu_count() or 1, (len(paths) + chunk - 1) // chunk))
    names = [str(p) for p in paths]
    if jobs == 1:
        _worker, _worker_event = checker, (checker.load_event(event_path) if event_path else None)
        try:
            return _sorted(*_check_chunk(names))
        finally:
            _worker = _worker_event = None
    import multiprocessing as mp  # only with workers: a one-file check does not pay for the pool's modules
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("spawn")
    findings: list[Finding] = []
    problems: list[Problem] = []
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init,
                             initargs=(checker.config, str(event_path) if event_path else None)) as pool:
        for f, p in pool.map(_check_chunk, [names[i:i + chunk] for i in range(0, len(names), chunk)]):
            findings.extend(f)
            problems.extend(p)
    return _sorted(findings, problems)


def _sorted(findings: list[Finding], problems: list[Problem]) -> tuple[list[Finding], list[Problem]]:
    return sorted(findings), sorted(problems)
