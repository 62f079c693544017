"""Every file chooser opens in a sensible place, never in the folder Solace was started
from (break test 16 of session 10, finding 4): the last folder the person chose for
that kind of file, in memory only (never in a file: issue 14), else Documents or the
home folder; a folder inside Solace's data folder is never remembered. Qt's own
choosers are answered here (the start folder they are given is what is checked); the
dialogs, preferences and journal are the real ones."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from journal.domain.body.temperature import TemperatureUnit
from journal.storage.body.repository import BodyRepository
from journal.ui.common import file_places
from journal.ui.common.file_places import Place, default_folder, forget_folders, remember
from journal.ui.safekeeping.backup import BackupsPanel
from journal.ui.safekeeping.export_dialog import ExportDialog
from journal.ui.safekeeping.import_dialog import ImportDialog
from journal.ui.safekeeping.restore_dialog import RestoreDialog


class Choosers:
    """Solace's chooser (`file_places.ask`), answered with ``answer`` (a path, or ""
    for Cancel); each start it was given is kept in ``asked`` by caption."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answer = ""
        self.asked: dict[str, Path] = {}

        def ask(
            _mode: Any, _parent: Any, caption: str, start: str = "", *_a: Any, **_k: Any
        ) -> str:
            self.asked[caption] = Path(start)
            return self.answer

        monkeypatch.setattr(file_places, "ask", ask)

    def folder_of(self, caption: str) -> Path:
        start = self.asked[caption]
        return start.parent if start.suffix else start


@pytest.fixture
def choosers(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    started_in = tmp_path / "started here"
    started_in.mkdir()
    monkeypatch.chdir(started_in)  # the working folder the app was started from
    forget_folders()  # as a fresh process
    yield Choosers(monkeypatch)
    forget_folders()


def open_every_chooser(qtbot, window, store) -> None:  # type: ignore[no-untyped-def]
    """Open (and cancel) each chooser of the open journal, by its button where it has one."""
    window.show_settings()
    panel = window.settings_dialog.findChild(BackupsPanel)
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    export = ExportDialog(window.journal, window)
    qtbot.mouseClick(export.choose_button, Qt.MouseButton.LeftButton)
    importing = ImportDialog(window.journal, window)
    qtbot.mouseClick(importing.file_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(importing.folder_button, Qt.MouseButton.LeftButton)
    restoring = RestoreDialog(store, window.journal.folder, window)
    qtbot.mouseClick(restoring.file_button, Qt.MouseButton.LeftButton)
    from journal.ui.body.export_dialog import ExportDialog as SummaryDialog

    summary = SummaryDialog(
        BodyRepository(window.journal.db), lambda _p: True, TemperatureUnit.CELSIUS, date.today()
    )
    summary.choose_path("summary.pdf", "PDF (*.pdf)")
    from journal.ui.together.start import StartPage

    StartPage().choose_folder()
    for dialog in (export, importing, restoring, summary):
        dialog.deleteLater()


CAPTIONS = (
    "Back up to a file",
    "Choose where to export",
    "Choose a journal export",
    "Choose a journal folder",
    "Choose a backup file",
    "Save the summary",
    "Choose the folder of your partner's journal",
)


def test_every_chooser_opens_in_documents_or_home_not_where_solace_started(
    qtbot, unlocked_window, choosers, store
):
    open_every_chooser(qtbot, unlocked_window, store)
    assert set(choosers.asked) == set(CAPTIONS)
    for caption in CAPTIONS:
        assert choosers.folder_of(caption) == default_folder(), caption
        assert choosers.folder_of(caption) != Path.cwd(), caption
    offered = choosers.asked["Back up to a file"].name  # and its name, neutral (11g)
    assert offered.startswith("journal-") and offered.endswith(".backup")
    assert "solace" not in choosers.asked["Save the summary"].name.lower()


def test_each_chooser_opens_where_the_person_last_chose_for_that_kind(
    qtbot, unlocked_window, choosers, tmp_path, data_dir, store
):
    window = unlocked_window
    usb = tmp_path / "usb"
    usb.mkdir()
    choosers.answer = str(usb / "chosen.solacebackup")
    restoring = RestoreDialog(store, window.journal.folder, window)
    qtbot.mouseClick(restoring.file_button, Qt.MouseButton.LeftButton)
    assert restoring.chosen_file == usb / "chosen.solacebackup"
    choosers.answer = ""

    qtbot.mouseClick(restoring.file_button, Qt.MouseButton.LeftButton)
    assert choosers.folder_of("Choose a backup file") == usb.resolve()
    window.show_settings()  # another kind starts where it did
    panel = window.settings_dialog.findChild(BackupsPanel)
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    assert choosers.folder_of("Back up to a file") == default_folder()

    # Never written anywhere: no file of the data folder names the folder chosen.
    for kept in data_dir.rglob("*"):
        if kept.is_file():
            assert str(usb.resolve()).encode() not in kept.read_bytes(), kept

    # A file chosen inside Solace's data folder (a journal's backups) is not remembered.
    choosers.answer = str(window.journal.folder / "backups")
    qtbot.mouseClick(restoring.file_button, Qt.MouseButton.LeftButton)
    choosers.answer = ""
    qtbot.mouseClick(restoring.file_button, Qt.MouseButton.LeftButton)
    assert choosers.folder_of("Choose a backup file") == usb.resolve()
    restoring.deleteLater()


def test_a_remembered_folder_inside_the_data_folder_or_gone_is_not_offered(
    qtbot, unlocked_window, choosers, data_dir, tmp_path
):
    window = unlocked_window
    remember(Place.BACKUP, window.journal.folder)
    window.show_settings()
    panel = window.settings_dialog.findChild(BackupsPanel)
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    assert choosers.folder_of("Back up to a file") == default_folder()
    stick = tmp_path / "unplugged stick"
    stick.mkdir()
    remember(Place.BACKUP, stick)
    stick.rmdir()
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    assert choosers.folder_of("Back up to a file") == default_folder()


def test_plain_text_is_never_written_inside_solace_s_own_folder(
    qtbot, unlocked_window, choosers, data_dir
):  # type: ignore[no-untyped-def]
    """Break test 16 of session 12, finding 8: an export into a journal's backups folder
    was accepted, and the journal's whole text lay in plain files where everything is
    encrypted. The export and the summary for the doctor now say why and write
    nothing there; a folder outside is taken as before."""
    from journal.storage.places import IN_DATA_FOLDER
    from journal.ui.body.export_dialog import ExportDialog as SummaryDialog
    from tests.conftest import PASSPHRASE

    window = unlocked_window
    inside = window.journal.folder / "backups"
    before = sorted(data_dir.rglob("*"))
    export = ExportDialog(window.journal, window)
    qtbot.addWidget(export)
    export.show()
    choosers.answer = str(inside)
    qtbot.mouseClick(export.choose_button, Qt.MouseButton.LeftButton)
    assert export.folder is None
    assert IN_DATA_FOLDER in export.folder_note.text()
    assert export.focusWidget() is export.choose_button

    summary = SummaryDialog(
        BodyRepository(window.journal.db),
        window.journal.check_passphrase,
        TemperatureUnit.CELSIUS,
        date.today(),
    )
    qtbot.addWidget(summary)
    choosers.answer = str(inside / "summary.pdf")
    qtbot.keyClicks(summary.passphrase, PASSPHRASE)
    summary.pdf_button.click()
    qtbot.waitUntil(lambda: IN_DATA_FOLDER in summary.status.text(), timeout=10_000)
    assert sorted(data_dir.rglob("*")) == before


def test_back_up_now_refuses_solace_s_own_folder_and_names_the_file_it_would_replace(
    qtbot, unlocked_window, choosers, data_dir, tmp_path
):  # type: ignore[no-untyped-def]
    """Break test 16 of session 12, finding 7: "Back up now…" took a place inside the
    journal's own folder (the live journal.db typed: Qt asked to replace journal.db,
    and journal.db.backup was written beside the database), and Settings called that
    the last backup file. Now it says why under the button and writes nothing there;
    a file of the same name elsewhere is replaced only after a question naming the file
    that is written."""
    from journal.storage.places import BACKUP_IN_DATA_FOLDER

    window = unlocked_window
    window.show_settings()
    panel = window.settings_dialog.findChild(BackupsPanel)
    before = sorted(data_dir.rglob("*"))
    choosers.answer = str(window.journal.folder / "journal.db")
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    assert BACKUP_IN_DATA_FOLDER in panel.message.text()
    assert not panel.working
    assert sorted(data_dir.rglob("*")) == before

    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "copy.backup").write_bytes(b"an older backup")
    choosers.answer = str(usb / "copy")  # the suffix is added: copy.backup is written
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    question = panel.replace_question
    assert question is not None and question.isVisible()
    assert "“copy.backup”" in question.question_label.text()
    assert f"“copy.backup” is already in {usb}" in question.detail_label.text()
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # "Keep it"
    assert (usb / "copy.backup").read_bytes() == b"an older backup"
    assert not panel.working
    # Said, not ended in silence (break test 16 of session 25, F7).
    assert panel.message.text().startswith("Nothing was backed up: “copy.backup” in ")


def test_the_refusal_of_a_folder_goes_once_a_good_folder_is_chosen(
    qtbot, unlocked_window, choosers, tmp_path
):  # type: ignore[no-untyped-def]
    """Break test 16 of session 12, finding 3: Export kept saying "That folder is
    inside Solace's own folder…" under a good folder chosen since, until Export was
    pressed. The refusal stays while another folder inside is chosen, and goes with
    the first folder that may take the export, even the one chosen before it."""
    from journal.storage.places import IN_DATA_FOLDER

    window = unlocked_window
    inside = window.journal.folder / "backups"
    good = tmp_path / "for the export"
    good.mkdir()
    export = ExportDialog(window.journal, window)
    qtbot.addWidget(export)
    export.show()
    for folder, refused in ((inside, True), (good, False), (inside, True), (inside, True)):
        choosers.answer = str(folder)
        qtbot.mouseClick(export.choose_button, Qt.MouseButton.LeftButton)
        assert (IN_DATA_FOLDER in export.folder_note.text()) is refused
        assert bool(export.folder_note.text()) is refused
    choosers.answer = str(good)  # the same folder as the one shown: taken again
    qtbot.mouseClick(export.choose_button, Qt.MouseButton.LeftButton)
    assert export.folder == good and not export.folder_note.text()


def test_an_export_s_refusals_go_once_their_field_is_given_a_value(
    qtbot, unlocked_window, choosers, tmp_path
):  # type: ignore[no-untyped-def]
    """ "Please choose a folder…" goes with a folder chosen, "Please type your
    passphrase…" with the first key typed in it; a refusal about one field stays
    while another changes."""
    window = unlocked_window
    export = ExportDialog(window.journal, window)
    qtbot.addWidget(export)
    export.show()
    qtbot.keyClicks(export.passphrase, "a")
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    assert "choose a folder" in export.folder_note.text()
    qtbot.keyClicks(export.passphrase, "b")  # not the folder: the refusal stays
    assert "choose a folder" in export.folder_note.text()
    choosers.answer = str(tmp_path)
    qtbot.mouseClick(export.choose_button, Qt.MouseButton.LeftButton)
    assert not export.folder_note.text()
    export.passphrase.clear()
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    assert "type your passphrase" in export.footer.error.text()
    qtbot.keyClicks(export.passphrase, "q")
    assert not export.footer.error.text()


def test_restore_and_rescue_refusals_go_once_their_field_is_typed_in(
    qtbot, unlocked_window, store, tmp_path
):  # type: ignore[no-untyped-def]
    """The same rule in the other safekeeping dialogs: Restore's "Please type the
    passphrase…" and Rescue's "Please give the new journal a name." go with the
    first key typed in their field."""
    from journal.storage.safekeeping.status import back_up_to
    from journal.ui.safekeeping.rescue_dialog import RescueDialog

    window = unlocked_window
    backup = back_up_to(window.journal, tmp_path / "journal-2026-12-01.backup")
    restoring = RestoreDialog(store, window.journal.folder, window)
    qtbot.addWidget(restoring)
    restoring.show()
    restoring.choose_file(backup)
    qtbot.mouseClick(restoring.restore_button, Qt.MouseButton.LeftButton)
    assert "Please type the passphrase" in restoring.footer.error.text()
    qtbot.keyClicks(restoring.passphrase, "q")
    assert not restoring.footer.error.text()

    rescue = RescueDialog(store, window.journal.folder, window.journal.info.name, window)
    qtbot.addWidget(rescue)
    rescue.show()
    qtbot.keyClicks(rescue.passphrase, "q")
    rescue.new_name.clear()
    qtbot.mouseClick(rescue.footer.primary, Qt.MouseButton.LeftButton)
    assert "give the new journal a name" in rescue.footer.error.text()
    qtbot.keyClicks(rescue.new_name, "Kept words")
    assert not rescue.footer.error.text()


def test_back_up_now_over_another_journal_s_backup_file_says_whose_it_is(
    qtbot, unlocked_window, choosers, store, tmp_path
):  # type: ignore[no-untyped-def]
    """Break test 16 of session 18, finding 9: over the only backup file of a partner's
    journal "Rowan", "Back up now…" asked only "Replace “rowan.backup”?", though Solace
    reads whose it is without a passphrase (the Restore list names it)."""
    from journal.domain.safekeeping.rotation import Reason
    from journal.storage.lock.keys import LIGHT_KDF
    from journal.storage.safekeeping.archive import write_archive
    from tests.conftest import PASSPHRASE

    usb = tmp_path / "usb"
    usb.mkdir()
    other, _key = store.create("Rowan", PASSPHRASE, LIGHT_KDF)
    made = other.backup(Reason.MANUAL)
    write_archive(made.database, made.header, made.taken_at, usb / "rowan.backup")
    other.lock()
    before = (usb / "rowan.backup").read_bytes()

    unlocked_window.show_settings()
    panel = unlocked_window.settings_dialog.findChild(BackupsPanel)
    choosers.answer = str(usb / "rowan.backup")
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    question = panel.replace_question
    assert question is not None and question.isVisible()
    said = question.detail_label.text()
    assert "It is a backup of another journal, “Rowan”, made on " in said
    assert "replacing it leaves “Rowan” without this backup" in said
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # "Keep it", the default
    assert (usb / "rowan.backup").read_bytes() == before


def test_back_up_now_opens_where_the_last_backup_file_went_after_a_new_start(
    qtbot, unlocked_window, choosers, tmp_path
):
    """Settings shows the folder of the last backup file; "Back up now…" opens there,
    from the journal's encrypted database, although a lock (a new process) forgot every
    folder chosen (break test 16 of session 24, finding 2: it opened in the home
    folder)."""
    from journal.storage.safekeeping.status import back_up_to

    window = unlocked_window
    usb = tmp_path / "usb stick"
    usb.mkdir()
    back_up_to(window.journal, usb / "journal-2026-12-01.backup")
    forget_folders()  # as after a lock, which replaces the process

    window.show_settings()
    panel = window.settings_dialog.findChild(BackupsPanel)
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    assert choosers.folder_of("Back up to a file") == usb

    usb.rename(tmp_path / "unplugged")  # gone since: the default, not a missing folder
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    assert choosers.folder_of("Back up to a file") == default_folder()


def test_the_chooser_never_opens_the_files_it_lists(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 16, break test of session 25: Qt's chooser read the start of each file it
    listed to name its type, and a file that blocks a reader (/proc/kmsg, with a path
    in /proc typed in Back up…) froze Solace for good. The chooser names a file by its
    name alone: one without an extension holding a PNG's first bytes is "File" (Qt's
    own provider reads it and says "PNG image")."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtWidgets import QFileIconProvider

    from journal.ui.common.file_places import Mode, PlainIcons, chooser

    sniffed = tmp_path / "kmsg"
    sniffed.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 32)
    info = QFileInfo(str(sniffed))
    assert QFileIconProvider().type(info) == "PNG image"  # Qt's reads the file
    for mode in Mode:
        dialog = chooser(mode, None, "Choose", str(tmp_path))  # type: ignore[arg-type]
        icons = dialog.iconProvider()
        assert isinstance(icons, PlainIcons)
        assert icons.type(info) == "File"
        assert icons.type(QFileInfo(str(tmp_path / "journal.json"))) == "JSON file"
        assert not icons.icon(info).isNull()
        dialog.deleteLater()
