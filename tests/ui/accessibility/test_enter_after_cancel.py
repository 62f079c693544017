"""Enter in a dialog's field presses its main button even after Tab has passed Cancel
(break test 15 of session 12, finding 8: Cancel, focused once, became the default, and
Enter in Export's passphrase field closed the dialog with nothing said)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from journal.ui.safekeeping.export_dialog import ExportDialog
from tests.conftest import PASSPHRASE
from tests.ui.accessibility.conftest import Recorder
from tests.ui.safekeeping.test_export_import_dialogs import panel_of


def _tab_to(qtbot, target) -> None:  # type: ignore[no-untyped-def]
    for _stop in range(20):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target}")


def test_enter_in_export_s_passphrase_after_tab_past_cancel_says_what_is_missing(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder
):
    panel = panel_of(unlocked_window)
    panel.export_button.setFocus()
    qtbot.keyClick(panel.export_button, Qt.Key.Key_Return)
    dialog = unlocked_window.settings_dialog.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    dialog.choose_button.setFocus()
    qtbot.waitUntil(dialog.choose_button.hasFocus)
    cancel = dialog.footer.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    _tab_to(qtbot, cancel)  # learning the dialog, as a screen-reader user does
    _tab_to(qtbot, dialog.passphrase)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    a11y_events.clear()
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "Please choose a folder for the export first." in a11y_events.announcements(
        assertive=True
    )
    dialog.reject()

