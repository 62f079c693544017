"""Benchmark: loading the shipped articles, building the in-memory index and the first search.

Target (issue 4): building the index and the first search together in at most 50 ms.
"""

from __future__ import annotations

from journal.domain.library.articles import articles_dir, load_articles
from journal.storage.library.index import LibraryIndex

TARGET_SECONDS = 0.050


def _build_and_search() -> int:
    with LibraryIndex(load_articles(articles_dir())) as index:
        return len(index.search("bleed"))


def _build_and_search_preloaded(articles):  # type: ignore[no-untyped-def]
    with LibraryIndex(articles) as index:
        return len(index.search("grief partn"))


def test_load_index_and_first_search(benchmark):
    hits = benchmark.pedantic(_build_and_search, rounds=30, iterations=1, warmup_rounds=2)
    assert hits > 0
    assert benchmark.stats.stats.median <= TARGET_SECONDS


def test_index_and_first_search_with_articles_loaded(benchmark):
    articles = load_articles(articles_dir())
    hits = benchmark.pedantic(
        _build_and_search_preloaded, args=(articles,), rounds=30, iterations=1, warmup_rounds=2
    )
    assert hits > 0
    assert benchmark.stats.stats.median <= TARGET_SECONDS
