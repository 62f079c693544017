"""Entering Together at 1024x600 and 200 % text gives the focus to a control that can
be seen (re-test 45, N3): its first page opens at its top, words only, and the focus
sat on "Your name in Together" below the view, where the first key typed went."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication

from journal.settings import FONT_SCALE
from tests.ui.together.support import together

NETBOOK = QRect(0, 0, 1024, 600)


def test_entering_together_on_a_small_screen_focuses_what_shows(
    qtbot, unlocked_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(NETBOOK))
    window.settings.set(FONT_SCALE, 200)
    window.resize(1016, 560)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    area = together(window)
    qtbot.waitUntil(area.isVisible)
    qtbot.wait(100)
    focus = QApplication.focusWidget()
    assert focus is not None and area.isAncestorOf(focus)
    assert not focus.visibleRegion().isEmpty(), focus.accessibleName()  # on the screen
