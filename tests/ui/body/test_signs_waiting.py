"""A warning sign not yet marked as seen is said at the unlock, though the window shows
the Journal first (break test 47, F3: a fever to contact the doctor about at once
waited behind the Journal, and nothing on screen, or heard, said so)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from journal.domain.body.log import BodyLog
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.ui.body.banner import waiting_words
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
    said = waiting_words(["Fever"])
    assert said in window.notices.texts()

    body = window.area("body")  # built anew at the unlock
    window.show_area(body)
    qtbot.mouseClick(body.banner.cards[0].seen_button, Qt.MouseButton.LeftButton)
    assert body.banner.cards == []
    unlock_again(qtbot, window)
    assert said not in window.notices.texts()
