"""Work that cannot be stopped halfway says so when the person tries to stop it.

A restore swaps the journal in one step, an import adds its entries in one
transaction, an export and a rescue write their files to the end, a change of
passphrase re-wraps the keys: none can be stopped halfway without leaving something
half done. Restore and Rescue ignored Cancel, Escape and the window's close button
while the work ran, and said nothing, so a person who had changed her mind heard
nothing and saw nothing change, as if Solace had frozen (break test 16 of session 18,
finding 4: "Restoring the backup… this takes a few seconds." and Cancel doing
nothing); Export and Import said so on Cancel only, each with code of its own, and the
key dialogs ignored Escape unsaid.

`StopRefusal` is the one mechanism: while its work runs (`hold`) it refuses those three
ways of stopping (Escape and Cancel reach the dialog's `reject`, which asks `refused`;
a close of the window it takes itself) and, the first time one is tried, shows the
dialog's words (that the work cannot be stopped halfway, how long it takes, and what
is safe either way) in the message line above the busy line, said politely to screen
readers; a second try says nothing more, the words still show.
`journal.ui.common.work_footer.WorkFooter` (Restore, Rescue, Export, Import) and the
key dialogs (`journal.ui.lock.security_dialogs`) use it.

How long the work takes is written once, in what the busy line says it is doing
(``doing``: "Importing… this can take a while for a large file."), and the refusal
takes it from there (`stop_words`): Import and Export said "it ends in a moment" for a
minute beside "this can take a while" (break test 16 of session 18, R7), as Rescue and
Rotate the encryption key did, each dialog's two sentences written apart.

A close by a lock (`dialog_drafts.CLOSED_BY_LOCK`) is not the person's: it is left to
the dialog, which finishes its work as before.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from journal.ui.common.accessibility import Message
from journal.ui.common.dialog_drafts import CLOSED_BY_LOCK

__all__ = ["HOW_LONG", "StopRefusal", "how_long", "stop_words"]

#: Where a dialog's words for a refused stop say how long the work takes (`stop_words`).
HOW_LONG = "{how_long}"
#: Said for work whose busy line does not say how long it takes.
UNTIL_DONE = "it goes on until it is done"


def how_long(doing: str) -> str:
    """How long the work takes, as ``doing`` (what a busy line says: "Importing… this
    can take a while for a large file.") says it after its ellipsis, as a clause about
    "it": "it can take a while for a large file"; `UNTIL_DONE` when ``doing`` says
    nothing of it."""
    _what, ellipsis, after = doing.rpartition("\u2026")
    clause = after.strip().rstrip(".")
    if not ellipsis or not clause.lower().startswith("this "):
        return UNTIL_DONE
    return "it " + clause[len("this ") :]


def stop_words(words: str, doing: str) -> str:
    """``words`` (a dialog's sentences for a refused stop) with `HOW_LONG` in them
    replaced by `how_long` of ``doing``, so the two lines never disagree about the
    time (see the module's notes)."""
    return words.replace(HOW_LONG, how_long(doing))


class StopRefusal(QObject):
    """Refuses a stop while work runs, and says why once per run, in ``line`` (the
    dialog's message line; the words show there as a status, not an error: nothing
    went wrong). See the module's docstring."""

    def __init__(self, line: Message) -> None:
        super().__init__(line)
        self._line = line
        self._words = ""
        self._said = False
        self._window: QWidget | None = None

    def hold(self, words: str, doing: str = "") -> None:
        """From now until `release`, refuse a stop and say ``words`` (plain sentences:
        that the work cannot be stopped halfway, `HOW_LONG` where how long it takes is
        said, and what is safe either way) the first time one is tried, how long taken
        from ``doing``, what the busy line says the work is (`stop_words`); "" refuses
        nothing (work that may be stopped, such as reading a file for a preview)."""
        self.release()
        self._words = stop_words(words, doing)
        if words:
            self._window = self._line.window()
            self._window.installEventFilter(self)

    def release(self) -> None:
        """The work ended: a stop is no longer refused, and the words, if shown, go
        (what the work came to is said next)."""
        if self._window is not None and shiboken6.isValid(self._window):
            self._window.removeEventFilter(self)
        self._window = None
        if self._said and shiboken6.isValid(self._line) and self._line.text() == self._words:
            self._line.clear()
        self._words, self._said = "", False

    @property
    def words(self) -> str:
        """What a refused stop says now ("" while nothing is refused)."""
        return self._words

    def refused(self) -> bool:
        """Whether a stop is refused now; the first refusal of a run shows and says the
        words. Asked by the dialog's `reject` (Escape, Cancel)."""
        if not self._words:
            return False
        if not self._said:
            self._said = True
            self._line.show_message(self._words, "status", repeat=True)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window's close button (or Alt+F4) while refusing: the window stays."""
        closing = event.type() == QEvent.Type.Close and not watched.property(CLOSED_BY_LOCK)
        if closing and self.refused():
            event.ignore()
            return True
        return False
