"""The one way Solace deletes something the person chose: ask first, then a few seconds
to bring it back.

Every delete (an entry, a body log, a pad change, an appointment) asks the same
question (`journal.ui.common.confirm`, "Keep it" the default) with the same promise
(`deletion_detail`), deletes at once on yes, and shows an `UndoBar`: a line saying
what went, an Undo button that has the focus, and Edit > Undo (Ctrl+Z) doing the
same, for `UNDO_MS`. When the time is over the bar goes and says so (`GONE_FOR_GOOD`).
What was deleted waits only in memory (never on disk) for Undo, which writes it back
as it was (the same id).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QWidget

from journal.ui.common.accessibility import Message, announce
from journal.ui.common.page_focus import focus_placed_after

__all__ = ["GONE_FOR_GOOD", "UNDO_MS", "UndoBar", "deletion_detail"]

#: How long (ms) a deleted item can be brought back: long enough to notice a slip of
#: the hand and press Undo, short enough that "deleted" soon means gone.
UNDO_MS = 10_000
GONE_FOR_GOOD = "The time to undo has passed: it is deleted for good."


def deletion_detail(what: str) -> str:
    """The question's detail for deleting ``what`` ("Your log of Tuesday 1 December
    2026, 00:36"): that it goes, and the few seconds to bring it back."""
    return (
        f"{what} will be removed from this journal. You can bring it back for a few "
        "seconds afterwards, and then it is gone for good."
    )


class UndoBar(QWidget):
    """A line saying what was just deleted with an Undo button, shown for `UNDO_MS`.

    ``offer(said, undo)`` shows ``said`` (announced), gives Undo the focus and keeps
    ``undo`` (a callable that writes the item back) until Undo is pressed (`undo`, also
    for Edit > Undo), the time runs out (announced as `GONE_FOR_GOOD`; the focus, if it
    was on Undo, goes to ``fallback()``), or `forget` (a lock). Hidden otherwise."""

    def __init__(
        self,
        undo_name: str,
        fallback: Callable[[], QWidget | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._pending: Callable[[], None] | None = None
        self._fallback = fallback
        self.text = Message("What was deleted", hide_empty=False)
        self.button = QPushButton("&Undo")
        self._undo_name = undo_name
        self.button.setAccessibleName(undo_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(UNDO_MS)
        self.timer.timeout.connect(self._ran_out)
        self.button.clicked.connect(self.undo)
        self.hide()

    @property
    def pending(self) -> bool:
        """Whether something deleted can still be brought back."""
        return self._pending is not None

    def offer(self, said: str, undo: Callable[[], None], undo_name: str = "") -> None:
        """Show ``said`` ("The log of … was deleted.") with Undo focused, for `UNDO_MS`;
        Undo is named ``undo_name`` for this once ("Undo deleting the log of …") when
        given, else by the name it was made with."""
        self.button.setAccessibleName(undo_name or self._undo_name)
        self._pending = undo
        self.show()
        self.text.show_message(said, "status", repeat=True)
        self.timer.start()
        self.button.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo(self) -> bool:
        """Bring back what was deleted (False when there is nothing to, or too late)."""
        undo, self._pending = self._pending, None
        with focus_placed_after(lambda: None):  # `undo` places it, never via "Areas"
            self.forget()
            if undo is None:
                return False
            undo()
        return True

    def forget(self) -> None:
        """Drop what waits for Undo and hide the bar, saying nothing (a lock, a reload)."""
        self._pending = None
        self.timer.stop()
        self.text.clear()
        self.hide()

    def _ran_out(self) -> None:
        """The time to undo is over: the focus, if it was on Undo, moves first (to
        ``fallback()``), then the bar goes, then `GONE_FOR_GOOD` is said, from a control
        still shown. Said first, it was cut off by the focus move a moment later: a
        screen reader stops speaking when the focus changes (issue 15 break test)."""
        focus = QApplication.focusWidget()
        had_focus = focus is not None and (focus is self or self.isAncestorOf(focus))
        shown = self.isVisible()
        target = self._fallback() if had_focus else None
        with focus_placed_after(lambda: None):  # placed here, never via "Areas"
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.forget()
        speaker = target if target is not None else self.parentWidget()
        if shown and speaker is not None:
            announce(speaker, GONE_FOR_GOOD)
