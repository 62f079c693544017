"""Every dialog opens centred over the main window and wholly on the screen, frame
included (issues 10 and 16): on a 1024x600 netbook at 200 % text, with the main window
near an edge of the screen, partly off it, or larger than it. Qt placed a dialog
before it had grown to its words and with a frame of its own guessing, so a dialog
opened with its buttons below the screen or its title bar above it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

from journal.settings import FONT_SCALE
from journal.ui.common.fit import FRAME_GUESS

NETBOOK = QRect(0, 0, 1024, 600)
PLACES = {
    "near the bottom-right corner": QRect(640, 360, 1024, 560),
    "near the top-left corner, partly off the screen": QRect(-500, -260, 900, 560),
    "larger than the screen": QRect(-150, -120, 1400, 900),
}


def _frame(dialog: QWidget) -> QRect:
    """The dialog's window with its frame: the window manager's, or where there is
    none (offscreen tests) the usual frame Solace reserves (`FRAME_GUESS`), drawn from
    the window's top-left as move() places a window."""
    frame = dialog.frameGeometry()
    if frame != dialog.geometry():
        return frame
    left, top, right, bottom = FRAME_GUESS
    return QRect(frame.topLeft(), frame.size() + QSize(left + right, top + bottom))


def _placement_problems(dialog: QWidget, main: QWidget) -> list[str]:
    """What is wrong with where ``dialog`` opened: its frame off the screen, or its
    centre away from the main window's (the part on the screen) by more than a pixel
    along a side where the screen had room to centre it."""
    frame, screen = _frame(dialog), QRect(NETBOOK)
    problems = []
    if not screen.contains(frame):
        problems.append(f"its frame {frame.getRect()} is not wholly on the screen")
    over = main.frameGeometry().intersected(screen)
    for axis, low, high in (
        ("across", frame.left() == screen.left(), frame.right() == screen.right()),
        ("down", frame.top() == screen.top(), frame.bottom() == screen.bottom()),
    ):
        shift = frame.center() - over.center()
        off = shift.x() if axis == "across" else shift.y()
        # Away from the centre only when the screen's edge on the far side stops it.
        if abs(off) > 1 and not (low if off > 0 else high):
            problems.append(f"{off} px off the main window's centre {axis}")
    return problems


def _dialogs(window, store) -> Iterator[tuple[str, QWidget]]:  # type: ignore[no-untyped-def]
    """Every dialog of the app (`made_dialogs`), then those of the lock screen, each
    shown as the app shows it, its layout settled."""
    from journal.ui.safekeeping.rescue_dialog import RescueDialog
    from tests.ui.accessibility.screens import made_dialogs, settle

    for title, make in made_dialogs(window, store).items():
        dialog = make()
        dialog.show()
        settle()
        yield title, dialog
        dialog.close()
        if dialog is not window.settings_dialog:
            dialog.deleteLater()
    folder = window.journal.folder
    window.lock()
    settle()
    window.lock_screen.unlock_page.restore_button.click()
    settle()
    yield "Restore a backup (lock screen)", window.restore_dialog
    window.restore_dialog.reject()
    rescue = RescueDialog(store, folder, "Test journal", window)
    rescue.show()
    settle()
    yield "Rescue what can be read", rescue
    rescue.close()
    rescue.deleteLater()
    settle()


@pytest.mark.parametrize("place", list(PLACES))
def test_every_dialog_opens_centred_over_the_window_and_wholly_on_the_screen(
    qtbot, unlocked_window, store, monkeypatch, place
) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.accessibility.screens import settle

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(NETBOOK))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(NETBOOK))
    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    window.setGeometry(PLACES[place])
    settle()
    found = {}
    seen = 0
    for title, dialog in _dialogs(window, store):
        seen += 1
        if problems := _placement_problems(dialog, window):
            found[title] = problems
    assert seen >= 20
    assert found == {}
