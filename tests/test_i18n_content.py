"""Content translations: which languages a material or law exists in, and which are outdated."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fieldkit import content_i18n as ci
from fieldkit.cli import cli
from fieldkit.errors import FieldKitError


def _card(profile, lang: str, group: str, title: str) -> str:
    return profile.materials.add(
        {"kind": "fact_card", "title": title, "lang": lang, "group_id": group, "body": title}
    )


@pytest.fixture
def cards(profile):
    """A fact card in English with Spanish and Hindi translations; the source changes later."""
    ids = {
        "en": _card(profile, "en", "g-ilo", "4.5 million people in forced sexual exploitation"),
        "es": _card(profile, "es", "g-ilo", "4,5 millones de personas en explotación sexual"),
        "hi": _card(profile, "hi", "g-ilo", "45 लाख लोग जबरन यौन शोषण में"),
    }
    # The English source is corrected after the Spanish translation was made...
    profile.materials.update(ids["en"], {"body": "Source: ILO, 2012."})
    # ...and the Hindi translation is brought up to date afterwards.
    profile.materials.update(ids["hi"], {"body": "स्रोत: ILO, 2012."})
    lone = _card(profile, "fr", "", "Un texte sans traduction")
    return ids, lone


def test_languages_and_outdated_translations(profile, cards):
    ids, _lone = cards
    groups = {g.group_id: g for g in ci.groups(profile, "materials")}
    ilo = groups["g-ilo"]
    assert ilo.languages == ["en", "es", "hi"]
    assert ilo.source["id"] == ids["en"]
    assert ilo.outdated == ["es"]
    assert ilo.missing(["en", "es", "sw", "ar"]) == ["sw", "ar"]


def test_a_record_without_group_is_its_own_group(profile, cards):
    _ids, lone = cards
    group = ci.group_of(profile, "materials", lone)
    assert group.languages == ["fr"]
    assert group.source["id"] == lone
    assert group.outdated == []


def test_side_by_side_shows_the_source_and_flags_outdated(profile, cards):
    ids, _lone = cards
    source, translation, outdated = ci.side_by_side(profile, "materials", ids["es"])
    assert source["id"] == ids["en"] and translation["id"] == ids["es"]
    assert outdated is True
    assert ci.side_by_side(profile, "materials", ids["hi"])[2] is False
    assert ci.side_by_side(profile, "materials", ids["en"])[2] is False


def test_source_language_setting_picks_the_source(profile, cards):
    ids, _lone = cards
    profile.set_settings(content_source_language="hi")
    group = ci.group_of(profile, "materials", ids["en"])
    assert group.source["id"] == ids["hi"]
    # Hindi was edited last, so both other versions are now older than their source.
    assert group.outdated == ["en", "es"]


def test_content_report_counts_present_missing_outdated(profile, cards):
    rows = {(r.entity, r.language): r for r in ci.content_report(profile, ["en", "es", "hi", "sw"])}
    es = rows[("materials", "es")]
    assert (es.total, es.present, es.missing, es.outdated) == (2, 1, 1, 1)
    assert rows[("materials", "sw")].present == 0
    assert rows[("materials", "hi")].ratio == 0.5
    assert rows[("laws", "en")].total == 0 and rows[("laws", "en")].ratio == 1.0


def test_only_materials_and_laws_have_translations(profile):
    with pytest.raises(FieldKitError, match="Only materials and laws"):
        ci.groups(profile, "contacts")


def test_deleted_translation_no_longer_counts(profile, cards):
    ids, _lone = cards
    profile.materials.delete(ids["es"])
    group = ci.group_of(profile, "materials", ids["en"])
    assert group.languages == ["en", "hi"] and group.outdated == []


def test_cli_report_and_outdated(profile, cards):
    ids, _lone = cards
    path = str(profile.path)
    profile.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["--profile", path, "i18n", "report", "--lang", "es", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    es = next(r for r in data["content"] if r["entity"] == "materials")
    assert (es["present"], es["missing"], es["outdated"]) == (1, 1, 1)
    assert {r["language"] for r in data["ui"]} == {"es", "fr", "pt_BR", "ar", "hi", "sw", "ru"}

    result = runner.invoke(cli, ["--profile", path, "i18n", "outdated"])
    assert result.exit_code == 0, result.output
    assert "1 translation is older than its source" in result.output
    assert ids["es"] in result.output

    result = runner.invoke(cli, ["--profile", path, "i18n", "outdated", "--json"])
    rows = json.loads(result.output)
    assert [(r["id"], r["source_id"]) for r in rows] == [(ids["es"], ids["en"])]


def test_cli_report_without_profile_and_minimum():
    runner = CliRunner()
    result = runner.invoke(cli, ["i18n", "report", "--ui"])
    assert result.exit_code == 0, result.output
    assert "Swahili" in result.output and "100%" in result.output
    result = runner.invoke(cli, ["i18n", "report", "--ui", "--min", "101"])
    assert result.exit_code == 1
    assert "7 UI catalogs are below 101%" in result.output


def test_every_i18n_command_help_has_an_example():
    runner = CliRunner()
    for args in (["i18n"], ["i18n", "report"], ["i18n", "outdated"], ["i18n", "versions"]):
        result = runner.invoke(cli, [*args, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output


def test_review_status_or_tags_do_not_outdate_translations(profile, cards):
    ids, _lone = cards
    profile.materials.update(ids["en"], {"review_status": "approved", "tags": ["ilo"]})
    assert ci.group_of(profile, "materials", ids["en"]).outdated == ["es"]
    profile.materials.update(
        ids["en"], {"title": "4.9 million people in forced sexual exploitation"}
    )
    assert ci.group_of(profile, "materials", ids["en"]).outdated == ["es", "hi"]


def test_cli_versions_lists_languages_source_and_outdated(profile, cards):
    ids, _lone = cards
    path = str(profile.path)
    profile.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["--profile", path, "i18n", "versions", ids["hi"], "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["entity"] == "materials"
    states = {row["language"]: row["state"] for row in data["versions"]}
    assert states == {"en": "source", "es": "outdated", "hi": "up to date"}
    result = runner.invoke(cli, ["--profile", path, "i18n", "versions", ids["es"]])
    assert "Original" in result.output and "Outdated" in result.output
    result = runner.invoke(cli, ["--profile", path, "i18n", "versions", "no-such-id"])
    assert result.exit_code == 1
    assert "No material or law has the id no-such-id" in result.output
    assert "Traceback" not in result.output
