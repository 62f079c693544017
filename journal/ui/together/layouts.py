"""Emptying a layout whose cards are rebuilt on each refresh."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLayout, QWidget

from journal.ui.common.accessibility import first_tab_stop
from journal.ui.common.page_focus import focus_placed_after


def empty(layout: QLayout) -> None:
    """Take every item out of ``layout``; its widgets are hidden at once (so an old card
    never shows, or counts, at its old size) and deleted later, by Qt.

    A card holding the focus hands it once to the first control left around the layout
    (the nearest part of the page that has one): hidden one by one, each card passed
    the focus on to the next, and a screen reader read prompt after prompt while
    Together closed (break test 15 of session 18, finding 11). Only then: a lock empties
    Together's layouts too, and the focus, in another area, was put on "Areas" before
    the lock screen's passphrase (tests/ui/accessibility/test_lock_said.py)."""
    holder = layout.parentWidget()
    focus = QApplication.focusWidget()
    if focus is None or holder is None or not holder.isAncestorOf(focus):
        _take_all(layout)  # the focus is elsewhere (a lock clears every area): left there
        return
    with focus_placed_after(lambda: _focus_near(holder)):
        _take_all(layout)


def _take_all(layout: QLayout) -> None:
    while layout.count():
        taken = layout.takeAt(0)
        widget = taken.widget() if taken is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def _focus_near(holder: QWidget | None) -> None:
    """The focus to the first control shown in ``holder`` or, when it has none, in the
    nearest widget around it that has one."""
    while holder is not None:
        target = first_tab_stop(holder) if holder.isVisible() else None
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        holder = holder.parentWidget()
