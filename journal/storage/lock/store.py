"""The journals on this computer, as the lock screen sees them.

Listing reads only the small vault headers. Creating and unlocking need SQLAlchemy,
Alembic and SQLCipher, which `journal.storage.lock.journal` brings in: it is imported
inside those methods so that the lock screen appears before that stack has loaded
(start-up loads it in the background straight after the first paint).
"""

from __future__ import annotations

import errno
import logging
import shutil
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from journal.domain.common.bidi import quoted
from journal.domain.common.ids import is_uuid
from journal.errors import (
    JournalDamaged,
    JournalMissing,
    PassphraseChangeInterrupted,
    RequirementMissing,
    WrongPassphrase,
    WrongRecoveryKey,
)
from journal.files import read_regular
from journal.paths import journals_dir
from journal.storage import places
from journal.storage.journal_files import DATABASE_NAME, HEADER_NAME
from journal.storage.lock import keys
from journal.storage.lock.kept_beside import ANOTHER_JOURNAL, DAMAGED, PutBack, kept_beside
from journal.storage.lock.keys import DEFAULT_KDF, KdfParams
from journal.storage.lock.vault import (
    HEADER_ALTERED,
    JournalInfo,
    SlotKind,
    VaultHeader,
    checksum_fails,
    checksum_holds,
    kept_headers,
    mended,
    name_left,
    of_another_journal,
    passphrase_fits,
    read_header,
    unwrap_candidates,
)
from journal.storage.safekeeping.swap import finish_restore

if TYPE_CHECKING:
    from journal.storage.lock.journal import OpenJournal

log = logging.getLogger(__name__)


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
        places.protect(data_dir)  # no chosen place to write to may lie inside it

    def journals(self) -> list[JournalInfo]:
        """Every folder holding a journal's key file or database, by name.

        A journal that cannot be opened as it is (key file missing or damaged, database
        missing, folder unreadable) is listed with `problem` and `help` in plain words.
        Folders whose name starts with a dot (a creation still under way) are skipped.
        A link is never followed (a journal's folder is never a link Solace made), but
        one in the place of a journal's folder is listed with what to do (`linked`),
        never left out without a word. Never raises for what it finds on disk; a
        journals folder that cannot be read is logged.
        """
        try:
            folders = sorted(self.root.iterdir()) if self.root.is_dir() else []
        except OSError as error:
            log.error("cannot list the journals folder: %s", type(error).__name__)
            return []
        found: list[JournalInfo] = []
        for folder in folders:
            if folder.name.startswith("."):
                continue
            if folder.is_symlink():
                if is_uuid(folder.name):  # where a journal's folder would be
                    found.append(linked(folder))
                continue
            if not folder.is_dir():
                continue
            try:
                finish_restore(folder)  # a restore a crash interrupted completes first
                info = describe(folder)
            except OSError as error:
                log.error("cannot read a journal folder: %s", type(error).__name__)
                info = unreadable(folder, error)
            if info is not None:
                found.append(info)
        return sorted(found, key=lambda j: (j.name.casefold(), j.created_at))

    def withdraw_keys_left_on_screen(self) -> int:
        """Withdraw, in every journal here, a recovery key a crash left unconfirmed
        after it was on screen (`journal.storage.lock.journal.withdraw_left_key`).
        Call only while this process holds the single-instance lock and shows no key
        (at start): a key on screen in this process is unconfirmed too. Returns how
        many were withdrawn; a journal whose files refuse it is logged and skipped
        (its key still opens nothing, and its next unlock tries again)."""
        withdrawn = 0
        try:
            folders = sorted(self.root.iterdir()) if self.root.is_dir() else []
        except OSError as error:
            log.error("cannot list the journals folder: %s", type(error).__name__)
            return 0
        for folder in folders:
            if folder.name.startswith(".") or folder.is_symlink() or not folder.is_dir():
                continue
            try:
                header = read_header(folder)
                slot = header.recovery_slot(header.current_generation)
                if slot is None or slot.shown:
                    continue  # the usual case, read without loading SQLAlchemy
                from journal.storage.lock.journal import withdraw_left_key

                withdrawn += withdraw_left_key(folder)
            except Exception as error:  # a damaged or missing key file: told at unlock
                log.info("no left key withdrawn from a journal: %s", type(error).__name__)
        return withdrawn

    def create(
        self, name: str, passphrase: str, kdf: KdfParams = DEFAULT_KDF
    ) -> tuple[OpenJournal, str]:
        """A new journal and its recovery key (to show once)."""
        from journal.storage.lock.journal import create_journal

        require_sqlcipher()
        return create_journal(self.data_dir, name, passphrase, kdf)

    def unlock(
        self, folder: Path, passphrase: str, *, check_later: bool = False, update: bool = True
    ) -> OpenJournal:
        """The journal in ``folder``, opened with ``passphrase``. With ``check_later``
        (the window's unlock) a large journal's pages are checked beside the opening
        window (`journal.storage.lock.page_check`); without ``update`` a file made by an
        older Solace is left as it is (`unlock_journal`). Raises what `unlock_journal`
        raises, `WrongPassphrase` when the passphrase opens nothing."""
        secret = keys.normalise_passphrase(passphrase)
        return self._unlock(folder, SlotKind.PASSPHRASE, secret, check_later, update)

    def unlock_with_recovery_key(self, folder: Path, recovery_key: str) -> OpenJournal:
        """`unlock` with the journal's recovery key, its pages checked first (a new
        passphrase is asked for before the window opens); `WrongRecoveryKey` when it
        opens nothing."""
        try:
            secret = keys.normalise_recovery_key(recovery_key)
            return self._unlock(folder, SlotKind.RECOVERY, secret)
        except WrongPassphrase:
            raise WrongRecoveryKey() from None

    def check_passphrase(self, folder: Path, passphrase: str) -> bool:
        return passphrase_fits(read_header(folder), passphrase)

    def remove(self, folder: Path, typed: str) -> None:
        """Delete the journal in ``folder`` for good, confirmed by ``typed``: its
        passphrase or its recovery key (`owner_confirmed`). The header goes first:
        without it the rest is unreadable ciphertext even before the files are gone.

        Raises `WrongPassphrase` when ``typed`` opens neither, and `JournalDamaged` or
        `JournalMissing` when no key file, live or kept, can be read to check it.
        """
        if not owner_confirmed(folder, typed):
            raise WrongPassphrase()
        (folder / HEADER_NAME).unlink(missing_ok=True)
        shutil.rmtree(folder)

    def _unlock(
        self,
        folder: Path,
        kind: SlotKind,
        secret: bytes,
        check_later: bool = False,
        update: bool = True,
    ) -> OpenJournal:
        from journal.storage.lock.journal import (
            restore_header,
            roll_back_rotation,
            unlock_journal,
        )

        require_sqlcipher()
        put_back: PutBack | None = None  # the key file replaced by a kept copy: told once open
        foreign: VaultHeader | None = None  # another journal's key file, found in its place
        try:
            live = read_header(folder)
        except (JournalMissing, JournalDamaged):
            put_back = restore_header(folder, kind, secret)
            if put_back is None:
                if kept_headers(folder):  # found, but the secret opens no kept copy
                    raise WrongPassphrase() from None
                raise
        else:
            own = own_headers(folder) if belongs_elsewhere(folder, live) else None
            if own is not None:
                put_back = restore_header(folder, kind, secret, own, ANOTHER_JOURNAL)
                if put_back is None:
                    raise JournalDamaged(f"{foreign_problem(live)} {foreign_help(folder, own)}")
                foreign = live
            else:
                repaired = None if sound(folder, live) else mended(live, kept_headers(folder))
                if repaired is not None:
                    put_back = restore_header(folder, kind, secret, [repaired])
                    if put_back is None:
                        raise JournalDamaged(
                            f"{HEADER_ALTERED} Solace keeps a copy of the damaged part with "
                            "the backups, but that passphrase did not open it either. Please "
                            "check it and try again, or use your recovery key. Nothing has "
                            "been changed."
                        )
        try:
            journal = unlock_journal(folder, kind, secret, check_later=check_later, update=update)
            if put_back is not None:
                journal.key_file_note = key_file_put_back_words(put_back, kind, foreign)
            return journal
        except (JournalDamaged, WrongPassphrase) as error:
            # A rotation that dropped the old generation from the key file while the
            # database stayed under the old key (break test 16 of session 9, finding
            # 18): rolled back from a kept copy of the key file, and told.
            if roll_back_rotation(folder, kind, secret):
                return unlock_journal(folder, kind, secret, rolled_back=True, update=update)
            if isinstance(error, JournalDamaged):
                raise
            broken = read_header(folder).unusable_kinds()
            if kind in broken:  # this secret's part is damaged; the other still opens it
                left = one_credential_left(read_header(folder), folder, broken)
                raise JournalDamaged(f"{left.problem} {left.help}") from None
            if header_altered(folder):
                raise JournalDamaged(f"{HEADER_ALTERED} {ALTERED_HELP[kind]}") from None
            if kind is SlotKind.PASSPHRASE:
                return self._after_interrupted_change(folder, secret, update)
            raise

    def _after_interrupted_change(self, folder: Path, secret: bytes, update: bool) -> OpenJournal:
        """A passphrase the live key file refused, when a change of passphrase a crash
        cut short may explain it: the change is finished if this is the new passphrase
        (`finish_passphrase_change`), else the refusal says which passphrase opens the
        journal now (`PassphraseChangeInterrupted`). Raises WrongPassphrase otherwise."""
        from journal.storage.lock.journal import (
            finish_passphrase_change,
            passphrase_change_refusal,
            unlock_journal,
        )

        if finish_passphrase_change(folder, secret.decode("utf-8")):
            return unlock_journal(folder, SlotKind.PASSPHRASE, secret, update=update)
        refusal = passphrase_change_refusal(folder)
        if refusal:
            raise PassphraseChangeInterrupted(refusal) from None
        raise WrongPassphrase()


def _unnamed(folder: Path) -> str:
    """What a journal whose name cannot be read is called in the list."""
    return f"Journal in folder {folder.name[:8]}"


def describe(folder: Path) -> JournalInfo | None:
    """What the lock screen can say about one journal folder without a passphrase;
    None when the folder holds no journal at all."""
    has_header = (folder / HEADER_NAME).exists()
    has_database = (folder / DATABASE_NAME).exists()
    if not has_header and not has_database:
        return None
    copies = kept_headers(folder)
    try:
        h = read_header(folder)
    except (JournalMissing, JournalDamaged) as error:
        name = copies[0].name if copies else name_left(folder) or _unnamed(folder)
        detail = error.detail if isinstance(error, JournalDamaged) else ""
        if not has_header:
            problem = "This journal's key file (vault.json) is missing."
        else:
            problem = detail or "This journal's key file (vault.json) could not be read."
        return JournalInfo(
            folder.name, name, "", folder, problem, _help(folder, copies), opens=bool(copies)
        )
    if belongs_elsewhere(folder, h):
        own = own_headers(folder)
        name = own[0].name if own else _unnamed(folder)
        created = own[0].created_at if own else ""
        problem, help_ = foreign_problem(h), foreign_help(folder, own)
        return JournalInfo(folder.name, name, created, folder, problem, help_, opens=bool(own))
    repaired = None if sound(folder, h) else mended(h, copies)
    if repaired is not None:
        return JournalInfo(
            h.journal_id, h.name, h.created_at, folder, HEADER_ALTERED, _help(folder, copies)
        )
    broken = h.unusable_kinds()
    if broken and has_database:
        return one_credential_left(h, folder, broken)
    if header_altered(folder):
        return JournalInfo(
            h.journal_id, h.name, h.created_at, folder, HEADER_CHANGED, ALTERED_HELP[None]
        )
    if not has_database:
        return JournalInfo(
            h.journal_id,
            h.name,
            h.created_at,
            folder,
            "This journal's database file (journal.db) is missing, so neither the "
            "passphrase nor the recovery key can open it.",
            _missing_database_help(folder, h.journal_id),
            opens=False,
        )
    return JournalInfo(h.journal_id, h.name, h.created_at, folder)


# What is wrong, and what still opens it, when one kind of key slot is unusable.
DAMAGED_PART: dict[SlotKind, tuple[str, str]] = {
    SlotKind.PASSPHRASE: (
        "The passphrase part of this journal's key file (vault.json) is damaged: {why}, "
        "so your passphrase cannot open this journal as it is.",
        "Your recovery key can still open this journal: choose Use recovery key…, then "
        "choose a new passphrase, which writes that part afresh. Nothing has been changed.",
    ),
    SlotKind.RECOVERY: (
        "The recovery-key part of this journal's key file (vault.json) is damaged: {why}, "
        "so your recovery key cannot open this journal as it is.",
        "Your passphrase still opens it. Once it is open, Solace shows you a new recovery "
        "key to write down. Nothing has been changed.",
    ),
}


def one_credential_left(
    header: VaultHeader, folder: Path, broken: dict[SlotKind, str]
) -> JournalInfo:
    """A journal whose key file has one part damaged (``broken``: the kinds of secret
    whose key slots are unusable, with why; see `VaultHeader.unusable_kinds`), listed
    under its name with what is wrong and the credential that still opens it (break
    test 14 of session 11, finding 1: one bad setting in the passphrase slot refused
    the whole journal, and the intact recovery key was never offered). Only a key file
    with no usable slot is refused whole (`VaultHeader.from_bytes`)."""
    kind = SlotKind.PASSPHRASE if SlotKind.PASSPHRASE in broken else SlotKind.RECOVERY
    problem, help_ = DAMAGED_PART[kind]
    problem = problem.format(why=broken[kind])
    return JournalInfo(
        header.journal_id,
        header.name,
        header.created_at,
        folder,
        problem,
        help_,
        passphrase_opens=SlotKind.PASSPHRASE not in broken,
        recovery_opens=SlotKind.RECOVERY not in broken,
    )


def _missing_database_help(folder: Path, journal_id: str) -> str:
    """What can bring back a journal whose database is missing: Solace's own backups
    of it first, when any is offered (break test 16 of session 11, 11a: the words sent
    her looking for a backup file while a good automatic backup was beside it)."""
    from journal.storage.safekeeping.backups import list_backups, not_offered

    kept = [b for b in list_backups(folder) if not not_offered(b, journal_id)]
    if kept:
        return (
            f"Solace keeps its own backups of this journal beside it ({len(kept)} now). "
            "Restore a backup… brings the journal back from the newest one, with your "
            "passphrase. Nothing has been deleted."
        )
    return (
        "If you made a backup file, Restore a backup… can bring the journal back from "
        f"it. If you have a copy of the journal's folder elsewhere, copy journal.db back "
        f"into {folder}. Nothing has been deleted."
    )


HEADER_CHANGED = (
    "This journal's key file (vault.json) has been changed on the disk since Solace "
    "wrote it, so part of it may be damaged."
)
_RECOVERY_HELP = (
    "Your recovery key may still open it (Use recovery key…); then choose a new "
    "passphrase and a new recovery key in Settings, which writes the key file afresh. "
    "A copy of the journal's folder made before (its vault.json) would open it too."
)
ALTERED_HELP: dict[SlotKind | None, str] = {
    None: "If your passphrase does not open it, your recovery key may. " + _RECOVERY_HELP,
    SlotKind.PASSPHRASE: "Your passphrase may be right. "
    + _RECOVERY_HELP
    + " Nothing has been changed.",
    SlotKind.RECOVERY: (
        "Your recovery key may be right, and your passphrase may still open it. A copy "
        "of the journal's folder made before (its vault.json) would open it too. "
        "Nothing has been changed."
    ),
}


def belongs_elsewhere(folder: Path, header: VaultHeader) -> bool:
    """Whether the key file in ``folder`` is another journal's (break test 16, N8: a
    hand copy or a sync tool mixed two folders). A journal's folder is named by its
    id (`create_journal`), and the id is bound into every wrapped key, so a header
    with another id cannot open this folder's database; its passphrase was then
    called wrong, and the offered restore rolled an intact journal back."""
    return is_uuid(folder.name) and header.journal_id != folder.name


def owner_confirmed(folder: Path, typed: str) -> bool:
    """Whether ``typed`` is the passphrase or (when it has a recovery key's shape) the
    recovery key of the journal in ``folder``, checked against its key file or, when
    that cannot be read, the copies of it kept with the backups (each distinct copy
    once, newest first). A slot damaged in one part leaves the other credential to
    confirm with (issue 14: a journal whose passphrase slot is damaged could not be
    removed). Runs the KDF once per slot tried (about 0.5 s each at the defaults).

    Raises `JournalDamaged` or `JournalMissing` when neither the key file nor any kept
    copy can be read.
    """
    try:
        headers = [read_header(folder)]
    except (JournalMissing, JournalDamaged):
        headers = own_headers(folder)
        if not headers:
            raise
    recovery = keys.looks_like_recovery_key(typed)
    tried: list[tuple[object, ...]] = []
    for header in headers:
        if tuple(header.slots) in tried:
            continue
        tried.append(tuple(header.slots))
        if passphrase_fits(header, typed):
            return True
        secret = keys.normalise_recovery_key(typed)
        if recovery and unwrap_candidates(header, SlotKind.RECOVERY, secret):
            return True
    return False


def own_headers(folder: Path) -> list[VaultHeader]:
    """The copies of this folder's own key file kept with its backups, newest first."""
    return [copy for copy in kept_headers(folder) if copy.journal_id == folder.name]


def foreign_problem(header: VaultHeader) -> str:
    """The words for a key file that names another journal than its folder (`header.name`):
    what is wrong, and that the database was not touched."""
    return f"{of_another_journal(header.name)} This journal's database has not been touched."


def foreign_help(folder: Path, own: list[VaultHeader]) -> str:
    """What the person can do about a foreign key file in `folder`: unlock to put back the
    journal's own kept copy when `own` has one, or copy a vault.json from elsewhere."""
    if own:
        return (
            "Solace keeps a copy of this journal's own key file with its backups. Type "
            "this journal's passphrase, or use its recovery key, and Solace will put that "
            "copy back and open it as it is, with every word in it, the latest too. "
            "Nothing has been changed."
        )
    return (
        "No copy of this journal's own key file was found with its backups. If you have "
        "a copy of the journal's folder elsewhere, copy its vault.json into "
        f"{folder}. Nothing has been deleted."
    )


def key_file_put_back_words(
    put_back: PutBack, kind: SlotKind, foreign: VaultHeader | None = None
) -> str:
    """Said once a journal opened with ``kind`` of secret after its key file was
    replaced by the copy kept with its backups (`journal.restore_header`, which did
    ``put_back``): damaged, missing, or ``foreign``, another journal's key file (said in
    `foreign_problem`'s words, as the lock screen lists it). It names the file kept
    beside it and the ones kept there before for the same reason. A damaged key file
    was replaced without a word (break test 16 of session 18, finding 8), though it can
    be the first sign of a failing disk or of a tool changing the folder, while she can
    still act; another journal's was called damaged (re-test R5), and a second damaged
    one silently took the first one's place (re-test R4)."""
    secret = "passphrase" if kind is SlotKind.PASSPHRASE else "recovery key"
    kept = put_back.kept
    if foreign is not None and kept is not None:
        earlier = _kept_before(kept, ANOTHER_JOURNAL, "found in its place before")
        return (
            f"{foreign_problem(foreign)} Your {secret} opened this journal's own key file, "
            "kept with its backups, so that copy is in its place now, and the key file of "
            f"{quoted(foreign.name)} is kept beside it as {kept.name}{earlier}; nothing "
            "else was changed. A sync or clean-up tool that mixed the folders may do it "
            "again: a backup file in another place (Settings, Back up now…) keeps your "
            "journal safe."
        )
    if kept is not None:
        found = (
            f"was damaged. Your {secret} opened the copy Solace keeps with its backups, so "
            "that copy is in its place now, and the damaged file is kept beside it as "
            f"{kept.name}{_kept_before(kept, DAMAGED, 'found damaged before')}"
        )
    else:
        found = (
            f"was missing. Your {secret} opened the copy Solace keeps with its backups, "
            "so that copy is in its place now"
        )
    return (
        f"This journal's key file (vault.json) {found}; nothing else was changed. A "
        "damaged or missing file can be the first sign of a failing disk, or of a sync "
        "or clean-up tool changing the journal's folder: a backup file in another place "
        "(Settings, Back up now…) keeps your journal safe."
    )


def _kept_before(kept: Path, why: str, found: str) -> str:
    """The key files kept beside ``kept``'s journal for ``why`` before it, in words
    ("", or ", and the one found damaged before is kept there too, as …")."""
    before = [p.name for p in kept_beside(kept.parent / HEADER_NAME, why) if p != kept]
    if not before:
        return ""
    if len(before) == 1:
        return f", and the one {found} is kept there too, as {before[0]}"
    return f", and the {len(before)} {found} are kept there too"


def sound(folder: Path, header: VaultHeader) -> bool:
    """Whether the key file in ``folder`` (read as ``header``) needs no mending: its
    checksum holds and every key slot is usable. A slot whose KDF settings were changed
    is mended from a kept copy (`vault.mended`) even when the checksum was written
    afresh over the change."""
    return header_intact(folder) and not header.unusable_kinds()


def header_intact(folder: Path) -> bool:
    """True when the key file carries a checksum that matches it (as Solace wrote it)."""
    try:
        return checksum_holds(read_regular(folder / HEADER_NAME))
    except OSError:
        return False


def header_altered(folder: Path) -> bool:
    """True when the key file's checksum shows a byte changed on the disk."""
    try:
        return checksum_fails(read_regular(folder / HEADER_NAME))
    except OSError:
        return False


def _help(folder: Path, copies: list[VaultHeader]) -> str:
    if copies:
        # Said before Restore a backup… is offered: the passphrase opens the journal as
        # it is, and a restore only goes back to an older backup (break test 16 of
        # session 19, finding 1: a restore from here dropped the latest words unasked).
        return (
            "Your passphrase opens this journal as it is, with every word in it, the "
            "latest too: nothing is lost. Solace keeps a copy of the key file with this "
            "journal's backups; type your passphrase, or use your recovery key, and "
            "Solace puts that copy back and opens the journal. Nothing has been changed."
        )
    return (
        "No copy of the key file was found beside it, and without one neither the "
        "passphrase nor the recovery key can open this journal. If you made a backup "
        "file, Restore a backup… can bring the journal back from it. If you have a copy "
        "of the journal's folder elsewhere (for example on a USB drive), copy its "
        f"vault.json into {folder}. Nothing has been deleted."
    )


def linked(folder: Path) -> JournalInfo:
    """A link in the place of a journal's folder: listed with what is wrong and what to
    do, never opened through (break test 14 of session 10, finding 9: it vanished from
    the list without a word)."""
    return JournalInfo(
        folder.name,
        _unnamed(folder),
        "",
        folder,
        "This journal's folder is a link to another place. Solace opens a journal only "
        "from its own folder, never through a link, so that no other program can swap "
        "the files it points to.",
        f"Move the journal's folder itself into {folder.parent}, in place of the link "
        f"{folder.name}, then start Solace again. Nothing has been changed.",
        opens=False,
        restorable=False,
    )


def unreadable(folder: Path, error: OSError) -> JournalInfo:
    """A journal folder Solace may not read (its permissions were changed, or it belongs
    to another user account): listed with what is wrong, never hidden."""
    denied = isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM)
    why = (
        "Solace is not allowed to read this journal's folder: its permissions were "
        "changed, or it belongs to another user account."
        if denied
        else "Solace could not read this journal's folder "
        f"({error.strerror or type(error).__name__})."
    )
    return JournalInfo(
        folder.name,
        _unnamed(folder),
        "",
        folder,
        why,
        f"The folder is {folder}. If it is yours, give your user account read and write "
        "access to it again (for example in its Properties in your file manager), then "
        "start Solace again. Nothing has been changed.",
        opens=False,
        restorable=False,
    )
