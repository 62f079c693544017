"""Scenes at a laptop's 1366x768 and a netbook's 1024x600, with the text at 200 %:
the journal, the body log form, past logs, a chart with one day of data, the library
and the lock screen, each as the person would see it (scrolling where it does not fit).
"""

from __future__ import annotations

from collections.abc import Callable

import scenes_body
import scenes_library
from screenshots import Scene, settle, unlock

from journal.settings import FONT_SCALE
from journal.storage.lock.store import JournalStore
from journal.ui.shell.main_window import MainWindow

LAPTOP = (1366, 768)
NETBOOK = (1024, 600)


def _at(
    size: tuple[int, int], scale: int, scene: Callable[[MainWindow, JournalStore], None]
) -> Scene:
    def run(window: MainWindow, store: JournalStore) -> None:
        window.settings.set(FONT_SCALE, scale)
        window.resize(*size)
        settle()
        scene(window, store)
        settle()

    return run


def journal(window: MainWindow, store: JournalStore) -> None:
    unlock(window)
    area = window.area("journal")
    assert area is not None
    window.show_area(area)
    window.new_entry()


def one_day_chart(window: MainWindow, store: JournalStore) -> None:
    area = scenes_body._seeded(window, days=1, fever=False)
    area.refresh()
    area.tabs.setCurrentIndex(2)


def lock(window: MainWindow, store: JournalStore) -> None:
    pass


SCENES: dict[str, tuple[Scene, int]] = {
    "screen-1366-200-journal": (_at(LAPTOP, 200, journal), 1),
    "screen-1366-200-body-form": (_at(LAPTOP, 200, scenes_body.form), 1),
    "screen-1366-200-past-logs": (_at(LAPTOP, 200, scenes_body.past_logs), 1),
    "screen-1366-200-body-chart-one-day": (_at(LAPTOP, 200, one_day_chart), 1),
    "screen-1366-200-library": (_at(LAPTOP, 200, scenes_library.library_article), 1),
    "screen-1366-100-journal": (_at(LAPTOP, 100, journal), 1),
    "screen-1024-100-body-form": (_at(NETBOOK, 100, scenes_body.form), 1),
    "screen-1024-200-lock": (_at(NETBOOK, 200, lock), 1),
}
