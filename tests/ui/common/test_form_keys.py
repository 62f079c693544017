"""In every multi-line field of a form or dialog (not an entry's own text) Enter types
a new line, Tab and Ctrl+Tab move on, Shift+Tab and Ctrl+Shift+Tab back, and Ctrl+Enter
presses the form's main button (break test 10 of session 17, finding 13: in an
appointment's "Questions to ask" Ctrl+Tab did nothing and Ctrl+Enter did not save)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QTextEdit, QWidget

from journal.storage.together.answers import CoupleAnswers
from journal.ui.body.appointment_dialog import AppointmentDialog
from journal.ui.common.exact_copy import TypedTextField
from journal.ui.common.form_keys import main_button_of
from journal.ui.common.widgets import typed_text
from tests.ui.body import support as body_support
from tests.ui.together import support as together_support

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

body_area = body_support.body_area


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


def test_enter_in_a_drop_down_opens_its_list_and_ctrl_enter_saves(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
) -> None:
    """Issue 10, item 5: Enter in the body log's Bleeding (its list closed) saved the
    whole log, and in a dialog's drop-down it pressed Save. Enter there opens the list,
    as Space does; Ctrl+Enter presses the main button, from a drop-down and from a
    number or date field too. In every dialog: Enter in a drop-down never closes it."""
    from PySide6.QtWidgets import QComboBox

    from journal.storage.body.repository import BodyRepository
    from tests.ui.accessibility.screens import area, made_dialogs

    window = unlocked_window
    body = area(window, "body")
    window.show_area(body)
    form = body.form  # type: ignore[attr-defined]
    saved = lambda: BodyRepository(window.journal.db).logs()  # noqa: E731
    form.bleeding.setFocus()
    qtbot.waitUntil(form.bleeding.hasFocus)
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Down)  # "No bleeding", chosen
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Return)
    assert saved() == [] and form.bleeding.view().isVisible()  # the list, not a save
    qtbot.keyClick(form.bleeding.view(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.bleeding.view().isVisible())
    assert form.bleeding.hasFocus() and form.bleeding.currentText() == "No bleeding"
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Return, CONTROL)
    qtbot.waitUntil(lambda: len(saved()) == 1)
    form.cramping.setFocus()
    qtbot.keyClick(form.cramping, Qt.Key.Key_Up)  # 0, none
    qtbot.keyClick(form.cramping, Qt.Key.Key_Return, CONTROL)
    qtbot.waitUntil(lambda: len(saved()) == 2)

    closed = []
    for title, make in made_dialogs(window, store).items():
        dialog = make()
        if not isinstance(dialog, QDialog):
            continue
        dialog.show()
        qtbot.waitExposed(dialog)
        for box in dialog.findChildren(QComboBox):
            if not box.isVisible() or not box.isEnabled() or box.isEditable():
                continue
            box.setFocus()
            qtbot.waitUntil(box.hasFocus)
            qtbot.keyClick(box, Qt.Key.Key_Return)
            if not dialog.isVisible() or dialog.result():
                closed.append(f"{title}: {box.accessibleName()}")
                break
            box.hidePopup()
        if dialog is not window.settings_dialog:
            dialog.close()
            dialog.deleteLater()
    assert closed == []


def _ctrl_enter(qtbot, field: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(field, Qt.Key.Key_Return, CONTROL)


def test_ctrl_enter_in_a_logs_note_saves_the_log(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    """Break test 15 of session 18, finding 7: a note-only log typed in the body log's
    form, Ctrl+Enter: nothing was saved, nothing said (the form pressed Save only for
    an Enter from a one-line field)."""
    form = body_area.form
    form.note.setFocus()
    qtbot.waitUntil(form.note.hasFocus)
    qtbot.keyClicks(form.note, "Felt dizzy.")
    _ctrl_enter(qtbot, form.note)
    [log] = body_support.saved_logs(journal)
    assert log.note == "Felt dizzy."
    assert form.status.text().startswith("Saved the log for ")
    assert typed_text(form.note) == ""


def test_ctrl_enter_in_a_response_keeps_it_and_the_focus_stays(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
) -> None:
    """Break test 15 of session 18, finding 7: Ctrl+Enter in Alex's response to Sam's
    entry took the focus to the entry's words (the page reads them on Enter) and the
    response stayed unkept."""
    folder = together_support.seeded(unlocked_window, store)
    area = together_support.open_together(qtbot, unlocked_window, folder)
    page = area.session_page.reader.page
    page.respond_box.setFocus()
    qtbot.waitUntil(page.respond_box.hasFocus)
    qtbot.keyClicks(page.respond_box, "I am here.")
    _ctrl_enter(qtbot, page.respond_box)
    assert [response.text for response in page.item.responses] == ["I am here."]
    assert page.status.text().endswith("'s response is kept.")
    assert QApplication.focusWidget() is page.respond_box
    assert typed_text(page.respond_box) == ""


def test_ctrl_enter_in_a_prompt_answer_keeps_it(qtbot, unlocked_window, store) -> None:  # type: ignore[no-untyped-def]
    """Break test 15 of session 18, finding 7: Ctrl+Enter (and the keypad's) in "Your
    answer" to a couple prompt did nothing at all: the page had no main button."""
    window = unlocked_window
    area = together_support.together(window)
    qtbot.keyClick(window, Qt.Key.Key_4, CONTROL)
    button = area.start.prompts_button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(area.answers.isVisible)
    answers = area.answers
    prompt = answers.prompt.currentData()
    assert not answers.forget_button.isEnabled()  # nothing to take back yet
    answers.text.setFocus()
    qtbot.waitUntil(answers.text.hasFocus)
    qtbot.keyClicks(answers.text, "Your laugh.")
    qtbot.keyClick(answers.text, Qt.Key.Key_Enter, CONTROL | Qt.KeyboardModifier.KeypadModifier)
    mine = CoupleAnswers(window.journal.db, answers.writer_number()).mine()
    assert mine[prompt].text == "Your laugh."
    assert answers.forget_button.isEnabled()  # "Take back my answer"


def test_every_multi_line_field_has_a_main_button_for_ctrl_enter(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
) -> None:
    """Each `TypedTextField` of the window's areas (their pages not shown too) and of
    every dialog has a main button that Ctrl+Enter presses (`form_keys.main_button_of`):
    one without did nothing, silently (break test 15 of session 18, finding 7)."""
    from tests.ui.accessibility.screens import made_dialogs

    window = unlocked_window
    fields = [("window", field) for field in window.findChildren(TypedTextField)]
    made = []
    for title, make in made_dialogs(window, store).items():
        dialog = make()
        made.append(dialog)
        dialog.show()  # Qt makes a dialog's first button its default as it shows
        qtbot.waitExposed(dialog)
        fields += [(title, field) for field in dialog.findChildren(TypedTextField)]
    missing = [f"{where}: {f.accessibleName()}" for where, f in fields if not main_button_of(f)]
    assert len(fields) >= 6 and missing == []
    for dialog in made:
        dialog.close()
        if dialog is not window.settings_dialog:
            dialog.deleteLater()
