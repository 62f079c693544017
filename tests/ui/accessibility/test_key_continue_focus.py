"""After Continue under a recovery key, the focus goes where the person goes next and
never back through the key (break test 15 of session 12, 11l: on the first run the
focus passed the key, "3CKD-…", before "New entry", so the key started being read
aloud again). Continue holds the focus as it is pressed; unticking "I have written it
down" as the key was taken off the page disabled it, and Qt handed the focus back to
the key. The journal opens as at every unlock: the focus in the words of a new entry,
where typing goes (break test 16 of session 12, finding 4)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from tests.conftest import UNLOCK_WAIT_MS
from tests.ui.accessibility.conftest import Recorder
from tests.ui.lock.test_enter import _typed_new_journal, _window


def test_continue_on_the_first_run_goes_to_the_words_of_a_new_entry_alone(  # type: ignore[no-untyped-def]
    qtbot, data_dir, a11y_events: Recorder
):
    win = _window(qtbot, data_dir)
    screen = win.lock_screen
    create = _typed_new_journal(qtbot, win)
    qtbot.keyClick(create.passphrase.second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)
    page = screen.key_page
    page.confirm.setFocus()
    qtbot.keyClick(page.confirm, Qt.Key.Key_Space)  # ticked
    qtbot.keyClick(page.confirm, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.continue_button
    a11y_events.record_names = True
    a11y_events.clear()
    with qtbot.waitSignal(win.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.continue_button, Qt.Key.Key_Space)
    assert a11y_events.names(QAccessible.Event.Focus) == ["Entry text"]
    assert QApplication.focusWidget() is win.area("journal").editor.body  # type: ignore[attr-defined]
    win.lock()


def test_continue_in_the_new_key_dialog_does_not_pass_the_key(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder
):
    from journal.ui.lock.recovery_key_dialog import RecoveryKeyDialog

    shown = RecoveryKeyDialog("ABCD-EFGH-JKMN-PQRS", "Test journal", unlocked_window)
    shown.show()
    page = shown.page
    shown.activateWindow()
    page.confirm.setFocus()
    qtbot.keyClick(page.confirm, Qt.Key.Key_Space)
    page.continue_button.setFocus()
    qtbot.waitUntil(page.continue_button.hasFocus)
    a11y_events.record_names = True
    a11y_events.clear()
    with qtbot.waitSignal(shown.accepted, timeout=5_000):
        qtbot.keyClick(page.continue_button, Qt.Key.Key_Space)
    focused = a11y_events.names(QAccessible.Event.Focus)
    assert QApplication.focusWidget() is not page.key
    assert "" not in focused and not any("ABCD" in (name or "") for name in focused)
