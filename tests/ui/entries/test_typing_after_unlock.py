"""The first words typed after an unlock go into the journal, none lost, and the focus
moves once, straight to where they go.

Break test 16 of session 12, finding 4: after a lock and an unlock the focus sat on
"New entry" (Qt's stacked layout gave it the first control of the areas as they
replaced the lock screen, and the Journal's start was that same button), so the
letters of the first word went nowhere and the space after it pressed the button;
the entry held every word but the first, and nothing was said. A fix that moved the
focus on to the words afterwards was heard twice, "New entry" and then the words
(session 13). Everything here is done with keys, each one sent to the control that
has the focus, as a keyboard does: Ctrl+L, the passphrase, Enter, the words.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.store import JournalStore
from journal.ui.entries.area import JournalArea
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS


def _type(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` with real key events, each to the control that has the focus."""
    for character in text:
        focus = QApplication.focusWidget()
        assert focus is not None, "the keys would go nowhere"
        qtbot.keyClicks(focus, character)


@contextmanager
def _focus_moves() -> Iterator[list[QWidget]]:
    """The controls the focus moved to while the block ran, in order
    (`QApplication.focusChanged`)."""
    moved: list[QWidget] = []

    def changed(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            moved.append(new)

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.focusChanged.connect(changed)
    try:
        yield moved
    finally:
        app.focusChanged.disconnect(changed)


def _lock_with_keys(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.is_locked)


def _unlock_with_keys(qtbot, window) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Type the passphrase and Enter on the lock screen; the controls the focus moved
    to from Enter until the journal is open and its events are handled."""
    window.activateWindow()
    passphrase = window.lock_screen.unlock_page.passphrase
    qtbot.waitUntil(lambda: QApplication.focusWidget() is passphrase)
    _type(qtbot, PASSPHRASE)
    with _focus_moves() as moved:
        with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
            qtbot.keyClick(passphrase, Qt.Key.Key_Return)
        QApplication.processEvents()
    return moved


def _journal(window) -> JournalArea:  # type: ignore[no-untyped-def]
    area = window.area("journal")
    assert isinstance(area, JournalArea)
    return area


def _stored_bodies(store: JournalStore) -> list[str]:
    """The words of every entry, read from the locked journal's file afresh."""
    opened = store.unlock(store.journals()[0].folder, PASSPHRASE)
    try:
        repo = EntryRepository(opened.db)
        found = (repo.get(s.id) for s in repo.summaries_page(0, 100))
        return sorted(entry.body for entry in found if entry is not None)
    finally:
        opened.lock()


def test_the_focus_goes_once_to_the_words_at_every_unlock(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    moved = _unlock_with_keys(qtbot, window)
    body = _journal(window).editor.body
    assert moved == [body], [w.accessibleName() or type(w).__name__ for w in moved]
    _type(qtbot, "Morning light.")
    _lock_with_keys(qtbot, window)
    moved = _unlock_with_keys(qtbot, window)
    body = _journal(window).editor.body  # the areas are built again at every unlock
    assert moved == [body], [w.accessibleName() or type(w).__name__ for w in moved]


def test_words_typed_after_a_lock_and_unlock_go_into_the_entry_shown(  # type: ignore[no-untyped-def]
    qtbot, window, store
) -> None:
    _unlock_with_keys(qtbot, window)
    _type(qtbot, "Morning light.")
    _lock_with_keys(qtbot, window)
    _unlock_with_keys(qtbot, window)
    _type(qtbot, " YANKEEWORD second try ")
    assert _journal(window).editor.save_now()  # as the autosave does
    _type(qtbot, "and more")
    _lock_with_keys(qtbot, window)
    assert _stored_bodies(store) == ["Morning light. YANKEEWORD second try and more"]


def test_words_typed_after_an_unlock_with_no_entry_shown_start_a_new_one(  # type: ignore[no-untyped-def]
    qtbot, window, store
) -> None:
    _unlock_with_keys(qtbot, window)
    _lock_with_keys(qtbot, window)  # nothing was written: no entry to show again
    assert _stored_bodies(store) == []  # the new entry shown, left empty, is not kept
    _unlock_with_keys(qtbot, window)
    _type(qtbot, "XRAYWORD third try ")
    _lock_with_keys(qtbot, window)
    assert _stored_bodies(store) == ["XRAYWORD third try "]
