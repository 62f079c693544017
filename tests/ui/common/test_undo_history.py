"""A field the app empties or fills is never an undo step (break test 15 of session 7,
finding 11, the whole kind): Ctrl+Z in it cannot bring back what it held before, so
a new body log never gets the last one's temperature back, a new idea's title field
never the title just added."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from tests.ui.library.test_ideas import _open_ideas

CTRL = Qt.KeyboardModifier.ControlModifier


def _undo_in(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)


def _emptied_but_undoable(window) -> list[str]:  # type: ignore[no-untyped-def]
    """Every empty text field whose Ctrl+Z would bring text back."""
    found = [
        field.accessibleName() or field.objectName()
        for field in window.findChildren(QLineEdit)
        if not field.text() and field.isUndoAvailable()
    ]
    found += [
        edit.accessibleName() or edit.objectName()
        for edit in window.findChildren(QPlainTextEdit)
        if not edit.toPlainText() and edit.document().isUndoAvailable()
    ]
    return found


def test_a_saved_body_log_is_never_undone_back_into_the_empty_form(qtbot, unlocked_window):
    window = unlocked_window
    body = next(area for area in window.areas if area.area_id == "body")
    window.show_area(body)
    form = body.form
    form.pain_relief.setFocus()
    qtbot.keyClicks(form.pain_relief, "ibuprofen")
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "37,2")
    form.note.setFocus()
    qtbot.keyClicks(form.note, "Tired")
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert "Saved the log" in form.status.text()
    for field in (form.pain_relief, form.temperature, form.note):
        _undo_in(qtbot, field)
    assert form.pain_relief.text() == form.temperature.text() == ""
    assert form.note.toPlainText() == ""
    assert _emptied_but_undoable(window) == []


def test_an_idea_added_is_never_undone_back_into_the_new_idea_fields(qtbot, unlocked_window):
    area = _open_ideas(qtbot, unlocked_window)
    qtbot.keyClicks(area.ideas.new_description, "Slowly, a page each")
    qtbot.keyClicks(area.ideas.new_title, "Reading aloud")
    qtbot.keyClick(area.ideas.new_title, Qt.Key.Key_Return)
    assert area.ideas.cards[-1].title == "Reading aloud"
    _undo_in(qtbot, area.ideas.new_title)
    _undo_in(qtbot, area.ideas.new_description)
    assert area.ideas.new_title.text() == area.ideas.new_description.text() == ""
    assert _emptied_but_undoable(unlocked_window) == []
