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
from journal.storage.ngrams import GRAMS_TOKENIZER, grams_match, grams_text, split_query

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
_RUN_REACH = 60  # characters either side of a spaceless word in its passage

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
        # Words in scripts without spaces (Chinese, Japanese, Thai...) are found
        # through their overlapping pairs, kept in a second table (see ngrams).
        self._db.execute(
            f'CREATE VIRTUAL TABLE library_grams USING fts5(grams, tokenize="{GRAMS_TOKENIZER}")'
        )
        rows = [
            (
                a.slug,
                without_private_use(a.title),
                without_private_use(a.summary),
                without_private_use(" ".join(a.topics)),
                markdown_to_text(a.body),
            )
            for a in self._articles.values()
        ]
        self._bodies = {row[0]: row[4] for row in rows}
        with self._db:
            self._db.executemany(
                "INSERT INTO library (slug, title, summary, topics, body) VALUES (?, ?, ?, ?, ?)",
                rows,
            )
            self._db.executemany(
                "INSERT INTO library_grams (rowid, grams) "
                "SELECT rowid, ? FROM library WHERE slug = ?",
                [(grams_text(*row[1:]), row[0]) for row in rows],
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
        spaced, runs = split_query(text)
        query = fts5_match_query(spaced)
        grams = grams_match(runs)
        if query is None and grams is None:
            return []
        weights = ", ".join(str(w) for w in _WEIGHTS)
        conditions = ["library MATCH ?"] if query is not None else []
        if grams is not None:
            conditions.append(
                "rowid IN (SELECT rowid FROM library_grams WHERE library_grams MATCH ?)"
            )
        sql = (
            "SELECT slug, title, "
            f"highlight(library, {_TITLE}, ?, ?), "
            f"snippet(library, {_BODY}, ?, ?, ?, {_SNIPPET_TOKENS}), "
            f"snippet(library, {_SUMMARY}, ?, ?, ?, {_SNIPPET_TOKENS}), "
            f"{f'bm25(library, {weights})' if query is not None else '0.0'} "
            f"FROM library WHERE {' AND '.join(conditions)}"
        )
        marks = (_OPEN, _CLOSE, _ELLIPSIS)
        matches = [m for m in (query, grams) if m is not None]
        try:
            with self._lock:
                rows = self._db.execute(sql, (_OPEN, _CLOSE, *marks, *marks, *matches)).fetchall()
        except sqlcipher3.Error:
            return []
        if query is None:  # only spaceless words: mark the first where it occurs
            rows = [self._mark_run(row, runs[0]) for row in rows]
        rows.sort(key=lambda row: (_OPEN not in row[2], row[5], row[0]))
        return [
            self._hit(slug, title, body, summary, score)
            for slug, title, _, body, summary, score in rows[:limit]
        ]

    def _mark_run(self, row: tuple[Any, ...], run: str) -> tuple[Any, ...]:
        """A result found through the pairs index, with ``run`` marked in the title and
        a passage of the body cut around it (FTS5's own snippets mark only words)."""
        slug, title, _title, _body, summary, score = row
        marked = f"{_OPEN}{run}{_CLOSE}"
        body = self._bodies.get(slug, "")
        at = body.find(run)
        passage = ""
        if at >= 0:
            start, end = max(at - _RUN_REACH, 0), at + len(run) + _RUN_REACH
            passage = (
                (_ELLIPSIS if start else "")
                + body[start:end].replace(run, marked)
                + (_ELLIPSIS if end < len(body) else "")
            )
        return slug, title, title.replace(run, marked), passage, summary.replace(run, marked), score

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
