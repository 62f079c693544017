"""A dialog holding words or choices that only its own button keeps (a past log, an
appointment, the recovery details; what to add to the doctor's summary, a remembrance
date, a prompt of one's own, a new recovery key not yet confirmed, which say what counts
with `EditDialog.unsaved`): Escape, Cancel, Close and the window's close button ask
before that is thrown away.

Escape is pressed by accident, and a dialog gives no sign that it held unsaved words
once it is gone: "Change this log" lost every change to Escape, unasked (break test 39,
left alone then). A dialog changed in nothing closes at once, as before, and a lock
never asks: it keeps what was typed and gives it back at the next unlock
(`journal.ui.common.dialog_drafts`).

All three ways to close go through `QDialog.reject`: Escape (QDialog's key handling),
Cancel (the button box's ``rejected``) and the close button (QDialog's ``closeEvent``
calls ``reject`` and keeps the window open if that did not hide it).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from journal.ui.common.confirm import Question, confirm
from journal.ui.common.dialog_drafts import CLOSED_BY_LOCK, changed_values, note_baseline

DISCARD_QUESTION = "Discard your changes?"
DISCARD_DETAIL = "What you changed in “{title}” has not been saved, and cannot be brought back."
DISCARD = "&Discard changes"
KEEP_EDITING = "&Keep editing"


class Discard(NamedTuple):
    """The words of the question an `EditDialog` asks: the question, its detail
    ("{title}" is the dialog's title), the button that throws away, the one that
    keeps, and the question's window title ("": the question itself)."""

    question: str
    detail: str
    action: str
    keep: str
    title: str = ""


class EditDialog(QDialog):
    """A QDialog that asks `DISCARD_QUESTION` ("Keep editing" is the default, and the
    answer to Escape) before it is rejected with changes in it, as the module says.
    ``question`` is the open question, or None. A dialog whose words differ sets
    ``discard_words``; one that counts otherwise what would be lost, ``unsaved``."""

    discard_words = Discard(DISCARD_QUESTION, DISCARD_DETAIL, DISCARD, KEEP_EDITING)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question: Question | None = None

    def showEvent(self, event: QShowEvent) -> None:
        """What the dialog shows as it opens is what a change is measured against."""
        note_baseline(self)
        super().showEvent(event)

    def unsaved(self) -> bool:
        """Whether closing now would throw away something the person changed: any input
        value unlike the one it was shown with (`changed_values`). A dialog whose
        changes are used without being saved in it (an export) says otherwise."""
        return bool(changed_values(self))

    def reject(self) -> None:
        """Close without saving, after asking if anything was changed (see the module)."""
        if self.question is not None:
            self.question.raise_()
            return
        if self.property(CLOSED_BY_LOCK) or not self.unsaved():
            super().reject()
            return
        words = self.discard_words
        detail = words.detail.format(title=self.windowTitle())
        self.question = confirm(
            self,
            words.question,
            detail,
            words.action,
            lambda: QDialog.reject(self),
            words.title,
            words.keep,
        )
        self.question.finished.connect(lambda _result: setattr(self, "question", None))
