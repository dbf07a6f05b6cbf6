"""The starter content pack: it loads, it is complete in five languages, and it loads once."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldkit.cli import cli
from fieldkit.errors import FieldKitError, ValidationError
from fieldkit.profile import Profile
from fieldkit.starter import STARTER_DIR, load_starter, read_pack, starter_id

LANGS = {"en", "es", "fr", "ar", "hi"}
EXPECTED = {"contacts": 5, "campaigns": 1, "materials": 25, "laws": 30}
# Fields that are the same in every language version of a record.
SHARED = {
    "laws": (
        "jurisdiction",
        "kind",
        "status",
        "adopted_date",
        "effective_date",
        "citation",
        "url",
        "last_reviewed",
        "tags",
    ),
    "materials": ("kind", "year", "source_url", "tags"),
}


def _by_group(profile: Profile, entity: str) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in profile.records(entity).list():
        groups[row["group_id"]].append(row)
    return groups


def _script_share(text: str, script: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(script in unicodedata.name(c, "") for c in letters) / len(letters)


def test_the_pack_loads_into_a_fresh_profile_with_the_expected_counts(profile):
    assert load_starter(profile) == EXPECTED
    counts = profile.stats()["counts"]
    assert {name: counts[name] for name in EXPECTED} == EXPECTED
    assert (counts["campaign_targets"], counts["campaign_updates"]) == (2, 5)
    for lang in LANGS:
        assert profile.laws.count({"lang": lang}) == 6
        assert profile.materials.count({"lang": lang}) == 5
        assert profile.materials.count({"lang": lang, "kind": "fact_card"}) == 3
        assert profile.materials.count({"lang": lang, "kind": "story"}) == 1
        assert profile.materials.count({"lang": lang, "kind": "guide"}) == 1


@pytest.mark.parametrize("entity", ["laws", "materials"])
def test_every_group_has_all_five_languages_and_agrees_on_shared_fields(demo_profile, entity):
    groups = _by_group(demo_profile, entity)
    assert len(groups) == EXPECTED[entity] // len(LANGS)
    for rows in groups.values():
        assert sorted(r["lang"] for r in rows) == sorted(LANGS)
        english = next(r for r in rows if r["lang"] == "en")
        for row in rows:
            assert {f: row[f] for f in SHARED[entity]} == {f: english[f] for f in SHARED[entity]}
            if row["lang"] != "en":
                assert row["title"] != english["title"]
        assert demo_profile.translations(entity, english["id"]) == sorted(
            rows, key=lambda r: r["lang"]
        )


@pytest.mark.parametrize("entity", ["laws", "materials"])
def test_arabic_and_hindi_texts_are_in_their_own_scripts(demo_profile, entity):
    body = "summary" if entity == "laws" else "body"
    for lang, script in (("ar", "ARABIC"), ("hi", "DEVANAGARI")):
        for row in demo_profile.records(entity).list({"lang": lang}):
            assert _script_share(row[body], script) > 0.9, row["id"]


def test_law_summaries_are_complete(demo_profile):
    for law in demo_profile.laws.list():
        assert law["summary"] and len(law["key_provisions"]) >= 3
        assert law["citation"] and law["url"].startswith("https://")
        assert law["adopted_date"] and law["last_reviewed"] == "2026-11-01"
    palermo = demo_profile.laws.get(starter_id("laws:palermo-protocol:en"))
    assert palermo["jurisdiction"] == "intl" and palermo["kind"] == "treaty"
    assert palermo["effective_date"] == "2003-12-25"
    provisions = " ".join(palermo["key_provisions"])
    assert "consent is irrelevant" in provisions and "under 18" in provisions
    fosta = demo_profile.laws.get(starter_id("laws:us-fosta-sesta-2018:en"))
    assert "97-2" in fosta["summary"] and "21 March 2018" in fosta["summary"]
    assert fosta["adopted_date"] == "2018-04-11"
    sdg = demo_profile.laws.get(starter_id("laws:sdg-targets-2030-agenda:en"))
    assert [p.split(":")[0] for p in sdg["key_provisions"]] == [
        "Target 5.2",
        "Target 8.7",
        "Target 16.2",
    ]
    assert "A/RES/70/1" in sdg["citation"]
    canada = demo_profile.laws.get(starter_id("laws:ca-pcepa-2014:en"))
    assert canada["citation"].startswith("S.C. 2014, c. 25")


def test_fact_cards_carry_figure_source_year_and_link(demo_profile):
    cards = demo_profile.materials.list({"kind": "fact_card"})
    assert len(cards) == 15
    for card in cards:
        assert card["figure"] and card["source"] and card["year"]
        assert card["source_url"].startswith("https://")
        assert card["body"]
    english = {c["year"]: c for c in cards if c["lang"] == "en"}
    assert english[2012]["figure"] == "4.5 million" and "ILO" in english[2012]["source"]
    assert english[2014]["figure"] == "US$150 billion" and "US$99 billion" in english[2014]["body"]
    assert "2020" in english[2020]["source"] and "UNODC" in english[2020]["source"]


def test_the_story_is_marked_as_a_composite_in_every_language(demo_profile):
    stories = demo_profile.materials.list({"kind": "story"})
    assert {s["lang"] for s in stories} == LANGS
    assert all("composite" in s["tags"] for s in stories)
    english = next(s for s in stories if s["lang"] == "en")
    assert "not a real person" in english["body"]


def test_the_guide_has_six_to_eight_numbered_steps_in_every_language(demo_profile):
    for guide in demo_profile.materials.list({"kind": "guide"}):
        steps = re.findall(r"^\d+\. ", guide["body"], flags=re.MULTILINE)
        assert 6 <= len(steps) <= 8, guide["lang"]


def test_the_real_hotline_is_there_and_examples_are_clearly_fictional(demo_profile):
    hotline = demo_profile.contacts.get(starter_id("contact:us-nhth"))
    assert hotline["kind"] == "hotline" and hotline["phone"] == "+1 888 373 7888"
    assert "233733" in hotline["notes"] and hotline["organization"] == "Polaris Project"
    examples = demo_profile.contacts.list({"tag": "example"})
    assert {c["kind"] for c in examples} == {"official", "ngo", "shelter"}
    for contact in examples:
        assert contact["email"].endswith("@example.org")
        assert re.fullmatch(r"\+1 202 555 01\d\d", contact["phone"])
    assert hotline["id"] not in {c["id"] for c in examples}


def test_the_campaign_has_its_targets_and_a_timeline_in_date_order(demo_profile):
    (campaign,) = demo_profile.campaigns.list()
    assert "example" in campaign["tags"] and campaign["title"].startswith("Example")
    assert len(campaign["asks"]) == 3 and campaign["status"] == "active"
    targets = demo_profile.targets(campaign["id"])
    assert {t["kind"] for t in targets} == {"official"}
    assert all("example" in t["tags"] for t in targets) and len(targets) == 2
    timeline = demo_profile.timeline(campaign["id"])
    dates = [u["date"] for u in timeline]
    assert len(dates) == 5 and dates == sorted(dates) and len(set(dates)) == 5
    assert dates[0] == campaign["start_date"]
    assert any("97-2" in u["text"] for u in timeline)
    assert all(u["text"].startswith("Example") for u in timeline)


def test_loading_twice_adds_nothing(demo_profile):
    before = demo_profile.stats()
    assert load_starter(demo_profile) == dict.fromkeys(EXPECTED, 0)
    after = demo_profile.stats()
    assert after["counts"] == before["counts"]
    assert after["changes"] == before["changes"]


def test_two_offices_get_the_same_ids(tmp_path, demo_profile):
    with Profile.create(tmp_path / "other", device_name="other") as other:
        load_starter(other)
        for entity in ("contacts", "campaigns", "materials", "laws", "campaign_updates"):
            ours = {r["id"] for r in demo_profile.records(entity).list()}
            theirs = {r["id"] for r in other.records(entity).list()}
            assert ours == theirs, entity
        ours = {t["target_id"] for t in demo_profile.targets(starter_id(_campaign_key()))}
        theirs = {t["target_id"] for t in other.targets(starter_id(_campaign_key()))}
        assert ours == theirs


def _campaign_key() -> str:
    return read_pack()["campaigns"][0]["key"]


def test_a_deleted_starter_record_is_not_brought_back(demo_profile):
    palermo = starter_id("laws:palermo-protocol:en")
    demo_profile.laws.delete(palermo)
    assert load_starter(demo_profile)["laws"] == 0
    assert demo_profile.laws.get(palermo, include_deleted=True)["deleted"] == 1


def test_search_finds_palermo_by_prefix_and_a_hindi_law_by_a_hindi_word(demo_profile):
    hits = demo_profile.search("paler", entities=["laws"])
    english = starter_id("laws:palermo-protocol:en")
    assert english in {h.id for h in hits}
    assert any(h.title.startswith("Protocol to Prevent") for h in hits)
    hindi = demo_profile.search("पालेर्मो", lang="hi")
    assert [h.id for h in hindi] == [starter_id("laws:palermo-protocol:hi")]
    trafficking = demo_profile.search("तस्करी", entities=["laws"], lang="hi")
    assert len(trafficking) >= 4 and all(h.entity == "laws" for h in trafficking)


def _copy_pack(folder: Path) -> None:
    folder.mkdir()
    for path in STARTER_DIR.glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())


def test_a_malformed_pack_file_is_a_clear_error_and_loads_nothing(profile, tmp_path):
    pack = tmp_path / "pack"
    _copy_pack(pack)
    (pack / "laws.json").write_text('[{"group": "x", ', encoding="utf-8")
    with pytest.raises(FieldKitError, match="laws.json"):
        load_starter(profile, pack)
    assert profile.stats()["counts"]["contacts"] == 0


def test_an_invalid_entry_rolls_the_whole_load_back(profile, tmp_path):
    pack = tmp_path / "pack"
    _copy_pack(pack)
    laws = json.loads((pack / "laws.json").read_text(encoding="utf-8"))
    laws[-1]["adopted_date"] = "6 November 2014"
    (pack / "laws.json").write_text(json.dumps(laws), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_starter(profile, pack)
    assert f"laws {len(laws)} adopted_date" in caught.value.errors
    assert sum(profile.stats()["counts"].values()) == 0
    assert profile.stats()["changes"] == 0


def test_cli_demo_prints_the_counts_and_laws_list_shows_palermo(tmp_path):
    runner = CliRunner()
    path = str(tmp_path / "P")
    first = runner.invoke(cli, ["--profile", path, "demo"], catch_exceptions=False)
    assert first.exit_code == 0
    assert "Contacts: 5, campaigns: 1, materials: 25, laws: 30." in first.output
    again = runner.invoke(cli, ["--profile", path, "demo"], catch_exceptions=False)
    assert "Contacts: 0, campaigns: 0, materials: 0, laws: 0." in again.output

    listed = runner.invoke(
        cli, ["--profile", path, "laws", "list", "--jurisdiction", "intl"], catch_exceptions=False
    )
    assert listed.exit_code == 0
    assert starter_id("laws:palermo-protocol:en") in listed.output
    assert "Protocol to Prevent, Suppress" in listed.output
    assert "Trafficking Victims Protection Act" not in listed.output
    assert len([line for line in listed.output.splitlines() if " International " in line]) == 10

    as_json = runner.invoke(
        cli,
        ["--profile", path, "laws", "list", "--jurisdiction", "intl", "--lang", "en", "--json"],
        catch_exceptions=False,
    )
    short_titles = {row["short_title"] for row in json.loads(as_json.output)}
    assert short_titles == {"Palermo Protocol", "SDG targets 5.2, 8.7 and 16.2"}
