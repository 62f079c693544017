""""Recovery details" and an appointment, opened the way the body log opens them (from
its timeline, the dialog a child of the area, `QDialog.open`), open wholly on the
screen, Save and Cancel included, at 1366x768 and 1024x600 and 100, 150 and 200 % text
(break test 15 of session 18, re-test R3: both opened with their lower half, Save and
Cancel below a 768-pixel screen, each day with some 100 px of blank room under it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from journal.settings import FONT_SCALE
from tests.ui.common.test_open_on_screen import _frame

SCREENS = {"1366x768": QRect(0, 0, 1366, 768), "1024x600": QRect(0, 0, 1024, 600)}


def _off_screen(dialog: QDialog, screen: QRect) -> list[str]:
    """What of ``dialog`` is not on ``screen``: its frame, or a button of its own."""
    problems = []
    if not screen.contains(_frame(dialog)):
        problems.append(f"its frame {_frame(dialog).getRect()}")
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    for button in box.buttons():
        shown = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
        if not screen.contains(shown):
            problems.append(f"{button.text()} at {shown.getRect()}")
    return problems


@pytest.mark.parametrize("scale", [100, 150, 200])
@pytest.mark.parametrize("size", list(SCREENS))
def test_recovery_details_and_an_appointment_open_wholly_on_the_screen(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, monkeypatch, size: str, scale: int
) -> None:
    from journal.ui.body.area import BodyArea
    from tests.ui.accessibility.screens import settle

    screen = SCREENS[size]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(screen))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(screen))
    window = unlocked_window
    window.settings.set(FONT_SCALE, scale)
    window.setGeometry(screen.adjusted(0, 30, 0, 0))
    area = window.area("body")
    assert isinstance(area, BodyArea)
    window.show_area(area)
    area.tabs.setCurrentWidget(area.timeline)
    settle()
    found: dict[str, list[str]] = {}
    for name, open_dialog in (
        ("Recovery details", area.edit_recovery),
        ("Appointment", area.add_appointment),
    ):
        dialog = open_dialog()
        qtbot.waitExposed(dialog)
        settle()
        focused = dialog.focusWidget()
        assert isinstance(focused, QWidget) and dialog.isAncestorOf(focused)
        if problems := _off_screen(dialog, screen):
            found[name] = problems
        dialog.reject()
        settle()
    assert found == {}
