"""The notes beside a response box say only what is still true (break test 53, T4):
"Nothing was lost: it is still here" stayed beside a short note typed in place of a
refused long one, and "Your words are back" stayed once those words were kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.domain.together.items import MAX_RESPONSE_CHARS
from journal.ui.together.area import GIVEN_BACK
from tests.ui.together.support import open_together, seeded, unlock_owner

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_refusal_for_length_goes_once_the_words_fit(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
) -> None:
    area = open_together(qtbot, unlocked_window, seeded(unlocked_window, store))
    page = area.session_page.reader.page
    QApplication.clipboard().setText("word " * (MAX_RESPONSE_CHARS // 5 + 20))
    page.respond_box.setFocus()
    qtbot.keyClick(page.respond_box, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(page.respond_box, Qt.Key.Key_Return, CTRL)
    assert "Nothing was lost: it is still here" in page.problem.text()
    qtbot.keyClick(page.respond_box, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(page.respond_box, Qt.Key.Key_Delete)
    qtbot.keyClicks(page.respond_box, "Just this")
    assert page.problem.text() == ""


def test_words_given_back_and_then_kept_are_no_longer_said_back(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
) -> None:
    window = unlocked_window
    folder = seeded(window, store)
    page = open_together(qtbot, window, folder).session_page.reader.page
    qtbot.keyClicks(page.respond_box, "We will get through")
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    unlock_owner(qtbot, window)
    page = open_together(qtbot, window, folder).session_page.reader.page
    assert page.kept_note.text() == GIVEN_BACK
    qtbot.keyClick(page.respond_box, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(page.respond_box, Qt.Key.Key_X, CTRL)  # cut: the words are gone from here
    assert page.kept_note.text() == ""  # re-test 53, R6: it said "Your words are back"
    qtbot.keyClick(page.respond_box, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(page.respond_box, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.respond_box.toPlainText() == "", timeout=5000)
    assert [r.text for r in page.item.responses] == ["We will get through"]
    assert page.kept_note.text() == ""
