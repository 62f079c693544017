"""A lock writes which entry was shown only when that changed (issue 12: the commit
at every lock and quit was about a fifth of a quit's time), and the entry shown at
a lock is still the one shown after the next unlock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from sqlalchemy import event

from journal.ui.entries.area import JournalArea


@contextmanager
def commits(entries: JournalArea) -> Iterator[list[int]]:
    """The number of commits made on the journal's database meanwhile, in a list."""
    engine = entries.repo.db.engine  # type: ignore[union-attr]
    made = [0]

    def counted(_connection: object) -> None:
        made[0] += 1

    event.listen(engine, "commit", counted)
    try:
        yield made
    finally:
        event.remove(engine, "commit", counted)


def test_a_lock_writes_the_entry_shown_only_when_it_changed(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    entries = next(a for a in unlocked_window.areas if a.area_id == "journal")
    unlocked_window.show_area(entries)
    qtbot.keyClicks(entries.editor.body, "The walk by the river")
    with commits(entries) as made:
        entries.save_pending()  # the entry is stored, and is now the one shown
    assert made[0] >= 1
    with commits(entries) as made:
        entries.save_pending()  # nothing changed since
    assert made[0] == 0
    qtbot.keyClick(entries.editor.body, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    with commits(entries) as made:
        entries.save_pending()  # a new entry, empty: never stored, none to reopen
        entries.save_pending()
    assert made[0] == 1
