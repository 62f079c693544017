"""Entering the body log at 1024x600 and 200 % text, with warning cards above the
form, gives the focus to a control that can be seen (break test 44a, F3): the page
opens at its top, and the focus it was given sat far below the view, where the
first key typed went unseen (a 1 into Temperature)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.body.test_field_in_view import _small_body_log

CTRL = Qt.KeyboardModifier.ControlModifier


def test_entering_the_body_log_under_its_warning_cards_focuses_what_shows(
    qtbot, unlocked_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    area = _small_body_log(qtbot, window, monkeypatch)
    form = area.form
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "39.5")
    qtbot.keyClick(form.temperature, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: bool(area.banner.cards), timeout=5_000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, CTRL)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(area.isVisible)
    qtbot.wait(100)
    focus = QApplication.focusWidget()
    assert focus is not None and area.isAncestorOf(focus)
    assert not focus.visibleRegion().isEmpty(), focus.accessibleName()  # on the screen
    qtbot.keyClick(focus, Qt.Key.Key_Tab)  # on to the warning card, not past it (P4)
    assert area.banner.isAncestorOf(QApplication.focusWidget())
