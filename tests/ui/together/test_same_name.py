"""Two journals shown by one name are refused by "Your name", as two writers of one
journal with one name are: Together read "Sam, respond to Sam", and listed whose
entries as "Sam" twice (break test 39, left alone then)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.couples import PARTNER_PASSPHRASE
from tests.ui.together.support import open_together, seeded, together


def test_a_name_the_partners_journal_shows_too_is_refused_under_your_name(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
) -> None:
    folder = seeded(unlocked_window, store)  # Sam's journal, and Alex's
    area = together(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    start = area.start
    start.my_name.setFocus()
    qtbot.waitUntil(start.my_name.hasFocus)
    start.my_name.selectAll()
    qtbot.keyClicks(start.my_name, " alex")
    qtbot.keyClick(start.my_name, Qt.Key.Key_Tab)  # kept as the field is left
    start.partner.setCurrentIndex(start.partner.findData(str(folder)))
    start.passphrase.setFocus()
    qtbot.keyClicks(start.passphrase, PARTNER_PASSPHRASE)
    qtbot.keyClick(start.passphrase, Qt.Key.Key_Return)

    qtbot.waitUntil(start.name_problem.isVisible, timeout=10_000)
    assert "shown as “Alex” in Together too" in start.name_problem.text()
    assert area.session is None
    assert start.my_name.hasFocus()
    assert not start.problem.isVisible()

    start.my_name.selectAll()
    top = start.passphrase.mapTo(start, start.passphrase.rect().topLeft())
    qtbot.keyClicks(start.my_name, "Sam")
    # Kept while the name is changed: nothing below moves under the pointer.
    assert start.name_problem.isVisible()
    assert start.passphrase.mapTo(start, start.passphrase.rect().topLeft()) == top
    qtbot.keyClick(start.my_name, Qt.Key.Key_Tab)
    opened = open_together(qtbot, unlocked_window, folder)
    assert opened.session is not None
    assert (opened.session.names.owner, opened.session.names.partner) == ("Sam", "Alex")
