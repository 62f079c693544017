"""Each attempt refused is heard, a second one for the same reason too (break test 15
of session 12, finding 3: Enter again on "Create journal" with the name still missing
was silent, the message already on screen, as if the journal were being made)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.lock.security_dialogs import ChangePassphraseDialog
from tests.ui.accessibility.conftest import Recorder
from tests.ui.lock.test_enter import _window


def test_enter_again_on_create_says_what_is_missing_again(qtbot, data_dir, a11y_events: Recorder):  # type: ignore[no-untyped-def]
    win = _window(qtbot, data_dir)
    screen = win.lock_screen
    screen.welcome_page.create_button.setFocus()
    qtbot.keyClick(screen.welcome_page.create_button, Qt.Key.Key_Return)
    create = screen.create_page
    create.name.setFocus()
    a11y_events.clear()
    missing = "Please give the journal a name, then press Create journal."
    qtbot.keyClick(create.name, Qt.Key.Key_Return)
    assert a11y_events.announcements(assertive=True) == [missing]
    qtbot.keyClicks(create.name, "   ")  # spaces are no name
    a11y_events.clear()
    qtbot.keyClick(create.name, Qt.Key.Key_Return)
    assert a11y_events.announcements(assertive=True) == [missing]
    win.lock()


def test_ok_again_in_a_key_dialog_says_what_is_missing_again(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder
):
    dialog = ChangePassphraseDialog(unlocked_window.journal, unlocked_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.new.first, "copper kettle winter harbour")
    qtbot.keyClicks(dialog.new.second, "copper kettle winter harbour")
    for _attempt in range(2):
        a11y_events.clear()
        qtbot.keyClick(dialog.new.second, Qt.Key.Key_Return)
        assert a11y_events.announcements(assertive=True) == [
            "Please type your current passphrase."
        ]
    dialog.reject()
