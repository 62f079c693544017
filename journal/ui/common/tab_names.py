"""A tab bar is heard by the tab it shows, also after the tab changed, and is one Tab stop.

Qt names a tab bar for assistive technology by its current tab ("Charts"), but
sends no name-change event when the current tab changes, so a screen reader that
caches names (Orca) kept saying the tab that was current when it first met the bar
("Log" while "Charts" shows). One application-wide filter (``install_tab_names``)
makes every tab bar of Solace send that event each time its current tab changes.

A tab chosen by its underlined letter (Alt+D for "Clos&eness ideas") puts the focus
on its tab bar, so the tab now shown is heard and the keys go on from there: Qt
changes the tab and leaves the focus where it was, on the area list or on a button
of the page just hidden, and nothing was heard (break test 15 of session 14,
finding 7). The focus moves once, as from the tab bar itself: the bar takes the tab
first (its name is then the new tab's), then the focus, then the page is shown. Qt's
own order, the page shown first and the bar focused after, moved the focus from a
control of the page being hidden into the new page (its first control, heard) and
only then to the bar, and a bar focused before its tab changed was heard by the old
tab's name (break test 15 of session 15, finding 6).

The same filter takes Qt's scroll arrows of a tab bar (shown when its tabs do not
fit, as at 200 % text) out of the Tab order: they were Tab stops of their own,
heard as "Scroll Left" and "Scroll Right" between the tabs and the page (break
test 15 of session 7, 14c). The arrow keys on the bar choose every tab and scroll
it into view; a mouse still clicks the arrows.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeySequence, QShortcutEvent
from PySide6.QtWidgets import QApplication, QTabBar, QTabWidget, QToolButton

from journal.ui.common.app_filter import install_once

__all__ = ["TabNames", "install_tab_names", "tell_name_changed"]

_NAME = "solaceTabNames"
_TOLD = "solaceTabNameTold"  # a tab bar's property: its changes are told already
_NAME_TOLD = "solaceTabNameLastTold"  # a tab bar's property: the tab it was last told by


def tell_name_changed(bar: QTabBar) -> None:
    """Tell assistive technology that ``bar``'s name (its current tab) changed, once
    per change (not again for the tab it last told). Nothing for a bar being deleted (a
    tab widget's tabs are removed, changing the current one, after Python's wrapper of
    the bar has been let go)."""
    if not QAccessible.isActive() or not shiboken6.isValid(bar):
        return
    name = bar.tabText(bar.currentIndex())
    if bar.property(_NAME_TOLD) == name:
        return
    bar.setProperty(_NAME_TOLD, name)
    QAccessible.updateAccessibility(QAccessibleEvent(bar, QAccessible.Event.NameChanged))


class TabNames(QObject):
    """Connects each tab bar, as it is polished, to `tell_name_changed`, and focuses a
    tab bar whose tab was chosen by its underlined letter."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.Polish, QEvent.Type.Shortcut, QEvent.Type.FocusIn})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QTabBar):
            # Its new name told before the focus is (Qt tells the focus right after this
            # event): a tab changed by its tab widget moved the focus to the bar before
            # the bar's own ``currentChanged`` reached `tell_name_changed`, and Enter on a
            # calendar day was heard "Calendar" with the List shown (issue 15, break test
            # of session 25, F1).
            tell_name_changed(watched)
            return False
        if event.type() == QEvent.Type.Shortcut and isinstance(watched, QTabBar):
            bar = watched
            index = _tab_of(bar, event) if isinstance(event, QShortcutEvent) else -1
            if index >= 0 and bar.isVisible() and bar.isEnabled():
                _choose(bar, index)
                return True
            # Not one of its tabs' letters: Qt changes its tab, then the focus goes to it.
            QTimer.singleShot(0, bar, lambda: _focus_shown(bar))
            return False
        if (
            event.type() == QEvent.Type.Polish
            and isinstance(watched, QTabBar)
            and not watched.property(_TOLD)
        ):
            watched.setProperty(_TOLD, True)
            bar = watched
            bar.currentChanged.connect(lambda _index: tell_name_changed(bar))
            for arrow in bar.findChildren(QToolButton):  # Qt's scroll arrows
                arrow.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return False


def _tab_of(bar: QTabBar, event: QShortcutEvent) -> int:
    """The enabled, visible tab of ``bar`` whose underlined letter ``event`` is
    (Alt+letter), or -1."""
    for index in range(bar.count()):
        if not bar.isTabEnabled(index) or not bar.isTabVisible(index):
            continue
        if QKeySequence.mnemonic(bar.tabText(index)) == event.key():
            return index
    return -1


def _choose(bar: QTabBar, index: int) -> None:
    """Show tab ``index`` of ``bar`` with one focus move, to the bar, heard by the new
    tab's name (see the module): the bar takes the tab without telling its tab widget,
    says its new name, takes the focus (out of the page about to be hidden, so the tab
    widget's stack moves no focus), and only then is told, showing the page (its
    `currentChanged`). The name is said before the focus: a screen reader that keeps
    names (Orca) says a focus with the name last told, and said "Timeline, page tab
    list" for Alt+R, Charts (break test 15 of session 18, finding 8)."""
    if index == bar.currentIndex() or not isinstance(bar.parentWidget(), QTabWidget):
        if index != bar.currentIndex():
            bar.setCurrentIndex(index)
        bar.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    blocked = bar.blockSignals(True)
    try:
        bar.setCurrentIndex(index)
    finally:
        bar.blockSignals(blocked)
    tell_name_changed(bar)
    bar.setFocus(Qt.FocusReason.ShortcutFocusReason)
    bar.currentChanged.emit(index)


def _focus_shown(bar: QTabBar) -> None:
    if bar.isVisible() and bar.isEnabled():
        bar.setFocus(Qt.FocusReason.ShortcutFocusReason)


def install_tab_names(app: QApplication | None = None) -> TabNames | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it, or None when there is no QApplication yet. Call it before the first window is
    built."""
    return install_once(TabNames, _NAME, app)
