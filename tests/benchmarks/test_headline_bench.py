"""A headline is made each time a list reads an entry (issue 12, migration 0031), so
it must cost about the same whatever the entry holds (re-test 52, N1).

A first line of 3,990 characters of stars and underscores that close nothing took the
inline patterns (``.+?`` from every opener to the line's end) 113 ms a headline, and
150 such entries held the window for 8 to 10 s at every list. Measured here: the
headline of such a line against that of a line as long whose markers each close, in
the same run, as a ratio. Check: at most 3 (before: 48 to 149).

Run: pytest -o addopts="" -p no:cacheprovider tests/benchmarks/test_headline_bench.py -q -s
"""

from __future__ import annotations

import statistics
import time

import pytest

from journal.domain.entries.entry import make_headline

RATIO = 3.0
WORDS = ("a quiet **walk** by the _river_, ~~cold~~ " * 100)[:3_990]  # each closed
UNCLOSED = {
    "stars and underscores": ("*a _a " * 700)[:3_990],
    "bold stars": ("**a " * 1_000)[:3_990],
    "bold underscores": ("__a " * 1_000)[:3_990],
    "tildes": ("~~a " * 1_000)[:3_990],
}


def _median_ms(line: str) -> float:
    samples = []
    for _ in range(15):
        started = time.perf_counter()
        make_headline("", line + "\nthe next line")
        samples.append((time.perf_counter() - started) * 1_000)
    return statistics.median(samples)


@pytest.mark.parametrize("kind", list(UNCLOSED))
def test_a_headline_of_markers_that_close_nothing_costs_what_words_cost(benchmark, kind):
    figures: dict[str, float] = {}

    def both() -> None:
        figures["words_ms"] = _median_ms(WORDS)
        figures["unclosed_ms"] = _median_ms(UNCLOSED[kind])

    benchmark.pedantic(both, rounds=1, iterations=1)
    ratio = figures["unclosed_ms"] / figures["words_ms"]
    benchmark.extra_info.update(figures, ratio=round(ratio, 2))
    print(
        f"\n{kind}: {figures['unclosed_ms']:.2f} ms against {figures['words_ms']:.2f} ms"
        f" for words, ratio {ratio:.2f}"
    )
    assert ratio <= RATIO
