"""Deleting an entry asks first, exactly as deleting a body log does: the same question
window, "Keep it" as the default and Escape answer, and nothing removed until the
person says so."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from journal.domain.body.log import BodyLog
from journal.storage.body.repository import BodyRepository
from journal.storage.entries.repository import EntryRepository
from journal.ui.common.confirm import Question


def _areas(window):  # type: ignore[no-untyped-def]
    return {a.area_id: a for a in window.areas}


def _entry_question(qtbot, window):  # type: ignore[no-untyped-def]
    journal = _areas(window)["journal"]
    journal.new_entry()
    qtbot.keyClicks(journal.editor.body, "Words I want to keep")
    journal.editor.save_now()
    qtbot.mouseClick(journal.editor.delete_button, Qt.MouseButton.LeftButton)
    return journal, journal.question


def _log_question(qtbot, window):  # type: ignore[no-untyped-def]
    body = _areas(window)["body"]
    body.save_log(BodyLog(id="one", logged_at=datetime.now(UTC) - timedelta(hours=1)))
    body.tabs.setCurrentWidget(body.past)
    body.past.table.setCurrentIndex(body.past.model.index(0, 0))
    qtbot.mouseClick(body.past.delete_button, Qt.MouseButton.LeftButton)
    return body, body.question


def test_deleting_an_entry_asks_first_and_escape_keeps_it(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    journal, question = _entry_question(qtbot, window)
    repo = EntryRepository(window.journal.db)
    assert isinstance(question, Question) and question.isVisible()
    assert question.text() == "Delete this entry?"
    assert repo.count() == 1  # nothing is removed while asking
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    assert repo.count() == 1
    assert "Words I want to keep" in journal.editor.body.toPlainText()

    _journal, question = _entry_question(qtbot, window)
    question.yes_button.click()
    assert repo.count() == 1  # the first was kept; the second is gone
    assert journal.undo_row.isVisible()


def test_an_entry_and_a_body_log_are_asked_about_the_same_way(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    _journal, entry_question = _entry_question(qtbot, window)
    _body, log_question = _log_question(qtbot, window)
    for question in (entry_question, log_question):
        assert type(question) is Question
        assert question.defaultButton() is question.keep_button
        assert question.escapeButton() is question.keep_button
        assert question.keep_button.text() == "Keep it"
        assert question.yes_button.text() == "Delete"
        assert question.windowModality() is Qt.WindowModality.WindowModal
        assert "!" not in question.text() + question.informativeText()
    assert [q.text() for q in (entry_question, log_question)] == [
        "Delete this entry?",
        "Delete this log?",
    ]
    log_question.keep_button.click()
    assert BodyRepository(window.journal.db).logs()
    entry_question.keep_button.click()
