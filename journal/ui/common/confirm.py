"""The one way Solace asks before removing something: a short, plain question that does
not block, with "Keep it" as the default and Escape answer.

Used by every delete (an entry, a body log, a pad change, an appointment), so they
all look and behave the same.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


class Question(QMessageBox):
    """A window-modal question with a destructive ``yes_button`` and a ``keep_button``."""

    def __init__(self, parent: QWidget, question: str, detail: str, action: str) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(question)
        self.setText(question)
        self.setInformativeText(detail)
        self.yes_button = self.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        self.keep_button = self.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.keep_button)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def confirm(
    parent: QWidget, question: str, detail: str, action: str, on_yes: Callable[[], None]
) -> Question:
    """Ask ``question`` ("Delete this log?") with ``detail`` (what will go, and that it
    cannot be undone) and an ``action`` button ("Delete"); ``on_yes`` runs only if the
    person presses it. Returns the open question (it deletes itself when closed)."""
    box = Question(parent, question, detail, action)

    def answered(button: QAbstractButton) -> None:
        if button is box.yes_button:
            on_yes()

    box.buttonClicked.connect(answered)
    box.open()
    return box
