"""Rescue: what can still be read from a damaged journal, into a new journal.

For a journal whose database has damaged pages (and no good backup, or one too
old): the damaged files are never written to. Its database (with any WAL) is
copied into a private scratch folder and read there, table by table in rowid
order. A damaged page stops a read with an error; the reader then probes past it
one row at a time, doubling the step until a read succeeds again, and narrows the
gap by bisection, so every row outside the damaged pages is read and the rows
inside are counted as not readable (an upper bound: rowids deleted long ago are
gaps too). Search indexes, tag and feeling links are not read: they are rebuilt
from the entries. What was read goes into a new journal (a new passphrase and
recovery key) through the importer's one-transaction path.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import ColumnClause, Engine, Table, literal_column, select
from sqlalchemy.exc import DBAPIError

from journal.domain.safekeeping import solace_json
from journal.errors import JournalDamaged, JournalMissing, WrongPassphrase
from journal.paths import ensure_private_dir
from journal.storage.entries.models import EntryRow
from journal.storage.lock import keys
from journal.storage.lock.engine import open_engine
from journal.storage.lock.journal import OpenJournal, create_journal
from journal.storage.lock.keys import DEFAULT_KDF, KdfParams
from journal.storage.lock.vault import (
    DATABASE_NAME,
    SlotKind,
    kept_headers,
    read_header,
    unwrap_candidates,
)
from journal.storage.safekeeping.export import SKIPPED_TABLES, entry_dict, plain
from journal.storage.safekeeping.importer import apply
from journal.storage.schema import metadata

BATCH = 500
_FURTHEST = 1 << 62  # rowids beyond this are not probed
# Entry fields an older schema revision may lack, as a new entry has them.
ENTRY_DEFAULTS: dict[str, Any] = {
    "title": "",
    "mood": None,
    "feelings": "",
    "tags": "",
    "shared": False,
    "prompt_id": None,
}
PLAIN_NAMES = {
    "entries": "entries",
    "body_logs": "body log records",
    "body_pad_changes": "pad changes",
    "body_recovery": "recovery details",
    "body_appointments": "appointments",
    "remembrance_dates": "remembrance dates",
    "custom_prompts": "prompts of your own",
    "closeness_marks": "idea marks",
}


@dataclass(frozen=True, slots=True)
class Rescued:
    """The new journal (open) with its recovery key (to show once), how many entries
    and other records were rescued, and one sentence per kind of record of which some
    could not be read."""

    journal: OpenJournal
    recovery_key: str
    entries: int
    records: int
    unreadable: tuple[str, ...]

    def summary(self, old_name: str) -> str:
        """What happened, in plain words, for the person."""
        text = (
            f"{self.entries} entries and {self.records} other records (body log, dates, "
            f"marks) were rescued from “{old_name}” into this new journal."
        )
        if self.unreadable:
            text += " What could not be read: " + "; ".join(self.unreadable) + "."
        else:
            text += " Everything could be read."
        return text + f" “{old_name}” itself was not changed."


def damaged_key(folder: Path, passphrase: str) -> bytearray:
    """The data key of the damaged journal in ``folder``, unwrapped with its
    ``passphrase`` from its key file or a copy kept with its backups. Raises
    `WrongPassphrase`."""
    secret = keys.normalise_passphrase(passphrase)
    headers = []
    with contextlib.suppress(JournalDamaged, JournalMissing):  # the kept copies may open it
        headers.append(read_header(folder))
    for header in dict.fromkeys(headers + kept_headers(folder)):  # each key derived once
        for _generation, raw in unwrap_candidates(header, SlotKind.PASSPHRASE, secret):
            return bytearray(raw)
    raise WrongPassphrase()


def rescue(
    data_dir: Path,
    folder: Path,
    passphrase: str,
    new_name: str,
    new_passphrase: str,
    kdf: KdfParams = DEFAULT_KDF,
) -> Rescued:
    """Read what can be read of the journal in ``folder`` (opened with its
    ``passphrase``) and write it into a new journal ``new_name`` under ``data_dir``.

    Nothing in ``folder`` is written. Raises `WrongPassphrase`, or `JournalDamaged`
    when not even the start of the database can be read (then no journal is made).
    """
    key = damaged_key(folder, passphrase)
    with _scratch_copy(data_dir, folder) as copy:
        try:
            engine = open_engine(copy, key)
        except Exception as error:
            raise JournalDamaged(
                "Not even the beginning of the journal's database can be read, so there "
                "is nothing to rescue from it. The damaged journal was not changed."
            ) from error
        try:
            present = _columns_present(engine)
            entries_table: Table = EntryRow.__table__  # type: ignore[assignment]
            entries, lost_entries = _readable_rows(engine, entries_table, present)
            tables: dict[str, list[dict[str, Any]]] = {}
            lost: dict[str, Lost] = {"entries": lost_entries}
            for table in metadata().sorted_tables:
                if table.name not in SKIPPED_TABLES and table.name in present:
                    rows, lost[table.name] = _readable_rows(engine, table, present)
                    tables[table.name] = rows
        finally:
            engine.dispose()
    document = {
        "format": solace_json.FORMAT,
        "version": solace_json.FORMAT_VERSION,
        "entries": [
            entry_dict(SimpleNamespace(**(ENTRY_DEFAULTS | row)))  # type: ignore[arg-type]
            for row in entries
        ],
        "tables": {
            name: [{k: plain(v) for k, v in row.items()} for row in rows]
            for name, rows in tables.items()
        },
    }
    plan = solace_json.parse(json.dumps(document, ensure_ascii=False))
    journal, recovery = create_journal(data_dir, new_name, new_passphrase, kdf)
    try:
        result = apply(journal, plan, backup=False)
    except BaseException:
        journal.lock()
        raise
    unreadable = tuple(told for name, gap in lost.items() if (told := gap.told(name)))
    return Rescued(journal, recovery, result.entries, result.rows, unreadable)


@dataclass(frozen=True, slots=True)
class Lost:
    """Rows of one table that could not be read: at most ``between`` among those read,
    and, when ``after_last``, any after the last one read."""

    between: int = 0
    after_last: bool = False

    def told(self, table: str) -> str:
        """A phrase for the summary ("up to 12 entries"), or "" when nothing was lost."""
        what = PLAIN_NAMES.get(table, table.replace("_", " "))
        if self.between and self.after_last:
            return f"up to {self.between} {what}, and any written after the last one rescued"
        if self.between:
            return f"up to {self.between} {what}"
        if self.after_last:
            return f"any {what} written after the last one rescued"
        return ""


@contextmanager
def _scratch_copy(data_dir: Path, folder: Path) -> Iterator[Path]:
    """A copy of ``folder``'s database (and WAL) in a private scratch folder, removed
    afterwards (it is ciphertext, as the original)."""
    scratch = ensure_private_dir(data_dir / f".rescue-{uuid.uuid4()}")
    try:
        copy = scratch / DATABASE_NAME
        shutil.copyfile(folder / DATABASE_NAME, copy)
        wal = folder / f"{DATABASE_NAME}-wal"
        if wal.is_file():
            shutil.copyfile(wal, scratch / wal.name)
        yield copy
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _columns_present(engine: Engine) -> dict[str, set[str]]:
    """The tables of the damaged database and their columns (from its own schema, so
    a journal of an older schema revision is read as it is)."""
    found: dict[str, set[str]] = {}
    with engine.connect() as connection:
        for table in metadata().sorted_tables:
            rows = connection.exec_driver_sql(f'PRAGMA table_info("{table.name}")').all()
            if rows:
                found[table.name] = {str(row[1]) for row in rows}
    return found


def _readable_rows(
    engine: Engine, table: Table, present: dict[str, set[str]]
) -> tuple[list[dict[str, Any]], Lost]:
    """Every row of ``table`` that can be read (its columns ``present`` in the damaged
    database), in rowid order, and what could not be (the rowids between, an upper
    bound; whether the damage reaches the end)."""
    if table.name not in present:
        return [], Lost()
    columns = [c for c in table.columns if c.name in present[table.name]]
    rowid: ColumnClause[int] = literal_column("rowid")
    found: list[dict[str, Any]] = []
    lost = 0
    last = -1  # rowids start at 1

    def after(start: int, limit: int) -> list[dict[str, Any]] | None:
        query = select(*columns, rowid.label("_rowid_")).where(rowid > start)
        try:
            with engine.connect() as connection:
                rows = connection.execute(query.order_by(rowid).limit(limit)).mappings().all()
        except DBAPIError:
            engine.dispose()  # SQLCipher keeps a page's failure on its connection
            return None
        return [dict(row) for row in rows]

    while True:
        batch = after(last, BATCH) or after(last, 1)
        if batch is None:  # a damaged page right after `last`: find where reading resumes
            bad, step = last, 1
            while bad + step < _FURTHEST and after(bad + step, 1) is None:
                bad, step = bad + step, step * 2
            if bad + step >= _FURTHEST:
                return found, Lost(lost, after_last=True)  # nothing readable after it
            good = bad + step
            while good - bad > 1:  # the first start past the damage that reads
                middle = (bad + good) // 2
                if after(middle, 1) is None:
                    bad = middle
                else:
                    good = middle
            batch = after(good, 1)
            if not batch:
                return found, Lost(lost, after_last=True)
            lost += int(batch[0]["_rowid_"]) - last - 1
        if not batch:
            break
        for row in batch:
            last = int(row.pop("_rowid_"))
            found.append(row)
    return found, Lost(lost)
