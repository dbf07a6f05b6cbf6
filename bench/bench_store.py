"""Store benchmarks (#2): bulk insert through the API, and search, against raw SQLite."""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from bench import data
from bench.common import Result, median, percentile, timed
from fieldkit.data import entities as E
from fieldkit.data.clock import new_ids
from fieldkit.data.search import fts_query
from fieldkit.profile import Profile

QUERIES = [
    # rare
    "Kowalski 4711",
    "person12345",
    "City 321",
    # common
    "police",
    "trafficking",
    "Ministry",
    "shelter",
    "rights",
    # prefix (search as you type)
    "Ash",
    "traf",
    "Min",
    "Sha",
    "rehab",
    "prot",
    "Inspec",
    "फ़ा",
]


def raw_insert(path: Path, rows: list[dict]) -> float:
    """The baseline: executemany of the same values into a plain table, one transaction."""
    cols = E.CONTACTS.field_names
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"CREATE TABLE plain (id TEXT, {', '.join(cols)})")
    values = [
        (str(i), *[E.to_sql(E.CONTACTS.field(c), r.get(c)) for c in cols])
        for i, r in enumerate(rows)
    ]

    def run() -> None:
        with conn:
            conn.executemany(
                f"INSERT INTO plain VALUES ({', '.join('?' * (len(cols) + 1))})", values
            )

    elapsed = timed(run)
    conn.close()
    return elapsed


def api_insert(path: Path, rows: list[dict]) -> float:
    profile = Profile.create(path, organization="Bench", device_name="bench")
    elapsed = timed(lambda: profile.contacts.add_many(rows))
    assert profile.contacts.count() == len(rows)
    assert profile.store.conn.execute("SELECT count(*) FROM changes").fetchone()[0] == len(rows)
    profile.close()
    return elapsed


def sql_only_insert(path: Path, rows: list[dict]) -> float:
    """The store's own SQL for the same insert, with the rows validated and their change
    records built beforehand (untimed): what no Python-side work can take away."""
    profile = Profile.create(path, organization="Bench", device_name="bench")
    store = profile.store
    entity = E.CONTACTS
    ids = new_ids(len(rows))
    clean = [(ids[i], E.normalize(entity, r), False) for i, r in enumerate(rows)]
    start = 0.0
    with store.write():
        prepared = store.prepare_many(entity, clean)
        start = time.perf_counter()
        store.write_prepared(entity, prepared)
    elapsed = time.perf_counter() - start
    assert profile.contacts.count() == len(rows)
    profile.close()
    return elapsed


def search_times(profile: Profile, rounds: int) -> tuple[list[float], list[float]]:
    """Per query: time through Profile.search (top 50) and through raw FTS5 of the same terms.

    The raw query is FTS5's fastest form: BM25 over the index alone, no record read
    (``ORDER BY rank`` is about twice as slow for a common word)."""
    conn = profile.store.conn
    ours: list[float] = []
    raw: list[float] = []
    for _ in range(rounds):
        for q in QUERIES:
            ours.append(timed(lambda q=q: profile.search(q, limit=50)))
            match = fts_query(q)

            def raw_query(match=match) -> None:
                for table in ("contacts_fts", "campaigns_fts", "materials_fts", "laws_fts"):
                    conn.execute(
                        f"SELECT rowid, bm25({table}) AS score FROM {table} "
                        f"WHERE {table} MATCH ? ORDER BY score LIMIT 50",
                        [match],
                    ).fetchall()

            raw.append(timed(raw_query))
    return ours, raw


def run(quick: bool = False) -> list[Result]:
    n = 10_000 if quick else 100_000
    m = 1_000 if quick else 10_000
    rows = list(data.contacts(n))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        raw_s = min(raw_insert(tmp / f"raw{i}.db", rows) for i in range(2))
        api_s = api_insert(tmp / "api", rows)
        ratio = api_s / raw_s
        results.append(
            Result(
                f"insert {n:,} contacts (API, change log, FTS)",
                api_s,
                "s",
                target="≤ 3× raw executemany",
                ok=ratio <= 3.0,
                baseline=raw_s,
            )
        )
        sql_s = sql_only_insert(tmp / "sql", rows)
        results.append(
            Result(
                "  of which the store's SQL and commit (rows prepared beforehand)",
                sql_s,
                "s",
                baseline=raw_s,
            )
        )
        profile = Profile.open(data.cached_profile(n, m))
        profile.search("warm up")
        ours, raw = search_times(profile, rounds=3 if quick else 5)
        profile.close()
        med, p95 = median(ours), percentile(ours, 95)
        raw_med = median(raw)
        results.append(
            Result(
                f"search median ({n:,} contacts + {m:,} materials, top 50)",
                med * 1000,
                "ms",
                target="< 20 ms, ≤ 1.5× raw FTS5",
                ok=med < 0.020 and med <= 1.5 * raw_med,
                baseline=raw_med * 1000,
            )
        )
        results.append(
            Result(
                "search p95",
                p95 * 1000,
                "ms",
                target="< 60 ms",
                ok=p95 < 0.060,
                baseline=percentile(raw, 95) * 1000,
            )
        )
    return results
