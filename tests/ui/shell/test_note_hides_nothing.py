"""A note that appears (an export done, a backup removed) moves nothing the person may
be about to click: the notes sit under the pages. Above them, "Your journal was exported
to …" pushed the areas, their tabs and every button down 47 px (break test 10 of session
17, finding 1c)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QTabBar, QWidget

from journal.settings import FONT_SCALE
from tests.ui.entries.test_editor import journal_area

SCREENS = [QSize(1366, 768), QSize(1024, 600)]
CONTROLS = (QAbstractButton, QLineEdit, QTabBar)


def _places(window) -> dict[str, QPoint]:  # type: ignore[no-untyped-def]
    """Where each visible control of the shown area is on the screen."""
    places: dict[str, QPoint] = {}
    for control in window.pages.currentWidget().findChildren(QWidget):
        if isinstance(control, CONTROLS) and control.isVisible():
            name = control.accessibleName() or getattr(control, "text", str)()
            places[f"{type(control).__name__} {name!r:.40} {id(control)}"] = control.mapToGlobal(
                QPoint(0, 0)
            )
    places["Areas"] = window.navigation.mapToGlobal(QPoint(0, 0))
    return places


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s.width()}x{s.height()}")
@pytest.mark.parametrize("area_id", ["journal", "body"])
def test_a_note_that_appears_moves_no_control(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, screen, scale, area_id
) -> None:
    from tests.ui.accessibility.screens import settle

    window = unlocked_window
    window.settings.set(FONT_SCALE, scale)
    window.resize(screen)
    window.show_area_id(area_id)
    if area_id == "journal":
        area = journal_area(window)
        qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(area.editor.body, "A few words before the export")
    settle()
    before = _places(window)
    note = window.notices.tell(
        "Your journal was exported to /home/me/solace-export-2026-12-02. "
        "Those files are not encrypted."
    )
    settle()
    assert note.isVisible()
    after = _places(window)
    moved = {
        name: (before[name].toTuple(), after[name].toTuple())
        for name in before
        if name in after and after[name] != before[name]
    }
    assert moved == {}
    # The note whole in the window, its words not cut, and closed with its button.
    shown = QRect(window.notices.mapTo(window, QPoint(0, 0)), window.notices.size())
    assert window.rect().contains(shown)
    assert note.words.height() >= note.words.heightForWidth(note.words.width())
    qtbot.mouseClick(note.close_button, Qt.MouseButton.LeftButton)
    settle()
    assert not window.notices.isVisible() and _places(window) == before
