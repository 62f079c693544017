"""The recovery key as the page shows it: two lines of groups, selected and copied
whole.

The key is one block of text with a line separator (U+2028) between its two lines,
so a triple-click, which selects a block, takes the whole key; a double-click takes
it whole too, since a group alone opens nothing. The two lines were two blocks, and a
triple-click (or the drag of a person copying it) took half the key without a sign
(break test 14 of session 10, finding 5). What is copied (Ctrl+C, the menu's Copy,
and on X11 the mouse selection) is the key exactly as it is typed back and printed,
"ABCD-EFGH-…": the word joiners that keep a line from breaking inside, and the line
separator, are the page's layout, not the key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QClipboard,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import QLabel, QMenu, QWidget

#: Between the characters of a line of the key: no line break there (not alphanumeric,
#: so a key copied from the page still opens the journal; see `normalise_recovery_key`).
NO_BREAK = "\u2060"
#: Between the two lines: a line break inside one block of text.
LINE_SEPARATOR = "\u2028"


def key_lines(recovery_key: str) -> str:
    """``recovery_key`` ("T227-R2T3-…-MHL4", groups joined by "-") as it is shown: at
    most four groups a line, half of them on each of two lines (joined by
    `LINE_SEPARATOR`, one block), and no line ever broken inside (Qt's wrapping broke
    after a dash, leaving "QQUP-" at a line's end and one group alone below it, and
    the dash could be taken for part of the key)."""
    groups = recovery_key.split("-")
    if len(groups) <= 4:
        lines = [groups]
    else:
        half = (len(groups) + 1) // 2
        lines = [groups[:half], groups[half:]]
    return LINE_SEPARATOR.join(f"-{NO_BREAK}".join(line) for line in lines)


def as_typed(shown: str) -> str:
    """Text selected in a shown key (`key_lines`) as the key is written and typed
    back: no word joiners, a dash where a line ends ("ABCD-EFGH-…"), no dash at
    either end. The whole key shown gives the key itself."""
    text = shown.replace(NO_BREAK, "")
    for separator in (LINE_SEPARATOR, "\u2029", "\n"):
        text = text.replace(separator, "-")
    while "--" in text:
        text = text.replace("--", "-")
    return text.strip("-")


class KeyText(QLabel):
    """A selectable label showing a recovery key (`key_lines`): a double- or
    triple-click selects all of it, and copying gives `as_typed` text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)

    def copy(self, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> None:
        """Put the selected part of the key on the clipboard (or the mouse selection,
        ``mode``) as it is typed back (`as_typed`); nothing when nothing is selected."""
        clipboard = QGuiApplication.clipboard()
        if not self.hasSelectedText():
            return
        if mode is QClipboard.Mode.Selection and not clipboard.supportsSelection():
            return
        clipboard.setText(as_typed(self.selectedText()), mode)

    def select_all(self) -> None:
        """Select the whole key (and offer it to X11's mouse selection)."""
        self.setSelection(0, len(self.text()))
        self.copy(QClipboard.Mode.Selection)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        super().mouseDoubleClickEvent(event)  # (starts Qt's wait for a triple-click)
        if event.button() == Qt.MouseButton.LeftButton:
            self.select_all()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)  # Qt puts the text as shown in the selection:
        self.copy(QClipboard.Mode.Selection)  # ...replaced by the key as typed

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Copy and Select All, which copy the key as it is typed back."""
        menu = QMenu(self)
        copy = menu.addAction("&Copy", self.copy)
        copy.setEnabled(self.hasSelectedText())
        menu.addAction("Select &All", self.select_all)
        menu.exec(event.globalPos())
        menu.deleteLater()
