"""Past logs' table within its width: its columns side by side where they fit, else each
log's values stacked in one column; never a sideways scroll bar of its own.

At 1024x600 the table was wider than its page: the "Pad changes" column read "1 chang"
behind the table's own sideways scroll bar, inside a page that also scrolls (two
nested scroll bars), and at 200 % text only "Time | Bleeding | Cramping | Te" showed
(break test 10 of session 12, finding 3). The pad changes are the heavy-bleeding
evidence: they are never the part out of view.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex

LEAST_WRAPPING = 12
"""The narrowest the wrapping column ("Also noted") is worth showing at, in average
characters of the table's font; narrower, the logs are stacked instead."""

MEASURED_ROWS = 200  # rows measured for a column's width (the first page and more)
SEPARATOR = ": "
JOIN = ". "  # between a stacked row's values ("Bleeding: Heavy. Cramping: 6 of 10")


def _margin(widget: QWidget) -> int:
    """The space (pixels) an item view leaves on each side of a cell's text, as Qt's
    styles do (QCommonStyle: the focus frame's margin and one more)."""
    return widget.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1


class StackedRows(QStyledItemDelegate):
    """Paints a whole row of a table in its first column while ``stacked`` (else the
    cell alone, as Qt's own delegate does): the first column's words
    (bold) on a line of their own, then "Header: value" for each other column holding
    a value, one after the other, wrapped at word boundaries to the column's width."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.stacked = False  # else a cell painted as any other (Qt's own delegate)

    def lines(self, index: Index) -> tuple[str, list[str]]:
        """The row's first value, and "Header: value" for each other value (painted
        one after the other, wrapped, with ``JOIN`` between them)."""
        model = index.model()
        row = index.row()
        first = str(model.index(row, 0).data() or "")
        rest = []
        for column in range(1, model.columnCount()):
            value = str(model.index(row, column).data() or "")
            if value:
                header = model.headerData(column, Qt.Orientation.Horizontal)
                rest.append(f"{header}{SEPARATOR}{value}")
        return first, rest

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        return bold, option.font

    def _heights(self, option: QStyleOptionViewItem, index: Index, width: int) -> tuple[int, int]:
        first, rest = self.lines(index)
        bold, plain = self._fonts(option)
        flags = int(Qt.TextFlag.TextWordWrap)
        tall = 1 << 20
        top = QFontMetrics(bold).boundingRect(QRect(0, 0, width, tall), flags, first).height()
        body = JOIN.join(rest)
        below = QFontMetrics(plain).boundingRect(QRect(0, 0, width, tall), flags, body).height()
        return top, below if body else 0

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if not self.stacked:
            return super().sizeHint(option, index)
        margin = _margin(self.table)
        width = option.rect.width() if option.rect.width() > 0 else self.table.columnWidth(0)
        top, below = self._heights(option, index, max(1, width - 2 * margin))
        return QSize(width, top + below + 2 * margin)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not self.stacked:
            super().paint(painter, option, index)
            return
        blank = QStyleOptionViewItem(option)
        self.initStyleOption(blank, index)
        blank.text = ""  # the panel, its selection and focus: the words are ours
        style = self.table.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, blank, painter, self.table)
        margin = _margin(self.table)
        area = option.rect.adjusted(margin, margin, -margin, -margin)
        first, rest = self.lines(index)
        top, below = self._heights(option, index, max(1, area.width()))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        bold, plain = self._fonts(option)
        painter.save()
        painter.setPen(option.palette.color(role))
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft)
        painter.setFont(bold)
        painter.drawText(QRect(area.left(), area.top(), area.width(), top), flags, first)
        painter.setFont(plain)
        below_area = QRect(area.left(), area.top() + top, area.width(), below)
        painter.drawText(below_area, flags, JOIN.join(rest))
        painter.restore()


class FittingColumns(QObject):
    """Keeps ``table``'s columns within its width (never a scroll bar sideways): each
    column as wide as its words, the ``wrapping`` column (long words that wrap) taking
    the room left, at least ``LEAST_WRAPPING`` average characters; where they do not
    all fit, every log stacked in the first column (`StackedRows`), its header hidden.
    Rows are as tall as their wrapped words. Refits as the table is resized, its text
    size changes or its rows change, once the events at hand are through, and only
    while the table is shown (else when it is shown next).

    The rows are measured here, one pass over the rows loaded per fit, never by the
    vertical header itself: in Qt's ResizeToContents mode it measured every row again
    at each of the many events a restyle sends (a font, style, palette change, each
    polish): some 4,600 row measures for one change of the text size with a hundred
    logs loaded, 8 to 11 s of freeze under load, even with Past logs out of view
    (issue 15, finding 10)."""

    fitted = Signal()  # the columns were laid out again (rows may be taller)

    def __init__(self, table: QTableView, wrapping: int) -> None:
        super().__init__(table)
        self.table, self.wrapping = table, wrapping
        self.stacked = False
        self.rows = StackedRows(table)
        table.setItemDelegateForColumn(0, self.rows)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        # Fitted once the events at hand are through (a restyle, a reset), not inside them.
        self.later = QTimer(self)
        self.later.setSingleShot(True)
        self.later.setInterval(0)
        self.later.timeout.connect(self.fit)
        table.installEventFilter(self)
        model = table.model()
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.dataChanged,
            model.layoutChanged,
        ):
            signal.connect(self.later.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            self.later.start()
        return False

    def room(self) -> int:
        """The width (pixels) the columns share: the table's inside, less a vertical
        scroll bar's width whether shown or not (so showing one never refits)."""
        table = self.table
        bar = table.verticalScrollBar().sizeHint().width()
        return table.width() - 2 * table.frameWidth() - bar

    def natural(self, column: int) -> int:
        """The width (pixels) column ``column`` needs for its header and its values on
        one line each (the rows loaded, up to ``MEASURED_ROWS``)."""
        table = self.table
        model = table.model()
        metrics = table.fontMetrics()
        texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
        for row in range(min(model.rowCount(), MEASURED_ROWS)):
            texts.append(str(model.index(row, column).data() or ""))
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        header = table.horizontalHeader()
        header_margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        return widest + 2 * max(_margin(table), header_margin) + 2

    def fit(self) -> None:
        """Lay the columns out for the table's width now and measure its rows (see the
        class); a hidden table is left as it is until it is shown."""
        table = self.table
        model = table.model()
        columns = model.columnCount()
        if columns == 0 or not table.isVisible():
            return
        room = self.room()
        least = table.fontMetrics().averageCharWidth() * LEAST_WRAPPING
        widths = [self.natural(column) for column in range(columns)]
        others = sum(width for column, width in enumerate(widths) if column != self.wrapping)
        self._set_stacked(others + least > room)
        header = table.horizontalHeader()
        if self.stacked:
            header.resizeSection(0, max(1, room))
        else:
            widths[self.wrapping] = max(least, room - others)
            for column, width in enumerate(widths):
                header.resizeSection(column, width)
        table.verticalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        self.fitted.emit()

    def _set_stacked(self, stacked: bool) -> None:
        """Show the logs stacked in the first column, or in their columns (each state
        set only where it differs: a model reset may bring hidden columns back)."""
        self.stacked = self.rows.stacked = stacked
        table = self.table
        for column in range(1, table.model().columnCount()):
            if table.isColumnHidden(column) != stacked:
                table.setColumnHidden(column, stacked)
        header = table.horizontalHeader()
        if header.isHidden() != stacked:
            header.setVisible(not stacked)
