"""Autosave and typing cost with long entries (issue 9): 10k, 100k, 1M and 2M characters,
short lines and one line without a break.

Saving reads the editor's text in one pass, derives the headline and #tags in
one pass, and writes one row (the full-text index re-reads the text): its time
must grow in proportion to the text. The check is a ratio measured in the same
run: the time per character at 2M is at most three times that at 100k (a
quadratic cost would make it twenty times). Typing a character is measured
too and reported: with short lines it highlights and lays out one line; in one
enormous paragraph Qt lays out the whole paragraph on every keystroke.

Run: pytest -o addopts="" -p no:cacheprovider tests/benchmarks/test_editor_bench.py
--benchmark-only -q -s
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journal.domain.entries.entry import MAX_BODY_CHARS
from journal.settings import Settings
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.ui.common.area import AppContext
from journal.ui.entries.area import JournalArea

try:
    from conftest import summarise  # type: ignore[import-not-found]
except ImportError:
    from tests.benchmarks.conftest import summarise

SIZES = (10_000, 100_000, 1_000_000, MAX_BODY_CHARS - 100)
LINE = "a short line of a long night, #grief and **quiet**\n"
UNBROKEN = "ok, _maybe_ `not` "
SHAPES = {"lines": LINE, "one-line": UNBROKEN}
PER_CHAR: dict[tuple[str, int], float] = {}


def _text(shape: str, size: int) -> str:
    unit = SHAPES[shape]
    return (unit * (size // len(unit) + 1))[: size - 10]


@pytest.fixture(scope="module")
def area(tmp_path_factory, qapp):  # type: ignore[no-untyped-def]
    data = tmp_path_factory.mktemp("editor-bench")
    journal, _ = JournalStore(data).create("Bench", "editor bench passphrase", LIGHT_KDF)
    widget = JournalArea()
    widget.resize(1000, 700)
    widget.show()
    widget.open_journal(AppContext(journal, Settings(data), lambda _url: None))
    yield widget
    widget.clear()
    journal.lock()


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("size", SIZES, ids=[f"{n // 1000}k" for n in SIZES])
def test_autosave_grows_in_proportion_to_the_text(benchmark, area, shape, size):
    area.new_entry()
    editor = area.editor
    data = QMimeData()
    data.setText(_text(shape, size))
    editor.body.insertFromMimeData(data)
    assert editor.save_now()
    saves: list[float] = []
    keys: list[float] = []

    def edit_and_save() -> None:
        started = time.perf_counter()
        QTest.keyClick(editor.body, Qt.Key.Key_A)
        QApplication.processEvents()
        keys.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        assert editor.save_now()
        saves.append((time.perf_counter() - started) * 1000)

    benchmark.pedantic(edit_and_save, rounds=7, iterations=1, warmup_rounds=1)
    figures = summarise(saves)
    typing = summarise(keys)
    benchmark.extra_info.update({"save": figures, "keystroke": typing})
    print(f"\n{shape} {size:,} chars: autosave {figures}, keystroke {typing}")
    PER_CHAR[(shape, size)] = figures["median_ms"] / size
    if size == SIZES[-1]:
        ratio = PER_CHAR[(shape, size)] / PER_CHAR[(shape, 100_000)]
        print(f"{shape}: time per character at 2M / at 100k = {ratio:.2f}")
        assert ratio <= 3
