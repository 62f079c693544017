"""A search typed just before a lock does not run while the lock keeps the day's
backup copy: the debounce timer fired inside the lock's wait for the copy, and the
search read the journal on the connection the copy was using (a fresh-clone run hung
in test_canary, the window frozen for good)."""

from __future__ import annotations


def test_a_search_still_waiting_for_its_pause_is_dropped_at_lock(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    entries = next(a for a in unlocked_window.areas if a.area_id == "journal")
    unlocked_window.show_area(entries)
    field = entries.search.field
    field.setFocus()
    qtbot.keyClicks(field, "river")
    assert entries.search.timer.isActive()  # the pause before searching has begun
    entries.save_pending()  # what the lock does first, before the backup copy
    assert not entries.search.timer.isActive()
