"""Layouts that give way on a narrow window or at a large text size, so that nothing
has to scroll sideways: a row of controls that wraps onto the next line when the window
is too narrow for it, and a row that turns into a column when its widgets no longer fit
side by side (`ShrinkingRow`).

A plain QHBoxLayout is as wide as all its controls together, so at 200 % text a row of
filters or buttons made the whole page wider than the window. `FlowLayout` lays its
items out left to right and starts a new line when the next one would not fit; its
minimum width is that of its widest item. (After Qt's own "Flow Layout" example.)
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QWidget,
    QWidgetItem,
)

__all__ = ["FlowLayout", "ShrinkingRow", "flow_row", "narrow_combo"]


@dataclass(slots=True)
class _Slot:
    """One place in a `FlowLayout`: Qt's item for it, the widget it holds (held here
    too, so the place is never lost with the item's wrapper), and whether it is pushed
    to the right end of its line."""

    item: QLayoutItem
    widget: QWidget | None
    trailing: bool = False


class FlowLayout(QLayout):
    """Items left to right, wrapping; ``spacing`` pixels between items and lines.
    Items added with ``trailing=True`` are pushed to the right end of their line; they
    and the items after them keep the line of the item before them when that item
    and they do not fit on it together but they do alone: that item takes the next
    line instead (a status appearing beside a row of buttons, or too long for it,
    leaves "Delete entry…" where it was: issue 10, break test of session 24).

    The layout holds each widget as well as its item, and makes the widget items it
    is given from Python itself (`addWidget`), so they are Python's to keep: a widget
    stays in its line for as long as it lives and is not taken out (`takeAt`), even
    if the wrapper of Qt's item for it is marked dead (the Journal's buttons were
    dropped from their row that way, and the next row was drawn over them).
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._slots: list[_Slot] = []
        self._gap = spacing
        self._heights: dict[int, int] = {}  # by width, until `invalidate`
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def add(self, widget: QWidget, *, trailing: bool = False) -> None:
        self.addWidget(widget)
        self._slots[-1].trailing = trailing
        self.invalidate()

    def addWidget(self, widget: QWidget) -> None:
        """``widget`` at the end, in a widget item made (and kept) here."""
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def _live(self) -> list[_Slot]:
        """The places, each with a live item: a widget whose item's wrapper is dead
        (deleted or marked so behind the layout's back) gets a new item of ours; a
        place whose widget is gone too is dropped (calling a dead item raised inside
        Qt's layout pass, which then crashed reporting it)."""
        if not all(shiboken6.isValid(slot.item) for slot in self._slots):
            kept = []
            for slot in self._slots:
                if not shiboken6.isValid(slot.item):
                    if slot.widget is None or not shiboken6.isValid(slot.widget):
                        continue
                    slot.item = QWidgetItem(slot.widget)
                kept.append(slot)
            self._slots = kept
            self._heights.clear()
        return self._slots

    # QLayout ------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._slots.append(_Slot(item, item.widget()))
        self._heights.clear()

    def count(self) -> int:
        return len(self._live())

    def itemAt(self, index: int) -> QLayoutItem | None:
        slots = self._live()
        return slots[index].item if 0 <= index < len(slots) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        slots = self._live()
        self._heights.clear()
        return slots.pop(index).item if 0 <= index < len(slots) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the items take on lines ``width`` px wide, kept for that width
        until the layout is invalidated, as Qt's box layouts keep theirs: the layouts
        around a row ask it again for each width they try (220 times as a journal
        opened, 15 to 25 ms of the unlock)."""
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._place(QRect(0, 0, width, 0), move=False)
        return height

    def invalidate(self) -> None:
        """Forget the heights kept (an item was added, taken, shown, hidden or changed its
        size), then Qt's own invalidation."""
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        sizes = [_size(s.item, 1 << 20) for s in self._live() if not s.item.isEmpty()]
        width = sum(size.width() for size in sizes) + self._gap * max(0, len(sizes) - 1)
        height = max((size.height() for size in sizes), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """As wide as the widest item: every other one can move to a line of its own."""
        size = QSize()
        for slot in self._live():
            if not slot.item.isEmpty():
                size = size.expandedTo(slot.item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # placing ------------------------------------------------------------------------------
    def _place(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[tuple[_Slot, QSize]]] = [[]]
        x = 0
        slots = [s for s in self._live() if not s.item.isEmpty()]
        placed: set[int] = set()
        for index, slot in enumerate(slots):
            if index in placed:
                continue
            size = _size(slot.item, area.width())
            ends = self._trailing_after(slots, index, area.width()) if lines[-1] else []
            # The trailing items that end the row keep this line's end when they fit
            # there: the item before them that would push them on (a status that
            # appears, or wraps) takes the next line instead, so no button moves.
            ends_width = sum(w.width() + self._gap for _s, w in ends)
            if ends and x + ends_width <= area.width() + self._gap < (
                x + size.width() + self._gap + ends_width
            ):
                lines[-1].extend(ends)
                placed.update(range(len(slots) - len(ends), len(slots)))
                lines.append([])
                x = 0
            elif lines[-1] and x + size.width() > area.width():
                lines.append([])
                x = 0
            lines[-1].append((slot, size))
            x += size.width() + self._gap
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(size.height() for _slot, size in line)
            if move:
                self._move_line(line, area, y, height)
            y += height + self._gap
        return y - self._gap - area.y() + margins.top() + margins.bottom() if lines[0] else 0

    @staticmethod
    def _trailing_after(slots: list[_Slot], index: int, width: int) -> list[tuple[_Slot, QSize]]:
        """The row's trailing items (the first marked trailing and those after it) when
        they come right after ``slots[index]``, each with its size; else none."""
        after = slots[index + 1 :]
        if not after or not after[0].trailing:
            return []
        return [(s, _size(s.item, width)) for s in after]

    def _move_line(self, line: list[tuple[_Slot, QSize]], area: QRect, y: int, height: int) -> None:
        used = sum(size.width() for _slot, size in line) + self._gap * (len(line) - 1)
        spare = max(0, area.width() - used)
        x = area.x()
        for slot, size in line:
            if slot.trailing:
                x += spare
                spare = 0
            top = y + (height - size.height()) // 2
            slot.item.setGeometry(QRect(QPoint(x, top), size))
            x += size.width() + self._gap


def narrow_combo(combo: QComboBox, characters: int = 14) -> QComboBox:
    """Let ``combo`` be as narrow as ``characters`` letters, eliding a longer choice
    (its list still shows it whole), instead of as wide as its longest choice."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def flow_row(*widgets: QWidget, trailing: tuple[QWidget, ...] = ()) -> QWidget:
    """``widgets`` in a wrapping row, then ``trailing`` ones at its right end."""
    holder = QWidget()
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy = holder.sizePolicy()
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    layout = FlowLayout(holder)
    for widget in widgets:
        layout.add(widget)
    for n, widget in enumerate(trailing):
        layout.add(widget, trailing=n == 0)
    return holder


class ShrinkingRow(QWidget):
    """Widgets side by side while they fit at their size hints, one above the other when
    they do not. Its minimum width is that of the widest widget, never their sum, so a
    window can always be made narrower."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def add(self, widget: QWidget, stretch: int = 0) -> None:
        self.box.addWidget(widget, stretch)

    def _widgets(self) -> list[QWidget]:
        found = []
        for index in range(self.box.count()):
            item = self.box.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None and not widget.isHidden():
                found.append(widget)
        return found

    def side_by_side_width(self) -> int:
        """The width the widgets need side by side (their size hints and the spacing)."""
        widgets = self._widgets()
        spacing = max(0, self.box.spacing()) * max(0, len(widgets) - 1)
        return sum(widget.sizeHint().width() for widget in widgets) + spacing

    def height_at(self, width: int) -> int:
        """The height (pixels) the row takes at ``width`` pixels: its tallest widget's
        while they fit side by side there, else all of theirs one above the other, as
        `resizeEvent` would lay them out."""
        widgets = self._widgets()
        if width >= self.side_by_side_width():
            return max((w.sizeHint().height() for w in widgets), default=0)
        spacing = max(0, self.box.spacing()) * max(0, len(widgets) - 1)
        return sum(w.sizeHint().height() for w in widgets) + spacing

    def minimumSizeHint(self) -> QSize:
        widgets = self._widgets()
        width = max((w.minimumSizeHint().width() for w in widgets), default=0)
        if self.box.direction() == QBoxLayout.Direction.LeftToRight:
            height = max((w.minimumSizeHint().height() for w in widgets), default=0)
        else:
            spacing = max(0, self.box.spacing()) * max(0, len(widgets) - 1)
            height = sum(w.minimumSizeHint().height() for w in widgets) + spacing
        return QSize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fits = event.size().width() >= self.side_by_side_width()
        direction = QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom
        if self.box.direction() != direction:
            self.box.setDirection(direction)
            self.updateGeometry()


def _size(item: QLayoutItem, width: int) -> QSize:
    """The size ``item`` is given on a line ``width`` pixels wide: its size hint, never
    less than its least size (a button's least height can pass its hint's by a pixel,
    and a row sized by hints then cut its buttons' lower edge: the lock screen's links,
    dark theme at 100 %), and a wrapped text narrowed to the line gets its lines."""
    size = item.sizeHint().boundedTo(QSize(width, 1 << 20)).expandedTo(item.minimumSize())
    if item.hasHeightForWidth():
        size.setHeight(max(size.height(), item.heightForWidth(size.width())))
    return size
