"""What I share: every shared entry in one place, each with "Make private"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.domain.entries.entry import EntrySummary
from journal.domain.together.sharing import SHARING_MEANS
from journal.ui.common.accessibility import describes, scroll_only
from journal.ui.common.local_time import say_moment
from journal.ui.common.widgets import grow_with_content, label
from journal.ui.together.layouts import empty

__all__ = ["SHARING_MEANS", "WhatIShare"]

NOTHING_SHARED = "You are not sharing anything. Every entry is private until you share it."


class WhatIShare(QWidget):
    """The entries this journal shares with the partner, each of which can be made private
    again; emits ``make_private(entry id)`` and ``back``.
    """

    make_private = Signal(str)  # entry id
    back = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.back_button = QPushButton("&Back")
        self.back_button.clicked.connect(self.back)
        self.count = label("", "subtle")
        inner = QWidget()
        self._rows = QVBoxLayout(inner)
        self._rows.setSpacing(8)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName("Your shared entries")
        scroll_only(scroll)  # each shared entry's buttons are the Tab stops
        scroll.setWidget(inner)
        grow_with_content(scroll)  # the main window's page is the one scroll
        top = QHBoxLayout()
        top.addWidget(label("What I share", "heading"), 1)
        top.addWidget(self.back_button)
        column = QVBoxLayout(self)
        column.addLayout(top)
        self.means = describes(label(SHARING_MEANS, "subtle"), self.back_button)
        column.addWidget(self.means)
        column.addWidget(self.count)
        column.addWidget(scroll, 1)
        self.buttons: list[QPushButton] = []
        self._headlines: dict[str, str] = {}

    def show_entries(self, entries: Sequence[EntrySummary]) -> None:
        """Show ``entries``. How many (or that nothing is shared) and what sharing means
        are read with Back (with nothing shared it is the page's only control), and are
        set before the old rows go: a row going with the focus hands it to Back, which
        was heard with the count of before ("1 shared entry…" once nothing was shared:
        issue 15 break test)."""
        self.count.setText(
            NOTHING_SHARED
            if not entries
            else f"{len(entries)} shared entr{'y' if len(entries) == 1 else 'ies'}, newest first."
        )
        describes(self.means, self.back_button, before=self.count.text())
        self.buttons = []
        self._headlines = {entry.id: entry.headline for entry in entries}
        empty(self._rows)
        for entry in entries:
            row = QFrame()
            row.setObjectName("card")
            line = QHBoxLayout(row)
            line.setContentsMargins(14, 8, 14, 8)
            text = label(f"{entry.headline}\n{say_moment(entry.created_at, zone=entry.zone)}")
            line.addWidget(text, 1)
            button = QPushButton("Make private")
            button.setAccessibleName(f"Make private: {entry.headline}")
            button.clicked.connect(lambda _=False, e=entry.id: self.make_private.emit(e))
            describes(self.means, button)
            line.addWidget(button)
            self.buttons.append(button)
            self._rows.addWidget(row)
        self._rows.addStretch(1)

    def headline(self, entry_id: str) -> str:
        """The title (or first words) of the shared entry ``entry_id`` shown, or ""."""
        return self._headlines.get(entry_id, "")

    def clear(self) -> None:
        self.buttons = []
        self._headlines = {}
        self.count.clear()
        empty(self._rows)
