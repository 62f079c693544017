"""Errors split in two: what we tell the user kindly, and our own bugs.

Every `SolaceError` carries a message written for the person using the app. Anything
else that escapes is a bug: the app logs its type (never its message, which could
hold content) and shows a generic, calm note instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path

from journal.domain.common.words import needs_room, size


class SolaceError(Exception):
    """A problem to tell the user about, in plain and kind words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WrongPassphrase(SolaceError):
    """The passphrase (or recovery key) did not unwrap a key.

    Said only once damage is ruled out: the unlock checks the key file's checksum and
    each key slot first and says what it finds there instead (`JournalDamaged`), and
    a database that its unwrapped key does not open is damaged, never a wrong
    passphrase (`journal.storage.lock.journal.unlock_journal`). So a mistyped
    passphrase is not told its file may be damaged (break test 16 of session 24, F9).
    """

    def __init__(self) -> None:
        super().__init__(
            "That passphrase did not open this journal. Nothing has been changed. "
            "Please check it and try again."
        )


class PassphraseChangeInterrupted(WrongPassphrase):
    """The passphrase did not open a journal whose change of passphrase a crash cut
    short; the message says which passphrase opens it now (see
    `journal.storage.lock.journal.passphrase_change_refusal`)."""

    def __init__(self, message: str) -> None:
        SolaceError.__init__(self, message)


class WrongRecoveryKey(SolaceError):
    """The recovery key typed did not open the journal; nothing was changed."""

    def __init__(self) -> None:
        super().__init__(
            "That recovery key did not open this journal. Please check each group of "
            "letters and try again. A key that was replaced, or shown and closed without "
            "being confirmed as written down, no longer opens it. Nothing has been changed."
        )


class JournalMissing(SolaceError):
    """The journal's folder or database is gone; nothing was deleted by Solace."""

    def __init__(self) -> None:
        super().__init__(
            "This journal's files could not be found. If you moved the data folder, "
            "start Solace with --data-dir pointing to it. Nothing has been deleted."
        )


class JournalDamaged(SolaceError):
    """The journal's files did not pass the unlock checks; ``detail`` says what was found in plain
    words. ``rescuable`` is False when the database holds nothing a rescue could read (an
    empty file, one shorter than a page, another kind of file, no page that opens with
    the key: `journal.storage.safekeeping.damage.may_hold_pages`), so only a restore is
    offered; ``offer`` then says what can bring the journal back, in place of the lock
    screen's usual offer of both (break test 16 of session 11, finding b).
    """

    def __init__(self, detail: str = "", *, rescuable: bool = True, offer: str = "") -> None:
        text = "This journal's files look damaged, so Solace did not open them and changed nothing."
        super().__init__(f"{text} {detail}".strip())
        self.detail = detail
        self.rescuable = rescuable
        self.offer = offer


#: What Restore a backup… and Rescue what can be read… do, for a damaged journal.
DAMAGE_OFFER = (
    "Restore a backup… brings back your newest good backup, and Rescue what can be "
    "read… copies what can still be read into a new journal."
)


class JournalFileDamaged(SolaceError):
    """A page of the open journal's database could not be read (SQLite's "database disk
    image is malformed", SQLITE_CORRUPT; "file is not a database", SQLITE_NOTADB: with
    SQLCipher, a page whose HMAC fails), met after the unlock's checks passed (a disk
    that flips a bit below the file system, a file changed while it was open).

    One rule wherever it is met (a save, a search, the list, export, a backup, an
    import): the journal's file is damaged, nothing more is written to it, and the
    window locks to the lock screen's damage page (`MainWindow.lock_for_damage`), with
    unsaved words kept sealed beside it, where Restore a backup… and Rescue what can be
    read… bring it back (break test 16 of session 13, findings 2 and 4: told as a
    read-only file, or as if only a backup were damaged)."""

    def __init__(self) -> None:
        super().__init__(
            "This journal's file is damaged: part of it can no longer be read, so "
            "Solace will write nothing more to it and locks it now, keeping any words "
            f"not saved yet encrypted beside it. {DAMAGE_OFFER}"
        )


class SealedDraftsUnreadable(SolaceError):
    """Words sealed at an earlier lock (`journal.storage.lock.drafts`) did not open with
    the journal's key: the file was damaged, or sealed under a key since retired."""

    def __init__(self) -> None:
        super().__init__(
            "Solace had kept some words, encrypted, from an earlier lock, but they no "
            "longer open with this journal's key (the small file holding them was damaged, "
            "or sealed under a key that has since been replaced), so they could not be "
            "given back. Solace has removed that unreadable file. Everything saved in the "
            "journal is unchanged."
        )


class DatabaseTooNew(SolaceError):
    """The database holds a migration revision this version of Solace does not know."""

    def __init__(self) -> None:
        super().__init__(
            "This journal was last opened by a newer version of Solace. Please update "
            "Solace to open it; nothing has been changed."
        )


class RequirementMissing(SolaceError):
    """A start-up check failed (for example FTS5 is not compiled in)."""


class DiskFull(SolaceError):
    """No room left on this computer's disk (or a file-size limit reached).

    Without ``doing`` it is told for a save of what is in a window (the words stay
    there and are tried again); with ``doing`` ("restore this backup", "make a
    backup") for that one action, which is not retried and changed nothing, with the
    room it needs (``needed``, bytes) when known (break test 16, N6: a restore on a
    full disk spoke of words in the window). ``unchanged`` says what was left as it
    was ("Nothing was imported."); "Nothing has been changed." by default. ``where``
    says where the room is missing ("on this computer"; "on the drive that holds your
    partner's journal": a USB stick, re-test 41, F7). The needed room and what it was
    for are kept (`doing`, `needed`) for Settings to repeat."""

    def __init__(
        self,
        doing: str = "",
        needed: int = 0,
        unchanged: str = "Nothing has been changed.",
        *,
        where: str = "on this computer",
    ) -> None:
        self.doing = doing
        self.needed = needed
        if not doing:  # short, under the entry (two lines at 100 % text)
            text = (
                "Not saved yet: the disk is full. Your words stay in the window; Solace "
                "will try again once there is space."
            )
        else:
            text = (
                f"There is not enough free space {where} to {doing}{needs_room(needed)}. "
                f"{unchanged} Please free some space and try again."
            )
        super().__init__(text)


class StorageFailed(SolaceError):
    """Writing failed for another operating-system reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"Solace could not save just now ({reason}). Nothing saved before is lost; "
            "it will try again."
        )
        self.reason = reason  # the operating system's words ("Operation not permitted")


class KeepAsideFailed(SolaceError):
    """A restore could not keep the current journal aside in its backups folder
    first, for a reason other than room (``reason``: the system's words); nothing was
    changed."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            "The backup was not restored. Before replacing your journal, Solace keeps it "
            f"as it is now in its backups folder, and could not write there ({reason}). "
            "Nothing has been changed. If that folder was made read-only, or its disk "
            "was removed, please put that right and try again."
        )
        self.reason = reason


class KeyNotChanged(SolaceError):
    """A change of passphrase, recovery key or data key could not write the journal's
    files, so it was undone and nothing changed: the credentials in force before still
    open the journal and every copy of it (break test 14 of session 6, finding 6).

    ``change`` is one of "passphrase", "recovery key", "encryption key"; ``reason``
    the cause in words ("Operation not permitted", "the disk is full"). Nothing is
    retried: the person tries again once the files can be written.
    """

    def __init__(self, change: str, reason: str) -> None:
        cause = f"Solace could not write this journal's files ({reason})."
        if change == "passphrase":
            text = f"Your passphrase was not changed: {cause} Your current passphrase still works."
        elif change == "recovery key":
            text = f"No new recovery key was made: {cause} Your current recovery key still works."
        else:
            text = (
                f"The encryption key was not rotated: {cause} Your passphrase and recovery "
                "key still work as before."
            )
        super().__init__(text)
        self.change = change
        self.reason = reason

    @staticmethod
    def reason_of(error: BaseException) -> str:
        """The cause of a refused write in words, for the message."""
        if isinstance(error, DiskFull):
            return "there is not enough free space"
        if isinstance(error, StorageFailed):
            return error.reason
        if isinstance(error, JournalReadOnly):
            return "its files are read-only"
        if isinstance(error, OSError):
            return error.strerror or type(error).__name__
        return type(error).__name__


class PlaceNotWritten(SolaceError):
    """A backup file or an export could not be written to the place the person chose
    (a USB stick, a synced folder); nothing is left there and the journal is untouched.

    ``what`` names what was not written ("backup", "export"); ``why`` is "full",
    "read-only" or the operating system's reason in words ("Input/output error");
    ``place`` is the folder chosen, named so she knows which disk (break test 16 of
    session 15, finding 1); ``needed``, the bytes the file needs there when known, is
    said with "full". Unlike `DiskFull` (the editor's words, kept in the window
    and retried), nothing is retried, and it says so: the person chooses again.
    """

    def __init__(self, what: str, why: str, place: Path | None = None, needed: int = 0) -> None:
        there = f"there, in {place}" if place is not None else "there"
        untouched = (
            f"so no {what} was written {there}. Your journal is untouched, and Solace "
            "will not try again by itself."
        )
        if why == "full":
            # The room the file needs there, when known (issue 16: "full" alone left her
            # guessing how much to free on a USB stick).
            about = f" (the {what} file needs about {size(needed)} there)" if needed else ""
            text = (
                f"The folder you chose is full{about}, {untouched} Free some space there, "
                "or choose another folder, and try again."
            )
        elif why == "read-only":
            text = (
                f"The folder you chose cannot be written to (it is read-only), {untouched} "
                "Choose another folder, or make this one writable, and try again."
            )
        else:
            text = (
                f"Solace could not write to the folder you chose ({why}), {untouched} "
                "Check that the place is still there (a USB stick may have been taken "
                "out), or choose another folder, and try again."
            )
        super().__init__(text)
        self.what = what
        self.why = why


class JournalBusy(SolaceError):
    """Another program holds the journal database's write lock."""

    def __init__(self) -> None:
        super().__init__(
            "Not saved yet: another program has this journal open. Your words stay in "
            "the window; Solace will try again soon."
        )


class JournalInUse(SolaceError):
    """Another program has the journal's database open, so it cannot be unlocked.

    Solace holds its journal for itself while it is open (SQLite's ``unix-excl`` VFS,
    `journal.storage.lock.engine.database_uri`), so this is told at unlock, before
    anything is written; nothing is changed.
    """

    def __init__(self) -> None:
        super().__init__(
            "Another program has this journal's files open right now, so Solace cannot "
            "open it. Nothing has been changed. Close any other copy of Solace, or a "
            "backup or sync tool that may be reading the journal, and unlock again."
        )


class JournalReadOnly(SolaceError):
    """The journal's files or folder cannot be written (permissions or a read-only disk).

    ``where`` names what was found read-only before opening ("journal.db"); without
    it the message is for a save that was refused (the words stay in the window).
    """

    def __init__(self, where: str = "") -> None:
        fix = (
            "Make the journal's folder and its files writable again (or copy them off a "
            "read-only disk)"
        )
        if where:
            text = (
                f"This journal's files are read-only ({where}), so Solace did not open it: "
                f"it could not save anything you write. Nothing has been changed. {fix}, "
                "then unlock again."
            )
        else:
            text = (  # short, under the entry (two lines at 100 % text)
                "Not saved yet: the journal's files became read-only. Your words stay in "
                "the window until they are writable again."
            )
        super().__init__(text)
