"""The line under Settings' safekeeping buttons says what the latest backup file,
export or import came to, and never names a place that is gone (break test 16 of
session 11, finding 11h: after a failed export, "Your journal was exported to
…/solace-export-2026-12-01" stayed there, though that folder had been deleted)."""

from __future__ import annotations

import resource
import shutil

from PySide6.QtCore import Qt

from journal.storage import migrate
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.safekeeping.export import export_journal
from journal.ui.safekeeping.backup import BackupsPanel
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries


def panel_of(window) -> BackupsPanel:  # type: ignore[no-untyped-def]
    window.show_settings()
    return window.settings_dialog.findChild(BackupsPanel)


def export_to(qtbot, panel, folder):  # type: ignore[no-untyped-def]
    """Export through the dialog into ``folder``; the dialog, left open on a failure."""
    dialog = panel.show_export()
    dialog.choose_folder(folder)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.working, timeout=30_000)
    return dialog


def test_a_failed_export_replaces_the_note_of_the_one_before(qtbot, unlocked_window, tmp_path):
    write_entries(unlocked_window.journal, 5)
    panel = panel_of(unlocked_window)
    first = tmp_path / "usb"
    first.mkdir()
    export_to(qtbot, panel, first)
    (written,) = first.iterdir()
    assert str(written) in panel.message.text() and panel.message.isVisible()

    gone = tmp_path / "small"  # chosen, then taken away before the export ran
    gone.mkdir()
    dialog = panel.show_export()
    dialog.choose_folder(gone)
    gone.rmdir()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30_000)
    said = dialog.error.text()
    assert "no export was written there" in said
    assert panel.message.text() == said and panel.message.kind == "error"
    assert str(written) not in panel.message.text()  # the older export is not the latest
    dialog.reject()

    dialog = panel.show_export()  # a passphrase mistyped tries nothing: the line stays
    dialog.choose_folder(first)
    qtbot.keyClicks(dialog.passphrase, "not my passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30_000)
    assert panel.message.text() == said
    dialog.reject()


def test_a_note_naming_a_deleted_export_or_backup_file_goes(qtbot, unlocked_window, tmp_path):
    write_entries(unlocked_window.journal, 5)
    panel = panel_of(unlocked_window)
    chosen = tmp_path / "small"
    chosen.mkdir()
    export_to(qtbot, panel, chosen)
    (written,) = chosen.iterdir()
    assert str(written) in panel.message.text()
    shutil.rmtree(written)  # deleted in a file manager to make room
    panel.refresh()  # Settings looked at again
    assert not panel.message.isVisible() and panel.message.text() == ""

    target = tmp_path / "backup.solacebackup"
    panel.back_up_to(target)
    qtbot.waitUntil(lambda: not panel.working, timeout=60_000)
    assert str(target) in panel.message.text()
    target.unlink()
    panel.refresh()
    assert not panel.message.isVisible()


def test_a_failed_import_replaces_the_note_of_the_one_before(
    qtbot, unlocked_window, store, tmp_path
):
    other, _ = store.create("Another", PASSPHRASE, LIGHT_KDF)
    write_entries(other, 3, word="from elsewhere")
    done = export_journal(other.db, tmp_path, sorted(migrate.current_revisions(other.db.engine)))
    write_entries(other, 40, start=3, word="more from elsewhere " * 40)
    more = export_journal(other.db, tmp_path, sorted(migrate.current_revisions(other.db.engine)))
    other.lock()
    panel = panel_of(unlocked_window)
    dialog = panel.show_import()
    dialog.choose(done.folder / "journal.json")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=30_000)
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "3 entries were imported" in panel.message.text()

    dialog = panel.show_import()
    dialog.choose(more.folder / "journal.json")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=30_000)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))  # no room for its backup
    try:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30_000)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    said = dialog.error.text()
    assert "Nothing was imported." in said
    assert panel.message.text() == said and "were imported" not in panel.message.text()
    dialog.reject()
