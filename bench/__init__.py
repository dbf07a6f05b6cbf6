"""Benchmarks: each module ``bench/bench_*.py`` has ``run(quick: bool) -> list[Result]``.

Every figure is measured against a raw baseline in the same run (raw sqlite3,
raw reportlab), so the ratio holds on a slower or busier machine.
"""
