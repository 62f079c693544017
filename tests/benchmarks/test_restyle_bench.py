"""Restyling with a large journal (issue 9, break test 9 of session 7, F4).

A journal of 13 entries, one of 1.9 million characters of short lines (the break
test's `line N 悲しい naïve ✓`) and one of 100k. The CPU time of the process (GUI and
every other thread) for one change of text size (100 % <-> 200 %) and one of theme
(light <-> dark), until the events it posts are handled, with a small entry open
(the baseline, measured in the same run) and with the 1.9M entry open.

Check: with the 1.9M entry open a change costs at most twice the baseline (before the
fix, a text size change highlighted the whole entry again and saved it: 956 ms of CPU
against 151 ms with a small entry open, 6.3 s of wall time at load average 10).

Run: pytest -o addopts="" -p no:cacheprovider tests/benchmarks/test_restyle_bench.py
--benchmark-only -q -s
"""

from __future__ import annotations

import statistics
import time

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from journal.settings import Settings, Theme
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.ui.common.area import AppContext
from journal.ui.common.theme import apply_theme
from journal.ui.entries.area import JournalArea

BIG = "".join(f"line {n} 悲しい naïve ✓ \n" for n in range(79_630))[:1_900_000]
MEDIUM = ("a paragraph of a hundred thousand characters " * 2300)[:100_000]
CHANGES = {
    "text size": ((Theme.LIGHT, 200), (Theme.LIGHT, 100)),
    "theme": ((Theme.DARK, 100), (Theme.LIGHT, 100)),
}
MEASURED: dict[tuple[str, str], float] = {}


@pytest.fixture(scope="module")
def area(tmp_path_factory, qapp):  # type: ignore[no-untyped-def]
    apply_theme(qapp, Theme.LIGHT, 100)
    data = tmp_path_factory.mktemp("restyle-bench")
    journal, _ = JournalStore(data).create("Bench", "restyle bench passphrase", LIGHT_KDF)
    widget = JournalArea()
    widget.resize(1000, 700)
    widget.show()
    widget.open_journal(AppContext(journal, Settings(data), lambda _url: None))
    ids = {}
    for name, text in [("big", BIG), ("medium", MEDIUM)] + [
        (f"small {n}", f"a small entry, number {n}") for n in range(11)
    ]:
        widget.new_entry()
        words = QMimeData()
        words.setText(text)
        widget.editor.body.insertFromMimeData(words)
        widget.editor.save_now()
        ids[name] = widget.editor.entry_id
    widget.ids = ids  # type: ignore[attr-defined]
    yield widget
    widget.clear()
    journal.lock()


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


@pytest.mark.parametrize("change", list(CHANGES))
@pytest.mark.parametrize("opened", ["small 10", "big"])
def test_restyle_costs_the_same_with_a_huge_entry_open(benchmark, area, qapp, opened, change):
    entry = area.repo.get(area.ids[opened])
    area.editor.load(entry)
    area.pages.setCurrentWidget(area.editor)
    _settle()
    samples: list[float] = []

    def restyle() -> None:
        for theme, size in CHANGES[change]:
            start = time.process_time()
            apply_theme(qapp, theme, size)
            _settle()
            samples.append((time.process_time() - start) * 1000)

    benchmark.pedantic(restyle, rounds=3, iterations=1, warmup_rounds=1)
    median = statistics.median(samples)
    MEASURED[(opened, change)] = median
    figures = {"cpu_median_ms": round(median, 1), "cpu_max_ms": round(max(samples), 1)}
    baseline = MEASURED.get(("small 10", change))
    if opened == "big" and baseline:
        figures["ratio_to_small"] = round(median / baseline, 2)
    benchmark.extra_info.update(figures)
    print(f"\n{change} with {opened!r} open: {figures}")
    if opened == "big" and baseline:
        assert median <= 2 * baseline + 50, figures
