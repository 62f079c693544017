"""The one way Solace asks before removing or replacing something: a short, plain
question that does not block, with "Keep it" as the default and Escape answer.

Used by every delete (an entry, a body log, a pad change, an appointment) and every
"are you sure" (restore another journal's backup, close over a recovery key not yet
written down), so they all look and behave the same.

A dialog laid out as every dialog of Solace is (`journal.ui.common.fit.dialog_layout`),
not a QMessageBox: a QMessageBox fixes its own size when it opens, from a width of at
most 500 pixels whatever the text size and from its labels' minimum heights at that
moment, so it can neither be shrunk to the screen nor scroll. The question "Restore
“Notes”, another journal?" opened 409x1239 on a 768-pixel screen, its buttons below the
edge (break test 16 of session 11, finding 6), and 620 pixels tall on a 1024x600 screen
at 200 % text. Here the words wrap at about `WIDTH_CHARS` characters of the text size
in use, the dialog lies within the screen's available geometry (`DialogFit`), and what
does not fit scrolls above the buttons, which never scroll away.

No icon beside the question, as in GNOME's message dialogs: the bold question says
what a question mark would, and the icon was an image with no name to a screen reader
(break test 15 of session 25, F5).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QWidget,
)

from journal.ui.common.fit import dialog_layout, window_room

#: The width a question opens at, in average characters of the text size in use: a
#: comfortable line to read (typography's 45 to 75), within the screen (`DialogBody`).
WIDTH_CHARS = 60


class Question(QDialog):
    """A window-modal question with a destructive ``yes_button`` and a ``keep_button``.

    ``question`` is shown in bold, ``detail`` (what will go or change, and whether it can
    be undone) below it; ``action`` names the yes button, ``keep`` the default answer
    (Enter and Escape). ``title`` is the window's title when the question is too long
    for a title bar (the window manager cut it mid-word); by default the question.
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
        super().__init__(parent)
        self.setWindowTitle(title or question)
        self._question = question
        self._detail = detail
        self._clicked: QAbstractButton | None = None
        self._sized = False
        content, footer = dialog_layout(self, WIDTH_CHARS)
        self.question_label = QLabel(question)
        self.question_label.setTextFormat(Qt.TextFormat.PlainText)
        self.question_label.setWordWrap(True)
        font = self.question_label.font()
        font.setBold(True)
        self.question_label.setFont(font)
        self.detail_label = QLabel(detail)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        content.addWidget(self.question_label)
        content.addWidget(self.detail_label)
        content.addStretch(1)
        self.setAccessibleDescription(f"{question} {detail}")
        # Made here, each with its own Alt key (Alt+D for "Delete", Alt+K for "Keep it").
        self.yes_button = QPushButton(action if "&" in action else f"&{action}", self)
        self.keep_button = QPushButton(keep if "&" in keep else f"&{keep}", self)
        self.box = QDialogButtonBox(self)
        self.box.addButton(self.yes_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.box.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        footer.addWidget(self.box)
        self.yes_button.setAutoDefault(False)
        self.keep_button.setDefault(True)
        self.yes_button.clicked.connect(self._yes)
        self.keep_button.clicked.connect(self._keep)
        self.keep_button.setFocus()
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def size_for_opening(self) -> None:
        """Take the size to open at, once: `WIDTH_CHARS` average characters wide (never
        wider than the screen's room, never narrower than its controls need) and as tall
        as its words need there, within the screen: a word-wrapped label's own size hint
        would make it a line as wide as the screen, or a narrow column. Called by
        `journal.ui.common.fit.DialogFit` as it opens, before it is placed (placed first,
        it grew from its top-left corner half off a 1024x600 screen: break test 10 of
        session 17, finding 5), else by `showEvent`."""
        if self._sized:
            return
        self._sized = True
        room = window_room(self)
        wanted = WIDTH_CHARS * self.fontMetrics().averageCharWidth()
        width = min(room.width(), max(self.minimumSizeHint().width(), wanted))
        layout = self.layout()
        height = self.sizeHint().height()
        if layout is not None and layout.hasHeightForWidth():
            height = layout.totalHeightForWidth(width)
        self.resize(width, min(height, room.height()))

    def showEvent(self, event: QShowEvent) -> None:
        """Opened at its size (`size_for_opening`)."""
        self.size_for_opening()
        super().showEvent(event)

    def text(self) -> str:
        """The question asked ("Delete this log?")."""
        return self._question

    def informativeText(self) -> str:
        """What the question's detail says."""
        return self._detail

    def buttons(self) -> list[QAbstractButton]:
        """The yes button and the keep button, in the order shown."""
        return list(self.box.buttons())

    def defaultButton(self) -> QPushButton:
        """The button Enter presses: ``keep_button``."""
        return self.keep_button

    def escapeButton(self) -> QPushButton:
        """The button Escape presses: ``keep_button``."""
        return self.keep_button

    def clickedButton(self) -> QAbstractButton | None:
        """The button that answered, or None while the question is open or when it was
        closed otherwise (Escape, the window's close button: the keep answer)."""
        return self._clicked

    def _yes(self) -> None:
        self._clicked = self.yes_button
        self.said_yes.emit()  # before the close, as documented
        self.accept()

    def _keep(self) -> None:
        self._clicked = self.keep_button
        self.reject()


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
