"""Sharing from the editor: the words beside the switch, the first-time note, and which
of a one-journal couple wrote an entry."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain.together.sharing import SHARING_MEANS
from journal.storage.together.sharing import Sharing
from journal.ui.entries.editor import PRIVATE_TEXT, SHARED_TEXT
from tests.ui.entries.test_editor import journal_area, write


def test_the_first_share_explains_first_what_sharing_means(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    editor = area.editor
    area.new_entry()
    write(qtbot, area, "A morning I want Alex to read")
    assert editor.sharing.text() == PRIVATE_TEXT
    if not editor.details_button.isChecked():  # folded on a small screen: open it
        qtbot.mouseClick(editor.details_button, Qt.MouseButton.LeftButton)
    assert editor.shared.isVisible()
    assert not editor.sharing_extras.note.isVisible()
    extras = editor.sharing_extras
    qtbot.keyClick(editor.shared, Qt.Key.Key_Space)
    # the note comes before the share: nothing is shared until the person agrees
    assert extras.note.isVisible() and extras.note.text() == SHARING_MEANS
    assert not editor.shared.isChecked() and editor.sharing.text() == PRIVATE_TEXT
    qtbot.mouseClick(extras.keep_button, Qt.MouseButton.LeftButton)
    assert not extras.note.isVisible() and not editor.shared.isChecked()
    qtbot.keyClick(editor.shared, Qt.Key.Key_Space)
    qtbot.mouseClick(extras.share_button, Qt.MouseButton.LeftButton)
    assert editor.shared.isChecked()
    assert editor.sharing.text() == SHARED_TEXT
    assert not extras.note.isVisible()
    # a second share, of another entry: no note again
    area.new_entry()
    write(qtbot, area, "Another")
    qtbot.keyClick(editor.shared, Qt.Key.Key_Space)
    assert not editor.sharing_extras.note.isVisible()
    with qtbot.waitSignal(editor.saved, timeout=5_000):
        pass
    shared = Sharing(unlocked_window.journal.db).shared_entries()
    assert [s.headline for s in shared] == ["Another", "A morning I want Alex to read"]


def test_a_one_journal_couple_records_who_wrote_each_entry(qtbot, unlocked_window):
    sharing = Sharing(unlocked_window.journal.db)
    assert sharing.set_writers("Sam", "Alex") == ""
    area = journal_area(unlocked_window)
    editor = area.editor
    area.new_entry()
    picker = editor.sharing_extras.writer
    assert picker.isVisible() and picker.currentText() == "Sam"
    picker.setCurrentIndex(picker.findText("Alex"))
    write(qtbot, area, "Alex wrote this")
    assert sharing.writer_of(editor.entry_id or "") == 2
    area.new_entry()  # the last writer chosen stays chosen
    write(qtbot, area, "Alex again")
    assert sharing.writer_of(editor.entry_id or "") == 2
    picker.setCurrentIndex(picker.findText("Sam"))  # changing it on a saved entry
    assert sharing.writer_of(editor.entry_id or "") == 1


def test_an_entry_brought_back_by_undo_keeps_its_writer(qtbot, unlocked_window):
    """Break test 15 of session 9, finding 31: Alex's entry, deleted and brought back
    with Undo, came back as Sam's (the writer went with the entry and was not kept)."""
    sharing = Sharing(unlocked_window.journal.db)
    assert sharing.set_writers("Sam", "Alex") == ""
    area = journal_area(unlocked_window)
    editor = area.editor
    area.new_entry()
    picker = editor.sharing_extras.writer
    picker.setCurrentIndex(picker.findText("Alex"))
    write(qtbot, area, "Alex wrote this")
    alex_entry = editor.entry_id or ""
    area.new_entry()
    picker.setCurrentIndex(picker.findText("Sam"))  # the last writer chosen is Sam now
    write(qtbot, area, "Sam wrote this")
    area.timeline.clicked.emit(area.model.index(area.model.row_of(alex_entry)))
    assert editor.entry_id == alex_entry and picker.currentText() == "Alex"
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(area.question.yes_button, Qt.MouseButton.LeftButton)
    assert sharing.writer_of(alex_entry) is None
    qtbot.mouseClick(area.undo_button, Qt.MouseButton.LeftButton)
    assert editor.entry_id == alex_entry and picker.currentText() == "Alex"
    qtbot.keyClicks(editor.body, " and more")  # saved again after it came back
    with qtbot.waitSignal(editor.saved, timeout=5_000):
        pass
    assert sharing.writer_of(alex_entry) == 2

