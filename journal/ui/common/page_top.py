"""A page shown opens at its top, never where another page left the scroll.

Several pages share one scroll area: the lock screen's pages scroll in the window's
lock scroll, the areas in its page scroll, the tabs of an area in that area's scroll.
Qt keeps a scroll area's position when the page inside it changes, so a page opened
where the one before it had been scrolled to: the recovery key page, shown after the
Create page was scrolled down to its button at 1024x600 and 200 % text, opened with
its heading out of sight (issues 10 and 14). A dialog that is shown again (Settings)
kept the place it was closed at in the same way.

One application-wide event filter (`install_page_top`) brings every scroll area
around a page of a ``QStackedWidget`` (``QTabWidget`` holds its pages in one) back up
to the stack's top when the page is shown, and a dialog's `DialogBody` to its top
when the dialog is shown. It only ever scrolls up (or left): a page shown because the
window around it was shown never scrolls the window down to it. The focus then put on
the page is kept in view by `journal.ui.common.in_view`, as after any focus move, but
only as far as the page's top stays in view (`opened_page`).

A dialog is such a page too: its body is the page just opened until the person first
presses a key or a mouse button. Brought to its top here, it was scrolled down again a
moment later to the control the dialog gives the focus (in_view, as the dialog became
active), so Export opened at 1024x600 and 200 % text past "The export is not
encrypted…", and Restore past what restoring does (break test 16 of session 18,
finding 3). A dialog opens showing its first lines; the focus is where it was put.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from journal.ui.common.app_filter import install_once
from journal.ui.common.fit import DialogBody

__all__ = [
    "PageTop",
    "install_page_top",
    "opened_before_first_paint",
    "opened_page",
    "show_top_of",
]

_FILTER_NAME = "solacePageTop"


def show_top_of(widget: QWidget) -> None:
    """Scroll every ``QScrollArea`` around ``widget`` up (and left) as far as needed
    for ``widget``'s top-left corner to be in view; one already showing it stays."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QScrollArea):
            content = parent.widget()
            if content is not None and (content is widget or content.isAncestorOf(widget)):
                corner = widget.mapTo(content, QPoint(0, 0))
                for bar, at in (
                    (parent.verticalScrollBar(), corner.y()),
                    (parent.horizontalScrollBar(), corner.x()),
                ):
                    if bar.value() > at:
                        bar.setValue(max(at, bar.minimum()))
        parent = parent.parentWidget()


_INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)


class PageTop(QObject):
    """Shows each page of a stacked widget from its top, and each dialog from the top
    of its body, as they are shown (see the module's docstring).

    ``opened`` is the stack (or tab widget) whose page was last shown, or the content
    of the dialog body last shown, until the person next presses a key or a mouse
    button or turns the wheel: the focus the page is given as it opens is then kept in
    view only as far as the page's top stays in view (`journal.ui.common.in_view`), so
    the heading of a page, or the first lines of a dialog, taller than the window show
    first."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.Show, *_INPUT})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._opened: QWidget | None = None

    @property
    def opened(self) -> QWidget | None:
        """The stack or tab widget whose page, or the dialog content, that has just
        been shown (see the class)."""
        if self._opened is not None and not shiboken6.isValid(self._opened):
            self._opened = None
        return self._opened

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            opened, self._opened = self.opened, None
            if opened is not None and event.type() == QEvent.Type.KeyPress:
                _show_focus_in(opened)
            return False
        if event.type() != QEvent.Type.Show or event.spontaneous():
            return False
        if not isinstance(watched, QWidget):
            return False
        if isinstance(watched, QDialog) and watched.isWindow():
            for body in watched.findChildren(DialogBody):
                if body.window() is watched:
                    body.verticalScrollBar().setValue(body.verticalScrollBar().minimum())
                    body.horizontalScrollBar().setValue(body.horizontalScrollBar().minimum())
                    self._opened = body.content  # its first lines stay in view
        elif not watched.isWindow():
            stack = watched.parentWidget()
            if isinstance(stack, QStackedWidget):
                tabs = stack.parentWidget()  # a tab widget's pages: its tabs in view too
                shown = tabs if isinstance(tabs, QTabWidget) else stack
                show_top_of(shown)
                self._opened = shown
        return False


#: What brings a control into view (`in_view.scroll_into_view`, added by that module,
#: which imports this one): empty until it is imported.
SHOW_IN_VIEW: list[Callable[[QWidget], None]] = []


def _show_focus_in(opened: QWidget) -> None:
    """A key goes to the control focused inside the page or dialog just ``opened``,
    which its top kept out of view: it is brought into view, so what is typed is seen
    (break test 16 of session 18, re-test R3: at 1024x600 and 200 % text a passphrase
    was typed into Restore's field below the view, the person seeing nothing)."""
    focus = QApplication.focusWidget()
    if focus is not None and focus.isVisible() and opened.isAncestorOf(focus):
        for show in SHOW_IN_VIEW:
            show(focus)


def install_page_top(app: QApplication | None = None) -> PageTop | None:
    """Install `PageTop` on ``app`` (default: the running application) once; returns
    it, or None when there is no QApplication yet."""
    return install_once(PageTop, _FILTER_NAME, app)


def opened_before_first_paint(stack: QStackedWidget) -> None:
    """Count the page ``stack`` shows as just opened (`PageTop.opened`), as its Show
    would have: for the page a window paints first, which is shown while the
    application's filters are held off (`app_filter.hold_until_first_paint`), so that
    the focus given as the window becomes active keeps the page's top in view. The
    Welcome page at 200 % text opened scrolled down to "Create a journal", its heading
    cut (break test 39, left alone then). No-op when `PageTop` is not installed."""
    app = QApplication.instance()
    found = app.findChild(PageTop, _FILTER_NAME) if app is not None else None
    if isinstance(found, PageTop):
        found._opened = stack


def opened_page() -> QWidget | None:
    """The stack or tab widget whose page, or the dialog content, that has just been
    shown (`PageTop.opened`), or None (none since the person's last key, click or
    wheel turn; no filter installed)."""
    app = QApplication.instance()
    found = app.findChild(PageTop, _FILTER_NAME) if app is not None else None
    return found.opened if isinstance(found, PageTop) else None
