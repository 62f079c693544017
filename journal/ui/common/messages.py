"""Turning any error into words for the user, and never a traceback.

Every error shown passes here, so the one rule for a damaged journal file lives here
too: a `JournalFileDamaged`, wherever it was met (a save, a search, the list, export,
a backup, an import), is also reported through `damage_reports`, on which the window
locks to the lock screen's damage page (`MainWindow.lock_for_damage`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from journal.errors import JournalFileDamaged, SolaceError

log = logging.getLogger(__name__)

UNEXPECTED = (
    "Something went wrong on Solace's side. Nothing you saved has been lost. "
    "Please try again; if it keeps happening, restarting Solace usually helps."
)


def user_message(error: BaseException) -> str:
    """The words to show for ``error``: a SolaceError's own calm message, or for anything
    else (our bug) the general UNEXPECTED message, after logging the error's type only
    (never its text, which could hold what the person wrote).
    """
    if isinstance(error, JournalFileDamaged):
        damage_reports().found.emit()
    if isinstance(error, SolaceError):
        return error.message
    # Our bug: log the type and where, never the message (it could hold content).
    log.error("unexpected %s", type(error).__name__, exc_info=False)
    return UNEXPECTED


class DamageReports(QObject):
    """Emits `found` each time a `JournalFileDamaged` is put into words (`user_message`),
    from any thread; the window listens (queued to its own thread)."""

    found = Signal()


_reports: list[DamageReports] = []


def damage_reports() -> DamageReports:
    """The one `DamageReports` of the application (made at first use)."""
    if not _reports:
        _reports.append(DamageReports())
    return _reports[0]
