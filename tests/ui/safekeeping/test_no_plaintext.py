"""No plaintext anywhere: after a session with a backup file, a restore, an export to
a chosen folder and an import, canary words are found only in the export folder
the person chose: not in the data folder, its backups, the backup file, the temp
folder, the settings file or the log."""

from __future__ import annotations

import logging
import tempfile

from PySide6.QtCore import Qt

from journal.domain.body.log import BodyLog
from journal.storage.body.repository import BodyRepository
from journal.storage.entries.repository import EntryRepository
from journal.ui.safekeeping.backup import BackupsPanel
from journal.ui.safekeeping.restore_dialog import RestoreDialog
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import START, write_entries
from tests.ui.shell.test_canary import CANARY, files_under, holds_canary


def test_canaries_only_in_the_chosen_export_folder(
    qtbot, unlocked_window, data_dir, caplog, tmp_path, monkeypatch
):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    caplog.set_level(logging.DEBUG)
    window = unlocked_window
    write_entries(window.journal, 5, word=CANARY)
    BodyRepository(window.journal.db).save_log(
        BodyLog(id="log-1", logged_at=START, note=f"{CANARY} in a body note")
    )
    window.show_settings()
    panel = window.settings_dialog.findChild(BackupsPanel)

    usb = tmp_path / "usb"
    usb.mkdir()
    panel.back_up_to(usb / "copy")
    qtbot.waitUntil(lambda: not panel.working, timeout=20_000)

    chosen = tmp_path / "chosen"
    chosen.mkdir()
    export = panel.show_export()
    export.choose_folder(chosen)
    export.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(export.exported, timeout=30_000):
        qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    (exported,) = chosen.iterdir()

    importing = panel.show_import()
    importing.choose(exported / "journal.json")
    qtbot.waitUntil(lambda: "already in your journal" in importing.summary.text(), timeout=10_000)
    importing.reject()

    panel.restore_requested.emit()  # locks first, then the dialog opens

    def shown() -> list[RestoreDialog]:
        return [w for w in window.findChildren(RestoreDialog) if w.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()), timeout=10_000)
    assert window.is_locked
    (restore,) = shown()
    restore.choose_file(usb / "copy.backup")  # named neutrally (file_names)
    restore.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=30_000):
        qtbot.mouseClick(restore.restore_button, Qt.MouseButton.LeftButton)
    assert EntryRepository(window.journal.db).count() == 5
    window.lock()

    assert any(holds_canary(p) for p in files_under(exported))
    leaks = [p for p in files_under(data_dir) if holds_canary(p)]
    leaks += [p for p in files_under(usb) if holds_canary(p)]
    leaks += [p for p in files_under(temp) if holds_canary(p)]
    assert leaks == []
    assert CANARY not in caplog.text
    assert any((data_dir / "journals").rglob("backups/*/journal.db"))
