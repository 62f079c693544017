"""Wrapped text that is never cut off, and dialogs that scroll instead of squeezing.

Qt lays out a word-wrapped QLabel from its minimum size, which is one line's height:
the label's real height for its width (``heightForWidth``) is only a wish. A box or
form layout that is short of room (a dialog the window manager keeps on a 768-pixel
screen, a dialog that does not grow when a message appears in it) squeezes the label
to fewer lines than its text needs and cuts it off mid-line, or lets the next widget
draw over it. Two mechanisms close that, for every label in Solace:

- `install_wrapped_label_fit`: one application-wide event filter makes every
  word-wrapped QLabel's minimum height its height for its current width, after every
  resize, font or text change. A layout can then no longer squeeze it; a window
  grows to its new minimum.
- `dialog_layout`: a dialog's content in a `DialogBody`, a scroll area as tall as the
  content needs up to the screen's height, with the buttons kept below it. What does
  not fit the screen (at 200 % text) scrolls; nothing is squeezed.

Fonts follow the application's font (`journal.ui.common.widgets.follow_text_size`),
never a point or pixel size of their own, so the text size setting reaches them.
"""

from __future__ import annotations

import math

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.ui.common.app_filter import install_once

__all__ = [
    "DialogBody",
    "WrappedLabelFit",
    "dialog_layout",
    "fit_label",
    "install_wrapped_label_fit",
    "lines_height",
    "set_height_in_lines",
]

_FILTER_NAME = "solaceWrappedLabelFit"
_TEXT_EVENTS = (
    QEvent.Type.Resize,
    QEvent.Type.Show,
    QEvent.Type.FontChange,
    QEvent.Type.StyleChange,
    QEvent.Type.PolishRequest,
)
# Of the screen's available height, what a dialog's scrolling body may take before it
# scrolls: the rest is the title bar, the buttons and the dialog's margins.
SCREEN_SHARE = 0.8


def _is_rich(label: QLabel) -> bool:
    kind = label.textFormat()
    if kind == Qt.TextFormat.AutoText:
        return bool(QtGui.Qt.mightBeRichText(label.text()))
    return kind in (Qt.TextFormat.RichText, Qt.TextFormat.MarkdownText)


def text_height(label: QLabel, width: int) -> int:
    """The height in pixels ``label`` needs to show all its text at ``width`` pixels,
    measured as QLabel measures it (font metrics for plain text, a text document for
    rich text), plus its frame, padding and margin.

    Not ``label.heightForWidth``: QLabel never answers less than its own minimum
    height, so a minimum set for a narrower width would stay for good.
    """
    inner = label.contentsRect()
    margin = label.margin()
    hextra = vextra = 2 * margin
    indent = label.indent()
    if indent < 0 and label.frameWidth():  # as QLabel: a frame (padding) adds an x
        indent = label.fontMetrics().horizontalAdvance("x") - 2 * margin
    align = label.alignment()
    if indent > 0:
        if align & (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight):
            hextra += indent
        if align & (Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignBottom):
            vextra += indent
    room = max(1, width - (label.width() - inner.width()) - hextra)
    extra = label.height() - inner.height() + vextra
    if _is_rich(label):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        if label.textFormat() == Qt.TextFormat.MarkdownText:
            document.setMarkdown(label.text())
        else:
            document.setHtml(label.text())
        document.setTextWidth(room)
        return math.ceil(document.size().height()) + extra
    flags = int(label.alignment().value) | int(Qt.TextFlag.TextWordWrap.value)
    if label.buddy() is not None:
        flags |= int(Qt.TextFlag.TextShowMnemonic.value)
    bounds = label.fontMetrics().boundingRect(QRect(0, 0, room, 100_000), flags, label.text())
    return bounds.height() + extra


def fit_label(label: QLabel) -> None:
    """Make a word-wrapped ``label``'s minimum height its text's height at its current
    width (pixels); labels that do not wrap, or have no width yet, are left alone."""
    if not label.wordWrap() or label.width() <= 0:
        return
    wanted = text_height(label, label.width()) if label.text() else 0
    if label.minimumHeight() != wanted:
        label.setMinimumHeight(wanted)


_LINES = "solace_height_in_lines"
_BOUNDS = ("fixed", "minimum", "maximum")


def lines_height(widget: QWidget, lines: float) -> int:
    """The height in pixels of ``lines`` lines of ``widget``'s text in its own font,
    plus its frame, padding and document margins (a text box)."""
    height = math.ceil(lines * widget.fontMetrics().lineSpacing())
    if isinstance(widget, QAbstractScrollArea):
        margins = widget.contentsMargins()
        framed = margins.top() + margins.bottom() or 2 * widget.frameWidth()
        viewport = widget.viewportMargins()
        height += framed + viewport.top() + viewport.bottom()
        document = getattr(widget, "document", None)
        if callable(document):
            height += 2 * math.ceil(document().documentMargin())
    return height


def set_height_in_lines(widget: QWidget, lines: float, bound: str = "fixed") -> None:
    """Make ``widget`` ``lines`` lines of text tall (``bound``: "fixed", "minimum" or
    "maximum"), now and whenever its font changes (the text size setting), instead of
    a height in pixels that holds fewer lines at a larger text size. Raises ValueError
    for another ``bound``."""
    if bound not in _BOUNDS:
        raise ValueError(f"bound must be one of {_BOUNDS}, not {bound!r}")
    bounds: dict[str, str] = {}
    current = widget.property(_LINES)
    if isinstance(current, str) and current:
        bounds = dict(part.split("=", 1) for part in current.split(";"))
    bounds[bound] = str(lines)
    widget.setProperty(_LINES, ";".join(f"{k}={v}" for k, v in bounds.items()))
    _apply_lines(widget)


def _apply_lines(widget: QWidget) -> None:
    wanted = widget.property(_LINES)
    if not isinstance(wanted, str) or not wanted:
        return
    for part in wanted.split(";"):
        bound, lines = part.split("=", 1)
        height = lines_height(widget, float(lines))
        if bound == "fixed" and (widget.minimumHeight(), widget.maximumHeight()) != (height,) * 2:
            widget.setFixedHeight(height)
        elif bound == "minimum" and widget.minimumHeight() != height:
            widget.setMinimumHeight(height)
        elif bound == "maximum" and widget.maximumHeight() != height:
            widget.setMaximumHeight(height)


_RESTYLED = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Polish)


class WrappedLabelFit(QObject):
    """Keeps every word-wrapped label's minimum height at its height for its width.

    A label's own resize, font and style changes refit it; a text change posts a
    layout request to its parent, which refits the parent's direct child labels.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(watched, QLabel):
            if kind in _TEXT_EVENTS:
                fit_label(watched)
        elif kind in _RESTYLED and isinstance(watched, QWidget) and watched.property(_LINES):
            _apply_lines(watched)
        elif kind == QEvent.Type.LayoutRequest and isinstance(watched, QWidget):
            for child in watched.children():
                if isinstance(child, QLabel) and child.wordWrap() and child.isVisible():
                    fit_label(child)
        return False


def install_wrapped_label_fit(app: QApplication | None = None) -> WrappedLabelFit | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it (the same one on every call), or None when there is no QApplication yet."""
    return install_once(WrappedLabelFit, _FILTER_NAME, app)


class DialogBody(QScrollArea):
    """A dialog's content: as tall as the content needs at the dialog's width, up to
    `SCREEN_SHARE` of the screen's available height, scrolling beyond that. When the
    content changes height (a message appears, a label rewraps), the dialog follows
    it within that limit."""

    def __init__(self, parent: QWidget | None = None, width_chars: int = 0) -> None:
        super().__init__(parent)
        self.width_chars = width_chars
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the controls inside are Tab stops
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = QWidget()
        self.content.setObjectName("dialogContent")
        self.setWidget(self.content)
        self.content.installEventFilter(self)
        self._pending = False

    def _limit(self) -> int:
        screen = self.screen() or QApplication.primaryScreen()
        return int(screen.availableGeometry().height() * SCREEN_SHARE) if screen else 600

    def _content_height(self, width: int) -> int:
        content = self.content
        least = content.minimumSizeHint().height()
        if content.hasHeightForWidth():
            return max(content.heightForWidth(width), least)
        return max(content.sizeHint().height(), least)

    def sizeHint(self) -> QSize:
        hint = self.content.sizeHint()
        width = max(
            hint.width(),
            self.content.minimumSizeHint().width(),
            self.width_chars * self.fontMetrics().averageCharWidth(),
        )
        width += self.verticalScrollBar().sizeHint().width()
        inner = self.width() if self.isVisible() else width
        return QSize(width, min(self._content_height(max(inner, 1)), self._limit()))

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing()
        width = self.content.minimumSizeHint().width()
        width += self.verticalScrollBar().sizeHint().width()
        return QSize(width, min(line * 6, self._limit()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.content and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            if not self._pending:
                self._pending = True
                QTimer.singleShot(0, self, self._fit_window)
        return super().eventFilter(watched, event)

    def _fit_window(self) -> None:
        """Make the window as tall as the content needs now (a message appeared, or a
        label wraps to fewer lines at the width the window took), within the screen.
        Measured at the body's whole width, as if no scroll bar were shown, so that a
        scroll bar coming or going never makes the window change again."""
        self._pending = False
        window = self.window()
        if not window.isVisible():
            return
        wanted = min(self._content_height(max(self.width(), 1)), self._limit())
        change = wanted - self.height()
        if change:
            window.resize(window.width(), window.height() + change)


def dialog_layout(dialog: QDialog, width_chars: int = 0) -> tuple[QVBoxLayout, QHBoxLayout]:
    """Lay ``dialog`` out as a scrolling `DialogBody` above a row for its buttons, at
    first about ``width_chars`` average characters wide (so the width follows the
    text size; never a minimum in pixels, which would stop the dialog from widening
    to what its content needs).

    Returns (content, buttons): the layout to fill with the dialog's content, and the
    row to put its button box (or footer) in, which never scrolls away.
    """
    outer = QVBoxLayout(dialog)
    body = DialogBody(dialog, width_chars)
    outer.addWidget(body, 1)
    content = QVBoxLayout(body.content)
    content.setContentsMargins(0, 0, 0, 0)
    buttons = QHBoxLayout()
    outer.addLayout(buttons)
    return content, buttons
