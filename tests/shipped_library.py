"""The shipped articles and their index, loaded once per test run."""

from __future__ import annotations

from functools import cache

from journal.domain.library.articles import Article, articles_dir, load_articles
from journal.storage.library.index import LibraryIndex


@cache
def shipped_articles() -> dict[str, Article]:
    return load_articles(articles_dir())


@cache
def shipped_index() -> LibraryIndex:
    """One index for the whole run; hypothesis tests cannot use function-scoped fixtures."""
    return LibraryIndex(shipped_articles())
