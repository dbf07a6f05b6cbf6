"""The write path for changes that come from other devices (sync).

:func:`put_remote` writes merged field values to rows *and* the remote
change records that carried them, in the caller's :meth:`Store.write`
transaction, so the rule "no synced row changes without a change record"
holds for merged writes too. Deciding *which* values win is the job of
:mod:`fieldkit.sync.merge`; this module only writes, in bulk.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Any

from fieldkit.data import entities as E
from fieldkit.data.clock import hlc_to_iso
from fieldkit.data.schema import bulk_indexing
from fieldkit.data.store import Store, list_text

# (device, dseq, table, row id, hlc, data JSON text)
RemoteChange = tuple[str, int, str, str, int, str]


BULK_MIN = 50


@cache
def _list_fields(table: str) -> frozenset[str]:
    return frozenset(f.name for f in E.ENTITIES[table].fields if f.kind == E.LIST)


def put_remote(
    store: Store,
    changes: list[RemoteChange],
    rows: dict[tuple[str, str], tuple[bool, dict[str, Any], int]],
) -> None:
    """Record ``changes`` and write ``rows``: (table, id) → (exists, {field: value}, max hlc).

    Values are normalized Python values (lists as lists); ``deleted`` is 0 or 1.
    Rows that do not exist yet are inserted with the given fields. Runs inside
    ``store.write()``; raises on any SQLite error, and the transaction rolls back.
    """
    if store._depth == 0:
        raise RuntimeError("put_remote outside Store.write")
    conn = store.conn
    conn.executemany(
        "INSERT INTO changes (device, dseq, tbl, row_id, hlc, data, local_only) "
        "VALUES (?, ?, ?, ?, ?, ?, 0)",
        changes,
    )
    inserts: dict[tuple[str, tuple[str, ...]], list[list[Any]]] = defaultdict(list)
    updates: dict[tuple[str, tuple[str, ...]], list[list[Any]]] = defaultdict(list)
    encode = list_text
    for (table, row_id), (exists, values, hlc) in rows.items():
        lists = _list_fields(table)
        names = tuple(values)
        sql_values = [encode(values[n]) if n in lists else values[n] for n in names]
        stamp = hlc_to_iso(hlc)
        if exists:
            updates[(table, names)].append([*sql_values, stamp, row_id])
        else:
            inserts[(table, names)].append([row_id, *sql_values, stamp, stamp])
    for (table, names), params in inserts.items():
        cols = ["id", *names, "created", "modified"]
        sql = (
            f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
            f"VALUES ({', '.join('?' * len(cols))})"
        )
        if len(params) >= BULK_MIN:
            store.expect_bulk()
            with bulk_indexing(conn, table):
                conn.executemany(sql, params)
        else:
            conn.executemany(sql, params)
        store._touched.add(table)
    for (table, names), params in updates.items():
        sets = ", ".join(f"[{c}] = ?" for c in (*names, "modified"))
        conn.executemany(f"UPDATE [{table}] SET {sets} WHERE id = ?", params)
        store._touched.add(table)
    if changes:
        store.clock.observe(max(c[4] for c in changes))
