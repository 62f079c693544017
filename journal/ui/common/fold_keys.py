"""Alt+letter reaches a control whether or not it is folded away (issue 15).

Qt takes no shortcut of a hidden widget: with a panel folded away (the entry's "Mood,
feelings, tags", which folds by itself on a small screen or at large text), the Alt+M
of its "&Mood" label did nothing, and a keyboard or screen-reader user had no way to
learn why. `letters_open_fold` gives each mnemonic inside a fold a stand-in shortcut,
live only while the fold is closed: it opens the fold, then does what the letter does
with the fold open (a label's buddy takes the focus; a button takes the focus and is
pressed). While the fold is open the stand-ins are off, so each letter stays Qt's own
and is never taken twice (an ambiguous shortcut only cycles).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from journal.ui.common.borrowed import buddy_of

__all__ = ["FoldLetters", "letters_open_fold"]


def _targets(fold: QWidget) -> list[tuple[QKeySequence, QWidget, bool]]:
    """(Alt+letter, the control it reaches, whether it is pressed) of every mnemonic
    inside ``fold``: labels with a buddy, and buttons."""
    found: list[tuple[QKeySequence, QWidget, bool]] = []
    for widget in fold.findChildren(QWidget):
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
            buddy = buddy_of(widget)
            keys = QKeySequence.mnemonic(widget.text())
            if buddy is not None and not keys.isEmpty():
                found.append((keys, buddy, False))
        elif isinstance(widget, QAbstractButton):
            keys = QKeySequence.mnemonic(widget.text())
            if not keys.isEmpty():
                found.append((keys, widget, True))
    return found


class FoldLetters(QObject):
    """The stand-in shortcuts of one fold (see the module), actions of ``holder`` as
    every shortcut of the app is (so the menus test finds any clash); made by
    `letters_open_fold`, which keeps them as long as ``holder`` lives."""

    def __init__(self, fold: QWidget, holder: QWidget, open_fold: Callable[[], None]) -> None:
        super().__init__(holder)
        self._fold = fold
        self._open = open_fold
        self.shortcuts: list[QAction] = []
        for keys, target, press in _targets(fold):
            shortcut = QAction(holder)
            shortcut.setShortcut(keys)
            shortcut.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.triggered.connect(
                lambda _checked=False, target=target, press=press: self._reach(target, press)
            )
            holder.addAction(shortcut)
            self.shortcuts.append(shortcut)
        fold.installEventFilter(self)
        self._follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Turn the stand-ins on as the fold is hidden, off as it is shown (its own
        hide and show, not a window's or a page's around it)."""
        if watched is self._fold and event.type() in (
            QEvent.Type.ShowToParent,
            QEvent.Type.HideToParent,
        ):
            self._follow()
        return False

    def _follow(self) -> None:
        closed = self._fold.isHidden()
        for shortcut in self.shortcuts:
            shortcut.setEnabled(closed)

    def _reach(self, target: QWidget, press: bool) -> None:
        self._open()
        if not target.isVisible() or not target.isEnabled():
            return  # the fold stayed closed, or the control is off: nothing to reach
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if press and isinstance(target, QAbstractButton):
            target.animateClick()


def letters_open_fold(fold: QWidget, holder: QWidget, open_fold: Callable[[], None]) -> FoldLetters:
    """Make every Alt+letter inside ``fold`` (labels with a buddy, buttons; all made
    before this call) work while ``fold`` is hidden: ``open_fold`` is called (it must
    show ``fold``, as the person's own opening does), then the letter's control takes
    the focus (and a button is pressed). ``holder`` is a widget shown whenever the
    fold could be opened (the shortcuts are its, so they are live only while it
    shows, in its window)."""
    return FoldLetters(fold, holder, open_fold)
