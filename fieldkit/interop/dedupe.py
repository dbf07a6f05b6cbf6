"""Duplicate detection against the store and within the file, with dictionaries (no O(n²)).

Two contacts are the same when they share a normalised phone or fax (E.164), an email
(any case), or a close name within the same organisation: the same words in any order
once accents, punctuation and honorifics are set aside, or a spelling very close to it
(difflib) among the few names that share the same initials in that organisation.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fieldkit.data.lookup import contact_keys
from fieldkit.data.store import Store
from fieldkit.i18n import N_, _

HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "madam",
        "shri",
        "smt",
        "sri",
        "kumari",
        "hon",
        "adv",
        "sra",
        "sr",
        "dra",
        "mme",
        "mlle",
        "m",
    ]
)
CLOSE_RATIO = 0.88
_BUCKET_LIMIT = 64

SAME_PHONE = N_("same phone number")
SAME_EMAIL = N_("same email")
CLOSE_NAME = N_("similar name in the same organisation")


@dataclass(frozen=True)
class Ref:
    """A contact already in the store (``id``) or an earlier row of the file (``line``)."""

    id: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Match:
    ref: Ref
    why: str

    def describe(self) -> str:
        where = (
            _("contact %(id)s") % {"id": self.ref.id}
            if self.ref.id
            else _("line %(line)d of the file") % {"line": self.ref.line}
        )
        return _("Duplicate of %(where)s (%(why)s).") % {"where": where, "why": _(self.why)}


_PUNCT = re.compile(r"[\W_]+", re.UNICODE)
_NOT_DIGIT = re.compile(r"\D+")


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    if not word.isascii():
        word = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in word if not unicodedata.combining(c))
    if word.isascii():
        return _PUNCT.sub(" ", word.casefold()).strip()
    # Only punctuation and symbols go: Devanagari vowel signs and the like stay.
    kept = (" " if unicodedata.category(c)[0] in "PSZC" else c for c in word.casefold())
    return " ".join("".join(kept).split())


def _fold(text: str) -> str:
    if text.isascii():
        return " ".join(_PUNCT.sub(" ", text.casefold()).split())
    return " ".join(f for f in (_fold_word(w) for w in text.split()) if f)


def name_key(name: str | None) -> str:
    """Words of a name, folded and sorted, honorifics left out: "Dr. Rao, Asha" → "asha rao"."""
    if not name:
        return ""
    # Most names are ASCII: folded in one pass, not word by word.
    folded = _PUNCT.sub(" ", name.casefold()) if name.isascii() else _fold(name)
    words = folded.split()
    return " ".join(sorted([w for w in words if w not in HONORIFICS]))


@lru_cache(maxsize=65536)
def org_key(org: str | None) -> str:
    return _fold(org or "")


def _bucket(key: str) -> str:
    """Names that may be close: the same initials, and the same digits (if any).

    The words of a name key are sorted already, so their initials are too."""
    initials = "".join([w[0] for w in key.split()])
    return initials + "|" + _NOT_DIGIT.sub("", key)


class DuplicateIndex:
    """Keys of the contacts seen so far; :meth:`find` a match, :meth:`add` a contact."""

    def __init__(self) -> None:
        self.phones: dict[str, Ref] = {}
        self.emails: dict[str, Ref] = {}
        self.names: dict[tuple[str, str], Ref] = {}
        self.buckets: dict[tuple[str, str], list[tuple[str, Ref]]] = {}

    @classmethod
    def from_store(cls, store: Store) -> DuplicateIndex:
        index = cls()
        for row_id, phone, fax, email, name, org in contact_keys(store):
            index._add(Ref(id=row_id), phone, fax, email, name, org)
        return index

    def add(self, values: dict[str, Any], ref: Ref) -> None:
        self._add(
            ref,
            values.get("phone_e164"),
            values.get("fax_e164"),
            values.get("email"),
            values.get("name"),
            values.get("organization"),
        )

    def _add(self, ref, phone, fax, email, name, org) -> None:
        for number in (phone, fax):
            if number:
                self.phones.setdefault(number, ref)
        if email:
            self.emails.setdefault(email.casefold(), ref)
        okey = org_key(org)
        if okey:
            nkey = name_key(name)
            if nkey:
                self.names.setdefault((okey, nkey), ref)
                self.buckets.setdefault((okey, _bucket(nkey)), []).append((nkey, ref))

    def find(self, values: dict[str, Any]) -> Match | None:
        """The first contact ``values`` duplicates, and why; None when it is new."""
        return self.find_or_add(values, None)

    def find_or_add(self, values: dict[str, Any], ref: Ref | None) -> Match | None:
        """:meth:`find`; when nothing matches and ``ref`` is given, add ``values`` as ``ref``."""
        phone = values.get("phone_e164")
        fax = values.get("fax_e164")
        for number in (phone, fax):
            if number and number in self.phones:
                return Match(self.phones[number], SAME_PHONE)
        email = values.get("email")
        folded = email.casefold() if email else None
        if folded and folded in self.emails:
            return Match(self.emails[folded], SAME_EMAIL)
        okey = org_key(values.get("organization"))
        nkey = name_key(values.get("name")) if okey else ""
        if nkey:
            if (okey, nkey) in self.names:
                return Match(self.names[(okey, nkey)], CLOSE_NAME)
            bucket_key = (okey, _bucket(nkey))
            bucket = self.buckets.get(bucket_key)
            for other, other_ref in (bucket or ())[:_BUCKET_LIMIT]:
                matcher = difflib.SequenceMatcher(None, nkey, other)
                if matcher.quick_ratio() >= CLOSE_RATIO and matcher.ratio() >= CLOSE_RATIO:
                    return Match(other_ref, CLOSE_NAME)
        if ref is not None:
            for number in (phone, fax):
                if number:
                    self.phones.setdefault(number, ref)
            if folded:
                self.emails.setdefault(folded, ref)
            if nkey:
                self.names.setdefault((okey, nkey), ref)
                if bucket is None:
                    bucket = self.buckets[bucket_key] = []
                bucket.append((nkey, ref))
        return None
