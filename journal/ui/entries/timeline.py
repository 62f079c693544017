"""The timeline: entries grouped by the day each was written (in its own zone), newest
day first and newest first within a day (`local_time.newest_first`, so day headings
never go backwards), loaded a page at a time.

`TimelineModel` is a lazy QAbstractListModel: it holds only the pages the view
has asked for (`canFetchMore`/`fetchMore`), so a journal of 100,000 entries
opens as fast as one of ten. Rows are painted by `TimelineDelegate`; there is
never a widget per row. The same model shows search results, with a snippet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from journal.domain.common.local_time import local_day, newest_first
from journal.domain.common.sentences import sentence
from journal.domain.entries.entry import EntrySummary
from journal.storage.entries.repository import Cursor, EntryRepository
from journal.storage.entries.search import SearchHit
from journal.ui.common.local_time import say_day, say_time, short_day
from journal.ui.entries.snippet import (
    ELLIPSIS,
    FittedSnippet,
    fit_snippet,
    snippet_layout,
    whole_snippet,
)

PAGE_SIZE = 100
_WHITESPACE = re.compile(r"\s+")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3
DAY_HEADER_ROLE = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex
# offset (rows already loaded), limit -> the next rows
PageSource = Callable[[int, int], list[SearchHit]]


def details(summary: EntrySummary) -> str:
    """Time, mood, feelings, tags and sharing, in words."""
    parts = [say_time(summary.created_at, summary.zone)]  # where it was written
    if summary.mood is not None:
        parts.append(summary.mood.label)
    if summary.feelings:
        parts.append(", ".join(summary.feelings))
    if summary.tags:
        parts.append(" ".join(f"#{tag}" for tag in summary.tags))
    parts.append("Shared" if summary.shared else "Private")
    return "  ·  ".join(parts)


def _place(summary: EntrySummary) -> tuple[date, datetime]:
    """Where an entry stands in the list, by the one order of every list (newest
    first, `newest_first`: the day as shown, then the moment)."""
    return newest_first(summary.created_at, summary.zone)


class BrowseSource:
    """Every entry, newest first, by keyset so deep pages stay cheap."""

    def __init__(self, repo: EntryRepository) -> None:
        self._repo = repo
        self._cursor: Cursor | None = None

    def __call__(self, offset: int, limit: int) -> list[SearchHit]:
        if offset == 0:
            self._cursor = None
        summaries, cursor = self._repo.summaries(limit, self._cursor)
        self._cursor = cursor or self._cursor
        return [SearchHit(summary) for summary in summaries]


class TimelineModel(QAbstractListModel):
    """The entry list's rows (search hits), loaded a page at a time, with the day headings
    worked out once per change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SearchHit] = []
        # Local days and day headings by row, worked out once per change: sizeHint asks
        # for every row several times at each reset, and each heading needs the local
        # day of the row and the one above (a time-zone conversion each).
        self._days: dict[int, date] = {}
        self._headers: dict[int, str] = {}
        self._source: PageSource | None = None
        self._exhausted = True
        self._page_size = PAGE_SIZE
        self.browsing = True

    # loading --------------------------------------------------------------------------
    def set_source(
        self, source: PageSource | None, *, browsing: bool = True, page_size: int = PAGE_SIZE
    ) -> None:
        """Show what `source` gives, `page_size` rows at a time; a shorter page is the last."""
        self.beginResetModel()
        self._rows = []
        self._forget_days()
        self._source = source
        self._page_size = page_size
        self._exhausted = source is None
        self.browsing = browsing
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._source is None:
            return
        batch = self._source(len(self._rows), self._page_size)
        if len(batch) < self._page_size:
            self._exhausted = True
        known = {hit.summary.id for hit in self._rows}
        batch = [hit for hit in batch if hit.summary.id not in known]
        if not batch:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._rows.extend(batch)
        self._forget_days()
        self.endInsertRows()

    # changes from the editor ------------------------------------------------------------
    def row_of(self, entry_id: str) -> int:
        for row, hit in enumerate(self._rows):
            if hit.summary.id == entry_id:
                return row
        return -1

    def upsert(self, summary: EntrySummary) -> None:
        row = self.row_of(summary.id)
        if row >= 0 and (not self.browsing or _place(self._rows[row].summary) == _place(summary)):
            self._rows[row] = SearchHit(summary, self._rows[row].snippet)
            self._forget_days()
            index = self.index(row)
            self.dataChanged.emit(index, index)
            return
        if row >= 0:  # its date moved: it moves to its place among the others
            self.remove(summary.id)
        if not self.browsing:
            return
        position = 0
        place = _place(summary)
        while position < len(self._rows) and _place(self._rows[position].summary) > place:
            position += 1
        if position == len(self._rows) and not self._exhausted:
            return  # it belongs to a page not loaded yet
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, SearchHit(summary))
        self._forget_days()
        self.endInsertRows()
        if position + 1 < len(self._rows):
            following = self.index(position + 1)
            self.dataChanged.emit(following, following)

    def loaded_ids(self) -> list[str]:
        """The ids of the entries of the rows loaded so far."""
        return [hit.summary.id for hit in self._rows]

    def follow_sharing(self, shared: set[str]) -> None:
        """Make each row loaded say shared exactly when its id is in ``shared`` (those
        of them shared now): Together's "Make private" changes it outside the Journal,
        whose list still said "Shared" of an entry made private (issue 15, break test
        of session 25, F12)."""
        for row, hit in enumerate(self._rows):
            now = hit.summary.id in shared
            if hit.summary.shared != now:
                self._rows[row] = SearchHit(replace(hit.summary, shared=now), hit.snippet)
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def remove(self, entry_id: str) -> None:
        row = self.row_of(entry_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._forget_days()
        self.endRemoveRows()
        if row < len(self._rows):
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def clear(self) -> None:
        self.set_source(None)

    # the model contract -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def row_view(self, row: int) -> tuple[SearchHit, str]:
        """The row and its day heading ("" when the day has not changed), for painting
        without going through QVariant."""
        return self._rows[row], self._day_header(row)

    def _day_header(self, row: int) -> str:
        header = self._headers.get(row)
        if header is None:
            header = ""
            if row == 0 or self._day(row - 1) != self._day(row):
                header = say_day(self._day(row))
            self._headers[row] = header
        return header

    def day_of(self, row: int) -> date:
        """The local day ``row``'s entry was written on (where it was written)."""
        return self._day(row)

    def _day(self, row: int) -> date:
        day = self._days.get(row)
        if day is None:
            summary = self._rows[row].summary
            day = self._days[row] = local_day(summary.created_at, summary.zone)  # where written
        return day

    def _forget_days(self) -> None:
        """The rows changed: their days and headings are worked out again when asked."""
        self._days.clear()
        self._headers.clear()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = index.row()
        hit = self._rows[row]
        summary = hit.summary
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.headline
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            words = " ".join(
                sentence(part)
                for part in (say_day(self._day(row)), summary.headline, details(summary))
            )
            return f"{words} {snippet_words(hit.snippet)}".strip()
        if role == ID_ROLE:
            return summary.id
        if role == SNIPPET_ROLE:
            return hit.snippet
        if role == DAY_HEADER_ROLE:
            return self._day_header(row)
        return None


class TimelineDelegate(QStyledItemDelegate):
    """Paints a row: a day heading when the day changes, headline, details, snippet."""

    PAD = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Fitted snippets by (parts, font, width): a repaint lays out nothing anew.
        self._fitted: dict[tuple[Any, str, int], FittedSnippet] = {}

    def _metrics(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, int]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        line = option.fontMetrics.height()
        return option.font, bold, line

    @staticmethod
    def _row(index: Index) -> tuple[SearchHit, str]:
        model = index.model()
        assert isinstance(model, TimelineModel)
        return model.row_view(index.row())

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = option.fontMetrics.height()
        hit, header_text = self._row(index)
        lines = 2 + (1 if hit.snippet else 0)
        header = line + self.PAD if header_text else 0
        return QSize(200, header + lines * line + 2 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        font, bold, line = self._metrics(option)
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        hit, header = self._row(index)
        summary = hit.summary
        painter.save()
        top = rect.top()
        if header:
            painter.setFont(bold)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            room = rect.width() - 2 * self.PAD
            painter.drawText(
                QRect(rect.left() + self.PAD, top + self.PAD // 2, room, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.fitted_heading(index, header, painter.fontMetrics(), room),
            )
            top += line + self.PAD
        body = QRect(rect.left() + 2, top + 2, rect.width() - 4, rect.bottom() - top - 2)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(body, palette.color(QPalette.ColorRole.Highlight))
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(body, palette.color(QPalette.ColorRole.AlternateBase))
        if state & QStyle.StateFlag.State_HasFocus:
            # Where the keys are in the list (the row Enter opens and Delete asks about)
            # is seen, highlighted or not.
            ring = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
            painter.setPen(QPen(palette.color(ring), 2))
            painter.drawRect(body.adjusted(1, 1, -1, -1))
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text = palette.color(text_role)
        width = body.width() - 2 * self.PAD
        left = body.left() + self.PAD
        y = body.top() + self.PAD - 2
        painter.setFont(bold)
        painter.setPen(text)
        metrics = painter.fontMetrics()
        painter.drawText(
            QRect(left, y, width, line),
            Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(summary.headline, Qt.TextElideMode.ElideRight, width),
        )
        painter.setFont(font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        metrics = painter.fontMetrics()
        painter.drawText(
            QRect(left, y + line, width, line),
            Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(details(summary), Qt.TextElideMode.ElideRight, width),
        )
        if hit.snippet:
            self._paint_snippet(painter, hit.snippet, QRect(left, y + 2 * line, width, line), text)
        painter.restore()

    def fitted_heading(self, index: Index, header: str, metrics: QFontMetrics, room: int) -> str:
        """A row's day heading as it fits in ``room`` pixels: whole ("Tuesday 1 December
        2026"), else short ("Tue 1 Dec 2026"), cut with "…" only where even that does
        not fit; never cut at the list's edge ("Tuesday 1 December" with the year gone
        in a narrow list: break test 10 of session 12, finding 7). The row's accessible
        text says the whole day."""
        if metrics.horizontalAdvance(header) <= room:
            return header
        model = index.model()
        assert isinstance(model, TimelineModel)
        short = short_day(model.day_of(index.row()))
        return metrics.elidedText(short, Qt.TextElideMode.ElideRight, room)

    def _paint_snippet(self, painter: QPainter, parts: Any, area: QRect, colour: Any) -> None:
        """One line of snippet: the first hit in view, bold and underlined, cut only
        at word (or grapheme) boundaries (`fit_snippet`).

        A QTextLayout with format ranges: it orders right-to-left runs as the whole
        line needs, and costs a fraction of a rich-text QTextDocument per row.
        """
        font = painter.font()
        key = (parts, font.key(), area.width())
        fitted = self._fitted.get(key)
        if fitted is None:
            if len(self._fitted) > 512:
                self._fitted.clear()
            fitted = fit_snippet(one_line(parts), font, area.width())
            self._fitted[key] = fitted
        layout = snippet_layout(fitted, font)
        line = layout.lineAt(0)
        painter.save()
        painter.setClipRect(area)
        painter.setPen(colour)
        offset = (area.height() - line.height()) / 2
        layout.draw(painter, QPointF(area.left(), area.top() + offset))
        painter.restore()


def one_line(parts: Any) -> tuple[tuple[str, bool], ...]:
    """Snippet parts with every run of white space (line breaks too) as one space."""
    return tuple((_WHITESPACE.sub(" ", text), matched) for text, matched in parts)


def snippet_words(parts: Any) -> str:
    """A snippet as words for a screen reader or a tooltip: whole words, "…" where cut."""
    whole, cut_start, cut_end = whole_snippet(one_line(parts))
    words = " ".join("".join(text for text, _ in whole).split())
    if not words:
        return ""
    return (ELLIPSIS if cut_start else "") + words + (ELLIPSIS if cut_end else "")
