"""The Qt layer holds no SQL; the core never imports Qt."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "fieldkit" / "ui"
# SQL keywords as SQL is written (upper case), and the unambiguous lower-case forms;
# prose such as "Select a contact from the list" is not SQL.
SQL = re.compile(
    r"\b(SELECT\b[\s\S]{0,200}?\bFROM|INSERT\s+(OR\s+[A-Z]+\s+)?INTO|UPDATE\s+\[?\w+\]?\s+SET|"
    r"DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER|VIRTUAL)|PRAGMA\s+\w+|"
    r"(?i:insert\s+into|delete\s+from|select\s+[\w*,\s]+\s+from\s+\[))\b"
)


def test_no_sql_under_fieldkit_ui():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        for match in SQL.finditer(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)[:60]!r}")
    assert offenders == []


def test_the_pattern_finds_sql():
    assert SQL.search('conn.execute("SELECT id FROM contacts")')
    assert SQL.search("UPDATE [contacts] SET name = ?")
    assert SQL.search("sql = 'insert into contacts values (?)'")
    assert SQL.search("'select id from [contacts]'")
    assert SQL.search('"DELETE FROM outreach"')
    assert not SQL.search('_("Select a contact from the list, then delete it.")')


def test_core_imports_without_qt():
    """Import every core module with PySide6 made unimportable."""
    code = (
        "import sys, importlib, pkgutil\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'PySide6':\n"
        "            raise ImportError('PySide6 is blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import fieldkit\n"
        "for m in pkgutil.walk_packages(fieldkit.__path__, 'fieldkit.'):\n"
        "    if m.name.startswith('fieldkit.ui'):\n"
        "        continue\n"
        "    importlib.import_module(m.name)\n"
        "print('ok')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
