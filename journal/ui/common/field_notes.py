"""Refused values, said on a line right under the field they are about."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QScrollArea, QWidget

from journal.ui.common.accessibility import Message

__all__ = ["FieldNotes", "bring_into_view"]


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
