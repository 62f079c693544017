"""A warning sign not yet marked as seen is said at the unlock, though the window shows
the Journal first (break test 47, F3: a fever to contact the doctor about at once
waited behind the Journal, and nothing on screen, or heard, said so)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.domain.body.log import BodyLog
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.domain.body.warning_signs import SignId, rules_by_id
from journal.ui.body.banner import waiting_words
from journal.ui.shell.notices import Notice
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS


def unlock_again(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.lock()
    page = window.lock_screen.unlock_page
    page.passphrase.setFocus()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)


def test_a_fever_not_marked_seen_is_said_at_the_unlock_until_it_is(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    body = window.area("body")
    window.show_area(body)
    at = datetime.now(UTC) - timedelta(minutes=5)
    body.save_log(BodyLog("fever", at, temperature=Temperature(38.6, TemperatureUnit.CELSIUS)))
    assert [card.rule.title for card in body.banner.cards] == ["Fever"]
    unlock_again(qtbot, window)
    assert window.current_area() is window.area("journal")
    said = waiting_words([rules_by_id()[SignId.FEVER]])
    assert "Fever (contact your doctor immediately)" in said  # re-test 47, N10
    assert said in window.notices.texts()

    body = window.area("body")  # built anew at the unlock
    window.show_area(body)
    qtbot.mouseClick(body.banner.cards[0].seen_button, Qt.MouseButton.LeftButton)
    assert body.banner.cards == []
    assert said not in window.notices.texts()  # re-test 47, N9: it stayed until closed
    unlock_again(qtbot, window)
    assert said not in window.notices.texts()


def shown_note(window) -> Notice:  # type: ignore[no-untyped-def]
    (note,) = [note for note in window.notices.findChildren(Notice) if note.isVisible()]
    return note


def test_a_later_note_waits_behind_the_warning_until_it_is_closed(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Re-test 47, N6: the note that a draft was given back, told after it, hid the
    warning, and nothing said a second note waited."""
    window = unlocked_window
    body = window.area("body")
    at = datetime.now(UTC) - timedelta(minutes=5)
    body.save_log(BodyLog("fever", at, temperature=Temperature(38.6, TemperatureUnit.CELSIUS)))
    unlock_again(qtbot, window)
    warning = waiting_words([rules_by_id()[SignId.FEVER]])
    later = "What you were writing in Together when Solace last locked or closed is back there."
    window.tell(later)
    assert shown_note(window).text == warning
    button = shown_note(window).close_button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert shown_note(window).text == later


def test_closing_the_last_note_gives_the_focus_back_to_the_entry(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Re-test 47, N7: closed by its button, the note left the focus to the area list,
    and the next words typed went nowhere ("Later" opened the Library)."""
    window = unlocked_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tell("Your backup could not be made.")
    button = shown_note(window).close_button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    words = window.area("journal").editor.body
    assert QApplication.focusWidget() is words
    qtbot.keyClicks(QApplication.focusWidget(), "Later")
    assert "Later" in words.toPlainText()
    assert window.current_area() is window.area("journal")
