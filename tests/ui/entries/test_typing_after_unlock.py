"""The first words typed after an unlock go into the journal, none lost.

Break test 16 of session 12, finding 4: after a lock and an unlock the focus sat on
"New entry", so the letters of the first word went nowhere and the space after it
pressed the button; the entry held every word but the first, and nothing was said.
Keys are typed here where the focus is, one at a time, as a keyboard does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.storage.entries.repository import EntryRepository
from journal.ui.entries.area import JournalArea
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS


def _type(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` with real key events, each to the control that has the focus."""
    for character in text:
        focus = QApplication.focusWidget()
        assert focus is not None, "the keys would go nowhere"
        qtbot.keyClicks(focus, character)


def _unlock_with_keys(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.lock_screen.unlock_page.passphrase)
    _type(qtbot, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def _journal(window) -> JournalArea:  # type: ignore[no-untyped-def]
    area = window.area("journal")
    assert isinstance(area, JournalArea)
    return area


def _bodies(window) -> list[str]:  # type: ignore[no-untyped-def]
    repo = EntryRepository(window.journal.db)
    found = (repo.get(s.id) for s in repo.summaries_page(0, 100))
    return sorted(entry.body for entry in found if entry is not None)


def test_words_typed_after_a_lock_and_unlock_go_into_the_entry_shown(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    _unlock_with_keys(qtbot, window)
    _type(qtbot, "Morning light.")
    assert _journal(window).editor.save_now()
    window.lock()
    _unlock_with_keys(qtbot, window)
    _type(qtbot, " YANKEEWORD second try")
    assert _journal(window).editor.save_now()
    assert _bodies(window) == ["Morning light. YANKEEWORD second try"]


def test_words_typed_after_an_unlock_with_no_entry_shown_start_a_new_one(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    _unlock_with_keys(qtbot, window)
    window.lock()  # nothing was written: no entry to show again
    _unlock_with_keys(qtbot, window)
    _type(qtbot, "XRAYWORD third try")
    assert _journal(window).editor.save_now()
    assert _bodies(window) == ["XRAYWORD third try"]


def test_an_unlock_and_lock_with_nothing_typed_stores_no_entry(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    _unlock_with_keys(qtbot, window)
    assert _journal(window).editor.save_now()
    assert _bodies(window) == []
