"""Small fields the body log's form and dialogs share: a named choice, a time, a day."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDateEdit, QDateTimeEdit


def combo(name: str, items: Iterable[tuple[str, Any]]) -> QComboBox:
    """A choice read aloud as ``name``; each item is (the words shown, its value)."""
    box = QComboBox()
    box.setAccessibleName(name)
    for text, data in items:
        box.addItem(text, data)
    return box


def time_edit(name: str) -> QDateTimeEdit:
    """A day and time to the minute, with a calendar to pick the day."""
    edit = QDateTimeEdit()
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    return edit


def date_edit(name: str) -> QDateEdit:
    """A day, with a calendar to pick it."""
    edit = QDateEdit()
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    return edit
