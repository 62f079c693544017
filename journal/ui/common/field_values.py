"""What a field holds, and the signal it sends when that changes: one reading for
every refusal that goes once its field holds another value (`FieldNotes`, a dialog's
error line in `WorkFooter`)."""

from __future__ import annotations

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QWidget,
)


def change_signal(field: QWidget) -> SignalInstance | None:
    """The signal a field sends when its value changes (a date field's moment, a spin
    box's or a line's text, a choice, a list's chosen row), or None for a field of
    another kind (a label showing a chosen place: its dialog says when it changes)."""
    if isinstance(field, QComboBox):
        return field.currentIndexChanged
    if isinstance(field, QLineEdit):
        return field.textChanged
    if isinstance(field, QDateTimeEdit):  # its inner line is set with signals blocked
        return field.dateTimeChanged
    if isinstance(field, QSpinBox | QDoubleSpinBox):
        return field.textChanged
    if isinstance(field, QListWidget):
        return field.currentRowChanged
    return None


def value_of(field: QWidget) -> object:
    """What a field holds now, as `change_signal` watches it (None for another kind)."""
    if isinstance(field, QComboBox):
        return field.currentIndex()
    if isinstance(field, QLineEdit):
        return field.text()
    if isinstance(field, QAbstractSpinBox):
        return field.text()
    if isinstance(field, QListWidget):
        return field.currentRow()
    return None
