"""The day's automatic backup taken as the journal locks or closes, and what is said
when it could not be made.

Break test 16 of session 11, finding 11f: the backup at lock failed for lack of room
("the backup at lock failed: DiskFull" in the log) with nothing said on the lock
screen; the person heard of it only a minute after the next unlock, when the daily
backup failed again. Now the lock screen says it, calmly, after what it says about
the words (which were saved): only the backup copy was not made, why, and what helps.
When the lock screen was not seen (the window was closed), it is said once after the
next unlock (`unseen_after_unlock`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from journal.domain.common.words import needs_room
from journal.errors import DiskFull, JournalFileDamaged

if TYPE_CHECKING:
    from journal.storage.lock.journal import OpenJournal

log = logging.getLogger(__name__)

#: How every sentence about a backup at lock that could not be made begins: the lock
#: screen's notice ends with it, after the words about what was saved.
NOT_MADE = "Only today's backup copy of your journal could not be made"
_AGAIN = "Solace tries again a minute after you open your journal, and when you lock it."
#: Said after an unlock when the lock screen did not say it (`unseen_after_unlock`).
UNSEEN = "The last automatic backup of your journal could not be made"
_AGAIN_OPEN = "Solace tries again in a minute, and when you lock or close your journal."


def not_made_words(error: BaseException) -> str:
    """What the lock screen says when the backup at lock raised ``error``: that the
    journal itself is saved and only the backup copy is missing, why (for `DiskFull`
    the room it needs, from ``error.needed`` in bytes), and what helps. Calm words, no
    error tone: nothing was lost."""
    if isinstance(error, DiskFull):
        return no_room_words(error.needed)
    if isinstance(error, JournalFileDamaged):  # never "your journal itself is unchanged"
        return (
            f"{NOT_MADE}: this journal's file is damaged (part of it could not be read), "
            "so a copy of it would be damaged too. Unlock it to see what was found and "
            "what can bring it back."
        )
    return (
        f"{NOT_MADE} just now. Your journal itself is saved and unchanged; only the "
        f"extra copy is missing. {_AGAIN}"
    )


def no_room_words(needed: int, head: str = NOT_MADE, again: str = _AGAIN) -> str:
    """The words for an automatic backup that found no room (``needed``: bytes it
    needed, 0 when unknown), beginning with ``head`` and ending with ``again`` (when
    Solace tries again)."""
    return (
        f"{head}, because the disk is full{needs_room(needed)}. Your journal itself is saved and "
        f"unchanged; only the extra copy is missing. When you can, please free some "
        f"space. {again}"
    )


def back_up_at_lock(journal: OpenJournal) -> str:
    """Take the day's automatic backup of ``journal`` now, before its key is forgotten,
    when none was taken today (issue 16: "on lock and on close at most once a day").
    A hard lock replaces the process right after, so nothing may be left for later:
    this is the byte copy (no decryption), checked at the next unlock. Returns ""
    when it was made or not due, else the words for the lock screen
    (`not_made_words`). Never raises: a lock always completes; the failure is logged
    (its kind only) and the next unlock's daily backup tries again."""
    try:
        journal.backup_at_lock()
    except Exception as error:
        log.error("the backup at lock failed: %s", type(error).__name__)
        return not_made_words(error)
    return ""


def tells_not_made(notice: str) -> bool:
    """Whether the lock screen's ``notice`` says a backup at lock was not made."""
    return NOT_MADE in notice


def without_not_made(notice: str) -> str:
    """``notice`` without its sentences about a backup at lock that was not made
    (to judge the rest: what happened to the words)."""
    return notice.partition(NOT_MADE)[0].rstrip()


def unseen_after_unlock(journal: OpenJournal) -> str:
    """What to say once after an unlock about the last automatic backup that found no
    room, when the lock screen did not say it (the window was closed instead of
    locked): the words of `no_room_words`, or "" when the last one did not fail so."""
    from journal.storage.safekeeping.backups import no_room_for

    needed = no_room_for(journal.folder)
    if needed is None:
        return ""
    return no_room_words(needed, UNSEEN, _AGAIN_OPEN)
