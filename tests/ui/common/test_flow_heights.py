"""A wrapping row keeps the height it takes for each width only until something in it
changes (`FlowLayout.heightForWidth`, kept as Qt's box layouts keep theirs): a row that
grows a line (a longer status, a larger text, a button shown) is laid out at its new
height, never over the row below."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from journal.ui.common.flow import FlowLayout


def _rows(qtbot):  # type: ignore[no-untyped-def]
    page = QWidget()
    column = QVBoxLayout(page)
    holder = QWidget()
    row = FlowLayout(holder)
    buttons = [QPushButton(f"Button number {n}") for n in range(3)]
    for button in buttons:
        row.add(button)
    status = QLabel("Saved")
    row.add(status, trailing=True)
    below = QPushButton("Below the row")
    column.addWidget(holder)
    column.addWidget(below)
    column.addStretch()
    qtbot.addWidget(page)
    page.resize(420, 400)
    page.show()
    qtbot.waitExposed(page)
    return page, holder, row, buttons, status, below


def _kept_is_true(row: FlowLayout, width: int) -> bool:
    """Whether the height ``row`` keeps for ``width`` is the one it takes laid out anew."""
    return row.heightForWidth(width) == row._place(QRect(0, 0, width, 0), move=False)


def test_a_row_that_grows_is_laid_out_at_its_new_height(qtbot) -> None:  # type: ignore[no-untyped-def]
    _page, holder, row, buttons, status, below = _rows(qtbot)
    before = holder.height()
    changes = [
        lambda: status.setText("Not saved yet: the disk is full, and your words are kept"),
        lambda: buttons[0].setStyleSheet("font-size: 36px"),
        lambda: buttons[1].hide(),
        lambda: buttons[1].show(),
        lambda: row.add(QPushButton("One more button, added")),
    ]
    for change in changes:
        change()
        qtbot.waitUntil(lambda: _kept_is_true(row, holder.width()))
        qtbot.waitUntil(lambda: holder.height() >= row.heightForWidth(holder.width()))
        assert below.geometry().top() >= holder.geometry().bottom()
    assert holder.height() > before
