"""Localization: loading a catalog, switching the app's language live, the completeness report.

The language switch runs in a fresh subprocess (offscreen Qt) on a demo profile
with every section built, as a person would have it after a while.
"""

from __future__ import annotations

import gettext
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import Result, best_of, median, timed

ROOT = Path(__file__).resolve().parent.parent

SWITCH = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from fieldkit import i18n
from fieldkit.profile import Profile
from fieldkit.starter import load_starter
from fieldkit.ui.app import AppSession, make_application
path = Path(sys.argv[1])
with Profile.create(path, organization="Bench") as profile:
    load_starter(profile)
app = make_application()
session = AppSession(path, QSettings(sys.argv[2], QSettings.Format.IniFormat))
session.window.show()
for name in session.window.section_names():
    session.window.show_section(name)
app.processEvents()
times = []
for lang in ["ar", "hi", "ru", "es", "sw", "fr", "pt_BR", "en"] * int(sys.argv[3]):
    start = time.perf_counter()
    i18n.set_language(lang)
    app.processEvents()
    times.append(time.perf_counter() - start)
session.close()
print(json.dumps(times))
"""


def _switch_times(rounds: int) -> list[float]:
    folder = Path(tempfile.mkdtemp(prefix="fieldkit-bench-i18n-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env["FIELDKIT_DATA_DIR"] = str(folder / "data")
    out = subprocess.run(
        [sys.executable, "-c", SWITCH, str(folder / "profile"), str(folder / "s.ini"), str(rounds)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(quick: bool) -> list[Result]:
    from fieldkit import i18n
    from fieldkit.content_i18n import _ui_report, ui_report

    languages = [lang for lang in i18n.LANGUAGES if lang != "en"]
    mo = {lang: i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "fieldkit.mo" for lang in languages}

    def load_all() -> None:
        i18n.translator.cache_clear()
        for lang in languages:
            i18n.translator(lang)

    def load_raw() -> None:
        for path in mo.values():
            with path.open("rb") as handle:
                gettext.GNUTranslations(handle)

    def report_cold() -> None:
        _ui_report.cache_clear()
        ui_report()

    results = [
        Result(
            "load the 7 catalogs (cold)",
            best_of(load_all, 5) * 1000,
            "ms",
            target="< 50 ms",
            baseline=best_of(load_raw, 5) * 1000,
        ),
    ]
    results[-1].ok = results[-1].value < 50
    report = timed(report_cold)
    results.append(Result("UI completeness report (cold)", report * 1000, "ms", target="< 2 s"))
    results[-1].ok = report < 2
    times = _switch_times(1 if quick else 3)
    switch = Result(
        "switch language live, every section built (median)",
        median(times) * 1000,
        "ms",
        target="< 300 ms",
    )
    switch.ok = switch.value < 300
    worst = Result("switch language live (worst)", max(times) * 1000, "ms", target="< 1 s")
    worst.ok = worst.value < 1000
    return [*results, switch, worst]
