"""The journals on this computer: create, list, unlock, re-key and remove them.

This module ties the vault header, the encrypted database, migrations and
snapshots together. Every step that could fail half-way is ordered so that a crash
leaves the journal openable with exactly one set of credentials:

* creating: the database is written first, the header last, so a journal only
  appears in the list once it is complete;
* changing the passphrase: one atomic rewrite of the header;
* rotating the data key: the header first gains a passphrase slot for the new key
  (generation n+1), then ``PRAGMA rekey`` runs as one transaction, then the header
  drops generation n. Whichever key opens the database on the next unlock is kept.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from sqlalchemy import insert, select

from journal import __version__
from journal.errors import JournalDamaged, WrongPassphrase
from journal.paths import ensure_private_dir, journals_dir
from journal.storage import migrate
from journal.storage.database import Database
from journal.storage.lock import keys, snapshots
from journal.storage.lock.engine import open_engine, raw_key_literal
from journal.storage.lock.keys import DEFAULT_KDF, KdfParams
from journal.storage.lock.vault import (
    DATABASE_NAME,
    JournalInfo,
    SlotKind,
    VaultHeader,
    make_slot,
    new_header,
    passphrase_fits,
    read_header,
    unwrap_candidates,
    with_slots,
    write_header,
)
from journal.storage.models import JournalMeta

log = logging.getLogger(__name__)


class OpenJournal:
    """An unlocked journal. `lock` forgets the key and the database engine."""

    def __init__(self, folder: Path, header: VaultHeader, data_key: bytes, db: Database) -> None:
        self.folder = folder
        self.header = header
        self._data_key: bytes | None = data_key
        self.db = db
        self.needs_new_recovery_key = False

    @property
    def info(self) -> JournalInfo:
        h = self.header
        return JournalInfo(h.journal_id, h.name, h.created_at, self.folder)

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise RuntimeError("the journal is locked")
        return self._data_key

    @property
    def is_open(self) -> bool:
        return self._data_key is not None

    def _passphrase_kdf(self) -> KdfParams:
        return next(s.kdf for s in self.header.slots if s.kind is SlotKind.PASSPHRASE)

    def _write(self, header: VaultHeader) -> None:
        write_header(self.folder, header)
        self.header = header

    def _replace_slot(self, kind: SlotKind, secret: bytes, kdf: KdfParams | None = None) -> None:
        """Re-wrap the data key for one kind of secret: one atomic header write. Old
        snapshots would still open with the old secret, so they are replaced too."""
        h = self.header
        slot = make_slot(
            h, kind, h.current_generation, secret, self.data_key, kdf or self._passphrase_kdf()
        )
        self._write(with_slots(h, [*(s for s in h.slots if s.kind is not kind), slot]))
        snapshots.replace_all_snapshots(self.db.engine, self.folder, self.data_key)

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        self._replace_slot(SlotKind.PASSPHRASE, keys.normalise_passphrase(new_passphrase), kdf)

    def new_recovery_key(self) -> str:
        """Replace the recovery key; the old one stops working."""
        recovery = keys.new_recovery_key()
        self._replace_slot(SlotKind.RECOVERY, keys.normalise_recovery_key(recovery))
        self.needs_new_recovery_key = False
        return recovery

    def rotate_data_key(self, passphrase: str) -> str:
        """Re-encrypt the whole database under a new random key (``PRAGMA rekey``).

        Returns the new recovery key: the old one wrapped the old data key.
        """
        if not self.check_passphrase(passphrase):
            raise WrongPassphrase()
        h = self.header
        secret = keys.normalise_passphrase(passphrase)
        old_generation = h.current_generation
        new_generation = old_generation + 1
        new_key = keys.new_data_key()
        kdf = self._passphrase_kdf()
        pending = make_slot(h, SlotKind.PASSPHRASE, new_generation, secret, new_key, kdf)
        self._write(with_slots(h, [*h.slots, pending]))
        with self.db.engine.connect() as connection:
            connection.exec_driver_sql(f'PRAGMA rekey = "{raw_key_literal(new_key)}"')
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master")
        self._data_key = new_key
        self._write(with_slots(self.header, [pending]))
        # The engine's URL still holds the old key; reopen so a reconnect uses the new one.
        self.db.close()
        self.db = Database(open_engine(self.folder / DATABASE_NAME, new_key))
        return self.new_recovery_key()

    def check_passphrase(self, passphrase: str) -> bool:
        return passphrase_fits(self.header, passphrase)

    def snapshot(self, reason: str) -> Path:
        return snapshots.snapshot(self.db.engine, self.folder, self.data_key, reason)

    def lock(self) -> None:
        self.db.close()
        self._data_key = None


def create_journal(
    data_dir: Path, name: str, passphrase: str, kdf: KdfParams = DEFAULT_KDF
) -> tuple[OpenJournal, str]:
    """A new journal and its recovery key (to show once)."""
    header = new_header(name)
    ensure_private_dir(data_dir)
    folder = ensure_private_dir(ensure_private_dir(journals_dir(data_dir)) / header.journal_id)
    data_key = keys.new_data_key()
    recovery = keys.new_recovery_key()
    slots = [
        make_slot(
            header, SlotKind.PASSPHRASE, 1, keys.normalise_passphrase(passphrase), data_key, kdf
        ),
        make_slot(
            header, SlotKind.RECOVERY, 1, keys.normalise_recovery_key(recovery), data_key, kdf
        ),
    ]
    engine = open_engine(folder / DATABASE_NAME, data_key, must_exist=False)
    migrate.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(
            insert(JournalMeta),
            [
                {"key": "journal_id", "value": header.journal_id},
                {"key": "created_by", "value": __version__},
            ],
        )
    header = with_slots(header, slots)
    write_header(folder, header)
    for path in folder.iterdir():
        if path.is_file():
            path.chmod(0o600)
    return OpenJournal(folder, header, data_key, Database(engine)), recovery


def unlock_journal(folder: Path, kind: SlotKind, secret: bytes) -> OpenJournal:
    """Open with whichever wrapped key (of any generation) this secret unwraps."""
    header = read_header(folder)
    candidates = unwrap_candidates(header, kind, secret)
    if not candidates:
        raise WrongPassphrase()
    db_path = folder / DATABASE_NAME
    if not db_path.is_file():
        raise JournalDamaged("The journal database file is missing.")
    for generation, data_key in candidates:
        try:
            engine = open_engine(db_path, data_key)
        except WrongPassphrase:
            continue
        db = Database(engine)
        journal = OpenJournal(folder, header, data_key, db)
        try:
            _settle_generations(journal, generation)
            _check_identity(journal)
            migrate.upgrade(engine, snapshot=partial(journal.snapshot, "before-upgrade"))
        except BaseException:
            journal.lock()
            raise
        return journal
    raise WrongPassphrase()


def _settle_generations(journal: OpenJournal, opened: int) -> None:
    """Finish or forget a key rotation that a crash interrupted."""
    h = journal.header
    keep = [s for s in h.slots if s.generation == opened]
    if len(keep) == len(h.slots):
        return
    log.info("completing an interrupted key rotation")
    journal._write(with_slots(h, keep))
    if not any(s.kind is SlotKind.RECOVERY for s in keep):
        journal.needs_new_recovery_key = True


def _check_identity(journal: OpenJournal) -> None:
    with journal.db.session() as session:
        stored = session.scalar(select(JournalMeta.value).where(JournalMeta.key == "journal_id"))
    if stored is not None and stored != journal.header.journal_id:
        raise JournalDamaged("The database belongs to a different journal.")
