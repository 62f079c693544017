"""The line under Settings' safekeeping buttons: what the latest "Back up now…",
export or import came to.

Break test 16 of session 11, finding 11h: after a failed export (the folder full),
the note "Your journal was exported to …/solace-export-2026-12-01" stayed under the
buttons, though that folder no longer existed (deleted to make room). The line is
about one result, so it is replaced by each newer one, a failure as much as a
success, and a line naming a file or folder is taken away as soon as that place is
found gone (each time it is looked at again: Settings refreshed or made active).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from journal.ui.common.accessibility import Message


class ResultLine(Message):
    """The latest result of a safekeeping action, in words; hidden when there is none.

    `say` replaces what it said; `forget_gone` takes it away when the file or folder
    it names (given to `say` as ``place``) no longer exists."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Backup message", style="notice", parent=parent)
        self.place: Path | None = None

    def say(
        self, text: str, *, error: bool = False, place: Path | None = None, quietly: bool = False
    ) -> None:
        """Show ``text`` in place of the earlier result: a status said politely, or,
        with ``error`` (nothing was written), an error said assertively, as every error
        in Solace is (issue 15; break test 15 of session 11, finding 3); ``quietly``
        when it was already said where it happened (an export dialog's own error line).
        ``place`` is the file or folder ``text`` names, if any (see `forget_gone`)."""
        self.place = place
        kind = "error" if error else "status"
        if quietly:
            self.show_message(text, kind, quietly=True)
        else:
            self.show_message(text, kind, repeat=True)

    def clear(self) -> None:
        """Say nothing (an attempt under way: the earlier result is no longer the latest)."""
        self.place = None
        super().clear()

    def forget_gone(self) -> bool:
        """Take the line away when the place it names no longer exists (deleted, a USB
        stick taken out): it never points at what is not there. Returns True then."""
        if self.place is None or self.place.exists():
            return False
        self.clear()
        return True
