"""Undo is heard however it is asked for, in every kind of field (issue 15, break
tests): from the field's own right-click menu (Qt wired its Undo straight to the
field, silent), by Ctrl+Z in a spin box or a date field (Qt handed the key to the
line edit inside, past every filter, silent), and typing in every multi-line field
undoes a word at a time (Together's response box went in one step)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QApplication,
    QDateTimeEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from journal.ui.common.undo_said import MENU_REDO, MENU_UNDO
from tests.ui.entries.test_keys import _writing

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def choose_in_context_menu(qtbot: Any, field: QWidget, name: str) -> None:
    """Open ``field``'s own context menu as the Menu key does (the event Qt makes of
    it, sent to the field, or its viewport for a multi-line field) and press the
    mnemonic of the menu's action ``name`` (MENU_UNDO: U, MENU_REDO: R) in the menu
    Qt opens. A spin box's menu runs its own event loop, so the key is pressed from
    the event loop once the menu is open."""
    target = field.viewport() if hasattr(field, "viewport") else field
    chosen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(0, choose)
            return
        action = next(a for a in menu.actions() if a.objectName() == name)
        chosen.append(action.text() if action.isEnabled() else "disabled")
        qtbot.keyClick(menu, Qt.Key.Key_U if name == MENU_UNDO else Qt.Key.Key_R)

    QTimer.singleShot(0, choose)
    at = target.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, target.mapToGlobal(at))
    QApplication.sendEvent(target, event)
    qtbot.waitUntil(lambda: bool(chosen) and QApplication.activePopupWidget() is None)
    assert chosen != ["disabled"], name


def _body(window: Any) -> Any:
    area = next(area for area in window.areas if area.area_id == "body")
    window.show_area(area)
    return area


def _response_box(qtbot: Any, window: Any, store: Any) -> Any:
    from tests.ui.together.support import open_together, seeded

    together = open_together(qtbot, window, seeded(window, store))
    box = together.session_page.reader.page.respond_box
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    return box


def test_undo_and_redo_from_the_context_menu_of_a_line_are_heard(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    area = _writing(qtbot, unlocked_window)
    title = area.editor.title
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClicks(title, "Rain")
    a11y_events.listen()
    choose_in_context_menu(qtbot, title, MENU_UNDO)
    assert title.text() == ""
    choose_in_context_menu(qtbot, title, MENU_REDO)
    assert title.text() == "Rain"
    assert a11y_events.announcements(assertive=False) == [
        "Undone: typing “Rain”",
        "Redone: typing “Rain”",
    ]


def test_undo_from_the_context_menu_of_the_entry_is_heard(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """The entry's words say their own steps (`says_own_undo`): the menu reaches them
    too, a word at a time."""
    area = _writing(qtbot, unlocked_window)
    body = area.editor.body
    qtbot.keyClicks(body, "Alpha beta")
    a11y_events.listen()
    choose_in_context_menu(qtbot, body, MENU_UNDO)
    assert body.markdown() == "Alpha"
    choose_in_context_menu(qtbot, body, MENU_REDO)
    assert body.markdown() == "Alpha beta"
    assert a11y_events.announcements(assertive=False) == [
        "Undone: typing “beta”",
        "Redone: typing “beta”",
    ]


def test_undo_from_the_context_menu_of_the_response_box_is_heard(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, a11y_events
):
    box = _response_box(qtbot, unlocked_window, store)
    qtbot.keyClicks(box, "Thank you")
    a11y_events.clear()
    choose_in_context_menu(qtbot, box, MENU_UNDO)
    assert box.toPlainText() == "Thank"
    choose_in_context_menu(qtbot, box, MENU_REDO)
    assert box.toPlainText() == "Thank you"
    assert a11y_events.announcements(assertive=False) == [
        "Undone: typing “you”",
        "Redone: typing “you”",
    ]


def test_undo_in_a_spin_box_says_the_value_it_went_back_to(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    """By key, by Edit > Undo and from the spin box's own menu."""
    from journal.ui.shell.actions import ActionId

    form = _body(unlocked_window).form
    cramping = form.cramping
    cramping.setFocus()
    qtbot.waitUntil(cramping.hasFocus)
    qtbot.keyClick(cramping, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(cramping, "7")
    assert cramping.value() == 7
    a11y_events.listen()
    qtbot.keyClick(cramping, Qt.Key.Key_Z, CTRL)
    assert cramping.text() == "Not noted"  # where the field opened (finding 6 of s15)
    assert form.cramping_noted() is None  # the value too, not only the words shown
    unlocked_window.action_by_id[ActionId.REDO].trigger()
    assert cramping.value() == 7
    choose_in_context_menu(qtbot, cramping, MENU_UNDO)
    assert cramping.text() == "Not noted"
    assert form.cramping_noted() is None
    assert a11y_events.announcements(assertive=False) == [
        "Undone: back to Not noted",
        "Redone: 7",
        "Undone: back to Not noted",
    ]


def test_undo_in_a_time_field_says_the_time_it_went_back_to(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    form = _body(unlocked_window).form
    field = form.time
    field.setDateTime(QDateTime.currentDateTime().addDays(-1))
    shown = field.text()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.setSelectedSection(QDateTimeEdit.Section.HourSection)
    hour = "09" if field.time().hour() != 9 else "10"
    qtbot.keyClicks(field, hour)
    typed = field.text()
    assert typed != shown
    a11y_events.clear()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert field.text() == shown
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL | SHIFT)
    assert field.text() == typed
    assert a11y_events.announcements(assertive=False) == [
        f"Undone: back to {shown}",
        f"Redone: {typed}",
    ]


def test_one_undo_in_the_response_box_takes_back_one_word(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
):
    box = _response_box(qtbot, unlocked_window, store)
    qtbot.keyClicks(box, "Thank you for writing")
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.toPlainText() == "Thank you for"
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.toPlainText() == "Thank you"


def _type_and_undo(qtbot: Any, field: QPlainTextEdit | QTextEdit) -> str:
    """Type three words into ``field`` with the keyboard, press Ctrl+Z once; the text
    left."""
    window = field.window()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Slept badly again")
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    return field.toPlainText()


def test_every_other_multi_line_field_undoes_a_word_at_a_time(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
):
    """The body log's note and every multi-line field of every dialog (an appointment's
    questions, a past log's note, the doctor's summary's extra words, …) and a couple
    prompt's answer: one mechanism, the application's undo filter, for them all."""
    from journal.ui.together.prompts import MyAnswersPage
    from tests.ui.accessibility.screens import made_dialogs

    answers = MyAnswersPage()
    qtbot.addWidget(answers)
    fields: dict[str, QPlainTextEdit | QTextEdit] = {
        "Body log: Note": _body(unlocked_window).form.note,
        "Couple prompt: Your answer": answers.text,
    }
    for title, make in made_dialogs(unlocked_window, store).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        multi_line = dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit)
        for field in multi_line:
            if field.isVisible() and not field.isReadOnly():
                fields[f"{title}: {field.accessibleName()}"] = field
    assert len(fields) >= 5, list(fields)
    left = {name: _type_and_undo(qtbot, field) for name, field in fields.items()}
    assert left == dict.fromkeys(fields, "Slept badly")
