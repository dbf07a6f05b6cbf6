"""No code path changes a synced row without a change record.

Random sequences of operations through the public API (adds, bulk adds, edits,
deletes, restores, failed writes, cancelled bulk adds); afterwards replaying
the change log, in clock order, must rebuild every synced table exactly.
"""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.data import entities as E
from fieldkit.data.store import Cancelled
from fieldkit.errors import ValidationError
from fieldkit.profile import Profile

names = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs")), max_size=12)
contact_values = st.fixed_dictionaries(
    {"name": names},
    optional={
        "email": st.sampled_from(["a@example.org", "bad-email", "b@example.org"]),
        "country": st.sampled_from(["IN", "KE", "XX", "br"]),
        "tags": st.lists(st.sampled_from(["police", "legal", "shelter"]), max_size=2),
        "sensitivity": st.sampled_from(E.SENSITIVITY),
        "title": names,
    },
)
operation = st.one_of(
    st.tuples(st.just("add"), contact_values),
    st.tuples(st.just("add_many"), st.lists(contact_values, min_size=1, max_size=4)),
    st.tuples(st.just("cancelled_many"), st.lists(contact_values, min_size=1, max_size=3)),
    st.tuples(st.just("edit"), st.integers(0, 20), contact_values),
    st.tuples(st.just("delete"), st.integers(0, 20)),
    st.tuples(st.just("restore"), st.integers(0, 20)),
    st.tuples(st.just("outreach"), st.integers(0, 20), st.sampled_from(E.CHANNELS)),
)


def apply(profile: Profile, op, ids: list[str]) -> None:
    kind = op[0]
    try:
        if kind == "add":
            ids.append(profile.contacts.add(op[1]))
        elif kind == "add_many":
            ids.extend(profile.contacts.add_many(op[1]))
        elif kind == "cancelled_many":
            with contextlib.suppress(Cancelled):
                profile.contacts.add_many(op[1], cancelled=lambda: True)
        elif ids and kind == "edit":
            profile.contacts.update(ids[op[1] % len(ids)], op[2])
        elif ids and kind == "delete":
            profile.contacts.delete(ids[op[1] % len(ids)])
        elif ids and kind == "restore":
            profile.contacts.restore(ids[op[1] % len(ids)])
        elif ids and kind == "outreach":
            profile.outreach.add(
                {"contact_id": ids[op[1] % len(ids)], "channel": op[2], "date": "2024-01-02"}
            )
    except ValidationError:
        pass  # refused input: must have written nothing (checked by the replay)
    except Exception as exc:  # NotFound on a deleted record is a refusal too
        if type(exc).__name__ != "NotFound":
            raise


def replay(profile: Profile, entity: E.Entity) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for row_id, data in profile.store.conn.execute(
        "SELECT row_id, data FROM changes WHERE tbl = ? ORDER BY hlc, device", [entity.table]
    ):
        row = rows.setdefault(row_id, {f: None for f in entity.field_names} | {"deleted": 0})
        row.update(json.loads(data))
    return rows


def table(profile: Profile, entity: E.Entity) -> dict[str, dict]:
    out = {}
    for row in profile.records(entity.name).list(include_deleted=True):
        out[row["id"]] = {f: row[f] for f in (*entity.field_names, "deleted")}
    return out


def normalise_lists(rows: dict[str, dict], entity: E.Entity) -> dict[str, dict]:
    for row in rows.values():
        for f in entity.fields:
            if f.kind == E.LIST and row[f.name] == []:
                row[f.name] = None
    return rows


@pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(operation, max_size=25))
def test_the_change_log_reproduces_the_tables(tmp_path_factory, ops):
    folder = tmp_path_factory.mktemp("p")
    with Profile.create(folder / "p") as profile:
        ids: list[str] = []
        for op in ops:
            apply(profile, op, ids)
        for entity in (E.CONTACTS, E.OUTREACH):
            assert normalise_lists(replay(profile, entity), entity) == normalise_lists(
                table(profile, entity), entity
            )
        dseqs = [r[0] for r in profile.store.conn.execute("SELECT dseq FROM changes ORDER BY seq")]
        assert dseqs == list(range(1, len(dseqs) + 1))  # no gaps, even after rollbacks
