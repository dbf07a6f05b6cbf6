"""``fieldkit leaflet templates|render|letters|theme`` from the command line."""

from __future__ import annotations

import json

import pypdf
import pytest
from click.testing import CliRunner
from PIL import Image

from fieldkit.cli import cli
from fieldkit.leaflets.samples import load_samples
from fieldkit.profile import Profile


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office"
    with Profile.create(path, organization="Shakti Vahini") as profile:
        ids = load_samples(profile, ("en", "hi", "es"))
    assert run("--profile", path, "leaflet", "theme", "--hotline", "1098").exit_code == 0
    return path, ids


def test_templates_lists_every_template():
    result = run("leaflet", "templates", "--json")
    assert result.exit_code == 0
    names = [row["name"] for row in json.loads(result.output)]
    assert names == ["fact-card", "wallet-cards", "trifold", "letter", "law-summary", "poster"]


def test_render_writes_the_pdf(office, tmp_path):
    path, ids = office
    out = tmp_path / "card.pdf"
    result = run(
        "--profile",
        path,
        "leaflet",
        "render",
        "fact-card",
        "--lang",
        "hi",
        "--paper",
        "letter",
        "--content",
        ids["fact"],
        "--out",
        out,
    )
    assert result.exit_code == 0, result.output
    assert f"Wrote {out} (1 page)." in result.output
    page = pypdf.PdfReader(out).pages[0]
    assert round(float(page.mediabox.width)) == 612


def test_render_says_when_it_falls_back(office, tmp_path):
    path, ids = office
    result = run(
        "--profile",
        path,
        "leaflet",
        "render",
        "law-summary",
        "--lang",
        "ar",
        "--content",
        ids["law"],
        "--out",
        tmp_path / "law.pdf",
    )
    assert result.exit_code == 0
    assert "Warning:" in result.output and "English" in result.output


def test_letters_for_every_target(office, tmp_path):
    path, ids = office
    out = tmp_path / "letters.pdf"
    result = run(
        "--profile", path, "leaflet", "letters", ids["campaign"], "--lang", "es", "--out", out
    )
    assert result.exit_code == 0, result.output
    assert "(2 pages)" in result.output
    assert len(pypdf.PdfReader(out).pages) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "flyer", "--content", "x"], "no leaflet template “flyer”"),
        (["render", "fact-card", "--lang", "xx", "--content", "x"], "not available in “xx”"),
        (["render", "fact-card", "--content", "missing"], "No material or law has the id"),
        (["letters", "nope"], "nope"),
    ],
)
def test_bad_input_is_one_clear_line(office, tmp_path, args, message):
    path, _ids = office
    result = run("--profile", path, "leaflet", *args, "--out", tmp_path / "x.pdf")
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_theme_rejects_a_logo_that_is_not_a_picture(office, tmp_path):
    path, ids = office
    fake = tmp_path / "logo.png"
    fake.write_text("not a picture")
    result = run("--profile", path, "leaflet", "theme", "--logo", fake)
    assert result.exit_code == 1 and "not a picture" in result.output
    real = tmp_path / "real.png"
    Image.new("RGB", (30, 30), "blue").save(real)
    result = run("--profile", path, "leaflet", "theme", "--logo", real, "--json")
    assert result.exit_code == 0 and json.loads(result.output)["logo"]
    out = tmp_path / "poster.pdf"
    assert run("--profile", path, "leaflet", "render", "poster", "--out", out).exit_code == 0
    assert b"/Subtype /Image" in out.read_bytes()


def test_every_command_has_an_example():
    for command in ("templates", "render", "letters", "theme"):
        result = run("leaflet", command, "--help")
        assert "Example:" in result.output
