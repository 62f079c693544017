"""A search result opens its entry at the hit, highlighted (issue 9, break test
finding 10f: "nested" was on line 3 and the editor opened at the end)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from journal.domain.entries.entry import new_entry
from journal.settings import Settings
from journal.storage.entries.repository import EntryRepository
from journal.ui.common.area import AppContext
from journal.ui.entries.area import JournalArea

LINES = [f"line {number} of an ordinary day" for number in range(80)]
LINES[2] = "a quote nested in the third line"
LINES[40] = "we walked down the Straße in the rain"
BODY = "\n".join(LINES)


@pytest.fixture
def area(qtbot, journal, data_dir):  # type: ignore[no-untyped-def]
    EntryRepository(journal.db).save(
        dataclasses.replace(new_entry(datetime.now(UTC)), title="Long", body=BODY)
    )
    widget = JournalArea()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    widget.open_journal(AppContext(journal, Settings(data_dir), lambda _url: None))
    yield widget
    widget.save_pending()
    widget.clear()


def _open_first_result(qtbot, area, words: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(area.search.field, words)
    qtbot.waitUntil(lambda: not area.model.browsing and area.model.rowCount() == 1, timeout=5_000)
    index = area.model.index(0)
    qtbot.mouseClick(
        area.timeline.viewport(),
        Qt.MouseButton.LeftButton,
        pos=area.timeline.visualRect(index).center(),
    )
    qtbot.waitUntil(lambda: area.editor.entry_id is not None, timeout=5_000)


@pytest.mark.parametrize(
    ("words", "line", "shown"),
    [("nested", 2, "nested"), ("strasse", 40, "Straße"), ("walk", 40, "walked")],
)
def test_a_search_result_opens_at_its_hit(qtbot, area, words, line, shown):
    _open_first_result(qtbot, area, words)
    body = area.editor.body
    cursor = body.textCursor()
    assert cursor.blockNumber() == line
    assert not cursor.hasSelection()  # a key typed next cannot replace the hit
    assert body.viewport().rect().contains(body.cursorRect())  # scrolled into view
    assert body.found_places() == [shown]  # the whole word, as written


def test_the_highlight_goes_with_the_next_change(qtbot, area):
    _open_first_result(qtbot, area, "nested")
    body = area.editor.body
    qtbot.keyClicks(body, "x")
    assert body.found_places() == []
    assert "a quote xnested" in body.markdown()  # typed at the hit's start
