"""Locking drops every reference to the open journal, its engine and its key."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE


def test_after_locking_nothing_holds_the_journal_or_its_engine(qtbot, unlocked_window):
    window = unlocked_window
    journal_area = next(a for a in window.areas if a.area_id == "journal")
    qtbot.mouseClick(journal_area.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(journal_area.editor.body, "something to save")
    for index in range(len(window.areas)):
        window.navigation.setCurrentRow(index)
    journal_ref = weakref.ref(window.journal)
    engine_ref = weakref.ref(window.journal.db.engine)
    window.lock()
    gc.collect()
    assert engine_ref() is None
    assert journal_ref() is None, [type(r).__name__ for r in gc.get_referrers(journal_ref())]

    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: not window.is_locked or page.error.isVisible(), timeout=10_000)
    assert page.error.text() == ""
    assert "something to save" in journal_area.editor.body.toPlainText()
