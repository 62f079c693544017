"""What Solace writes to a place she chooses has neutral names (issue 16: "file names
are neutral"; break test 16 of session 11, finding g: `solace-export-…` and
`….solacebackup` named an app known to be about miscarriage on a shared USB stick).
The old `.solacebackup` files are still written to when she names one so, and
restored by content. Real journal, real files, the real Settings panel."""

from __future__ import annotations

from pathlib import Path

from journal.domain.common.file_names import BACKUP_FILTER
from journal.domain.common.local_time import today_local
from journal.storage.entries.repository import EntryRepository
from journal.storage.safekeeping.export import export_journal
from journal.storage.safekeeping.restore import restore
from journal.ui.body.export_pdf import DEFAULT_CSV_NAME, DEFAULT_PDF_NAME
from journal.ui.safekeeping.backup import BackupsPanel
from journal.ui.safekeeping.restore_dialog import FILE_FILTER
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries

NOT_NEUTRAL = ("solace", "miscarriage", "pregnan", "grief", "loss", "baby")


def names_under(place: Path) -> list[str]:
    return [p.name for p in place.rglob("*")]


def test_a_backup_file_and_an_export_on_a_stick_name_neither_the_app_nor_the_subject(
    qtbot, store, journal, data_dir, tmp_path
):
    write_entries(journal, 3)
    stick = tmp_path / "stick"
    stick.mkdir()
    day = today_local().isoformat()
    panel = BackupsPanel(journal)
    qtbot.addWidget(panel)
    panel.back_up_to(stick / f"journal-{day}")  # as the dialog offers it
    qtbot.waitUntil(lambda: not panel.working and not panel.checking, timeout=60_000)
    panel.back_up_to(stick / "old name.solacebackup")  # a name she typed: kept
    qtbot.waitUntil(lambda: not panel.working, timeout=30_000)
    exported = export_journal(journal.db, stick, [])

    assert (stick / f"journal-{day}.backup").is_file()
    assert (stick / "old name.solacebackup").is_file()
    assert exported.folder.name == f"journal-export-{day}"
    written = [n for n in names_under(stick) if n != "old name.solacebackup"]
    assert written and not [n for n in written if any(w in n.lower() for w in NOT_NEUTRAL)]
    for name in (DEFAULT_PDF_NAME, DEFAULT_CSV_NAME):
        assert not any(w in name.lower() for w in NOT_NEUTRAL)

    qtbot.waitUntil(lambda: not panel.checking, timeout=60_000)  # its check of kept ones
    panel.stop_checking()
    journal.lock()
    for archive in (stick / f"journal-{day}.backup", stick / "old name.solacebackup"):
        folder = restore(data_dir, archive, PASSPHRASE)  # judged by content, not by name
        opened = store.unlock(folder, PASSPHRASE)
        try:
            assert EntryRepository(opened.db).count() == 3
        finally:
            opened.lock()


def test_every_name_given_to_a_file_in_a_chosen_place_is_neutral():
    """The summary for a doctor, its CSV, the sealed words kept elsewhere when the disk
    was full at a lock (it was "Solace unsaved words.sealed"), a backup file's name."""
    from journal.domain.common.file_names import backup_file_name, export_folder_name
    from journal.ui.shell.held_words import ELSEWHERE_NAME

    day = today_local()
    names = (
        DEFAULT_PDF_NAME,
        DEFAULT_CSV_NAME,
        ELSEWHERE_NAME,
        backup_file_name(day),
        export_folder_name(day),
    )
    assert not [n for n in names if any(w in n.lower() for w in NOT_NEUTRAL)]


def test_the_backup_file_chooser_offers_the_new_and_the_old_kind():
    assert FILE_FILTER == BACKUP_FILTER
    assert "*.backup" in FILE_FILTER and "*.solacebackup" in FILE_FILTER
    assert "solace" not in FILE_FILTER.split("(")[0].lower()  # the words she sees


def test_an_unfinished_export_is_tidied_under_its_new_and_its_old_name(journal, tmp_path):
    """The hidden .partial folder an export cut short left is deleted at the next unlock,
    named as now or as before (an export cut short by an older Solace)."""
    from journal.storage.safekeeping.unfinished import UNFINISHED_EXPORT, remove_unfinished_export

    for name in (".journal-export-2026-12-01-2.partial", ".solace-export-2026-11-30.partial"):
        left = tmp_path / name
        left.mkdir()
        journal.db.set_setting(UNFINISHED_EXPORT, str(left))
        assert remove_unfinished_export(journal.db) == left
        assert not left.exists()
