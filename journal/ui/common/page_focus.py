"""The focus goes straight from a page to the next page, never through the window.

When a stacked widget shows another page (an area from the list or Ctrl+1…4, the
lock screen in place of the areas, the Journal's list giving way to an entry), Qt
hides the page that had the focus first, and hiding a widget that holds the focus
moves it to the next control in the whole window's chain (``QWidgetPrivate::
hide_helper`` calls ``focusNextPrevChild``): most often the area list, "Areas", or
"Open Together on this journal". Only then does the stacked layout (or the app) put
the focus on the new page. A screen reader speaks that stray control first ("Areas,
list"), or only it, when the second focus event is coalesced.

One application-wide event filter (`install_page_focus`) notes when a stacked page
is hidden with the focus in it, and the window that holds it declines the move Qt
asks for next (its ``focusNextPrevChild`` asks `PageFocus.take_hidden_page`): the
focus stays put, unheard, for the instant until the stacked layout (or the app)
puts it on the new page, and that control is the only focus heard. (Clearing the
focus instead would be heard: Qt sends a focus event for the control losing it.)

The stacked layout gives the new page's focus back to the control it last had
(``QWidget::focusWidget``) without asking whether that control is still shown: coming
back to the Journal (Ctrl+1) at 200 % text, where the list had given way to the entry
since, the focus went to "Remembrance dates…" in the hidden list, and Space would have
opened a dialog from a button nobody could see (break test 15 of session 18, finding
13). So the same filter, when a page is shown in place of one that held the focus,
first gives a remembered control hidden inside it up: the page's focus goes where
the page starts (an area's `focus_start`, the words of the entry shown; else its
first control in Tab order), and the stacked layout gives the focus to that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QStackedWidget, QTabWidget, QWidget

from journal.ui.common.accessibility import first_tab_stop
from journal.ui.common.app_filter import install_once
from journal.ui.common.area import Area

__all__ = [
    "PageFocus",
    "PlaceOnShow",
    "focus_placed_after",
    "focus_placed_on_show",
    "focus_where_it_starts",
    "install_page_focus",
]

_FILTER_NAME = "solacePageFocus"


class PageFocus(QObject):
    """Notes the Hide event of a page of a `QStackedWidget` that holds the focus, for
    the window's ``focusNextPrevChild`` that Qt calls right after it."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.Show, QEvent.Type.Hide})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hidden_page = False
        self.placing = 0  # inside `focus_placed_after`: any widget hidden counts

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            _stand_in_for_empty_page(watched)
            stack = watched.parentWidget()
            if isinstance(stack, QStackedWidget) and (
                self._hidden_page or _in_other_page(stack, watched)
            ):
                _no_hidden_focus_kept(watched)
            return False
        if event.type() != QEvent.Type.Hide or not isinstance(watched, QWidget):
            return False
        if watched.isWindow():
            return False
        if not self.placing and not isinstance(watched.parentWidget(), QStackedWidget):
            return False
        focus = QApplication.focusWidget()
        if focus is not None and (focus is watched or watched.isAncestorOf(focus)):
            if not self._hidden_page:
                QTimer.singleShot(0, self, self._forget)  # only for this hide
            self._hidden_page = True
        return False

    def take_hidden_page(self) -> bool:
        """Whether a page holding the focus was just hidden (the move Qt asks for now
        is the one to decline); it is asked once."""
        hidden, self._hidden_page = self._hidden_page, False
        return hidden

    def _forget(self) -> None:
        self._hidden_page = False


def _in_other_page(stack: QStackedWidget, page: QWidget) -> bool:
    """Whether the focus is in a page of ``stack`` other than ``page`` (the one it
    shows ``page`` in place of)."""
    focus = QApplication.focusWidget()
    return focus is not None and stack.isAncestorOf(focus) and not page.isAncestorOf(focus)


def _no_hidden_focus_kept(page: QWidget) -> None:
    """``page`` is shown in place of a page that held the focus: when the control it
    last had focused is hidden inside it, or when it is an area never focused yet, put
    its focus where it starts (see the module), where the stacked layout then gives the
    focus. (An area's first control is not always its start: the Body log's first
    Ctrl+2 of a session went to "Summary for the doctor…" above its tabs, where the
    person had come to log: issue 15, break test of session 25, F15.)"""
    kept = page.focusWidget()
    if kept is None and not isinstance(page, Area):
        return  # the stacked layout gives the focus to its first control: its start
    if kept is not None and (kept is page or kept.isVisibleTo(page)):
        return
    focus_where_it_starts(page)


def focus_where_it_starts(part: QWidget) -> None:
    """Put the focus where ``part`` starts: an area's own start (`Area.focus_start`),
    else its first Tab stop, if it has one."""
    if isinstance(part, Area):
        part.focus_start()
        return
    start = first_tab_stop(part)
    if start is not None:
        start.setFocus(Qt.FocusReason.OtherFocusReason)


def _stand_in_for_empty_page(page: QWidget) -> None:
    """A tab's page shown in place of the one holding the focus, with no control of
    its own yet (its cards are built as it is first looked at): Qt's stacked layout
    then gives the focus to the page itself, an unnamed container a screen reader
    says as "filler" or nothing (break test 15 of session 7, finding 3). For that one
    move the page hands the focus to its tab bar, which says the tab just chosen. A
    page that is a control itself (the Journal's list of entries) keeps it: Enter on
    a calendar day sent the focus to the tab bar, one Tab short of that day's entries
    (break test 15 of session 30, finding 5)."""
    stack = page.parentWidget()
    if page.isWindow() or not isinstance(stack, QStackedWidget) or page.focusProxy():
        return
    tabs = stack.parentWidget()
    focus = QApplication.focusWidget()
    if not isinstance(tabs, QTabWidget) or focus is None or not stack.isAncestorOf(focus):
        return
    if page.isAncestorOf(focus) or first_tab_stop(page) is not None:
        return
    if page.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return  # a control itself (the Journal's list): it takes the focus, named
    page.setFocusProxy(tabs.tabBar())
    QTimer.singleShot(0, page, lambda: page.setFocusProxy(None))  # type: ignore[arg-type]


@contextmanager
def focus_placed_after(place: Callable[[], None]) -> Iterator[None]:
    """Within the block, a widget hidden with the focus in it (a panel giving way, a
    row of buttons going) does not send the focus along the window's chain either; at
    its end, if the focus is nowhere or on a hidden control, ``place()`` puts it where
    the person looks next. The block may place it itself (then ``place`` is not run)."""
    page_focus = install_page_focus()
    if page_focus is None:
        yield
        return
    page_focus.placing += 1
    try:
        yield
    finally:
        page_focus.placing -= 1
        focus = QApplication.focusWidget()
        if focus is None or not focus.isVisible():
            place()


class PlaceOnShow(QObject):
    """Runs ``place`` when the page it watches receives its Show event, once;
    ``done`` tells whether it has (see `focus_placed_on_show`)."""

    def __init__(self, page: QWidget, place: Callable[[], object]) -> None:
        super().__init__(page)
        self._place: Callable[[], object] | None = place
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._place is not None:
            place, self._place = self._place, None
            self.done = True
            place()
        return False


@contextmanager
def focus_placed_on_show(page: QWidget, place: Callable[[], object]) -> Iterator[PlaceOnShow]:
    """Within the block, when ``page`` (a page of a `QStackedWidget`) is shown, ``place()``
    puts the focus on it at once: the one focus move heard. Yields what tells whether
    it ran (``done``): not when ``page`` was shown already, where the caller places the
    focus itself.

    A stacked widget that shows another page while the focus is in the page it hides
    gives the focus, after showing the new page, to the control the new page last had
    focused, or else to its first control in Tab order: after every unlock that was
    "New entry" (the areas had never held the focus; they are built anew at each
    unlock), and the first word typed went nowhere while the space after it pressed
    the button (break test 16 of session 12, finding 4). Placed afterwards, the focus
    was heard twice: "New entry", then the words (session 13). Placed from the page's
    Show event (its controls are visible by then, `QWidgetPrivate::show_helper` shows
    the children first), it is where the stacked layout then looks first, and stays.
    The hidden page's own move along the window's chain is declined by `PageFocus`."""
    placer = PlaceOnShow(page, place)
    page.installEventFilter(placer)
    try:
        yield placer
    finally:
        page.removeEventFilter(placer)
        placer.deleteLater()


def install_page_focus(app: QApplication | None = None) -> PageFocus | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it (the same one on every call), or None when there is no QApplication yet."""
    return install_once(PageFocus, _FILTER_NAME, app)
