"""The desktop app at scale: cold start, search as you type, memory when scrolled end to end.

Every measurement runs in a fresh subprocess (``python -m bench.bench_ui child …``)
with ``QT_QPA_PLATFORM=offscreen`` on a cached profile of 100k contacts and
10k materials (``bench/.cache/``, built once with ``Records.add_many``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Result, median, percentile

ROOT = Path(__file__).resolve().parent.parent
CONTACTS, MATERIALS = 100_000, 10_000
QUERIES = ("traffick", "police", "asha rao", "shelter home", "ministry women", "labour dep")

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1200, 780); w.show(); app.processEvents()
print("shown", flush=True)
w.close()
"""


# The app's start, as lean as BARE: no benchmark modules imported in the child.
APP = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from fieldkit.ui.app import AppSession, make_application
app = make_application()
session = AppSession(Path(sys.argv[1]), QSettings(sys.argv[2], QSettings.Format.IniFormat))
session.window.show(); app.processEvents()
print("shown", flush=True)
session.close()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env["FIELDKIT_DATA_DIR"] = tempfile.mkdtemp(prefix="fieldkit-bench-")
    return env


def _time_to_shown(args: list[str]) -> float:
    """Seconds from spawning the process to its window being shown."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.PIPE, env=_env(), cwd=ROOT, text=True
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("shown"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError("the window was never shown")
    proc.wait(timeout=60)
    return elapsed


def _child_json(mode: str, profile: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_ui", "child", mode, str(profile)],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=ROOT,
        timeout=600,
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(quick: bool) -> list[Result]:
    from bench.data import cached_profile

    profile = cached_profile(CONTACTS, MATERIALS)
    runs = 3 if quick else 7
    bare, app = [], []
    for _i in range(runs):  # interleaved, so both see the same machine load
        bare.append(_time_to_shown(["-c", BARE]))
        settings = Path(tempfile.mkdtemp(prefix="fieldkit-bench-")) / "settings.ini"
        app.append(_time_to_shown(["-c", APP, str(profile), str(settings)]))
    bare_s, app_s = median(bare), median(app)
    search = _child_json("search", profile)["times"]
    scroll = _child_json("scroll", profile)
    p95 = percentile(search, 95) * 1000
    return [
        Result(
            "cold start to main window, 100k contacts (median)",
            app_s,
            "s",
            "≤ 2.5× bare Qt and < 0.8 s",
            app_s <= 2.5 * bare_s and app_s < 0.8,
            baseline=bare_s,
        ),
        Result(
            "global search as you type, 100k contacts + 10k materials (p95)",
            p95,
            "ms",
            "< 100 ms",
            p95 < 100,
        ),
        Result(
            f"peak memory, open and scrolled over {scroll['rows']:,} rows",
            scroll["maxrss_mb"],
            "MB",
            "< 300 MB",
            scroll["maxrss_mb"] < 300,
        ),
    ]


# --- the child processes ---------------------------------------------------------


def _open(profile: Path):
    from PySide6.QtCore import QSettings

    from fieldkit.ui.app import AppSession, make_application

    app = make_application()
    settings = QSettings(
        str(Path(os.environ["FIELDKIT_DATA_DIR"]) / "settings.ini"), QSettings.Format.IniFormat
    )
    session = AppSession(profile, settings)
    session.window.show()
    app.processEvents()
    return app, session


def _child(mode: str, profile: Path) -> None:
    app, session = _open(profile)
    if mode == "search":
        dialog = session.window.global_search()
        times = []
        for query in QUERIES:
            dialog.query.clear()
            for i in range(1, len(query) + 1):
                start = time.perf_counter()
                dialog.query.setText(query[:i])  # refreshes the list synchronously
                app.processEvents()
                times.append(time.perf_counter() - start)
        print(json.dumps({"times": times, "results": dialog.results.count()}))
    elif mode == "scroll":
        page = session.window.show_section("contacts")
        bar = page.table.verticalScrollBar()
        while page.model.canFetchMore():
            bar.setValue(bar.maximum())  # the view asks the model for the next page
            app.processEvents()
        print(json.dumps({"rows": page.model.rowCount(), "maxrss_mb": _peak_rss_kb() / 1024}))
    session.close()


def _peak_rss_kb() -> int:
    """This process's peak resident memory. Not ``getrusage``: on Linux its ``ru_maxrss``
    keeps the high-water mark of the parent it was forked from (the benchmark runner,
    which holds large data sets), while ``VmHWM`` starts again at ``exec``."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "child":
        _child(sys.argv[2], Path(sys.argv[3]))
    else:
        sys.exit("usage: python -m bench.bench_ui child search|scroll PROFILE")
