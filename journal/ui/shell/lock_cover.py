"""At a lock, the journal's words leave the screen at once.

Ctrl+L is what a person presses when someone walks in. A lock saves every area's work
before it forgets the views (`MainWindow.lock`), and that can take a while: a paste
of many lines still going in is put in whole first, so nothing of it is lost (break
test 9 of session 15, finding 1: the journal stayed readable for a minute, "Pasting…
20 %" frozen, nothing said). So the first thing a lock does is to cover the window
with a calm "Locking…" (painted there and then, before any of that work), saying
what it waits for; the lock screen replaces it once the lock is done.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from journal.ui.common.widgets import busy_bar

__all__ = [
    "BACKING_UP_AT_LOCK",
    "LOCKING",
    "LOCKING_AFTER_CHECK",
    "LOCKING_AFTER_CHECK_THEN_SAVING",
    "LOCKING_PASTE",
    "LockCover",
]

LOCKING = "Locking…"
LOCKING_PASTE = (
    "Locking… The rest of your paste is being put in and saved first, so nothing is lost."
)
#: Said when a lock begins while the check of a large journal's pages still runs
#: (`journal.storage.lock.page_check`): the lock waits for it, 15 to 20 s on a slow
#: disk, and "Locking…" alone said nothing of why (break test 35, finding 6). A lock
#: for damage saves nothing, and says only the first sentence.
LOCKING_AFTER_CHECK = "Locking… Solace is finishing its check of your journal first."
LOCKING_AFTER_CHECK_THEN_SAVING = (
    "Locking… Solace is finishing its check of your journal first, then saves your words."
)
#: Said, beside a moving busy line, while the day's backup copy is taken at a lock
#: (`MainWindow.lock`): the window goes on painting meanwhile (issue 12).
BACKING_UP_AT_LOCK = "Locking… Your words are saved; keeping today's backup copy of them."


class LockCover(QFrame):
    """A plain page over the whole of ``window`` while a lock does its work: no words
    of the journal on it, only what the lock is doing. Takes no focus from what has
    it (that keeps it until the lock screen takes it); given the focus when the window
    comes back from a dialog the lock closed, it is heard by what it says."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.said = QLabel(self)
        self.said.setWordWrap(True)
        self.said.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.said)
        self.busy = busy_bar()  # quiet: the person did not ask for this work
        self.busy.setAccessibleName("Locking under way")
        self.busy.setMaximumWidth(160)
        layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.hide()

    def cover(self, said: str, busy: bool = False) -> None:
        """Cover the window now, saying ``said``, with a moving busy line when ``busy``
        (work waited for with `wait_painting`, during which the window paints), and
        paint it before returning (the lock's other work keeps the event loop from
        painting it)."""
        window = self.parentWidget()
        if window is not None:
            self.setGeometry(window.rect())
        self.said.setText(said)
        self.setAccessibleName(said)
        self.busy.setVisible(busy)
        self.show()
        self.raise_()
        self.repaint()

    def uncover(self) -> None:
        """Take the cover away (the lock screen is shown)."""
        self.hide()
