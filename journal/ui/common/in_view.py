"""Whatever has the keyboard focus is in view: every scroll area around it follows it.

Qt scrolls a ``QScrollArea`` to a control only when Tab moves inside that one area
(the innermost; an area inside another leaves the outer one where it was). Focus
given by the app (back to the form after a save, to a field a note is about) or a
layout that grows above the focused control (a warning banner shown, a panel
unfolded) left the focused control out of sight, which at 200 % text is most of a
page: a sighted keyboard user saw no focus anywhere. One application-wide object
(``install_focus_in_view``) scrolls every ``QScrollArea`` around the focused control,
innermost first, once the layouts have settled, each time the focus moves and each
time the content of an area around it changes size.

A control taller than the area's viewport (a long text) is not scrolled to its top:
the area shows its text cursor instead. The focus a page is given as it opens is kept
in view only as far as the page's top stays in view (`journal.ui.common.page_top`),
except a control marked `must_be_seen` (the recovery key): it is shown whole however
far down the page it sits, as the page exists to show it. Kept under the page's top,
at 1024x600 and 200 % text the key opened below the fold while "I have written it
down" and Continue, pinned in view, could be used without ever seeing it (break test
10 of session 15, finding 2). When an area's page (or a tab's) keeps the focus it was
given wholly out of sight that way, the first control of the page that shows takes
the focus instead (`_first_in_view`).

An Alt+letter is followed too, when the control it names has the focus already (no
focus moves, and a page scrolled away from it with the wheel stayed where it was).

A focused tab bar (Alt+G for Past logs) is shown with its tab's page below it: the
scroll areas around it show the tab widget from its top, as much of the page as fits,
not just the bar, which at 1024x600 sat on the window's bottom edge with the page out
of view, as if the key had done nothing (break test 10 of session 15, finding 10).
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

from journal.ui.common import page_top
from journal.ui.common.accessibility import is_tab_stop
from journal.ui.common.app_filter import install_once
from journal.ui.common.borrowed import buddy_of, next_in_focus_chain
from journal.ui.common.page_top import opened_page

__all__ = [
    "FocusInView",
    "follow_tabs",
    "install_focus_in_view",
    "must_be_seen",
    "scroll_into_view",
    "seen_while_shown",
    "show_with_companion",
    "shown_with",
]

_NAME = "solaceFocusInView"
_MUST_BE_SEEN = "solaceMustBeSeen"
MARGIN = 8  # pixels shown around the control, as Qt's own Tab scrolling does (50 is too much)


def _shown_part(widget: QWidget) -> QWidget:
    """The control a focused inner part belongs to (a spin box for its line edit)."""
    parent = widget.parentWidget()
    if widget.objectName().startswith("qt_") and parent is not None:
        return parent
    return widget


def scroll_into_view(widget: QWidget, keep_top: QWidget | None = None) -> None:
    """Scroll every ``QScrollArea`` around ``widget``, innermost first, so that it shows
    (its text cursor, when it is taller than the area's viewport); with ``keep_top``
    (a page just opened, around ``widget``), never so far that the top of
    ``keep_top`` leaves the view: as much of ``widget`` shows as fits below it."""
    control = _shown_part(widget)
    tabs = widget.parentWidget() if isinstance(widget, QTabBar) else None
    parent = control.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            inner = parent.widget()
            if inner is not None and inner.isAncestorOf(control):
                if isinstance(tabs, QTabWidget) and inner.isAncestorOf(tabs):
                    _show_from_top(parent, tabs)
                elif control.height() <= parent.viewport().height():
                    _show_whole(parent, inner, control)
                else:
                    cursor = _caret(widget)
                    if cursor is None:  # no caret: its top shows, where reading starts
                        at = widget.mapTo(inner, QPoint(0, 0))
                        parent.ensureVisible(at.x(), at.y(), MARGIN, MARGIN)
                    else:
                        at = widget.mapTo(inner, cursor.center().toPoint())
                        parent.ensureVisible(at.x(), at.y(), MARGIN, MARGIN * 4)
                top = _page_top(keep_top, parent) if keep_top is not None else None
                if top is not None:
                    for bar, at_top in (
                        (parent.verticalScrollBar(), top.y()),
                        (parent.horizontalScrollBar(), top.x()),
                    ):
                        if bar.value() > at_top:
                            bar.setValue(max(at_top, bar.minimum()))
        parent = parent.parentWidget()


def _caret(widget: QWidget) -> QRectF | None:
    """Where ``widget``'s text cursor is (its input method's cursor rectangle, in its
    own pixels), or None for a widget with none: QWidget answers with a line down its
    middle (``QRect(width / 2, 0, 1, height)``), and a page taller than the window,
    given the focus, was scrolled to its middle, its heading out of view (break test
    53, T2: Together's reader, stepping to a long shared entry)."""
    cursor = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    if not isinstance(cursor, QRect | QRectF):
        return None
    rect = QRectF(cursor)
    return None if rect == QRectF(widget.width() // 2, 0, 1, widget.height()) else rect


def _page_top(page: QWidget, area: QScrollArea) -> QPoint | None:
    """Where the top of ``page`` (just opened) is in ``area``'s content: its own corner
    when the content holds it, the content's top when ``page`` holds the whole area
    (the Journal's column, in the window's page opened at an unlock: scrolled down to
    the entry's text, at 200 % text the Journal opened with its first row cut, break
    test 40, finding 11), None when the two are apart."""
    inner = area.widget()
    if inner is None:
        return None
    if inner.isAncestorOf(page):
        return page.mapTo(inner, QPoint(0, 0))
    return QPoint(0, 0) if page.isAncestorOf(area) else None


def _label_of(control: QWidget, inner: QWidget) -> QLabel | None:
    """The visible label inside ``inner`` whose buddy is ``control`` (its form row's
    label, above it when the row wraps at a large text size), or None."""
    for found in inner.findChildren(QLabel):
        if found.isVisible() and buddy_of(found) is control:
            return found
    return None


def _show_whole(area: QScrollArea, inner: QWidget, control: QWidget) -> None:
    """Scroll ``area`` (whose content is ``inner``) as little as shows all of
    ``control``, with its label when both fit in the view. Qt's
    ``ensureWidgetVisible`` shows only a text box's cursor (its input method's cursor
    rectangle): Alt+N in the body log at 1024x600 and 200 % text showed the Note box's
    top edge; nor does it know of the label, which a refused field scrolled to hid
    above the view (issue 10, break test of session 24)."""
    shown = QRect(control.mapTo(inner, QPoint(0, 0)), control.size())
    label = _label_of(control, inner)
    if label is not None:
        with_label = shown.united(QRect(label.mapTo(inner, QPoint(0, 0)), label.size()))
        if with_label.height() + 2 * MARGIN <= area.viewport().height():
            shown = with_label
    centre = shown.center()
    area.ensureVisible(
        centre.x(), centre.y(), shown.width() // 2 + MARGIN, shown.height() // 2 + MARGIN
    )


def _show_from_top(area: QScrollArea, widget: QWidget) -> None:
    """Scroll ``area`` so that ``widget`` (inside it) shows from its top, as much of it
    as the viewport holds, moving as little as that needs."""
    inner = area.widget()
    if inner is None:
        return
    top = widget.mapTo(inner, QPoint(0, 0)).y()
    bar = area.verticalScrollBar()
    room = area.viewport().height()
    bottom = top + min(widget.height(), room)
    value = bar.value()
    if bottom > value + room:
        value = bottom - room
    if top < value + MARGIN:
        value = top - MARGIN
    bar.setValue(max(bar.minimum(), min(value, bar.maximum())))


def follow_tabs(tabs: QTabWidget) -> None:
    """When the tab shown changes while the focus is on ``tabs``'s bar (a tab's Alt key,
    Ctrl+Tab, an arrow), show the new page below the bar once it is laid out: the focus
    does not move, so nothing else scrolls to it."""

    def changed(_index: int) -> None:
        if tabs.tabBar().hasFocus():
            QTimer.singleShot(0, tabs, lambda: scroll_into_view(tabs.tabBar()))

    tabs.currentChanged.connect(changed)


def must_be_seen(widget: QWidget) -> None:
    """Mark ``widget`` as what its page exists to show: with the focus on it, it is
    scrolled into view whole even on a page just opened, whose top then leaves the view
    (see the module's docstring)."""
    widget.setProperty(_MUST_BE_SEEN, True)


#: What each control is shown with while it has the focus (`shown_with`).
_SHOWN_WITH: weakref.WeakKeyDictionary[QWidget, QWidget] = weakref.WeakKeyDictionary()


def shown_with(control: QWidget, companion: QWidget) -> None:
    """While ``control`` has the focus and ``companion`` shows, keep ``companion`` in
    view too (as much of it as fits with ``control``), also as it appears or grows: a
    toggle and the table it opens below it, which opened below the page's fold with
    only its top edge in sight, the focus staying on the toggle (issue 10, F2)."""
    _SHOWN_WITH[control] = companion


def show_with_companion(control: QWidget, keep_top: QWidget | None = None) -> None:
    """`scroll_into_view` of ``control``, after its companion's (`shown_with`) when
    that shows, so that ``control`` is in view and as much of its companion as fits."""
    companion = _SHOWN_WITH.get(control)
    if companion is not None and shiboken6.isValid(companion) and companion.isVisible():
        scroll_into_view(companion, keep_top)
    scroll_into_view(control, keep_top)


#: The widgets kept in view while they show (`seen_while_shown`): busy lines.
_SEEN_WHILE_SHOWN: weakref.WeakSet[QWidget] = weakref.WeakSet()


def seen_while_shown(widget: QWidget) -> None:
    """Scroll ``widget`` (a busy line, as it appears) into view, at once and again once
    the layouts have settled, and keep it there while it shows: the focus followed
    after it (`FocusInView`) is then shown only as far as ``widget`` stays in view.

    While work runs the controls are held and the focus stays where Enter was pressed
    (`busy.hold_input`), so the one thing to see is that the work goes on: at 200 %
    text in a 1366x768 window the Create page's busy line sat below the fold for the
    seconds the journal took to make, as if Enter had done nothing (issue 10)."""
    _SEEN_WHILE_SHOWN.add(widget)
    scroll_into_view(widget)
    QTimer.singleShot(0, widget, lambda: _keep_seen(widget))


def _keep_seen(widget: QWidget) -> None:
    if shiboken6.isValid(widget) and widget.isVisible():
        scroll_into_view(widget)


def _showing_in(window: QWidget) -> list[QWidget]:
    """The widgets of ``window`` marked `seen_while_shown` that show now."""
    return [
        w
        for w in list(_SEEN_WHILE_SHOWN)
        if shiboken6.isValid(w) and w.isVisible() and w.window() is window
    ]


def _scrolled_out(widget: QWidget) -> bool:
    """Whether a scroll area around ``widget`` has scrolled all of it out of sight."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            viewport = parent.viewport()
            if viewport.isAncestorOf(widget):
                shown = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
                if not shown.intersects(viewport.rect()):
                    return True
        parent = parent.parentWidget()
    return False


def _first_in_view(page: QWidget) -> QWidget | None:
    """The first Tab stop under ``page``, in its window's Tab order, that no scroll
    area has scrolled out of sight, or None. Break test 44a, F3: entering the body
    log at 1024x600 and 200 % text, its top kept in view (warning cards above the
    form), the focus sat on "Time of this log" far below, where the first key typed
    went unseen."""
    window = page.window()
    widget = next_in_focus_chain(window)
    while widget is not None and widget is not window:
        if page.isAncestorOf(widget) and is_tab_stop(widget) and not _scrolled_out(widget):
            return widget
        widget = next_in_focus_chain(widget)
    return None


class FocusInView(QObject):
    """Keeps the focused control in view (see the module's docstring)."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.Resize, QEvent.Type.Shortcut})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # after the layouts posted so far have run
        self._timer.timeout.connect(self._follow)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut and isinstance(watched, QWidget):
            # Alt+letter onto the control that has the focus already moves no focus,
            # and a page scrolled away from it with the wheel stayed there: the key
            # seemed to do nothing (the lead's walk of session 28, Alt+T in Settings).
            self._timer.start()
            return False
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            focus = QApplication.focusWidget()
            viewport = watched.parentWidget()
            area = viewport.parentWidget() if viewport is not None else None
            if (
                focus is not None
                and isinstance(area, QScrollArea)
                and area.widget() is watched
                and watched.isAncestorOf(focus)
            ):
                self._timer.start()
        return False

    def _follow(self) -> None:
        focus = QApplication.focusWidget()
        if focus is None or not shiboken6.isValid(focus) or not focus.isVisible():
            return
        opened = opened_page()
        if focus.property(_MUST_BE_SEEN) or opened is None or not opened.isAncestorOf(focus):
            opened = None
        show_with_companion(focus, opened)
        if isinstance(opened, QStackedWidget | QTabWidget) and _scrolled_out(_shown_part(focus)):
            # A page's top kept the focus out of sight: the first control that shows
            # takes it (with none, the page keeps its top, and the first key brings the
            # focus into view: `page_top`). Not in a
            # dialog, whose focus is on its work (a passphrase field) and comes into
            # view at the first key (`page_top`): its first control may be Cancel.
            seen = _first_in_view(opened)
            if seen is not None:
                seen.setFocus(Qt.FocusReason.OtherFocusReason)
        for shown in _showing_in(focus.window()):  # a busy line shows: it stays in view
            scroll_into_view(shown)


page_top.SHOW_IN_VIEW.append(scroll_into_view)  # the first key in a page kept at its top


def install_focus_in_view(app: QApplication | None = None) -> FocusInView | None:
    """Install the follower on ``app`` (default: the running application) once; returns
    it, or None when there is no QApplication yet."""
    return install_once(FocusInView, _NAME, app)
