"""Stacks of pages (a stacked widget, a tab widget) as large as the page they show.

Qt's `QStackedWidget` and `QTabWidget` take the size hint and the minimum of their
largest page, and their height for a width from all their pages. Inside a page that
grows with its content (`journal.ui.common.widgets.grow_with_content`: one scroll per
page), a short page was then given the tallest one's height and scrolled for nothing,
and a grown page could be cut to a shorter one's, its end out of reach (Together's
couple prompts and shared entry, issue 10). `CurrentPageStack` and `CurrentPageTabs`
report the page shown; every stack and tab widget in Solace's windows is one of them
(`tests/ui/common/test_stacks.py` checks the source).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QStackedWidget,
    QStyle,
    QStyleOptionTabWidgetFrame,
    QTabWidget,
    QWidget,
)

from journal.ui.common.in_view import follow_tabs

__all__ = [
    "CurrentPageStack",
    "CurrentPageTabs",
    "shown_page_height",
    "shown_page_minimum",
    "shown_page_size",
]


def shown_page_size(page: QWidget) -> QSize:
    """The size hint (pixels) a stack takes from the ``page`` it shows."""
    return page.sizeHint()


def shown_page_minimum(page: QWidget) -> QSize:
    """The least size (pixels) a stack takes from the ``page`` it shows: the page's
    minimum size hint, or a minimum set on the page itself (`grow_with_content` sets
    one), whichever is larger."""
    return page.minimumSizeHint().expandedTo(page.minimumSize())


def shown_page_height(page: QWidget, width: int) -> int:
    """The height (pixels) a stack takes from the ``page`` it shows at ``width`` px:
    the page's height for that width when it has one, never less than its minimum."""
    least = shown_page_minimum(page).height()
    if page.hasHeightForWidth():
        return max(page.heightForWidth(width), least)
    return least


class CurrentPageStack(QStackedWidget):
    """A stacked widget as large as the page it shows, not as its largest page, so a
    tall page elsewhere never makes the shown one scroll, and the shown one is never
    cut to the height of a shorter one (see `CurrentPageTabs` for tabs). Every stacked
    widget in Solace's pages is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def setCurrentIndex(self, index: int) -> None:
        """Show page ``index``. A page whose focus proxy holds the focus (the Library:
        its search field) lets go of its proxy for the switch: Qt's stacked layout
        clears the focus of a page that "has" it, and clearing it is heard as a focus
        on that nameless page before the focus reaches the next one (see
        `journal.ui.common.page_focus` for the rest of the move)."""
        old = self.currentWidget()
        proxy = old.focusProxy() if old is not None and index != self.currentIndex() else None
        if old is not None and proxy is not None:
            old.setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes nullptr
        try:
            super().setCurrentIndex(index)
        finally:
            if old is not None and proxy is not None:
                old.setFocusProxy(proxy)

    def setCurrentWidget(self, widget: QWidget) -> None:
        """Show ``widget`` (one of the pages), as `setCurrentIndex`."""
        self.setCurrentIndex(self.indexOf(widget))

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return shown_page_size(page) if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        """The shown page's minimum, at the stack's width when the page's height
        depends on it (see `hasHeightForWidth`)."""
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        least = shown_page_minimum(page)
        if page.hasHeightForWidth() and self.width() > 0:
            layout = page.layout()
            height = (
                layout.totalMinimumHeightForWidth(self.width())
                if layout is not None
                else page.heightForWidth(self.width())
            )
            least.setHeight(max(least.height(), height))
        return least

    def hasHeightForWidth(self) -> bool:
        """No, for the layout around it: Qt's layouts ask a widget that has a layout
        (a stacked widget has one) that layout's height for a width, not the widget,
        and a stacked layout's is its tallest page's. So the shown page's height at
        the stack's width is its minimum instead (`minimumSizeHint`), fitted again as
        the width changes. A scroll area around the stack still asks `heightForWidth`."""
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        page = self.currentWidget()
        wider = event.oldSize().width() != event.size().width()
        if wider and page is not None and page.hasHeightForWidth():
            self.updateGeometry()  # its minimum height follows its width

    def heightForWidth(self, width: int) -> int:
        """The shown page's height at ``width`` px: Qt's stacked layout gives the
        tallest page's, so a scroll area around the stack scrolled a page that fits
        (the lock screen at 200 % text, break test 14 of session 6, finding 10)."""
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        return shown_page_height(page, width)


class CurrentPageTabs(QTabWidget):
    """A tab widget as large as the page of the tab shown (with its tab bar and frame),
    not as its largest page: Qt's takes the largest page's size hint and minimum, and
    its height for a width from all its pages, so in a page that grows with its content
    (`grow_with_content`, one scroll per page) a short tab's page was given the tallest
    one's height, and a grown page was cut to a shorter one's, its end out of reach
    (Together's couple prompts and shared entry, issue 10). Every tab widget in
    Solace's pages is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())
        follow_tabs(self)  # the page chosen from the bar is scrolled into view below it

    def _bar_size(self, least: bool) -> QSize:
        """The tab bar's size (pixels) as Qt's tab widget counts it: none when it hides
        itself, bounded when its tabs scroll."""
        if self.tabBarAutoHide() and self.count() < 2:
            return QSize(0, 0)
        bar = self.tabBar()
        if least:
            return bar.minimumSizeHint()
        size = bar.sizeHint()
        return size.boundedTo(QSize(200, 200)) if self.usesScrollButtons() else size

    def _corner_sizes(self, least: bool) -> tuple[QSize, QSize]:
        sizes = []
        for corner in (Qt.Corner.TopLeftCorner, Qt.Corner.TopRightCorner):
            widget = self.cornerWidget(corner)
            if widget is None:
                sizes.append(QSize(0, 0))
            else:
                sizes.append(widget.minimumSizeHint() if least else widget.sizeHint())
        return sizes[0], sizes[1]

    def _horizontal(self) -> bool:
        return self.tabPosition() in (QTabWidget.TabPosition.North, QTabWidget.TabPosition.South)

    def _frame(self, inner: QSize) -> QSize:
        """``inner`` (the page with the tab bar beside it) grown by the style's frame."""
        option = QStyleOptionTabWidgetFrame()
        self.initStyleOption(option)
        option.state = QStyle.StateFlag.State_None
        return self.style().sizeFromContents(QStyle.ContentsType.CT_TabWidget, option, inner, self)

    def _around(self, page: QSize, *, least: bool) -> QSize:
        """The tab widget's size (pixels) around a page of size ``page`` (as
        ``QTabWidget::sizeHint`` lays it out, with that page in place of its largest)."""
        bar = self._bar_size(least)
        left, right = self._corner_sizes(least)
        if self._horizontal():
            inner = QSize(
                max(page.width(), bar.width() + left.width() + right.width()),
                page.height() + max(bar.height(), left.height(), right.height()),
            )
        else:
            inner = QSize(
                page.width() + max(bar.width(), left.width(), right.width()),
                max(page.height(), bar.height() + left.height() + right.height()),
            )
        return self._frame(inner)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().sizeHint()
        return self._around(shown_page_size(page), least=False)

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return self._around(shown_page_minimum(page), least=True)

    def hasHeightForWidth(self) -> bool:
        """Whether the shown page's height depends on its width (wrapped text)."""
        page = self.currentWidget()
        return page.hasHeightForWidth() if page is not None else super().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        """The height (pixels) at ``width`` px: the shown page's height at the width
        the tab widget leaves it, with the tab bar and frame."""
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        padding = self._frame(QSize(0, 0))
        bar = self._bar_size(least=False)
        left, right = self._corner_sizes(least=False)
        inside = width - padding.width()
        if not self._horizontal():
            inside -= max(bar.width(), left.width(), right.width())
        height = shown_page_height(page, max(1, inside))
        return self._around(QSize(inside, height), least=False).height()
