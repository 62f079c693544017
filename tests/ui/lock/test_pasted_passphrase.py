"""A passphrase pasted with the line break a copied line ends with is the passphrase
without it: the journal made so opens with the same words typed. The break was kept
as one more, invisible character, and typed, the passphrase never opened the journal
again (break test 43, F1: seen at creation and in Change passphrase)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.ui.common.one_line import secret_line
from tests.conftest import UNLOCK_WAIT_MS
from tests.ui.lock.test_screen import make_window

WORDS = "tulip river quiet lantern"


def _paste(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    QApplication.clipboard().setText(text)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_a_passphrase_pasted_with_a_line_break_opens_when_typed(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    win = make_window(qtbot, data_dir)
    screen = win.lock_screen
    qtbot.mouseClick(screen.welcome_page.create_button, Qt.MouseButton.LeftButton)
    create = screen.create_page
    qtbot.keyClicks(create.name, "Ours")
    _paste(qtbot, create.passphrase.first, WORDS + "\n")
    assert create.passphrase.first.text() == WORDS  # no invisible dot more
    create.passphrase.second.setFocus()
    qtbot.keyClicks(create.passphrase.second, WORDS)  # typed: the same, said so
    qtbot.waitUntil(create.ready)
    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)
    key_page = screen.key_page
    qtbot.waitUntil(lambda: screen.currentWidget() is key_page, timeout=UNLOCK_WAIT_MS)
    key_page.confirm.setChecked(True)
    with qtbot.waitSignal(win.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.mouseClick(key_page.continue_button, Qt.MouseButton.LeftButton)
    folder = win.journal.folder
    win.lock()

    assert JournalStore(data_dir).check_passphrase(folder, WORDS)
    page = screen.unlock_page
    qtbot.keyClicks(page.passphrase, WORDS)
    with qtbot.waitSignal(win.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    win.lock()
    # Pasted again, with a Windows line end this time: the same passphrase.
    _paste(qtbot, page.passphrase, WORDS + "\r\n")
    assert page.passphrase.text() == WORDS
    with qtbot.waitSignal(win.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    win.lock()


def test_only_line_breaks_go_every_other_character_counts() -> None:
    assert secret_line(" two words\t\u2028\r\n\u2029") == " two words\t"
    assert secret_line("amber\r\nwillow forest\n") == "amber willow forest"


def test_the_change_passphrase_fields_take_a_pasted_line_break_away(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    from journal.ui.common.widgets import NewPassphraseFields

    fields = NewPassphraseFields()
    qtbot.addWidget(fields)
    fields.show()
    _paste(qtbot, fields.first, WORDS + "\n")
    _paste(qtbot, fields.second, WORDS + "\n")
    assert (fields.first.text(), fields.second.text()) == (WORDS, WORDS)
    store = JournalStore(data_dir)
    journal, _ = store.create("Ours", fields.first.text(), LIGHT_KDF)
    journal.lock()
    assert store.check_passphrase(journal.folder, WORDS)


def test_a_passphrase_pasted_from_two_lines_is_its_words_with_a_space(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Re-test 43, N1: "amber" and "willow forest" on two lines were joined into
    "amberwillow forest", which the words typed never opened."""
    from journal.ui.common.widgets import NewPassphraseFields

    fields = NewPassphraseFields()
    qtbot.addWidget(fields)
    fields.show()
    _paste(qtbot, fields.first, "amber\nwillow forest\n")
    assert fields.first.text() == "amber willow forest"
