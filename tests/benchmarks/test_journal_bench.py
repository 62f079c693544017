"""Journal benchmarks at 1k, 10k and 100k entries (issue 3). Targets at 100k:

* search as you type, per keystroke (query + model reset + paint): p95 <= 16 ms;
* opening the journal page (beyond key derivation): <= 150 ms;
* autosave of an edit (Markdown out + one-row upsert): p95 <= 5 ms (reported,
  not asserted: FTS5 secure-delete puts it around the target on this machine);
* peak memory with 100k entries open, browsed, searched and charted: <= 250 MB.

The journals are built once (deterministic generator) and cached under the temp
directory. Run: pytest -o addopts="" -p no:cacheprovider
tests/benchmarks/test_journal_bench.py --benchmark-only -q -s
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from journal.settings import Settings
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.ui.common.area import AppContext
from journal.ui.entries.area import JournalArea

try:
    from conftest import summarise  # type: ignore[import-not-found]
    from journal_generator import PASSPHRASE, private_copy  # type: ignore[import-not-found]
except ImportError:
    from tests.benchmarks.conftest import summarise
    from tests.benchmarks.journal_generator import PASSPHRASE, private_copy

ROOT = Path(__file__).resolve().parents[2]
SIZES = (1_000, 10_000, 100_000)
TYPED = (
    "grief",
    "hospital appointment",
    "walked by the river",
    "cafe",
    "tired morning",
    "jealous",
    "numb",
    "sleep came late",
    "xylophone",
)
# Words inside sentences written without spaces (issue 9), typed character by character.
TYPED_SPACELESS = ("难过", "很累", "悲しい", "予約", "เศร้า", "รู้สึก")


@pytest.fixture(scope="module", params=SIZES, ids=[f"{n // 1000}k" for n in SIZES])
def opened(request, bench_cache, qapp, tmp_path_factory) -> Iterator[tuple[int, Path, OpenJournal]]:  # type: ignore[no-untyped-def]
    data, folder = private_copy(request.param, tmp_path_factory.mktemp("journal"), bench_cache)
    journal = JournalStore(data).unlock(folder, PASSPHRASE, check_later=True)  # as the window
    yield request.param, data, journal
    journal.lock()


def _area(data: Path, journal: OpenJournal) -> JournalArea:
    area = JournalArea()
    area.resize(1000, 700)
    area.show()
    area.open_journal(AppContext(journal, Settings(data), lambda _url: None))
    QApplication.processEvents()
    return area


def _report(benchmark, name: str, samples: list[float]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    figures = summarise(samples)
    benchmark.extra_info.update(figures)
    print(f"\n{name}: {figures}")
    return figures


def test_search_as_you_type(benchmark, opened):
    size, data, journal = opened
    area = _area(data, journal)
    samples: list[float] = []

    def keystroke(text: str) -> None:
        area.search.field.blockSignals(True)
        area.search.field.setText(text)
        area.search.field.blockSignals(False)
        area.run_search()
        area.timeline.viewport().repaint()

    for words in TYPED:
        for end in range(1, len(words) + 1):
            started = time.perf_counter()
            keystroke(words[:end])
            samples.append((time.perf_counter() - started) * 1000)
        keystroke("")
    figures = _report(benchmark, f"search per keystroke at {size:,}", samples)
    benchmark.pedantic(keystroke, args=("walked by the r",), rounds=20, iterations=1)
    area.clear()
    area.deleteLater()
    if size == 100_000:
        assert figures["p95_ms"] <= 16


def test_search_as_you_type_without_spaces(benchmark, opened):
    """The same per-keystroke measure for Chinese, Japanese and Thai words, which the
    word index alone cannot find inside a sentence; also how many entries each finds."""
    size, data, journal = opened
    area = _area(data, journal)
    samples: list[float] = []

    def keystroke(text: str) -> None:
        area.search.field.blockSignals(True)
        area.search.field.setText(text)
        area.search.field.blockSignals(False)
        area.run_search()
        area.timeline.viewport().repaint()

    found = {}
    for words in TYPED_SPACELESS:
        for end in range(1, len(words) + 1):
            started = time.perf_counter()
            keystroke(words[:end])
            samples.append((time.perf_counter() - started) * 1000)
        found[words] = area.model.rowCount()
        keystroke("")
    figures = _report(benchmark, f"spaceless search per keystroke at {size:,}", samples)
    print(f"rows shown per word: {found}")
    benchmark.pedantic(keystroke, args=("悲しい",), rounds=20, iterations=1)
    area.clear()
    area.deleteLater()
    if size == 100_000:
        assert figures["p95_ms"] <= 16


def test_index_size(benchmark, opened):
    """Bytes of the full-text indexes beside the text itself and the whole file."""
    size, _data, journal = opened
    sizes: dict[str, int] = {}

    def measure() -> None:
        with journal.db.engine.connect() as connection:
            run = connection.exec_driver_sql
            try:  # bodies are stored packed since issue 12
                run("SELECT solace_unpack('')")
                body = "solace_unpack(body)"
            except Exception:
                body = "body"
            sizes["text"] = int(
                run(
                    f"SELECT sum(length(CAST(title AS BLOB)) + length(CAST({body} AS BLOB))"
                    " + length(CAST(tags AS BLOB)) + length(CAST(feelings AS BLOB)))"
                    " FROM entries"
                ).scalar_one()
            )
            for table in ("entries_fts", "entries_grams"):
                try:
                    sizes[table] = int(
                        run(f"SELECT sum(length(block)) FROM {table}_data").scalar_one() or 0
                    ) + int(
                        run(
                            f"SELECT sum(length(term)) + 8 * count(*) FROM {table}_idx"
                        ).scalar_one()
                        or 0
                    )
                except Exception:  # the code before issue 9 has no pairs index
                    sizes[table] = 0
        sizes["file"] = (journal.folder / "journal.db").stat().st_size

    benchmark.pedantic(measure, rounds=1, iterations=1)
    benchmark.extra_info.update(sizes)
    ratio = sizes["file"] / sizes["text"]
    print(f"\nsizes at {size:,}: {sizes}, file / text = {ratio:.2f}")


def test_open_journal_page(benchmark, opened):
    size, data, journal = opened
    samples: list[float] = []
    areas: list[JournalArea] = []

    def open_page() -> None:
        started = time.perf_counter()
        area = _area(data, journal)
        area.repaint()
        samples.append((time.perf_counter() - started) * 1000)
        areas.append(area)

    benchmark.pedantic(open_page, rounds=7, iterations=1, warmup_rounds=1)
    figures = _report(benchmark, f"open journal page at {size:,}", samples[1:])
    for area in areas:
        area.clear()
        area.deleteLater()
    if size == 100_000:
        assert figures["median_ms"] <= 150


def test_unlock_with_light_key_derivation(benchmark, opened):
    """The database side of unlocking (open, verify, migrations check) with a
    near-free key derivation, so this is the cost beyond key derivation."""
    size, data, journal = opened
    store = JournalStore(data)
    samples: list[float] = []

    def unlock() -> None:
        started = time.perf_counter()
        store.unlock(journal.folder, PASSPHRASE).lock()
        samples.append((time.perf_counter() - started) * 1000)

    benchmark.pedantic(unlock, rounds=5, iterations=1)
    _report(benchmark, f"unlock (light KDF) at {size:,}", samples)


def test_autosave(benchmark, opened):
    size, data, journal = opened
    area = _area(data, journal)
    area._open_index(area.model.index(0))
    editor = area.editor
    original = EntryRepository(journal.db).get(editor.entry_id or "")
    samples: list[float] = []

    def save_edit() -> None:
        editor.body.insertPlainText(" and then some more words")
        started = time.perf_counter()
        assert editor.save_now()
        samples.append((time.perf_counter() - started) * 1000)

    benchmark.pedantic(save_edit, rounds=60, iterations=1)
    figures = _report(benchmark, f"autosave at {size:,}", samples)
    area.clear()
    area.deleteLater()
    assert original is not None
    EntryRepository(journal.db).save(original)  # leave the cached journal as built
    if size == 100_000 and figures["p95_ms"] > 5:
        # Not asserted: FTS5 secure-delete rewrites the old text's index entries at
        # commit, which costs a few ms per save; see the note in issue 3.
        print(f"autosave p95 {figures['p95_ms']} ms is above the 5 ms target")


def test_autosave_with_a_tag_not_ascii(benchmark, opened):
    """A save of an entry tagged in Persian ("ری", spelled as the journal spells its
    kind: `EntryRepository.save`) against the same save tagged in English, in one
    run. Issue 12, session 51: the first read every tag's first use through each of
    its entries, 1.3 s at 100k; the ratio stays near 1 at every size."""
    size, _data, journal = opened
    repository = EntryRepository(journal.db)
    original = repository.get(repository.summaries_page(0, 1)[0].id)
    assert original is not None
    samples: dict[tuple[str, ...], list[float]] = {("grief",): [], ("ری",): []}

    def save_both() -> None:
        for tags, times in samples.items():
            edited = dataclasses.replace(original, body=original.body + f" {len(times)}", tags=tags)
            started = time.perf_counter()
            repository.save(edited)
            times.append((time.perf_counter() - started) * 1000)

    benchmark.pedantic(save_both, rounds=15, iterations=1)
    repository.save(original)  # leave the cached journal as built
    english = _report(benchmark, f"save tagged grief at {size:,}", samples[("grief",)])
    persian = _report(benchmark, f"save tagged ری at {size:,}", samples[("ری",)])
    ratio = persian["median_ms"] / english["median_ms"]
    benchmark.extra_info["not_ascii_ratio"] = round(ratio, 2)
    print(f"save with a tag not ASCII / with an ASCII tag at {size:,}: {ratio:.2f}")


MEMORY_SCRIPT = """
import ctypes, os, sys
ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40  # see conftest.keep_none_alive
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from PySide6.QtWidgets import QApplication
from journal.settings import Settings
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.store import JournalStore
from journal.ui.common.area import AppContext
from journal.ui.entries.area import JournalArea

data, folder, passphrase = Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
app = QApplication([])
journal = JournalStore(data).unlock(folder, passphrase)
area = JournalArea()
area.resize(1000, 700)
area.show()
area.open_journal(AppContext(journal, Settings(data), lambda url: None))
for _ in range(20):
    area.model.fetchMore()
area.timeline.scrollToBottom()
app.processEvents()
for words in ("grief", "walked by the river", "tired"):
    area.search.field.setText(words)
    area.run_search()
    app.processEvents()
area.chart.range.setCurrentIndex(3)
area.show_chart()
app.processEvents()
area._open_index(area.model.index(0))
app.processEvents()
for line in Path("/proc/self/status").read_text().splitlines():
    if line.startswith("VmHWM:"):
        print(int(line.split()[1]) // 1024)
"""


@pytest.mark.parametrize("size", [100_000], ids=["100k"])
def test_peak_memory(benchmark, bench_cache, tmp_path, size):
    data, folder = private_copy(size, tmp_path, bench_cache)
    result: list[int] = []

    def run() -> None:
        done = subprocess.run(
            [sys.executable, "-c", MEMORY_SCRIPT, str(ROOT), str(data), str(folder), PASSPHRASE],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        result.append(int(done.stdout.strip().splitlines()[-1]))

    benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info["peak_rss_mb"] = result[0]
    print(f"\npeak memory with {size:,} entries open: {result[0]} MB")
    assert result[0] <= 250
