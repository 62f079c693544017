"""The Body log's recovery timeline read from the keyboard: each of its texts is a Tab
stop that says its own words (break test 15 of session 7, 14h: the whole timeline was
one stop, "Recovery timeline, filler", and nothing in it was read)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible

from tests.ui.accessibility.screens import area, settle
from tests.ui.accessibility.tabwalk import walk


def said(widget, part: QAccessible.Text = QAccessible.Text.Name) -> str:  # type: ignore[no-untyped-def]
    return QAccessible.queryAccessibleInterface(widget).text(part)


def test_the_recovery_timeline_is_read_in_its_words(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    body = area(window, "body")
    window.show_area(body)
    timeline = body.timeline  # type: ignore[attr-defined]
    body.tabs.setCurrentWidget(timeline)  # type: ignore[attr-defined]
    settle()
    stops = walk(qtbot, window, start=body.tabs.tabBar()).stops  # type: ignore[attr-defined]
    assert timeline not in stops
    heard = {said(w): said(w, QAccessible.Text.Description) for w in stops}
    assert heard[timeline.summary.text()] == "Your recovery"
    assert heard["Days with bleeding noted so far: 0."] == "Bleeding so far"
    assert heard["None so far."] == "Warning signs so far"
    milestones = [d for d in heard.values() if d.endswith("general information from the library")]
    assert milestones, list(heard)
