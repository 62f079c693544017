"""Words typed straight after an unlock go into the entry, whatever the unlock gave
back (break test 47, F1: a couple-prompt answer given back took the focus to Together's
hidden prompt list, and the words typed next went nowhere, or switched the area by the
area list's type-to-find)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.accessibility.screens import area
from tests.ui.accessibility.test_answer_waits import open_answers
from tests.ui.entries.test_fidelity import type_text

AFTER = "Later I will call mum"


def test_words_typed_after_an_answer_is_given_back_go_into_the_entry(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    together = area(window, "together")
    window.show_area(together)
    open_answers(qtbot, together)
    together.answers.text.setFocus()
    qtbot.keyClicks(together.answers.text, "The little kicks I imagined.")
    window.lock()  # the answer is not kept: it is sealed, to come back

    page = window.lock_screen.unlock_page
    page.passphrase.setFocus()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.wait(50)  # what the unlock queued (notes, given-back dialogs) runs

    journal, together = area(window, "journal"), area(window, "together")  # built anew
    assert window.current_area() is journal
    assert together.answers.text.toPlainText() == "The little kicks I imagined."
    words = journal.editor.body  # type: ignore[attr-defined]
    focus = QApplication.focusWidget()
    assert focus is words
    type_text(qtbot, focus, AFTER)  # where the keyboard's keys go
    assert AFTER in words.toPlainText()
    assert window.current_area() is journal
