"""Encryption at rest (#8): the store and search benchmarks on an encrypted profile.

Both profiles are built and measured in the same run, so the ratio compares
like with like: the target is within 1.5× of the unencrypted figures.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench import data
from bench.bench_store import search_times
from bench.common import Result, median, percentile, timed
from fieldkit.profile import Profile

PASSPHRASE = "benchmark passphrase"
LIMIT = 1.5


def _insert(path: Path, rows: list[dict], passphrase: str | None) -> float:
    profile = Profile.create(path, organization="Bench", device_name="bench", passphrase=passphrase)
    elapsed = timed(lambda: profile.contacts.add_many(rows))
    assert profile.contacts.count() == len(rows)
    profile.close()
    return elapsed


def _build(path: Path, contacts: list[dict], materials: list[dict], passphrase: str | None):
    profile = Profile.create(path, organization="Bench", device_name="bench", passphrase=passphrase)
    profile.contacts.add_many(contacts)
    profile.materials.add_many(materials)
    profile.close()


def _search_times(path: Path, passphrase: str | None, rounds: int) -> list[float]:
    profile = Profile.open(path, passphrase=passphrase)
    profile.search("warm up")
    ours, _raw = search_times(profile, rounds)
    profile.close()
    return ours


def run(quick: bool = False) -> list[Result]:
    n = 10_000 if quick else 100_000
    m = 1_000 if quick else 10_000
    rounds = 3 if quick else 5
    contacts = list(data.contacts(n))
    materials = list(data.materials(m))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plain_s = min(_insert(tmp / f"plain{i}", contacts, None) for i in range(2))
        enc_s = min(_insert(tmp / f"enc{i}", contacts, PASSPHRASE) for i in range(2))
        results.append(
            Result(
                f"insert {n:,} contacts, encrypted profile",
                enc_s,
                "s",
                target=f"≤ {LIMIT}× unencrypted",
                ok=enc_s <= LIMIT * plain_s,
                baseline=plain_s,
            )
        )
        _build(tmp / "plain", contacts, materials, None)
        _build(tmp / "enc", contacts, materials, PASSPHRASE)
        plain = _search_times(tmp / "plain", None, rounds)
        enc = _search_times(tmp / "enc", PASSPHRASE, rounds)
        plain_q, enc_q = median(plain), median(enc)
        plain_p95, enc_p95 = percentile(plain, 95), percentile(enc, 95)
        results.append(
            Result(
                f"search median, encrypted ({n:,} contacts + {m:,} materials)",
                enc_q * 1000,
                "ms",
                target=f"≤ {LIMIT}× unencrypted",
                ok=enc_q <= LIMIT * plain_q,
                baseline=plain_q * 1000,
            )
        )
        results.append(
            Result(
                "search p95, encrypted",
                enc_p95 * 1000,
                "ms",
                target=f"≤ {LIMIT}× unencrypted",
                ok=enc_p95 <= LIMIT * plain_p95,
                baseline=plain_p95 * 1000,
            )
        )
    return results
