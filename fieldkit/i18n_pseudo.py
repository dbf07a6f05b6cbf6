"""The pseudo-locale ``en_001``: every string wrapped in ⟦ ⟧ and accented, placeholders intact.

Built from ``locales/fieldkit.pot`` by ``make`` (never committed)::

    python -m fieldkit.i18n_pseudo locales/fieldkit.pot locales/en_001/LC_MESSAGES/fieldkit.po

Running the app in ``en_001`` shows at a glance which text escaped translation
(it has no brackets) and which is cut off (a closing bracket is missing):
accented strings are about a third longer, like many real translations.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OPEN, CLOSE = "⟦", "⟧"
_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñöƥɋŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖƤɊŔŠŢÛṼŴẊÝŽ",
)
# Kept as they are: printf placeholders (%(name)s, %d, %%), Qt mnemonics and markup.
_KEEP = re.compile(
    r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|%[-#0 +]*\d*[dsf%]|<[^>]*>|&\w+;|\{[^}]*\}"
)
_VOWELS = set("aeiouAEIOU")


def pseudo(text: str) -> str:
    """``"Save %(name)s"`` → ``"⟦Šàṽéé %(name)s⟧"``: accented, about a third longer, wrapped."""
    if not text:
        return text
    out: list[str] = []
    pos = 0
    for match in _KEEP.finditer(text):
        out.append(_accent(text[pos : match.start()]))
        out.append(match.group(0))
        pos = match.end()
    out.append(_accent(text[pos:]))
    return OPEN + "".join(out) + CLOSE


def _accent(part: str) -> str:
    # Doubling vowels lengthens the text as real translations do (German, Russian).
    return "".join(c + c if c in _VOWELS else c for c in part).translate(_ACCENTS)


def write_pseudo_catalog(pot_path: Path, po_path: Path) -> int:
    """Write the pseudo-locale catalog for every message of ``pot_path``; returns the count."""
    from babel import Locale
    from babel.messages.pofile import read_po, write_po

    with pot_path.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    # English plural rules (two forms) so the catalog is valid for msgfmt.
    catalog.locale = Locale("en")
    count = 0
    for message in catalog:
        if not message.id:
            continue
        if message.pluralizable:
            message.string = (pseudo(message.id[0]), pseudo(message.id[1]))
        else:
            message.string = pseudo(message.id)
        message.flags.discard("fuzzy")
        count += 1
    catalog.language_team = "pseudo-locale <generated>"
    catalog.fuzzy = False  # the template header is fuzzy; pybabel would skip the catalog
    po_path.parent.mkdir(parents=True, exist_ok=True)
    with po_path.open("wb") as handle:
        write_po(handle, catalog, width=100)
    return count


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m fieldkit.i18n_pseudo TEMPLATE.pot OUTPUT.po", file=sys.stderr)
        return 2
    count = write_pseudo_catalog(Path(args[0]), Path(args[1]))
    print(f"pseudo-locale: {count} messages → {args[1]}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
