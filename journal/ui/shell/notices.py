"""Notes Solace leaves for the person once, at the foot of the window, until read.

A backup that did not pass its check and was removed, an unfinished export whose
plaintext was deleted, a backup that could not be made, what became of the windows
open when Solace locked: each is a sentence or three, too long for the status bar,
which cut them at the window's edge (at 100 % and 200 % text) and dropped them after
a while (break test 16, finding 8). Here each wraps at any width and text size, is
announced when it appears, and stays until the person closes it with its own
button (reachable with Tab). Notes are forgotten at lock, with the rest of the
journal's screens.

A note takes a row of its own under the pages, as wide as they are and as tall as its
words need: a row above them pushed the areas, their tabs and every button down 47 px
as it appeared, after an export, under the mouse (break test 10 of session 17, finding
1c); floating over the foot of the pages instead, it hid what a page keeps there (the
entry's Share with my partner, Delete entry… and word count) until it was closed, a
control the keyboard could still reach out of sight (issue 10, break test of session
23, F9). Under the pages, what stays put is everything above a page's foot, and
nothing is hidden: a page's foot row moves up by the note's height, and a page that
scrolls shows less at once.

A note the person has had in view (`READ_MS`) is closed when a newer one comes: kept
behind the newer one, "30 entries were imported…" came back each time a later note
was closed, long after that import, as if a second import had just happened (break
test 16 of session 18, finding 11). Only notes not yet seen wait behind the newest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from journal.ui.common.accessibility import Message
from journal.ui.common.notes_room import NOTES_NAME

__all__ = ["Notice", "Notices"]

CLOSE_TEXT = "Close note"

READ_MS = 3000
"""Milliseconds a note stays in view, without a break, before it counts as read: time
to take in a sentence or two. Two notes told within moments of each other (what a
restore did and the windows it could not reopen; a backup's result as an import
ends) both wait to be read."""


class Notice(QFrame):
    """One note: its words (wrapped, announced) and a button that closes it.
    ``on_read`` is called once, when the note has been read: in view for `READ_MS`, or
    closed with its button (never when it is forgotten at a lock)."""

    def __init__(
        self,
        text: str,
        parent: QWidget | None = None,
        *,
        error: bool = False,
        urgent: bool = False,
        on_read: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.error = error  # something failed: said assertively, in the error colour
        self.urgent = urgent  # a warning: stays in view ahead of later notes until read
        self.setAccessibleName("A note from Solace")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.words = Message("A note from Solace", style="notice", hide_empty=False)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(CLOSE_TEXT)
        # Named by what it does and described by the whole note: named by the note's
        # start, "…it was clo" was heard and the rest never (break test 15 of session
        # 18, finding 10), and cut at a word, "Close note: Your new passphrase is saved:
        # it opens this journal from…" still read as a sentence broken off (break test
        # of session 25, F16). One note shows at a time, so the name is never shared.
        self.close_button.setAccessibleName(CLOSE_TEXT)
        self.close_button.setAccessibleDescription(text)
        self.close_button.setAutoDefault(False)
        row.addWidget(self.words, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._text = text
        self._unsaid = False  # told while not on screen: said once it shows
        self.read = False  # in view for READ_MS (see the module's notes)
        self._on_read = on_read
        self._reading = QTimer(self)
        self._reading.setSingleShot(True)
        self._reading.setInterval(READ_MS)
        self._reading.timeout.connect(self._was_read)

    @property
    def text(self) -> str:
        return self._text

    def say(self) -> None:
        """Show the words and announce them; a note not on screen yet (told behind the
        lock screen, as a restore opens the journal) is said once it shows: it was
        never heard after a restore (break test 15 of session 12, finding 9)."""
        kind = "error" if self.error else "status"
        if not self.words.isVisible():
            self._unsaid = True
            self.words.show_message(self._text, kind, quietly=True)
            return
        self._unsaid = False
        self.words.show_message(self._text, kind, repeat=True)

    def _was_read(self) -> None:
        if self.isVisible():
            self.mark_read()

    def mark_read(self) -> None:
        """Count the note as read (see ``on_read``)."""
        self.read = True
        on_read, self._on_read = self._on_read, None
        if on_read is not None:
            on_read()

    def show_again(self) -> None:
        """Show the note again, the one in front of it closed, and say it again: the
        focus stays where the person works (`Notices.dismiss`), so a note coming back
        into view is heard wherever it is."""
        self._unsaid = True
        self.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reading.start()  # in view again (a window brought back counts afresh)
        if self._unsaid and not event.spontaneous():
            self.say()

    def hideEvent(self, event: QHideEvent) -> None:
        """Out of view (behind a newer note, the lock screen, a minimised window)
        before `READ_MS`: not read yet."""
        self._reading.stop()
        super().hideEvent(event)


class Notices(QFrame):
    """The notes shown under the journal's pages, one at a time: the newest,
    and once that is closed the newest one before it not yet read (`Notice.read`);
    hidden when there is none. `tell` adds one (the same words twice are one note).
    Shown together, two notes (a passphrase changed, then an export) stacked two
    banners that pushed the whole page down 45 px each (break test 10 of session 15,
    finding 7); each note not yet read is kept, none is lost."""

    focus_given_back = Signal()
    """A note was closed while it had the focus: the window puts the focus back
    in its area (re-test 47, N7: Qt gave it to the area list, where the next words
    typed went nowhere, or switched the area by the list's type-to-find)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(NOTES_NAME)  # found by `notes_room.height_lent`
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(8, 8, 8, 8)
        self._notes: list[Notice] = []
        self.hide()

    def tell(
        self,
        text: str,
        *,
        error: bool = False,
        urgent: bool = False,
        on_read: Callable[[], None] | None = None,
    ) -> Notice:
        """Show ``text`` (plain words) as a note until the person closes it; announced
        politely, or assertively with ``error`` (what the person asked for failed);
        ``on_read`` is called once it has been read (`Notice`). The notes already read
        close (see the module's notes); the others wait behind it. While an ``urgent``
        note (a warning) is not read yet, a later note that is not urgent waits behind
        it instead, said once it shows (re-test 47, N6: a warning sign's note went
        behind the note that a draft was given back, and nothing said it waited).
        Returns the note (the one already showing these words, if any)."""
        for note in self._notes:
            if note.text == text:
                return note
        note = Notice(text, self, error=error, urgent=urgent, on_read=on_read)
        note.close_button.clicked.connect(note.mark_read)
        note.close_button.clicked.connect(lambda: self.dismiss(note))
        self._column.addWidget(note)
        warning = next((n for n in self._notes if n.urgent and not n.read), None)
        if warning is not None and not urgent:
            self._notes.insert(self._notes.index(warning), note)
            note.hide()
            note.say()  # hidden: said once it shows
            return note
        for older in list(self._notes):
            if older.read:
                self._drop(older)
            else:
                older.hide()
        self._notes.append(note)
        self.show()
        note.show()
        note.say()
        return note

    def texts(self) -> list[str]:
        """The words of each note kept (shown or waiting behind the newest), oldest
        first."""
        return [note.text for note in self._notes]

    def withdraw(self, text: str) -> None:
        """Close the note with these words, if one shows: what it said is no longer
        true (break test 14 of issue 15, finding 12: "This journal keeps no body
        log…" stayed, a Tab stop, after the body log was turned back on)."""
        for note in [note for note in self._notes if note.text == text]:
            self.dismiss(note)

    def dismiss(self, note: Notice) -> None:
        """Close ``note``; the newest note left shows (and is said, `Notice`). When
        ``note`` had the focus, the window puts it back in its area
        (`focus_given_back`), never on the next note's button: words typed straight
        after went there, and a space closed a warning before it was read (re-test 47,
        N7)."""
        if note not in self._notes:
            return
        had_focus = note.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        self._drop(note)
        self.setVisible(bool(self._notes))
        if self._notes:
            self._notes[-1].show_again()
        if had_focus:
            self.focus_given_back.emit()

    def _drop(self, note: Notice) -> None:
        """Forget ``note`` for good: hidden, out of the column, deleted."""
        self._notes.remove(note)
        self._column.removeWidget(note)
        note.hide()
        note.deleteLater()

    def clear(self) -> None:
        """Forget every note (at lock; the focus is left where it is)."""
        for note in list(self._notes):
            self._drop(note)
        self.hide()
