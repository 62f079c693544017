"""The foot of a dialog that runs slow work: a message line, a busy bar, Cancel and
one primary button (Export, Import, Restore...).

A refusal is said with the fields it is about, and goes once one of them holds
another value (typed, or chosen in a list) or the dialog says a value chosen for it
is acceptable (`WorkFooter.accepted`: a folder chosen). It stayed: Export kept
saying "That folder is inside Solace's own folder…" under a good folder chosen
since (break test 16 of session 12, finding 3); the rule is `FieldNotes`' own.

While the work runs (`set_busy`), keys that type a character are dropped wherever the
focus is (`KeysHeld.hold`), and the next message says once that they were not used:
typed on during a passphrase check, they were added to the passphrase just checked,
and the rest went into the next field when the focus jumped there with the refusal
(break test 16 of session 17, finding 2).

One block for every such dialog, so each says what went wrong the same way (an
error ``Message``: the shown words are what a screen reader reads, announced when
they change) and shows the same quiet "working" line while the thread pool works.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from journal.ui.common.accessibility import Message
from journal.ui.common.enter_presses import no_focus_default
from journal.ui.common.field_values import change_signal, value_of
from journal.ui.common.fit import set_height_in_lines
from journal.ui.common.keys_held import KEYS_WHILE_CHECKED, KeysHeld
from journal.ui.common.widgets import busy_bar

#: The lines of the message's room kept above the buttons, shown or not: a refusal
#: of one or two lines (a passphrase missing or mistyped) then grows no dialog and
#: moves no button under the mouse (Export grew 43 px: break test 10 of session 15,
#: finding 7). A longer message still gets all the room it needs.
ROOM_LINES = 2


class WorkFooter(QWidget):
    """Message line, busy bar and buttons, in that order from the top. The message
    line's room (`ROOM_LINES`) is kept while it is empty or hidden.

    ``primary`` is the text of the accept button (with its mnemonic, if any); it is
    the dialog's default button unless ``default`` is False (a dialog whose primary
    button waits for a choice first). ``bar_name`` is the busy bar's accessible name;
    ``doing`` what the work is ("Exporting your journal…"), said politely as it starts
    (see `BusyLine`).
    Connect ``buttons.accepted`` and ``buttons.rejected`` to the dialog's slots.
    """

    def __init__(
        self,
        primary: str,
        *,
        default: bool = True,
        bar_name: str = "Working",
        doing: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.error = Message("What went wrong", "error")
        self.bar = busy_bar(doing)
        self.bar.setAccessibleName(bar_name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.primary: QPushButton = self.buttons.addButton(
            primary, QDialogButtonBox.ButtonRole.AcceptRole
        )
        no_focus_default(self.buttons)
        self._default = default
        self.primary.setDefault(default)
        self.room = QWidget()  # the message's room, kept while it is hidden
        room = QVBoxLayout(self.room)
        room.setContentsMargins(0, 0, 0, 0)
        room.addWidget(self.error)
        room.addStretch(1)
        set_height_in_lines(self.room, ROOM_LINES, "minimum")
        for widget in (self.room, self.bar, self.buttons):
            layout.addWidget(widget)
        self._about: dict[int, tuple[QWidget, object]] = {}  # field (by id): value refused
        self.keys_held = KeysHeld(self)
        self._dropped = 0  # keys dropped while busy, not said yet
        self._watched: set[int] = set()  # the fields whose changes are followed

    def show_error(self, text: str, about: Sequence[QWidget] = ()) -> None:
        """Show ``text`` as the error (announced assertively); "" hides the line.
        ``about``: the fields the refusal is about; it goes once one of them holds
        another value than now (`field_values.change_signal`) or is `accepted`."""
        self._about = {id(field): (field, value_of(field)) for field in about}
        for field in about:
            changed = change_signal(field)
            if changed is not None and id(field) not in self._watched:
                self._watched.add(id(field))
                changed.connect(lambda *_value, field=field: self._changed(field))
        if text:
            said = self.keys_not_used()
            self.error.refuse(f"{text} {said}" if said else text)
        else:
            self.error.clear()

    def keys_not_used(self) -> str:
        """`KEYS_WHILE_CHECKED` when keys typed while the work ran were dropped and not
        said yet, else ""; said once (the count is then forgotten). For a dialog that
        closes on success to add to what it says after."""
        said = KEYS_WHILE_CHECKED if self._dropped else ""
        self._dropped = 0
        return said

    def accepted(self, field: QWidget) -> None:
        """A value was chosen for ``field`` and found acceptable (a folder chosen that
        may take the export): a refusal about it goes."""
        if id(field) in self._about:
            self.show_error("")

    def _changed(self, field: QWidget) -> None:
        refused = self._about.get(id(field))
        if refused is None or not shiboken6.isValid(field):
            return
        if value_of(field) != refused[1]:
            self.show_error("")

    def set_busy(self, busy: bool, doing: str = "") -> None:
        """While ``busy``: the bar runs (and says ``doing``, when given, else the words
        it was made with) (indeterminate until `set_progress`), the error
        line is cleared, the primary button is disabled and keys that type a character
        are dropped (said with the next message, `keys_not_used`); afterwards the bar hides and
        the button is enabled and the default again. A click on it had moved the focus,
        and with it the default, to Cancel when it was disabled (Qt gives the default to
        an auto-default button that takes the focus), so Enter after an error cancelled
        instead of trying again (break test 16 of session 11, 11c)."""
        if busy:
            self.show_error("")
            self._dropped = 0  # a new check: keys dropped before it were said or moot
            self.bar.setRange(0, 0)
            if doing:
                self.bar.doing = doing
        # Keys typed on meanwhile type into no field (see the module's notes).
        self.keys_held.hold(busy)
        if not busy:
            self._dropped += self.keys_held.take()
        self.bar.setVisible(busy)
        self.primary.setEnabled(not busy)
        if not busy:
            self.primary.setDefault(self._default)

    def hideEvent(self, event: QHideEvent) -> None:
        """Closed (or hidden) while its work runs: no key is held any longer for it."""
        self.keys_held.hold(False)
        super().hideEvent(event)

    def set_progress(self, done: int, total: int) -> None:
        """Show ``done`` of ``total`` items on the bar (counts, not percent)."""
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
