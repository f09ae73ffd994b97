"""Re-render when an input changes: the fact file, the article, the registry or a template.

Polling file stamps (modification time, size) keeps writer free of a file-watching
dependency and works the same on every platform and file system, network
mounts included; a preview is re-rendered at most once per poll.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

# Half a second: an editor saving a file sees the preview change "at once" without a busy loop.
POLL_SECONDS = 0.5

Stamp = tuple[int, int] | None


def stamps(paths: list[Path]) -> dict[Path, Stamp]:
    out: dict[Path, Stamp] = {}
    for p in paths:
        try:
            st = p.stat()
            out[p] = (st.st_mtime_ns, st.st_size)
        except OSError:
            out[p] = None  # missing now: its return is a change too
    return out


def watch(render: Callable[[], list[Path]], watched: list[Path], *, interval: float = POLL_SECONDS,
          stop: threading.Event | None = None, on_change: Callable[[list[Path]], None] | None = None) -> None:
    """After the first render (done by the caller, which also gives the files it read), call
    ``render`` again whenever one of ``watched`` changes, until ``stop`` is set.

    ``render`` returns the files to watch next (an edited fact file may name
    another registry); it must not raise: the caller decides what a failed render
    shows (the CLI prints the error and keeps watching the same files).
    """
    stop = stop or threading.Event()
    seen = stamps(watched)
    while not stop.wait(interval):
        now = stamps(watched)
        changed = [p for p in now if now[p] != seen.get(p)]
        if not changed:
            continue
        if on_change is not None:
            on_change(changed)
        watched = render() or watched
        seen = stamps(watched)


__all__ = ["POLL_SECONDS", "stamps", "watch"]
