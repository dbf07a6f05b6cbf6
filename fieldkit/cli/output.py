"""Human tables by default, JSON for scripts.

Tables and records show stored values as people read them, in the UI language
(choices by their label, dates, countries and languages named by babel);
``--json`` prints the stored values as they are, stable for scripts.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from typing import Any

import click

from fieldkit.data import entities as E
from fieldkit.display import format_value
from fieldkit.i18n import format_datetime
from fieldkit.text import one_line, printable

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


def _width(text: str) -> int:
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def _cell(value: Any, limit: int = 40) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = one_line(str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    headers: Sequence[str],
    *,
    whole: Sequence[str] = (),
) -> str:
    """Rows as aligned text; a cell is cut at 40 characters unless its column is in ``whole``."""
    cells = [[_cell(r.get(c), 1000 if c in whole else 40) for c in columns] for r in rows]
    widths = [max([_width(h), *(_width(row[i]) for row in cells)]) for i, h in enumerate(headers)]
    lines = ["  ".join(h + " " * (w - _width(h)) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append(
            "  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip()
        )
    return "\n".join(lines)


def readable(
    entity: E.Entity, record: dict[str, Any], *, keep_lists: bool = False
) -> dict[str, Any]:
    """``record`` with its values as people read them, for a table or a record view.

    With ``keep_lists`` a list stays a list (one line per item), its items formatted.
    """
    shown = dict(record)
    for field in entity.fields:
        value = record.get(field.name)
        if keep_lists and isinstance(value, list):
            shown[field.name] = [format_value(field, [item]) for item in value]
        else:
            shown[field.name] = format_value(field, value)
    for name in ("created", "modified"):
        if record.get(name):
            shown[name] = format_datetime(record[name])
    return shown


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def emit_record(record: dict[str, Any], labels: dict[str, str]) -> None:
    width = max(_width(label) for label in labels.values())
    for key, label in labels.items():
        value = record.get(key)
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            value = "\n".join(
                [_cell(value[0], 200)] + [" " * (width + 2) + _cell(v, 200) for v in value[1:]]
            )
        click.echo(f"{label}{' ' * (width - _width(label))}  {printable(str(value))}")
