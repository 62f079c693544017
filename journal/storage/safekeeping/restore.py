"""Restoring a journal from an automatic backup or from a backup file.

Order, so that nothing is lost whatever fails or whenever the process dies:

1. when the journal being replaced has a readable key file, the person's CURRENT
   passphrase (or recovery key) must open it: no older credential, such as the one
   an old backup file opens with, ever gains power over the journal as it is now;
   the kept backups then get the live header (settled) before any is used;
2. the backup's key header is read and its data key unwrapped: an automatic backup
   opens with today's credentials, a backup file with those valid when it was made;
3. the backup is copied into ``<journal>/.restore/`` (a full disk stops here, with
   the journal untouched) and checked there: page HMACs, structure, search index,
   journal id; a backup from an older Solace is migrated forward on that copy; it is
   then re-encrypted under the live data key and given the live key file, so it
   opens with today's passphrase and recovery key only;
4. the marker is written and `journal.storage.safekeeping.swap.finish_restore`
   moves the current journal aside into ``backups/<stamp>-before-restore/`` and
   the restored one into place, by renames a crash can only interrupt, never mix;
5. nothing is deleted: the backup restored from is copied, never moved, and stays
   in the list; the copy kept aside gets a ``DAMAGED`` marker when it fails its
   check, so the restore list can say it could not be checked;
6. the restored journal records which backup it now is exactly
   (`journal.storage.changes.SAME_AS`, gone at its first change): a kept backup by its
   folder's name, so Settings says that backup holds it, a backup file by its content
   (`status.file_identity`); a copy kept aside that was still exactly a kept backup,
   or a backup file an earlier copy aside was too, says so beside it
   (`status.note_same_as`), so the rotation can let it go while that one is kept; and
   restoring the backup the journal is exactly already keeps no copy aside at all
   (break test 16 of session 12, finding 8).

The journal must be locked (no open engine on it) while this runs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from journal.domain.common.bidi import quoted
from journal.domain.common.local_time import to_local
from journal.domain.safekeeping.rotation import Reason
from journal.errors import (
    DatabaseTooNew,
    JournalDamaged,
    KeepAsideFailed,
    SolaceError,
    WrongPassphrase,
    WrongRecoveryKey,
)
from journal.files import read_regular
from journal.paths import ensure_private_dir, journals_dir
from journal.storage import migrate
from journal.storage.atomic import atomic_write_bytes, fsync_dir
from journal.storage.database import Database
from journal.storage.journal_files import DATABASE_NAME, HEADER_NAME, wal_of
from journal.storage.lock import keys, names, snapshots
from journal.storage.lock.engine import open_engine
from journal.storage.lock.snapshots import opens_with
from journal.storage.lock.vault import (
    BACKUPS_NAME,
    SlotKind,
    VaultHeader,
    kept_headers,
    mended,
    opening_keys,
    read_header,
    with_slots,
    write_header,
)
from journal.storage.safekeeping.archive import (
    NotABackup,
    check_members,
    extract_archive,
    open_archive,
    read_manifest,
)
from journal.storage.safekeeping.backups import (
    DAMAGED,
    NO_ROOM_ERRORS,
    STAMP,
    as_told,
    in_the_future,
    list_backups,
    not_offered,
    rotate,
    stamp_time,
)
from journal.storage.safekeeping.checks import check_database, check_pages
from journal.storage.safekeeping.status import (
    carry_last_copy,
    file_identity,
    mark_same_as,
    note_same_as,
    same_as_mark,
)
from journal.storage.safekeeping.swap import READY, finish_restore, restoring, staging_dir


class BackupUnusable(SolaceError):
    """The backup opened but did not pass its checks; nothing was replaced. `problem` is
    one sentence (`CheckResult.told`). Whether another backup may be good is said by
    the Restore dialog, which knows what else is offered (it was said here of an
    earlier backup when the damaged one was the oldest: break test 16 of session 23)."""

    def __init__(self, problem: str) -> None:
        super().__init__(
            f"This backup cannot be restored. {problem} Your journal has not been changed."
        )


class BackupPartDamaged(SolaceError):
    """The part of a backup's key file that the typed secret's kind opens is damaged
    (`KeySlot.usable` false, ``why`` in words), so no secret of that kind can open it;
    the other credential of the backup's time may. Nothing was changed. Before each
    slot was read on its own, such a backup was refused whole ("its key file could not
    be read"); saying "did not open" would blame what she typed (break test 14 of
    session 11, second round, finding 2)."""

    def __init__(self, kind: SlotKind, why: str) -> None:
        if kind is SlotKind.PASSPHRASE:
            text = (
                f"The passphrase part of this backup's key file (vault.json) is damaged: "
                f"{why}, so no passphrase can open it. The recovery key you had when it was "
                "made may still open it: type it in place of the passphrase."
            )
        else:
            text = (
                f"The recovery-key part of this backup's key file (vault.json) is damaged: "
                f"{why}, so no recovery key can open it. The passphrase you had when it was "
                "made may still open it: type it in place of the recovery key."
            )
        super().__init__(f"{text} Nothing has been changed.")


def _refuse_damaged_part(header: VaultHeader, kind: SlotKind) -> None:
    """Raise `BackupPartDamaged` when every slot of ``kind`` in ``header`` is unusable."""
    broken = header.unusable_kinds()
    if kind in broken:
        raise BackupPartDamaged(kind, broken[kind])


class BackupFileWrongPassphrase(SolaceError):
    """The passphrase or recovery key typed did not open a backup file of this journal (its
    key file's wraps). Nothing was changed."""

    def __init__(self) -> None:
        super().__init__(
            "That passphrase did not open this backup. A backup file opens with the "
            "passphrase (or recovery key) you had when it was made. Nothing has been changed."
        )


class BackupOfAnotherJournal(BackupFileWrongPassphrase):
    """A backup (file or folder) of another journal than the one being restored: its
    key file, readable without a passphrase, names that journal. Restoring it never
    brings back this journal, and where that journal is on this computer too
    (``here``) it replaces that one as it is now, so nothing is done before the person
    says yes (`restore`'s ``other_journal``): break test 16 of the eighth session,
    finding 12, and of session 10, finding 9 (it was restored without a question).
    ``name`` is that journal's name in the backup, ``taken_at`` when the backup was
    made (aware UTC, None when it does not say), ``called_here`` its name on this
    computer when it is here (`names.name_here`): it is named by that one, the name the
    person knows it by, and the backup's is said beside it when different (break test
    16 of session 18, finding 2)."""

    def __init__(
        self,
        name: str,
        here: bool = False,
        taken_at: datetime | None = None,
        *,
        called_here: str = "",
    ) -> None:
        made = ""
        if taken_at is not None:
            local = to_local(taken_at)
            made = f" It was made on {local:%A} {local.day} {local:%B %Y, %H:%M}."
        shown = called_here if here and called_here else name
        whose = f'"{shown}"'
        if shown.strip() != name.strip():
            whose += f' (called "{name}" when this backup was made)'
        replaces = (
            f' "{shown}" is on this computer too: restoring this backup puts it in place of '
            f'"{shown}" as it is now, which is kept aside as a backup first, and opens '
            f'"{shown}", with its own passphrase as it is now.'
            if here
            else f' Restoring it adds "{name}" to this computer as a journal of its own, '
            "opened with the passphrase it was made with."
        )
        SolaceError.__init__(
            self,
            f"This backup is of another journal, {whose}, not of this one.{made} It "
            f"cannot bring back this journal, which stays as it is.{replaces} Nothing "
            "has been changed.",
        )
        self.name = name
        self.here = here
        self.taken_at = taken_at


class BackupNeedsItsOwnPassphrase(BackupFileWrongPassphrase):
    """The current passphrase fits the journal but not the backup: the backup was made
    before a change of passphrase, so its own passphrase is needed as well. ``name``:
    the journal, by its name here, when it is another one than the person's own
    (`NotTheCurrentPassphrase`)."""

    def __init__(self, name: str = "") -> None:
        whose = "your passphrase or keys"
        if name:
            whose = f"the passphrase or keys of {quoted(name)}"
        SolaceError.__init__(
            self,
            f"This backup was made before {whose} changed, so it opens with the passphrase "
            "(or recovery key) you had when it was made. Please type that one as well. "
            "Nothing has been changed.",
        )


class NotTheCurrentPassphrase(WrongPassphrase):
    """Restoring over a journal needs the credential that opens it today. ``name``: the
    journal replaced, by its name on this computer, when it is another journal than
    the one whose Restore the person is in (break test 16 of session 18, finding 2:
    "this journal" was the wrong one); "" for that one ("this journal")."""

    def __init__(self, name: str = "") -> None:
        if name:
            text = (
                f"That is not the passphrase (or recovery key) that opens {quoted(name)} "
                f"now. Restoring replaces {quoted(name)}, so Solace asks for the one it "
                "opens with today."
            )
        else:
            text = (
                "That is not the passphrase (or recovery key) that opens this journal now. "
                "Restoring replaces the journal, so Solace asks for the one you use today."
            )
        SolaceError.__init__(self, f"{text} Nothing has been changed.")


def restore(
    data_dir: Path,
    source: Path,
    secret: str,
    *,
    recovery_key: bool = False,
    backup_secret: str | None = None,
    backup_recovery_key: bool = False,
    expected_journal: str | None = None,
    other_journal: bool = False,
) -> Path:
    """Restore the backup at ``source`` and return the journal folder it now fills.

    ``source`` is an automatic backup folder (``journal.db`` + ``vault.json``) or a
    backup archive file. ``secret`` is the journal's CURRENT passphrase (its recovery
    key when ``recovery_key``): when the journal the backup belongs to (by id) is on
    this computer with a readable key file, the restore replaces it only if ``secret``
    opens that live key file, and the restored journal is re-encrypted under the live
    data key and keeps the live key file. So it opens with exactly today's passphrase
    and recovery key, never with the older ones a backup file was made with, and the
    copy of the current journal kept aside (``before-restore``) keeps its own header.
    ``backup_secret`` (a recovery key when ``backup_recovery_key``) opens the backup
    when it differs from ``secret`` (a backup file made before a change of passphrase
    or a key rotation). When there is no journal to replace, or its key file is
    missing or damaged, nothing current can be checked, and the backup's own
    credential is enough: that is the case restore exists for.
    ``expected_journal`` is the id of the journal the person means to restore (the
    one whose dialog they are in); when the backup is of another journal, nothing is
    done and `BackupOfAnotherJournal` says so by that journal's name and the backup's
    date, unless ``other_journal`` (the person was told so and said yes).

    Raises `NotTheCurrentPassphrase`, `BackupOfAnotherJournal`,
    `BackupNeedsItsOwnPassphrase` (``secret`` fits the journal but not the backup),
    `BackupFileWrongPassphrase` (or `WrongPassphrase` / `WrongRecoveryKey` for an
    automatic backup), `NotABackup`, `BackupUnusable`,
    `DatabaseTooNew`, `DiskFull`, `StorageFailed`; in every such case no journal file
    was changed.
    """
    header = check_before_keys(source)
    other = expected_journal is not None and header.journal_id != expected_journal
    if other and not other_journal:  # asked first, whatever passphrase was typed
        called = names.name_here(data_dir, header.journal_id)
        raise BackupOfAnotherJournal(
            header.name, called is not None, backup_made(source), called_here=called or ""
        )
    made_here = not (journals_dir(data_dir) / header.journal_id).exists()
    target = ensure_private_dir(ensure_private_dir(journals_dir(data_dir)) / header.journal_id)
    # A refused restore leaves nothing it made: no empty folder of a journal new here
    # under "Nothing has been changed" (break test 16 of session 15, finding 5).
    with _removed_on_failure(target, made_here):
        finish_restore(target)  # an earlier, interrupted one first
        # A backup of another journal was agreed to above (else refused, whatever was
        # typed): a passphrase that does not open it is told as such, never as whose
        # backup it is again (break test 16 of session 17, finding 3).
        live = _authorise(target, header.journal_id, secret, recovery_key, named=other)
        if live is not None:
            # The kept backups get the live header before any is read (a crash during a
            # change of passphrase may have left one with the retired header).
            snapshots.settle_headers(target, live.data_key)
        data_key = _backup_key(
            header, source, live, secret, recovery_key, backup_secret, backup_recovery_key
        )
        identity = _identity(source, target)
        # The journal is exactly this backup already (restored from it, nothing written
        # since): the copy kept aside would hold exactly what is restored, so none is kept
        # (break test 16 of session 12, finding 8: 13 restores of one file, 13 copies).
        again = live is not None and _is_already(target, live.data_key, identity)
        staging = staging_dir(target)
        aside = ""
        with restoring(target):  # the lock screen's listing leaves this copy alone
            shutil.rmtree(staging, ignore_errors=True)
            try:
                ensure_private_dir(staging)
                _copy_in(source, staging)
                if live is None:  # a journal new here, or one whose key file is damaged
                    _own_name(staging, data_dir, target)
                _check(staging / DATABASE_NAME, data_key, header.journal_id)
                if live is not None:
                    _take_live_credentials(staging, data_key, live)
                mark_same_as(
                    staging / DATABASE_NAME,
                    live.data_key if live is not None else data_key,
                    identity,
                )
                stamp = datetime.now(UTC).strftime(STAMP)
                aside = f"{BACKUPS_NAME}/{stamp}-{Reason.BEFORE_RESTORE.value}"
                _make_aside(target / aside)  # before READY, after which the swap is due
                atomic_write_bytes(staging / READY, aside.encode())
                fsync_dir(staging)
            except BaseException as error:
                shutil.rmtree(staging, ignore_errors=True)
                if aside:
                    with contextlib.suppress(OSError):
                        (target / aside).rmdir()  # made here, still empty
                if isinstance(error, BackupUnusable) and source.parent == target / BACKUPS_NAME:
                    (source / DAMAGED).touch()  # a kept backup: marked, never offered again
                raise as_told(error, _source_size(source), target, "restore this backup") from error
            ensure_private_dir(target / BACKUPS_NAME)
    finish_restore(target)
    # The copy kept aside is marked when it fails its check, so the restore list can
    # say so; then the copies kept aside join the rotation: each is kept while its day
    # is in the daily window (it may be the only copy of what was written before this
    # restore: break test 16 of session 11, finding 10), only older ones are cut to a
    # bounded count, the oldest deleted only once a newer good one exists (session 8,
    # finding 8). The backup restored from is never one the rotation drops for this
    # restore: copies aside never take a day's, week's or safety place.
    if live is not None:
        if not _mark_if_damaged(target / aside, live.data_key):
            note_same_as(target / aside, live.data_key)
        carry_last_copy(target / aside / DATABASE_NAME, target / DATABASE_NAME, live.data_key)
        if again:
            shutil.rmtree(target / aside, ignore_errors=True)
    rotate(target)
    return target


@contextmanager
def _removed_on_failure(folder: Path, made_here: bool) -> Iterator[None]:
    """Run the block; when it raises and ``folder`` was ``made_here`` (a journal new on
    this computer), remove the folders the attempt left in it, as long as they hold no
    file (a file is never deleted here), then re-raise."""
    try:
        yield
    except BaseException:
        if made_here:
            for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
                with contextlib.suppress(OSError):
                    path.rmdir()  # only an empty folder goes
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _identity(source: Path, target: Path) -> str:
    """What the restored journal records it is exactly (`status.mark_same_as`): a kept
    backup of ``target`` by its folder's name, a backup file by its content
    (`status.file_identity`), so the same file is known again wherever it lies; "" when
    the file cannot be read again (then nothing is recorded)."""
    if source.parent == target / BACKUPS_NAME:
        return source.name
    if source.is_dir():
        return ""
    try:
        return file_identity(source)
    except OSError:
        return ""


def _is_already(target: Path, data_key: bytes, identity: str) -> bool:
    """Whether the closed journal in ``target`` is exactly the backup ``identity``
    names (its `SAME_AS` mark, which the first change removes). Not when a WAL is beside
    its database (a crash: what it holds is judged by the copy's own check) or nothing
    is known of the backup."""
    if not identity or wal_of(target / DATABASE_NAME).exists():
        return False
    if not (target / DATABASE_NAME).is_file():
        return False
    return same_as_mark(target / DATABASE_NAME, data_key) == identity


def _make_aside(folder: Path) -> None:
    """Make the empty folder (0700) the current journal is kept in before a restore
    replaces it. Made before the restore's READY marker: once that is written the swap
    is carried out, at the next start if not now, and a backups folder that refused
    the copy (read-only, or its disk removed) left a restore that failed with
    "Something went wrong", locked the person out and completed later without a word
    (break test 16 of session 12, finding 6).

    Raises `KeepAsideFailed` with the system's reason; a full disk's `OSError` as it
    is (`as_told` says it).
    """
    try:
        ensure_private_dir(folder.parent)
        folder.mkdir(mode=0o700)
    except OSError as error:
        if error.errno in NO_ROOM_ERRORS:
            raise
        raise KeepAsideFailed(error.strerror or type(error).__name__) from error


def _mark_if_damaged(aside: Path, data_key: bytes) -> bool:
    """Write the `DAMAGED` marker, with the problems found, into the copy kept aside
    before a restore when it does not pass `check_pages` (it is kept all the same);
    True when it was marked (or holds no database). A copy SQLite could not read from
    the disk (no room) is left unmarked: nothing is known of it."""
    if not (aside / DATABASE_NAME).is_file():
        return True
    result = check_pages(aside / DATABASE_NAME, data_key)
    if result.not_read:  # not read for lack of room: nothing is known of the copy
        return False
    if not result.ok:
        atomic_write_bytes(aside / DAMAGED, " ".join(result.problems).encode())
    return not result.ok


@dataclass(frozen=True, slots=True)
class _Live:
    """The journal being replaced: its key file (one key generation) and data key, and
    its name here when it is named in refusals (another journal than the person's own;
    else "")."""

    header_bytes: bytes
    data_key: bytes
    name: str = ""


def refused_before_restore(
    data_dir: Path, source: Path, secret: str, *, recovery_key: bool = False, name: str = ""
) -> SolaceError | None:
    """What `restore` would refuse ``secret`` (a recovery key when ``recovery_key``)
    with, found by reading alone, so that a question the restore asks first (words
    written after the backup, or whether to restore another journal) is never asked of
    a passphrase that cannot restore it (break test 16 of session 20, L1: the question
    came first, and the wrong passphrase was said only after "Restore anyway"; session
    24, F10: the same of "Restore “Other”, another journal?").

    `NotTheCurrentPassphrase` when the journal ``source`` backs up is in ``data_dir``
    with a whole key file of its own whose wraps of that kind ``secret`` does not open:
    the case `restore` refuses with it (`_authorise`), naming the journal ``name``
    when it is another journal than the one whose Restore the person is in; and
    `BackupFileWrongPassphrase` when that journal is not on this computer at all (a new
    computer, another journal's file) and ``secret`` opens no wrap of the backup file
    itself, which is then the passphrase asked for (`_backup_key`). None when ``secret`` opens it,
    and when only the restore can tell (no key file, an unreadable or damaged one,
    another journal's: it may mend or put it back from a kept copy first). Writes
    nothing. One key derivation per wrap tried (seconds with the default KDF
    parameters: call it off the GUI thread). Raises what `check_before_keys` raises."""
    header = check_before_keys(source)
    target = journals_dir(data_dir) / header.journal_id
    kind, typed = _kind(secret, recovery_key)
    if not target.exists() and source.is_file():  # nothing here: the file's own wraps
        if opening_keys(header, kind, typed) or kind in header.unusable_kinds():
            return None  # opens it, or its damaged part is said by the restore
        return BackupFileWrongPassphrase()
    try:
        live = VaultHeader.from_bytes(read_regular(target / HEADER_NAME))
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    if live.journal_id != header.journal_id or kind in live.unusable_kinds():
        return None
    if opening_keys(live, kind, typed):
        return None
    repaired = mended(live, kept_headers(target))  # a wrap damaged in place: as `_authorise`
    if repaired is not None and opening_keys(repaired, kind, typed):
        return None
    return NotTheCurrentPassphrase(name)


def _authorise(
    target: Path, journal_id: str, secret: str, recovery_key: bool, *, named: bool = False
) -> _Live | None:
    """The live journal's key file and key, unwrapped with the current ``secret``.

    A key file damaged on the disk, missing or another journal's is first put back from
    a copy kept with the backups that ``secret`` opens, as Unlock does
    (`_put_back_key_file`). None when there is still nothing to check: no key file (a
    new computer, or one lost), or one that is damaged or belongs to another journal,
    with no kept copy ``secret`` opens. Raises `NotTheCurrentPassphrase`, naming the
    journal by its key file's name when ``named`` (another journal than the one whose
    Restore the person is in).
    """
    kind, typed = _kind(secret, recovery_key)
    _put_back_key_file(target, journal_id, kind, typed)
    try:
        raw = read_regular(target / HEADER_NAME)
        live = VaultHeader.from_bytes(raw)
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    if live.journal_id != journal_id:
        return None
    candidates = opening_keys(live, kind, typed)
    repaired = None if candidates else mended(live, kept_headers(target))
    if repaired is not None:
        # Mended in memory, when not on the disk (its database does not open, so it was
        # left as it is): the right passphrase was refused here while Unlock took it
        # (break test 16 of session 18, re-test R8).
        candidates = opening_keys(repaired, kind, typed)
        if candidates:
            live, raw = repaired, repaired.to_bytes()
    if not candidates:
        raise NotTheCurrentPassphrase(live.name if named else "")
    generation, key = candidates[0]
    if len(candidates) > 1:  # an interrupted rotation: the key that opens the database
        db_path = target / DATABASE_NAME
        generation, key = next(
            ((g, k) for g, k in candidates if db_path.is_file() and opens_with(db_path, k)),
            candidates[0],
        )
    if any(slot.generation != generation for slot in live.slots):
        raw = with_slots(live, [s for s in live.slots if s.generation == generation]).to_bytes()
    return _Live(raw, key, live.name if named else "")


def _put_back_key_file(target: Path, journal_id: str, kind: SlotKind, typed: bytes) -> None:
    """Mend or put back the key file in ``target`` (the journal ``journal_id``) from the
    copies kept with its backups, as Unlock does (`journal.restore_header`, the file
    found kept beside it), when it is damaged on the disk, missing or another
    journal's, and ``typed`` (of ``kind``) opens a copy that opens the database; else
    nothing is written.

    A restore over such a key file unwrapped the mended key in memory only: the kept
    backups were then given the damaged file as "the live header"
    (`snapshots.settle_headers`), and the copy kept aside held it, or, unreadable, was
    listed as damaged though its database was whole (break test 16 of session 19,
    finding 1; re-test R8 of session 18 mended it for the passphrase only)."""
    from journal.storage.lock.journal import restore_header
    from journal.storage.lock.kept_beside import ANOTHER_JOURNAL

    own = [copy for copy in kept_headers(target) if copy.journal_id == journal_id]
    if not own:
        return
    try:
        live = VaultHeader.from_bytes(read_regular(target / HEADER_NAME))
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        restore_header(target, kind, typed, own)
        return
    if live.journal_id != journal_id:
        restore_header(target, kind, typed, own, ANOTHER_JOURNAL)
        return
    if opening_keys(live, kind, typed):
        return
    repaired = mended(live, own)
    if repaired is not None:
        restore_header(target, kind, typed, [repaired])


def _kind(secret: str, recovery_key: bool) -> tuple[SlotKind, bytes]:
    if recovery_key:
        return SlotKind.RECOVERY, keys.normalise_recovery_key(secret)
    return SlotKind.PASSPHRASE, keys.normalise_passphrase(secret)


def _backup_key(
    header: VaultHeader,
    source: Path,
    live: _Live | None,
    secret: str,
    recovery_key: bool,
    backup_secret: str | None,
    backup_recovery_key: bool,
) -> bytes:
    """The data key that opens the backup's database."""
    if backup_secret is not None:
        kind, typed = _kind(backup_secret, backup_recovery_key)
        found = opening_keys(header, kind, typed)
        if found:
            return found[0][1]
        _refuse_damaged_part(header, kind)
        raise BackupFileWrongPassphrase()
    kind, typed = _kind(secret, recovery_key)
    found = opening_keys(header, kind, typed)
    if found:
        return found[0][1]
    if live is not None and source.is_dir() and opens_with(source / DATABASE_NAME, live.data_key):
        return live.data_key  # one of the journal's own backups, under today's key
    _refuse_damaged_part(header, kind)
    if live is not None:
        raise BackupNeedsItsOwnPassphrase(live.name)
    if source.is_file():
        raise BackupFileWrongPassphrase()
    raise WrongRecoveryKey() if recovery_key else WrongPassphrase()


def _take_live_credentials(staging: Path, data_key: bytes, live: _Live) -> None:
    """Re-encrypt the staged copy under the live data key and give it the live key
    file, so the restored journal opens with today's credentials and no older ones."""
    db_path = staging / DATABASE_NAME
    if data_key != live.data_key:
        snapshots.rekey_file(db_path, data_key, live.data_key)
    if not opens_with(db_path, live.data_key):
        raise BackupUnusable("It could not be re-encrypted for your current passphrase.")
    atomic_write_bytes(staging / HEADER_NAME, live.header_bytes)


def check_before_keys(source: Path) -> VaultHeader:
    """Check what can be checked of the backup at ``source`` (a backup file or a kept
    backup's folder) before any key is derived, needing no passphrase: a file's members
    against the checksums it keeps (`archive.check_members`: it reads the whole file
    once) and its key file read. Returns that key file. Raises `NotABackup`.

    `restore` runs it first, and the Restore dialog when a file is chosen, before any
    question: a damaged file of another journal asked "Restore “Rowan”, another
    journal?" and said it was damaged only after the yes (break test 16 of session 18,
    finding 3's remainder)."""
    if source.is_file():
        check_members(source)
    try:
        return VaultHeader.from_bytes(_read_header(source))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise NotABackup("its key file could not be read.") from error


def backup_made(source: Path) -> datetime | None:
    """When the backup at ``source`` was made (aware UTC): a kept backup folder's name
    or a backup file's manifest; None when it does not say."""
    if source.is_dir():
        return stamp_time(source.name)
    try:
        return read_manifest(source).taken_at
    except (NotABackup, OSError, ValueError, KeyError, TypeError):
        return None


def backup_journal(source: Path) -> tuple[str, str, datetime | None] | None:
    """The journal a backup (file or folder) is of, read without a passphrase: its id,
    its name and when the backup was made; None when its key file cannot be read."""
    try:
        header = VaultHeader.from_bytes(_read_header(source))
    except (NotABackup, OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    return header.journal_id, header.name, backup_made(source)


def _source_size(source: Path) -> int:
    path = source / DATABASE_NAME if source.is_dir() else source
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _read_header(source: Path) -> bytes:
    if source.is_dir():
        try:
            return read_regular(source / HEADER_NAME)
        except OSError as error:
            raise NotABackup("its key file is missing.") from error
    with open_archive(source) as archive:
        return archive.read(HEADER_NAME)


def _own_name(staging: Path, data_dir: Path, target: Path) -> None:
    """Give the staged key file a name no other journal on this computer has (the
    journal in ``target`` keeps its own): "Mine (2)" beside another "Mine" (break test
    16 of session 12b, finding 6; `names.free_name`). The name is not bound to the
    wrapped keys, so the key file opens as before."""
    header = read_header(staging)
    name = names.free_name(data_dir, header.name, besides=target)
    if name != header.name:
        write_header(staging, dataclasses.replace(header, name=name))


def _copy_in(source: Path, staging: Path) -> None:
    if source.is_dir():
        for name in (HEADER_NAME, DATABASE_NAME):
            shutil.copyfile(source / name, staging / name)
    else:
        extract_archive(source, staging)


def _check(db_path: Path, data_key: bytes, journal_id: str) -> None:
    """Checks on the staged copy, then migration forward when it is older."""
    result = check_database(db_path, data_key)
    if not result.ok:
        raise BackupUnusable(result.told)
    if result.journal_id and result.journal_id != journal_id:
        raise BackupUnusable("Its database belongs to a different journal.")
    if result.revisions - migrate.known_revisions():
        raise DatabaseTooNew()
    if result.revisions != migrate.head_revisions():
        database = Database(open_engine(db_path, data_key))
        try:
            migrate.upgrade(database.engine, restored=True)  # told at its opening
        except JournalDamaged:  # said of the backup, not of the journal
            raise BackupUnusable(migrate.VERSION_RECORD_DAMAGED) from None
        finally:
            database.close()
        after = check_database(db_path, data_key)
        if not after.ok:
            raise BackupUnusable(after.told)


def restore_newest_good(
    data_dir: Path, journal_folder: Path, secret: str, *, recovery_key: bool = False
) -> Path:
    """Restore the newest automatic backup of ``journal_folder`` that passes its checks.

    Tries each backup from the newest back, skipping damaged ones, those of another
    journal and those dated in the future (`backups.not_offered`, `in_the_future`). Raises
    `NoGoodBackup` when none is left (nothing changed), or what `restore` raises.
    """

    live = _authorise(journal_folder, journal_folder.name, secret, recovery_key)
    if live is not None:
        snapshots.settle_headers(journal_folder, live.data_key)
    for backup in reversed(list_backups(journal_folder)):
        if backup.reason is Reason.BEFORE_RESTORE:
            continue  # the journal as it was before an earlier restore: chosen by hand only
        if not_offered(backup, journal_folder.name) or in_the_future(backup):
            continue  # another journal's, damaged, or dated ahead: as the restore list
        try:
            return restore(data_dir, backup.folder, secret, recovery_key=recovery_key)
        except BackupUnusable:
            continue
    raise NoGoodBackup()


class NoGoodBackup(SolaceError):
    """Restoring from the journal's own snapshots found none, or only damaged ones. Nothing
    was changed."""

    def __init__(self) -> None:
        super().__init__(
            "No backup of this journal could be restored: there is none yet, or each one "
            "is damaged. Nothing has been changed. A backup file you saved elsewhere may help."
        )
