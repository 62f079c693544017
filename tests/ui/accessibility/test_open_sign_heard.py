"""A warning sign still open is said when the Body log is shown (break test 15 of
session 11, finding 15: raised before a lock, it was met after the next unlock as a
button name, "Read more…", with nothing of what to do): as an alert while it has not
been heard since the journal was opened, and then never again unless a new log raises
it (break test 15 of session 18, finding 12: it was said again at every return to the
Body log, and alerted over the result of an import or an Undo)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.domain.body.warning_signs import SignId, rules_by_id
from journal.storage.body.repository import BodyRepository
from journal.storage.lock.store import JournalStore
from journal.ui.body.banner import waiting_words
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.accessibility.conftest import Recorder
from tests.ui.accessibility.screens import area, fever_log


def _press(qtbot, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, Qt.KeyboardModifier.ControlModifier)


def test_an_open_sign_is_said_when_the_body_log_is_shown_again(  # type: ignore[no-untyped-def]
    qtbot, window, store: JournalStore, a11y_events: Recorder
):
    folder = window.lock_screen.unlock_page.chosen_folder()
    journal = store.unlock(folder, PASSPHRASE)
    BodyRepository(journal.db).save_log(fever_log())  # raised while the window was locked
    journal.lock()
    window.activateWindow()
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    body = area(window, "body")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    # The Journal shows first: the window's note says a sign waits (break test 47, F3).
    waiting = waiting_words([rules_by_id()[SignId.FEVER]])
    qtbot.waitUntil(lambda: waiting in a11y_events.announcements(assertive=False))
    a11y_events.clear()
    _press(qtbot, Qt.Key.Key_2)
    assert body.isVisible()
    (card,) = body.banner.cards  # type: ignore[attr-defined]
    assert card.spoken.startswith("Warning sign: ") and card.rule.advice in card.spoken
    assert a11y_events.announcements(assertive=True) == [card.spoken]
    assert a11y_events.announcements(assertive=False) == []
    _press(qtbot, Qt.Key.Key_1)
    a11y_events.clear()
    _press(qtbot, Qt.Key.Key_2)  # heard already: not said again
    assert a11y_events.announcements() == []
    a11y_events.clear()
    window._reload_areas()  # as after an import: the same sign, heard already
    assert body.banner.cards[0].spoken == card.spoken  # type: ignore[attr-defined]
    assert a11y_events.announcements() == []
    body.save_log(fever_log(0.5))  # a new log raises it again: alerted
    assert a11y_events.announcements(assertive=True) == [body.banner.cards[0].spoken]  # type: ignore[attr-defined]
