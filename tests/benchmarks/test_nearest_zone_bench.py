"""Giving zone-less rows the zone of the nearest zoned record (issue 9, fid17 finding 2).

An import (or a rescue) of rows without a zone (Together responses, appointments,
couple-prompt answers, warning signs from an older Solace) gives each the zone of the
journal's zoned record nearest in time (`journal.storage.nearest_zone`). It ran one
sorted scan of every zoned record per row: n rows in a journal of n zoned records cost
n² log n. Now the zoned moments are read once and searched.

Measured at 1k and 10k zone-less rows, in a journal of as many zoned records: the time
per row, as a ratio of the 10k one to the 1k one in the same run (in proportion: about
1; the old rule: about 10). Check: at most 3. The old rule is timed at 1k too, for the
record (at 10k it takes minutes).

Run: pytest -o addopts="" -p no:cacheprovider tests/benchmarks/test_nearest_zone_bench.py -q -s
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.nearest_zone import give_nearest_zones
from journal.storage.types import stored_text

SIZES = (1_000, 10_000)
ZONES = ("America/New_York", "Asia/Kolkata", "Europe/Berlin")
START = datetime(2024, 1, 1, tzinfo=UTC)
RATIO = 3.0

_OLD_RULE = text(
    "UPDATE together_responses SET zone = (SELECT zone FROM ("
    "SELECT created_at AS at, zone FROM entries WHERE zone IS NOT NULL"
    " UNION ALL SELECT logged_at, zone FROM body_logs WHERE zone IS NOT NULL"
    " UNION ALL SELECT changed_at, zone FROM body_pad_changes WHERE zone IS NOT NULL)"
    " ORDER BY abs(julianday(at) - julianday(together_responses.created_at)), at DESC"
    " LIMIT 1) WHERE rowid = :id AND zone IS NULL"
)


def _journal(root: Path, size: int):  # type: ignore[no-untyped-def]
    """A journal of ``size`` zoned pad changes (a record each 7 hours) and ``size``
    zone-less responses between them (each 5 hours); returns it and the rowids."""
    store = JournalStore(root)
    journal, _recovery = store.create(f"Bench {size}", "a passphrase for benches", LIGHT_KDF)
    with journal.db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO body_pad_changes (id, changed_at, kind, soaking, zone)"
                " VALUES (:id, :at, 'regular', 'partly', :zone)"
            ),
            [
                {
                    "id": f"p{n}",
                    "at": stored_text(START + timedelta(hours=7 * n)),
                    "zone": ZONES[n % 3],
                }
                for n in range(size)
            ],
        )
        connection.execute(
            text(
                "INSERT INTO together_responses (id, entry_id, text, created_at)"
                " VALUES (:id, 'e', 'r', :at)"
            ),
            [
                {"id": f"r{n}", "at": stored_text(START + timedelta(hours=5 * n, minutes=3))}
                for n in range(size)
            ],
        )
        rowids = [r for (r,) in connection.exec_driver_sql("SELECT rowid FROM together_responses")]
    return journal, rowids


def _timed_new(journal, rowids: list[int]) -> float:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    with journal.db.session() as session:
        assert give_nearest_zones(session, "together_responses", rowids) == len(rowids)
    return time.perf_counter() - began


def _timed_old(journal, rowids: list[int]) -> float:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    with journal.db.engine.begin() as connection:
        for row_id in rowids:
            connection.execute(_OLD_RULE, {"id": row_id})
    return time.perf_counter() - began


def test_giving_zones_grows_in_proportion_to_the_rows(tmp_path: Path) -> None:
    per_row: dict[int, float] = {}
    for size in SIZES:
        journal, rowids = _journal(tmp_path / str(size), size)
        try:
            per_row[size] = _timed_new(journal, rowids) / size
        finally:
            journal.lock()
    journal, rowids = _journal(tmp_path / "old", SIZES[0])
    try:
        old = _timed_old(journal, rowids) / SIZES[0]
    finally:
        journal.lock()
    ratio = per_row[SIZES[1]] / per_row[SIZES[0]]
    print(
        f"\nnearest zones, per row: 1k {per_row[SIZES[0]] * 1e6:.1f} µs,"
        f" 10k {per_row[SIZES[1]] * 1e6:.1f} µs (x{ratio:.2f});"
        f" the old rule at 1k: {old * 1e6:.0f} µs a row (x{old / per_row[SIZES[0]]:.0f})"
    )
    assert ratio <= RATIO
