"""The About dialog: version, licence, and the licences of what FieldKit ships and uses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from fieldkit import __version__
from fieldkit.i18n import _

RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"

# What FieldKit is built on, and under which licence each is used.
COMPONENTS = (
    ("Qt / PySide6", pyside_version, "LGPL-3.0"),
    ("SQLite", sqlite3.sqlite_version, "Public domain"),
    ("sqlite-utils", "", "Apache-2.0"),
    ("reportlab", "", "BSD-3-Clause"),
    ("Babel", "", "BSD-3-Clause"),
    ("python-bidi", "", "LGPL-3.0"),
    ("click", "", "BSD-3-Clause"),
    ("cryptography", "", "Apache-2.0 / BSD-3-Clause"),
    ("pyrage (age)", "", "MIT / Apache-2.0"),
    ("phonenumbers", "", "Apache-2.0"),
    ("Noto fonts", "", "SIL Open Font License 1.1"),
)


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{name}</td><td>{version}</td><td>{licence}</td></tr>"
        for name, version, licence in COMPONENTS
    )
    font_licences = sorted(p.name for p in RESOURCES.rglob("*") if "LICENSE" in p.name.upper())
    fonts = (
        "<p>" + _("Licence files shipped: %(files)s") % {"files": ", ".join(font_licences)} + "</p>"
        if font_licences
        else ""
    )
    return (
        f"<h2>FieldKit {__version__}</h2>"
        "<p>"
        + _("An offline toolkit for grassroots anti-trafficking and human-rights organisations.")
        + "</p><p>"
        + _("FieldKit is free software under the GNU General Public License, version 3 or later.")
        + "</p><h3>"
        + _("Built with")
        + f"</h3><table cellpadding='3'>{rows}</table>{fonts}"
    )


class AboutDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(_("About FieldKit"))
        text = QTextBrowser()
        text.setObjectName("aboutText")
        text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(520, 480)
