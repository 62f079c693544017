"""Cancel closes the import dialog while a file is still being read for the preview
(break test 16 of session 12, finding 1: Cancel was enabled and focused but did
nothing for the whole reading, 46 s for a 20 KB zip holding a 20 MB month file)."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from journal.storage.entries.repository import EntryRepository
from journal.ui.safekeeping import import_dialog
from journal.ui.safekeeping.backup import BackupsPanel


def test_cancel_closes_the_dialog_while_the_preview_still_reads(qtbot, unlocked_window, tmp_path):
    slow = tmp_path / "backup.zip"  # a month file that takes seconds to read
    with zipfile.ZipFile(slow, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2024-01.txt", "a" * (1024 * 1024))
    window = unlocked_window
    window.show_settings()
    panel = window.settings_dialog.findChild(BackupsPanel)
    dialog = panel.show_import()
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    dialog.choose(slow)
    assert dialog.working  # still reading
    cancel = dialog.footer.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.isEnabled()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert closed == [0]  # closed at once, nothing written
    qtbot.waitUntil(lambda: not import_dialog._LEFT, timeout=120_000)  # the reading ended
    assert panel.message.text() == ""  # its result dropped, nothing said or added
    assert EntryRepository(window.journal.db).count() == 0


def test_cancel_while_an_export_is_written_says_why_it_waits(qtbot, unlocked_window, tmp_path):
    from journal.ui.safekeeping.export_dialog import STILL_WRITING
    from tests.conftest import PASSPHRASE
    from tests.storage.safekeeping.helpers import write_entries

    write_entries(unlocked_window.journal, 400)
    unlocked_window.show_settings()
    panel = unlocked_window.settings_dialog.findChild(BackupsPanel)
    dialog = panel.show_export()
    dialog.choose_folder(tmp_path)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    # The passphrase is checked first ("Checking your passphrase…"), then written.
    qtbot.waitUntil(lambda: dialog.footer.doing_line.text().startswith("Exporting"))
    assert dialog.working
    cancel = dialog.footer.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    said_with_it = dialog.footer.doing_line.text()
    assert said_with_it.startswith("Exporting your journal\u2026 this can take a while")
    # One time for both lines (break test 16 of session 18, R7: "it ends in a moment"
    # showed for a minute above "this can take a while").
    assert "in a moment" not in dialog.error.text()
    assert "it can take a while for a large journal" in dialog.error.text()
    assert STILL_WRITING.split(";")[0] in dialog.error.text()
    assert dialog.error.text() == dialog.footer.stop_words
    qtbot.waitUntil(lambda: not dialog.working, timeout=120_000)


def test_writing_a_large_import_counts_the_entries_and_says_one_time(
    qtbot, unlocked_window, tmp_path
):
    """Break test 16 of session 18, R7: writing a 150,000-entry import showed
    "Importing… this can take a while for a large file." over a bar with no count for
    a minute, and Escape added "…cannot be stopped halfway; it ends in a moment" beside
    it. The writing counts the entries as the reading does, and the refusal says the
    same time as the line under it."""
    import json

    entries = [
        {"date": "2020-01-02", "time": f"{n % 24:02d}:00", "title": f"Day {n}", "body": "b"}
        for n in range(3000)
    ]
    large = tmp_path / "large.json"
    large.write_text(json.dumps({"tags": {}, "entries": entries}))
    window = unlocked_window
    window.show_settings()
    dialog = window.settings_dialog.findChild(BackupsPanel).show_import()
    dialog.choose(large)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=60_000)
    seen: list[str] = []  # what the line under the refusal said, each time the bar moved
    dialog.footer.bar.valueChanged.connect(
        lambda _value: seen.append(dialog.footer.doing_line.text()),
        Qt.ConnectionType.QueuedConnection,  # once the line has its new words
    )
    with qtbot.waitSignal(dialog.imported, timeout=120_000):
        qtbot.keyClick(dialog.import_button, Qt.Key.Key_Space)  # Import
        assert dialog.working
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()
        refusal = dialog.error.text()
        assert refusal.startswith("The entries are being added now")
        # and how to take them out again (break test 16 of session 25, F9)
        assert "restore the backup made \u201cbefore an import\u201d" in refusal
        assert "in a moment" not in refusal
        assert "it can take a while for a large file" in refusal
    assert EntryRepository(window.journal.db).count() == 3000
    counted = f"{import_dialog.IMPORTING} "
    assert any(t.startswith(counted) and t.endswith(" of 3,000 entries") for t in seen)


def import_ready_behind_an_entry(qtbot, window, tmp_path, words: str):  # type: ignore[no-untyped-def]
    """A new entry holding ``words``, open and focused, and over it the Import dialog
    ready to import a one-entry jrnl file; returns (the dialog, the entry's text box)."""
    import json

    from PySide6.QtWidgets import QApplication

    from journal.ui.safekeeping.import_dialog import ImportDialog
    from tests.ui.entries.test_editor import journal_area, write

    area = journal_area(window)
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    write(qtbot, area, words)
    entries = [{"date": "2020-01-02", "time": "09:00", "title": "Day", "body": "b"}]
    small = tmp_path / "small.json"
    small.write_text(json.dumps({"tags": {}, "entries": entries}))
    behind = QApplication.focusWidget()
    assert behind is area.editor.body  # the entry, open and focused behind the dialog
    window.show_import()
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog)]
    qtbot.waitExposed(dialog)
    dialog.choose(small)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=60_000)
    return dialog, behind


def post_keys(to, *keys: tuple[Qt.Key, Qt.KeyboardModifier, str]) -> None:  # type: ignore[no-untyped-def]
    """Queue a press and a release of each of ``keys`` (key, modifiers, text) for ``to``,
    as keys typed while the GUI thread is busy wait in the queue."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for key, modifiers, text in keys:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.postEvent(to, QKeyEvent(kind, key, modifiers, text))


def test_enter_pressed_while_an_import_ends_never_reaches_the_entry_behind(
    qtbot, unlocked_window, tmp_path
):
    """Break test 16 of session 18, R1: Enter pressed while an import was written,
    into the busy dialog, became two new lines in the entry open behind it, and was
    saved. The keys were queued while the window ended the import (the note, the
    areas reloaded) and delivered once the dialog had closed, to the entry that then
    had the focus. Here they are queued so, as the window behind gets them once the
    dialog is gone, and nothing reaches the entry."""
    window = unlocked_window
    dialog, behind = import_ready_behind_an_entry(
        qtbot, window, tmp_path, "First entry. The day was long."
    )
    enter = (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    # For the entry, focused once the dialog is gone.
    dialog.imported.connect(lambda _words: post_keys(behind, enter, enter, enter))
    with qtbot.waitSignal(dialog.finished, timeout=60_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # Import
    qtbot.wait(200)  # what was queued is delivered by now
    assert behind.toPlainText() == "First entry. The day was long."


def test_ctrl_l_pressed_while_an_import_ends_locks(qtbot, unlocked_window, tmp_path):
    """Break test 53, S1: Ctrl+L pressed just after Import was queued while the window
    ended the import, then dropped with the other keys queued meanwhile (the R1 rule
    above): the journal stayed open, and the passphrase typed next went into the entry
    behind. A lock is never dropped: every other key still is."""
    window = unlocked_window
    dialog, behind = import_ready_behind_an_entry(qtbot, window, tmp_path, "First entry.")
    lock = (Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier, "\x0c")
    typed_on = (Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")  # her passphrase
    dialog.imported.connect(lambda _words: post_keys(behind, lock, typed_on))
    with qtbot.waitSignal(window.locked, timeout=60_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # Import
    assert window.is_locked
