"""Slow work is heard as it starts, and what it came to is heard once the focus has
landed (break test 15 of session 11, finding 10: creating a journal was silent for
9 s, exporting for 5 s, and the export's result was said in the same instant as the
dialog closed and the focus went back to "Export…", which cut it off)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from journal.ui.safekeeping.export_dialog import ExportDialog
from tests.conftest import PASSPHRASE
from tests.ui.accessibility.conftest import Recorder
from tests.ui.lock.test_enter import _typed_new_journal, _window
from tests.ui.safekeeping.test_export_import_dialogs import panel_of


def test_creating_a_journal_says_it_has_started(qtbot, data_dir, a11y_events: Recorder):  # type: ignore[no-untyped-def]
    win = _window(qtbot, data_dir)
    screen = win.lock_screen
    create = _typed_new_journal(qtbot, win)
    # As with a window manager: the window is active and the focus is in the field.
    win.activateWindow()
    create.passphrase.second.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is create.passphrase.second)
    a11y_events.clear()
    built_after: list[int] = []  # how many events had been heard when the areas were built
    build = win._build_areas
    win._build_areas = lambda: (built_after.append(len(a11y_events.events)), build())  # type: ignore[method-assign]
    qtbot.keyClick(create.passphrase.second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=60_000)
    polite = a11y_events.announcements(assertive=False)
    creating = "Creating your journal\u2026 this takes a few seconds."
    assert creating in polite  # after the passphrase's rating, settled on Enter
    (said,) = [e for e in a11y_events.events if e.message == creating]
    assert said.source is create.busy and not said.assertive
    # Said before the areas are built meanwhile (a second and more on the GUI thread):
    # after them, it waited until the journal was made, and then said nothing.
    assert a11y_events.events.index(said) < built_after[0]
    win.lock()


def test_an_export_says_it_has_started_and_its_result_after_the_focus_is_back(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, tmp_path, a11y_events: Recorder
):
    panel = panel_of(unlocked_window)
    settings = unlocked_window.settings_dialog
    panel.export_button.setFocus()
    qtbot.keyClick(panel.export_button, Qt.Key.Key_Return)
    dialog = unlocked_window.settings_dialog.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.choose_folder(tmp_path)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    a11y_events.clear()
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=30_000)
    # The window manager gives the focus back to Settings, a moment after the dialog
    # closed (Xvfb here has none, so the test does what it does).
    settings.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.export_button, timeout=5_000)
    polite = a11y_events.announcements(assertive=False)
    assert polite[-1].startswith("Your journal was exported to ")
    kinds = [e.kind for e in a11y_events.events]
    result = max(i for i, e in enumerate(a11y_events.events) if e.message == polite[-1])
    last_focus = max(i for i, kind in enumerate(kinds) if kind == QAccessible.Event.Focus)
    assert last_focus < result  # said once the focus is on "Export…", not cut off by it
    assert "Exporting your journal\u2026 this can take a while for a large journal." in polite
