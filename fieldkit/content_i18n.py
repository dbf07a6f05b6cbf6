"""Translation status of content (materials, laws) and of the UI catalogs.

Materials and laws are translated by people, record by record: the language
versions of one text share a ``group_id``. The *source* of a group is its
version in the source language (the profile setting
``content_source_language``, English by default), or else its oldest version.
A translation is *outdated* when its source was modified after it.

The UI catalogs' completeness comes from ``locales/`` (the .pot template
against each language's .po file). Both reports are plain data that the CLI
(``fieldkit i18n report``) and the Settings page show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldkit import i18n
from fieldkit.errors import FieldKitError
from fieldkit.i18n import _

if TYPE_CHECKING:
    from fieldkit.profile import Profile

TRANSLATABLE = ("materials", "laws")
# The fields whose change makes a translation outdated (not its tags or review status).
TEXT_FIELDS = {
    "materials": ("title", "body", "figure", "source", "year"),
    "laws": ("title", "short_title", "summary", "key_provisions", "citation"),
}


def lang_key(code: str | None) -> str:
    """``pt-BR``, ``pt_br`` and ``pt_BR`` are one language."""
    if not code:
        return ""
    parts = code.replace("-", "_").split("_")
    return "_".join([parts[0].lower(), *(p.upper() for p in parts[1:])])


# --- content -----------------------------------------------------------------


@dataclass
class Group:
    """The language versions of one material or law."""

    entity: str
    group_id: str
    source: dict[str, Any]
    versions: dict[str, dict[str, Any]]  # language → record
    outdated: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return str(self.source.get("title") or "")

    @property
    def languages(self) -> list[str]:
        """The languages it exists in: the source's first, then the others by code."""
        first = lang_key(self.source.get("lang"))
        return [first, *sorted(lang for lang in self.versions if lang != first)]

    def missing(self, wanted: list[str]) -> list[str]:
        return [lang for lang in wanted if lang not in self.versions]


def is_outdated(source: dict[str, Any], translation: dict[str, Any]) -> bool:
    """True when the source's text was changed after the translation's.

    Compares ``text_version`` (the clock of the last change to a text field,
    see :func:`text_versions`) when the rows carry it, else ``modified``.
    """
    if source.get("id") == translation.get("id"):
        return False
    if "text_version" in source and "text_version" in translation:
        return source["text_version"] > translation["text_version"]
    return str(source.get("modified") or "") > str(translation.get("modified") or "")


def text_versions(profile: Profile, entity: str, row_ids: list[str] | None = None) -> dict:
    """For each row, the hybrid-logical-clock stamp of the last change to one of its text
    fields (from the change log, so edits synced from other devices count too)."""
    fields = TEXT_FIELDS[entity]
    sql = (
        "SELECT c.row_id, max(c.hlc) FROM changes AS c, json_each(c.data) AS f "
        f"WHERE c.tbl = ? AND f.key IN ({', '.join('?' * len(fields))})"
    )
    params: list[Any] = [entity, *fields]
    if row_ids is not None:
        sql += f" AND c.row_id IN ({', '.join('?' * len(row_ids))})"
        params += row_ids
    sql += " GROUP BY c.row_id"
    return dict(profile.store.conn.execute(sql, params).fetchall())


def _with_versions(profile: Profile, entity: str, rows: list[dict], everything: bool) -> None:
    versions = text_versions(profile, entity, None if everything else [r["id"] for r in rows])
    for row in rows:
        row["text_version"] = versions.get(row["id"], 0)


def source_language(profile: Profile) -> str:
    return lang_key(profile.setting("content_source_language") or i18n.DEFAULT_LANGUAGE)


def _pick_source(rows: list[dict[str, Any]], preferred: str) -> dict[str, Any]:
    for row in rows:
        if lang_key(row.get("lang")) == preferred:
            return row
    return min(rows, key=lambda r: (str(r.get("created") or ""), r["id"]))


def _make_group(entity: str, group_id: str, rows: list[dict[str, Any]], preferred: str) -> Group:
    source = _pick_source(rows, preferred)
    versions: dict[str, dict[str, Any]] = {}
    for row in rows:  # oldest first: a newer duplicate in one language wins
        versions[lang_key(row.get("lang"))] = row
    outdated = sorted(lang for lang, row in versions.items() if is_outdated(source, row))
    return Group(entity, group_id, source, versions, outdated)


def groups(profile: Profile, entity: str) -> list[Group]:
    """Every translation group of ``entity`` (a record without a group is a group of one)."""
    _check_entity(entity)
    preferred = source_language(profile)
    by_group: dict[str, list[dict[str, Any]]] = {}
    rows = profile.records(entity).list(order_by="created")
    _with_versions(profile, entity, rows, everything=True)
    for row in rows:
        by_group.setdefault(row.get("group_id") or row["id"], []).append(row)
    out = [_make_group(entity, key, rows, preferred) for key, rows in by_group.items()]
    out.sort(key=lambda g: g.title.casefold())
    return out


def group_of(profile: Profile, entity: str, row_id: str) -> Group:
    """The translation group of one record (a group of one when it has no ``group_id``)."""
    _check_entity(entity)
    records = profile.records(entity)
    row = records.get(row_id)
    if row.get("group_id"):
        rows = records.list({"group_id": row["group_id"]}, order_by="created")
    else:
        rows = [row]
    _with_versions(profile, entity, rows, everything=False)
    return _make_group(entity, row.get("group_id") or row["id"], rows, source_language(profile))


def side_by_side(
    profile: Profile, entity: str, row_id: str
) -> tuple[dict[str, Any], dict[str, Any], bool]:
    """``(source, translation, outdated)`` for showing a translation next to its source."""
    group = group_of(profile, entity, row_id)
    translation = profile.records(entity).get(row_id)
    _with_versions(profile, entity, [translation], everything=False)
    return group.source, translation, is_outdated(group.source, translation)


def wanted_languages(profile: Profile) -> list[str]:
    """The content languages an office wants (setting ``content_languages``; default: the
    UI languages)."""
    setting = profile.setting("content_languages")
    if setting:
        return [lang_key(code) for code in setting.split(",") if code.strip()]
    return [lang_key(code) for code in i18n.LANGUAGES]


@dataclass
class ContentLanguageStatus:
    """How far one language's content is: groups present, missing and outdated."""

    entity: str
    language: str
    total: int
    present: int
    outdated: int

    @property
    def missing(self) -> int:
        return self.total - self.present

    @property
    def ratio(self) -> float:
        return (self.present - self.outdated) / self.total if self.total else 1.0


def content_report(
    profile: Profile, languages: list[str] | None = None
) -> list[ContentLanguageStatus]:
    """Per entity and language: how many groups exist in it, and how many are outdated."""
    wanted = [lang_key(code) for code in languages] if languages else wanted_languages(profile)
    out = []
    for entity in TRANSLATABLE:
        all_groups = groups(profile, entity)
        for lang in wanted:
            present = sum(1 for g in all_groups if lang in g.versions)
            outdated = sum(1 for g in all_groups if lang in g.outdated)
            out.append(ContentLanguageStatus(entity, lang, len(all_groups), present, outdated))
    return out


def _check_entity(entity: str) -> None:
    if entity not in TRANSLATABLE:
        raise FieldKitError(
            _("Only materials and laws have translations, not “%(name)s”.") % {"name": entity}
        )


# --- UI catalogs ----------------------------------------------------------------


@dataclass(frozen=True)
class CatalogStatus:
    """How much of the UI is translated into one language."""

    language: str
    total: int
    translated: int
    fuzzy: int
    error: str = ""

    @property
    def ratio(self) -> float:
        return self.translated / self.total if self.total else 0.0

    @property
    def untranslated(self) -> int:
        return self.total - self.translated


def _key(message) -> tuple[str | None, str]:
    """A message's identity: its context and its (singular) source text."""
    return message.context, message.id if isinstance(message.id, str) else message.id[0]


def _message_ids(catalog) -> set:
    return {_key(m) for m in catalog if m.id}


def ui_report(locale_dir: Path | None = None) -> list[CatalogStatus]:
    """Completeness of each shipped UI language against the template ``fieldkit.pot``.

    A catalog that is missing or cannot be read is reported with 0 translated
    and an ``error``, never raised. Results are kept until a catalog file changes.
    """
    folder = locale_dir or i18n.LOCALE_DIR
    paths = [folder / f"{i18n.DOMAIN}.pot"] + [
        folder / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
        for lang in i18n.LANGUAGES
        if lang != i18n.DEFAULT_LANGUAGE
    ]
    stamps = tuple((str(p), p.stat().st_mtime_ns if p.exists() else 0) for p in paths)
    return list(_ui_report(stamps))


@lru_cache(maxsize=4)
def _ui_report(stamps: tuple[tuple[str, int], ...]) -> tuple[CatalogStatus, ...]:
    from babel.messages.pofile import PoFileError, read_po

    template = Path(stamps[0][0])
    wanted: set | None = None
    if template.exists():
        with template.open("rb") as handle:
            wanted = _message_ids(read_po(handle))
    languages = [lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT_LANGUAGE]
    out = []
    for lang, (po_name, _mtime) in zip(languages, stamps[1:], strict=True):
        try:
            with Path(po_name).open("rb") as handle:
                catalog = read_po(handle, locale=lang, abort_invalid=True)
        except (OSError, PoFileError, ValueError) as exc:
            total = len(wanted) if wanted is not None else 0
            out.append(CatalogStatus(lang, total, 0, 0, error=type(exc).__name__))
            continue
        ids = wanted if wanted is not None else _message_ids(catalog)
        translated = fuzzy = 0
        for message in catalog:
            if not message.id or _key(message) not in ids:
                continue
            if message.fuzzy:
                fuzzy += 1
            elif all(message.string) if message.pluralizable else message.string:
                translated += 1
        out.append(CatalogStatus(lang, len(ids), translated, fuzzy))
    return tuple(out)
