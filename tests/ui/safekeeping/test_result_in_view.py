"""After an import or an export from Settings, the focus is back on the button that
started it and the line saying what it came to is in view under it (issue 16, trial
in the real window of session 20: after an import the focus was at the top of Settings,
on "Lock when idle for", and "11 entries were imported…" stood below the fold,
unseen). Real journal, real files, the dialogs driven as a person would."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from journal.ui.safekeeping.backup import BackupsPanel
from tests.conftest import PASSPHRASE


def settings_panel(qtbot, window) -> BackupsPanel:  # type: ignore[no-untyped-def]
    """Settings, shown (as she sees it before pressing anything), and its Backups part."""
    window.resize(1100, 720)
    window.show_settings()
    qtbot.waitExposed(window.settings_dialog)
    panel = window.settings_dialog.findChild(BackupsPanel)
    assert panel is not None
    return panel


def in_view(panel: BackupsPanel) -> bool:
    """Whether the result line is shown whole inside Settings' scrolled view."""
    shown = panel.message.visibleRegion().boundingRect()
    return shown.height() == panel.message.height() and panel.message.text() != ""


def test_after_an_import_the_focus_and_the_result_are_at_import(
    qtbot, unlocked_window, tmp_path: Path
):  # type: ignore[no-untyped-def]
    window = unlocked_window
    panel = settings_panel(qtbot, window)
    source = tmp_path / "jrnl.json"
    entry = {"date": "2024-01-02", "time": "10:00", "title": "Hi", "body": "there"}
    source.write_text(json.dumps({"tags": {}, "entries": [entry]}))
    dialog = panel.show_import()
    dialog.choose(source)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: in_view(panel), timeout=10_000)
    assert window.settings_dialog.focusWidget() is panel.import_button
    assert panel.message.text().startswith("1 entry was imported.")


def test_after_an_export_the_focus_and_the_result_are_at_export(
    qtbot, unlocked_window, tmp_path: Path
):  # type: ignore[no-untyped-def]
    window = unlocked_window
    panel = settings_panel(qtbot, window)
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    dialog = panel.show_export()
    dialog.choose_folder(chosen)
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: in_view(panel), timeout=10_000)
    assert window.settings_dialog.focusWidget() is panel.export_button
    assert panel.message.text().startswith("Your journal was exported to ")

