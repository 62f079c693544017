"""Escape in Settings asks before a changed choice is thrown away (break test 44, F12:
45 typed in "Lock when idle for", then Escape, and Settings opened again at 5 with
nothing asked); unchanged, it closes at once, as every dialog that asks does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.settings import IDLE_LOCK_MINUTES
from journal.ui.common.edit_dialog import DISCARD_QUESTION
from tests.ui.common.test_number_field import type_over
from tests.ui.shell.test_settings_follow import _open_settings


def test_escape_in_settings_unchanged_closes_at_once(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    dialog = _open_settings(qtbot, unlocked_window)
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: unlocked_window.settings_dialog is None)


def test_escape_in_settings_asks_before_a_change_is_lost(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    before = unlocked_window.settings.get(IDLE_LOCK_MINUTES)
    dialog = _open_settings(qtbot, unlocked_window)
    idle = dialog.idle
    idle.setFocus()
    qtbot.waitUntil(idle.hasFocus)
    type_over(qtbot, idle, "45")
    qtbot.keyClick(idle, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    assert dialog.question.text() == DISCARD_QUESTION
    qtbot.keyClick(dialog.question, Qt.Key.Key_Escape)  # "Keep editing"
    qtbot.waitUntil(lambda: dialog.question is None)
    assert dialog.isVisible() and idle.value() == 45
    assert unlocked_window.settings.get(IDLE_LOCK_MINUTES) == before
