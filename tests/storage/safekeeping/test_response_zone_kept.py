"""A Together response keeps the zone it was written in through every way a journal is
carried: an export imported into another journal, a rescue into a new journal, and a
restore of a backup, also one made before responses had a zone (migration
0024_response_zone gives it the zone of the journal's nearest zoned record). Break test
9 of session 15, finding 10. Real SQLCipher journals in tmp_path."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path

from journal.domain.entries.entry import new_entry
from journal.domain.safekeeping import solace_json
from journal.domain.safekeeping.rotation import Reason
from journal.domain.together.items import Side
from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.archive import write_archive
from journal.storage.safekeeping.export import export_journal
from journal.storage.safekeeping.importer import apply
from journal.storage.safekeeping.rescue import rescue
from journal.storage.safekeeping.restore import restore
from journal.storage.together.responses import Responses
from journal.storage.together.shared import SharedItems
from tests.conftest import PASSPHRASE
from tests.storage.downgraded import downgrade
from tests.time_zones import in_zone

NEW_YORK = "America/New_York"


def _responded(journal: OpenJournal) -> None:
    """A shared entry written in New York and a response to it written there."""
    written = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
    entry = dataclasses.replace(new_entry(written), body="ours", shared=True, zone=NEW_YORK)
    EntryRepository(journal.db).save(entry)
    with in_zone(NEW_YORK):
        Responses(journal.db).add(entry.id, "I read it at 9 in the evening.", Side.OWNER)


def _zones(journal: OpenJournal) -> list[str | None]:
    return [r.zone for r in SharedItems(journal.db, Side.OWNER, "Ben").responses()]


def test_an_export_imported_elsewhere_keeps_the_responses_zone(journal, store, tmp_path):
    _responded(journal)
    revisions = sorted(migrate.current_revisions(journal.db.engine))
    result = export_journal(journal.db, tmp_path, revisions)
    plan = solace_json.parse((result.folder / "journal.json").read_text(encoding="utf-8"))
    other, _recovery = store.create("Other", PASSPHRASE, LIGHT_KDF)
    apply(other, plan, keep_shared=True)
    with in_zone("Asia/Kolkata"):
        assert _zones(other) == [NEW_YORK]
    other.lock()


def test_a_rescue_keeps_the_responses_zone(journal, data_dir):
    _responded(journal)
    folder = journal.folder
    journal.lock()
    with in_zone("Asia/Kolkata"):
        result = rescue(data_dir, folder, PASSPHRASE, "Rescued", "a new passphrase here", LIGHT_KDF)
        try:
            assert _zones(result.journal) == [NEW_YORK]
        finally:
            result.journal.lock()


def test_a_restored_backup_keeps_the_responses_zone(journal, store, data_dir, tmp_path):
    _responded(journal)
    backup = journal.backup(Reason.MANUAL)
    archive = write_archive(backup.database, backup.header, backup.taken_at, tmp_path / "b.x")
    folder = journal.folder
    journal.lock()
    elsewhere = JournalStore(tmp_path / "another computer")
    with in_zone("Asia/Kolkata"):
        restore(elsewhere.data_dir, archive, PASSPHRASE)
        (listed,) = elsewhere.journals()
        opened = elsewhere.unlock(listed.folder, PASSPHRASE)
        assert _zones(opened) == [NEW_YORK]
        opened.lock()
    assert folder.exists()


def test_a_backup_made_before_responses_had_a_zone_is_given_one_at_restore(
    journal, store, data_dir, tmp_path
):
    _responded(journal)
    downgrade(journal.db.engine, "0006_together")  # as a journal of before 0024 was
    old = journal.backup(Reason.MANUAL)
    archive = write_archive(old.database, old.header, old.taken_at, tmp_path / "old.x")
    journal.lock()
    elsewhere = JournalStore(tmp_path / "another computer")
    with in_zone("Asia/Kolkata"):
        restore(elsewhere.data_dir, archive, PASSPHRASE)
        (listed,) = elsewhere.journals()
        opened = elsewhere.unlock(listed.folder, PASSPHRASE)
        assert _zones(opened) == [NEW_YORK]  # the shared entry's, nearest in time
        opened.lock()


def test_a_rescue_of_a_journal_from_before_responses_had_a_zone_gives_them_one(
    journal, data_dir
):
    """The rescue reads a damaged journal as its own schema revision holds it: a
    response of before 0024 gets the zone 0024 would have given it."""
    _responded(journal)
    downgrade(journal.db.engine, "0006_together")
    folder = journal.folder
    journal.lock()
    result = rescue(data_dir, folder, PASSPHRASE, "Rescued", "a new passphrase here", LIGHT_KDF)
    try:
        assert _zones(result.journal) == [NEW_YORK]
    finally:
        result.journal.lock()


def test_the_export_names_the_zone(journal, tmp_path: Path):
    _responded(journal)
    result = export_journal(journal.db, tmp_path, ["x"])
    text = (result.folder / "journal.json").read_text(encoding="utf-8")
    assert f'"zone": "{NEW_YORK}"' in text.split('"together_responses"')[1]


def test_an_export_of_an_older_solace_gives_its_responses_and_appointments_a_zone(journal):
    """An export written before 0024 (responses) or 0018 (appointments) has no zone
    for them: they take the zone of the nearest zoned record, as the migrations give
    the journal's own, here a shared entry written in New York."""
    written = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
    entry = dataclasses.replace(new_entry(written), body="ours", shared=True, zone=NEW_YORK)
    EntryRepository(journal.db).save(entry)
    document = {
        "format": solace_json.FORMAT,
        "version": solace_json.FORMAT_VERSION,
        "entries": [],
        "tables": {
            "together_responses": [
                {
                    "id": "r1",
                    "entry_id": entry.id,
                    "text": "here",
                    "created_at": "2026-11-02T02:02:00+00:00",
                }
            ],
            "body_appointments": [
                {"id": "a1", "when": "2026-12-15T15:00:00+00:00", "place": "Dr Weber"}
            ],
        },
    }
    plan = solace_json.parse(json.dumps(document))
    assert apply(journal, plan, backup=False).rows == 2
    with in_zone("Asia/Kolkata"):
        assert _zones(journal) == [NEW_YORK]
        with journal.db.engine.connect() as connection:
            zone = connection.exec_driver_sql("SELECT zone FROM body_appointments").scalar()
        assert zone == NEW_YORK
