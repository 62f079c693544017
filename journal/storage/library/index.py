"""Full-text search over the guidance articles, held in an in-memory FTS5 table.

The library is small and ships with the app, so the index is rebuilt in memory
at start-up rather than stored. It uses ``sqlcipher3``, the SQLite build (with
FTS5) that the app already ships; an in-memory database needs no key.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import sqlcipher3

from journal.domain.library.articles import Article
from journal.domain.library.plaintext import markdown_to_text, without_private_use
from journal.storage.fts_query import fts5_match_query

__all__ = ["HIGHLIGHT_CLOSE", "HIGHLIGHT_OPEN", "LibraryIndex", "SearchHit"]

HIGHLIGHT_OPEN = "<b>"
HIGHLIGHT_CLOSE = "</b>"

# Private-use characters mark matches inside FTS5 snippets. They cannot occur in
# the indexed text (they are removed before indexing), so after HTML-escaping the
# snippet they can be swapped for real tags without any risk of injecting markup.
_OPEN = "\ue000"
_CLOSE = "\ue001"
_ELLIPSIS = "…"
_SNIPPET_TOKENS = 16

# bm25() weights, one per column in table order: slug (not indexed), title,
# summary, topics, body. A match in the title counts most.
_WEIGHTS = (0.0, 10.0, 5.0, 3.0, 1.0)
_TITLE, _SUMMARY, _BODY = 1, 2, 4


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result.

    ``snippet`` is HTML-escaped text with matched words wrapped in ``<b>``/``</b>``.
    ``rank`` is FTS5's bm25 score: lower (more negative) means a better match.
    Results put title matches first, so ``rank`` only orders hits within that group.
    """

    slug: str
    title: str
    snippet: str
    rank: float


def _render_snippet(raw: str) -> str:
    # Headings and paragraphs inside a passage would break a one-line result.
    escaped = html.escape(" ".join(raw.split()), quote=False)
    return escaped.replace(_OPEN, HIGHLIGHT_OPEN).replace(_CLOSE, HIGHLIGHT_CLOSE)


class LibraryIndex:
    """An FTS5 index of the articles, with prefix matching and accents ignored.

    ``search`` accepts anything a person might type and never raises. Safe to use
    from more than one thread; calls are serialised.
    """

    def __init__(self, articles: Mapping[str, Article]) -> None:
        self._articles = dict(sorted(articles.items()))
        self._lock = threading.Lock()
        self._db: Any = sqlcipher3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE library USING fts5("
            "slug UNINDEXED, title, summary, topics, body, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        with self._db:
            self._db.executemany(
                "INSERT INTO library (slug, title, summary, topics, body) VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        a.slug,
                        without_private_use(a.title),
                        without_private_use(a.summary),
                        without_private_use(" ".join(a.topics)),
                        markdown_to_text(a.body),
                    )
                    for a in self._articles.values()
                ],
            )

    def __len__(self) -> int:
        return len(self._articles)

    def __enter__(self) -> LibraryIndex:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Articles matching every word of ``text`` (each as a prefix), best first.

        Articles whose title matches come first, then the rest, each group by bm25.
        A word that appears in nearly every article (such as "bleed") gets almost no
        bm25 weight, so without this a title match could sink below unrelated
        articles. The library is small, so all matches are ranked before ``limit``.

        Empty or word-less text, and any database error, give an empty list.
        """
        if not isinstance(text, str) or limit < 1:
            return []
        query = fts5_match_query(text)
        if query is None:
            return []
        weights = ", ".join(str(w) for w in _WEIGHTS)
        sql = (
            "SELECT slug, title, "
            f"highlight(library, {_TITLE}, ?, ?), "
            f"snippet(library, {_BODY}, ?, ?, ?, {_SNIPPET_TOKENS}), "
            f"snippet(library, {_SUMMARY}, ?, ?, ?, {_SNIPPET_TOKENS}), "
            f"bm25(library, {weights}) "
            "FROM library WHERE library MATCH ?"
        )
        marks = (_OPEN, _CLOSE, _ELLIPSIS)
        try:
            with self._lock:
                rows = self._db.execute(sql, (_OPEN, _CLOSE, *marks, *marks, query)).fetchall()
        except sqlcipher3.Error:
            return []
        rows.sort(key=lambda row: (_OPEN not in row[2], row[5], row[0]))
        return [
            self._hit(slug, title, body, summary, score)
            for slug, title, _, body, summary, score in rows[:limit]
        ]

    def _hit(self, slug: str, title: str, body: str, summary: str, score: float) -> SearchHit:
        # Show the body passage when a word matched there, else the summary passage;
        # when only the title or topics matched, the whole summary reads best.
        if _OPEN in body:
            snippet = _render_snippet(body)
        elif _OPEN in summary:
            snippet = _render_snippet(summary)
        else:
            snippet = html.escape(self._articles[slug].summary, quote=False)
        return SearchHit(slug=slug, title=title, snippet=snippet, rank=float(score))

    def by_topic(self) -> dict[str, list[str]]:
        """Topic -> slugs of the articles with that topic, both sorted."""
        topics: dict[str, list[str]] = {}
        for article in self._articles.values():
            for topic in article.topics:
                topics.setdefault(topic, []).append(article.slug)
        return {topic: sorted(slugs) for topic, slugs in sorted(topics.items())}
