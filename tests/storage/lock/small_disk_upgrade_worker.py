"""Upgrades journals made by an older Solace on a really small file system (an 8 MB
tmpfs), for test_small_disk_upgrade.py. Run inside ``unshare --user --map-root-user
--mount`` so that the tmpfs can be mounted without privileges and vanishes with the
process.

usage: small_disk_upgrade_worker.py MOUNT_POINT

Prints one JSON object: what a check of a journal on a full disk found, what an
unlock that must first update a journal (its own, and a partner's in Together) was
told without the room for it and what it left, and what the unlock did once there was
room.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from journal.domain.entries.entry import new_entry
from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.journal import OpenJournal, upgrade_room
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.backups import (
    deep_check_pending,
    list_backups,
    take_backup_at_lock,
)
from journal.storage.safekeeping.backups import pending as is_pending
from journal.storage.safekeeping.checks import check_pages
from journal.storage.together.session import open_partner, update_partner
from tests.storage.downgraded import downgrade
from tests.storage.lock.full_disk_unlock_worker import fill

PASSPHRASE = "quiet river stone lantern"
PARTNER = "slow tide over the harbour"
WORDS = "She would have been born in May."
OLDER = ("0026_backslash_headlines", "0025_answer_and_sign_zones")  # before 0027 and 0028


def older_journal(store: JournalStore, name: str, passphrase: str) -> tuple[Path, bytes, str]:
    """A journal as the version before 0027 and 0028 left it, with entries; (its
    folder, its data key, an entry's id)."""
    journal, _ = store.create(name, passphrase, LIGHT_KDF)
    journal.confirm_recovery_key()
    start = datetime(2026, 5, 1, tzinfo=UTC)
    entries = [
        replace(new_entry(start + timedelta(hours=i)), body=f"{WORDS} Day {i} by the sea.")
        for i in range(150)
    ]
    EntryRepository(journal.db).add_many(entries)
    for revision in OLDER:
        downgrade(journal.db.engine, revision)
    folder, key = journal.folder, bytes(journal.data_key)
    journal.lock()
    return folder, key, entries[-1].id


def leave_free(filler: Path, mount: Path, free: int) -> None:
    """Fill the file system until about ``free`` bytes are left."""
    filler.unlink(missing_ok=True)
    spare = shutil.disk_usage(mount).free - free
    subprocess.run(["fallocate", "-l", str(max(spare, 0)), str(filler)], check=True)


def told(run) -> str:  # type: ignore[no-untyped-def]
    try:
        run().lock()
    except Exception as error:  # what the person would be told
        return f"{type(error).__name__}: {error}"
    return "opened"


def opened_and_updated(store: JournalStore, owner: OpenJournal, folder: Path) -> None:
    """Together's opening of a partner's older journal, once she agreed to its update."""
    partner = open_partner(store, owner, folder, PASSPHRASE)
    try:
        assert partner.needs_update
        update_partner(owner, partner)
    finally:
        partner.lock()


def main() -> None:
    mount = Path(sys.argv[1])
    mount.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], check=True)
    store = JournalStore(mount / "data")
    folder, key, entry_id = older_journal(store, "Eve", PASSPHRASE)
    partner_folder, _, _ = older_journal(store, "Sam", PARTNER)
    kit_folder, _, _ = older_journal(store, "Kit", PASSPHRASE)
    database = folder / "journal.db"
    filler = mount / "filler"
    seen: dict[str, object] = {}

    fill(filler)  # not a byte left: reading needs SQLite's index of the log
    seen["check"] = list(check_pages(database, key).problems)

    needed = upgrade_room(folder)
    leave_free(filler, mount, needed - (64 << 10))  # the snapshot fits, the update not
    seen["unlock"] = told(lambda: store.unlock(folder, PASSPHRASE))
    seen["backups"] = len(list_backups(folder))

    filler.unlink()
    owner = store.unlock(partner_folder, PARTNER)  # Sam's, updated with room to spare
    leave_free(filler, mount, needed - (64 << 10))
    seen["partner"] = told(lambda: opened_and_updated(store, owner, folder))
    owner.lock()
    # The owner's journal on the computer's disk, the partner's on this small one: a
    # USB stick, whose room freeing space on the computer does not give.
    home = JournalStore(mount.parent / "home")
    home_owner = home.unlock(older_journal(home, "Ada", PARTNER)[0], PARTNER)
    seen["partner_stick"] = told(lambda: opened_and_updated(home, home_owner, folder))
    home_owner.lock()

    # Room for the update, not for the compaction after it: the journal opens, and
    # its file is compacted at the first unlock with room.
    leave_free(filler, mount, needed + (64 << 10))
    before = database.stat().st_size
    opened = store.unlock(folder, PASSPHRASE)
    kept = EntryRepository(opened.db).get(entry_id)
    seen["after"] = kept.body if kept is not None else ""
    seen["at_heads"] = migrate.current_revisions(opened.db.engine) == migrate.HEADS
    seen["pending"] = pending(opened)
    seen["grew"] = database.stat().st_size - before
    opened.lock()
    filler.unlink()
    opened = store.unlock(folder, PASSPHRASE)
    seen["pending_after_room"] = pending(opened)
    seen["shrank"] = before - database.stat().st_size
    seen["backups_after"] = len(list_backups(folder))

    # Room for the update and for the file once more, not twice: the compaction, whose
    # log can pass the file's size, waits (it filled the disk to its last byte).
    kit = kit_folder / "journal.db"
    leave_free(filler, mount, upgrade_room(kit_folder) + kit.stat().st_size + (64 << 10))
    kit_opened = store.unlock(kit_folder, PASSPHRASE)
    seen["kit_pending"] = pending(kit_opened)
    kit_opened.lock()
    filler.unlink()

    # The day's backup taken at a lock waits for its checks; on a full disk they
    # cannot read it, and it is kept for a later look, not deleted as damaged.
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    take_backup_at_lock(opened.db.engine, folder, now=tomorrow)
    seen["pending_before"] = sum(1 for b in list_backups(folder) if is_pending(b))
    fill(filler)
    generation = opened.key_generation
    seen["deep_full"] = deep_check_pending(folder, key, generation)
    seen["pending_kept"] = sum(1 for b in list_backups(folder) if is_pending(b))
    filler.unlink()
    seen["deep_room"] = deep_check_pending(folder, key, generation)
    seen["pending_left"] = sum(1 for b in list_backups(folder) if is_pending(b))
    opened.lock()
    print(json.dumps(seen))


def pending(journal: OpenJournal) -> bool:
    """Whether the journal's file is still to be compacted after its update."""
    with journal.db.engine.connect() as connection:
        row = connection.exec_driver_sql(
            "SELECT 1 FROM journal_meta WHERE key = ?", (migrate.COMPACTION_PENDING,)
        ).first()
    return row is not None


if __name__ == "__main__":
    os.umask(0o077)
    main()
