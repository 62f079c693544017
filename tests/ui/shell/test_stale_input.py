"""Keys typed on the lock screen while a journal opens never reach the journal (break
test 9 of session 7, F0, privacy): opening a large journal kept the window from
answering for seconds after the passphrase was checked; the passphrase typed again
meanwhile was delivered afterwards to the entry editor that had the focus and saved
as a new entry ("horse battery staple")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextEdit

from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS

TYPED = "horse battery staple"


def _type_into_the_window(window) -> None:  # type: ignore[no-untyped-def]
    """Key events the window system queued for the window while it was busy: Qt gives
    each to whatever has the focus when it is finally delivered."""
    handle = window.windowHandle()
    for char in TYPED:
        key = Qt.Key.Key_Space if char == " " else Qt.Key(ord(char.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QCoreApplication.postEvent(handle, event)


def _texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    found = [field.text() for field in window.findChildren(QLineEdit)]
    found += [field.toPlainText() for field in window.findChildren(QPlainTextEdit)]
    found += [field.toPlainText() for field in window.findChildren(QTextEdit)]
    return found


def _said(window) -> str:  # type: ignore[no-untyped-def]
    """The status bar's line and the notes at the top of the window."""
    notes = " ".join(label.text() for label in window.notices.findChildren(QLabel))
    return f"{window.statusBar().currentMessage()} {notes}"


def test_keys_typed_while_the_journal_opens_are_dropped(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    journal_area = window.area("journal")
    qtbot.mouseClick(journal_area.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(journal_area.editor.body, "DRAFT3")
    window.lock()

    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    seen: list[tuple[bool, bool, bool]] = []

    def while_opening() -> None:
        # The lock screen, still shown while the areas load: it says it is working.
        seen.append(
            (
                page.busy.isVisibleTo(page),
                page.unlock_button.isEnabled(),
                page.passphrase.isReadOnly(),
            )
        )
        _type_into_the_window(window)  # typed meanwhile: the window cannot answer

    window.opened.connect(while_opening)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(50)

    assert seen == [(True, False, True)]
    # Said, so a person who began typing as the journal appeared knows to type again.
    from journal.ui.shell.main_window import STALE_INPUT_DROPPED

    assert STALE_INPUT_DROPPED in _said(window)
    words = TYPED.split()
    assert not [text for text in _texts(window) if any(word in text.lower() for word in words)]
    window.area("journal").save_pending()  # what an autosave or the next lock would write
    assert window.journal is not None
    from journal.storage.entries.repository import EntryRepository

    repository = EntryRepository(window.journal.db)
    bodies = [repository.get(s.id).body for s in repository.summaries_page(0, 10)]  # type: ignore[union-attr]
    assert bodies == ["DRAFT3"], bodies


def test_nothing_is_said_when_nothing_was_typed_while_the_journal_opened(
    qtbot, unlocked_window
) -> None:  # type: ignore[no-untyped-def]
    from journal.ui.shell.main_window import STALE_INPUT_DROPPED

    window = unlocked_window
    window.lock()
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()
    qtbot.wait(50)
    assert STALE_INPUT_DROPPED not in _said(window)
