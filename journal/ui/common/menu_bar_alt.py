"""An Alt+letter never leaves the menu bar taking the keys.

Alt pressed and let go alone puts Qt's menu bar in its keyboard mode (its first menu
chosen, the keys going to it), as on Windows. Qt arms the bar when Alt goes down and
disarms it when another key, a shortcut or a focus change follows. Armed again while
Alt was still held after an Alt+letter, it took the letting go of Alt as Alt alone:
after Alt+N (Note) it was in its keyboard mode, and the letters typed next ran its
menus, "e" then "d" opening Edit > Delete… (break test 15 of session 18, finding 15:
about 1 in 55 Alt+letters, on a loaded machine). What armed it again there was not
reproduced; a second press of Alt reported while Alt is held does.

`AltHeld` follows Alt through the application's one filter (`app_filter`): when it
went down and whether another key was pressed before it was let go. `MenuBar`, the
main window's menu bar, is armed only by an Alt pressed alone, and takes the letting go
of Alt as Alt alone only when no other key was pressed meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QMenuBar, QWidget

from journal.ui.common.app_filter import install_once

__all__ = ["AltHeld", "MenuBar", "install_alt_held"]

_NAME = "solaceAltHeld"
_ALT_KEYS = frozenset({Qt.Key.Key_Alt, Qt.Key.Key_Meta})
_MODIFIER_KEYS = _ALT_KEYS | {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Super_L,
    Qt.Key.Key_Super_R,
}


class AltHeld(QObject):
    """Whether Alt is held (``held``) and whether another key, not a modifier, was
    pressed or a shortcut taken since it went down (``with_letter``). It takes no event:
    it reads the key presses (their ShortcutOverride, or the shortcut they made, which
    Qt sends without one while a shortcut is under way), and the releases."""

    #: What `eventFilter` reads: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset(
        {
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
            QEvent.Type.Shortcut,
            QEvent.Type.KeyRelease,
            QEvent.Type.ApplicationStateChange,
        }
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.held = False
        self.with_letter = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ApplicationStateChange:
            self.let_go()  # Alt let go in another application is never seen here
        elif kind == QEvent.Type.Shortcut:
            self.with_letter = self.held
        elif isinstance(event, QKeyEvent):
            key = event.key()
            if kind == QEvent.Type.KeyRelease:
                if key in _ALT_KEYS and not event.isAutoRepeat():
                    self.let_go()
            elif key in _ALT_KEYS:
                if not self.held:
                    self.held, self.with_letter = True, False
            elif self.held and key not in _MODIFIER_KEYS:
                self.with_letter = True
        return False

    def let_go(self) -> None:
        """Alt is no longer held."""
        self.held = self.with_letter = False


def install_alt_held() -> AltHeld | None:
    """Install `AltHeld` on the running application once, ahead of every watcher that
    may take a key or shortcut (`app_filter.install_once`, ``first``); returns
    it, or None when there is no QApplication yet."""
    return install_once(AltHeld, _NAME, first=True)


class MenuBar(QMenuBar):
    """A menu bar that Alt let go of after an Alt+letter never puts in its keyboard
    mode (see the module). Without an `AltHeld` installed it is Qt's own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._alt = install_alt_held()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt's own, except for Alt during an Alt+letter: its press does not arm the
        bar, and its letting go disarms it (as a focus change does) instead of
        choosing the first menu."""
        alt = self._alt
        if (
            alt is not None
            and alt.with_letter
            and isinstance(event, QKeyEvent)
            and event.key() in _ALT_KEYS
        ):
            if event.type() == QEvent.Type.KeyRelease:
                alt.let_go()
                disarm = QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.OtherFocusReason)
                super().eventFilter(watched, disarm)
                return False
            if event.type() == QEvent.Type.ShortcutOverride:
                return False
        return super().eventFilter(watched, event)
