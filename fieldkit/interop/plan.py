"""The preview of an import: every row's fate (create, update, skip, reject) before writing.

Nothing is written here. :func:`build_plan` reads the file, checks each row, looks for
duplicates in the store and earlier in the file, and returns an :class:`ImportPlan`
whose per-duplicate choices the user can change before :func:`fieldkit.interop.apply.apply_plan`.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldkit import formats
from fieldkit.data.store import Cancelled, Progress, gc_paused
from fieldkit.i18n import N_, _
from fieldkit.interop import layouts, vcard
from fieldkit.interop.csv_read import open_csv
from fieldkit.interop.dedupe import DuplicateIndex, Match, Ref
from fieldkit.interop.draft import Draft, RowRejected, finish
from fieldkit.interop.errors import ImportFileError
from fieldkit.interop.phones import PhoneNormalizer

if TYPE_CHECKING:
    from fieldkit.profile import Profile

log = logging.getLogger(__name__)

CREATE, UPDATE, SKIP, REJECT = "create", "update", "skip", "reject"
ACTION_LABELS = {
    CREATE: N_("create"),
    UPDATE: N_("update"),
    SKIP: N_("skip"),
    REJECT: N_("reject"),
}
CHOICES = ("skip", "update", "fill", "new")
"""What to do with a duplicate: leave it, overwrite the other with this row's values,
fill only the other's empty fields, or import it as a new contact."""
CHOICE_LABELS = {
    "skip": N_("Skip"),
    "update": N_("Update"),
    "fill": N_("Fill empty fields"),
    "new": N_("Import as new"),
}


@dataclass
class PlanRow:
    """One row of the file and its fate."""

    line: int
    action: str
    values: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
    warnings: list[str] = field(default_factory=list)
    match: Match | None = None
    choice: str | None = None
    photo: tuple[bytes, str] | None = None

    @property
    def is_duplicate(self) -> bool:
        return self.match is not None


@dataclass
class ImportPlan:
    """The preview: the rows in file order, the layout found, and the totals."""

    path: Path
    layout: str
    """What the file was read as: one of :data:`fieldkit.formats.IMPORTS`."""
    rows: list[PlanRow]
    header: list[str] = field(default_factory=list)
    columns: dict[int, str] = field(default_factory=dict)
    notice: str = ""
    """What the user should check about the whole file (already translated), or empty."""

    def counts(self) -> dict[str, int]:
        found = Counter(r.action for r in self.rows)
        return {a: found.get(a, 0) for a in (CREATE, UPDATE, SKIP, REJECT)}

    def duplicates(self) -> list[PlanRow]:
        return [r for r in self.rows if r.is_duplicate]

    def rejected(self) -> list[PlanRow]:
        return [r for r in self.rows if r.action == REJECT]

    def choose(self, row: PlanRow, choice: str) -> None:
        """Set what to do with one duplicate row."""
        if not row.is_duplicate:
            raise ValueError("not a duplicate")
        if choice not in CHOICES:
            raise ValueError(choice)
        row.choice = choice
        row.action = {"skip": SKIP, "update": UPDATE, "fill": UPDATE, "new": CREATE}[choice]

    def choose_all(self, choice: str) -> None:
        for row in self.duplicates():
            self.choose(row, choice)

    def summary(self) -> str:
        c = self.counts()
        text = (
            _("%(create)d to create, %(update)d to update, %(skip)d to skip, %(reject)d rejected.")
            % c
        )
        return f"{text}\n{self.notice}" if self.notice else text


def _drafts(path: Path, mapping: dict[str, str] | None) -> tuple[Iterator[Draft], Any, str | None]:
    if vcard.is_vcard(path):
        return vcard.drafts(path), None, None
    source = open_csv(path)
    layout = layouts.detect(source.header)
    if mapping:
        layout = layouts.apply_mapping(layout, mapping)
    if not any(
        role in ("name", "given", "family", "organization") for role in layout.columns.values()
    ):
        # The example names a column the user can type and --mapping can parse, or its number.
        column = next(
            (h for h in source.header if h.isprintable() and h and not set(h) & set(",=")), "1"
        )
        raise ImportFileError(
            _(
                "No column of %(path)s is a name or an organisation. Map one with "
                '--mapping, e.g. --mapping "%(column)s=name".'
            )
            % {"path": path.name, "column": column}
        )
    drafts = (layouts.assemble(layout, line, cells) for line, cells in source.rows())
    return drafts, layout, source.encoding


def build_plan(
    profile: Profile,
    path: Path | str,
    *,
    mapping: dict[str, str] | None = None,
    on_duplicate: str = "skip",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportPlan:
    """Read ``path`` (CSV or vCard) and decide every row's fate. Writes nothing.

    ``mapping`` (``{column: field}``) overrides the layout found for a CSV file;
    ``on_duplicate`` is the initial choice for every duplicate.
    """
    if on_duplicate not in CHOICES:
        raise ImportFileError(
            _("“%(choice)s” is not a choice for duplicates; use one of: %(choices)s.")
            % {"choice": on_duplicate, "choices": ", ".join(CHOICES)}
        )
    path = Path(path)
    drafts, layout, encoding = _drafts(path, mapping)
    phones = PhoneNormalizer(profile.setting("default_country"))
    plan = ImportPlan(
        path,
        layout.name if layout else formats.VCARD,
        [],
        header=layout.header if layout else [],
        columns=dict(layout.columns) if layout else {},
    )
    if encoding == "cp1252":
        plan.notice = _(
            "%(file)s is not UTF-8, so it was read as Windows-1252. Check that accented "
            "letters and other scripts look right; if they do not, save the file as "
            "UTF-8 (“CSV UTF-8” in Excel) and import it again."
        ) % {"file": path.name}
    with gc_paused():
        index = DuplicateIndex.from_store(profile.store)
        for count, draft in enumerate(drafts, start=1):
            plan.rows.append(_plan_row(draft, phones, index, plan, on_duplicate))
            if count % 2000 == 0:
                if cancelled():
                    raise Cancelled()
                if progress:
                    progress(count, 0)
    if not plan.rows:
        raise ImportFileError(
            _("%(path)s has no contacts to import (only a header, or no vCard in it).")
            % {"path": path.name}
        )
    log.info("import preview: %s", plan.counts())
    return plan


def _plan_row(
    draft: Draft,
    phones: PhoneNormalizer,
    index: DuplicateIndex,
    plan: ImportPlan,
    on_duplicate: str,
) -> PlanRow:
    try:
        values, warnings = finish(draft, phones)
    except RowRejected as exc:
        return PlanRow(draft.line, REJECT, reason=exc.reason)
    row = PlanRow(draft.line, CREATE, values, warnings=warnings, photo=draft.photo)
    row.match = index.find_or_add(values, Ref(line=draft.line))
    if row.match is not None:
        row.reason = row.match.describe()
        plan.choose(row, on_duplicate)
    return row
