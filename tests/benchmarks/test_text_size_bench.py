"""A text size change with the body log showing (issue 15, finding 10).

The real main window on a journal of 420 body logs (70 days of the generated year) and
their pad changes. The CPU time of the process for Ctrl++ then Ctrl+0 (100 % -> 125 %
-> 100 %), until the events they post are handled, with the Journal's empty page shown
(the baseline, measured in the same run), the body log's form, and Past logs.

Check: with the body log showing, a change costs at most 1.5 times the baseline.
Before the fix Past logs' rows were measured again at each event of the restyle (some
4,600 row measures per change, shown or not) and every change set the style and the
palette again: 3.2 s of CPU with the form shown and 4.2 s with Past logs, against
1.5 to 1.7 s after it (load average 8 to 14 on two cores).

Run: pytest -o addopts="" -p no:cacheprovider tests/benchmarks/test_text_size_bench.py
--benchmark-only -q -s
"""

from __future__ import annotations

import statistics
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.settings import FONT_SCALE
from journal.storage.body.repository import BodyRepository

try:
    from body_generator import year_of_logs
except ImportError:  # run from the project's root
    from tests.benchmarks.body_generator import year_of_logs

CTRL = Qt.KeyboardModifier.ControlModifier
LOGS = 420
MEASURED: dict[str, float] = {}


def _settle() -> None:
    for _ in range(10):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _seed(window: Any) -> None:
    logs, pads, _recovery, _now = year_of_logs()
    repo = BodyRepository(window.journal.db)
    repo.save_logs(logs[:LOGS])
    last = logs[LOGS - 1].logged_at
    for pad in pads:
        if pad.changed_at <= last:
            repo.save_pad_change(pad)
    window.area("body").refresh()


@pytest.mark.parametrize("showing", ["journal, empty page", "body log form", "past logs"])
def test_a_text_size_change_costs_about_the_same_with_the_body_log_showing(  # type: ignore[no-untyped-def]
    benchmark, qtbot, unlocked_window, showing
) -> None:
    window = unlocked_window
    window.resize(1366, 768)
    _seed(window)
    if showing == "journal, empty page":
        window.show_area(window.area("journal"))
    else:
        body = window.area("body")
        window.show_area(body)
        body.tabs.setCurrentIndex(0 if showing == "body log form" else 3)
    _settle()
    here = window.navigation
    samples: list[float] = []

    def change() -> None:
        for key in (Qt.Key.Key_Plus, Qt.Key.Key_0):
            here.setFocus()
            start = time.process_time()
            qtbot.keyClick(here, key, CTRL)
            _settle()
            samples.append((time.process_time() - start) * 1000)
        assert window.settings.get(FONT_SCALE) == 100

    benchmark.pedantic(change, rounds=3, iterations=1, warmup_rounds=1)
    median = statistics.median(samples)
    MEASURED[showing] = median
    figures = {"cpu_median_ms": round(median, 1), "cpu_max_ms": round(max(samples), 1)}
    baseline = MEASURED.get("journal, empty page")
    if showing != "journal, empty page" and baseline:
        figures["ratio_to_empty_page"] = round(median / baseline, 2)
    benchmark.extra_info.update(figures)
    print(f"\ntext size change with {showing} shown: {figures}")
    if showing != "journal, empty page" and baseline:
        assert median <= 1.5 * baseline, figures
