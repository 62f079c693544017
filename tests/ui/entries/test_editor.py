"""The Journal area on real widgets and a real encrypted journal."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor

from journal.domain.entries.entry import MAX_BODY_CHARS
from journal.storage.entries.repository import EntryRepository
from journal.ui.entries.area import JournalArea
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS


def journal_area(window) -> JournalArea:  # type: ignore[no-untyped-def]
    return next(area for area in window.areas if isinstance(area, JournalArea))


def unlock(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()


def write(qtbot, area: JournalArea, text: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(area.editor.saved, timeout=5_000):
        qtbot.keyClicks(area.editor.body, text)


def test_writing_is_saved_and_is_there_after_lock_and_unlock(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    write(qtbot, area, "The first quiet morning")
    assert "Saved" in area.editor.status.text()
    assert area.model.rowCount() == 1
    assert area.count.text() == "1 entry"

    unlocked_window.lock()
    assert area.editor.body.toPlainText() == ""
    assert not area.editor.body.document().isUndoAvailable()
    assert area.model.rowCount() == 0
    assert area.search.words() == ""

    unlock(qtbot, unlocked_window)
    area = journal_area(unlocked_window)  # the areas are rebuilt at each unlock
    assert area.editor.body.toPlainText() == "The first quiet morning"
    assert area.pages.currentWidget() is area.editor
    assert area.model.rowCount() == 1
    assert area.timeline.currentIndex().row() == 0


def test_autosave_waits_for_a_pause_in_typing(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    saves: list[object] = []
    area.editor.saved.connect(saves.append)
    qtbot.keyClicks(area.editor.body, "one two three four five")
    assert saves == [] and area.editor.is_dirty
    qtbot.waitUntil(lambda: len(saves) == 1, timeout=5_000)
    assert not area.editor.is_dirty


def test_lock_saves_what_was_typed_just_before(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    qtbot.keyClicks(area.editor.body, "typed then locked")
    journal = unlocked_window.journal
    repo = EntryRepository(journal.db)
    entry_id = area.editor.entry_id
    area.save_pending()
    assert repo.get(entry_id).body.strip() == "typed then locked"


def test_a_huge_paste_is_refused_kindly_and_nothing_is_lost(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    write(qtbot, area, "keep me")
    huge = QMimeData()
    huge.setText("x" * (MAX_BODY_CHARS * 5))
    area.editor.body.insertFromMimeData(huge)
    assert area.editor.body.toPlainText() == "keep me"
    assert "Nothing was changed" in area.editor.text_note.text()
    small = QMimeData()
    small.setText(" and this")
    area.editor.body.insertFromMimeData(small)
    assert area.editor.body.toPlainText() == "keep me and this"


def test_formatting_actions_store_markdown(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    body = area.editor.body
    qtbot.keyClicks(body, "gentle")
    body.selectAll()
    body.actions_by_name["bold"].trigger()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    body.actions_by_name["heading"].trigger()
    qtbot.keyClicks(body, "Heading")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    body.actions_by_name["bullets"].trigger()
    qtbot.keyClicks(body, "tea")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClick(body, Qt.Key.Key_Return)  # on the next, empty item: the list ends
    body.actions_by_name["quote"].trigger()
    qtbot.keyClicks(body, "said softly")
    text = body.markdown()
    assert "**gentle**" in text
    assert "## Heading" in text
    assert "- tea" in text
    assert "> said softly" in text
    assert text == "**gentle**\n## Heading\n- tea\n> said softly"
    body.set_markdown(text)
    assert body.markdown() == text
    assert not body.document().isUndoAvailable()


def test_formatting_actions_take_their_markers_off_again(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    body = area.editor.body
    qtbot.keyClicks(body, "soft words")
    body.selectAll()
    for name in ("bold", "italic"):
        body.actions_by_name[name].trigger()
        assert body.markdown() != "soft words"
        body.actions_by_name[name].trigger()
        assert body.markdown() == "soft words"
    for name in ("heading", "bullets", "numbers", "quote"):
        body.actions_by_name[name].trigger()
        assert body.markdown() != "soft words"
        body.actions_by_name[name].trigger()
        assert body.markdown() == "soft words"


def test_steady_typing_without_a_pause_is_saved_every_few_seconds(qtbot, unlocked_window):
    """Break test 16 of session 17, finding 5: the autosave waited for a pause of a
    second, so a person typing steadily was never saved, and a crash after 14 s of
    typing lost the whole new entry. Keys 0.3 s apart: saved before they stop."""
    from journal.ui.entries.editor import AUTOSAVE_AT_LEAST_MS, AUTOSAVE_MS

    area = journal_area(unlocked_window)
    area.new_entry()
    saves: list[object] = []
    area.editor.saved.connect(saves.append)
    gap = AUTOSAVE_MS * 3 // 10
    for _key in range(2 * AUTOSAVE_AT_LEAST_MS // gap):
        qtbot.keyClicks(area.editor.body, "a")
        qtbot.wait(gap)
        if saves:
            break
    assert saves, "nothing was saved while the typing went on"
    written = EntryRepository(unlocked_window.journal.db).summaries_page(0, 5)
    assert [summary.headline[:1] for summary in written] == ["a"]
