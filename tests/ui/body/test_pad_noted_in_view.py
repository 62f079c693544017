"""A pad change noted from the keyboard is said where it can be seen: Ctrl+Enter in
"Soaked" noted the change, but the line saying so was below the page's fold, and the
only words in view were the old "Saved the log…" (break test of issue 10, session 23,
finding 3: pressed again to "save", each press noted another change)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.storage.body.repository import BodyRepository
from tests.ui.body import support

body_area = support.body_area
body_page = support.body_page


def test_the_words_for_a_pad_change_noted_with_the_keys_come_into_view(  # type: ignore[no-untyped-def]
    qtbot, body_area, body_page, journal
) -> None:
    form = body_area.form
    body_page.resize(900, 320)
    form.pad_soaking.setFocus()
    qtbot.waitUntil(form.pad_soaking.hasFocus)
    status = form.pad_status
    shown_before = status.visibleRegion().boundingRect().height()
    qtbot.keyClick(form.pad_soaking, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(BodyRepository(journal.db).pad_changes()) == 1
    assert "Noted" in status.text()
    qtbot.waitUntil(lambda: status.visibleRegion().boundingRect().height() == status.height())
    assert shown_before < status.height()  # it had been out of view
    assert form.pad_soaking.hasFocus()  # the focus stays where the person is
