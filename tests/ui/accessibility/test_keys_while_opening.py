"""Keys typed after the unlock's Enter, while "Opening your journal…" is said and the
key is derived, are dropped and said as not used, every time (break test 15 of session
15, finding 1: they went into the read-only passphrase field, lost without a word)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.ui.shell.main_window import STALE_INPUT_DROPPED
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.entries.test_editor import journal_area


def unlock_typing_after_enter(qtbot, window, words: str) -> None:  # type: ignore[no-untyped-def]
    """The passphrase, Enter, then ``words`` at once, while the journal opens."""
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
        assert page.busy.isVisibleTo(page)  # still opening
        qtbot.keyClicks(QApplication.focusWidget(), words)
        assert page.passphrase.text() in ("", PASSPHRASE)  # nothing of them landed there


def test_keys_typed_while_the_journal_opens_are_said_as_not_used(  # type: ignore[no-untyped-def]
    qtbot, window, a11y_events
):
    window.activateWindow()
    unlock_typing_after_enter(qtbot, window, " X one.")
    area = journal_area(window)
    qtbot.waitUntil(area.editor.body.hasFocus, timeout=5_000)
    assert a11y_events.announcements().count(STALE_INPUT_DROPPED) == 1
    assert "X one" not in area.editor.body.toPlainText()

    # Again after a lock: said again, once.
    window.lock()
    a11y_events.clear()
    window.activateWindow()
    unlock_typing_after_enter(qtbot, window, "Y two")
    area = journal_area(window)  # the areas are built afresh after a lock
    qtbot.waitUntil(area.editor.body.hasFocus, timeout=5_000)
    assert a11y_events.announcements().count(STALE_INPUT_DROPPED) == 1
    assert "Y two" not in area.editor.body.toPlainText()


def test_nothing_is_said_when_nothing_was_typed_while_opening(  # type: ignore[no-untyped-def]
    qtbot, window, a11y_events
):
    window.activateWindow()
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert STALE_INPUT_DROPPED not in a11y_events.announcements()


def test_keys_typed_as_soon_as_the_journal_says_it_opened_go_into_the_words(  # type: ignore[no-untyped-def]
    qtbot, window, a11y_events
):
    """The keys are held only until the window says the journal has opened: words typed
    right then (as test_process's full-disk lock does, in `opened`) go into the entry,
    and nothing is said as not used (the revert 35a2b16: the hold outlived `opened`)."""
    window.activateWindow()
    area_words: list[str] = []

    def type_at_once() -> None:
        window.opened.disconnect(type_at_once)
        area = journal_area(window)
        qtbot.keyClicks(area.editor.body, "Still here.")
        area_words.append(area.editor.body.toPlainText())

    window.opened.connect(type_at_once)
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert area_words and "Still here." in area_words[0]
    assert not window.lock_screen.keys_held.holding
    assert STALE_INPUT_DROPPED not in a11y_events.announcements()
