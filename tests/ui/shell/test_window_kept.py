"""The window opens as the person left it (issue 10, break test of session 23, F8):
Ctrl+L replaces the process (`hard_lock`), and the fresh window came back at 1100x728
whatever size she had given it, taller than a 600-pixel screen. Its size, place and
maximised state are kept at each lock and quit (`WINDOW_GEOMETRY`), and the next
window, in the fresh process or at the next start, takes them, within the screen.

The screen is the test platform's own (offscreen: 800x600), since Qt fits a restored
geometry to the screen in C++, where no Python stand-in reaches."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt

from journal.settings import WINDOW_GEOMETRY
from journal.storage.lock.keys import LIGHT_KDF
from journal.ui.common.fit import window_room
from journal.ui.shell.main_window import PREFERRED_SIZE, MainWindow


def next_window(qtbot, store, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    """The window the fresh process (or the next start) opens, with the same settings."""
    window = MainWindow(store, settings, LIGHT_KDF)
    qtbot.addWidget(window)
    return window


def test_a_size_she_gave_the_window_survives_ctrl_l(qtbot, unlocked_window, store, settings):  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.resize(640, 420)
    qtbot.waitUntil(lambda: window.size() == QSize(640, 420))
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked
    assert next_window(qtbot, store, settings).size() == QSize(640, 420)


def test_a_size_kept_on_a_larger_screen_opens_within_this_one(qtbot, window, store, settings):  # type: ignore[no-untyped-def]
    room = window_room(window).size()
    window.resize(room.width() + 500, room.height() + 300)  # as on a larger screen
    window.lock()  # as the window's close does on the way out
    assert settings.get(WINDOW_GEOMETRY)
    opened = next_window(qtbot, store, settings)
    assert opened.width() <= room.width() and opened.height() <= room.height()


def test_with_nothing_usable_kept_the_window_opens_at_its_comfortable_size(  # type: ignore[no-untyped-def]
    qtbot, store, settings
):
    settings.set(WINDOW_GEOMETRY, "not Qt's geometry at all")
    opened = next_window(qtbot, store, settings)
    assert opened.size() == PREFERRED_SIZE.boundedTo(window_room(opened).size())
