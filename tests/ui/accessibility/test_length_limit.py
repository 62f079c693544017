"""A field that holds a limited number of characters says so when it is full and never
keeps a cut paste (issue 10, break test of session 24, finding 14): the journal's name
silently stopped at 60 characters as it was typed, and Qt cuts a paste to the part that
fits. Real windows and fields, real keys and the real clipboard."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolTip

from journal.ui.common.length_limit import full_words
from tests.ui.accessibility.conftest import Recorder
from tests.ui.body import support as support

body_area = support.body_area
NAME = "Our little one remembered always - the long autumn of 2026 journal"  # 67


def test_a_journal_name_typed_past_its_limit_is_said_full(qtbot, window, a11y_events: Recorder):  # type: ignore[no-untyped-def]
    screen = window.lock_screen
    screen.show_create()
    field = screen.create_page.name
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, NAME)
    assert field.text() == NAME[:60]
    note = screen.create_page.name_error
    qtbot.waitUntil(lambda: note.isVisible() and note.text() == full_words(60))
    a11y_events.settle()
    assert full_words(60) in a11y_events.announcements(assertive=True)
    # The line under the name stays as the person moves on (a tooltip went at the
    # next key or Tab, and the name stood cut with nothing saying why: break test 39,
    # finding 7), and goes once the name changes.
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert not field.hasFocus() and note.isVisible() and note.text() == full_words(60)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert not note.isVisible()


def test_a_paste_too_long_for_a_field_is_kept_out_whole(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    field = body_area.form.pain_relief
    field.setFocus()
    qtbot.keyClicks(field, "ibuprofen ")
    QApplication.clipboard().setText("400 mg " * 40)  # 280 characters; the field holds 200
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(QToolTip.isVisible)
    assert field.text() == "ibuprofen "  # as it was: no cut part of the paste
    assert QToolTip.text() == full_words(200)
    qtbot.keyClicks(field, "400 mg")  # and typing goes on where it was
    assert field.text() == "ibuprofen 400 mg"


def test_every_limited_field_is_made_by_limit_length() -> None:
    """Qt's setMaxLength alone refuses in silence: each limit goes through the helper."""
    package = Path(__file__).resolve().parents[3] / "journal" / "ui"
    silent = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        if path.name != "length_limit.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.setMaxLength\(", line)
    ]
    assert silent == []
