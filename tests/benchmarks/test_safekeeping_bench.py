"""Safekeeping benchmarks (issue 16), on the generated journals of 10k and 100k entries.

Targets: a backup with its verification (VACUUM INTO, cipher_integrity_check,
integrity_check, FTS5 integrity-check, schema revision) of the 100k journal in
<= 2 s, off the GUI thread; restore of the same; export and import of 10k entries;
an import of 100k entries through the bulk insert path in <= 30 s (issue 12). Each
figure is reported beside a baseline measured in the same run: reading the
database file once from start to end, the least any check of every page costs.

Run: pytest -o addopts="" -p no:cacheprovider tests/benchmarks/test_safekeeping_bench.py -q -s
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.domain.safekeeping import solace_json
from journal.domain.safekeeping.rotation import Reason
from journal.storage import migrate
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.export import export_journal
from journal.storage.safekeeping.importer import apply
from journal.storage.safekeeping.restore import restore

try:
    from journal_generator import PASSPHRASE, cached_journal  # type: ignore[import-not-found]
except ImportError:
    from tests.benchmarks.journal_generator import PASSPHRASE, cached_journal

SIZES = (10_000, 100_000)


def read_once(path: Path) -> float:
    started = time.perf_counter()
    with open(path, "rb") as handle:
        while handle.read(1 << 20):
            pass
    return time.perf_counter() - started


@pytest.fixture(params=SIZES, ids=[f"{n // 1000}k" for n in SIZES])
def opened(request, bench_cache, tmp_path) -> Iterator[tuple[int, Path, OpenJournal]]:  # type: ignore[no-untyped-def]
    data, folder = cached_journal(request.param, bench_cache)
    copy = tmp_path / "data"
    shutil.copytree(data, copy)
    journal = JournalStore(copy).unlock(copy / "journals" / folder.name, PASSPHRASE)
    yield request.param, copy, journal
    if journal.is_open:
        journal.lock()


def test_backup_and_verification(opened) -> None:  # type: ignore[no-untyped-def]
    size, _data, journal = opened
    baseline = read_once(journal.folder / "journal.db")
    started = time.perf_counter()
    journal.backup(Reason.DAILY)
    seconds = time.perf_counter() - started
    print(
        f"\nbackup+verify {size}: {seconds:.2f} s (read once: {baseline:.2f} s, "
        f"x{seconds / baseline:.0f})"
    )
    if size == 100_000:
        assert seconds <= 2.0


def test_restore(opened) -> None:  # type: ignore[no-untyped-def]
    size, data, journal = opened
    backup = journal.backup(Reason.MANUAL)
    journal.lock()
    started = time.perf_counter()
    restore(data, backup.folder, PASSPHRASE)
    seconds = time.perf_counter() - started
    print(f"\nrestore {size}: {seconds:.2f} s")


def test_export_and_import_of_10k(opened, tmp_path) -> None:  # type: ignore[no-untyped-def]
    size, data, journal = opened
    if size != 10_000:
        pytest.skip("export and import are measured at 10k")
    started = time.perf_counter()
    result = export_journal(
        journal.db, tmp_path, sorted(migrate.current_revisions(journal.db.engine))
    )
    exported = time.perf_counter() - started
    target, _ = JournalStore(data).create("Imported", PASSPHRASE, LIGHT_KDF)
    started = time.perf_counter()
    plan = solace_json.parse((result.folder / "journal.json").read_text(encoding="utf-8"))
    added = apply(target, plan).entries
    imported = time.perf_counter() - started
    target.lock()
    assert added == size
    print(f"\nexport {size}: {exported:.2f} s; import {size}: {imported:.2f} s")


def test_bulk_import_of_100k(bench_cache, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data, folder = cached_journal(100_000, bench_cache)
    source = JournalStore(data).unlock(folder, PASSPHRASE)
    result = export_journal(
        source.db, tmp_path, sorted(migrate.current_revisions(source.db.engine))
    )
    source.lock()
    plan = solace_json.parse((result.folder / "journal.json").read_text(encoding="utf-8"))
    target, _ = JournalStore(tmp_path / "new").create("Imported", PASSPHRASE, LIGHT_KDF)
    started = time.perf_counter()
    added = apply(target, plan, backup=False).entries
    seconds = time.perf_counter() - started
    target.lock()
    assert added == 100_000
    print(f"\nbulk import 100k: {seconds:.2f} s")
    assert seconds <= 30.0
