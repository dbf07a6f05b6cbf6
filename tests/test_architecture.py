"""The core knows nothing of Qt: every module outside fieldkit/ui imports with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BLOCKER = """
import importlib, importlib.abc, pkgutil, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked: the core must not import Qt")
sys.meta_path.insert(0, Block())
import fieldkit
names = [m.name for m in pkgutil.walk_packages(fieldkit.__path__, "fieldkit.")
         if not m.name.startswith("fieldkit.ui")]
for name in names:
    importlib.import_module(name)
from click.testing import CliRunner
from fieldkit.cli import cli
result = CliRunner().invoke(cli, ["--help"])
assert result.exit_code == 0, result.output
print(len(names))
"""


def test_core_and_cli_import_without_qt():
    done = subprocess.run(
        [sys.executable, "-c", BLOCKER], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) > 15


def test_no_module_outside_ui_imports_pyside6():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "fieldkit").rglob("*.py")
        if "ui" not in path.relative_to(ROOT / "fieldkit").parts[:1]
        and "PySide6" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
