"""The library tests read the real articles shipped in resources/, never stand-ins."""

from __future__ import annotations

import pytest

from journal.library import Article, LibraryIndex
from tests.library.shipped import shipped_articles, shipped_index


@pytest.fixture
def articles() -> dict[str, Article]:
    return shipped_articles()


@pytest.fixture
def index() -> LibraryIndex:
    return shipped_index()
