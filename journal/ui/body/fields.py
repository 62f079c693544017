"""Small fields the body log's form and dialogs share: a named choice and a day that
may stay "not noted" (date and time fields and field notes live in ``ui/common``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QWidget

from journal.ui.common.accessibility import say_instead
from journal.ui.common.dates import TypedDateEdit, date_edit, day_picker
from journal.ui.common.local_time import from_qdate, to_qdate


def combo(name: str, items: Iterable[tuple[str, Any]]) -> QComboBox:
    """A choice read aloud as ``name``; each item is (the words shown, its value)."""
    box = QComboBox()
    box.setAccessibleName(name)
    for text, data in items:
        box.addItem(text, data)
    return box


NOT_NOTED = "Not noted"

#: Keys that commit, leave or close a date field: they never choose a day, even when Qt
#: reads the field's text back at them and says its date "changed" (break test of
#: session 14, finding 15: Enter in a "Not noted" day stored today as the day of the loss).
_NOT_AN_EDIT = frozenset(
    {
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
        Qt.Key.Key_Escape,
    }
)


class _DayEdit(TypedDateEdit):
    """A `TypedDateEdit` that says when the person chose its day (`edited`): a day typed
    over it and taken (`taken`: read whole when the typing ends, even the day it showed),
    or a key that changed its day (Up, Down, Page Up…). A key that changes only the
    text (Backspace left "/12/2026"), a day refused (the field keeps what it held),
    Enter, Tab, Escape, a focus change, a wheel or a day set by the program never do:
    the first key typed unticked "Not noted", a refused day or a Backspace then left
    today in it, and Enter stored today as the day of the loss (break test 15 of
    session 15, finding 2)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.taken.connect(self.edited)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        before = QDateEdit.date(self)
        super().keyPressEvent(event)
        if event.key() not in _NOT_AN_EDIT and QDateEdit.date(self) != before:
            self.edited.emit()


class DayField(QWidget):
    """A day that may stay "not noted": a date field with a "Not noted" box beside it.

    The field always holds a real day (``opens_at`` when nothing is noted yet, so
    its calendar opens there, never at a placeholder year). "Not noted" is replaced
    only by a day the person chose: typed or stepped to by a key in the field, or
    picked in its calendar (Enter, Space or a click on a day). Enter, Tab, a focus
    change, a wheel or a day set by the program never untick it, so opening the
    dialog and pressing Enter notes no day (break test of session 14, finding 15).
    Ticking it keeps the day on screen but saves none. While nothing is noted, focus
    given to the field (the dialog's first focus, a label's Alt+letter) goes to the
    "Not noted" box, the control that holds the value. ``value()`` is the day or None.
    """

    def __init__(
        self, name: str, value: date | None, opens_at: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.edit = _DayEdit()
        date_edit(name, self.edit)  # the locale's format, a calendar, one Tab stop
        self.edit.setDate(to_qdate(value or opens_at))
        self.not_noted = QCheckBox(NOT_NOTED)
        self.not_noted.setAccessibleName(f"{name}: not noted")
        self.not_noted.setChecked(value is None)
        # A label's mnemonic focuses its buddy only if the buddy takes focus itself.
        self.setFocusPolicy(self.edit.focusPolicy())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.not_noted)
        self.edit.edited.connect(self._chosen)
        picker = day_picker(self.edit)
        picker.grid.chosen.connect(lambda: self._picked(picker))
        picker.grid.itemClicked.connect(lambda _item: self._picked(picker))
        self.not_noted.toggled.connect(self._show_state)
        self._show_state()

    def _chosen(self) -> None:
        self.not_noted.setChecked(False)

    def _picked(self, picker: QWidget) -> None:
        """A day picked in the calendar closes it (a click on a day it cannot take
        leaves it open, and changes nothing)."""
        if not picker.isVisible():
            self._chosen()

    def _show_state(self) -> None:
        """A day that will not be saved is drawn in the subdued text colour, and a
        screen reader hears "Not noted" instead of it (issue 15, finding 30); focus
        given to the field goes to what holds its value (the day, or "Not noted"), and
        Tab goes on to the other."""
        not_noted = self.not_noted.isChecked()
        subdued = "QDateEdit { color: palette(placeholder-text); }"
        self.edit.setStyleSheet(subdued if not_noted else "")
        say_instead(self.edit, NOT_NOTED if not_noted else None)
        first, second = (self.not_noted, self.edit) if not_noted else (self.edit, self.not_noted)
        self.setFocusProxy(first)
        # Tab reaches both, what holds the value first: a day can be typed without
        # unticking "Not noted" first, which a proxy alone left out of Tab's reach.
        QWidget.setTabOrder(first, second)

    def value(self) -> date | None:
        """The day noted, or None when "Not noted" is ticked."""
        return None if self.not_noted.isChecked() else from_qdate(self.edit.date())
