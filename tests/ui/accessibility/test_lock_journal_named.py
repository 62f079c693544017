"""The lock screen's passphrase field names the journal chosen (break test 15 of session
12, 11h: with two journals the focus landed in "Passphrase" and nothing said which one
was chosen; a wrong passphrase said "That passphrase did not open this journal" without
naming it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from tests.conftest import UNLOCK_WAIT_MS, locked_journals
from tests.ui.accessibility.conftest import Recorder
from tests.ui.lock.test_enter import _window


def heard_description(field) -> str:  # type: ignore[no-untyped-def]
    interface = QAccessible.queryAccessibleInterface(field)
    assert interface is not None
    return str(interface.text(QAccessible.Text.Description))


def test_the_passphrase_field_names_the_journal_chosen(  # type: ignore[no-untyped-def]
    qtbot, data_dir, a11y_events: Recorder
):
    locked_journals(data_dir, ("Mine", "Ours"))
    win = _window(qtbot, data_dir)
    page = win.lock_screen.unlock_page
    qtbot.waitUntil(page.passphrase.hasFocus)
    first = page.chosen_name()
    other = "Ours" if first == "Mine" else "Mine"
    assert heard_description(page.passphrase) == f"For the journal \u201c{first}\u201d."
    # Another journal chosen (Shift+Tab to the list, Down): the field names it.
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is page.journal_choice
    qtbot.keyClick(
        page.journal_choice,
        Qt.Key.Key_Down if first == page.journal_choice.itemText(0) else Qt.Key.Key_Up,
    )
    assert page.chosen_name() == other
    assert heard_description(page.passphrase) == f"For the journal \u201c{other}\u201d."
    qtbot.keyClick(page.journal_choice, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.passphrase
    qtbot.keyClicks(page.passphrase, "not the passphrase")
    a11y_events.clear()
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(a11y_events.announcements(assertive=True)), timeout=UNLOCK_WAIT_MS)
    refusal = page.error.text()
    assert "did not open" in refusal
    assert heard_description(page.passphrase) == f"For the journal \u201c{other}\u201d. {refusal}"
    win.lock()
