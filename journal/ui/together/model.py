"""The shared items of a Together session as a Qt list model.

It holds only what `TogetherSession.items` returned, which holds only shared
rows, and it says each item's writer in words wherever it shows the item.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from journal.domain.common.bidi import isolated
from journal.domain.common.sentences import sentence
from journal.domain.entries.entry import make_headline
from journal.domain.together.items import SharedItem
from journal.ui.common.local_time import say_moment
from journal.ui.together.entry_text import reading_text
from journal.ui.together.marks import mark

__all__ = ["ITEM_ROLE", "SharedItemsModel", "item_heading", "said_heading", "said_item"]

Index = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def item_heading(item: SharedItem) -> str:
    """Whose it is and when, in words: like "● Sam, Monday 2 March 2026, 09:00"."""
    writer = isolated(item.writer)  # its own direction in the sentence (`bidi`)
    return f"{mark(item.side)} {writer}, {say_moment(item.created_at, zone=item.zone)}"


def said_heading(item: SharedItem) -> str:
    """`item_heading` as a screen reader should say it: the shape that marks whose it
    is left out (it is not read as "black circle"), the name says it."""
    return f"{isolated(item.writer)}, {say_moment(item.created_at, zone=item.zone)}"


def said_item(item: SharedItem) -> str:
    """The whole item in words, as one focus of the reader speaks it: whose, when, the
    title (if any) and the text, and how many responses, each part one sentence."""
    parts = [sentence(item.title), sentence(" ".join(reading_text(item.body).split()))]
    extra = _responses_text(item)
    if extra:
        parts.append(sentence(extra))
    return f"{said_heading(item)}: " + " ".join(p for p in parts if p)


def _responses_text(item: SharedItem) -> str:
    count = len(item.responses)
    if not count:
        return ""
    return "One response" if count == 1 else f"{count} responses"


class SharedItemsModel(QAbstractListModel):
    """The list model of what the two partners shared (entries and responses), in
    the order ``TogetherSession.items`` gives."""

    def __init__(self) -> None:
        super().__init__()
        self._items: list[SharedItem] = []

    def set_items(self, items: Sequence[SharedItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def clear(self) -> None:
        self.set_items([])

    def item(self, row: int) -> SharedItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, entry_id: str) -> int:
        return next((n for n, i in enumerate(self._items) if i.entry_id == entry_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            title = make_headline(item.title, item.body)
            extra = _responses_text(item)
            lines = [item_heading(item), title]
            if extra:
                lines.append(extra)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            title = make_headline(item.title, item.body)
            extra = _responses_text(item)
            said = (
                f"{isolated(item.writer)}'s entry, "
                f"{say_moment(item.created_at, zone=item.zone)}: "
                f"{sentence(title)}"
            )
            return f"{said} {sentence(extra)}" if extra else said
        if role == ITEM_ROLE:
            return item
        return None
