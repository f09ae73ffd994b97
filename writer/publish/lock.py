"""One build at a time per output folder (per shard).

Two full builds writing one site at once would each write a manifest that
knows nothing of the other's articles. An advisory lock on a file in the
state folder makes the second run stop with a clear message instead. Shards
lock separately: running them side by side on one folder is their purpose.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from writer.errors import single_problem

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, no protection
    fcntl = None


@contextmanager
def build_lock(state_dir: Path, name: str):
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / f"{name}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise single_problem(path, "another writer batch is writing this output folder; wait for it to finish") from None
        yield
    finally:
        os.close(fd)
