"""The focus ring takes no room from what a field or button shows: its edge grows
inward by as much as the padding gives back, so the words keep their place and size.
Tabbed to, a title field's 3 px ring had taken 2 px from each side of its text, and
the underscores of "_x_" were cut off while it had the focus (break test of issue 9,
session 23, finding 8); a button's words moved by 2 px."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFrame,
    QVBoxLayout,
    QWidget,
)

from journal.settings import Theme
from journal.ui.common.theme import apply_theme


@pytest.fixture
def app() -> Iterator[QApplication]:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    yield instance
    apply_theme(instance, Theme.LIGHT, 100)


def _words_rect(widget: QWidget) -> QRect:
    """Where ``widget`` draws its words: a field's text area, a button's contents."""
    if isinstance(widget, QLineEdit):
        frame = QStyleOptionFrame()
        widget.initStyleOption(frame)
        return widget.style().subElementRect(QStyle.SubElement.SE_LineEditContents, frame, widget)
    if isinstance(widget, QPlainTextEdit):
        return widget.viewport().geometry()
    assert isinstance(widget, QPushButton)
    option = QStyleOptionButton()
    widget.initStyleOption(option)
    return widget.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, widget)


@pytest.mark.parametrize("size", [100, 200])
@pytest.mark.parametrize("kind", ["field", "text box", "button", "link"])
def test_the_focus_ring_leaves_the_words_where_they_were(qtbot, app, kind, size):  # type: ignore[no-untyped-def]
    apply_theme(app, Theme.LIGHT, size)
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    before = QLineEdit()
    target: QWidget
    if kind == "field":
        target = QLineEdit("short *title* _x_ #tag")
    elif kind == "text box":
        target = QPlainTextEdit("my _private_ file")
    else:
        target = QPushButton("Save this log")
        if kind == "link":
            target.setProperty("role", "link")
    layout.addWidget(before)
    layout.addWidget(target)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    unfocused = _words_rect(target)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.waitUntil(target.hasFocus)
    assert _words_rect(target) == unfocused, kind
