"""A note that appears (an export done, a backup removed) hides nothing and moves
nothing the person may be about to click but a page's foot row: the notes take a row
under the pages. Above them, "Your journal was exported to …" pushed the areas, their
tabs and every button down 47 px (break test 10 of session 17, finding 1c); floating
over the foot of the pages, it hid the entry's Share with my partner, Delete entry…
and word count until it was closed (issue 10, break test of session 23, F9)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QTabBar, QWidget

from journal.settings import FONT_SCALE
from tests.ui.entries.test_editor import journal_area

SCREENS = [QSize(1366, 768), QSize(1024, 600)]
CONTROLS = (QAbstractButton, QLineEdit, QTabBar)


def _places(window) -> dict[str, QRect]:  # type: ignore[no-untyped-def]
    """Where each visible control of the shown area is on the screen, and its size."""
    places: dict[str, QRect] = {}
    for control in window.pages.currentWidget().findChildren(QWidget):
        if isinstance(control, CONTROLS) and control.isVisible():
            name = control.accessibleName() or getattr(control, "text", str)()
            places[f"{type(control).__name__} {name!r:.40} {id(control)}"] = QRect(
                control.mapToGlobal(QPoint(0, 0)), control.size()
            )
    places["Areas"] = QRect(window.navigation.mapToGlobal(QPoint(0, 0)), QSize(1, 1))
    return places


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s.width()}x{s.height()}")
@pytest.mark.parametrize("area_id", ["journal", "body"])
def test_a_note_that_appears_hides_no_control_and_moves_only_a_foot_row(  # type: ignore[no-untyped-def]
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
    shown_note = QRect(window.notices.mapToGlobal(QPoint(0, 0)), window.notices.size())
    hidden = [name for name, place in after.items() if place.intersects(shown_note)]
    assert hidden == []
    # Only straight up (a page's foot row, over a text box that gives up its height),
    # never down or sideways; and the areas, the tabs and the page's top stay put.
    moved = {
        name: (before[name].topLeft().toTuple(), after[name].topLeft().toTuple())
        for name in before
        if name in after and after[name].topLeft() != before[name].topLeft()
    }
    assert all(a[0] == b[0] and a[1] < b[1] for b, a in moved.values()), moved
    top = min(place.top() for place in before.values())
    assert not [name for name in moved if before[name].top() == top]
    if area_id == "journal":  # the entry's foot row, in view above the note
        foot = (area.editor.shared, area.editor.delete_button)
        assert all(control.visibleRegion().boundingRect() == control.rect() for control in foot)
    # The note whole in the window, its words not cut, and closed with its button.
    shown = QRect(window.notices.mapTo(window, QPoint(0, 0)), window.notices.size())
    assert window.rect().contains(shown)
    assert note.words.height() >= note.words.heightForWidth(note.words.width())
    qtbot.mouseClick(note.close_button, Qt.MouseButton.LeftButton)
    settle()
    assert not window.notices.isVisible() and _places(window) == before
