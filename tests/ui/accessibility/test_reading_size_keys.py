"""In an article every key a keyboard gives for "larger" and "smaller" sizes the reading
text, never the whole window's, and the size is said (break test 15 of session 15,
finding 9: Ctrl++ typed on a real keyboard is Ctrl+Shift+=, which Qt's ZoomIn does not
match, so the app's Ctrl++ took it and sized everything; the reading size was silent)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.settings import FONT_SCALE
from tests.ui.library.support import library

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier


def test_every_larger_and_smaller_key_sizes_the_reading_text_and_says_so(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
) -> None:
    window = unlocked_window
    area = library(window)
    window.open_link("solace://article/finding-support")
    reader = area.reader
    browser = reader.browser
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    a11y_events.clear()
    keys = [
        (Qt.Key.Key_Plus, CTRL | SHIFT),  # Ctrl++ on US and UK keys: Ctrl+Shift+=
        (Qt.Key.Key_Equal, CTRL),  # Ctrl+=
        (Qt.Key.Key_Plus, CTRL),  # Ctrl++ where + needs no Shift
        (Qt.Key.Key_Plus, CTRL | KEYPAD),  # the keypad's +
    ]
    for key, held in keys:
        qtbot.keyClick(browser, key, held)
    assert reader._reading_size == 140
    assert window.settings.get(FONT_SCALE) == 100, "the window's text size is unchanged"
    qtbot.keyClick(browser, Qt.Key.Key_Minus, CTRL | KEYPAD)
    qtbot.keyClick(browser, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(browser, Qt.Key.Key_0, CTRL)
    assert reader._reading_size == 100
    assert window.settings.get(FONT_SCALE) == 100
    heard = [text for text in a11y_events.announcements(assertive=False) if "size" in text]
    assert heard == [
        "Reading size 110 %",
        "Reading size 120 %",
        "Reading size 130 %",
        "Reading size 140 %",
        "Reading size 130 %",
        "Reading size 120 %",
        "Reading size 100 %",
    ]
