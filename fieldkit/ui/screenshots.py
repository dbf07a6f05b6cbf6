"""``python -m fieldkit.ui.screenshots --profile PATH --out docs/screenshots``.

Opens the app on a profile (under a real X server: ``make screenshots`` runs
it with ``xvfb-run``), shows every section in turn and writes one PNG per
section, plus the global search and the contact editor, for the README and
the user guide. Window settings go to a temporary file, never to the user's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from fieldkit.i18n import set_language
from fieldkit.ui.compat import select_row

SIZE = (1280, 800)


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _i in range(rounds):
        app.processEvents()


def _save(widget: QWidget, path: Path) -> None:
    """Grab what the screen shows (with the window frame's contents), else the widget."""
    app = QApplication.instance()
    _settle(app)
    screen = widget.screen() or app.primaryScreen()
    pixmap = screen.grabWindow(widget.winId()) if screen else widget.grab()
    if pixmap.isNull() or pixmap.width() < 10:
        pixmap = widget.grab()
    if not pixmap.save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")


def add_example_outreach(path: Path) -> None:
    """Log two fictional calls to the starter pack's example officials (demo profiles only)."""
    import datetime as _dt

    from fieldkit.profile import Profile
    from fieldkit.starter import starter_id

    today = _dt.date.today()
    campaign = starter_id("campaign:example-survivor-relief")
    with Profile.open(path) as profile:
        if profile.outreach.count():
            return
        for key, channel, days, outcome in (
            ("contact:example-senator", "call", 6, "Example: staff will brief the senator."),
            ("contact:example-representative", "letter", 2, "Example: letter sent with the asks."),
        ):
            profile.outreach.add(
                {
                    "contact_id": starter_id(key),
                    "campaign_id": campaign,
                    "channel": channel,
                    "date": (today - _dt.timedelta(days=days)).isoformat(),
                    "outcome": outcome,
                    "follow_up": (today + _dt.timedelta(days=days)).isoformat(),
                }
            )


def capture(profile: Path, out: Path) -> list[Path]:
    """Write the screenshots; returns their paths."""
    from fieldkit.ui.app import AppSession, make_application

    app = make_application()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        session = AppSession(profile, settings)
        set_language("en")
        window = session.window
        window.resize(*SIZE)
        window.show()
        window.raise_()
        window.activateWindow()
        _settle(app)
        for name in window.section_names():
            page = window.show_section(name)
            table = getattr(page, "table", None)
            model = table.model() if hasattr(table, "model") else None
            if model is not None and model.rowCount():
                select_row(table, 0)
            _settle(app)
            path = out / f"{name}.png"
            _save(window, path)
            written.append(path)
        window.show_section("contacts")
        search = window.global_search()
        search.query.setText("traff")
        search.move(window.geometry().center() - search.rect().center())
        _save(search, out / "search.png")
        written.append(out / "search.png")
        search.hide()
        dialog = window.page("contacts").new_record()
        dialog.editors["email"].widget.setText("not-an-email")
        dialog.save()  # shows the inline validation message, saves nothing
        _save(dialog, out / "contact-editor.png")
        written.append(out / "contact-editor.png")
        dialog.reject()
        session.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m fieldkit.ui.screenshots")
    parser.add_argument("--profile", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument(
        "--example-outreach", action="store_true", help="log two fictional calls first (demo)"
    )
    args = parser.parse_args(argv)
    if args.example_outreach:
        add_example_outreach(args.profile)
    for path in capture(args.profile, args.out):
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
