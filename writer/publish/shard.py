"""Shards: ``--shard K/N`` builds the events whose id hashes to K, on any machine the same."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Shard:
    k: int  # 1-based
    n: int

    @classmethod
    def parse(cls, text: str) -> "Shard":
        m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
        if not m:
            raise ValueError(f"shard must look like K/N (e.g. 2/8), not {text!r}")
        k, n = int(m.group(1)), int(m.group(2))
        if n < 1 or not 1 <= k <= n:
            raise ValueError(f"shard {k}/{n}: K must be between 1 and N")
        return cls(k, n)

    def holds(self, key: str) -> bool:
        """Whether this shard builds the event with id ``key`` (a stable hash, the same on every machine)."""
        return shard_of(key, self.n) == self.k

    @property
    def suffix(self) -> str:
        """The part of a state file's name that belongs to this shard."""
        return f"-{self.k}-of-{self.n}"

    def __str__(self) -> str:
        return f"{self.k}/{self.n}"


def shard_of(key: str, n: int) -> int:
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") % n + 1
