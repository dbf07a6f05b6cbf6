"""Create, read, update and delete records of one entity, through the store's write path."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fieldkit.data import entities as E
from fieldkit.data.clock import new_ids
from fieldkit.data.schema import leading_index_columns
from fieldkit.data.search import fts_query
from fieldkit.data.store import Cancelled, Progress, Store, chunked, gc_paused, new_record_id
from fieldkit.errors import ValidationError
from fieldkit.i18n import _

LOCAL_ONLY = "local-only"
# Records that inherit "local-only" from the contact they point at (an attachment from
# its owner, when the owner is a contact: a local-only contact's photo stays too).
INHERITS_LOCAL_ONLY = {
    "outreach": "contact_id",
    "campaign_targets": "contact_id",
    "attachments": "owner_id",
}


class Records:
    """The records of one entity: ``profile.contacts``, ``profile.laws`` and so on."""

    def __init__(self, store: Store, entity: E.Entity):
        self.store = store
        self.entity = entity
        self._refs = tuple(f for f in entity.fields if f.kind == E.REF)

    # --- writes -------------------------------------------------------------

    def add(self, values: dict[str, Any], *, id: str | None = None) -> str:
        """Validate and insert a record; returns its id."""
        clean = E.normalize(self.entity, values)
        with self.store.write():
            self._check_refs(clean)
            row_id = id or new_record_id()
            local = self._local_only(clean)
            self.store.put(self.entity, row_id, clean, insert=True, local_only=local)
        return row_id

    def add_many(
        self,
        rows: Iterable[dict[str, Any]],
        *,
        progress: Progress | None = None,
        cancelled=lambda: False,
        total: int | None = None,
        batch: int = 5000,
        normalized: bool = False,
    ) -> list[str]:
        """Validate and insert many records in one transaction (all or nothing).

        Raises ValidationError naming the first bad row (counting from 1);
        ``cancelled()`` returning true rolls everything back (:class:`Cancelled`).
        With ``normalized`` the rows are already what :func:`entities.normalize` returns
        (an import checked them for its preview): only the defaults of missing fields and
        the required fields are seen to.
        """
        ids: list[str] = []
        done = 0
        check = _complete if normalized else E.normalize
        with gc_paused(), self.store.write():
            for chunk in chunked(rows, batch):
                prepared = []
                fresh = iter(new_ids(len(chunk)))
                for values in chunk:
                    done += 1
                    try:
                        clean = check(self.entity, values)
                    except ValidationError as exc:
                        raise ValidationError(
                            {
                                _("row %(row)d, %(field)s") % {"row": done, "field": k}: v
                                for k, v in exc.errors.items()
                            }
                        ) from None
                    if self._refs:
                        self._check_refs(clean)
                    row_id = values.get("id") or next(fresh)
                    prepared.append((row_id, clean, self._local_only(clean)))
                    ids.append(row_id)
                self.store.put_many(self.entity, prepared)
                if cancelled():
                    raise Cancelled()
                if progress:
                    progress(done, total or done)
        return ids

    def update(self, row_id: str, values: dict[str, Any]) -> bool:
        """Change some fields of a record; only fields that really change are recorded.

        Returns False when nothing changed.
        """
        clean = E.normalize(self.entity, values, partial=True)
        with self.store.write():
            current = self.store.require(self.entity, row_id)
            changed = {k: v for k, v in clean.items() if _differs(current.get(k), v)}
            if not changed:
                return False
            merged = {**current, **changed}
            self._check_required(changed)
            self._check_refs(changed)
            was_local = self._local_only(current)
            now_local = self._local_only(merged)
            if was_local and not now_local:
                # The record leaves the device for the first time: send all of it.
                changed = {f: merged.get(f) for f in self.entity.field_names}
                changed["deleted"] = 0
            self.store.put(self.entity, row_id, changed, insert=False, local_only=now_local)
        return True

    def delete(self, row_id: str) -> None:
        """Delete (a tombstone: the row stays, marked deleted, and can be restored)."""
        with self.store.write():
            current = self.store.require(self.entity, row_id)
            self.store.put(
                self.entity,
                row_id,
                {"deleted": 1},
                insert=False,
                local_only=self._local_only(current),
            )

    def restore(self, row_id: str) -> None:
        """Undo a delete."""
        with self.store.write():
            current = self.store.require(self.entity, row_id, include_deleted=True)
            if current["deleted"]:
                self.store.put(
                    self.entity,
                    row_id,
                    {"deleted": 0},
                    insert=False,
                    local_only=self._local_only(current),
                )

    # --- reads --------------------------------------------------------------

    def get(self, row_id: str, *, include_deleted: bool = False) -> dict[str, Any]:
        return self.store.require(self.entity, row_id, include_deleted=include_deleted)

    def list(
        self,
        filters: dict[str, Any] | None = None,
        *,
        order_by: str | None = None,
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
        include_deleted: bool = False,
        after: str | None = None,
    ) -> list[dict[str, Any]]:
        """Records matching ``filters``, sorted; ``limit``/``offset`` page through them.

        ``after`` (the id of the last record of the previous page) pages by key
        instead of by offset, so the thousandth page costs what the first does;
        it needs a sort column that is never empty (see :meth:`can_page_after`).
        """
        where, params = self._where(filters, include_deleted)
        order, collate = self._sort_key(order_by)
        direction = "DESC" if descending else "ASC"
        if after is not None:
            if not self.can_page_after(order):
                raise ValueError(f"cannot page by key on {order}")
            op = "<" if descending else ">"
            anchor = f"(SELECT [{order}]{{}} FROM [{self.entity.table}] WHERE id = ?)"
            # The plain bound lets SQLite seek in the column's index; the pair breaks ties.
            where += (
                f" AND [{order}]{collate} {op}= {anchor.format('')}"
                f" AND ([{order}]{collate}, rid) {op} {anchor.format(', rid')}"
            )
            params += [after, after]
        sql = (
            f"SELECT * FROM [{self.entity.table}] WHERE {where} "
            f"ORDER BY [{order}]{collate} {direction}, rid {direction}"
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        cur = self.store.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [self.store.decode(self.entity, dict(zip(names, r, strict=True))) for r in cur]

    def position(
        self,
        row_id: str,
        filters: dict[str, Any] | None = None,
        *,
        order_by: str | None = None,
        descending: bool = False,
    ) -> int | None:
        """Where a record stands in :meth:`list` with the same filters and order (0 for the
        first), without reading the rows before it; None when the filters leave it out or
        it is deleted."""
        where, params = self._where(filters, False)
        order, collate = self._sort_key(order_by)
        table = self.entity.table
        anchor = self.store.conn.execute(
            f"SELECT [{order}], rid FROM [{table}] WHERE {where} AND id = ?", [*params, row_id]
        ).fetchone()
        if anchor is None:
            return None
        value, rid = anchor
        key = f"[{order}]{collate}"
        # The rows :meth:`list` puts first: SQLite sorts an empty (NULL) value before any
        # other, and breaks ties by rid.
        if value is None and not descending:
            before, bounds = f"([{order}] IS NULL AND rid < ?)", [rid]
        elif value is None:
            before, bounds = f"([{order}] IS NOT NULL OR rid > ?)", [rid]
        elif not descending:
            before = f"([{order}] IS NULL OR {key} < ? OR ({key} = ? AND rid < ?))"
            bounds = [value, value, rid]
        else:
            before, bounds = f"({key} > ? OR ({key} = ? AND rid > ?))", [value, value, rid]
        return self.store.conn.execute(
            f"SELECT count(*) FROM [{table}] WHERE {where} AND {before}", [*params, *bounds]
        ).fetchone()[0]

    def can_page_after(self, order_by: str) -> bool:
        """Whether :meth:`list` can page by key on this column (it is never empty)."""
        if order_by in ("created", "modified"):
            return True
        return self.entity.has_field(order_by) and self.entity.field(order_by).required

    def count(self, filters: dict[str, Any] | None = None, *, include_deleted=False) -> int:
        where, params = self._where(filters, include_deleted)
        return self.store.conn.execute(
            f"SELECT count(*) FROM [{self.entity.table}] WHERE {where}", params
        ).fetchone()[0]

    def distinct(self, name: str) -> list[str]:
        """The values in use for a filter (``tag``, ``lang`` or a field), sorted: filter choices."""
        table = self.entity.table
        if name == "tag":
            sql = "SELECT DISTINCT tag FROM record_tags WHERE entity = ? ORDER BY tag"
            params: list[Any] = [table]
        elif name == "lang" and self.entity.has_field("languages"):
            sql = (
                f"SELECT DISTINCT j.value FROM [{table}] t, json_each(t.languages) j "
                "WHERE t.deleted = 0 ORDER BY 1"
            )
            params = []
        else:
            if name == "country" and not self.entity.has_field("country"):
                name = "jurisdiction"
            self.entity.field(name)  # KeyError for an unknown field
            if name in leading_index_columns(self.store.conn, table):
                return self._distinct_by_seeks(name)
            sql = (
                f"SELECT DISTINCT [{name}] FROM [{table}] "
                f"WHERE deleted = 0 AND [{name}] IS NOT NULL AND [{name}] != '' ORDER BY 1"
            )
            params = []
        return [str(row[0]) for row in self.store.conn.execute(sql, params)]

    def _distinct_by_seeks(self, name: str) -> list[str]:
        """DISTINCT through an index: one seek per value in use, not a scan of every row
        (a few values such as countries among 100,000 contacts)."""
        table = self.entity.table
        conn = self.store.conn
        values: list[str] = []
        last = ""
        while True:
            (value,) = conn.execute(
                f"SELECT min([{name}]) FROM [{table}] WHERE [{name}] > ?", [last]
            ).fetchone()
            if value is None:
                return values
            live = conn.execute(
                f"SELECT 1 FROM [{table}] WHERE [{name}] = ? AND deleted = 0 LIMIT 1", [value]
            ).fetchone()
            if live:
                values.append(str(value))
            last = value

    # --- helpers ------------------------------------------------------------

    def _sort_key(self, order_by: str | None) -> tuple[str, str]:
        """The column :meth:`list` sorts by, and the collation it compares with."""
        order = order_by or self.entity.title_field
        if order not in (*self.entity.field_names, "created", "modified"):
            raise ValidationError({"order": _("Cannot sort by “%(field)s”.") % {"field": order}})
        return order, " COLLATE NOCASE" if order in ("name", "title") else ""

    def _where(self, filters: dict[str, Any] | None, include_deleted: bool):
        clauses = ["1"] if include_deleted else ["deleted = 0"]
        params: list[Any] = []
        for key, value in (filters or {}).items():
            if value in (None, ""):
                continue
            if key == "q":  # search as you type: every word, the last as a prefix
                query = fts_query(str(value))
                if query is not None and self.entity.search_fields:
                    fts = self.entity.fts_table
                    clauses.append(f"rid IN (SELECT rowid FROM [{fts}] WHERE [{fts}] MATCH ?)")
                    params.append(query)
            elif key == "tag":
                clauses.append("rid IN (SELECT rid FROM record_tags WHERE entity = ? AND tag = ?)")
                params += [self.entity.table, value]
            elif key == "country" and not self.entity.has_field("country"):
                clauses.append("[jurisdiction] = ?")
                params.append(str(value).upper() if value != "intl" else value)
            elif key == "lang" and self.entity.has_field("languages"):
                clauses.append("EXISTS (SELECT 1 FROM json_each(languages) WHERE value = ?)")
                params.append(value)
            elif self.entity.has_field(key) and isinstance(value, tuple):
                op, bound = value  # a range: ("<=", "2024-12-31")
                if op not in ("<", "<=", ">", ">="):
                    raise ValueError(op)
                clauses.append(f"[{key}] {op} ?")
                params.append(bound)
            elif self.entity.has_field(key):
                f = self.entity.field(key)
                if f.kind in (E.COUNTRY, E.JURISDICTION) and value != "intl":
                    value = str(value).upper()
                clauses.append(f"[{key}] = ?")
                params.append(value)
            else:
                raise ValidationError(
                    {
                        key: _("Cannot filter %(entity)s by “%(field)s”.")
                        % {"entity": _(self.entity.plural).lower(), "field": key}
                    }
                )
        return " AND ".join(clauses), params

    def _check_required(self, changed: dict[str, Any]) -> None:
        """An edit may not blank a required field. A field that is already empty (a record
        whose creation has not arrived yet from another device) does not block an edit of
        the others."""
        missing = {
            f.name: _("%(field)s is required.") % {"field": _(f.label)}
            for f in self.entity.fields
            if f.required and f.name in changed and changed[f.name] in (None, "", [])
        }
        if missing:
            raise ValidationError(missing)

    def _check_refs(self, values: dict[str, Any]) -> None:
        errors = {}
        for f in self._refs:
            value = values.get(f.name)
            if value and not self.store.exists(f.ref, value):
                errors[f.name] = _("No %(entity)s with id %(id)s.") % {
                    "entity": _(E.ENTITIES[f.ref].label).lower(),
                    "id": values[f.name],
                }
        if errors:
            raise ValidationError(errors)

    def _local_only(self, values: dict[str, Any]) -> bool:
        if values.get("sensitivity") == LOCAL_ONLY:
            return True
        ref = INHERITS_LOCAL_ONLY.get(self.entity.name)
        if ref and values.get(ref):
            row = self.store.conn.execute(
                "SELECT sensitivity FROM contacts WHERE id = ?", [values[ref]]
            ).fetchone()
            return bool(row and row[0] == LOCAL_ONLY)
        return False


def _complete(entity: E.Entity, values: dict[str, Any]) -> dict[str, Any]:
    """Normalized ``values`` with the defaults of the fields they lack; required ones checked."""
    defaults, required = _defaults(entity)
    missing = [name for name in required if values.get(name) in (None, [])]
    if missing:
        raise ValidationError(
            {
                name: _("%(field)s is required.") % {"field": _(entity.field(name).label)}
                for name in missing
            }
        )
    return {**defaults, **values} if defaults.keys() - values.keys() else values


_DEFAULTS: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {}


def _defaults(entity: E.Entity) -> tuple[dict[str, Any], tuple[str, ...]]:
    found = _DEFAULTS.get(entity.name)
    if found is None:
        found = _DEFAULTS[entity.name] = (
            {f.name: f.default for f in entity.fields if f.default is not None},
            tuple(f.name for f in entity.fields if f.required),
        )
    return found


def _differs(old: Any, new: Any) -> bool:
    return (old if old not in ("", []) else None) != (new if new not in ("", []) else None)
