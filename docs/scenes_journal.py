"""Screenshots of the Journal: the editor with a prompt, the timeline with a
search, and the mood chart. Collected by docs/screenshots.py."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, datetime, timedelta

from screenshots import settle, unlock

from journal.domain.entries.entry import new_entry
from journal.domain.entries.feelings import Mood
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.store import JournalStore
from journal.ui.entries.area import JournalArea
from journal.ui.shell.main_window import MainWindow

BODIES = (
    "Walked by the river this morning. The water was high after the rain and "
    "I stood there longer than I meant to.\n\nI felt *numb* most of the day.",
    "The follow-up appointment is on Thursday. Sam will come with me.",
    "Made soup and ate it slowly at the window. A quiet evening. #home",
    "A friend sent flowers and a card, and I cried reading it. It helped to be remembered.",
    "Slept badly again. The river walk is the one thing that feels steady.",
)
FEELINGS = (("sad", "numb"), ("anxious",), ("calm", "tired"), ("loved", "sad"), ("tired",))


def _area(window: MainWindow) -> JournalArea:
    area = next(a for a in window.areas if isinstance(a, JournalArea))
    window.show_area(area)
    return area


def _fill(window: MainWindow, days: int = 75) -> None:
    journal = window.journal
    assert journal is not None
    repo = EntryRepository(journal.db)
    rng = random.Random(7)
    now = datetime.now(UTC).replace(minute=20, second=0, microsecond=0)
    for day in range(days, 0, -1):
        for _ in range(rng.choice((0, 1, 1, 2))):
            index = rng.randrange(len(BODIES))
            at = now - timedelta(days=day, hours=rng.randint(0, 9))
            repo.save(
                dataclasses.replace(
                    new_entry(at),
                    body=BODIES[index],
                    mood=Mood(min(5, max(1, 2 + (days - day) // 25 + rng.choice((-1, 0, 1))))),
                    feelings=FEELINGS[index],
                    tags=("river",) if "river" in BODIES[index] else (),
                    shared=rng.random() < 0.3,
                )
            )


def editor_with_prompt(window: MainWindow, store: JournalStore) -> None:
    unlock(window)
    _fill(window, 20)
    area = _area(window)
    area.show_timeline()
    prompt = area.prompts.get("grief-right-now")
    area.new_entry(prompt)
    area.editor.title.setText("Tuesday evening")
    area.editor.body.set_markdown(
        "## After work\n"
        "Tired, mostly. The house is very **quiet** tonight, and _that_ is all right. #grief\n\n"
        "- tea with Sam\n- a short walk\n\n> One breath at a time.\n"
    )
    area.editor.mood.set_mood(Mood.HEAVY)
    area.editor.feelings.set_feelings(("tired", "tender"))
    area.editor._changed()
    area.editor.save_now()
    settle()


def timeline_search(window: MainWindow, store: JournalStore) -> None:
    unlock(window)
    _fill(window)
    area = _area(window)
    area.show_timeline()
    area.search.field.setText("river wal")
    area.search.toggle.setChecked(True)
    area.run_search()
    area.timeline.setCurrentIndex(area.model.index(0))
    area._open_index(area.model.index(0))


ANY_SCRIPT = (
    "Café naïve Ærø Straße résumé Zoë\n今日はとても悲しい日でした。\nฉันเสียใจมากวันนี้\n我今天很难过。"
)


def search_any_script(window: MainWindow, store: JournalStore) -> None:
    """A hit far into a spaceless sentence: the row shows it, cut at whole words."""
    unlock(window)
    _fill(window, 10)
    journal = window.journal
    assert journal is not None
    EntryRepository(journal.db).save(
        dataclasses.replace(new_entry(datetime.now(UTC)), body=ANY_SCRIPT * 3)
    )
    area = _area(window)
    area.show_timeline()
    area.search.field.setText("难过")
    area.run_search()
    area.timeline.setCurrentIndex(area.model.index(0))
    area._open_index(area.model.index(0))


def mood_chart(window: MainWindow, store: JournalStore) -> None:
    unlock(window)
    _fill(window)
    area = _area(window)
    area.show_timeline()
    area.show_chart()


def refused_date(window: MainWindow, store: JournalStore) -> None:
    """A "Written on" still to come, typed by keys, then Tab: the reason stays beside
    the field while the focus has moved on (it is never pulled back); the caret sits
    in a bold word, so the Bold button shows pressed."""
    from PySide6.QtCore import QDate, QDateTime, Qt, QTime
    from PySide6.QtTest import QTest

    unlock(window)
    area = _area(window)
    area.new_entry()
    body = area.editor.body
    QTest.keyClicks(body, "A **quiet** evening")
    for _ in range(12):
        QTest.keyClick(body, Qt.Key.Key_Left)
    when = area.editor.when
    when.setFocus()
    QTest.keyClick(when, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    later = QDateTime(QDate.currentDate().addDays(3), QTime(9, 0))
    QTest.keyClicks(when, later.toString(when.displayFormat()))
    QTest.keyClick(when, Qt.Key.Key_Tab)
    settle()


SCENES = {
    "journal-refused-date": (refused_date, 1),
    "journal-editor-prompt": (editor_with_prompt, 1),
    "journal-timeline-search": (timeline_search, 1),
    "journal-search-any-script": (search_any_script, 1),
    "journal-mood-chart": (mood_chart, 1),
}
