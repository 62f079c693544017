"""Small fields the body log's form and dialogs share: a named choice, a time, a day,
and the notes that say, right under a field, what needs another look."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QWidget,
)

from journal.ui.common.accessibility import Message, one_tab_stop
from journal.ui.common.local_time import from_qdate, to_qdate


def combo(name: str, items: Iterable[tuple[str, Any]]) -> QComboBox:
    """A choice read aloud as ``name``; each item is (the words shown, its value)."""
    box = QComboBox()
    box.setAccessibleName(name)
    for text, data in items:
        box.addItem(text, data)
    return box


def date_format(locale: QLocale | None = None) -> str:
    """How the person's locale writes a day, always with a four-digit year.

    ``locale`` defaults to ``QLocale()`` (the system's, unless a default was set).
    Qt's short format is used ("dd/MM/yyyy" in Britain, "M/d/yyyy" in the US,
    "dd.MM.yyyy" in Germany); a two-digit year becomes four, so "20/11/26" can
    never be read as 1926. The C locale (no language chosen) gets ISO 8601,
    "yyyy-MM-dd".
    """
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    shown = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in shown:
        shown = shown.replace("yy", "yyyy")
    return shown


def time_format(locale: QLocale | None = None) -> str:
    """A day and a time to the minute, as the person's locale writes them."""
    locale = locale or QLocale()
    clock = "HH:mm" if locale.language() == QLocale.Language.C else locale.timeFormat(
        QLocale.FormatType.ShortFormat
    )
    return f"{date_format(locale)} {clock}"


def time_edit(name: str) -> QDateTimeEdit:
    """A day and time to the minute, typed as the person's locale writes them, with a
    calendar to pick the day."""
    edit = TypedDateTimeEdit()
    edit.setDisplayFormat(time_format())
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    one_tab_stop(edit)
    return edit


def _typed_as_a_whole(edit: QDateTimeEdit, event: QKeyEvent) -> bool:
    """Let a date (and time) field take a whole day typed at once; True when ``event``
    was used up here.

    Qt's date fields fill a section at a time: with the whole text selected they
    refuse the first digit, and after a full section ("20") they have already
    moved past the "/", so the "/" typed next jumps over the month. Here a digit
    typed over the whole text starts at the first section, and a separator typed
    right after the one Qt skipped to is taken as already typed.
    """
    typed = event.text()
    line = edit.lineEdit()
    if len(typed) == 1 and typed.isdigit() and line.hasSelectedText():
        if line.selectedText() == line.text():
            edit.setSelectedSection(edit.sectionAt(0))
    elif len(typed) == 1 and not typed.isalnum() and typed.isprintable():
        position = line.selectionStart() if line.hasSelectedText() else line.cursorPosition()
        before = line.text()[position - 1 : position] if position > 0 else ""
        if before and not before.isalnum():
            event.accept()
            return True
    return False


class TypedDateEdit(QDateEdit):
    """A day field that takes a whole day typed at once (see ``_typed_as_a_whole``)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _typed_as_a_whole(self, event):
            super().keyPressEvent(event)


class TypedDateTimeEdit(QDateTimeEdit):
    """A day-and-time field that takes a whole moment typed at once."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _typed_as_a_whole(self, event):
            super().keyPressEvent(event)


def date_edit(name: str) -> QDateEdit:
    """A day, typed as the person's locale writes it (see ``date_format``), with a
    calendar to pick it."""
    edit = TypedDateEdit()
    edit.setDisplayFormat(date_format())
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    one_tab_stop(edit)
    return edit


class DayField(QWidget):
    """A day that may stay "not noted": a date field with a "Not noted" box beside it.

    The field always holds a real day (``opens_at`` when nothing is noted yet, so
    its calendar opens there, never at a placeholder year). Typing or picking a
    day unticks "Not noted", so a day the person typed is never dropped; ticking
    it keeps the day on screen but saves none. ``value()`` is the day or None.
    """

    def __init__(
        self, name: str, value: date | None, opens_at: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.edit = date_edit(name)
        self.edit.setDate(to_qdate(value or opens_at))
        self.not_noted = QCheckBox("Not noted")
        self.not_noted.setAccessibleName(f"{name}: not noted")
        self.not_noted.setChecked(value is None)
        self.setFocusProxy(self.edit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.not_noted)
        self.edit.dateChanged.connect(lambda _day: self.not_noted.setChecked(False))
        self.not_noted.toggled.connect(self._show_state)
        self._show_state()

    def _show_state(self) -> None:
        """A day that will not be saved is drawn in the subdued text colour."""
        self.edit.setStyleSheet(
            "QDateEdit { color: palette(placeholder-text); }" if self.not_noted.isChecked() else ""
        )

    def value(self) -> date | None:
        return None if self.not_noted.isChecked() else from_qdate(self.edit.date())


def bring_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` so that it shows (layouts settled first)."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            parent.ensureWidgetVisible(widget, 8, 8)
        parent = parent.parentWidget()


class FieldNotes:
    """What needs another look, said on a line right under the field it is about.

    Each note is a plain label in its own form row, hidden until needed, and
    tied to its field: the field's accessible description holds the same words
    (screen readers read it with the field), and the label's buddy is the field.
    Showing a note hides any other, moves the keyboard focus to the field and
    scrolls both into view.
    """

    def __init__(self) -> None:
        self._notes: dict[str, tuple[QWidget, QLabel, QFormLayout]] = {}

    def add(self, form: QFormLayout, key: str, field: QWidget) -> QLabel:
        """A note row under the row just added to ``form`` for ``field``; ``key`` names it."""
        note = Message("What needs another look", "error", hide_empty=False)
        note.setBuddy(field)
        form.addRow("", note)
        form.setRowVisible(note, False)
        self._notes[key] = (field, note, form)
        return note

    def note(self, key: str) -> QLabel:
        """The label of the note ``key`` (empty and hidden when nothing is wrong)."""
        return self._notes[key][1]

    def field(self, key: str) -> QWidget:
        return self._notes[key][0]

    def __contains__(self, key: str) -> bool:
        return key in self._notes

    def shown(self) -> str | None:
        """The key of the note on screen, or None."""
        for key, (_field, note, _form) in self._notes.items():
            if note.text():
                return key
        return None

    def show(self, key: str, message: str) -> None:
        self.clear()
        field, note, form = self._notes[key]
        form.setRowVisible(note, True)
        note.setText(message)  # shown first, so that it is announced
        field.setAccessibleDescription(message)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        bring_into_view(note)
        bring_into_view(field)

    def clear(self) -> None:
        for field, note, form in self._notes.values():
            if note.text():
                note.clear()
                form.setRowVisible(note, False)
                field.setAccessibleDescription("")
