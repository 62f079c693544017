"""The height the window's notes take from the pages (`journal.ui.shell.notices`).

Notes sit in a row of their own under the pages, so the pages lose that height while
one shows. A page that chooses its layout by the height it has counts it back
(`height_lent`), so that a note coming and going never changes that choice: the
journal's list hid as a note appeared at 1366x768 and 200 % text, and came back as it
was closed (issue 10, break test of session 23, F9).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

#: The object name of the window's notes (`journal.ui.shell.notices.Notices`).
NOTES_NAME = "notices"


def height_lent(widget: QWidget) -> int:
    """The height (pixels) the notes under the pages take from ``widget``'s window now:
    0 when no note shows (or the window has no notes)."""
    notes = widget.window().findChild(QWidget, NOTES_NAME)
    return notes.height() if notes is not None and notes.isVisible() else 0
