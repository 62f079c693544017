"""The page just opened is the outermost one shown in the same opening: a page inside
it shown with it (the entry's own pages, in the Journal opened at an unlock) does not
take its place, so the outer page's top is the one kept in view (break test 40,
finding 11: the Journal opened at 200 % text with only "Show the list" kept in view,
its first row cut)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from journal.ui.common.page_top import install_page_top, opened_page


def test_a_page_shown_inside_the_page_just_opened_leaves_it_the_opened_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    install_page_top()
    outer = QStackedWidget()
    qtbot.addWidget(outer)
    outer.addWidget(QLabel("Locked"))
    workspace = QWidget()
    column = QVBoxLayout(workspace)
    column.addWidget(QLabel("New entry"))
    inner = QStackedWidget()
    inner.addWidget(QLabel("Show the list"))
    column.addWidget(inner)
    outer.addWidget(workspace)
    outer.show()
    qtbot.waitExposed(outer)

    outer.setCurrentWidget(workspace)
    assert opened_page() is outer
    editor = QLabel("The entry")
    inner.addWidget(editor)
    inner.setCurrentWidget(editor)  # as the workspace opens, before any key or click
    assert opened_page() is outer

    qtbot.mouseClick(workspace, Qt.MouseButton.LeftButton)  # the person's own click
    assert opened_page() is None
    inner.setCurrentIndex(0)  # a page opened after it: the one opened now
    assert opened_page() is inner
