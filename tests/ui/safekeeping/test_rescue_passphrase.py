"""The new passphrase of a rescued journal is rated with the name it will be shown by."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_the_rescued_journals_new_name_with_a_year_is_refused(qtbot, store, data_dir):  # type: ignore[no-untyped-def]
    """Break test 14 of session 11, finding 4 (the same kind elsewhere): the new
    journal's name is on the lock screen too, so its name with only digits and marks is
    refused like the damaged journal's; only the damaged journal's name was looked for."""
    from journal.ui.safekeeping.rescue_dialog import RescueDialog

    dialog = RescueDialog(store, data_dir / "journals" / "damaged", "Sarah")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_name.selectAll()
    qtbot.keyClicks(dialog.new_name, "Lily's garden")
    fields = dialog.new_passphrase
    qtbot.keyClicks(fields.first, "Lily2026!")
    qtbot.keyClicks(fields.second, "Lily2026!")
    qtbot.keyClick(fields.second, Qt.Key.Key_Return)  # rated at once, no pause waited for
    assert not fields.ready()
    assert fields.feedback.text().startswith("Very easy to guess. ")
    assert "journal's name" in fields.feedback.text()


def test_rescue_keeps_the_passphrase_just_typed_at_the_unlock(qtbot, store, window):  # type: ignore[no-untyped-def]
    """Break test 16 of session 20, L6: the unlock met the damage with the passphrase she
    had just typed, and Rescue what can be read… asked for it again, empty. It is
    there now, and the focus is on the new journal's passphrase."""
    from PySide6.QtWidgets import QApplication

    from journal.ui.safekeeping.rescue_dialog import RescueDialog
    from tests.conftest import PASSPHRASE
    from tests.ui.safekeeping.test_restore_flow import damaged_at_unlock

    (info,) = store.journals()
    page = damaged_at_unlock(qtbot, window, info.folder)
    assert page.rescue_button.isVisible()
    qtbot.waitUntil(lambda: not window.lock_screen.keys_held.holding, timeout=10_000)
    qtbot.keyClick(page.rescue_button, Qt.Key.Key_Space)
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, RescueDialog)]
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert dialog.passphrase.text() == PASSPHRASE
    qtbot.waitUntil(dialog.new_passphrase.first.hasFocus, timeout=5000)
