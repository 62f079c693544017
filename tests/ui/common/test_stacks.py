"""A stack of pages (stacked widget, tab widget) is as large as the page it shows, so
in a page that grows with its content the one scroll is the page's own: a short page
never scrolls for a tall one hidden beside it, and a tall page is never cut to a short
one's height (issue 10; journal.ui.common.stacks)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget

from journal.ui.common.stacks import CurrentPageStack, CurrentPageTabs
from journal.ui.common.widgets import grow_with_content, label, scrolling

UI = Path(__file__).resolve().parents[3] / "journal" / "ui"
LINES = 40


def _settle() -> None:
    for _ in range(6):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _tall_page(grown: bool) -> tuple[QWidget, QLabel]:
    """A page of LINES wrapped lines, in a panel grown with its content (``grown``) or
    straight on the page; returns the page and its last line."""
    column_holder = QWidget()
    column = QVBoxLayout(column_holder)
    lines = [label(f"Line {n}: a few words that wrap at a narrow width.") for n in range(LINES)]
    for line in lines:
        column.addWidget(line)
    if not grown:
        return column_holder, lines[-1]
    panel = grow_with_content(QScrollArea())
    panel.setWidgetResizable(True)
    panel.setWidget(column_holder)
    page = QWidget()
    QVBoxLayout(page).addWidget(panel)
    return page, lines[-1]


def _window(kind: type, grown: bool, qtbot):  # type: ignore[no-untyped-def]
    """A window whose one scroll holds a heading and a stack of ``kind`` with a short
    page (one line) and a tall page; returns (window, page scroll, stack, short, tall
    page, its last line)."""
    stack = kind()
    short = label("One short line.")
    tall, last = _tall_page(grown)
    for page, name in ((short, "Short"), (tall, "Tall")):
        if isinstance(stack, CurrentPageTabs):
            stack.addTab(page, name)
        else:
            stack.addWidget(page)
    content = QWidget()
    column = QVBoxLayout(content)
    column.addWidget(label("A page", "heading"))
    column.addWidget(stack, 1)
    page_scroll = scrolling(content)
    window = QWidget()
    QVBoxLayout(window).addWidget(page_scroll)
    qtbot.addWidget(window)
    window.resize(360, 320)
    window.show()
    _settle()
    return window, page_scroll, stack, short, tall, last


@pytest.mark.parametrize("grown", [False, True], ids=["on the page", "in a grown panel"])
@pytest.mark.parametrize("kind", [CurrentPageTabs, CurrentPageStack])
def test_a_stack_takes_the_size_of_the_page_it_shows(qtbot, kind, grown) -> None:  # type: ignore[no-untyped-def]
    _shown, page_scroll, stack, short, tall, last = _window(kind, grown, qtbot)
    bar = page_scroll.verticalScrollBar()
    # The tall page shown: the page scrolls, and scrolling it reaches the last line whole.
    stack.setCurrentWidget(tall)
    _settle()
    assert bar.maximum() > 0
    assert tall.height() >= tall.minimumSizeHint().expandedTo(tall.minimumSize()).height()
    page_scroll.ensureWidgetVisible(last, 0, 0)
    _settle()
    where = QRect(last.mapTo(page_scroll.viewport(), QPoint(0, 0)), last.size())
    assert page_scroll.viewport().rect().contains(where)
    assert last.visibleRegion().boundingRect().size() == last.size()
    # The short page shown: the page fits the window, nothing to scroll into.
    stack.setCurrentWidget(short)
    _settle()
    assert bar.maximum() == 0, f"the short page scrolls {bar.maximum()} px for the tall one"
    assert stack.minimumSizeHint().height() < tall.minimumSizeHint().height()


# Where a stack of pages may be made with Qt's own class: the module that makes ours.
_QT_STACK = re.compile(r"\b(QTabWidget|QStackedWidget)\(")


def test_every_stack_and_tab_widget_in_the_ui_is_one_that_takes_its_shown_page_size() -> None:
    """A QTabWidget or QStackedWidget made anywhere else would take its largest page's
    size again (Together's couple prompts and shared entry had to scroll inside their
    tab because of it)."""
    found = [
        f"{path.relative_to(UI)}:{number}: {line.strip()}"
        for path in sorted(UI.rglob("*.py"))
        if path.name != "stacks.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _QT_STACK.search(line)
    ]
    assert found == []
