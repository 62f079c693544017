"""Caps Lock is said, seen and heard, beside a passphrase as it is typed: with it on, a
passphrase opened nothing and nothing said why (break test 43, F6). A letter in upper
case without Shift, or in lower case with Shift, shows it on; a letter typed as Shift
would give it shows it off."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.common.caps_lock import CAPS_LOCK_ON
from journal.ui.common.widgets import NewPassphraseFields

SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_caps_lock_is_said_beside_the_unlock_passphrase(qtbot, window, a11y_events) -> None:  # type: ignore[no-untyped-def]
    page = window.lock_screen.unlock_page
    field, note = page.passphrase, page.caps_lock
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, "Q", SHIFT)  # "Q" with Shift: as meant
    qtbot.keyClicks(field, "uiet 7")
    assert not note.isVisible()
    a11y_events.clear()
    qtbot.keyClicks(field, "RIVER")  # upper case, no Shift: Caps Lock
    assert note.isVisible() and note.text() == CAPS_LOCK_ON
    assert a11y_events.announcements(assertive=False) == [CAPS_LOCK_ON]  # once
    assert field.hasFocus() and field.text() == "Quiet 7RIVER"  # nothing typed is lost
    qtbot.keyClick(field, "s", SHIFT)  # Shift with Caps Lock on gives "s": still on
    assert note.isVisible()
    qtbot.keyClicks(field, "s")  # a lower-case letter without Shift: off again
    assert not note.isVisible()
    assert field.text() == "Quiet 7RIVERss"


def test_caps_lock_is_said_under_a_new_passphrase(qtbot) -> None:  # type: ignore[no-untyped-def]
    fields = NewPassphraseFields()
    qtbot.addWidget(fields)
    fields.show()
    fields.second.setFocus()
    qtbot.keyClicks(fields.second, "LANTERN")
    assert fields.caps_lock.isVisible()
    qtbot.keyClicks(fields.first, "lantern")
    assert not fields.caps_lock.isVisible()
