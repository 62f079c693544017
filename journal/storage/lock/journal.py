"""The journals on this computer: create, list, unlock, re-key and remove them.

This module ties the vault header, the encrypted database, migrations and
snapshots together. Every step that could fail half-way is ordered so that a crash
leaves the journal openable with exactly one set of credentials, and the next unlock
finishes what was started:

* creating: the database is written first, the header last, so a journal only
  appears in the list once it is complete;
* changing the passphrase or recovery key: one atomic rewrite of the header, then
  every snapshot gets the new header (`snapshots.settle`, run again at each unlock);
* rotating the data key: the header first gains a passphrase slot and a recovery
  slot for the new key (generation n+1), then SQLCipher's rekey runs as one
  transaction and is checkpointed into the file, which must then open by its path,
  on a fresh connection, with the new key (else the rotation is undone and told);
  then the copies kept before a restore and the sealed drafts are re-keyed while the
  header still holds the old key, then the header drops generation n and the
  snapshots under the old key are replaced (`_retire_generation`). Whichever key
  opens the database on the next unlock is kept, and the same steps finish there;
  a key file that lost generation n while the database stayed under it is put back
  from a kept copy (`roll_back_rotation`; break test 16 of session 9, finding 18).

A recovery slot records whether the person confirmed writing its key down
(`KeySlot.shown`). After any interruption the next unlock knows whether a working,
confirmed recovery key exists; if not, `OpenJournal.recovery_key_problem` says why
and the lock screen shows a new key before anything else. Why is known from a small
note (`KEY_CHANGE_NAME`, no secret in it) that a rotation or a new recovery key
writes before it starts and removes once its new key is on screen
(`OpenJournal.recovery_key_shown`): with the note left behind, the new key was never
on screen (Solace was interrupted making it, by a crash or by a lock that waited for
it to finish); without it, the key was shown and Solace was closed or locked before
it was confirmed (break test 14, finding 3; session 6, finding 9). A key shown and
not confirmed stops opening the journal when its window closes or the journal locks
over it (`OpenJournal.withdraw_unconfirmed_recovery_key`, noted for the next unlock);
one a crash left in the key file opens nothing (`vault.opening_keys`) and is withdrawn
at the next start or unlock (`withdraw_left_key`; session 7, finding 1). A note left by an
operation cut short before it changed anything is not dropped in silence either
(session 6, findings 3 and 4): a new recovery key the person asked for is made and
shown at the next unlock (`NEW_KEY_NOT_BEGUN`), and a rotation that never began is
told (`OpenJournal.key_change_note`), since the old key and copies still open the
journal. Every key operation asked for in Settings writes its note before its first
slow step, the check of the passphrase typed to confirm it, so a crash in the seconds
after OK is told too; a rotation's note says so (`_ASKED`) until the key file first
changes (break test 14 of session 11, finding 7).

Key operations never overlap a lock or the sealing of drafts: each holds the
journal's key lock (`OpenJournal.wait_for_key_work`), so a lock that lands while one
runs waits for it and then saves, or seals what it cannot save, under the key that is
current from then on. A rotation re-seals the drafts file kept at an earlier lock
under the new key (`drafts.reseal`), as the next unlock does after an interrupted one,
so no sealed words stay on disk under a retired key (session 6, finding 2).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.exc import SQLAlchemyError

from journal import __version__
from journal.domain.common.bidi import quoted
from journal.domain.safekeeping.rotation import Reason
from journal.errors import (
    DiskFull,
    JournalDamaged,
    JournalFileDamaged,
    JournalInUse,
    JournalReadOnly,
    KeyNotChanged,
    SealedDraftsUnreadable,
    SolaceError,
    StorageFailed,
    WrongPassphrase,
)
from journal.files import read_regular_text
from journal.paths import ensure_private_dir, journals_dir
from journal.storage import failures, known_damage, migrate, read_back
from journal.storage.atomic import atomic_write_bytes, fsync_dir
from journal.storage.database import Database
from journal.storage.journal_files import DATABASE_NAME, HEADER_NAME, wal_of
from journal.storage.lock import drafts, keys, names, page_check, snapshots
from journal.storage.lock.engine import open_engine, open_own_engine, rekey_connection, wipe
from journal.storage.lock.kept_beside import DAMAGED, PutBack, keep_beside
from journal.storage.lock.keys import DEFAULT_KDF, KdfParams
from journal.storage.lock.page_check import PageCheck
from journal.storage.lock.vault import (
    JournalInfo,
    KeySlot,
    SlotKind,
    VaultHeader,
    kept_headers,
    make_slot,
    new_header,
    opening_keys,
    passphrase_fits,
    read_header,
    unwrap_candidates,
    with_slots,
    write_header,
)
from journal.storage.models import JournalMeta
from journal.storage.safekeeping import backups, damage
from journal.storage.safekeeping.checks import PAGE_SIZE, held_elsewhere, opens_with
from journal.storage.safekeeping.cut_log import keep_cut_log
from journal.storage.safekeeping.swap import finish_restore

log = logging.getLogger(__name__)

RECOVERY_KEY_MISSING = (
    "Solace was interrupted while it was changing this journal's keys, so the journal "
    "has no working recovery key at the moment. Here is a new one."
)
ROTATION_INTERRUPTED = (
    "Solace was interrupted while it was re-encrypting this journal with a new key, "
    "before it could show you the new recovery key. Your entries are safe and the "
    "re-encryption is now finished, but the recovery key you had before no longer "
    "opens this journal. Here is the new one."
)
NEW_KEY_INTERRUPTED = (
    "Solace was interrupted while it was making your new recovery key, before it "
    "could show it to you. The recovery key you had before no longer opens this "
    "journal, so here is a new one."
)
ROTATION_LOCKED = (
    "Solace was locked (or closed) while it was re-encrypting this journal with a new "
    "key, so the new recovery key was never shown. Your entries are safe and the "
    "re-encryption is finished, but the recovery key you had before no longer opens "
    "this journal. Here is the new one."
)
NEW_KEY_LOCKED = (
    "Solace was locked (or closed) while it was making your new recovery key, so it "
    "was never shown. The recovery key you had before no longer opens this journal, "
    "so here is a new one."
)
# The words for a key never shown, by how it ended: a lock (or Solace closed) or a
# crash, and whether a working recovery key existed before the operation (break test
# 14 of session 9, finding 3: "Solace was interrupted" after Ctrl+L, and "the recovery
# key you had before" when there was none). A crash with a key before: the two above.
_KEY_CHANGE_WORDS = {
    # (operation, locked, had a key before): the words
    ("rotation", False, False): (
        "Solace was interrupted while it was re-encrypting this journal with a new key, "
        "before it could show you the new recovery key. Your entries are safe and the "
        "re-encryption is now finished. Here is your new recovery key."
    ),
    ("rotation", True, True): ROTATION_LOCKED,
    ("rotation", True, False): (
        "Solace was locked (or closed) while it was re-encrypting this journal with a new "
        "key, so the new recovery key was never shown. Your entries are safe and the "
        "re-encryption is finished. Here is your new recovery key."
    ),
    ("recovery-key", False, False): (
        "Solace was interrupted while it was making your new recovery key, before it "
        "could show it to you. Here is a new one."
    ),
    ("recovery-key", True, True): NEW_KEY_LOCKED,
    ("recovery-key", True, False): (
        "Solace was locked (or closed) while it was making your new recovery key, so it "
        "was never shown. Here is a new one."
    ),
}
_LOCKED = "locked"  # added to the note when a lock (not a crash) came before the key showed


RECOVERY_KEY_DAMAGED = (
    "The part of this journal's key file (vault.json) that your recovery key opens is "
    "damaged, so the recovery key you had no longer opens this journal. Your passphrase "
    "still does, and your entries are safe. Here is a new recovery key."
)


RECOVERY_KEY_UNCONFIRMED = (
    "The last recovery key shown was not confirmed as written down (its window was "
    "closed, or Solace was closed or locked, while it was on screen), so it has been "
    "replaced by this new one. Any earlier recovery key no longer opens this journal."
)


RECOVERY_KEY_WITHDRAWN = (
    "The last recovery key shown was not confirmed as written down (its window was "
    "closed, or Solace was closed, locked or stopped, while it was on screen), so it no "
    "longer opens this journal. Here is a new one. Any earlier recovery key no longer "
    "opens this journal either."
)


CHANGE_NOT_MADE_NOTE = (
    "Changing your passphrase was interrupted (Solace was closed or the computer "
    "stopped) before the new one took effect, so nothing changed: the passphrase you "
    "had before still opens this journal, and the new one does not. To change it, "
    "choose Change passphrase… in Settings again."
)
CHANGE_FINISHED_NOTE = (
    "Solace was interrupted while it was changing your passphrase, and has now "
    "finished the change: the new passphrase you chose opens this journal, and the one "
    "you had before no longer does."
)


NEW_KEY_NOT_BEGUN = (
    "Solace was interrupted just as it began making the new recovery key you asked "
    "for, before anything had changed. Here is the new one: from now on it opens this "
    "journal, and the recovery key you had before no longer does."
)
ROTATION_NOT_BEGUN = (
    "Rotating the encryption key was interrupted before it began (Solace was closed or "
    "the computer stopped), so nothing changed: your journal keeps its old key, and "
    "your passphrase, your old recovery key and any copies of the journal made before "
    "(on a USB drive or in a synced folder, say) still open it. To retire them, choose "
    "Rotate encryption key… in Settings again."
)


KEY_CHANGE_NAME = ".key-change"  # a key operation under way: its kind, the old slot's salt
# A change of passphrase under way, noted the same way in a note of its own, so it
# never overwrites a recovery key's note: "passphrase" from Settings, "reset" after an
# unlock with the recovery key, then the old passphrase slot's salt.
CHANGE_NOTE_NAME = ".passphrase-change"
_PASSPHRASE, _RESET = "passphrase", "reset"
_CHANGE_NOT_MADE, _CHANGE_FINISHED = "not-made", "finished"
_ROTATION, _NEW_RECOVERY_KEY = "rotation", "recovery-key"
_INTERRUPTED = {_ROTATION: ROTATION_INTERRUPTED, _NEW_RECOVERY_KEY: NEW_KEY_INTERRUPTED}
# Cut short before the change took effect (the live recovery slot is the old one).
_ROTATION_NOT_BEGUN, _NEW_KEY_NOT_BEGUN = "rotation-not-begun", "recovery-key-not-begun"
# The operations whose note stays on disk until the new recovery key is made.
_NOTE_KEPT = (_ROTATION, _NEW_RECOVERY_KEY, _NEW_KEY_NOT_BEGUN)
# A recovery key shown but not confirmed was taken out of the header (its window was
# closed, or the journal locked over it): the note says why there is no recovery slot.
_WITHDRAWN = "recovery-key-withdrawn"
# The phase of a note written as the person confirms, before any slow step (the
# passphrase check, the key derivations): nothing has changed yet. A rotation rewrites
# its note without it just before the key file first changes (break test 14 of
# session 11, finding 7: the note came about 3 s after OK, and a crash in those
# seconds was never told).
_ASKED = "asked"


def _begin_key_change(
    folder: Path,
    operation: str,
    old: KeySlot | None,
    name: str = KEY_CHANGE_NAME,
    *,
    phase: str = "",
) -> None:
    """Note, durably (written, fsynced, renamed) and before any key is changed, that
    ``operation`` starts while the slot ``old`` is live (only its salt, which the
    header holds anyway); ``phase`` `_ASKED`: nothing has changed yet."""
    salt = old.salt.hex() if old is not None else "-"
    note = f"{operation} {salt} {phase}" if phase else f"{operation} {salt}"
    atomic_write_bytes(folder / name, note.encode())


def _begin_key_change_raw(folder: Path, note: str) -> None:
    """Write a key operation's note as it is given (`_read_note` reads it)."""
    atomic_write_bytes(folder / KEY_CHANGE_NAME, note.encode())


def _end_key_change(folder: Path, name: str = KEY_CHANGE_NAME) -> None:
    """The operation's new recovery key is on screen (or a note left before the change
    took effect is no longer true); for ``CHANGE_NOTE_NAME``, the change is done."""
    note = folder / name
    if note.exists():
        note.unlink()
        fsync_dir(folder)  # gone for good: the next unlock never tells of a crash


def _interrupted_key_change(folder: Path, live: KeySlot | None) -> str:
    """Which operation a crash cut short, read from its note: ``_ROTATION`` or
    ``_NEW_RECOVERY_KEY`` when it had replaced the recovery slot (``live`` is not the
    one it started from); ``_NEW_KEY_NOT_BEGUN`` or ``_ROTATION_NOT_BEGUN`` when it was
    cut before it changed anything; "" when there is no note. The note of a rotation
    that never began goes now (it is told once, `OpenJournal.key_change_note`); a new
    recovery key's stays until the new key is made."""
    try:
        operation, salt, _locked = _read_note(folder)
        asked = _ASKED in _note_words(folder)[2:]
    except (OSError, UnicodeDecodeError):
        return ""
    if operation == _ROTATION and asked:  # cut before the key file changed at all
        with contextlib.suppress(OSError):
            _end_key_change(folder)
        return _ROTATION_NOT_BEGUN
    # The live recovery slot is still the one noted: nothing was replaced. ("-": there
    # was none, and there is still none.)
    replaced = (live.salt.hex() if live is not None else "-") != salt
    if operation == _WITHDRAWN and (live is None or not live.shown):
        return _WITHDRAWN  # the note stays until a new key is made
    if operation in _INTERRUPTED and replaced:
        return operation
    if operation == _NEW_RECOVERY_KEY:
        return _NEW_KEY_NOT_BEGUN
    with contextlib.suppress(OSError):
        _end_key_change(folder)
    return _ROTATION_NOT_BEGUN if operation == _ROTATION else ""


def _read_note(folder: Path) -> tuple[str, str, bool]:
    """A key operation's note (`KEY_CHANGE_NAME`): its operation, the old recovery
    slot's salt in hex ("-" when there was none), and whether Solace locked (or was
    closed) after the operation and before its key was shown. Raises OSError when there
    is none, UnicodeDecodeError when it is not text."""
    words = _note_words(folder)
    operation = words[0] if words else ""
    salt = words[1] if len(words) > 1 else "-"
    return operation, salt, _LOCKED in words[2:]


def _note_bytes(folder: Path) -> bytes | None:
    """The key operation's note (`KEY_CHANGE_NAME`) as it is on disk, None when there is
    none (or it cannot be read)."""
    try:
        return (folder / KEY_CHANGE_NAME).read_bytes()
    except OSError:
        return None


def _put_back_note(folder: Path, before: bytes | None) -> None:
    """The note as it was before an operation that changed nothing (``before``, from
    `_note_bytes`): a note still true (a recovery key withdrawn, say) stays told."""
    if before is None:
        _end_key_change(folder)
    else:
        atomic_write_bytes(folder / KEY_CHANGE_NAME, before)


def _note_words(folder: Path) -> list[str]:
    """The words of a key operation's note (`KEY_CHANGE_NAME`): operation, the old
    recovery slot's salt, then `_LOCKED` or `_ASKED` when they apply. Raises OSError
    when there is none, UnicodeDecodeError when it is not text."""
    return read_regular_text(folder / KEY_CHANGE_NAME, "ascii").split()


def _noted_passphrase_change(folder: Path) -> tuple[str, str] | None:
    """The operation ("passphrase" or "reset") and old passphrase slot's salt (hex) of
    a change of passphrase a crash cut short, or None when none was under way."""
    try:
        operation, _, salt = read_regular_text(folder / CHANGE_NOTE_NAME, "ascii").partition(" ")
    except (OSError, UnicodeDecodeError):
        return None
    return operation, salt


def _live_passphrase_salt(header: VaultHeader) -> str:
    return next(
        (
            s.salt.hex()
            for s in header.slots
            if s.kind is SlotKind.PASSPHRASE and s.generation == header.current_generation
        ),
        "-",
    )


def _passphrase_change(folder: Path, header: VaultHeader) -> str:
    """What became of a change of passphrase a crash cut short (its note is removed
    now: told once, `OpenJournal.key_change_note`): `_CHANGE_NOT_MADE` when the live
    header still has the old passphrase slot, `_CHANGE_FINISHED` when it has the new
    one, "" when none was under way."""
    noted = _noted_passphrase_change(folder)
    if noted is None:
        return ""
    with contextlib.suppress(OSError):
        _end_key_change(folder, CHANGE_NOTE_NAME)
    return _CHANGE_NOT_MADE if _live_passphrase_salt(header) == noted[1] else _CHANGE_FINISHED


def finish_passphrase_change(folder: Path, passphrase: str) -> bool:
    """Finish a change of passphrase a crash cut short after a snapshot's copy of the
    key file took the new passphrase and before the live one did (break test 14 of
    session 7, finding 3: the new passphrase was refused with no word). When
    ``passphrase`` opens such a copy (one that differs from the live key file only in
    its passphrase slot, a new one) to the key of the live database, that copy becomes
    the live key file, as the change would have made it. Returns whether it did; False
    when no change was under way. Raises what writing the key file raises."""
    noted = _noted_passphrase_change(folder)
    if noted is None:
        return False
    live = read_header(folder)
    old_salt = _live_passphrase_salt(live)
    if old_salt != noted[1]:
        return False  # the change is in force already: this passphrase is not it
    others = {replace(s, shown=True) for s in live.slots if s.kind is not SlotKind.PASSPHRASE}
    secret = keys.normalise_passphrase(passphrase)
    for copy in kept_headers(folder):
        if (
            copy.journal_id != live.journal_id
            or _live_passphrase_salt(copy) in (old_salt, "-")
            or {replace(s, shown=True) for s in copy.slots if s.kind is not SlotKind.PASSPHRASE}
            != others
        ):
            continue
        for _generation, key in unwrap_candidates(copy, SlotKind.PASSPHRASE, secret):
            if snapshots.opens_with(folder / DATABASE_NAME, key):
                log.info("finishing a change of passphrase that a crash cut short")
                write_header(folder, copy)
                return True
    return False


def passphrase_change_refusal(folder: Path) -> str:
    """What to say when a passphrase did not open a journal whose change of passphrase
    a crash cut short (`finish_passphrase_change` found no copy it opens), or "" when
    none was under way."""
    noted = _noted_passphrase_change(folder)
    if noted is None:
        return ""
    try:
        in_force = _live_passphrase_salt(read_header(folder)) != noted[1]
    except SolaceError:
        return ""
    if in_force:
        return (
            "That passphrase did not open this journal. Its passphrase was changed just "
            "before Solace was interrupted, so the new passphrase you chose opens it now, "
            "and the one you had before no longer does. Nothing has been changed."
        )
    also = (
        " Your recovery key still opens it too: use it to choose a new passphrase again."
        if noted[0] == _RESET
        else ""
    )
    return (
        "That passphrase did not open this journal. Solace was interrupted while it was "
        "changing the passphrase, before the new one took effect, so the passphrase you "
        f"had before still opens it.{also} Nothing has been changed."
    )


class _NotReEncrypted(SolaceError):
    """SQLCipher's rekey returned, but the live database file did not open with the new
    key afterwards (so the rotation is undone)."""

    def __init__(self) -> None:
        super().__init__("the database did not read back under its new key")


# What a write the files refuse raises (atomic writes, SQLite through `failures.told`).
_REFUSED = (DiskFull, StorageFailed, JournalReadOnly, OSError)


def withdraw_left_key(folder: Path) -> bool:
    """Withdraw a recovery key that a crash left in a journal's key file after it was
    on screen and before it was confirmed as written down (kill -9 or a power cut while
    its window was open, so neither "Close anyway" nor the lock withdrew it). Called
    when Solace starts (`JournalStore.withdraw_keys_left_on_screen`, once this process
    holds the single-instance lock, so no key is on screen in another) and by every
    unlock that opened the journal (the partner's in Together too): the key stops
    opening the live journal and every snapshot (each copy loses the slot first), and
    the next key shown says why (`RECOVERY_KEY_WITHDRAWN`). Needs no secret: a slot is
    removed, none is made.

    A key never put on screen (the note of the operation that made it is still on
    disk) is left for the next unlock to tell as that. Returns whether a key was
    withdrawn; raises what a write raises (`DiskFull`, OSError), and then
    `vault.opening_keys` still keeps the key from opening anything."""
    header = read_header(folder)
    slot = header.recovery_slot(header.current_generation)
    if slot is None or slot.shown or (folder / KEY_CHANGE_NAME).exists():
        return False
    log.info("withdrawing a recovery key a crash left unconfirmed")
    _begin_key_change(folder, _WITHDRAWN, slot)
    _write_staged(folder, with_slots(header, [s for s in header.slots if s is not slot]))
    return True


def _write_staged(folder: Path, header: VaultHeader) -> None:
    """Give every snapshot ``header`` first (`snapshots.stage_header`), then write it as
    the live key file; if the live write fails the snapshots get the live header back,
    so no kept copy opens with credentials the journal does not have. Raises what
    `write_header` raises."""
    staged = snapshots.stage_header(folder, header.to_bytes())
    try:
        write_header(folder, header)
    except BaseException:
        snapshots.unstage_header(staged, (folder / HEADER_NAME).read_bytes())
        raise


class OpenJournal:
    """An unlocked journal. `lock` forgets the key and the database engine.

    The data key is kept in a bytearray that `lock` overwrites with zeros.
    """

    def __init__(
        self, folder: Path, header: VaultHeader, data_key: bytes | bytearray, db: Database
    ) -> None:
        self.folder = folder
        self.header = header
        # A rotation or a new recovery key that a crash cut short (see the module's
        # docstring), noted at unlock; the note stays until a new key replaces it.
        self.interrupted_key_change = ""
        # The cut-short WAL kept aside at this unlock (`cut_log.keep_cut_log`), for the
        # window to say once; None when the log was whole.
        self.cut_log: Path | None = None
        # Said once by the window: the key file was put back from a kept copy at this
        # unlock (`store.key_file_put_back_words`); "" when it was whole.
        self.key_file_note = ""
        # Whether the file made by an older Solace was updated and that is not yet told
        # (`_upgrade`, `migrate.UPDATE_UNTOLD`): the window says so (`UPDATED`), for
        # one's own journal or a partner's, until its note has been read.
        self.updated = False
        self.updated_by_restore = False  # that update was a restore's (`UPDATED_BY_RESTORE`)
        self._update_note_read = False  # forgotten at the lock (`update_note_read`)
        # The notes of what an unlock found, told and not yet read (`note_told`); kept in
        # the journal at the lock (`keep_notes_state`), said again at the next unlock.
        self.notes_unread: list[str] = []
        self._notes_kept: list[str] = []  # as the journal holds them
        # Opened without the update its older file needs (`unlock_journal`'s ``update``):
        # nothing may read it before `update_now`.
        self.needs_update = False
        # What its note says besides (`_read_note`): a lock, not a crash, came before
        # the key was shown; a working recovery key existed before the operation.
        self.key_change_locked = False
        self.key_change_had_key = True
        # A rotation or new recovery key took effect in this session and its key has
        # not been on screen yet: a lock then marks the note (`_LOCKED`).
        self._key_unshown = False
        # Whether the live recovery key opened this journal at this unlock: the person
        # holds it, so it is never withdrawn as a key only glimpsed on screen.
        self.opened_with_recovery_key = False
        # A change of passphrase a crash cut short, found at unlock (`_passphrase_change`).
        self.passphrase_change = ""
        # The same buffer the engine's creator keys connections from, when it is one.
        self._data_key: bytearray | None = (
            data_key if isinstance(data_key, bytearray) else bytearray(data_key)
        )
        self.db = db
        # The check of every page this unlock left to run beside the window (see
        # `journal.storage.lock.page_check`); None when the unlock checked them itself.
        self.page_check: PageCheck | None = None
        # Held by every key operation, by sealing drafts and by `lock` (see the module's
        # docstring); re-entrant, since a key operation may confirm or settle inside.
        self._key_work = threading.RLock()

    def key_for_work(self) -> tuple[bytearray, int]:
        """A copy of the data key in use (32 bytes; the caller wipes it when done) and
        its generation (`VaultHeader.current_generation`), read together once no key
        operation runs: for work on a connection of its own, such as the daily backup,
        which must use the key current when it starts, not one a rotation retired.
        Raises RuntimeError when the journal is locked."""
        with self._key_work:
            return bytearray(self.data_key), self.header.current_generation

    @property
    def checking_pages(self) -> bool:
        """Whether the check of every page left to run beside the window (`page_check`)
        is still running: a lock, a save, a key rotation wait for it."""
        return self.page_check is not None and not self.page_check.done

    def wait_for_page_check(self) -> None:
        """Return once the check of every page left to run beside the window
        (`page_check`) has ended: at once when none runs (about 0.26 s at most, for
        100k entries). Its finding is the check's to tell (`if_damaged`)."""
        if self.page_check is not None:
            self.page_check.wait()

    def if_damaged(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` when the check of every page left to run beside the window
        (`page_check`) finds the file damaged (the file is then known damaged): on the
        check's thread when it ends later, at once when it has already; never when
        none runs or it passes."""
        if self.page_check is not None:
            self.page_check.if_failed(lambda _refusal: listener())

    def when_writes_wait(self, listener: Callable[[bool], None]) -> None:
        """Call ``listener(True)`` on a thread whose write has waited a while for the
        check of every page left to run beside the window, and ``listener(False)``
        when its wait is over (`PageCheck.when_writes_wait`); never when none runs.
        The listener must not use the database (it is called while SQLite prepares the
        write)."""
        if self.page_check is not None:
            self.page_check.when_writes_wait(listener)

    def note_damage(self) -> None:
        """Note that a page of this journal's database could not be read while it was
        open (`JournalFileDamaged`, however it was met): from now on nothing more is
        read from or written to it, and `lock` closes it without a checkpoint
        (`known_damage`)."""
        known_damage.mark_file(self.folder / DATABASE_NAME)

    def damage_found(self) -> bool:
        """Read this journal's files as they stand on disk now, as the unlock does
        (`damage.file_problem`, then `damage.keyed_problem`: every page's HMAC, the pages
        the WAL holds anew read from it, the WAL's frames), and note damage found
        (`note_damage`). Returns True when the file is known damaged or found so; a file
        that cannot be read at all counts as damaged. Read-only: nothing is written.
        About the cost of reading journal.db once (the unlock's own check). For the lock
        (break test 16 of session 15, finding 6): a page damaged underneath that no read
        had met yet let it say "Everything you wrote was saved" over a journal the next
        unlock refused.

        Every page is read only when something may have written to journal.db since the
        last such read (`read_back.unchanged_since_read`: any write but Solace's own
        checkpoints); else only the WAL is (`damage.file_problem`), and the lock costs
        the same whatever the journal's size (issue 12: quit grew with it)."""
        self.wait_for_page_check()
        if self.damage_known:
            return True
        db_path = self.folder / DATABASE_NAME
        try:
            with self._key_work:
                state = read_back.state_of(db_path)
                problem = damage.file_problem(db_path)
                if not problem and not read_back.unchanged_since_read(db_path):
                    problem = damage.keyed_problem(db_path, self.data_key)
                    if not problem:
                        read_back.note_sound(db_path, state)
        except OSError as error:  # gone or unreadable: nothing it holds can be vouched for
            log.warning("the journal's file could not be read back: %s", type(error).__name__)
            problem = "unreadable"
        if problem:
            self.note_damage()
        return bool(problem) or self.damage_known

    @property
    def damage_known(self) -> bool:
        """Whether this journal's database is known damaged (`note_damage`, or a page
        that failed on any of its connections)."""
        return known_damage.is_known_file(self.folder / DATABASE_NAME)

    def wait_for_key_work(self) -> None:
        """Return once no key operation (change of passphrase, new recovery key, key
        rotation) runs on another thread: at once when none does, else when it has
        finished (an Argon2id derivation and, for a rotation, SQLCipher's rekey)."""
        with self._key_work:
            pass

    @property
    def info(self) -> JournalInfo:
        h = self.header
        return JournalInfo(h.journal_id, h.name, h.created_at, self.folder)

    @property
    def data_key(self) -> bytearray:
        if self._data_key is None:
            raise RuntimeError("the journal is locked")
        return self._data_key

    @property
    def is_open(self) -> bool:
        return self._data_key is not None

    @property
    def key_generation(self) -> int:
        """Which data key opens the database now (it changes when the key is rotated)."""
        return self.header.current_generation

    def own_database(self) -> Database:
        """A `Database` on a connection of its own, keyed with the current data key, for
        one worker thread: WAL lets it write while the window's connection reads. The
        caller closes it (before `lock`). Raises RuntimeError when the journal is
        locked, JournalFileDamaged when the file no longer opens with its key
        (`open_own_engine`), JournalDamaged when it is missing."""
        return Database(open_own_engine(self.folder / DATABASE_NAME, self.data_key))

    @property
    def recovery_key_problem(self) -> str:
        """Why the person may not hold a working recovery key, or "" when they do."""
        slot = self.header.recovery_slot(self.header.current_generation)
        if slot is None:
            if self.interrupted_key_change == _WITHDRAWN:
                return RECOVERY_KEY_WITHDRAWN
            return RECOVERY_KEY_MISSING
        if not slot.usable:  # its KDF settings beyond the caps: never tried, replaced now
            return RECOVERY_KEY_DAMAGED
        if self.interrupted_key_change == _NEW_KEY_NOT_BEGUN:
            return NEW_KEY_NOT_BEGUN  # asked for, never made: made now
        if not slot.shown:
            operation = self.interrupted_key_change
            if operation not in _INTERRUPTED:
                return RECOVERY_KEY_UNCONFIRMED
            if not self.key_change_locked and self.key_change_had_key:
                return _INTERRUPTED[operation]
            return _KEY_CHANGE_WORDS[(operation, self.key_change_locked, self.key_change_had_key)]
        return ""

    @property
    def key_change_note(self) -> str:
        """What the person must be told at this unlock about a key operation a crash
        cut short before it changed anything (today: a rotation), or ""."""
        if self.interrupted_key_change == _ROTATION_NOT_BEGUN:
            return ROTATION_NOT_BEGUN
        if self.passphrase_change == _CHANGE_FINISHED:
            return CHANGE_FINISHED_NOTE
        if self.passphrase_change == _CHANGE_NOT_MADE and not self.opened_with_recovery_key:
            return CHANGE_NOT_MADE_NOTE  # (with the recovery key: chosen again now)
        return ""

    @property
    def key_change_title(self) -> str:
        """The title of the window that says `key_change_note`."""
        if self.key_change_note == CHANGE_FINISHED_NOTE:
            return "Your passphrase was changed"
        return "Nothing was changed"

    @property
    def needs_new_recovery_key(self) -> bool:
        return bool(self.recovery_key_problem)

    def _passphrase_kdf(self) -> KdfParams:
        """The KDF settings for a new slot: the passphrase slot's, else (its settings
        unusable: `KeySlot.usable`) the recovery slot's, else Solace's default."""
        usable = [s.kdf for s in self.header.slots if s.kdf is not None]
        by_kind = [s.kdf for s in self.header.slots if s.kind is SlotKind.PASSPHRASE and s.kdf]
        return next(iter(by_kind or usable), DEFAULT_KDF)

    def _write(self, header: VaultHeader) -> None:
        write_header(self.folder, header)
        self.header = header

    def settle_snapshots(self, previous_keys: Sequence[bytes | bytearray] = ()) -> None:
        """Give every snapshot the live credentials (see `snapshots.settle`);
        ``previous_keys`` are data keys a rotation just retired, used to re-key the
        copies kept before a restore rather than lose them."""
        snapshots.settle(self.db.engine, self.folder, self.data_key, previous_keys)

    def _replace_slot(
        self,
        kind: SlotKind,
        secret: bytes,
        kdf: KdfParams | None = None,
        *,
        shown: bool = True,
        change: str = "passphrase",
    ) -> None:
        """Re-wrap the data key for one kind of secret.

        The snapshots' copies of the header get the new header first (`snapshots.
        stage_header`), then the live header is written (the moment the change
        happens), then the snapshots are settled. A crash at any write therefore
        never leaves the old secret opening a copy while the live header has the new
        one (break test 14, finding 1); a crash before the live write leaves the old
        secret the live one, and the next unlock gives the copies the live header
        again.

        A write refused before the live header took the change (a full disk, files
        made read-only or immutable) raises `KeyNotChanged` (``change`` names what,
        for its words) once the copies already given the new header have the live one
        back: no file then opens only with a secret the person was told did not take
        (break test 14 of session 6, finding 6). Once the live header is written the
        change is in force; a copy that refuses its header after that is settled at
        the next unlock."""
        h = self.header
        try:
            self.settle_snapshots()  # every copy under the live key has the live header
            slot = make_slot(
                h,
                kind,
                h.current_generation,
                secret,
                self.data_key,
                kdf or self._passphrase_kdf(),
                shown=shown,
            )
            self._write_staged(with_slots(h, [*(s for s in h.slots if s.kind is not kind), slot]))
        except _REFUSED as error:
            raise KeyNotChanged(change, KeyNotChanged.reason_of(error)) from error
        try:
            self.settle_snapshots()
        except _REFUSED as error:  # in force already; the copies settle at next unlock
            log.error("settling the snapshots after a key change: %s", type(error).__name__)

    def change_passphrase(
        self, new_passphrase: str, kdf: KdfParams | None = None, *, current: str | None = None
    ) -> None:
        """Re-wrap the data key for ``new_passphrase``; the old one stops opening the
        journal and its snapshots at once. ``current``, when given (Settings), is
        checked first, after the note of the change is on disk, so a crash during the
        check is told at the next unlock too (break test 14 of session 11, finding 7).
        Raises WrongPassphrase when ``current`` does not fit, `KeyNotChanged` when the
        files refuse the write (then the old passphrase still opens everything)."""
        with self._key_work:
            h = self.header
            old = next(
                (
                    s
                    for s in h.slots
                    if s.kind is SlotKind.PASSPHRASE and s.generation == h.current_generation
                ),
                None,
            )
            operation = _RESET if self.opened_with_recovery_key else _PASSPHRASE
            try:  # a crash from here on is finished or told at the next unlock
                _begin_key_change(self.folder, operation, old, CHANGE_NOTE_NAME)
            except _REFUSED as error:
                raise KeyNotChanged("passphrase", KeyNotChanged.reason_of(error)) from error
            try:
                if current is not None and not self.check_passphrase(current):
                    raise WrongPassphrase()
                self._replace_slot(
                    SlotKind.PASSPHRASE, keys.normalise_passphrase(new_passphrase), kdf
                )
            finally:  # done, or refused (nothing changed, and the person is told now)
                with contextlib.suppress(OSError, SolaceError):
                    _end_key_change(self.folder, CHANGE_NOTE_NAME)
            self.passphrase_change = ""

    def new_recovery_key(self, passphrase: str | None = None) -> str:
        """Replace the recovery key; the old one stops working at once. ``passphrase``,
        when given (Settings), is checked first, after the note is on disk, so a crash
        during the check is told (and the key asked for made) at the next unlock.

        The new key counts as unconfirmed until `confirm_recovery_key` is called after
        the person has seen it; an unconfirmed key is replaced at the next unlock.
        The caller calls `recovery_key_shown` once the key is on screen: until then
        the next unlock tells that making it was interrupted. Raises `KeyNotChanged`
        when the files refuse the write (then the old key still works, and no note of
        an interruption is left), WrongPassphrase when ``passphrase`` does not fit.
        """
        with self._key_work:
            recovery = keys.new_recovery_key()
            noted = self.interrupted_key_change not in _NOTE_KEPT  # else its note stays
            try:
                if noted:
                    old = self.header.recovery_slot(self.header.current_generation)
                    _begin_key_change(self.folder, _NEW_RECOVERY_KEY, old)
            except _REFUSED as error:
                raise KeyNotChanged("recovery key", KeyNotChanged.reason_of(error)) from error
            try:
                if passphrase is not None and not self.check_passphrase(passphrase):
                    raise WrongPassphrase()
                self._replace_slot(
                    SlotKind.RECOVERY,
                    keys.normalise_recovery_key(recovery),
                    shown=False,
                    change="recovery key",
                )
            except (KeyNotChanged, WrongPassphrase):
                if noted:  # nothing changed, and the person is told so now
                    with contextlib.suppress(OSError, SolaceError):
                        if self.interrupted_key_change == _WITHDRAWN:  # still true
                            _begin_key_change(self.folder, _WITHDRAWN, None)
                        else:
                            _end_key_change(self.folder)
                raise
            self.opened_with_recovery_key = False
            self.interrupted_key_change = ""
            self._key_unshown = True
            return recovery

    def recovery_key_shown(self) -> None:
        """The recovery key made by `new_recovery_key` or `rotate_data_key` is on
        screen now: from here an unconfirmed key is told as one shown but not
        confirmed, no longer as one never shown. Raises OSError when the note cannot
        be removed (the next unlock then says the key was never shown)."""
        with self._key_work:
            self._key_unshown = False
            _end_key_change(self.folder)

    def confirm_recovery_key(self) -> None:
        """The person has confirmed writing the shown recovery key down."""
        with self._key_work:
            _end_key_change(self.folder)
            h = self.header
            slots = [replace(s, shown=True) if s.kind is SlotKind.RECOVERY else s for s in h.slots]
            if slots != list(h.slots):
                self._write(with_slots(h, slots))
                self.settle_snapshots()

    def withdraw_unconfirmed_recovery_key(self) -> bool:
        """Stop a recovery key that was on screen but never confirmed as written down
        from opening this journal: called when its window is closed without "I have
        written it down" and when the journal locks or Solace quits over it (break
        test 14 of session 7, finding 1: it kept opening the journal, so whoever saw
        it on screen could take the journal over, while Solace said no recovery key
        worked). The person still holds the passphrase; the next unlock shows a new key
        and says why (`RECOVERY_KEY_WITHDRAWN`).

        Nothing is withdrawn (returns False) when the live recovery key is confirmed,
        when it opened the journal at this unlock (the person holds it, and may need it
        to choose a new passphrase), or when it never reached the screen (the note of
        the operation that made it is still on disk; the next unlock says so). Every
        snapshot's copy of the header loses the slot before the live header does
        (`snapshots.stage_header`), so no kept file opens with the key once the live
        one does not. Raises what a write raises (`DiskFull`, OSError); the key then
        still opens the journal until the next unlock replaces it."""
        with self._key_work:
            h = self.header
            slot = h.recovery_slot(h.current_generation)
            if slot is None or slot.shown or self.opened_with_recovery_key:
                return False
            if (self.folder / KEY_CHANGE_NAME).exists() and self.interrupted_key_change != (
                _WITHDRAWN
            ):
                return False  # never on screen: told as that at the next unlock
            _begin_key_change(self.folder, _WITHDRAWN, slot)
            self._write_staged(with_slots(h, [s for s in h.slots if s is not slot]))
            self.interrupted_key_change = _WITHDRAWN
            snapshots.settle_headers(self.folder, self.data_key)
            return True

    def _write_staged(self, header: VaultHeader) -> None:
        """The live key file becomes ``header``, the snapshots' copies first (see the
        module's `_write_staged`)."""
        _write_staged(self.folder, header)
        self.header = header

    def _undo_rotation(
        self, before: VaultHeader, old_key: bytearray | None, new_key: bytearray
    ) -> None:
        """Put a rotation that did not take back as it was: the key file ``before`` when
        the live database still opens with ``old_key`` (else both generations stay, so
        the next unlock opens with whichever key the file is under), the engine on a
        fresh connection under that key, and no note. Best effort: a write refused here
        leaves the note, and the next unlock finishes or forgets the rotation."""
        db_path = self.folder / DATABASE_NAME
        with contextlib.suppress(SolaceError, OSError):
            if old_key is not None and opens_with(db_path, old_key):
                # A fresh engine first: it raises (and both generations stay) if the
                # file no longer opens with the old key once the old engine is closed.
                self.db.replace_engine(open_engine(db_path, old_key))
                if self.header is not before:
                    self._write(before)
                _end_key_change(self.folder)
            elif opens_with(db_path, new_key):  # it did take after all: keep both
                self._data_key = new_key
                self.db.replace_engine(open_engine(db_path, new_key))

    def rotate_data_key(self, passphrase: str) -> str:
        """Re-encrypt the whole database under a new random key (SQLCipher's rekey).

        Returns the new recovery key (unconfirmed until `confirm_recovery_key`; the
        caller calls `recovery_key_shown` once it is on screen): the old one wrapped
        the old data key. Raises WrongPassphrase first if ``passphrase`` does not fit.
        A check of its pages still running ends first (`wait_for_page_check`): the
        rekey writes every page. Raises `JournalFileDamaged`, changing nothing, when
        the file is known damaged (break test 34: the rekey went ahead over a file
        the check had found damaged).
        """
        self.wait_for_page_check()
        if self.damage_known:  # SQLCipher's rekey passes no authorizer: refused here
            raise JournalFileDamaged()
        with self._key_work:
            return self._rotate_data_key(passphrase)

    def _rotate_data_key(self, passphrase: str) -> str:
        h = self.header
        old_recovery = h.recovery_slot(h.current_generation)
        before = _note_bytes(self.folder)  # a note it replaces, put back if refused
        # The intent is on disk before any slow step (break test 14 of session 11,
        # finding 7): a crash from here on is told at the next unlock.
        try:
            _begin_key_change(self.folder, _ROTATION, old_recovery, phase=_ASKED)
        except _REFUSED as error:
            raise KeyNotChanged("encryption key", KeyNotChanged.reason_of(error)) from error
        try:
            if not self.check_passphrase(passphrase):
                raise WrongPassphrase()
            secret = keys.normalise_passphrase(passphrase)
            recovery = keys.new_recovery_key()
            new_generation = h.current_generation + 1
            new_key = bytearray(keys.new_data_key())
            kdf = self._passphrase_kdf()
            pending = [
                make_slot(h, SlotKind.PASSPHRASE, new_generation, secret, new_key, kdf),
                make_slot(
                    h,
                    SlotKind.RECOVERY,
                    new_generation,
                    keys.normalise_recovery_key(recovery),
                    new_key,
                    kdf,
                    shown=False,
                ),
            ]
        except BaseException:  # nothing changed, and the person is told now
            with contextlib.suppress(OSError, SolaceError):
                _put_back_note(self.folder, before)
            raise
        db_path = self.folder / DATABASE_NAME
        old_key = self._data_key
        try:  # until the database is re-keyed, nothing has changed: undone if refused
            _begin_key_change(self.folder, _ROTATION, old_recovery)  # the key file changes
            self._write(with_slots(h, [*h.slots, *pending]))
            with self.db.engine.connect() as connection:
                try:
                    rekey_connection(connection.connection.dbapi_connection, new_key)
                    connection.exec_driver_sql("SELECT count(*) FROM sqlite_master")
                    # The re-encrypted pages into the file itself, then read back.
                    read_back.checkpoint(connection, db_path)
                except Exception as error:  # SQLite's words for a refused write
                    raise failures.told(error) from error
            # The live file, by its path and on a fresh connection, must open with the
            # new key before the old generation may leave the key file (break test 16
            # of session 9, finding 18: the key file lost the old generation while the
            # database stayed under the old key, and the journal no longer opened).
            if not opens_with(db_path, new_key):
                raise _NotReEncrypted()
        except (*_REFUSED, _NotReEncrypted) as error:
            self._undo_rotation(h, old_key, new_key)
            reason = (
                error.message
                if isinstance(error, _NotReEncrypted)
                else KeyNotChanged.reason_of(error)
            )
            raise KeyNotChanged("encryption key", reason) from error
        self._data_key = new_key
        self._key_unshown = True  # in effect: a lock from here is told as one
        # The engine's creator still holds the old key; reopen so a reconnect uses the
        # new one (in the same Database, which every open view holds).
        self.db.replace_engine(open_engine(db_path, new_key))
        previous = [old_key] if old_key is not None else []
        try:
            # Whatever needs the old key is re-keyed while the key file still holds it,
            # so a crash here leaves it to the next unlock, which unwraps it again.
            _retire_generation(self, new_generation, previous)
        finally:
            if old_key is not None:
                wipe(old_key)
        self.interrupted_key_change = ""
        self.opened_with_recovery_key = False
        return recovery

    def check_passphrase(self, passphrase: str) -> bool:
        return passphrase_fits(self.header, passphrase)

    def snapshot(self, reason: str) -> Path:
        return snapshots.snapshot(self.db.engine, self.folder, self.data_key, reason)

    def backup(self, reason: Reason) -> backups.Backup:
        """A checked encrypted backup in the journal's backups folder (then rotation),
        made on a connection of its own (`backups.take_backup_on_own_connection`), as
        the copy at a lock is: Back up now… runs it on a worker thread, and on the
        window's one connection its commit reset the cursor of a read the window made
        meanwhile ("Cursor needed to be reset because of commit/rollback", the
        fresh-clone run of session 27). Raises what `take_backup` raises."""
        with self._key_work:
            key = bytes(self.data_key)
        return backups.take_backup_on_own_connection(self.folder, key, reason)

    # sealed drafts -------------------------------------------------------------------
    def backup_at_lock(self) -> backups.Backup | None:
        """The day's automatic backup as the journal locks or closes, by a byte copy
        (see `backups.take_backup_at_lock`); None when none was due or possible now,
        and always None for a file known damaged (`damage_known`): no copy of it.

        The copy is made on a connection of its own (`open_own_engine`), so the window
        may go on reading through its own while this runs on another thread: on the
        window's one connection (StaticPool) the copy's rollback reset a search's cursor
        ("Cursor needed to be reset") and a search in the middle of the copy hung a lock
        for good (the fresh-clone run of 865d058). Raises what `open_own_engine` and
        `backups.take_backup_at_lock` raise."""
        if self.damage_known or not backups.backup_is_due(self.folder):
            return None  # no connection opened for a copy that is not due
        with self._key_work:
            engine = open_own_engine(self.folder / DATABASE_NAME, self.data_key)
        try:
            return backups.take_backup_at_lock(engine, self.folder)
        finally:
            engine.dispose()

    def seal_drafts(self, found: dict[str, str]) -> bytes:
        """``found`` ({area id: draft text}) encrypted for this journal (see `drafts`),
        under the key that is current once any key operation running has finished."""
        with self._key_work:
            return drafts.seal(self.data_key, self.header.journal_id, found)

    def sealed_drafts(self, held: bytes | None = None) -> dict[str, str]:
        """Drafts sealed at an earlier lock: from ``held`` bytes kept in memory, else
        from the file beside the database; {} when there are none.

        Raises SealedDraftsUnreadable when they do not open with this journal's key
        (damaged, or sealed under a key since retired, which is gone): the file is
        removed first, since nothing can open it any more and it must not stay on
        disk under a retired key; the caller tells the person."""
        sealed = held if held is not None else drafts.read_sealed(self.folder)
        if sealed is None:
            return {}
        found = drafts.unseal(self.data_key, self.header.journal_id, sealed)
        if found is None:
            log.warning("sealed drafts did not open with this journal's key")
            with contextlib.suppress(OSError):
                self.forget_sealed_drafts()
            raise SealedDraftsUnreadable()
        return found

    def keep_drafts(self, found: dict[str, str]) -> bytes | None:
        """Seal ``found`` ({area id: draft text}) and write it beside the database.

        Returns None once written; when even that small file cannot be written (a
        full disk), returns the sealed bytes for the caller to hold in memory: they
        are ciphertext, and open again only with this journal's key. Waits for a key
        operation running on another thread, so the file is sealed under the key that
        stays current.
        """
        with self._key_work:
            sealed = self.seal_drafts(found)
            try:
                drafts.write_sealed(self.folder, sealed)
            except (SolaceError, OSError) as error:  # whatever the reason, never lost
                log.error("the sealed drafts could not be written: %s", type(error).__name__)
                return sealed
            return None

    def _reseal_drafts(self, retired: Sequence[bytes | bytearray]) -> None:
        """The drafts file under the current key when a ``retired`` key sealed it (see
        `drafts.reseal`). A failure to write is logged: the file then opens with no
        key, and the next unlock says so (`sealed_drafts`)."""
        try:
            drafts.reseal(self.folder, self.header.journal_id, list(retired), self.data_key)
        except (SolaceError, OSError) as error:
            log.error("sealed drafts not re-sealed: %s", type(error).__name__)

    def forget_sealed_drafts(self) -> None:
        drafts.forget_sealed(self.folder)

    def update_now(self) -> None:
        """Update a journal opened without it (`needs_update`), as an unlock does
        (`_upgrade`: the snapshot first). Slow (a copy of the file): call it off the GUI
        thread. Raises what `_upgrade` raises; the file is then as it was."""
        _upgrade(self)
        self.needs_update = False

    def update_note_read(self) -> None:
        """The note of `updated` has been read: it is not said again after this
        session's lock, which forgets `migrate.UPDATE_UNTOLD` (`forget_read_update_note`).
        Written then, not now: a write on the GUI thread could wait seconds behind the
        page check."""
        self._update_note_read = True

    def note_told(self, words: str) -> None:
        """A note of what the unlock found (``words``) is on screen, not yet read."""
        if words not in self.notes_unread:
            self.notes_unread.append(words)

    def note_read(self, words: str) -> None:
        """The note ``words`` has been read: not said again (`keep_notes_state`)."""
        if words in self.notes_unread:
            self.notes_unread.remove(words)

    def keep_notes_state(self) -> None:
        """Write what was read of the notes, unless the file is known damaged: the
        update's note read deletes `migrate.UPDATE_UNTOLD`, and the notes still unread
        are kept (`migrate.NOTES_UNREAD`), to be said at the next unlock. Called at the
        lock, before its backup copy (a backup that kept a read note brought it back at
        its restore: break test 42, F2). A full disk leaves the journal as it was, and
        a read note is said again next time. Writes nothing when nothing changed."""
        if self.damage_known:
            return
        try:
            if self._update_note_read:
                migrate.forget_update_untold(self.db.engine)
                self._update_note_read = False
            if self.notes_unread != self._notes_kept:
                migrate.keep_notes_unread(self.db.engine, self.notes_unread)
                self._notes_kept = list(self.notes_unread)
        except SQLAlchemyError:
            log.warning("what was read of the notes stays as it was")

    def lock(self) -> None:
        """Forget the engine and the key. Always completes: a checkpoint refused (a
        full disk) leaves the WAL for the next open (`Database.close`), and any other
        failure is re-raised only after the key has been overwritten and dropped. A
        database known damaged (`damage_known`) is closed with no checkpoint and no
        write: journal.db and its WAL stay as they were (`Database.close`). A
        key operation running on another thread finishes first (`wait_for_key_work`):
        the key is never wiped under it, and so does a check of its pages
        (`wait_for_page_check`)."""
        self.wait_for_page_check()
        self.wait_for_key_work()
        self.keep_notes_state()
        if self._key_unshown:  # the next unlock says a lock, not a crash, came first
            self._key_unshown = False
            with contextlib.suppress(OSError, UnicodeDecodeError, SolaceError):
                operation, salt, _locked = _read_note(self.folder)
                if operation in _INTERRUPTED:
                    _begin_key_change_raw(self.folder, f"{operation} {salt} {_LOCKED}")
        key, self._data_key = self._data_key, None
        try:
            self.db.close()
        finally:
            if key is not None:
                wipe(key)


def create_journal(
    data_dir: Path,
    name: str,
    passphrase: str,
    kdf: KdfParams = DEFAULT_KDF,
    *,
    listed: bool = True,
) -> tuple[OpenJournal, str]:
    """A new journal and its recovery key (to show once; unconfirmed until
    `OpenJournal.confirm_recovery_key`).

    The journal is built in a hidden ``.creating-<id>`` folder that is renamed into
    place once database and key file are complete, so a crash never leaves a
    half-made journal in the list. With ``listed`` False it is opened in that hidden
    folder and stays there until `list_journal` (a journal filled before anyone sees
    it: a rescue). Raises `names.NameInUse` when another journal on this computer has
    ``name`` (compared as `names.name_key` does), before anything is made.
    """
    names.refuse_taken(data_dir, name)
    header = new_header(name)
    ensure_private_dir(data_dir)
    journals = ensure_private_dir(journals_dir(data_dir))
    staging = ensure_private_dir(journals / f".creating-{header.journal_id}")
    data_key = bytearray(keys.new_data_key())
    recovery = keys.new_recovery_key()
    slots = [
        make_slot(
            header, SlotKind.PASSPHRASE, 1, keys.normalise_passphrase(passphrase), data_key, kdf
        ),
        make_slot(
            header,
            SlotKind.RECOVERY,
            1,
            keys.normalise_recovery_key(recovery),
            data_key,
            kdf,
            shown=False,
        ),
    ]
    engine = open_engine(staging / DATABASE_NAME, data_key, must_exist=False)
    try:
        migrate.upgrade(engine)
        with engine.begin() as connection:
            connection.execute(
                insert(JournalMeta),
                [
                    {"key": "journal_id", "value": header.journal_id},
                    {"key": "created_by", "value": __version__},
                ],
            )
    finally:
        Database(engine).close()
    header = with_slots(header, slots)
    write_header(staging, header)
    for path in staging.iterdir():
        if path.is_file():
            path.chmod(0o600)
    if listed:
        staging = _into_place(staging, header.journal_id)
    known_damage.forget_file(staging / DATABASE_NAME)  # a new file, whatever its inode
    engine = open_engine(staging / DATABASE_NAME, data_key)
    return OpenJournal(staging, header, data_key, Database(engine)), recovery


def _into_place(staging: Path, journal_id: str) -> Path:
    """Rename the hidden folder ``staging`` to the journal's own folder beside it,
    durably; returns that folder."""
    folder = staging.parent / journal_id
    staging.rename(folder)
    fsync_dir(staging.parent)
    return folder


def list_journal(journal: OpenJournal) -> OpenJournal:
    """Move ``journal``, made with ``listed=False`` by `create_journal` and filled since,
    from its hidden folder into its place among the journals, where the list shows it,
    and return it open there; ``journal`` itself is closed (its database checkpointed,
    its key wiped). Until then a crash leaves only a hidden folder the list never
    shows, never a half-filled journal that opens as an empty one (break test 16 of
    session 17, finding 4: a rescue killed midway was listed and opened empty).
    Raises OSError when the folder cannot be moved (it stays hidden then)."""
    key, header = bytearray(journal.data_key), journal.header
    try:
        journal.lock()
        folder = _into_place(journal.folder, header.journal_id)
        known_damage.forget_file(folder / DATABASE_NAME)
        engine = open_engine(folder / DATABASE_NAME, key)
    except BaseException:
        wipe(key)
        raise
    return OpenJournal(folder, header, key, Database(engine))


def roll_back_rotation(folder: Path, kind: SlotKind, secret: bytes) -> bool:
    """Undo a key rotation whose key file no longer holds the key the live database is
    under (the old generation dropped before the database was re-encrypted; break
    test 16 of session 9, finding 18): when a rotation's note (`KEY_CHANGE_NAME`) is
    on disk and ``secret`` opens a kept copy of the key file whose key opens the live
    database, that copy becomes the live key file (`restore_header`; the one put
    aside is kept beside it as ``vault.json.damaged-<stamp>``). Returns whether it
    did."""
    try:
        words = _note_words(folder)
    except (OSError, UnicodeDecodeError):
        return False
    if words[:1] != [_ROTATION] or _ASKED in words[2:]:  # asked only: nothing changed
        return False
    if restore_header(folder, kind, secret) is None:
        return False
    log.info("rolled back a key rotation the database had not taken")
    return True


def _judge_pages(folder: Path, data_key: bytearray) -> SolaceError | None:
    """The unlock's check of every page of ``folder``'s database (`damage.keyed_problem`)
    under ``data_key`` (a copy, wiped here): None when it is sound (for the caller to
    note: `read_back.note_sound`), else what the unlock refuses with: `JournalInUse`
    when another program holds it (not read, so not called damaged), `DiskFull` on a
    disk without room to open it, else `JournalDamaged` with what was found."""
    db_path = folder / DATABASE_NAME
    try:
        problem = damage.keyed_problem(db_path, data_key)
        if not problem:
            return None
        if held_elsewhere(db_path, data_key):
            return JournalInUse()
        return _damaged_or_no_room(folder, problem, damage.some_page_reads(db_path, data_key))
    finally:
        wipe(data_key)


def _drop_log_made(db_path: Path, had_log: bool) -> None:
    """Remove the empty WAL the window's connection made beside ``db_path`` during an
    unlock its page check refused (``had_log``: one was there before): the refusal says
    nothing was changed (break test 34: a new 0-byte journal.db-wal was left)."""
    wal = wal_of(db_path)
    with contextlib.suppress(OSError):
        if not had_log and wal.stat().st_size == 0:
            wal.unlink()


def _may_check_later(folder: Path, db_path: Path) -> bool:
    """Whether the unlock may check the pages of ``db_path`` beside the opening window
    (`page_check`): a file of `CHECK_LATER_FROM` bytes or more, whose WAL is empty (no
    checkpoint can then write to it before the check), on a disk with room to open it
    (a refusal found later is then damage, never a full disk)."""
    try:
        if db_path.stat().st_size < page_check.CHECK_LATER_FROM:
            return False
        wal = wal_of(db_path)
        if wal.exists() and wal.stat().st_size:
            return False
    except OSError:
        return False
    return not backups.lacks_room(folder, backups.OPEN_ROOM)


def _damaged_or_no_room(folder: Path, problem: str, rescuable: bool) -> SolaceError:
    """`JournalDamaged` with ``problem`` (see `_damaged`), unless ``folder``'s disk is
    (nearly) full: the checks that found it open the database, and SQLite cannot open a
    journal in WAL mode without room for its index, so a full disk looked like a file
    cut short (break test 14 of session 10, finding 2). Then `DiskFull`: nothing was
    changed, free some space and try again."""
    if backups.lacks_room(folder, backups.OPEN_ROOM):
        log.info("a journal did not open on a disk without room; not called damaged")
        return DiskFull(OPEN)
    return _damaged(folder, problem, rescuable)


def _damaged(folder: Path, problem: str, rescuable: bool) -> JournalDamaged:
    """`JournalDamaged` with ``problem``; when nothing in the database can be rescued
    (``rescuable`` False), it offers only what can bring the journal back
    (`backups.restore_offer`), never a rescue that cannot work (break test 16 of session
    11, finding b: a 0-byte file offered "Rescue what can be read…")."""
    if rescuable:
        return JournalDamaged(problem)
    return JournalDamaged(problem, rescuable=False, offer=backups.restore_offer(folder))


def unlock_journal(
    folder: Path,
    kind: SlotKind,
    secret: bytes,
    *,
    rolled_back: bool = False,
    check_later: bool = False,
    update: bool = True,
) -> OpenJournal:
    """Open with whichever wrapped key (of any generation) this secret unwraps.

    A file made by an older Solace is updated for this one (`_upgrade`); without
    ``update`` it is left as it is, marked `OpenJournal.needs_update`, for the caller
    to ask first and then call `OpenJournal.update_now` (or lock it unread).

    Before anything writes to the database it is checked (`journal.storage.safekeeping.
    damage`): a missing, empty, cut-short, foreign or damaged file raises
    `JournalDamaged` with what was found, and no file is changed; on a disk without
    room to open it (`backups.OPEN_ROOM`), `DiskFull` instead. With ``check_later`` (the
    window's unlock), a large file that closed cleanly (`_may_check_later`) has its
    pages checked on a thread of its own while it opens (`OpenJournal.page_check`);
    nothing is written to it before that check has passed.
    """
    read_only = unwritable(folder)
    if read_only:
        raise JournalReadOnly(read_only)
    finish_restore(folder)
    header = read_header(folder)
    candidates = opening_keys(header, kind, secret)
    if not candidates:
        raise WrongPassphrase()
    db_path = folder / DATABASE_NAME
    problem = damage.file_problem(db_path)
    if problem:
        raise _damaged(folder, problem, damage.may_hold_pages(db_path))
    for generation, raw_key in candidates:
        data_key = bytearray(raw_key)
        if len(candidates) > 1 and not opens_with(db_path, data_key):
            continue  # the other generation of an interrupted key rotation
        state = read_back.state_of(db_path)  # before the read: a write during it shows
        check = None
        had_log = wal_of(db_path).exists()
        if check_later and len(candidates) == 1 and _may_check_later(folder, db_path):
            known_damage.forget_file(db_path)  # judged afresh: the check marks it if damaged
            judge = partial(_judge_pages, folder, bytearray(data_key))
            check = PageCheck(db_path, judge, partial(read_back.note_sound, db_path, state))
        else:
            refusal = _judge_pages(folder, bytearray(data_key))
            if refusal is not None:
                raise refusal
            read_back.note_sound(db_path, state)  # the lock reads it again only if written
            known_damage.forget_file(db_path)  # its pages read: not a file known damaged
        # A log cut short is kept before SQLite reads it, so no checkpoint deletes it.
        cut_log = keep_cut_log(db_path, PAGE_SIZE)
        try:
            engine = open_engine(db_path, data_key)
        except BaseException as error:
            # No check outlives a refused unlock (a restore next would take its
            # finding for the new file), and what it found is said in its own words
            # ("The beginning of the journal's database is damaged.").
            found = check.wait() if check is not None else None
            if found is not None:
                _drop_log_made(db_path, had_log)
                raise found from None
            if isinstance(error, WrongPassphrase):
                raise _damaged_or_no_room(
                    folder,
                    "The journal's database does not open with its key.",
                    damage.some_page_reads(db_path, data_key),
                ) from None
            raise
        db = Database(engine)
        journal = OpenJournal(folder, header, data_key, db)
        journal.page_check = check
        journal.opened_with_recovery_key = kind is SlotKind.RECOVERY
        journal.cut_log = cut_log
        try:
            _check_identity(journal)
            retired = [key for g, key in candidates if g != generation]
            _retire_generation(journal, generation, retired, (kind, secret))
            if rolled_back:  # nothing of the rotation stayed: told as not made
                _end_key_change(folder)
                journal.interrupted_key_change = _ROTATION_NOT_BEGUN
            else:
                journal.interrupted_key_change = _interrupted_key_change(
                    folder, journal.header.recovery_slot(journal.header.current_generation)
                )
                with contextlib.suppress(OSError, UnicodeDecodeError):
                    _operation, salt, locked = _read_note(folder)
                    journal.key_change_locked, journal.key_change_had_key = locked, salt != "-"
            journal.passphrase_change = _passphrase_change(folder, journal.header)
            if update or not migrate.needs_upgrade(journal.db.engine):
                _upgrade(journal)
            else:
                journal.needs_update = True
            # A key a crash left on screen (it opens nothing: `opening_keys`) goes once
            # the journal opened, the partner's in Together too; the next key shown
            # says why it is new.
            with contextlib.suppress(*_REFUSED):
                if withdraw_left_key(folder):
                    journal.header = read_header(folder)
                    journal.interrupted_key_change = _WITHDRAWN
        except BaseException:
            journal.lock()  # after the page check, if one runs
            if check is not None and check.refusal is not None:
                _drop_log_made(db_path, had_log)
                raise check.refusal from None  # what was found, as an unlock refuses
            raise
        return journal
    if held_elsewhere(db_path, bytearray(candidates[0][1])):  # not read: not judged
        raise JournalInUse()
    raise _damaged_or_no_room(  # no key of the file's opens it: a rescue may still try
        folder, "The journal's database does not open with its key.", True
    )


#: What an unlock could not do for lack of room (`DiskFull`'s ``doing``): open the
#: journal (`_damaged_or_no_room`), or first update its file, made by an older Solace.
OPEN = "open this journal"
UPDATE = "update your journal for this version of Solace"


#: Said after an unlock that updated the journal's file, until read (`OpenJournal.updated`):
#: the snapshot is where the file from before is, and an older Solace on another
#: computer, or a partner's, can no longer open it (break test 41, findings 4 and 5).
UPDATED = (
    "Solace updated {journal} for this version{how} and kept a copy from before the "
    "update with its backups (“before an update of Solace” in Restore a backup…). An "
    "older version of Solace can no longer open it, on this computer or another."
)


#: Said instead when a restore updated the copy of an older Solace's backup it restored
#: (re-test 41, F8: it was updated with no word, and restoring the copy from before an
#: update seemed the way back to an older Solace).
UPDATED_BY_RESTORE = (
    "The backup you restored was made by an older version of Solace, so Solace updated "
    "it for this version as it restored it. An older version of Solace can no longer "
    "open your journal, on this computer or another."
)


def updated_words(partner_journal: str = "", *, by_restore: bool = False) -> str:
    """`UPDATED` said of one's own journal, or of the partner's named
    ``partner_journal`` (its journal's name), which Together opened; one's own updated
    by a restore (``by_restore``), `UPDATED_BY_RESTORE`."""
    if by_restore and not partner_journal:
        return UPDATED_BY_RESTORE
    if not partner_journal:
        return UPDATED.format(journal="your journal", how="")
    return UPDATED.format(
        journal=f"the journal {quoted(partner_journal)}", how=" as Together opened it"
    )


def upgrade_room(folder: Path) -> int:
    """The bytes an upgrade of ``folder``'s database needs free beside it: the snapshot
    taken first (a copy of the file), half as much again for the migrations' log (most
    rewrite an index or a few rows; 0009 rewrote every body), and `backups.OPEN_ROOM`.
    The compaction after them is not counted: without room it waits for a later unlock
    (`migrate.compact`), and the journal opens meanwhile, as the version before did."""
    size = (folder / DATABASE_NAME).stat().st_size
    return size + size // 2 + backups.OPEN_ROOM


def _upgrade(journal: OpenJournal) -> None:
    """Bring ``journal``'s file up to this version (`migrate.upgrade`), with the snapshot
    first. Raises `DiskFull` for `UPDATE`, with nothing written, when the disk has not
    the room it needs (`upgrade_room`), and when a migration found it full (then the
    migration's one transaction left the file as it was; the snapshot is kept, a good
    copy). A full disk was told as "Something went wrong on Solace's side", and a
    snapshot that fitted but could not be read back as a wrong key, its snapshot then
    filling the disk (break test 41, finding 1)."""

    def snapshot() -> None:  # called only when a migration is to run
        needed = upgrade_room(journal.folder)
        if backups.lacks_room(journal.folder, needed):
            raise DiskFull(UPDATE, needed)
        journal.snapshot("before-upgrade")

    try:
        migrate.upgrade(journal.db.engine, snapshot=snapshot)
    except SQLAlchemyError as error:
        if isinstance(failures.told(error), DiskFull):
            raise DiskFull(UPDATE, upgrade_room(journal.folder)) from None
        raise
    update, journal.notes_unread = migrate.untold(journal.db.engine)
    journal.updated, journal.updated_by_restore = bool(update), update == migrate.BY_RESTORE
    journal._notes_kept = list(journal.notes_unread)


def unwritable(folder: Path) -> str:
    """What of a journal cannot be written, in words ("" when all can): its folder
    (SQLite makes its WAL there), its database file or its key file. Checked before
    an unlock writes anything, so read-only files are told, never changed."""
    for path, what in (
        (folder, "its folder"),
        (folder / DATABASE_NAME, "journal.db"),
        (folder / HEADER_NAME, "vault.json"),
    ):
        if path.exists() and not os.access(path, os.W_OK):
            return what
    return ""


def _retire_generation(
    journal: OpenJournal,
    opened: int,
    retired: Sequence[bytes | bytearray],
    credential: tuple[SlotKind, bytes] | None = None,
) -> None:
    """Finish a key rotation (the one running, or one a crash cut short) for the key
    generation ``opened``, whose key opens the live database: first every copy kept
    before a restore and the sealed drafts under one of the ``retired`` keys are
    re-keyed (`snapshots.rekey_kept_copies`, `drafts.reseal`) while the key file still
    holds the old generation, so a crash here leaves them to the next unlock, which
    unwraps the old key again; then the key file drops every other generation; then
    every snapshot is settled under the live credentials (`snapshots.settle`: copies
    of a retired generation replaced by a fresh one). ``credential`` (the kind and
    secret that unlocked) also re-keys a kept copy left under a key retired earlier
    whose own key file it opens, as a rotation finished before this order left some
    (break test 16 of session 9, finding 17). Raises what writing raises."""
    snapshots.rekey_kept_copies(journal.folder, retired, journal.data_key, credential)
    journal._reseal_drafts(retired)
    h = journal.header
    keep = [s for s in h.slots if s.generation == opened]
    if len(keep) != len(h.slots):
        log.info("completing a key rotation")
        journal._write(with_slots(h, keep))
    journal.settle_snapshots(retired)


def _check_identity(journal: OpenJournal) -> None:
    with journal.db.session() as session:
        stored = session.scalar(select(JournalMeta.value).where(JournalMeta.key == "journal_id"))
    if stored is not None and stored != journal.header.journal_id:
        raise JournalDamaged("The database belongs to a different journal.")


def restore_header(
    folder: Path,
    kind: SlotKind,
    secret: bytes,
    candidates: list[VaultHeader] | None = None,
    why: str = DAMAGED,
) -> PutBack | None:
    """Put back a journal's missing or damaged key file from a copy kept with its
    snapshots (or one of ``candidates``, e.g. the live header mended by
    `journal.storage.lock.vault.mended`), if ``secret`` unwraps a key in it which
    opens the live database.

    The file found in its place, if any, is kept beside it under a name of its own for
    ``why`` (`kept_beside.keep_beside`: ``vault.json.damaged-<stamp>``, or
    ``vault.json.another-journal-<stamp>`` for another journal's key file), never over
    one kept before (break test 16 of session 18, re-test R4). Returns what was done,
    None when no copy was put back. Raises OSError when the files cannot be moved.
    """
    db_path = folder / DATABASE_NAME
    if not db_path.is_file():
        return None
    for header in kept_headers(folder) if candidates is None else candidates:
        for _generation, raw_key in opening_keys(header, kind, secret):
            if snapshots.opens_with(db_path, raw_key):
                found = folder / HEADER_NAME
                kept = keep_beside(found, why) if found.exists() else None
                write_header(folder, header)
                log.info("restored the key file from a snapshot's copy")
                return PutBack(kept)
    return None
