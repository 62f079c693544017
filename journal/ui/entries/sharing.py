"""Beside the editor's share switch: the note on what sharing means, asked before the
first share takes effect, and, in a journal two people keep, which of them wrote the entry.

The editor places this row under its switch and tells it when an entry is shown,
shared or saved; it reads and writes through `Sharing`, in the same journal.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from journal.domain.together.sharing import SHARING_MEANS
from journal.storage.together.sharing import Sharing
from journal.ui.common.flow import flow_row
from journal.ui.common.widgets import label

__all__ = ["SharingExtras"]


class SharingExtras(QWidget):
    """The first-time note on sharing with its two answers, and the "Written by" choice.

    Each answer is emitted (``share_confirmed``, ``kept_private``) while its button
    still has the focus, before the note hides: the editor moves the focus back to
    its switch and says the result, so the focus never falls on the other answer or
    the next control on its way."""

    share_confirmed = Signal()  # "Share it" under the first-time note
    kept_private = Signal()  # "Keep it private" under it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sharing: Sharing | None = None
        self._entry_id: str | None = None
        self._stored = False
        self._last_writer = 1
        self.note = label(SHARING_MEANS, "notice")
        self.note.setAccessibleDescription("What sharing means")
        # The note is what each answer means: it is their description, read with the
        # answer that has the focus when the note appears (the name stays the words
        # on the button).
        self.share_button = QPushButton("Share it")
        self.share_button.setAccessibleDescription(SHARING_MEANS)
        self.share_button.clicked.connect(self._share)
        self.keep_button = QPushButton("Keep it private")
        self.keep_button.setAccessibleDescription(SHARING_MEANS)
        self.keep_button.clicked.connect(self._keep)
        self.writer = QComboBox()
        self.writer.setAccessibleName("Written by")
        # No letter of its own: each of its words' letters is another control's in the
        # Journal's window ("&Written on" had its W: Alt+W went to each in turn, break
        # test 15 of session 18, re-test R5); Tab reaches it after the share switch.
        self.writer_label = QLabel("Written by")
        self.writer_label.setBuddy(self.writer)
        self.writer.currentIndexChanged.connect(self._writer_chosen)
        # The note, then its two buttons in a row that wraps (`flow_row`): beside the
        # note they made the row wider than the page at 200 % text.
        note_row = QVBoxLayout()
        note_row.setContentsMargins(0, 0, 0, 0)
        note_row.addWidget(self.note)
        self.note_buttons = flow_row(self.share_button, self.keep_button)
        note_row.addWidget(self.note_buttons)
        writer_row = QHBoxLayout()
        writer_row.addWidget(self.writer_label)
        writer_row.addWidget(self.writer)
        writer_row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(note_row)
        column.addLayout(writer_row)
        self._hide_note()
        self._show_writers(None)

    def attach(self, sharing: Sharing) -> None:
        self._sharing = sharing
        writers = sharing.writers()
        self._show_writers((writers.first, writers.second) if writers else None)

    def _show_writers(self, names: tuple[str, str] | None) -> None:
        self.writer.blockSignals(True)
        self.writer.clear()
        for number, name in enumerate(names or (), start=1):
            self.writer.addItem(name, number)
        self.writer.blockSignals(False)
        self.writer.setVisible(names is not None)
        self.writer_label.setVisible(names is not None)

    def show_entry(self, entry_id: str, stored: bool) -> None:
        """An entry is shown: its recorded writer (a new one: the last writer chosen)."""
        self._entry_id, self._stored = entry_id, stored
        self._hide_note()
        if self._sharing is None:
            return
        writers = self._sharing.writers()  # named or changed in Together since
        self._show_writers((writers.first, writers.second) if writers else None)
        if not self.writer.count():
            return
        number = self._sharing.writer_of(entry_id) if stored else None
        self.writer.blockSignals(True)
        self.writer.setCurrentIndex(self.writer.findData(number or self._last_writer))
        self.writer.blockSignals(False)

    def ask_first(self) -> bool:
        """The person turned sharing on. The first time ever, the note on what sharing
        means is shown with "Share it" and "Keep it private", and True is returned: the
        entry is shared only once "Share it" is pressed (`share_confirmed`)."""
        if self._sharing is None or self._sharing.sharing_explained:
            return False
        self.note.show()
        self.note_buttons.show()
        self.share_button.show()
        self.keep_button.show()
        self.share_button.setFocus()
        return True

    def _share(self) -> None:
        if self._sharing is not None:
            self._sharing.set_sharing_explained()
        self.share_confirmed.emit()
        self._hide_note()

    def _keep(self) -> None:
        self.kept_private.emit()
        self._hide_note()

    def saved(self, entry_id: str) -> None:
        """The entry was written: record its writer the first time."""
        if self._sharing is None or not self.writer.count():
            return
        if not self._stored or self._sharing.writer_of(entry_id) is None:
            self._sharing.set_writer(entry_id, int(self.writer.currentData()))
        self._stored = True

    def _writer_chosen(self) -> None:
        number = self.writer.currentData()
        if number is None:
            return
        self._last_writer = int(number)
        if self._sharing is not None and self._entry_id is not None and self._stored:
            self._sharing.set_writer(self._entry_id, int(number))

    def _hide_note(self) -> None:
        self.note.hide()
        self.note_buttons.hide()
        self.share_button.hide()
        self.keep_button.hide()

    def clear(self) -> None:
        self._sharing = None
        self._entry_id = None
        self._stored = False
        self._last_writer = 1
        self._hide_note()
        self._show_writers(None)
