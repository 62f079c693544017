"""Scenes at a laptop's 1366x768 and a netbook's 1024x600, with the text at 100 % and
200 %: the journal (the editor, with its date and time), the body log form, past logs,
a chart with one day of data, the library and Together, each as the person would see
it (scrolling where it does not fit). Files are named
``screen-<width>x<height>-<text>pct-<scene>-<theme>.png``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import scenes_body
import scenes_journal
import scenes_library
import scenes_together
from screenshots import Scene, settle, unlock

from journal.domain.common.local_time import now_utc
from journal.domain.entries.feelings import Mood
from journal.settings import FONT_SCALE
from journal.storage.lock.store import JournalStore
from journal.ui.common.local_time import to_qdatetime
from journal.ui.shell.main_window import MainWindow

LAPTOP = (1366, 768)
NETBOOK = (1024, 600)


def _at(
    size: tuple[int, int], scale: int, scene: Callable[[MainWindow, JournalStore], object]
) -> Scene:
    def run(window: MainWindow, store: JournalStore) -> None:
        window.settings.set(FONT_SCALE, scale)
        window.resize(*size)
        settle()
        scene(window, store)
        settle()

    return run


def journal(window: MainWindow, store: JournalStore) -> None:
    """A new entry about yesterday evening, among a few weeks of others."""
    unlock(window)
    scenes_journal._fill(window, 20)
    area = scenes_journal._area(window)
    area.show_timeline()
    window.new_entry()
    editor = area.editor
    yesterday = (now_utc() - timedelta(days=1)).replace(hour=19, minute=30)
    editor.when.setDateTime(to_qdatetime(yesterday))
    editor.title.setText("Yesterday evening")
    editor.body.set_markdown(
        "We lit a candle at the window and said the name we had chosen, out loud, "
        "for the first time.\n\nSam held my hand the whole way through. #remembering\n"
    )
    editor.mood.set_mood(Mood.HEAVY)
    editor.feelings.set_feelings(("sad", "tender"))
    editor.save_now()
    editor.body.setFocus()


SHOTS: dict[str, tuple[Scene, int]] = {
    "journal": (journal, 1),
    "body-form": (scenes_body.form, 1),
    "past-logs": (scenes_body.past_logs_one_day, 1),
    "body-chart-one-day": (scenes_body.chart_one_day, 1),
    "library": (scenes_library.library_article, 1),
    "together": (scenes_together.together_read, 2),
}

SCENES: dict[str, tuple[Scene, int]] = {
    f"screen-{width}x{height}-{scale}pct-{name}": (_at((width, height), scale, scene), journals)
    for width, height in (LAPTOP, NETBOOK)
    for scale in (100, 200)
    for name, (scene, journals) in SHOTS.items()
}
