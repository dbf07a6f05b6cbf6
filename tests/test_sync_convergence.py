"""Hypothesis state machine: 3 to 5 devices edit and swap bundles in any order.

Checks the Sync requirements of DESIGN.md that need many orders to show:
convergence (devices holding the same changes hold identical content) and
"nothing lost silently" (every edit that lost to a concurrent edit it never
saw, and that nobody overwrote knowingly, is in every device's conflicts).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from test_sync_helpers import content, make_org

from fieldkit.errors import NotFound
from fieldkit.sync.exchange import export_changes, import_bytes

FIELDS = ("name", "phone", "city")


class SyncMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="fk-sync-sm-"))
        self.profiles = []
        self.counter = 0
        # model: which changes (device, dseq) each device holds, and what each change did
        self.known: list[set[tuple[str, int]]] = []
        self.changes: dict[tuple[str, int], dict] = {}
        self.bundles: list[tuple[int, bytes, frozenset]] = []

    @initialize(n=st.integers(min_value=3, max_value=5))
    def make_devices(self, n):
        hq, devices = make_org(self.root, *[f"d{i}" for i in range(1, n)])
        self.profiles = [hq, *devices]
        self.known = [set() for _ in self.profiles]
        # Two records every device starts with, so that concurrent edits happen often.
        for _ in range(2):
            hq.contacts.add({f: self._value(f) for f in FIELDS})
            self._record_local(0)
        seed = export_changes(hq)
        for j, p in enumerate(devices, start=1):
            import_bytes(p, seed)
            self.known[j] |= self.known[0]

    # --- local work ---------------------------------------------------------

    def _value(self, field: str) -> str:
        self.counter += 1
        return {"name": f"Name {self.counter}", "phone": f"+1 555 {self.counter:04d}"}.get(
            field, f"City {self.counter}"
        )

    def _record_local(self, i: int) -> None:
        p = self.profiles[i]
        dseq, row_id, hlc, data = p.store.conn.execute(
            "SELECT dseq, row_id, hlc, data FROM changes WHERE device = ? ORDER BY dseq DESC "
            "LIMIT 1",
            [p.device_id],
        ).fetchone()
        import json

        key = (p.device_id, dseq)
        self.changes[key] = {
            "row": row_id,
            "hlc": hlc,
            "data": json.loads(data),
            "knew": frozenset(self.known[i]),
        }
        self.known[i].add(key)

    def _rows(self, i: int) -> list[str]:
        rows = self.profiles[i].store.conn.execute("SELECT id FROM contacts ORDER BY id")
        return [r[0] for r in rows]

    @rule(data=st.data())
    def create(self, data):
        i = data.draw(st.integers(0, len(self.profiles) - 1))
        self.profiles[i].contacts.add({f: self._value(f) for f in FIELDS})
        self._record_local(i)

    @rule(data=st.data())
    def edit(self, data):
        i = data.draw(st.integers(0, len(self.profiles) - 1))
        rows = self._rows(i)
        if not rows:
            return
        row = data.draw(st.sampled_from(rows))
        fields = data.draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=2, unique=True))
        try:
            self.profiles[i].contacts.update(row, {f: self._value(f) for f in fields})
        except NotFound:  # deleted here
            return
        self._record_local(i)

    @rule(data=st.data())
    def delete_or_restore(self, data):
        i = data.draw(st.integers(0, len(self.profiles) - 1))
        rows = self._rows(i)
        if not rows:
            return
        row = data.draw(st.sampled_from(rows))
        records = self.profiles[i].contacts
        before = self.profiles[i].store.dseq
        if records.get(row, include_deleted=True)["deleted"]:
            records.restore(row)
        else:
            records.delete(row)
        if self.profiles[i].store.dseq != before:
            self._record_local(i)

    # --- exchange -------------------------------------------------------------

    @rule(data=st.data())
    def export(self, data):
        i = data.draw(st.integers(0, len(self.profiles) - 1))
        p = self.profiles[i]
        if not p.store.dseq:
            return
        first = data.draw(st.integers(1, p.store.dseq))
        blob = export_changes(p, first, p.store.dseq)
        if blob is not None:
            held = frozenset((p.device_id, s) for s in range(first, p.store.dseq + 1))
            self.bundles.append((i, blob, held))

    @precondition(lambda self: self.bundles)
    @rule(data=st.data())
    def deliver(self, data):
        origin, blob, held = data.draw(st.sampled_from(self.bundles))
        others = [j for j in range(len(self.profiles)) if j != origin]
        j = data.draw(st.sampled_from(others))
        import_bytes(self.profiles[j], blob)
        self.known[j] |= held

    # --- checks -----------------------------------------------------------------

    @invariant()
    def same_changes_same_content(self):
        by_knowledge: dict[frozenset, dict] = {}
        for i, p in enumerate(self.profiles):
            key = frozenset(self.known[i])
            seen = by_knowledge.setdefault(key, content(p))
            assert content(p) == seen

    def exchange_everything(self):
        blobs = [(i, export_changes(p)) for i, p in enumerate(self.profiles) if p.store.dseq]
        for i, blob in blobs:
            if blob is None:
                continue
            for j, p in enumerate(self.profiles):
                if j != i:
                    import_bytes(p, blob)
        for j in range(len(self.profiles)):
            self.known[j] = set(self.changes)

    def expected_lost(self) -> set[tuple[str, str, str, int]]:
        """Edits that lost to a concurrent edit and that no later edit overwrote knowingly."""
        by_field: dict[tuple[str, str], list[tuple[int, str, tuple]]] = {}
        for key, change in self.changes.items():
            for f in FIELDS:
                if f in change["data"]:
                    by_field.setdefault((change["row"], f), []).append((change["hlc"], key[0], key))
        lost = set()
        for (row, f), writes in by_field.items():
            writes.sort()
            for n, (hlc, device, key) in enumerate(writes[:-1]):
                later = writes[n + 1 :]
                if not any(key in self.changes[k]["knew"] for _h, _d, k in later):
                    lost.add((row, f, device, hlc))
        return lost

    def teardown(self):
        try:
            if self.profiles:
                self.exchange_everything()
                self.same_changes_same_content()
                expected = self.expected_lost()
                for p in self.profiles:
                    recorded = set(
                        p.store.conn.execute(
                            "SELECT row_id, field, lost_device, lost_hlc FROM conflicts"
                        ).fetchall()
                    )
                    assert expected <= recorded, expected - recorded
        finally:
            for p in self.profiles:
                p.close()
            shutil.rmtree(self.root, ignore_errors=True)


SyncMachine.TestCase.settings = settings(
    max_examples=15,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_convergence_and_no_silent_loss = SyncMachine.TestCase


@pytest.mark.slow
def test_convergence_at_length():
    """The same machine with many more examples and longer runs (``make bench``)."""
    run_state_machine_as_test(
        SyncMachine,
        settings=settings(
            max_examples=150,
            stateful_step_count=80,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
