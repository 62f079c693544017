"""Read together: the shared items of both, one at a time or as a list, with filters.

Keys: in "one at a time", the arrow keys and PageUp/PageDown step one item,
Home/End go to the first/last; in the list they move as in any list. Both views
show the same current item.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain.common.local_time import local_day
from journal.domain.together.items import ItemFilter, SharedItem, Side, apply_filter
from journal.ui.common.accessibility import Politeness, announce
from journal.ui.common.dark import is_dark_palette
from journal.ui.common.dates import date_edit
from journal.ui.common.flow import ShrinkingRow, flow_row
from journal.ui.common.local_time import from_qdate, to_qdate, today_local
from journal.ui.common.stacks import CurrentPageStack
from journal.ui.common.widgets import label
from journal.ui.together.item_page import ItemPage
from journal.ui.together.marks import shown_name, side_colour
from journal.ui.together.model import ITEM_ROLE, SharedItemsModel

__all__ = ["ReadTogether"]

Index = QModelIndex | QPersistentModelIndex
NOTHING_SHARED = (
    "Nothing is shared yet. Each of you can share an entry from the Journal, with "
    "the switch beside it, whenever you feel ready."
)
NOTHING_MATCHES = "No shared entry matches these filters. Try widening them."


class _StripeDelegate(QStyledItemDelegate):
    """A list row with its writer's colour as a stripe on the left (the name is in the text)."""

    STRIPE = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = index.data(ITEM_ROLE)
        shifted = QStyleOptionViewItem(option)
        rect: QRect = option.rect
        shifted.rect = rect.adjusted(self.STRIPE + 10, 6, 0, -6)
        super().paint(painter, shifted, index)
        if isinstance(item, SharedItem):
            widget = option.widget
            dark = is_dark_palette(widget.palette()) if widget is not None else False
            stripe = QRect(rect.left() + 2, rect.top() + 4, self.STRIPE, rect.height() - 8)
            painter.fillRect(stripe, side_colour(item.side, dark))


def _together(*parts: QWidget) -> QWidget:
    """Controls that read as one (a label and its field): they wrap as one."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        row.addWidget(part)
    return holder


class ReadTogether(QWidget):
    """Read together: what each partner shared, with a reply to each.

    Emits ``respond(item, text)``, ``remove_response(item)`` and ``make_private(item)``.
    """

    respond = Signal(object, str)
    remove_response = Signal(object)
    make_private = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._all: list[SharedItem] = []
        self.model = SharedItemsModel()

        self.whose = QComboBox()
        self.whose.setAccessibleName("Whose entries")
        self.between = QCheckBox("&Between")
        self.between.setAccessibleName("Only entries between two dates")
        self.first = date_edit("From date")
        self.last = date_edit("To date")
        for edit in (self.first, self.last):
            edit.setEnabled(False)
        self._open_dates_at(None)
        self.with_response = QComboBox()
        self.with_response.setAccessibleName("Responses filter")
        self.with_response.addItem("With or without a response", None)
        self.with_response.addItem("With a response", True)
        self.with_response.addItem("Without a response", False)
        self.as_list = QPushButton("Show as a li&st")
        self.as_list.setCheckable(True)
        self.as_list.setAccessibleName("Show as a list")
        # One row that wraps, so the view fits the window at any text size.
        whose_label = QLabel("&Whose")
        whose_label.setBuddy(self.whose)
        response_label = QLabel("Resp&onses")
        response_label.setBuddy(self.with_response)
        filters = flow_row(
            _together(whose_label, self.whose),
            _together(response_label, self.with_response),
            _together(self.between, self.first, QLabel("and"), self.last),
            trailing=(self.as_list,),
        )

        self.page = ItemPage()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName("Shared entries of both of you")
        self.list.setItemDelegate(_StripeDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.views = CurrentPageStack()
        self.views.addWidget(self.page)
        self.views.addWidget(self.list)

        self.previous_button = QPushButton("Prev&ious")
        self.previous_button.setAccessibleName("Previous entry")
        self.next_button = QPushButton("&Next")
        self.next_button.setAccessibleName("Next entry")
        self.position = label("", "subtle", wrap=False)
        self.position.setAccessibleDescription("Position")
        # Side by side while they fit, one above the other when not (`ShrinkingRow`):
        # never wider than the page at 200 % text.
        steps = ShrinkingRow()
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        steps.add(self.previous_button)
        steps.add(self.position, 1)
        steps.add(self.next_button)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(filters)
        # A day refused in "Between" is said right under the row of filters.
        column.addWidget(self.first.note)
        column.addWidget(self.last.note)
        column.addWidget(self.views, 1)
        column.addWidget(steps)

        self.whose.currentIndexChanged.connect(self._filter)
        self.between.toggled.connect(self._dates_toggled)
        self.first.dateChanged.connect(self._filter)
        self.last.dateChanged.connect(self._filter)
        self.with_response.currentIndexChanged.connect(self._filter)
        self.as_list.toggled.connect(self._show_list)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.page.step.connect(self.step)
        self.page.jump.connect(lambda end: self.go(self.model.rowCount() - 1 if end else 0))
        self.page.respond.connect(self.respond)
        self.page.remove_response.connect(self.remove_response)
        self.page.make_private.connect(self.make_private)
        self.list.selectionModel().currentChanged.connect(
            lambda current, _previous: self._show_row(current.row())
        )
        self.list.activated.connect(lambda index: self._open_from_list(index.row()))

    # content --------------------------------------------------------------------------
    def set_names(self, owner: str, partner: str, own: frozenset[Side] = frozenset()) -> None:
        """The names shown, and the sides this window's journal holds (see ItemPage)."""
        chosen = self.whose.currentIndex()  # kept when only the theme changed
        self.whose.blockSignals(True)
        self.whose.clear()
        self.whose.addItem("Both of you", None)
        for name, side in ((owner, Side.OWNER), (partner, Side.PARTNER)):
            self.whose.addItem(f"{shown_name(name)}'s", side)
        self.whose.setCurrentIndex(max(chosen, 0) if owner else 0)
        self.whose.blockSignals(False)
        self.page.set_names(owner, partner, own)

    def set_items(self, items: Sequence[SharedItem]) -> None:
        """Show these items (already interleaved), staying on the current one if still
        here, else on the one now at its place."""
        self._all = list(items)
        if self._all:
            days = [local_day(item.created_at, item.zone) for item in self._all]
            self._open_dates_at((min(days), max(days)))
        else:
            self._open_dates_at(None)
        self._filter()

    def _open_dates_at(self, days: tuple[date, date] | None) -> None:
        """The "Between" dates open at the first and last shared entry's days (and
        keep to them), or, with nothing shared yet, at a month ago and today (they
        opened at 1 January 2000). Dates the person chose stay while Between is on."""
        if days is None:
            today = today_local()
            days = (from_qdate(to_qdate(today).addMonths(-1)), today)
        for edit in (self.first, self.last):
            edit.blockSignals(True)
            edit.setDateRange(to_qdate(days[0]), to_qdate(days[1]))
        if not self.between.isChecked():
            self.first.setDate(to_qdate(days[0]))
            self.last.setDate(to_qdate(days[1]))
        for edit in (self.first, self.last):
            edit.blockSignals(False)

    def clear(self) -> None:
        self._all = []
        self.page.forget_drafts()
        self.model.clear()
        self.between.setChecked(False)
        self.whose.clear()
        self.with_response.setCurrentIndex(0)
        self.page.set_names("", "")
        self.page.show_item(None, "")
        self.position.clear()

    def current(self) -> SharedItem | None:
        return self.page.item

    def wanted(self) -> ItemFilter:
        dates: tuple[date | None, date | None] = (None, None)
        if self.between.isChecked():
            dates = (from_qdate(self.first.date()), from_qdate(self.last.date()))
        return ItemFilter(
            self.whose.currentData(), dates[0], dates[1], self.with_response.currentData()
        )

    def _filter(self) -> None:
        current = self.page.item
        was_at = self.list.currentIndex().row()
        shown = apply_filter(self._all, self.wanted())
        self.model.set_items(shown)
        row = self.model.row_of(current.entry_id) if current is not None else -1
        if row < 0 and current is not None and current.entry_id not in self._ids():
            row = min(was_at, len(shown) - 1)  # it left Together: stay where it was
        self.go(max(row, 0) if shown else -1)
        if self._all and not shown:  # the filter just chosen leaves nothing: say so
            announce(self, NOTHING_MATCHES, Politeness.POLITE)

    def _ids(self) -> set[str]:
        return {i.entry_id for i in self._all}

    def _dates_toggled(self, on: bool) -> None:
        self.first.setEnabled(on)
        self.last.setEnabled(on)
        self._filter()

    # moving -----------------------------------------------------------------------------
    def step(self, by: int) -> None:
        row = self.list.currentIndex().row()
        self.go(max(0, min(row + by, self.model.rowCount() - 1)))

    def go(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            self._show_row(-1)
            return
        index = self.model.index(row, 0)
        if self.list.currentIndex() != index:
            self.list.setCurrentIndex(index)  # emits currentChanged, which shows the row
        else:
            self._show_row(row)

    def _show_row(self, row: int) -> None:
        item = self.model.item(row)
        empty = NOTHING_MATCHES if self._all else NOTHING_SHARED
        self.page.show_item(item, empty)
        count = self.model.rowCount()
        self.position.setText(f"{row + 1} of {count}" if item is not None else "")
        self.previous_button.setEnabled(item is not None and row > 0)
        self.next_button.setEnabled(item is not None and row < count - 1)

    def _show_list(self, as_list: bool) -> None:
        # One name, its pressed state the view shown: renamed "Show one at a time" while
        # pressed, it was heard as "Show one at a time, check box, checked" over the
        # list (break test 15 of session 18, finding 14).
        self.views.setCurrentWidget(self.list if as_list else self.page)
        self.list.setFocus() if as_list else self.page.take_focus()

    def _open_from_list(self, row: int) -> None:
        self.as_list.setChecked(False)
        self.go(row)

    def focus_reading(self) -> None:
        """Focus what is read: the list, or the page (see `ItemPage.take_focus`)."""
        self.list.setFocus() if self.as_list.isChecked() else self.page.take_focus()
