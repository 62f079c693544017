"""A message that appears in a dialog or the main window moves no button under the
mouse (break test 10 of session 15, finding 7): Export grew 43 px for a refusal said
under the passphrase although it was about the folder, and two notes in the main
window stacked two banners that pushed the page down 45 px each."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from journal.ui.common.fit import text_height
from journal.ui.shell.notices import Notice
from tests.ui.common.test_dialog_grows import LAPTOP, NETBOOK, _screen


def _where(widget: QWidget) -> tuple[int, int]:
    """The widget's top-left corner on the screen (pixels)."""
    return widget.mapToGlobal(QPoint(0, 0)).toTuple()


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Process events until no top-level window's geometry has changed for three turns
    (a label refitted to its width re-lays its dialog one turn later)."""
    before, same = None, 0
    for _ in range(50):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        qtbot.wait(0)
        now = [w.geometry().getRect() for w in QApplication.topLevelWidgets() if w.isVisible()]
        same = same + 1 if now == before else 0
        if same == 3:
            return
        before = now


@pytest.mark.parametrize("screen", [LAPTOP, NETBOOK])
def test_export_says_a_refusal_under_its_field(  # type: ignore[no-untyped-def]
    qtbot, journal, tmp_path: Path, monkeypatch, screen: QRect
) -> None:
    from journal.settings import Theme
    from journal.ui.common.theme import apply_theme
    from journal.ui.safekeeping.export_dialog import NO_FOLDER, ExportDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, Theme.LIGHT, 100)  # styled as in the app, whatever ran before
    _screen(monkeypatch, screen)
    dialog = ExportDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _settle(qtbot)
    qtbot.keyClicks(dialog.passphrase, "anything")
    dialog.export_button.click()  # no folder chosen yet
    note = dialog.folder_note
    qtbot.waitUntil(lambda: note.text() == NO_FOLDER)
    _settle(qtbot)
    assert not dialog.footer.error.text()
    # Under Folder, above the passphrase.
    place_bottom = dialog.place.mapToGlobal(QPoint(0, dialog.place.height())).y()
    assert place_bottom <= note.mapToGlobal(QPoint(0, 0)).y()
    assert (
        note.mapToGlobal(QPoint(0, note.height())).y()
        <= dialog.passphrase.mapToGlobal(QPoint(0, 0)).y()
    )
    # (Not asserted: once a main window has run in the process, the Folder note's empty
    # room is laid out taller than the refusal, and the dialog shrinks when it is said;
    # seen in session 16 and left open under issue 10.)
    folder = tmp_path / "out"
    folder.mkdir(mode=0o700)
    dialog.choose_folder(folder)
    assert not note.text()
    _settle(qtbot)
    # Grown by the folder's path, it stays on the screen (it hung below a 1024x600 one).
    assert screen.contains(dialog.frameGeometry())
    before = _where(dialog.export_button)  # the folder's path shown may take lines
    dialog.passphrase.clear()
    # No passphrase: said by the buttons, the dialog growing at its top (clicked with
    # the mouse: a dialog still opening, untouched, is centred again as it grows).
    qtbot.mouseMove(dialog.export_button)  # the pointer on it, as a click has it
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "type your passphrase" in dialog.footer.error.text())
    _settle(qtbot)
    assert _where(dialog.export_button) == before
    error = dialog.footer.error
    assert text_height(error, error.width()) <= error.height(), "said whole"


def test_the_main_window_shows_one_note_at_a_time_and_keeps_each(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
) -> None:
    window = unlocked_window
    notices = window.notices
    _settle(qtbot)
    notices.tell("Your passphrase was changed. Your recovery key still works.")
    _settle(qtbot)
    page = window.page_scroll
    top = page.mapTo(window, QPoint(0, 0)).y()
    notices.tell("Exported to a folder of your choice. It is not encrypted.")
    _settle(qtbot)
    buttons = [note.close_button for note in notices.findChildren(Notice) if note.isVisible()]
    assert len(buttons) == 1, "one note at a time"
    assert page.mapTo(window, QPoint(0, 0)).y() == top, "the page did not move"
    assert len(notices.texts()) == 2
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert notices.texts() == ["Your passphrase was changed. Your recovery key still works."]
    assert notices.isVisible()
