"""Render a template to PDF bytes: content and its language version, the leaflet's own
translator and locale, the paper, the theme. No Qt here.

>>> result = render(profile, "fact-card", [material_id], language="hi", paper="a4")
>>> result.pdf, result.warnings
"""

from __future__ import annotations

import datetime as _dt
import io
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.platypus import BaseDocTemplate

from fieldkit.errors import FieldKitError, NotFound
from fieldkit.i18n import _, translator
from fieldkit.leaflets import fonts
from fieldkit.leaflets.text import Text, TextStyle
from fieldkit.leaflets.theme import Theme

log = logging.getLogger(__name__)

LANGUAGES = ("en", "es", "fr", "pt_BR", "ar", "hi", "sw", "ru")
RTL_LANGUAGES = ("ar",)
PAPERS = {"a4": A4, "letter": LETTER}


class LeafletError(FieldKitError):
    """A leaflet cannot be made as asked (template, language, paper or content)."""


@dataclass
class RenderResult:
    """The PDF and what a person should know about it (fallbacks, shrunk text)."""

    pdf: bytes
    pages: int
    language: str
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def save(self, path) -> None:
        from pathlib import Path

        try:
            Path(path).write_bytes(self.pdf)
        except OSError as exc:
            raise LeafletError(
                _("Cannot write %(path)s (%(error)s).") % {"path": path, "error": exc.strerror}
            ) from exc


@dataclass
class Leaflet:
    """Everything a template needs; ``t`` translates into the leaflet's language."""

    language: str
    paper: tuple[float, float]
    theme: Theme
    content: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    today: _dt.date | None = None  # the date printed on the leaflet (default: today)

    def __post_init__(self) -> None:
        self._translator = translator(self.language)
        self.locale = Locale.parse(self.language)
        self.today = self.today or _dt.date.today()

    @property
    def rtl(self) -> bool:
        return self.language in RTL_LANGUAGES

    def t(self, message: str, **values: Any) -> str:
        text = self._translator.gettext(message)
        return text % values if values else text

    def date(self, value: str | _dt.date | None, fmt: str = "long") -> str:
        if not value:
            return ""
        if isinstance(value, str):
            value = _dt.date.fromisoformat(value)
        return format_date(value, format=fmt, locale=self.locale)

    def number(self, value: Any) -> str:
        """A number in the leaflet's locale; text that is not a plain number stays as it is."""
        text = str(value).strip()
        try:
            return format_decimal(float(text) if "." in text else int(text), locale=self.locale)
        except ValueError:
            return text

    def country(self, code: str | None) -> str:
        if not code:
            return ""
        if code == "intl":
            from fieldkit.leaflets import wording as W

            return self.t(W.INTERNATIONAL)
        return self.locale.territories.get(code.upper(), code)

    def para(self, text: str, style: TextStyle) -> Text:
        return Text(text, style, language=self.language, rtl=self.rtl)

    def cells(self, items: list) -> list:
        """Items of a row in display order (mirrored for right-to-left)."""
        return list(reversed(items)) if self.rtl else list(items)


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise LeafletError(
            _("Leaflets are not available in “%(language)s”. Choose one of: %(choices)s.")
            % {"language": language, "choices": ", ".join(LANGUAGES)}
        )
    return language


def check_paper(paper: str) -> tuple[float, float]:
    try:
        return PAPERS[paper.lower()]
    except KeyError:
        raise LeafletError(
            _("Unknown paper size “%(paper)s”. Choose one of: %(choices)s.")
            % {"paper": paper, "choices": ", ".join(PAPERS)}
        ) from None


def fallback_chain(profile, language: str) -> list[str]:
    """The requested language, then the user's chain (setting ``content_fallback``)."""
    chain = [language]
    setting = (profile.setting("content_fallback") if profile else None) or "en"
    for lang in (s.strip() for s in setting.split(",")):
        if lang and lang not in chain:
            chain.append(lang)
    return chain


def pick_version(profile, entity: str, row_id: str, language: str, warnings: list[str]) -> dict:
    """The language version of a material or law to print, falling back along the chain."""
    versions = profile.translations(entity, row_id)
    by_lang = {v["lang"]: v for v in versions}
    chain = fallback_chain(profile, language)
    for lang in chain:
        if lang in by_lang:
            chosen = by_lang[lang]
            break
    else:
        chosen = next(v for v in versions if v["id"] == row_id)
    if chosen["lang"] != language:
        log.info("content %s printed in %s instead of %s", row_id, chosen["lang"], language)
        warnings.append(
            _("“%(title)s” has no %(language)s version; the %(used)s version is printed.")
            % {
                "title": chosen.get("title") or row_id,
                "language": _language_name(language),
                "used": _language_name(chosen["lang"]),
            }
        )
    return {**chosen, "entity": entity}


def _language_name(code: str) -> str:
    from fieldkit.i18n import current_language

    try:
        return Locale.parse(code).get_display_name(Locale.parse(current_language())) or code
    except (ValueError, TypeError):
        return code


def load_content(profile, ids: list[str], language: str, warnings: list[str]) -> list[dict]:
    """Materials or laws by id, each in the language version to print."""
    out = []
    for row_id in ids:
        for entity in ("materials", "laws"):
            try:
                profile.records(entity).get(row_id)
            except NotFound:
                continue
            out.append(pick_version(profile, entity, row_id, language, warnings))
            break
        else:
            raise NotFound(
                _("No material or law has the id %(id)s. List them with “fieldkit materials list”.")
                % {"id": row_id}
            )
    return out


def build_pdf(leaflet: Leaflet, template) -> RenderResult:
    """Lay out ``template`` (a module of fieldkit.leaflets.templates) for ``leaflet``."""
    start = time.perf_counter()
    fonts.register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=template.page_size(leaflet),
        title=template.title(leaflet),
        author=leaflet.theme.organization,
        creator="FieldKit",
        lang=leaflet.language.replace("_", "-"),
        initialFontName=fonts.font_name("latin"),
    )
    doc.addPageTemplates(template.page_templates(leaflet, doc))
    story = template.story(leaflet)
    doc.build(story)
    seconds = time.perf_counter() - start
    log.info("leaflet %s rendered: %d pages in %.3f s", template.NAME, doc.page, seconds)
    return RenderResult(buffer.getvalue(), doc.page, leaflet.language, leaflet.warnings, seconds)
