"""A change of the text size costs what the screen shows, not what the log holds
(issue 15, finding 10: Ctrl++ and Ctrl+0 froze the body log for 8 to 11 s under load).

Past logs' rows were measured by the table's vertical header in Qt's ResizeToContents
mode: every loaded row again at each of the many events one restyle sends, some 4,600
row measures for one Ctrl++ with a hundred logs loaded, even with Past logs out of view.
Counted here, not timed: the calls of the rows' measure (`StackedRows.sizeHint`, one per
row measured) during Ctrl++ and Ctrl+0 pressed in the real window.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt

from journal.domain.body.log import BleedingLevel, BodyLog, ClotSize
from journal.settings import FONT_SCALE
from journal.storage.body.repository import BodyRepository
from journal.ui.body.log_columns import StackedRows
from tests.ui.shell.test_fits_any_screen import settle_layouts

CTRL = Qt.KeyboardModifier.ControlModifier
LOGS = 120  # more than a page (PAGE_SIZE): a hundred rows loaded


def _seed(window: Any) -> None:
    start = datetime.now(UTC) - timedelta(days=30)
    BodyRepository(window.journal.db).save_logs(
        BodyLog(
            id=f"log{n}",
            logged_at=start + timedelta(hours=5 * n),
            bleeding=BleedingLevel.MEDIUM,
            cramping=n % 7,
            clots=ClotSize.SMALL if n % 3 == 0 else ClotSize.NONE,
            chills=n % 5 == 0,
        )
        for n in range(LOGS)
    )
    window.area("body").refresh()


def _rows_measured(action: Callable[[], None]) -> int:
    """How many times a row of Past logs is measured while ``action`` runs."""
    measure = StackedRows.sizeHint.__code__
    calls = 0

    def count(frame: FrameType, event: str, _arg: object) -> None:
        nonlocal calls
        if event == "call" and frame.f_code is measure:
            calls += 1

    sys.setprofile(count)
    try:
        action()
    finally:
        sys.setprofile(None)
    return calls


def _ctrl_plus_then_ctrl_0(qtbot: Any, window: Any) -> Callable[[], None]:
    def press() -> None:
        here = window.navigation
        here.setFocus()
        qtbot.keyClick(here, Qt.Key.Key_Plus, CTRL)
        settle_layouts(window)
        assert window.settings.get(FONT_SCALE) == 125
        qtbot.keyClick(here, Qt.Key.Key_0, CTRL)
        settle_layouts(window)
        assert window.settings.get(FONT_SCALE) == 100

    return press


@pytest.mark.parametrize("screen", [QSize(1366, 768), QSize(1024, 600)])
def test_a_text_size_change_measures_no_row_of_past_logs_out_of_view(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, screen
) -> None:
    window = unlocked_window
    window.resize(screen)
    _seed(window)
    body = window.area("body")
    window.show_area(body)
    body.tabs.setCurrentIndex(0)  # the form: Past logs is out of view
    settle_layouts(window)
    assert body.past.model.rowCount() >= 100
    measured = _rows_measured(_ctrl_plus_then_ctrl_0(qtbot, window))
    assert measured == 0, f"{measured} rows of a hidden list measured for two changes"


@pytest.mark.parametrize("screen", [QSize(1366, 768), QSize(1024, 600)])
def test_a_text_size_change_measures_each_shown_row_a_few_times_at_most(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, screen
) -> None:
    window = unlocked_window
    window.resize(screen)
    _seed(window)
    body = window.area("body")
    window.show_area(body)
    body.tabs.setCurrentWidget(body.past_scroll)
    settle_layouts(window)
    rows = body.past.model.rowCount()
    heights_before = [body.past.table.rowHeight(row) for row in range(rows)]
    measured = _rows_measured(_ctrl_plus_then_ctrl_0(qtbot, window))
    # One pass over the rows loaded each time the columns are fitted again (the font,
    # then the new width): never a pass per event of the restyle.
    assert measured <= 2 * 4 * rows, f"{measured} row measures for {rows} rows, two changes"
    # And the rows are laid out as before (their words whole at the size back at 100 %).
    assert [body.past.table.rowHeight(row) for row in range(rows)] == heights_before
