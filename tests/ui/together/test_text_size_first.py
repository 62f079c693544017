"""Together's reading text follows a text size chosen before Together was first opened
(re-test 44b, M2)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.ui.together.item_page import READING_SCALE
from tests.ui.together.support import open_together, seeded


def test_a_text_size_chosen_before_together_opens_is_its_reading_texts_too(
    qtbot, unlocked_window, store
):
    folder = seeded(unlocked_window, store)
    window = unlocked_window
    for _ in range(4):  # View > Larger text, by its keys
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    app_size = QApplication.font().pointSizeF()
    page = open_together(qtbot, window, folder).session_page.reader.page
    qtbot.waitUntil(lambda: page.body.isVisible())
    assert page.body.font().pointSizeF() == app_size * READING_SCALE
