"""The open journal's name in the toolbar is never cut in the middle of a letter
(issue 10, break test of session 23, F4: "Test <b>J</" at five steps of Ctrl++, with
nothing to say more was there): short of room it ends in "…", the whole name its
tooltip, and it is read whole."""

from __future__ import annotations

import pytest

from journal.settings import FONT_SCALE


@pytest.mark.parametrize("scale", [100, 150, 200])
def test_the_journal_name_is_whole_or_ends_in_an_ellipsis(qtbot, unlocked_window, scale) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.accessibility.screens import settle

    window = unlocked_window
    name = "Test <b>J</b> and the long months of spring"
    window.journal_name.setText(name)
    window.settings.set(FONT_SCALE, scale)
    window.resize(640, 500)
    settle()
    label = window.journal_name
    shown = label.shown_text()
    drawn = label.fontMetrics().horizontalAdvance(shown)
    assert drawn <= label.contentsRect().width()  # every letter drawn is drawn whole
    assert shown == name or (shown.endswith("\u2026") and name.startswith(shown[:-1]))
    if shown != name:
        assert label.toolTip() == name
    assert label.text() == name  # what a screen reader reads
    assert window.lock_action.isVisible()
