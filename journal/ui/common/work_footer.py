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
Keys pressed into the dialog while the GUI thread ends its work, queued, are dropped
as it closes, never delivered to the window behind it
(`keys_held.drop_at_close`; break test 16 of session 18, R1).

Work that cannot be stopped halfway (``cannot_stop``: a restore, an export being
written) refuses Cancel, Escape and the window's close button while it runs, and says
so once (`StopRefusal`): they did nothing, unsaid (break test 16 of session 18,
finding 4). How long it takes is said as ``doing`` says it (`unstoppable.HOW_LONG`).
The dialog's `reject` asks `WorkFooter.stop_refused` first.

While the work runs, what it is (`doing`) is written above the bar, and how far it has
come once that is known (`WorkFooter.report`, callable from the worker thread): the
Import preview of a 46 MB file showed a bar alone for 40 s, which reads as a hang
(break test 16 of session 18, finding 1).

One block for every such dialog, so each says what went wrong the same way (an
error ``Message``: the shown words are what a screen reader reads, announced when
they change) and shows the same quiet "working" line while the thread pool works.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.ui.common.accessibility import Message, describe_until_edited
from journal.ui.common.enter_presses import no_focus_default
from journal.ui.common.field_values import change_signal, value_of
from journal.ui.common.in_view import scroll_into_view
from journal.ui.common.keys_held import KEYS_WHILE_CHECKED, KeysHeld, drop_at_close
from journal.ui.common.unstoppable import StopRefusal
from journal.ui.common.widgets import busy_bar, label


class _Moved(QObject):
    moved = Signal(int, int)  # done, total: emitted on the worker, received on the GUI


class WorkFooter(QWidget):
    """Message line, busy bar and buttons, in that order from the top. The message
    line takes only the room of what it says, none while it says nothing: a dialog's
    scroll area has the rest (`fit.DialogBody`), and a message that comes or goes
    moves no button (`fit.DialogBody.fit_window` keeps the buttons where they are).
    Two lines kept empty above Export and Restore were a blank band of 75 px at 200 %
    text on a 1024x600 screen, taken from a scroll area that showed only 390 px,
    and a refusal of three lines or more was cut or grew the dialog anyway (break
    test 16 of session 18, findings (b) and 7).

    ``primary`` is the text of the accept button (with its mnemonic, if any); it is
    the dialog's default button unless ``default`` is False (a dialog whose primary
    button waits for a choice first). ``bar_name`` is the busy bar's accessible name;
    ``doing`` what the work is ("Exporting your journal…"), said politely as it starts
    (see `BusyLine`); ``cannot_stop`` what is said when the person tries to stop it
    while it runs (see `stop_refused`), `unstoppable.HOW_LONG` where it says how long
    the work takes, taken from what the bar says it is doing.
    Connect ``buttons.accepted`` and ``buttons.rejected`` to the dialog's slots.
    """

    def __init__(
        self,
        primary: str,
        *,
        default: bool = True,
        bar_name: str = "Working",
        doing: str = "",
        cannot_stop: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.error = Message("What went wrong", "error")
        self.doing_line = label("", "subtle")  # what the work is, shown while it runs
        self.doing_line.hide()
        self.bar = busy_bar(doing)
        self.bar.setAccessibleName(bar_name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.primary: QPushButton = self.buttons.addButton(
            primary, QDialogButtonBox.ButtonRole.AcceptRole
        )
        no_focus_default(self.buttons)
        self._default = default
        self.primary.setDefault(default)
        for widget in (self.error, self.doing_line, self.bar, self.buttons):
            layout.addWidget(widget)
        self._about: dict[int, tuple[QWidget, object]] = {}  # field (by id): value refused
        self.keys_held = KeysHeld(self)
        self._dropped = 0  # keys dropped while busy, not said yet
        self._watched: set[int] = set()  # the fields whose changes are followed
        self.cannot_stop = cannot_stop
        self._stop = StopRefusal(self.error)
        self._moved = _Moved(self)
        self._moved.moved.connect(self.set_progress)
        #: What `report` counts, in the plural ("entries"), said after the numbers.
        self.counting = ""

    def show_error(self, text: str, about: Sequence[QWidget] = ()) -> None:
        """Show ``text`` as the error (announced assertively); "" hides the line.
        ``about``: the fields the refusal is about; it goes once one of them holds
        another value than now (`field_values.change_signal`) or is `accepted`. A field
        typed in is described by it until edited (`describe_until_edited`), as the lock
        screen's passphrase is: going back to the passphrase of Export after "That
        passphrase did not open…", a screen reader heard nothing of it (break test 15
        of session 29, F13); Restore's list of backups, which the refusal also goes
        with, is not described by a passphrase's refusal."""
        self._about = {id(field): (field, value_of(field)) for field in about}
        for field in about:
            changed = change_signal(field)
            if changed is not None and id(field) not in self._watched:
                self._watched.add(id(field))
                changed.connect(lambda *_value, field=field: self._changed(field))
        if text:
            said = self.keys_not_used()
            self.error.refuse(f"{text} {said}" if said else text)
            for field in about:
                if isinstance(field, QLineEdit):
                    describe_until_edited(field, text)
            if about:  # the field it speaks of is seen with it, once laid out
                fields = tuple(about)
                QTimer.singleShot(0, self, lambda: self._show_field(fields))
        else:
            self.error.clear()

    def _show_field(self, about: Sequence[QWidget]) -> None:
        """Scroll the field a refusal just said is about into view: the one of
        ``about`` with the focus, else the last. At 200 % text on a 1024x600 screen
        "That passphrase did not open…" showed by the buttons while the passphrase sat
        below the part of Export in view (break test 16 of session 18, R3)."""
        focus = QApplication.focusWidget()
        field = focus if focus is not None and focus in about else about[-1]
        if shiboken6.isValid(field) and field.isVisible():
            scroll_into_view(field)

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

    @property
    def stop_words(self) -> str:
        """What a refused stop says while the work runs (`cannot_stop`, how long it
        takes said as the busy line says it: `unstoppable.stop_words`), else ""."""
        return self._stop.words

    def stop_refused(self) -> bool:
        """Whether the work under way cannot be stopped now: then the first try of a run
        shows and says `cannot_stop` above the busy line (`StopRefusal`). A dialog's
        `reject` (Escape, Cancel) returns at once when it is True; a close of the
        window is refused here already."""
        return self._stop.refused()

    def set_busy(self, busy: bool, doing: str = "", *, stoppable: bool = False) -> None:
        """While ``busy``: the bar runs (and says ``doing``, when given, else the words
        it was made with) (indeterminate until `set_progress`), the error
        line is cleared, the primary button is disabled and keys that type a character
        are dropped (said with the next message, `keys_not_used`); afterwards the bar hides and
        the button is enabled and the default again. A click on it had moved the focus,
        and with it the default, to Cancel when it was disabled (Qt gives the default to
        an auto-default button that takes the focus), so Enter after an error cancelled
        instead of trying again (break test 16 of session 11, 11c). Unless
        ``stoppable`` (reading a file for a preview), a stop is refused while busy and
        said (`stop_refused`)."""
        if busy:
            dialog = self.window()
            if isinstance(dialog, QDialog):  # none of its keys reach the window behind it
                drop_at_close(dialog, self.keys_held)
            self.show_error("")
            self._dropped = 0  # a new check: keys dropped before it were said or moot
            self.bar.setRange(0, 0)
            if doing:
                self.bar.now_doing(doing)
            self.doing_line.setText(self.bar.doing)
        # Keys typed on meanwhile type into no field (see the module's notes).
        self.keys_held.hold(busy)
        if busy:
            self._stop.hold("" if stoppable else self.cannot_stop, self.bar.doing)
        else:
            self._stop.release()
        if not busy:
            self._dropped += self.keys_held.take()
        self.bar.setVisible(busy)
        self.doing_line.setVisible(busy and bool(self.bar.doing))
        self.primary.setEnabled(not busy)
        if not busy:
            self.primary.setDefault(self._default)

    def hideEvent(self, event: QHideEvent) -> None:
        """Closed (or hidden) while its work runs: no key is held any longer for it."""
        self.keys_held.hold(False)
        super().hideEvent(event)

    def report(self, done: int, total: int) -> None:
        """`set_progress`, from any thread (the worker's): the GUI shows it when it next
        runs its events."""
        self._moved.moved.emit(done, total)

    def set_progress(self, done: int, total: int) -> None:
        """Show ``done`` of ``total`` items (counts, not percent; `counting` names them)
        on the bar and in words after what the work is: "Reading huge.json… 30,000 of
        150,000 entries"."""
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        counted = f"{done:,} of {total:,} {self.counting}".rstrip()
        self.doing_line.setText(f"{self.bar.doing} {counted}".strip())
