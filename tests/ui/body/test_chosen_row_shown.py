"""The log the keys act on is the one shown chosen: Tab into Past logs made the newest
log current (Enter and Delete acted on it) but left it unhighlighted, so a screen reader
heard no row chosen while "Change the log chosen in the list" spoke of one (break test 15
of session 25, F11). The same holds for the list of pad changes."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from journal.domain.body.log import BleedingLevel, BodyLog, PadChange, PadKind, Soaking
from tests.ui.body import support as support
from tests.ui.body.support import now, store, tab_to

body_area = support.body_area
body_page = support.body_page
PAST_TAB = 3


def test_tab_into_past_logs_chooses_the_newest_log_and_shows_it_chosen(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    t = now() - timedelta(hours=3)
    store(
        journal,
        [
            BodyLog(id="newer", logged_at=t + timedelta(hours=1), bleeding=BleedingLevel.LIGHT),
            BodyLog(id="older", logged_at=t),
        ],
        pads=[PadChange("pad", t, PadKind.THICK, Soaking.PARTLY)],
    )
    body_area.refresh()
    past = body_area.past
    body_area.tabs.tabBar().setFocus()
    qtbot.keyClick(body_area.tabs, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert body_area.tabs.currentIndex() == PAST_TAB
    assert not past.edit_button.isEnabled()  # nothing chosen yet: nothing to change

    tab_to(qtbot, past.table)
    chosen = past.table.selectionModel().selectedRows()
    assert [past.model.log_at(index.row()).id for index in chosen] == ["newer"]
    assert past.edit_button.isEnabled() and past.delete_button.isEnabled()
    qtbot.keyClick(past.table, Qt.Key.Key_Down)
    chosen = past.table.selectionModel().selectedRows()
    assert [past.model.log_at(index.row()).id for index in chosen] == ["older"]

    tab_to(qtbot, past.pads)
    assert [i.row() for i in past.pads.selectionModel().selectedIndexes()] == [0]
    assert past.pad_delete_button.isEnabled()
