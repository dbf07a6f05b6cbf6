"""``python -m bench [--quick] [NAME ...]``: run the benchmarks and print one table.

Exit status 1 when a figure misses its target.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

from bench.common import Result


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("names", nargs="*", help="only these modules (e.g. store leaflets)")
    parser.add_argument("--quick", action="store_true", help="smaller volumes, for a smoke run")
    args = parser.parse_args()
    folder = Path(__file__).parent
    modules = sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_")
    )
    if args.names:
        modules = [m for m in modules if m.removeprefix("bench_") in args.names]
    results: list[tuple[str, Result]] = []
    for name in modules:
        module = importlib.import_module(f"bench.{name}")
        print(f"running {name} …", file=sys.stderr, flush=True)
        for result in module.run(quick=args.quick):
            results.append((name.removeprefix("bench_"), result))
    print(render(results))
    return 1 if any(r.ok is False for _, r in results) else 0


def render(results: list[tuple[str, Result]]) -> str:
    header = ("area", "measure", "value", "baseline", "ratio", "target", "ok")
    rows = [
        (
            area,
            r.name,
            f"{r.value:.4g} {r.unit}",
            f"{r.baseline:.4g} {r.unit}" if r.baseline else "",
            f"{r.ratio:.2f}×" if r.ratio is not None else "",
            r.target,
            {True: "yes", False: "NO", None: ""}[r.ok],
        )
        for area, r in results
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
