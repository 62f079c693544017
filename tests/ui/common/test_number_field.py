"""A number field never changes what is typed into it without a word (issue 10, break
test of session 26, F0): "15" typed into Cramping (0 to 10) kept "1" and the log was
saved as "1 of 10"; "999" in "Lock when idle for" kept "99"."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolTip

from journal.settings import IDLE_LOCK_MINUTES
from tests.ui.body import support
from tests.ui.body.support import saved_logs, tab_to
from tests.ui.shell.test_settings_follow import _open_settings

body_area = support.body_area


def type_over(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select what ``field`` shows (Ctrl+A) and type ``text`` over it, key by key."""
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def test_cramping_15_is_refused_under_the_field_and_nothing_is_saved_as_1(  # type: ignore[no-untyped-def]
    qtbot, body_area, journal
):
    form = body_area.form
    tab_to(qtbot, form.cramping)
    type_over(qtbot, form.cramping, "15")
    note = form.notes.note("cramping")
    qtbot.waitUntil(note.isVisible)
    assert note.text() == "This takes a number from 0 to 10, so 15 was not kept."
    assert form.cramping.accessibleDescription() == note.text()  # read with the field
    qtbot.keyClick(form.cramping, Qt.Key.Key_Backspace)
    qtbot.keyClicks(form.cramping, "7")  # the person puts it right: the note goes
    assert form.cramping.value() == 7
    qtbot.waitUntil(lambda: not note.isVisible())
    assert saved_logs(journal) == []


def test_cramping_11_is_not_saved_as_1_until_the_person_chooses_again(  # type: ignore[no-untyped-def]
    qtbot, body_area, journal
):
    """Break test 44, F1 (serious): "11" showed 1 with "11 was not kept" under it, and
    Ctrl+Enter saved "1 of 10": severe pain kept as almost none. Save refuses while
    the refusal holds, saying it again at the field; a number typed there is taken."""
    form = body_area.form
    tab_to(qtbot, form.cramping)
    type_over(qtbot, form.cramping, "11")
    note = form.notes.note("cramping")
    qtbot.waitUntil(note.isVisible)
    qtbot.keyClick(form.cramping, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert saved_logs(journal) == []
    assert (
        note.isVisible() and note.text() == "This takes a number from 0 to 10, so 11 was not kept."
    )
    assert QApplication.focusWidget() is form.cramping
    type_over(qtbot, form.cramping, "10")
    qtbot.keyClick(form.cramping, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: [log.cramping for log in saved_logs(journal)] == [10])


def test_a_digit_of_another_script_is_taken_as_that_digit(qtbot, body_area, journal):  # type: ignore[no-untyped-def]
    """Break test 44: "٧" (7 in Arabic-Indic digits) was said as "٧ was not kept", out
    of a range of 0 to 10; Persian and full-width digits likewise."""
    form = body_area.form
    tab_to(qtbot, form.cramping)
    for typed, value in (("٧", 7), ("۸", 8), ("５", 5)):
        qtbot.keyClick(form.cramping, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):  # as its layout types it
            key = QKeyEvent(kind, ord(typed), Qt.KeyboardModifier.NoModifier, typed)
            QApplication.sendEvent(form.cramping, key)
        assert form.cramping.value() == value
        assert form.notes.note("cramping").text() == ""


def test_settings_keep_no_number_that_was_not_kept(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """The same in Settings: "999" in "Lock when idle for" showed 99, and Save kept 99."""
    dialog = _open_settings(qtbot, unlocked_window)
    before = unlocked_window.settings.get(IDLE_LOCK_MINUTES)
    idle = dialog.idle
    idle.setFocus()
    qtbot.waitUntil(idle.hasFocus)
    type_over(qtbot, idle, "999")
    QToolTip.hideText()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "so 999 was not kept" in QToolTip.text()
    assert dialog.isVisible() and QApplication.focusWidget() is idle
    assert unlocked_window.settings.get(IDLE_LOCK_MINUTES) == before
    type_over(qtbot, idle, "45")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert unlocked_window.settings.get(IDLE_LOCK_MINUTES) == 45


def test_a_number_typed_over_the_same_number_is_taken_without_a_word(  # type: ignore[no-untyped-def]
    qtbot, body_area, journal
):
    """Break test 43 (seen at 150 and 200 % text): "9" typed over a selected 9 (a form
    brought back as it was left) changed no text, and the field said "9 was not kept"
    while it held 9."""
    form = body_area.form
    form.cramping.setValue(9)
    tab_to(qtbot, form.cramping)
    type_over(qtbot, form.cramping, "9")
    QApplication.processEvents()
    assert form.cramping.value() == 9
    assert form.notes.note("cramping").text() == ""
    qtbot.keyClick(form.cramping, Qt.Key.Key_Return)
    assert [log.cramping for log in saved_logs(journal)] == [9]


def test_idle_minutes_999_are_refused_at_the_field_in_settings(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    dialog = _open_settings(qtbot, unlocked_window)
    idle = dialog.idle
    idle.setFocus()
    qtbot.waitUntil(idle.hasFocus)
    type_over(qtbot, idle, "999")
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == (
        "This takes a number from 1 to 240 min (0 for Never), so 999 was not kept."
    )
    assert idle.value() == 99 and QApplication.focusWidget() is idle  # nothing else moved


def test_a_number_below_the_least_is_said_as_it_is_put_back(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    dialog = _open_settings(qtbot, unlocked_window)
    size = dialog.font_scale
    before = size.value()
    size.setFocus()
    qtbot.waitUntil(size.hasFocus)
    type_over(qtbot, size, "50")
    qtbot.keyClick(size, Qt.Key.Key_Tab)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "This takes a number from 75 to 250 %, so 50 was not kept."
    assert size.value() == before


def test_every_number_field_is_a_number_field() -> None:
    """A bare QSpinBox refuses in silence: each number field is a NumberField."""
    package = Path(__file__).resolve().parents[3] / "journal" / "ui"
    silent = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bQ(Double)?SpinBox\(", line)
    ]
    assert silent == []


def test_a_refused_number_is_framed_as_every_refused_field_is(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """The refusal's words under Cramping came without the error frame that a refused
    temperature, time or choice has (seen in the walk of session 26)."""
    from PySide6.QtGui import QColor

    from journal.ui.common.dark import is_dark_palette
    from journal.ui.common.theme import ERROR_COLOUR

    window = unlocked_window
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    cramping = window.area("body").form.cramping  # type: ignore[union-attr]
    cramping.setFocus()
    qtbot.waitUntil(cramping.hasFocus)
    type_over(qtbot, cramping, "15")
    error = QColor(ERROR_COLOUR[is_dark_palette(cramping.palette())])
    frame = cramping.grab().toImage().pixelColor(1, cramping.height() // 2)
    assert frame == error, (frame.name(), error.name())


def test_a_refusal_is_kept_over_a_lock_by_the_form_s_draft(qtbot, body_area, journal):  # type: ignore[no-untyped-def]
    """Re-test 44, N1 (serious): "11" in Cramping, then a lock: the form came back with
    a plain 1 and no note, and Save kept "1 of 10". The draft keeps the refusal."""
    form = body_area.form
    tab_to(qtbot, form.cramping)
    type_over(qtbot, form.cramping, "11")
    kept = form.draft()
    assert kept is not None
    form.reset()
    form.restore(kept)
    note = form.notes.note("cramping")
    qtbot.waitUntil(note.isVisible)
    assert note.text() == "This takes a number from 0 to 10, so 11 was not kept."
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert saved_logs(journal) == []


def test_a_refusal_is_kept_over_a_lock_by_a_dialog_s_draft(qtbot):  # type: ignore[no-untyped-def]
    """The same for a dialog kept at a lock and given back ("Change this log…")."""
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    from journal.ui.common.dialog_drafts import capture, give_back, note_baseline
    from journal.ui.common.number_field import NumberField

    def built() -> tuple[QDialog, NumberField]:
        dialog = QDialog()
        dialog.setWindowTitle("Numbers")
        field = NumberField()
        field.setRange(0, 10)
        QVBoxLayout(dialog).addWidget(field)
        qtbot.addWidget(dialog)
        dialog.show()
        note_baseline(dialog)  # as the app's dialog watcher does when it is shown
        return dialog, field

    dialog, field = built()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    type_over(qtbot, field, "11")
    kept = capture(dialog)
    assert kept is not None
    again, field_again = built()
    give_back(again, kept)
    assert field_again.kept_refusal() == "This takes a number from 0 to 10, so 11 was not kept."


def test_cramping_rubbed_out_after_a_refusal_is_not_noted(qtbot, body_area, journal):  # type: ignore[no-untyped-def]
    """Re-test 44, N2: the 1 left of "11", rubbed out, came back by itself with "This
    takes a whole number from 0 to 10.", and Save still refused. Emptied, Cramping says
    "Not noted", and nothing refused stays held."""
    form = body_area.form
    tab_to(qtbot, form.cramping)
    type_over(qtbot, form.cramping, "11")
    qtbot.keyClick(form.cramping, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(form.cramping, Qt.Key.Key_Backspace)
    qtbot.keyClick(form.cramping, Qt.Key.Key_Tab)
    assert form.cramping.text() == "Not noted" and form.cramping.kept_refusal() is None
    assert "whole number" not in form.notes.note("cramping").text()


def test_idle_minutes_rubbed_out_keep_what_they_were_and_say_so(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    dialog = _open_settings(qtbot, unlocked_window)
    idle = dialog.idle
    idle.setFocus()
    qtbot.waitUntil(idle.hasFocus)
    qtbot.keyClick(idle, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(idle, Qt.Key.Key_Backspace)
    qtbot.keyClick(idle, Qt.Key.Key_Tab)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "Nothing was typed here, so it keeps 5 min."
    assert idle.value() == 5 and idle.kept_refusal() is None
