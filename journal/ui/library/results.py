"""Drawing a search result: the article's title, then the passage with matched words in bold.

The item's display text stays plain (title and passage) for screen readers; the
highlighted HTML, built only from escaped text and <b> tags, is kept in HTML_ROLE.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from journal.storage.library.index import SearchHit

__all__ = ["HTML_ROLE", "ResultDelegate", "result_html"]

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
_PADDING = 6
Index = QModelIndex | QPersistentModelIndex


def result_html(hit: SearchHit) -> str:
    """``hit.snippet`` is already escaped with only <b> tags added (see LibraryIndex)."""
    title = html.escape(hit.title)
    return f"<p style='margin:0'><b>{title}</b></p><p style='margin:0'>{hit.snippet}</p>"


class ResultDelegate(QStyledItemDelegate):
    """Draws a library search result: its title, then the passage, matched words in bold."""

    @staticmethod
    def _width(option: QStyleOptionViewItem) -> int:
        widget = option.widget
        if isinstance(widget, QListView):
            return widget.viewport().width() - 2 * widget.spacing() - 2
        return 280

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(str(index.data(HTML_ROLE) or html.escape(str(index.data() or ""))))
        document.setTextWidth(max(width - 2 * _PADDING, 50))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        rect = option.rect
        text = option.text
        option.text = ""
        style = widget.style() if isinstance(widget, QWidget) else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        option.text = text
        document = self._document(option, index, self._width(option))
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        if not index.flags() & Qt.ItemFlag.ItemIsEnabled:
            role = QPalette.ColorRole.PlaceholderText
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(rect.left() + _PADDING, rect.top() + _PADDING)
        context.clip = QRectF(0, 0, rect.width() - 2 * _PADDING, rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        width = self._width(option)
        document = self._document(option, index, width)
        return QSize(width, int(document.size().height()) + 3 * _PADDING)
