"""The journals on this computer, as the lock screen sees them.

Listing reads only the small vault headers. Creating and unlocking need SQLAlchemy,
Alembic and SQLCipher, which `journal.storage.lock.journal` brings in: it is imported
inside those methods so that the lock screen appears before that stack has loaded
(start-up loads it in the background straight after the first paint).
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from journal.errors import JournalDamaged, RequirementMissing, WrongPassphrase, WrongRecoveryKey
from journal.paths import journals_dir
from journal.storage.lock import keys
from journal.storage.lock.keys import DEFAULT_KDF, KdfParams
from journal.storage.lock.vault import (
    HEADER_NAME,
    JournalInfo,
    SlotKind,
    passphrase_fits,
    read_header,
)

if TYPE_CHECKING:
    from journal.storage.lock.journal import OpenJournal


@cache
def require_sqlcipher() -> None:
    """Refuse to open any journal when the SQLCipher build lacks what Solace needs."""
    from journal.storage.lock.selfcheck import run_self_check

    report = run_self_check()
    if not report.ok:
        raise RequirementMissing(
            "Solace cannot open journals safely on this computer: "
            + " ".join(report.problems)
            + " Nothing was opened or changed."
        )


class JournalStore:
    """All journals under one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.root = journals_dir(data_dir)

    def journals(self) -> list[JournalInfo]:
        """Complete journals, by name. A folder without a header is an unfinished
        creation and is skipped; a header that cannot be read is listed as such."""
        if not self.root.is_dir():
            return []
        found: list[JournalInfo] = []
        for folder in sorted(p for p in self.root.iterdir() if p.is_dir()):
            if not (folder / HEADER_NAME).exists():
                continue
            try:
                h = read_header(folder)
                found.append(JournalInfo(h.journal_id, h.name, h.created_at, folder))
            except JournalDamaged:
                found.append(JournalInfo(folder.name, folder.name, "", folder, readable=False))
        return sorted(found, key=lambda j: (j.name.casefold(), j.created_at))

    def create(
        self, name: str, passphrase: str, kdf: KdfParams = DEFAULT_KDF
    ) -> tuple[OpenJournal, str]:
        """A new journal and its recovery key (to show once)."""
        from journal.storage.lock.journal import create_journal

        require_sqlcipher()
        return create_journal(self.data_dir, name, passphrase, kdf)

    def unlock(self, folder: Path, passphrase: str) -> OpenJournal:
        return self._unlock(folder, SlotKind.PASSPHRASE, keys.normalise_passphrase(passphrase))

    def unlock_with_recovery_key(self, folder: Path, recovery_key: str) -> OpenJournal:
        try:
            return self._unlock(
                folder, SlotKind.RECOVERY, keys.normalise_recovery_key(recovery_key)
            )
        except WrongPassphrase:
            raise WrongRecoveryKey() from None

    def check_passphrase(self, folder: Path, passphrase: str) -> bool:
        return passphrase_fits(read_header(folder), passphrase)

    def remove(self, folder: Path, passphrase: str) -> None:
        """Delete a journal for good. The header goes first: without it the rest
        is unreadable ciphertext even before the files are gone."""
        if not self.check_passphrase(folder, passphrase):
            raise WrongPassphrase()
        (folder / HEADER_NAME).unlink()
        shutil.rmtree(folder)

    def _unlock(self, folder: Path, kind: SlotKind, secret: bytes) -> OpenJournal:
        from journal.storage.lock.journal import unlock_journal

        require_sqlcipher()
        return unlock_journal(folder, kind, secret)
