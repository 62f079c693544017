"""The Journal's row of buttons is never covered by the row under it (break test 7,
F6 / 10a: at 200 % text the title and "Written on", or the search field, were drawn
on top of "New entry", "Write with a prompt…" and "Show the list", and going back to
100 % kept it so).

desk7 found the mechanism: the row's `FlowLayout` dropped every item whose Python
wrapper was marked dead, so its buttons were no longer laid out and the row took no
height. The layout now holds its widgets, so none is ever lost.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget

from journal.settings import FONT_SCALE
from journal.ui.common.flow import FlowLayout


def _rect_in(area: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(area, QPoint(0, 0)), widget.size())


def _settle() -> None:
    for _ in range(3):  # wrapped rows re-lay their parents in turns
        QApplication.processEvents()


def _assert_rows_apart(area) -> None:  # type: ignore[no-untyped-def]
    buttons = (area.new_button, area.prompt_button, area.list_button)
    whole = QRect(QPoint(0, 0), area.size())
    for button in buttons:
        assert button.isVisible(), button.text()
        assert whole.contains(_rect_in(area, button)), button.text()
    below = [w for w in (area.banner, area.splitter) if w.isVisible()]
    assert below, "the journal shows nothing under its buttons"
    for button in buttons:
        for widget in below:
            assert not _rect_in(area, button).intersects(_rect_in(area, widget)), (
                f"{button.text()!r} is covered by {type(widget).__name__}"
            )
    # What a click on a button's middle reaches is that button.
    for button in buttons:
        middle = _rect_in(area, button).center()
        assert area.childAt(middle) is button, button.text()


def _top_row(area) -> FlowLayout:  # type: ignore[no-untyped-def]
    item = area.layout().itemAt(0)
    row = item.layout() if item is not None else None
    assert isinstance(row, FlowLayout)
    return row


@pytest.mark.parametrize("marked_dead", [False, True], ids=["as is", "wrappers marked dead"])
def test_the_rows_of_the_journal_never_overlap_after_a_text_size_change(
    qtbot, unlocked_window, marked_dead: bool
) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.resize(QSize(1100, 750))
    area = window.area("journal")
    window.show_area(area)
    area.new_entry()
    _settle()
    _assert_rows_apart(area)
    if marked_dead:
        # What desk7 saw: the Python wrappers of the row's items marked dead by
        # shiboken while Qt's items and the buttons live on.
        row = _top_row(area)
        items = [row.itemAt(index) for index in range(row.count())]
        for item in items:
            shiboken6.invalidate(item)
    for scale in (200, 100):
        window.settings.set(FONT_SCALE, scale)
        for list_shown in (True, False):
            if area.side.isVisible() != list_shown:
                area.toggle_list()
            _settle()
            _assert_rows_apart(area)
    assert _top_row(area).count() == 3
