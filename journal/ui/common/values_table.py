"""A read-only table of values whose columns fit its width and whose height is its rows'.

Qt sizes a table's columns to their contents and its headers to one line each, and
asks for a fixed height whatever it holds: the chart's table of values ran past its
right edge at 100 % text on a 1366x768 screen ("Mood" cut to "Not note" behind a
sideways scroll bar) while one day of values sat in ten lines of empty room (issue 10,
F2). Here each column is as wide as its words need, and when they do not all fit, the
header's words and the cells' words wrap so that the columns share the width; only
when even a column's longest word each does not fit (200 % text, a narrow window) does
the table scroll sideways. The table is as tall as its header and its rows, up to
``most`` rows (more scroll inside it).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

__all__ = ["ValuesTable", "share_width", "wrapped_words"]


def wrapped_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` with a line break ("\\n") between words wherever the next word would
    take a line past ``width`` pixels; a word longer than that stays whole on its line."""
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return "\n".join(lines)


def share_width(least: Sequence[int], natural: Sequence[int], room: int) -> list[int]:
    """Column widths within ``room`` pixels: each column's ``natural`` width (its words
    on one line) when they all fit; else each its ``least`` (its longest word) and the
    rest of the room shared in proportion to what each lacks of its natural width; the
    ``least`` widths when even they do not fit."""
    if sum(natural) <= room:
        return list(natural)
    spare = room - sum(least)
    lacking = [max(0, n - s) for s, n in zip(least, natural, strict=True)]
    if spare <= 0 or not sum(lacking):
        return list(least)
    return [s + spare * lack // sum(lacking) for s, lack in zip(least, lacking, strict=True)]


class ValuesTable(QTableWidget):
    """A table of plain values, read with the arrow keys (whole rows selected, nothing
    edited), with the fitting described in the module's docstring. ``most``: the rows
    shown without scrolling up and down."""

    def __init__(self, most: int = 10, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.most = most
        self._labels: list[str] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_rows(self, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """Show ``columns`` as the headers (each also its cells' accessible column name,
        on one line however it wraps) and a row of cells per entry of ``rows``, whose
        first value also names the row."""
        self.clear()
        self._labels = list(columns)
        self.setColumnCount(len(columns))
        for c, name in enumerate(columns):
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
            self.setHorizontalHeaderItem(c, item)
        self.setRowCount(len(rows))
        # A row's header, hidden on screen, is still read on the bus: its first value
        # (the day), never Qt's bare row number (break test 15 of session 29, N8).
        self.setVerticalHeaderLabels([values[0] if values else "" for values in rows])
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.setItem(r, c, QTableWidgetItem(value))
        self.fit()

    def _room(self) -> int:
        """The width the columns share: the table's, less its frame and its up-and-down
        scroll bar when it has more rows than it shows."""
        room = self.width() - 2 * self.frameWidth()
        if self.rowCount() > self.most:
            room -= self.verticalScrollBar().sizeHint().width()
        return max(1, room)

    def _header_metrics(self) -> QFontMetrics:
        """The headers' font as drawn over a selected row's columns: bold (Qt draws a
        section bold while its column holds the current selection)."""
        font = QFont(self.horizontalHeader().font())
        font.setBold(True)
        return QFontMetrics(font)

    def _column_widths(self) -> tuple[list[int], list[int]]:
        """Each column's least width (its longest word, header's or a cell's) and its
        natural width (its header and each cell on one line), padding included."""
        cells = self.fontMetrics()
        heads = self._header_metrics()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        head_pad = 2 * margin + 2
        least, natural = [], []
        for c, name in enumerate(self._labels):
            texts = [item.text() for r in range(self.rowCount()) if (item := self.item(r, c))]
            widest = max((cells.horizontalAdvance(t) for t in texts), default=0)
            cell_pad = max(0, self.sizeHintForColumn(c) - widest) if texts else 0
            word = max((cells.horizontalAdvance(w) for t in texts for w in t.split()), default=0)
            head_word = max((heads.horizontalAdvance(w) for w in name.split()), default=0)
            least.append(max(word + cell_pad, head_word + head_pad))
            natural.append(max(widest + cell_pad, heads.horizontalAdvance(name) + head_pad))
        return least, natural

    def fit(self) -> None:
        """Size the columns to the width (`share_width`), wrap the headers' words to
        their columns, and make the table as tall as its header and rows."""
        if not self._labels:
            self._fit_height()
            return
        least, natural = self._column_widths()
        widths = share_width(least, natural, self._room())
        header = self.horizontalHeader()
        heads = self._header_metrics()
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        for c, (name, width) in enumerate(zip(self._labels, widths, strict=True)):
            header.resizeSection(c, width)
            item = self.horizontalHeaderItem(c)
            wrapped = wrapped_words(name, heads, width - 2 * margin - 2)
            if item is not None and item.text() != wrapped:
                item.setText(wrapped)
        self.resizeRowsToContents()
        self._fit_height(sum(widths) > self._room())

    def _fit_height(self, sideways: bool = False) -> None:
        """As tall as the header and the first `most` rows (one row's room when empty),
        and the sideways scroll bar when the columns are wider than the table
        (``sideways``)."""
        rows = self.verticalHeader()
        shown = min(self.rowCount(), self.most)
        height = sum(rows.sectionSize(r) for r in range(shown)) or rows.defaultSectionSize()
        height += self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        if sideways:
            height += self.horizontalScrollBar().sizeHint().height()
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
