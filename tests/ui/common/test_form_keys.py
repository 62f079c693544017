"""In every multi-line field of a form or dialog (not an entry's own text) Enter types
a new line, Tab and Ctrl+Tab move on, Shift+Tab and Ctrl+Shift+Tab back, and Ctrl+Enter
presses the form's main button (break test 10 of session 17, finding 13: in an
appointment's "Questions to ask" Ctrl+Tab did nothing and Ctrl+Enter did not save)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QTextEdit, QWidget

from journal.ui.body.appointment_dialog import AppointmentDialog
from journal.ui.common.exact_copy import TypedTextField
from journal.ui.common.widgets import typed_text

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def _moves_on_and_back(qtbot, field: TypedTextField, where: str) -> None:  # type: ignore[no-untyped-def]
    """Tab and Ctrl+Tab leave ``field`` forwards (Shift+Tab from there comes back),
    Shift+Tab and Ctrl+Shift+Tab backwards (Tab from there comes back), typing
    nothing."""
    before = typed_text(field)
    none = Qt.KeyboardModifier.NoModifier
    ways = ((none, SHIFT), (CONTROL, SHIFT), (SHIFT, none), (CONTROL | SHIFT, none))
    for leave, come_back in ways:
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClick(field, Qt.Key.Key_Tab, leave)
        went = _focused()
        assert went is not field and went is not None, (where, leave)
        qtbot.keyClick(went, Qt.Key.Key_Tab, come_back)
        assert _focused() is field, (where, leave, went)
    assert typed_text(field) == before, where


def test_questions_to_ask_move_on_with_ctrl_tab_and_save_with_ctrl_enter(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AppointmentDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.place, "Dr Rivera")
    dialog.questions.setFocus()
    qtbot.waitUntil(dialog.questions.hasFocus)
    qtbot.keyClicks(dialog.questions, "Is this usual?")
    qtbot.keyClick(dialog.questions, Qt.Key.Key_Return)  # a new line, not a save
    qtbot.keyClicks(dialog.questions, "When can we try again?")
    assert dialog.isVisible() and dialog.result() == 0
    _moves_on_and_back(qtbot, dialog.questions, "Questions to ask")
    qtbot.keyClick(dialog.questions, Qt.Key.Key_Return, CONTROL)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.appointment().questions == "Is this usual?\nWhen can we try again?"


def test_every_multi_line_field_of_a_form_keeps_the_same_keys(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
) -> None:
    """The mechanism, for every multi-line field a person meets outside an entry's text:
    each is a `TypedTextField` (the body log's note, the doctor summary's "Anything to
    add", an appointment's questions, Together's response and prompt answers), and each
    moves on with Tab and Ctrl+Tab."""
    from tests.ui.accessibility.screens import made_dialogs

    window = unlocked_window
    fields: list[tuple[str, QWidget]] = [
        ("window", f) for f in window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit)
    ]
    made = []
    for title, make in made_dialogs(window, store).items():
        dialog = make()
        made.append(dialog)
        fields += [(title, f) for f in dialog.findChildren(QPlainTextEdit)]
        fields += [(title, f) for f in dialog.findChildren(QTextEdit)]
    from journal.ui.entries.markdown import MarkdownEditor as entry_text
    others = [
        f"{where}: {type(f).__name__} {f.accessibleName()!r}"
        for where, f in fields
        if not isinstance(f, TypedTextField | entry_text) and not f.isReadOnly()
    ]
    assert others == []
    typed = [(where, f) for where, f in fields if isinstance(f, TypedTextField)]
    assert len(typed) >= 3
    for where, field in typed:
        top = field.window()
        top.show()
        qtbot.waitExposed(top)
        if field.isVisibleTo(top):
            _moves_on_and_back(qtbot, field, f"{where}: {field.accessibleName()}")
        if top is not window:
            top.hide()
    for dialog in made:
        dialog.close()
        if dialog is not window.settings_dialog:
            dialog.deleteLater()
