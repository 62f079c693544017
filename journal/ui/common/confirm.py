"""The one way Solace asks before removing something: a short, plain question that does
not block, with "Keep it" as the default and Escape answer.

Used by every delete (an entry, a body log, a pad change, an appointment), so they
all look and behave the same.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


class Question(QMessageBox):
    """A window-modal question with a destructive ``yes_button`` and a ``keep_button``.

    ``said_yes`` is emitted when the yes button is pressed, before the question closes
    (``finished``), so whatever follows the close sees what saying yes changed."""

    said_yes = Signal()

    def __init__(
        self,
        parent: QWidget,
        question: str,
        detail: str,
        action: str,
        title: str = "",
        keep: str = "Keep it",
    ) -> None:
        """``title`` is the window's title when the question is too long for a title
        bar (the window manager cut it mid-word); by default the question itself.
        ``keep`` names the default answer (given here, so the box is sized for it: a
        text set once the box was open was cut at 200 %)."""
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(title or question)
        self.setText(question)
        self.setInformativeText(detail)
        # Made here, not by addButton(text, role): Python knows a button Qt makes only by
        # a wrapper looked up by address, which can be a stale one of an older button at
        # the same address; the "Delete a past log" question's yes_button wrapper was no
        # longer valid when pressed, so `clicked is yes_button` failed and yes did nothing.
        # Each with its own Alt key (Alt+D for "Delete", Alt+K for "Keep it").
        self.yes_button = QPushButton(action if "&" in action else f"&{action}", self)
        self.keep_button = QPushButton(keep if "&" in keep else f"&{keep}", self)
        self.yes_button.clicked.connect(self.said_yes)  # before the box's own close
        self.addButton(self.yes_button, QMessageBox.ButtonRole.DestructiveRole)
        self.addButton(self.keep_button, QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.keep_button)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def confirm(
    parent: QWidget,
    question: str,
    detail: str,
    action: str,
    on_yes: Callable[[], None],
    title: str = "",
    keep: str = "Keep it",
) -> Question:
    """Ask ``question`` ("Delete this log?") with ``detail`` (what will go, and that it
    cannot be undone) and an ``action`` button ("Delete"); ``on_yes`` runs only if the
    person presses it; ``title`` and ``keep`` as for `Question`. Returns the open question (it
    deletes itself when closed)."""
    box = Question(parent, question, detail, action, title, keep)
    box.said_yes.connect(on_yes)  # never a comparison of the button a signal hands back
    box.open()
    return box
