"""Links in a read-only text (an article) are heard when the keyboard reaches them.

In a ``QTextBrowser`` Tab moves from link to link by selecting the link's text, but
Qt tells assistive technology nothing about it: no focus, caret or name event, so a
screen-reader user hears silence while a dotted box moves on screen, and Enter then
opens an article they never heard of. ``heard_links`` makes each link reached this
way announced (politely) as "Link: <its words>", and says in the browser's
description how links are reached and opened.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QTextBrowser

from journal.ui.common.accessibility import announce

__all__ = ["HOW_TO_USE_LINKS", "heard_links", "link_at"]

HOW_TO_USE_LINKS = "Tab and Shift+Tab move between its links; Enter opens the link"


def link_at(cursor: QTextCursor) -> str:
    """The words of the link ``cursor`` selects whole, or "" when its selection is
    empty or is not exactly one link (a person selecting text with the mouse)."""
    if not cursor.hasSelection():
        return ""
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    probe = QTextCursor(cursor.document())
    probe.setPosition(start + 1)  # the format of the first selected character
    first = probe.charFormat()
    probe.setPosition(end)  # ... and of the last
    last = probe.charFormat()
    if not (first.isAnchor() and last.isAnchor()) or first.anchorHref() != last.anchorHref():
        return ""
    return cursor.selectedText().replace("\u2029", " ").strip()


class _LinkVoice(QObject):
    """Announces the link a Tab or Shift+Tab press selected in its browser (Qt sends
    no signal for it: neither ``selectionChanged`` nor ``highlighted``)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not isinstance(watched, QTextBrowser)
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            return False
        handled = watched.event(event)  # the browser's own move to the next link
        if watched.window().focusWidget() is watched:  # still in the text, on a link
            words = link_at(watched.textCursor())
            if words:
                announce(watched, f"Link: {words}")
        return handled


def heard_links(browser: QTextBrowser) -> None:
    """Announce each link of ``browser`` as the keyboard selects it; the browser's
    accessible description says how to move between links and open one."""
    description = browser.accessibleDescription()
    if HOW_TO_USE_LINKS not in description:
        joined = f"{description}. {HOW_TO_USE_LINKS}" if description else HOW_TO_USE_LINKS
        browser.setAccessibleDescription(joined)
    browser.installEventFilter(_LinkVoice(browser))
