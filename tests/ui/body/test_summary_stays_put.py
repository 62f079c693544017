"""Summary for the doctor keeps still the field under the mouse as its lines come and
go (break test 9 of session 20, F3).

A line answering a button grew or shrank the dialog at its top whatever the person
was pointing at: after Save CSV…, with the pointer over the fields (where the file
dialog's Save button had been), a refusal under the passphrase moved From, To,
"Anything to add" and the passphrase up by 96 px, the next "Saved …" line down again,
and her clicks, aimed where the fields had just been, typed her passphrase and a file
path into "Anything to add", which is printed into the unencrypted PDF. Now the window
keeps its top when what she is using is above the line, its bottom (the button just
clicked) when that is below it. A real dialog on a real journal, typed into and
clicked with the mouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from journal.ui.body.export_dialog import NOT_MATCHED, ExportDialog
from journal.ui.common.fit import window_room
from tests.conftest import PASSPHRASE
from tests.ui.body.test_summary_notes_room import _dialog, _settled, _where


def _click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Point at the middle of ``widget`` and click it, as a mouse does."""
    middle = widget.rect().center()
    qtbot.mouseMove(widget, middle)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=middle)


def _fields(dialog: ExportDialog) -> tuple[QWidget, ...]:
    return (dialog.start, dialog.end, dialog.extra, dialog.passphrase)


def _at_the_screen_bottom(dialog: ExportDialog) -> bool:
    """Whether the dialog had to move to grow: its bottom on the screen's bottom."""
    room = window_room(dialog)
    return dialog.geometry().bottom() >= room.bottom()


@pytest.mark.parametrize("scale", [100, 200])
def test_no_field_moves_under_the_mouse_as_lines_come_and_go(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, monkeypatch, tmp_path: Path, scale: int
) -> None:
    dialog = _dialog(qtbot, unlocked_window, monkeypatch, scale, tmp_path)
    _click(qtbot, dialog.extra)
    qtbot.keyClicks(dialog.extra, "Ask about iron")
    # A wrong passphrase, Save CSV… clicked: the refusal under the passphrase comes
    # with the pointer on the button, which stays under it.
    _click(qtbot, dialog.passphrase)
    qtbot.keyClicks(dialog.passphrase, "not it")
    button = _where(dialog.csv_button)
    _click(qtbot, dialog.csv_button)
    note = dialog.notes_on_fields.note("passphrase")
    qtbot.waitUntil(lambda: note.text() == NOT_MATCHED)
    _settled(qtbot)
    assert _where(dialog.csv_button) == button, "the button just clicked moved"

    # Her passphrase typed where the pointer is: the refusal goes.
    _click(qtbot, dialog.passphrase)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)  # typed over the wrong one
    _settled(qtbot)
    assert not note.isVisible()

    seen: list[tuple[list[tuple[int, int]], QPoint]] = []

    def saved_at(path: Path):  # type: ignore[no-untyped-def]
        """The file dialog, answered with its Save button over "Anything to add"."""

        def choose(_name: str, _filter: str) -> Path:
            _settled(qtbot)
            qtbot.mouseMove(dialog.extra, dialog.extra.rect().center())
            seen.append(([_where(each) for each in _fields(dialog)], dialog.pos()))
            return path

        return choose

    # Saved where it cannot be: the refusal on the status line under the form.
    dialog.choose_path = saved_at(tmp_path / "gone" / "health-summary.csv")
    _click(qtbot, dialog.csv_button)
    qtbot.waitUntil(lambda: "could not write" in dialog.status.text())
    _settled(qtbot)
    fields, window = seen[-1]
    assert [_where(each) for each in _fields(dialog)] == fields or _at_the_screen_bottom(
        dialog
    ), "a field moved under the mouse though the window could grow below"
    assert dialog.pos() == window or _at_the_screen_bottom(dialog)

    # Saved: the shorter "Saved …" line takes the refusal's place; nothing above moves.
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    dialog.choose_path = saved_at(tmp_path / "health-summary.csv")
    _click(qtbot, dialog.csv_button)
    qtbot.waitUntil(lambda: (tmp_path / "health-summary.csv").exists())
    _settled(qtbot)
    fields, window = seen[-1]
    # (At 200 % the dialog fills the screen's height and its form scrolls: a shorter
    # line there scrolls it back by what it lost, whatever the window does.)
    assert [_where(each) for each in _fields(dialog)] == fields or _at_the_screen_bottom(
        dialog
    ), "a field moved under the mouse"
    assert dialog.pos() == window, "the window moved as it shrank"
    assert dialog.extra.toPlainText() == "Ask about iron"  # nothing landed in it
    dialog.close()
