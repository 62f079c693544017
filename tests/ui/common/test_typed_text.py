"""Every multi-line field gives back its text as typed: no-break spaces and line
separators kept (break test 9 of session 12, finding 5).

Qt's ``toPlainText()`` turns U+00A0 into a space and U+2028 into a line break. French
is typed with U+00A0 before "?", "!", ":", ";" and inside « » (keyboards, autocorrect):
"Pourquoi ?" then wrapped its "?" alone onto the next line. Every field reads its
text through `typed_text`, as the entry editor reads the raw document.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QVBoxLayout

import journal
from journal.domain.body.log import BodyLog
from journal.ui.body.appointment_dialog import AppointmentDialog
from journal.ui.body.form import BodyLogForm
from journal.ui.common import dialog_drafts
from journal.ui.common.widgets import typed_text

FRENCH = "Pourquoi\u00a0? «\u00a0mon bébé\u00a0» 10\u202f000"
SEPARATED = "first\u2028second"
KEYPAD = Qt.KeyboardModifier.KeypadModifier


def _type(qtbot, field: QPlainTextEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``FRENCH`` key by key (key events carrying each character, as a French
    keyboard sends them; QTest's keyClicks knows only Latin-1 keys), then paste ``text``."""
    field.setFocus()
    for char in FRENCH:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(field, event)
    field.insertPlainText(text)


def test_no_field_reads_its_text_through_to_plain_text() -> None:
    """A source scan: ``toPlainText()`` loses characters, so nothing in the package calls
    it (the behaviour tests below cover the fields one by one)."""
    package = Path(journal.__file__).parent
    calls = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.toPlainText\(", line)
    ]
    assert calls == []


def test_a_body_log_note_keeps_no_break_spaces_and_line_separators(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = BodyLogForm(with_pads=False)
    qtbot.addWidget(form)
    _type(qtbot, form.note, SEPARATED)
    log = form.build_log()
    assert isinstance(log, BodyLog)
    assert log.note == FRENCH + SEPARATED


def test_appointment_questions_keep_no_break_spaces(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AppointmentDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.place, "Dr Rivera")
    _type(qtbot, dialog.questions, SEPARATED)
    assert dialog.appointment().questions == FRENCH + SEPARATED


def test_a_dialog_draft_kept_at_lock_keeps_no_break_spaces(qtbot) -> None:  # type: ignore[no-untyped-def]
    def dialog_with_a_field() -> tuple[QDialog, QPlainTextEdit]:
        dialog = QDialog()
        field = QPlainTextEdit(dialog)
        QVBoxLayout(dialog).addWidget(field)
        qtbot.addWidget(dialog)
        dialog_drafts.note_baseline(dialog)
        return dialog, field

    dialog, field = dialog_with_a_field()
    _type(qtbot, field, SEPARATED)
    kept = dialog_drafts.capture(dialog)
    assert kept is not None
    (restored,) = dialog_drafts.from_text(dialog_drafts.to_text([kept]))
    again, field = dialog_with_a_field()
    dialog_drafts.give_back(again, restored)
    assert typed_text(field) == FRENCH + SEPARATED


def test_a_paragraph_separator_is_a_line_break_as_in_the_entry_editor(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = QPlainTextEdit()
    qtbot.addWidget(field)
    field.insertPlainText("one\u2029two\nthree")
    assert typed_text(field) == "one\ntwo\nthree"


def test_shift_enter_types_a_new_line_in_every_multi_line_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Break test 38, finding 8: Shift+Enter in a body log's note typed U+2028 (Qt's
    own), which only looks like a line break: the CSV showed the two lines as one.
    Every multi-line field of a form is a `TypedTextField`; these are two of them."""
    form = BodyLogForm(with_pads=False)
    dialog = AppointmentDialog()
    for widget in (form, dialog):
        qtbot.addWidget(widget)
        widget.show()
    for field in (form.note, dialog.questions):
        field.setFocus()
        qtbot.keyClicks(field, "XYZ")
        qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClick(field, Qt.Key.Key_Enter, Qt.KeyboardModifier.ShiftModifier | KEYPAD)
        qtbot.keyClicks(field, "W")
        assert typed_text(field) == "XYZ\n\nW"
    log = form.build_log()
    assert isinstance(log, BodyLog) and log.note == "XYZ\n\nW"
