"""The vault: create, unlock, wrong passphrases, recovery key, passphrase change,
data-key rotation, damaged files. Real SQLCipher files in tmp_path."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import text

from journal.domain.safekeeping.rotation import Reason
from journal.errors import (
    DatabaseTooNew,
    JournalDamaged,
    JournalMissing,
    WrongPassphrase,
    WrongRecoveryKey,
)
from journal.storage import migrate
from journal.storage.lock.engine import open_engine
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.vault import passphrase_fits, read_header
from tests.conftest import PASSPHRASE
from tests.storage.downgraded import downgrade


def fingerprint(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time under a folder."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def write_rows(journal, count: int = 50) -> None:
    for i in range(count):
        journal.db.set_setting(f"row-{i}", f"value {i}")


def rows(journal) -> list[str]:
    with journal.db.session() as session:
        return list(
            session.execute(
                text("SELECT value FROM journal_settings WHERE key LIKE 'row-%' ORDER BY key")
            ).scalars()
        )


def test_created_journal_reopens_with_its_data(store):
    journal, recovery = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_rows(journal)
    journal.lock()
    again = store.unlock(journal.folder, PASSPHRASE)
    assert len(rows(again)) == 50
    assert len(recovery.split("-")) == 8
    again.lock()


def test_database_and_header_are_private_and_not_plaintext(store, data_dir):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.lock()
    db = journal.folder / "journal.db"
    assert not db.read_bytes().startswith(b"SQLite format 3")
    for path in [data_dir / "journals", journal.folder]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o700
    for path in journal.folder.iterdir():
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    header = json.loads((journal.folder / "vault.json").read_text())
    assert header["slots"][0]["kdf"]["algorithm"] == "argon2id"
    assert PASSPHRASE not in (journal.folder / "vault.json").read_text()


WRONG = [
    "",
    PASSPHRASE + " ",
    " " + PASSPHRASE,
    "x" * 1000,
    "quote \" and ' apostrophe",
    "#@/:?%+",
    "\U0001f56f\ufe0f candle",
    PASSPHRASE.upper(),
]


@pytest.mark.parametrize("attempt", WRONG, ids=range(len(WRONG)))
def test_wrong_passphrase_changes_nothing_and_right_one_still_opens(store, attempt):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_rows(journal, 3)
    journal.lock()
    before = fingerprint(journal.folder)
    with pytest.raises(WrongPassphrase) as raised:
        store.unlock(journal.folder, attempt)
    assert "did not open this journal" in raised.value.message
    assert fingerprint(journal.folder) == before
    opened = store.unlock(journal.folder, PASSPHRASE)
    assert len(rows(opened)) == 3
    opened.lock()


@pytest.mark.parametrize(
    "passphrase",
    ['a "quoted" pass%word', "#@/:?%+ and more", "\u05e9\u05dc\u05d5\u05dd \U0001f56f"],
)
def test_passphrases_with_any_characters_work(store, passphrase):
    journal, _ = store.create("Mine", passphrase, LIGHT_KDF)
    journal.lock()
    store.unlock(journal.folder, passphrase).lock()


def test_the_same_words_typed_in_nfd_open_a_journal_made_in_nfc(store):
    nfc = unicodedata.normalize("NFC", "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    journal, _ = store.create("Mine", nfc, LIGHT_KDF)
    journal.lock()
    store.unlock(journal.folder, nfd).lock()
    with pytest.raises(WrongPassphrase):
        store.unlock(journal.folder, "cafe creme brulee")


def test_recovery_key_opens_in_any_case_and_spacing(store):
    journal, recovery = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()  # an unconfirmed key opens nothing
    write_rows(journal, 5)
    journal.lock()
    typed = recovery.lower().replace("-", " ")
    opened = store.unlock_with_recovery_key(journal.folder, typed)
    assert len(rows(opened)) == 5
    opened.lock()
    with pytest.raises(WrongRecoveryKey):
        store.unlock_with_recovery_key(journal.folder, "AAAA-" + recovery[5:])
    with pytest.raises(WrongPassphrase):
        store.unlock(journal.folder, recovery)


def test_changing_the_passphrase_keeps_every_row_and_retires_the_old_one(store):
    journal, recovery = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()  # an unconfirmed key opens nothing
    write_rows(journal)
    journal.change_passphrase("a brand new passphrase")
    journal.lock()
    with pytest.raises(WrongPassphrase):
        store.unlock(journal.folder, PASSPHRASE)
    opened = store.unlock(journal.folder, "a brand new passphrase")
    assert len(rows(opened)) == 50
    opened.lock()
    store.unlock_with_recovery_key(journal.folder, recovery).lock()


def test_rotating_the_data_key_reencrypts_and_retires_old_keys(store):
    journal, old_recovery = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()
    write_rows(journal)
    old_key = journal.data_key
    held = journal.db  # as every open view (the body log, the journal) holds it
    new_recovery = journal.rotate_data_key(PASSPHRASE)
    journal.confirm_recovery_key()  # an unconfirmed key opens nothing
    assert journal.data_key != old_key
    assert len(rows(journal)) == 50
    held.set_setting("after-rotation", "still written")  # not "the journal is locked"
    assert journal.db.get_setting("after-rotation") == "still written"
    journal.lock()
    with pytest.raises(WrongPassphrase):
        open_engine(journal.folder / "journal.db", old_key)
    with pytest.raises(WrongRecoveryKey):
        store.unlock_with_recovery_key(journal.folder, old_recovery)
    store.unlock_with_recovery_key(journal.folder, new_recovery).lock()
    opened = store.unlock(journal.folder, PASSPHRASE)
    assert len(rows(opened)) == 50
    opened.lock()


def test_rotation_needs_the_right_passphrase(store):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    with pytest.raises(WrongPassphrase):
        journal.rotate_data_key("not it")
    journal.lock()


def test_snapshots_are_rewrapped_when_the_passphrase_changes(store):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    # Two safety copies: the rotation keeps both (two "manual" ones of one day would
    # be one, the newest of that day).
    journal.snapshot("before-import")
    journal.snapshot("before-restore")
    journal.change_passphrase("another long passphrase")
    snapshots = sorted((journal.folder / "backups").iterdir())
    assert len(snapshots) == 2  # the history is kept, under the new passphrase only
    current = json.loads((journal.folder / "vault.json").read_text())
    for snapshot in snapshots:
        assert json.loads((snapshot / "vault.json").read_text()) == current
        assert not passphrase_fits(read_header(snapshot), PASSPHRASE)
    journal.lock()


def test_missing_header_is_reported_kindly(store):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.lock()
    (journal.folder / "vault.json").unlink()
    with pytest.raises(JournalMissing):
        store.unlock(journal.folder, PASSPHRASE)


def test_damaged_header_is_listed_and_refused(store):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.lock()
    (journal.folder / "vault.json").write_text("{ not json")
    listed = store.journals()
    assert [j.readable for j in listed] == [False]
    with pytest.raises(JournalDamaged):
        store.unlock(journal.folder, PASSPHRASE)


def test_damaged_database_gives_the_one_message_and_is_left_alone(store):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.lock()
    db = journal.folder / "journal.db"
    raw = bytearray(db.read_bytes())
    raw[:64] = os.urandom(64)
    db.write_bytes(bytes(raw))
    before = fingerprint(journal.folder)
    with pytest.raises(JournalDamaged) as raised:
        store.unlock(journal.folder, PASSPHRASE)
    # The first 16 bytes are SQLCipher's salt: every page's HMAC fails without them.
    assert "does not open with its key" in raised.value.message
    assert fingerprint(journal.folder) == before


def test_missing_database_is_reported(store):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.lock()
    (journal.folder / "journal.db").unlink()
    with pytest.raises(JournalDamaged):
        store.unlock(journal.folder, PASSPHRASE)


def test_a_missing_database_points_to_solaces_own_backup_when_there_is_one(store):
    """Break test 16 of session 11, 11a: with journal.db missing, the lock screen sent
    her looking for a backup file she made, while Solace's own backup was beside it."""
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.lock()
    (journal.folder / "journal.db").unlink()
    (alone,) = store.journals()
    assert "If you made a backup file" in alone.help and "Solace keeps" not in alone.help

    journal, _ = store.create("Kept", PASSPHRASE, LIGHT_KDF)
    journal.backup(Reason.DAILY)
    journal.lock()
    (journal.folder / "journal.db").unlink()
    (kept,) = [info for info in store.journals() if info.name == "Kept"]
    assert "journal.db) is missing" in kept.problem
    assert "Solace keeps its own backups of this journal beside it (1 now)" in kept.help
    assert "Restore a backup" in kept.help


def test_a_database_from_a_newer_solace_is_refused_untouched(store):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    with journal.db.engine.begin() as connection:
        connection.execute(text("INSERT INTO alembic_version VALUES ('9999_from_the_future')"))
    journal.lock()
    before = fingerprint(journal.folder)
    with pytest.raises(DatabaseTooNew):
        store.unlock(journal.folder, PASSPHRASE)
    assert fingerprint(journal.folder) == before


@pytest.mark.parametrize(
    "damage",
    ["DELETE FROM alembic_version", "DROP TABLE alembic_version"],
    ids=["record-empty", "record-missing"],
)
def test_a_journal_without_its_version_record_is_told_damaged_untouched(store, damage):
    """Break test 36, findings 1 and 2: told as Solace's own fault ("restarting
    usually helps"), and a missing record was made, empty."""
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    with journal.db.engine.begin() as connection:
        connection.execute(text(damage))
    journal.lock()
    before = fingerprint(journal.folder)
    with pytest.raises(JournalDamaged) as refused:
        store.unlock(journal.folder, PASSPHRASE)
    assert migrate.VERSION_RECORD_DAMAGED in str(refused.value)
    assert fingerprint(journal.folder) == before


def test_a_journal_whose_record_lacks_a_revision_it_holds_is_told_damaged(store):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    with journal.db.engine.begin() as connection:
        connection.execute(
            text("DELETE FROM alembic_version WHERE version_num = '0008_own_idea_offers'")
        )
    journal.lock()
    database = (journal.folder / "journal.db").read_bytes()
    with pytest.raises(JournalDamaged) as refused:
        store.unlock(journal.folder, PASSPHRASE)
    assert migrate.VERSION_RECORD_DAMAGED in str(refused.value)
    assert (journal.folder / "journal.db").read_bytes() == database


def test_an_older_journal_is_snapshotted_then_upgraded(store):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_rows(journal, 3)
    downgrade(journal.db.engine, "0001_vault")
    journal.lock()
    assert not (journal.folder / "backups").exists()
    opened = store.unlock(journal.folder, PASSPHRASE)
    assert migrate.current_revisions(opened.db.engine) == migrate.head_revisions()
    assert len(rows(opened)) == 3
    snapshots = list((journal.folder / "backups").iterdir())
    assert [p.name.split("-", 1)[1] for p in snapshots] == ["before-upgrade"]
    opened.lock()


def test_the_heads_known_without_alembic_are_the_scripts_heads():
    assert migrate.head_revisions() == migrate.HEADS


def test_a_journal_up_to_date_opens_without_loading_alembic(store):
    """Loading Alembic and reading its scripts was 17 ms of a session's first unlock."""
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.lock()
    opened_in_a_fresh_process = (
        "import sys\n"
        "from pathlib import Path\n"
        "from journal.storage.lock.store import JournalStore\n"
        f"journal = JournalStore(Path({str(store.data_dir)!r})).unlock("
        f"Path({str(journal.folder)!r}), {PASSPHRASE!r})\n"
        "journal.lock()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'alembic'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", opened_in_a_fresh_process],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.strip() == "[]"


def test_swapped_database_from_another_journal_is_refused(store):
    first, _ = store.create("First", PASSPHRASE, LIGHT_KDF)
    second, _ = store.create("Second", PASSPHRASE, LIGHT_KDF)
    first.lock()
    second.lock()
    # Give the second journal the first one's header and database key by copying
    # the first header over: its key opens the first database only.
    (second.folder / "journal.db").write_bytes((first.folder / "journal.db").read_bytes())
    header = json.loads((first.folder / "vault.json").read_text())
    header["journal_id"] = json.loads((second.folder / "vault.json").read_text())["journal_id"]
    del header["checksum"]  # made on purpose, not damaged: the key's AEAD still refuses it
    (second.folder / "vault.json").write_text(json.dumps(header))
    with pytest.raises(WrongPassphrase):
        store.unlock(second.folder, PASSPHRASE)


def test_journals_are_listed_by_name_and_removed_with_the_passphrase(store):
    b, _ = store.create("Sam", PASSPHRASE, LIGHT_KDF)
    a, _ = store.create("alex", "another long passphrase", LIGHT_KDF)
    a.lock()
    b.lock()
    assert [j.name for j in store.journals()] == ["alex", "Sam"]
    with pytest.raises(WrongPassphrase):
        store.remove(a.folder, PASSPHRASE)
    store.remove(a.folder, "another long passphrase")
    assert [j.name for j in store.journals()] == ["Sam"]
    assert not a.folder.exists()


def test_an_unfinished_creation_is_not_listed(store, data_dir):
    (data_dir / "journals" / "half-made").mkdir(parents=True)
    assert store.journals() == []


def test_locking_forgets_the_key_and_engine(store):
    journal, _ = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.lock()
    assert not journal.is_open
    assert not journal.db.is_open
    with pytest.raises(RuntimeError):
        _ = journal.data_key
    assert not (journal.folder / "journal.db-wal").exists()


@pytest.mark.slow
def test_default_key_derivation_is_recorded_and_opens(store):
    from journal.storage.lock.keys import DEFAULT_KDF

    journal, _ = store.create("Defaults", PASSPHRASE)
    journal.lock()
    header = json.loads((journal.folder / "vault.json").read_text())
    for slot in header["slots"]:
        assert slot["kdf"]["memory_kib"] == DEFAULT_KDF.memory_kib
        assert slot["kdf"]["iterations"] == DEFAULT_KDF.iterations
    store.unlock(journal.folder, PASSPHRASE).lock()


def test_journals_made_with_older_parameters_still_open(store):
    """Each slot keeps the parameters it was made with, whatever the defaults become."""
    from journal.storage.lock.keys import KdfParams

    older = KdfParams(iterations=2, memory_kib=128, lanes=1)
    journal, _ = store.create("Older", PASSPHRASE, older)
    journal.lock()
    store.unlock(journal.folder, PASSPHRASE).lock()
