"""Typing into the real journal search box like a person (issue 12), at 1k, 10k and 100k.

Each key is a real key event into the search field (QTest.keyClick); the debounce
timer is then fired at once (the wait itself is excluded), and the time runs until
the timeline's viewport has repainted the results. Typed: every word of 5 or more
letters among the journal's most common ones, letter by letter (so every prefix of 1
to 5 letters and beyond), the short common words, phrases whose last word is
unfinished, the same with filters set, and words inside Chinese, Japanese and Thai
sentences. Target: p95 <= 16 ms per key at every size (reported with the load
average; not asserted, the machine is shared). The GUI thread's CPU time per key is
reported too: on a machine busy with other work it is close to what the wall time
would be on a quiet one.

Run: pytest -o addopts="" -p no:cacheprovider tests/benchmarks/test_search_typing_bench.py
--benchmark-only -q -s
"""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from journal.settings import Settings
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.ui.common.area import AppContext
from journal.ui.common.wheel import install_wheel_guard
from journal.ui.entries.area import JournalArea
from journal.ui.shell.idle import IdleWatcher

try:
    from conftest import summarise  # type: ignore[import-not-found]
    from journal_generator import (  # type: ignore[import-not-found]
        PASSPHRASE,
        SENTENCES,
        TITLES,
        private_copy,
    )
except ImportError:
    from tests.benchmarks.conftest import summarise
    from tests.benchmarks.journal_generator import PASSPHRASE, SENTENCES, TITLES, private_copy

SIZES = (1_000, 10_000, 100_000)


def common_words(count: int, min_length: int, max_length: int = 99) -> list[str]:
    """The ``count`` words of the generated journals that occur most, by length."""
    words = Counter(
        w.lower()
        for text in (*SENTENCES, *TITLES)
        for w in re.findall(r"[^\W\d_]+", text)
        if min_length <= len(w) <= max_length
    )
    return [w for w, _ in words.most_common(count)]


QUERIES: dict[str, tuple[str, ...]] = {
    "common words (5+ letters)": tuple(common_words(8, 5)),
    "short common words": tuple(common_words(6, 2, 4)),
    "phrases, last word unfinished": (
        "walked by the riv",
        "hospital appoint",
        "sleep came la",
        "tired at the wind",
        "cafe on the cor",
    ),
    "spaceless words": ("难过", "很累", "悲しい", "予約", "เศร้า", "รู้สึก"),
}
FILTERED = ("the window", "felt", "sleep")


@pytest.fixture(scope="module", params=SIZES, ids=[f"{n // 1000}k" for n in SIZES])
def area(request, bench_cache, qapp, tmp_path_factory) -> Iterator[tuple[int, JournalArea]]:  # type: ignore[no-untyped-def]
    data, folder = private_copy(request.param, tmp_path_factory.mktemp("typing"), bench_cache)
    journal: OpenJournal = JournalStore(data).unlock(folder, PASSPHRASE, check_later=True)
    # Every event passes the app-wide filters the main window installs, as in the app.
    install_wheel_guard()
    idle = IdleWatcher(qapp)
    qapp.installEventFilter(idle)
    shown = JournalArea()
    shown.resize(1000, 700)
    shown.show()
    shown.open_journal(AppContext(journal, Settings(data), lambda _url: None))
    QApplication.processEvents()
    yield request.param, shown
    shown.clear()
    shown.deleteLater()
    qapp.removeEventFilter(idle)
    journal.lock()


def press(widget: QWidget, char: str) -> None:
    """One key typed: a real key press and release carrying ``char`` (QTest's own
    keyClick maps only ASCII; other scripts arrive as key events with their text)."""
    if char.isascii():
        QTest.keyClick(widget, char)
        return
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
        )


CPU: list[float] = []  # the GUI thread's CPU time per key, beside the wall time


def type_like_a_person(shown: JournalArea, words: str) -> list[float]:
    """Milliseconds from each key event to the results painted, debounce excluded
    (and, in CPU, the GUI thread's own CPU milliseconds for the same keys)."""
    field = shown.search.field
    field.setFocus()
    field.clear()
    shown.search.timer.stop()
    shown.run_search()
    samples = []
    for char in words:
        cpu = time.thread_time()
        started = time.perf_counter()
        press(field, char)  # the key event; textChanged starts the debounce
        shown.search.timer.stop()
        shown.search.timer.timeout.emit()  # as if the debounce had run out now
        shown.timeline.viewport().repaint()
        samples.append((time.perf_counter() - started) * 1000)
        CPU.append((time.thread_time() - cpu) * 1000)
    assert field.text() == words
    return samples


def _report(benchmark, name: str, samples: list[float]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    figures = summarise(samples)
    benchmark.extra_info[name] = figures
    print(f"  {name}: {figures}")
    return figures


def test_typing_into_the_search_box(benchmark, area):  # type: ignore[no-untyped-def]
    size, shown = area
    load = os.getloadavg()[0]
    print(f"\ntyping into the search box at {size:,} (load {load:.2f}):")
    everything: list[float] = []
    CPU.clear()

    def type_all() -> None:
        for name, queries in QUERIES.items():
            samples = [s for words in queries for s in type_like_a_person(shown, words)]
            everything.extend(samples)
            _report(benchmark, name, samples)
        shown.search.toggle.setChecked(True)
        shown.search.tag.setText("grief")
        shown.search.mood.setCurrentIndex(2)
        samples = [s for words in FILTERED for s in type_like_a_person(shown, words)]
        everything.extend(samples)
        _report(benchmark, "with tag and mood filters", samples)
        shown.search.clear_filters()
        QTest.keyClick(shown.search.field, Qt.Key.Key_Escape)

    benchmark.pedantic(type_all, rounds=1, iterations=1)
    figures = _report(benchmark, "every key", everything)
    _report(benchmark, "every key, GUI thread CPU time", CPU)
    benchmark.extra_info["load_average"] = round(load, 2)
    print(f"  at {size:,}: median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms")
