"""The catalogs: valid for GNU msgfmt, complete, right plural forms, safe fallback."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from fieldkit import i18n
from fieldkit.content_i18n import ui_report
from fieldkit.i18n_pseudo import pseudo, write_pseudo_catalog

SHIPPED = [lang for lang in i18n.LANGUAGES if lang != "en"]
PO = {lang: i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "fieldkit.po" for lang in SHIPPED}
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    i18n.translator.cache_clear()
    i18n.set_language("en")


@pytest.fixture(scope="module")
def _compiled_once(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("locales")
    for lang, po in PO.items():
        target = folder / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        subprocess.run(
            ["msgfmt", "-o", str(target / "fieldkit.mo"), str(po)], check=True, capture_output=True
        )
    return folder


@pytest.fixture
def compiled(_compiled_once, tmp_path, monkeypatch) -> Path:
    """The shipped catalogs compiled with GNU msgfmt into a locale folder of the test's own."""
    folder = tmp_path / "locales"
    shutil.copytree(_compiled_once, folder)
    monkeypatch.setattr(i18n, "LOCALE_DIR", folder)
    i18n.translator.cache_clear()
    return folder


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("lang", SHIPPED)
def test_msgfmt_check_passes(lang, tmp_path):
    result = subprocess.run(
        ["msgfmt", "-c", "--statistics", "-o", str(tmp_path / "out.mo"), str(PO[lang])],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr.lower(), result.stderr


def _message_ids(path: Path) -> set[tuple[str | None, str]]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def test_template_and_catalogs_hold_every_marked_string(tmp_path):
    """`make i18n` ran after the last change to a marked string: the template is what the
    source marks today and every catalog was updated from it, so the completeness measured
    below is that of the app as it is, not of an older extraction."""
    fresh = tmp_path / "fresh.pot"
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pybabel"),
            *("-q", "extract", "-F", str(ROOT / "locales" / "babel.cfg")),
            "--no-default-keywords",
            *("-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-k", "pgettext:1c,2"),
            *("-k", "NP_:1c,2", "-o", str(fresh), "."),
        ],
        cwd=ROOT,
        check=True,
    )
    source = _message_ids(fresh)
    template = _message_ids(i18n.LOCALE_DIR / "fieldkit.pot")
    assert len(source) > 100
    assert sorted(source - template, key=str) == [], "not in locales/fieldkit.pot: run make i18n"
    assert sorted(template - source, key=str) == [], "no longer in the source: run make i18n"
    for lang, po in PO.items():
        missing = sorted(template - _message_ids(po), key=str)
        assert missing == [], f"{lang}: not merged into its catalog, run make i18n"


@pytest.fixture(scope="module")
def ui_status() -> dict:
    return {s.language: s for s in ui_report()}


@pytest.mark.parametrize("lang", SHIPPED)
def test_catalog_is_at_least_95_percent_translated(lang, ui_status):
    status = ui_status[lang]
    assert status.error == ""
    assert status.total > 100
    assert status.translated <= status.total  # "Hotline" and pgettext("contact kind", …) differ
    assert status.ratio >= 0.95, f"{lang}: {status.translated}/{status.total} translated"


@pytest.mark.parametrize(
    ("lang", "nplurals"),
    [("ar", 6), ("ru", 3), ("es", 2), ("fr", 2), ("pt_BR", 2), ("hi", 2), ("sw", 2)],
)
def test_plural_forms_header(lang, nplurals):
    with PO[lang].open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    assert catalog.num_plurals == nplurals
    for message in catalog:
        if message.pluralizable and message.id and any(message.string):
            assert len(message.string) == nplurals
            assert all(message.string), message.id


def _records(lang: str, n: int) -> str:
    return i18n.translator(lang).ngettext("%(count)s record", "%(count)s records", n) % {"count": n}


# One number per CLDR plural category: zero, one, two, few, many, other.
ARABIC = {
    0: "لا توجد سجلات",
    1: "سجل واحد",
    2: "سجلان",
    3: "3 سجلات",
    11: "11 سجلًا",
    100: "100 سجل",
}


@pytest.mark.parametrize(("n", "expected"), sorted(ARABIC.items()))
def test_arabic_plural_categories(compiled, n, expected):
    assert _records("ar", n) == expected


# one (1, 21), few (2-4, 22), many (5-20, 11), and "other" shares "many" in gettext.
RUSSIAN = {1: "1 запись", 21: "21 запись", 2: "2 записи", 24: "24 записи", 5: "5 записей"}
RUSSIAN.update({11: "11 записей", 12: "12 записей", 0: "0 записей"})


@pytest.mark.parametrize(("n", "expected"), sorted(RUSSIAN.items()))
def test_russian_plural_categories(compiled, n, expected):
    assert _records("ru", n) == expected


def test_set_language_translates_and_tells_listeners(compiled):
    heard = []
    listener = heard.append
    i18n.on_language_changed(listener)
    try:
        i18n.set_language("es")
        assert i18n._("Cancel") == "Cancelar"
        assert i18n.current_language() == "es"
        i18n.set_language("en")
        assert i18n._("Cancel") == "Cancel"
    finally:
        i18n.remove_language_listener(listener)
    assert heard == ["es", "en"]


def test_missing_catalog_falls_back_to_english_with_a_warning(compiled, caplog):
    caplog.set_level(logging.WARNING, logger="fieldkit.i18n")
    i18n.set_language("de")
    assert i18n._("Cancel") == "Cancel"
    assert any("no catalog for language de" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "damage",
    [b"", b"\x00" * 3, b"\xde\x12\x04\x95" + b"\xff" * 40, b"not a catalog at all"],
    ids=["empty", "short", "bad-offsets", "text"],
)
def test_broken_catalog_falls_back_to_english_with_a_warning(compiled, caplog, damage):
    (compiled / "fr" / "LC_MESSAGES" / "fieldkit.mo").write_bytes(damage)
    caplog.set_level(logging.WARNING, logger="fieldkit.i18n")
    i18n.set_language("fr")
    assert i18n._("Cancel") == "Cancel"
    assert i18n.ngettext("%(count)s record", "%(count)s records", 2) == "%(count)s records"
    assert any("unreadable" in r.getMessage() for r in caplog.records)


def test_uncompiled_catalog_is_compiled_in_memory(compiled):
    (compiled / "fr" / "LC_MESSAGES" / "fieldkit.mo").unlink()
    shutil.copy(PO["fr"], compiled / "fr" / "LC_MESSAGES" / "fieldkit.po")
    assert i18n.translator("fr").gettext("Cancel") == "Annuler"


def test_broken_po_is_reported_not_raised(tmp_path):
    (tmp_path / "ar" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "ar" / "LC_MESSAGES" / "fieldkit.po").write_bytes(b"\xff\xfe\x00 not a catalog")
    report = {s.language: s for s in ui_report(tmp_path)}
    assert report["ar"].error
    assert report["ar"].translated == 0
    assert report["es"].error  # missing file


def test_pseudo_keeps_placeholders_and_wraps():
    text = "%(field)s is too long (at most %(limit)d characters)."
    out = pseudo(text)
    assert out.startswith("⟦") and out.endswith("⟧")
    assert "%(field)s" in out and "%(limit)d" in out
    assert (out[1:-1] % {"field": "x", "limit": 3}).count("x") == 1
    assert not any(c in "aeiou" for c in out.replace("%(field)s", "").replace("%(limit)d", ""))
    assert len(out) > len(text) * 1.2


def test_pseudo_catalog_passes_msgfmt(tmp_path):
    po = tmp_path / "xx.po"
    count = write_pseudo_catalog(i18n.LOCALE_DIR / "fieldkit.pot", po)
    assert count > 100
    result = subprocess.run(
        ["msgfmt", "-c", "-o", str(tmp_path / "xx.mo"), str(po)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("lang", "date", "number", "country"),
    [
        ("en", "Mar 31, 2024", "1,234,567.5", "India"),
        ("hi", "31 मार्च 2024", "12,34,567.5", "भारत"),
        ("fr", "31 mars 2024", "1\u202f234\u202f567,5", "Inde"),
        ("ru", "31 мар. 2024\u202fг.", "1\xa0234\xa0567,5", "Индия"),
        ("sw", "31 Mac 2024", "1,234,567.5", "India"),
    ],
)
def test_dates_numbers_and_countries_follow_the_ui_language(lang, date, number, country):
    i18n.set_language(lang)
    assert i18n.format_date("2024-03-31") == date
    assert i18n.format_number(1234567.5) == number
    assert i18n.country_name("IN") == country


def test_countries_are_sorted_in_the_ui_language():
    names = [name for _code, name in i18n.countries("es")]
    assert names == sorted(names, key=str.casefold)
    assert ("ES", "España") in i18n.countries("es")
    assert len(names) > 240


def test_dates_and_countries_come_from_babel_not_from_hand_written_code():
    """No `strftime` (English month names, one order for every language) and no list of
    country names in the code: both come from babel in the UI language."""
    allowed = {"fieldkit/data/backup.py"}  # a backup's file name, never shown as a date
    sample = ("Afghanistan", "Bangladesh", "Kenya", "Nigeria", "Brazil", "Philippines")
    strftime, countries = [], []
    for path in sorted((ROOT / "fieldkit").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        if "strftime(" in text and name not in allowed:
            strftime.append(name)
        if sum(country in text for country in sample) >= 2:
            countries.append(name)
    assert strftime == [], "format dates with fieldkit.i18n.format_date / format_datetime"
    assert countries == [], "take country names from fieldkit.i18n.countries / country_name"


def test_language_names_and_direction():
    assert i18n.native_language_name("ar") == "العربية"
    assert i18n.language_name("hi", "fr") == "hindi"
    assert i18n.is_rtl("ar") and not i18n.is_rtl("ru") and not i18n.is_rtl(i18n.PSEUDO_LANGUAGE)


@pytest.mark.parametrize(
    ("lang", "field", "value", "expected"),
    [
        ("es", ("laws", "status"), "in_force", "En vigor"),
        ("fr", ("outreach", "channel"), "call", "Appel"),
        ("ru", ("materials", "kind"), "fact_card", "Карточка с фактами"),
        ("hi", ("contacts", "country"), "KE", "केन्या"),
        ("ar", ("laws", "jurisdiction"), "intl", "دولي"),
        ("es", ("contacts", "languages"), ["hi", "sw"], "hindi, suajili"),
        ("fr", ("outreach", "date"), "2024-03-31", "31 mars 2024"),
        ("en", ("laws", "kind"), "bill", "Bill"),
    ],
)
def test_stored_values_read_in_the_ui_language(compiled, lang, field, value, expected):
    from fieldkit.data.entities import ENTITIES
    from fieldkit.display import format_value

    i18n.set_language(lang)
    assert format_value(ENTITIES[field[0]].field(field[1]), value) == expected


def test_choice_context_keeps_homonyms_apart(compiled):
    from fieldkit.display import choice_label

    i18n.set_language("es")
    assert choice_label("call") == "Llamada"  # the outreach channel, a noun
    assert i18n._("Call") == "Llamar"  # the button, a verb
    assert choice_label("call", language="ru") == "Звонок"  # a leaflet's own language


def test_command_help_follows_the_language(compiled):
    from click.testing import CliRunner

    from fieldkit.cli import cli

    runner = CliRunner()
    i18n.set_language("es")
    result = runner.invoke(cli, ["backup", "--help"])
    assert "Hace ahora una copia de seguridad del perfil" in result.output
    assert "Ejemplo:" in result.output and "fieldkit backup" in result.output
    assert "Lista las copias de seguridad en su lugar." in result.output
    assert result.output.startswith("Uso: ") and "Opciones:" in result.output  # click's words
    result = runner.invoke(cli, ["no-such-command"])
    assert "Error: No existe el comando 'no-such-command'." in result.output
    i18n.set_language("en")  # back to the source text, not a translation of a translation
    result = runner.invoke(cli, ["backup", "--help"])
    assert "Back up the profile now" in result.output and "Example:" in result.output


def test_record_commands_help_is_translated_whole_in_every_language(compiled):
    from click.testing import CliRunner

    from fieldkit.cli import cli
    from fieldkit.cli.records import COMMAND_ENTITIES

    runner = CliRunner()
    english = {
        (group, name): command.help
        for group in COMMAND_ENTITIES
        for name, command in cli.commands[group].commands.items()
    }
    for lang in SHIPPED:
        i18n.set_language(lang)
        for (group, name), source in english.items():
            help_text = cli.commands[group].commands[name].help
            assert help_text != source, f"{lang}: fieldkit {group} {name}"
    i18n.set_language("es")
    result = runner.invoke(cli, ["contacts", "add", "--help"])
    assert "Añade un contacto." in result.output and "Ejemplo:" in result.output
    assert "País (código de dos letras, p. ej. IN)" in result.output  # an option's help
    assert "Etiquetas (lista separada por comas)" in result.output
    result = runner.invoke(cli, ["laws", "list", "--help"])
    assert "Lista las leyes, con filtros." in result.output
    assert "fieldkit laws list --limit 20 --jurisdiction intl" in result.output
    i18n.set_language("ru")
    result = runner.invoke(cli, ["outreach", "--help"])
    assert "Записать обращение." in result.output and "Пример:" in result.output
    i18n.set_language("en")
    result = runner.invoke(cli, ["contacts", "add", "--help"])
    assert "Add a contact." in result.output
    assert "Country (two-letter code, e.g. IN)" in result.output


def test_help_texts_are_extracted_from_click_commands():
    import io

    from fieldkit.i18n_click import extract

    source = b'''
import click
from fieldkit.i18n import _

@click.command(help="Do a thing.\\n\\nExample:\\n\\n    fieldkit thing")
@click.option("--fast", is_flag=True, help="Go fast.")
def thing(fast):
    click.echo(_("Done."))

@click.group()
def things():
    """Things to do.

    Example:

        fieldkit things
    """
'''
    found = {
        message
        for _lineno, _func, message, _comments in extract(io.BytesIO(source), {"_": None}, [], {})
    }
    assert found == {
        "Do a thing.\n\nExample:\n\n    fieldkit thing",
        "Go fast.",
        "Done.",
        "Things to do.\n\nExample:\n\n    fieldkit things",
    }


def test_stored_times_are_shown_in_this_computers_time_zone(monkeypatch):
    from fieldkit.i18n import format_datetime

    stored = "2026-01-05T10:00:00+00:00"  # every stored time is UTC
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    assert "3:30" in format_datetime(stored, language="en")
    monkeypatch.setenv("TZ", "America/Sao_Paulo")
    assert "07:00" in format_datetime(stored, language="pt_BR")
    assert "10:00" in format_datetime("2026-01-05T10:00:00", language="fr")  # no zone: as it is
