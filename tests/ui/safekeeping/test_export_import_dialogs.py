"""Export and import through Settings: the passphrase asked again, "not encrypted"
said before anything is written, progress, a preview before an import writes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.safekeeping.export import export_journal
from journal.ui.safekeeping.backup import BackupsPanel
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.shared_files import SAMPLES
from tests.storage.safekeeping.helpers import write_entries


def panel_of(window) -> BackupsPanel:
    window.show_settings()
    return window.settings_dialog.findChild(BackupsPanel)


def test_export_asks_the_passphrase_again_and_says_it_is_not_encrypted(
    qtbot, unlocked_window, tmp_path
):
    write_entries(unlocked_window.journal, 450)
    panel = panel_of(unlocked_window)
    dialog = panel.show_export()
    texts = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert "The export is not encrypted." in texts
    # Where the Markdown files' backslashes come from (break test 44, F6).
    assert "a backslash goes before punctuation another app would take as formatting" in texts
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    dialog.choose_folder(chosen)
    qtbot.keyClicks(dialog.passphrase, "not my passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    # While the passphrase is checked the dialog says so, not "Exporting…"; a wrong one
    # is wrong only, never "or the file is damaged" of this open, working journal
    # (break test 16 of session 20, L2).
    assert dialog.footer.doing_line.text().startswith("Checking your passphrase")
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "not this journal's passphrase" in dialog.error.text()
    assert "damaged" not in dialog.error.text()
    assert list(chosen.iterdir()) == []
    # Heard with the field too, until it changes (break test 15 of session 29, F13).
    assert "not this journal's passphrase" in dialog.passphrase.accessibleDescription()
    dialog.passphrase.setText(PASSPHRASE)
    assert "passphrase" not in dialog.passphrase.accessibleDescription().casefold()
    values: list[int] = []
    dialog.bar.valueChanged.connect(values.append)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    (folder,) = chosen.iterdir()
    assert len(list((folder / "entries").iterdir())) == 450
    assert 200 in values and 450 in values  # progress moved as entries were written
    assert "not encrypted" in panel.message.text()


def test_import_shows_a_preview_then_adds_the_entries_once(qtbot, unlocked_window, store, tmp_path):
    other, _ = store.create("Another", PASSPHRASE, LIGHT_KDF)
    write_entries(other, 12, word="from elsewhere")
    result = export_journal(other.db, tmp_path, sorted(migrate.current_revisions(other.db.engine)))
    other.lock()
    window = unlocked_window
    write_entries(window.journal, 3)
    panel = panel_of(window)
    dialog = panel.show_import()
    dialog.choose(result.folder / "journal.json")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert "a Solace export: 12 entries" in dialog.summary.text()
    assert "12 new entries would be added." in dialog.summary.text()
    assert EntryRepository(window.journal.db).count() == 3  # nothing written yet
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert EntryRepository(window.journal.db).count() == 15
    assert "12 entries were imported" in panel.message.text()
    # a backup holds them at once, and Settings does not say otherwise (finding 1)
    assert "A backup of your journal with what was imported, and one of it as it was" in (
        panel.message.text()
    )
    qtbot.waitUntil(lambda: not panel.checking, timeout=60_000)  # off the GUI thread
    assert "Newest backup: " in panel.status.text()
    assert "taken right after an import" in panel.status.text()
    assert "no backup holds it" not in panel.status.text()

    again = panel.show_import()
    again.choose(result.folder / "journal.json")
    qtbot.waitUntil(lambda: "already in your journal" in again.summary.text(), timeout=10_000)
    assert not again.import_button.isEnabled()
    again.reject()


def test_a_large_file_s_preview_says_what_it_reads_and_how_far_it_has_come(
    qtbot, unlocked_window, tmp_path
):
    """The preview of a 46 MB jrnl export showed a bar alone for 40 s, which reads as a
    hang (break test 16 of session 18, finding 1): the words above the bar say which
    file is read, and how many of its entries so far."""
    import json

    entries = [
        {"date": "2020-01-02", "time": f"{n % 24:02d}:00", "title": f"Day {n}", "body": "b"}
        for n in range(3000)
    ]
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps({"tags": {}, "entries": entries}))
    dialog = panel_of(unlocked_window).show_import()
    # Every wording the line above the bar is given, with whether the line was shown
    # then: a poll of the screen could miss a wording that lasted one step.
    line = dialog.footer.doing_line
    seen: list[tuple[str, bool]] = []
    set_text = line.setText

    def recording(text: str) -> None:
        seen.append((text, line.isVisibleTo(dialog)))
        set_text(text)

    line.setText = recording  # type: ignore[method-assign]
    dialog.choose(huge)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=60_000)
    assert any(t.startswith("Reading huge.json\u2026") for t, _ in seen)
    assert any("of 3,000 entries" in t and shown for t, shown in seen)
    assert "3,000 entries" in dialog.summary.text()


def test_a_file_that_is_not_an_export_is_refused_with_a_reason(qtbot, unlocked_window, tmp_path):
    odd = tmp_path / "notes.json"
    odd.write_text('{"hello": "world"}')
    dialog = panel_of(unlocked_window).show_import()
    dialog.choose(odd)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "does not recognise this JSON file" in dialog.error.text()
    assert "Nothing was imported." in dialog.error.text()


def test_back_up_export_and_import_are_in_the_file_menu_only_while_open(qtbot, window):
    from journal.ui.safekeeping.export_dialog import ExportDialog
    from journal.ui.safekeeping.import_dialog import ImportDialog
    from journal.ui.shell.actions import ActionId

    actions = [window.action_by_id[a] for a in (ActionId.BACK_UP, ActionId.EXPORT, ActionId.IMPORT)]
    assert [a.isEnabled() for a in actions] == [False, False, False]
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()
    assert [a.isEnabled() for a in actions] == [True, True, True]
    actions[1].trigger()
    export = window.findChild(ExportDialog)
    assert export is not None and export.isVisible()
    export.reject()
    actions[2].trigger()
    importing = window.findChild(ImportDialog)
    assert importing is not None and importing.isVisible()
    importing.reject()


def test_each_dialog_s_error_is_read_as_its_words_and_announced(qtbot, store, journal):
    """A screen reader reads the error's own words (the name was once "Message",
    which hid them) and hears it announced: the shared footer's error `Message`."""
    from PySide6.QtGui import QAccessible

    from journal.ui.common.accessibility import Message
    from journal.ui.safekeeping.export_dialog import ExportDialog
    from journal.ui.safekeeping.import_dialog import ImportDialog
    from journal.ui.safekeeping.restore_dialog import RestoreDialog

    for dialog in (
        ExportDialog(journal),
        ImportDialog(journal),
        RestoreDialog(store, journal.folder),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.show_error("The folder is not there any more.")
        assert isinstance(dialog.error, Message) and dialog.error.isVisible()
        read = QAccessible.queryAccessibleInterface(dialog.error).text(QAccessible.Text.Name)
        assert read == "The folder is not there any more."
        dialog.show_error("")
        assert not dialog.error.isVisible()
        dialog.reject()


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the shared samples are not here")
@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles"])
def test_import_preview_gives_each_entry_its_own_day_and_every_line_can_be_read(
    qtbot, unlocked_window, monkeypatch, zone
):
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        dialog = panel_of(unlocked_window).show_import()
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.choose(SAMPLES / "dayone" / "macos-2024-invalid-text.json")
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    finally:
        monkeypatch.undo()
        time.tzset()
    text = dialog.summary.text()
    # All-day entries at local midnight in Dublin and London are on 17 April, not 16.
    assert "5 entries, from Wednesday 17 April 2024 to Sunday 21 April 2024." in text
    assert text.endswith(
        "1 entry could not be read and is left out (entry 6, uuid 1461153D…: its text is "
        "not text); that holds none of the others back."
    )
    # The last line is not cut off: the summary has the full height its text needs.
    summary = dialog.summary
    qtbot.waitUntil(lambda: summary.height() >= summary.heightForWidth(summary.width()))
    dialog.reject()


def fully_shown(widget) -> bool:
    """Every line of a word-wrapped label is inside its window (none cut off)."""
    bottom = widget.mapTo(widget.window(), widget.rect().bottomLeft()).y()
    return (
        widget.isVisible()
        and widget.height() >= widget.heightForWidth(widget.width())
        and bottom <= widget.window().height()
    )


@pytest.mark.skipif(not Path("/sys").is_dir(), reason="no /sys here")
def test_an_export_to_a_place_that_cannot_be_written_is_told_whole_and_about_that_place(
    qtbot, unlocked_window
):
    write_entries(unlocked_window.journal, 3)
    dialog = panel_of(unlocked_window).show_export()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.choose_folder(Path("/sys"))  # sysfs: cannot be written, even by root
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30_000)
    text = dialog.error.text()
    assert text.startswith("The folder you chose cannot be written to (it is read-only)")
    assert "no export was written there, in /sys. Your journal is untouched" in text
    assert "Solace will not try again by itself." in text  # break test 16, S15, 1
    assert "will try again" not in text and "window" not in text
    qtbot.waitUntil(lambda: fully_shown(dialog.error))
    dialog.reject()


@pytest.mark.skipif(not Path("/sys").is_dir(), reason="no /sys here")
def test_back_up_now_to_a_place_that_cannot_be_written_names_that_place(qtbot, unlocked_window):
    panel = panel_of(unlocked_window)
    panel.backup_button.setFocus()
    panel.back_up_to(Path("/sys/backup.solacebackup"))
    qtbot.waitUntil(lambda: not panel.working, timeout=60_000)
    text = panel.message.text()
    assert text.startswith("The folder you chose cannot be written to (it is read-only)")
    assert "no backup was written there, in /sys. Your journal is untouched" in text
    assert "Something went wrong" not in text and "window" not in text
    assert panel.message.wordWrap()
    qtbot.waitUntil(lambda: panel.backup_button.hasFocus())  # Enter does not open Restore


def test_an_export_with_pad_changes_solace_cannot_read_leaves_them_out_and_hides_nothing(
    qtbot, unlocked_window, tmp_path, caplog
):
    """Break test 10, finding 2: 255 pad changes soaked "soaked" went in, and the whole
    body log then looked empty after "Something went wrong"; the preview contradicted
    itself (12b), and quitting said the journal did not close cleanly (12h)."""
    import json
    from datetime import UTC, datetime, timedelta

    from journal.domain.body.log import BleedingLevel, BodyLog, PadChange, PadKind, Soaking
    from journal.storage.body.repository import BodyRepository

    window = unlocked_window
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=3)
    body = BodyRepository(window.journal.db)
    for n in range(5):
        body.save_log(BodyLog(f"own-{n}", start + timedelta(hours=n), BleedingLevel.MEDIUM))
    for n in range(4):
        body.save_pad_change(
            PadChange(f"pad-{n}", start + timedelta(hours=n), PadKind.REGULAR, Soaking.FULLY)
        )
    moment = (start - timedelta(days=30)).isoformat()
    tables = {
        "body_logs": [{"id": f"in-{n}", "logged_at": moment, "note": str(n)} for n in range(170)],
        "body_pad_changes": [
            {"id": f"in-pad-{n}", "changed_at": moment, "kind": "regular", "soaking": "soaked"}
            for n in range(255)
        ],
    }
    path = tmp_path / "journal.json"
    document = {"format": "solace-export", "version": 1, "entries": [], "tables": tables}
    path.write_text(json.dumps(document), encoding="utf-8")

    panel = panel_of(window)
    dialog = panel.show_import()
    dialog.choose(path)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    said = dialog.summary.text()
    assert "Nothing would be imported" not in said
    assert "This is a Solace export with no entries in it." in said
    assert "170 other records (body log, dates, marks) would be added." in said
    assert "255 of the file's pad changes would be left out: the soaking “soaked”" in said
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    # Said as the preview counted them (break test 16c of session 26, finding 5: "0
    # entries were imported." over 170 records added).
    assert panel.message.text().startswith(
        "170 other records (body log, dates, marks) were imported."
    )
    window.settings_dialog.reject()
    area = window.area("body")
    window.show_area(area)
    past = area.past
    assert past.model.rowCount() > 0 and past.pad_model.rowCount() == 4
    assert not past.empty.isVisible() and not past.unreadable.isVisible()
    assert {f"own-{n}" for n in range(5)} <= {log.id for log in area.logs}
    caplog.clear()
    window.lock()
    assert "did not close cleanly" not in caplog.text


def test_an_export_with_nothing_solace_can_read_says_so_and_cannot_be_imported(
    qtbot, unlocked_window, tmp_path
):
    import json

    path = tmp_path / "journal.json"
    rows = [{"id": "x", "changed_at": "2020-01-01T00:00:00+00:00", "kind": "a", "soaking": "b"}]
    document = {
        "format": "solace-export",
        "version": 1,
        "entries": [],
        "tables": {"body_pad_changes": rows},
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    dialog = panel_of(unlocked_window).show_import()
    dialog.choose(path)
    qtbot.waitUntil(lambda: "Nothing would be imported." in dialog.summary.text(), timeout=10_000)
    assert "1 of the file's pad changes would be left out: the kind “a” is not one" in (
        dialog.summary.text()
    )
    assert not dialog.import_button.isEnabled()
    dialog.reject()


def test_an_import_never_shares_anything_or_changes_settings_unless_asked(
    qtbot, unlocked_window, tmp_path
):
    """Break test 16, N4: an export's journal_settings (an older journal with "Share a
    summary of my recovery" on, or a hostile file) switched sharing on here without a
    word, and entries marked shared came in shared: shown to the partner at the next
    "Read together". Settings stay this journal's own; shared entries come in private
    unless the person ticks the box the preview shows."""
    import json

    from journal.storage.together.sharing import Sharing

    def export_with(entries: list[dict[str, object]]) -> Path:
        path = tmp_path / f"journal-{len(entries)}.json"
        settings = [
            {"key": "together/share_recovery", "value": "1"},
            {"key": "together/sharing_explained", "value": "1"},
        ]
        tables = {"journal_settings": settings}
        document = {"format": "solace-export", "version": 1, "entries": entries, "tables": tables}
        path.write_text(json.dumps(document), encoding="utf-8")
        return path

    def entry(n: int, shared: bool) -> dict[str, object]:
        moment = f"2026-10-0{n}T11:00:00+00:00"
        return {"id": f"in-{n}", "created_at": moment, "body": f"words {n}", "shared": shared}

    window = unlocked_window
    sharing = Sharing(window.journal.db)
    panel = panel_of(window)
    dialog = panel.show_import()
    dialog.choose(export_with([entry(1, True), entry(2, True), entry(3, False)]))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    said = dialog.summary.text()
    assert "2 of the new entries were shared with a partner where they came from" in said
    assert "settings saved in the file (such as what was shared" in said
    assert dialog.keep_shared.isVisible() and not dialog.keep_shared.isChecked()
    assert "(2 entries)" in dialog.keep_shared.text()
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        qtbot.keyClick(dialog.import_button, Qt.Key.Key_Return)
    assert not sharing.shares_recovery and not sharing.sharing_explained
    assert sharing.shared_entries() == []  # all three came in private

    again = panel.show_import()
    again.choose(export_with([entry(4, True)]))
    qtbot.waitUntil(lambda: again.keep_shared.isVisible(), timeout=10_000)
    assert "(1 entry)" in again.keep_shared.text()
    again.keep_shared.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(again.keep_shared, Qt.Key.Key_Space)  # the person keeps it shared
    with qtbot.waitSignal(again.imported, timeout=30_000):
        qtbot.mouseClick(again.import_button, Qt.MouseButton.LeftButton)
    assert [e.headline for e in sharing.shared_entries()] == ["words 4"]
    assert not sharing.shares_recovery


def test_enter_on_a_focused_chooser_button_presses_it(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, tmp_path, monkeypatch
) -> None:
    """Export opens with the focus on "Choose a folder…": Enter there used to run the
    export ("Please choose a folder for the export first."); as on every desktop, Enter
    on a focused button presses that button. Enter in the passphrase still exports."""
    from PySide6.QtWidgets import QApplication

    from journal.ui.common import file_places
    from journal.ui.safekeeping.export_dialog import ExportDialog
    from journal.ui.safekeeping.import_dialog import ImportDialog

    asked: list[str] = []

    def chooser(_mode, _parent, caption, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(caption)
        return str(tmp_path) if caption == "Choose where to export" else ""  # cancelled

    monkeypatch.setattr(file_places, "ask", chooser)
    window = unlocked_window
    dialog = ExportDialog(window.journal, window)
    dialog.show()
    qtbot.waitUntil(dialog.choose_button.hasFocus, timeout=5000)
    qtbot.keyClick(dialog.choose_button, Qt.Key.Key_Return)
    assert asked == ["Choose where to export"]
    assert dialog.place.text() == str(tmp_path)
    assert dialog.isVisible() and not dialog.working
    assert QApplication.focusWidget() is dialog.passphrase
    dialog.reject()

    importing = ImportDialog(window.journal, window)
    importing.show()
    importing.folder_button.setFocus()
    qtbot.waitUntil(importing.folder_button.hasFocus, timeout=5000)
    qtbot.keyClick(importing.folder_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert len(asked) == 2
    importing.reject()


def test_the_preview_says_starred_entries_come_in_with_the_tag_starred(qtbot, unlocked_window):
    """Break test 16 of session 20, L9: a jrnl entry with ``starred: true`` came in with
    the tag #starred (Solace has no stars), and the preview did not say so."""
    panel = panel_of(unlocked_window)
    dialog = panel.show_import()
    dialog.choose(SAMPLES / "jrnl-json" / "mixed-tags.json")
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    said = dialog.summary.text()
    assert "1 of the new entries was starred where they came from" in said
    assert "tag #starred" in said


def test_a_preview_with_an_unreadable_entry_and_nothing_new_does_not_contradict_itself(
    qtbot, unlocked_window
):
    """Break test 16 of session 25, F8: after Day One's macos-2024-dev.json was imported,
    its twin with one unreadable entry previewed "…is left out; the others are
    imported." then "Nothing would be imported."; a preview promises nothing."""
    panel = panel_of(unlocked_window)
    first = panel.show_import()
    first.choose(SAMPLES / "dayone" / "macos-2024-dev.json")
    qtbot.waitUntil(lambda: first.import_button.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(first.imported, timeout=30_000):
        qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)
    twin = panel.show_import()
    twin.choose(SAMPLES / "dayone" / "macos-2024-invalid-text.json")
    qtbot.waitUntil(lambda: "Nothing would be imported." in twin.summary.text(), timeout=10_000)
    said = twin.summary.text()
    assert "could not be read and is left out" in said
    assert "are imported" not in said and "is imported" not in said
    twin.reject()


def test_a_time_zone_unknown_here_is_named_in_the_preview(qtbot, unlocked_window, tmp_path):
    """Break test 16c of session 26, finding 4: a Day One entry in "Mars/Olympus" was
    previewed as an ordinary one, its date silently read in this computer's zone."""
    import json

    def entry(uuid: str, zone: str) -> dict[str, object]:
        return {"uuid": uuid, "creationDate": "2020-03-08T10:00:00Z", "timeZone": zone,
                "text": f"written in {zone}"}  # fmt: skip

    made = tmp_path / "Journal.json"
    made.write_text(
        json.dumps(
            {
                "metadata": {"version": "1.0"},
                "entries": [entry("A1", "Mars/Olympus"), entry("B2", "Europe/Dublin")],
            }
        ),
        encoding="utf-8",
    )
    dialog = panel_of(unlocked_window).show_import()
    dialog.choose(made)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    said = dialog.summary.text()
    assert "2 entries" in said
    assert (
        "1 entry names a time zone unknown on this computer (\u201cMars/Olympus\u201d): its "
        "dates and times are read in this computer's time zone."
    ) in said
    assert "Dublin" not in said  # a zone known here is not mentioned
    dialog.reject()
