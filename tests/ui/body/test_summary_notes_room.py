"""The doctor summary's notes take no room while they say nothing, and move no button
when they come (issue 10).

"Anything to add" and the passphrase each kept two blank lines under them for a
refusal that might come, and the status line kept room for "Saved
health-summary.pdf…": blank bands in the middle of the form. A note now shows only
when it has words, and the dialog grows at its top as it comes, so that the button
just clicked stays under the mouse (`fit.grow_at_top`). A real dialog on a real
journal, clicked as the person does."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from journal.domain.body.temperature import TemperatureUnit
from journal.settings import FONT_SCALE
from journal.storage.body.repository import BodyRepository
from journal.ui.body.export_dialog import NO_PASSPHRASE, PASSPHRASE_IN_TEXT, ExportDialog
from journal.ui.common.fit import DialogBody
from journal.ui.common.local_time import today_local
from tests.conftest import PASSPHRASE

LAPTOP = QRect(0, 0, 1366, 768)


def _where(widget: QWidget) -> tuple[int, int]:
    return widget.mapToGlobal(QPoint(0, 0)).toTuple()


def _gap(above: QWidget, below: QWidget) -> int:
    """The pixels between the bottom of ``above`` and the top of ``below``."""
    window = above.window()
    bottom = above.mapTo(window, QPoint(0, above.height())).y()
    return below.mapTo(window, QPoint(0, 0)).y() - bottom


def _below_the_form(dialog: ExportDialog) -> int:
    """The pixels between the passphrase field and what comes under it: the words on
    what the files hold (under the fields since issue 10's break test of session 24),
    and between those and the bottom of the scrolling content; the larger."""
    body = dialog.findChild(DialogBody)
    assert body is not None and body.widget() is not None
    content = body.widget()
    holds = dialog.holds
    bottom = holds.mapTo(content, QPoint(0, holds.height())).y()
    return max(_gap(dialog.passphrase, holds), content.height() - bottom)


def _dialog(qtbot, window, monkeypatch, scale: int, tmp_path: Path) -> ExportDialog:  # type: ignore[no-untyped-def]
    from tests.ui.accessibility.screens import settle

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(LAPTOP))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(LAPTOP))
    window.settings.set(FONT_SCALE, scale)
    journal = window.journal
    dialog = ExportDialog(
        BodyRepository(journal.db),
        journal.check_passphrase,
        TemperatureUnit.CELSIUS,
        today_local() - timedelta(days=13),
        window,
    )
    dialog.choose_path = lambda _name, _filter: tmp_path / "health-summary.pdf"
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    settle()
    return dialog


def _settled(qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.accessibility.screens import settle

    for _ in range(6):
        qtbot.wait(20)
        settle()


@pytest.mark.parametrize("scale", [100, 200])
def test_no_blank_band_under_anything_to_add_or_the_passphrase(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, monkeypatch, tmp_path: Path, scale: int
) -> None:
    dialog = _dialog(qtbot, unlocked_window, monkeypatch, scale, tmp_path)
    line = dialog.fontMetrics().lineSpacing()
    # As close as two rows of a form, never a line's room between them (at 200 % the
    # form puts "Passphrase" above its field).
    (named,) = [each for each in dialog.findChildren(QLabel) if each.buddy() is dialog.passphrase]
    top = named if named.y() < dialog.passphrase.y() else dialog.passphrase
    assert _gap(dialog.extra, top) < line
    assert _below_the_form(dialog) < line
    dialog.close()


@pytest.mark.parametrize("scale", [100, 200])
def test_a_note_answering_save_shows_whole_and_moves_no_button(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, monkeypatch, tmp_path: Path, scale: int
) -> None:
    dialog = _dialog(qtbot, unlocked_window, monkeypatch, scale, tmp_path)
    buttons = (dialog.pdf_button, dialog.csv_button, dialog.close_button)
    before = [_where(button) for button in buttons]
    # Save PDF with no passphrase: said under the passphrase.
    qtbot.mouseMove(dialog.pdf_button)  # the pointer on it, as a click has it
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    _settled(qtbot)
    note = dialog.notes_on_fields.note("passphrase")
    assert note.text() == NO_PASSPHRASE and note.isVisible()
    assert note.height() >= note.heightForWidth(note.width())  # whole
    assert [_where(button) for button in buttons] == before, "a button moved"
    # Her passphrase in the added words, then Save PDF again: said under them instead.
    dialog.extra.setFocus()
    qtbot.keyClicks(dialog.extra, f"Ask about iron {PASSPHRASE}")
    dialog.passphrase.setFocus()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    _settled(qtbot)
    before = [_where(button) for button in buttons]
    qtbot.mouseMove(dialog.pdf_button)  # the pointer on it, as a click has it
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    _settled(qtbot)
    extra_note = dialog.notes_on_fields.note("extra")
    assert extra_note.text() == PASSPHRASE_IN_TEXT and extra_note.isVisible()
    assert QApplication.focusWidget() is dialog.extra
    assert [_where(button) for button in buttons] == before, "a button moved"
    dialog.close()
