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
from tests.ui.safekeeping.test_file_places import choosers

__all__ = ["choosers"]  # the fixture, used here


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


def test_back_up_now_with_the_key_file_gone_says_so(qtbot, unlocked_window, tmp_path):
    """Break test 16 of session 18, finding 10: with vault.json moved away by something
    outside Solace, "Back up now…" said "Solace could not save just now (No such file
    or directory)… it will try again", though saving went on, nothing was retried and
    the missing key file was never named."""
    write_entries(unlocked_window.journal, 5)
    panel = panel_of(unlocked_window)
    key_file = unlocked_window.journal.folder / "vault.json"
    key_file.rename(tmp_path / "moved-away.json")
    target = tmp_path / "backup.solacebackup"
    panel.back_up_to(target)
    qtbot.waitUntil(lambda: not panel.working, timeout=60_000)
    said = panel.message.text()
    assert "key file (vault.json) is missing from its folder" in said
    assert "No such file" not in said and "try again" not in said
    assert panel.message.kind == "error" and not target.exists()


def test_back_up_now_with_the_key_file_damaged_writes_nothing_and_says_so(
    qtbot, unlocked_window, tmp_path
):
    """Break test 16 of session 18, re-test R6: with vault.json damaged on the disk while
    the journal was open, "Back up now…" wrote a backup holding the damaged key file and
    said it opened with the passphrase; only the recovery key opened it."""
    from tests.storage.lock.test_one_part_damaged import damage

    write_entries(unlocked_window.journal, 5)
    panel = panel_of(unlocked_window)
    damage(
        unlocked_window.journal.folder, ["passphrase"], {"memory_kib": 4294967295}, checksum=False
    )
    target = tmp_path / "backup.solacebackup"
    panel.back_up_to(target)
    qtbot.waitUntil(lambda: not panel.working, timeout=60_000)
    said = panel.message.text()
    assert "key file (vault.json) was changed on the disk" in said
    assert panel.message.kind == "error" and not target.exists()


def test_back_up_now_with_another_journals_key_file_in_place_writes_nothing_and_says_whose(
    qtbot, store, unlocked_window, tmp_path
):
    """The kind of break test 16 of session 18, re-test R5, met while the journal is
    open: another journal's sound key file copied into its folder (a sync mixing two
    folders) passed the check of R6, so "Back up now…" wrote a backup holding it, said
    it opened with the passphrase, and the file was another journal's backup."""
    write_entries(unlocked_window.journal, 5)
    other, _ = store.create("Rowan", "the other passphrase", LIGHT_KDF)
    other.lock()
    folder = unlocked_window.journal.folder
    (folder / "vault.json").write_bytes((other.folder / "vault.json").read_bytes())
    panel = panel_of(unlocked_window)
    target = tmp_path / "backup.solacebackup"
    panel.back_up_to(target)
    qtbot.waitUntil(lambda: not panel.working, timeout=60_000)
    said = panel.message.text()
    assert "belongs to another journal, “Rowan”" in said
    assert "would not open with your passphrase" in said
    assert panel.message.kind == "error" and not target.exists()


def test_back_up_now_with_the_key_file_damaged_says_so_before_asking_anything(
    qtbot, unlocked_window, tmp_path, choosers
):
    """The order of finding 3's remainder (break test 16 of session 18), in "Back up
    now…": with the key file damaged, it opened the chooser and asked "Replace
    “journal.backup”?" over an older backup, and only after "Replace it" said that no
    backup could be made. Now it says so at once; nothing is asked or written."""
    from tests.storage.lock.test_one_part_damaged import damage

    damage(
        unlocked_window.journal.folder, ["passphrase"], {"memory_kib": 4294967295}, checksum=False
    )
    older = tmp_path / "journal.backup"
    older.write_bytes(b"an older backup kept here")
    choosers.answer = str(older)
    panel = panel_of(unlocked_window)
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    assert choosers.asked == {} and panel.replace_question is None
    assert "key file (vault.json) was changed on the disk" in panel.message.text()
    assert panel.message.kind == "error"
    assert older.read_bytes() == b"an older backup kept here"
