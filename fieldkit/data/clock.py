"""Hybrid logical clocks and time-ordered record ids.

An HLC timestamp is one integer: milliseconds since the epoch shifted left by
16 bits, plus a 16-bit counter. It never goes backwards on a device, moves
past every timestamp the device has seen from others, and orders changes
across devices even when their wall clocks disagree. Ties between devices
are broken by device id (see :func:`wins`).
"""

from __future__ import annotations

import datetime as _dt
import os
import time
from functools import lru_cache

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """A device's clock; ``last`` is persisted by the store after each write."""

    def __init__(self, last: int = 0, now_ms=wall_ms):
        self.last = last
        self._now_ms = now_ms

    def tick(self) -> int:
        """A new timestamp for a local change."""
        physical = self._now_ms() << COUNTER_BITS
        self.last = physical if physical > self.last else self.last + 1
        return self.last

    def observe(self, remote: int) -> None:
        """Move past a timestamp received from another device."""
        if remote > self.last:
            self.last = remote


def wins(a_hlc: int, a_device: str, b_hlc: int, b_device: str) -> bool:
    """True when change A beats change B for the same field (later HLC, then larger device id)."""
    return (a_hlc, a_device) > (b_hlc, b_device)


def hlc_to_iso(hlc: int) -> str:
    """The wall-clock part of an HLC timestamp, as ISO 8601 UTC (to the second)."""
    return _iso_second((hlc >> COUNTER_BITS) // 1000)


@lru_cache(maxsize=1024)
def _iso_second(second: int) -> str:
    """Cached: a bulk import stamps many rows within the same few seconds."""
    return _dt.datetime.fromtimestamp(second, _dt.UTC).isoformat(timespec="seconds")


def new_id() -> str:
    """A UUID version 7: random, but ordered by creation time (kind to B-tree indexes)."""
    return new_ids(1)[0]


def new_ids(n: int) -> list[str]:
    """``n`` UUIDv7 strings from one call to the system's random source (bulk inserts)."""
    ms = wall_ms() & ((1 << 48) - 1)
    head = f"{ms:012x}"
    head = f"{head[:8]}-{head[8:]}-7"
    pool = os.urandom(10 * n).hex()
    out = []
    for k in range(0, 20 * n, 20):
        r = pool[k : k + 20]
        variant = "89ab"[int(r[3], 16) & 3]
        out.append(f"{head}{r[:3]}-{variant}{r[4:7]}-{r[7:19]}")
    return out
