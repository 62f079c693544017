"""Small fields the body log's form and dialogs share: a named choice and a day that
may stay "not noted" (date and time fields and field notes live in ``ui/common``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from journal.ui.common.accessibility import say_instead
from journal.ui.common.dates import date_edit
from journal.ui.common.local_time import from_qdate, to_qdate


def combo(name: str, items: Iterable[tuple[str, Any]]) -> QComboBox:
    """A choice read aloud as ``name``; each item is (the words shown, its value)."""
    box = QComboBox()
    box.setAccessibleName(name)
    for text, data in items:
        box.addItem(text, data)
    return box


NOT_NOTED = "Not noted"


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
        self.not_noted = QCheckBox(NOT_NOTED)
        self.not_noted.setAccessibleName(f"{name}: not noted")
        self.not_noted.setChecked(value is None)
        self.setFocusProxy(self.edit)
        # A label's mnemonic focuses its buddy only if the buddy takes focus itself.
        self.setFocusPolicy(self.edit.focusPolicy())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.not_noted)
        self.edit.dateChanged.connect(lambda _day: self.not_noted.setChecked(False))
        self.not_noted.toggled.connect(self._show_state)
        self._show_state()

    def _show_state(self) -> None:
        """A day that will not be saved is drawn in the subdued text colour, and a
        screen reader hears "Not noted" instead of it (issue 15, finding 30)."""
        not_noted = self.not_noted.isChecked()
        subdued = "QDateEdit { color: palette(placeholder-text); }"
        self.edit.setStyleSheet(subdued if not_noted else "")
        say_instead(self.edit, NOT_NOTED if not_noted else None)

    def value(self) -> date | None:
        return None if self.not_noted.isChecked() else from_qdate(self.edit.date())
