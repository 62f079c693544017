"""Full-text search over the guidance articles, held in an in-memory FTS5 table.

The library is small and ships with the app, so the index is rebuilt in memory
at start-up rather than stored. It uses ``sqlcipher3``, the SQLite build (with
FTS5) that the app already ships; an in-memory database needs no key.

It finds what the Journal's search finds, through the same code (issue 9): the
words' other forms (``journal.storage.word_forms``: NFKC, Arabic letters written one
way, Hebrew and Arabic words without their prefixes) in a ``forms`` column, the
query folded by the same `search_fold`; and a pairs index
(``journal.storage.ngrams.index_grams``) for words inside Chinese, Japanese or Thai
and for emoji and symbols (💔, ♡, "C++"). A snippet always shows the article's
words as written, the matching ones marked.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import re
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import sqlcipher3

from journal.domain.common.typing_errors import as_meant
from journal.domain.library.articles import Article
from journal.domain.library.plaintext import markdown_to_text, without_private_use
from journal.storage.fts_query import fts5_match_query
from journal.storage.library.query import letters_only, library_query
from journal.storage.library.stems import match_query, stems_of
from journal.storage.measures import read_measures
from journal.storage.ngrams import GRAMS_TOKENIZER, grams_match, index_grams, split_query
from journal.storage.symbols import symbol_needles, symbol_query, unit_of
from journal.storage.word_forms import MARKED_WORD, fold_term, index_forms, starts_with_term

__all__ = ["HIGHLIGHT_CLOSE", "HIGHLIGHT_OPEN", "LibraryIndex", "SearchHit"]

HIGHLIGHT_OPEN = "<b>"
HIGHLIGHT_CLOSE = "</b>"

# Private-use characters mark matches inside FTS5 snippets. They cannot occur in
# the indexed text (they are removed before indexing), so after HTML-escaping the
# snippet they can be swapped for real tags without any risk of injecting markup.
_OPEN = "\ue000"
_CLOSE = "\ue001"
_ELLIPSIS = "…"
_MARKED = re.compile(f"({_OPEN}[^{_CLOSE}]*{_CLOSE})")
_SNIPPET_TOKENS = 16
#: A search's shorter words are left out when no article has them all and the others
#: are looked for alone: "go" (of "should I go to the hospital") starts words in every
#: article.
MIN_SOME_WORD = 3
#: ...and only a word that at most this share of the articles (per cent) holds names a
#: subject among some of the words: "bleeding" (8 of 14) does, "take" (10) and "time"
#: (13) do not (re-test 50, N4: "bleeding after dnc" found nothing at a half).
_MOST_NAMING = 60
_RUN_REACH = 60  # characters either side of a spaceless word in its passage

# bm25() weights, one per column in table order: slug (not indexed), title,
# summary, topics, the everyday words the article is also found by (its keywords),
# body, the words' other forms. A match in the title counts most.
_WEIGHTS = (0.0, 10.0, 5.0, 3.0, 3.0, 1.0, 1.0)
_TITLE, _SUMMARY, _BODY = 1, 2, 5
#: The columns that say what an article is about: its title, topics and keywords (the
#: everyday words it answers), chosen for it, where its body mentions much else.
_ABOUT = "{title topics keywords}"
_SLUGS_MATCHING = "SELECT slug FROM library WHERE library MATCH ?"
_WORDS = re.compile(r"\w+")  # the words of an article, for their stems
#: A word of the articles this long or longer is found through a slip of the fingers
#: typed for it ("misscarriage", "bleding": break test 49, F6); a shorter one's slips
#: are too often words of their own.
MIN_SLIPPED_WORD = 7
_LETTERS = re.compile(r"[^\W\d_]+")
# A chunk of a query that is a bare number ("39", "38.5", "(12)"), punctuation aside.
_BARE_NUMBER = re.compile(r"[^\w°]*\d+(?:[.,]\d+)*[^\w°]*")


def without_bare_numbers(text: str) -> str:
    """``text`` without the chunks (runs of non-spaces) that are bare numbers: "fever 39"
    -> "fever", "12 weeks" -> "weeks"; a measurement ("39°c") is kept."""
    return " ".join(chunk for chunk in text.split() if not _BARE_NUMBER.fullmatch(chunk))


def without_symbols(text: str) -> str:
    """``text`` without the chunks (runs of non-spaces) that are symbol runs as a query
    reads them (`symbol_query`: "😢", "👩🏽‍⚕️", "♡", "C++"); a measurement ("39°c")
    stays. For a search that found nothing with them: "bleeding 😢" required an emoji
    no article holds, and was told to try another spelling (re-test 47, N3)."""
    return " ".join(
        chunk
        for chunk in text.split()
        if all(unit_of(run) is not None for run in symbol_query(chunk))
    )


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
    every_word: bool = True
    """False when no article had every word of the search, and this one has some of
    them (`LibraryIndex.search`)."""
    read_as: tuple[tuple[str, str], ...] = ()
    """Each word typed with a slip of the fingers and the article word it was read as
    ("misscarriage", "miscarriage"), when the search was read so (`LibraryIndex.search`)."""


_LINES_JOINED = " \u00b7 "


def _passage(body: str, start: int, end: int, marked: Callable[[str], str]) -> str:
    """The part of ``body`` around ``body[start:end]``, up to ``_RUN_REACH`` characters
    either side, through ``marked``, with "…" where it is cut inside the body."""
    first, last = max(start - _RUN_REACH, 0), end + _RUN_REACH
    return (
        (_ELLIPSIS if first else "")
        + marked(body[first:last])
        + (_ELLIPSIS if last < len(body) else "")
    )


def _render_snippet(raw: str) -> str:
    """``raw`` (a passage of an article's plain text, its matches between the index's
    markers) as one line of HTML, matches in ``<b>``: headings and paragraphs inside
    it would break a one-line result, so its lines are joined by " · " (joined by a
    space, a heading ran into the text after it: "weighs heavily Grief can take",
    break test 38)."""
    lines = (" ".join(line.split()) for line in raw.splitlines())
    escaped = html.escape(_LINES_JOINED.join(line for line in lines if line), quote=False)
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
            "slug UNINDEXED, title, summary, topics, keywords, body, forms, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        # Words in scripts without spaces (Chinese, Japanese, Thai...), emoji and
        # symbols are found through a second table (see ngrams and symbols).
        self._db.execute(
            f'CREATE VIRTUAL TABLE library_grams USING fts5(grams, tokenize="{GRAMS_TOKENIZER}")'
        )
        rows = [
            (
                a.slug,
                without_private_use(a.title),
                without_private_use(a.summary),
                without_private_use(" ".join(a.topics)),
                without_private_use(" ".join(a.keywords)),
                markdown_to_text(a.body),
            )
            for a in self._articles.values()
        ]
        self._bodies = {row[0]: row[5] for row in rows}
        # Each article's words, folded, and their stems where they have others ("babi"
        # for "babies"): indexed in the forms column, one for each word, so that a
        # word found by its stem ranks by how often the article says it (re-test 46b,
        # P3: held once each, they ranked the articles by their length), and read when
        # a snippet marks what a stem found.
        words = [_WORDS.findall(" ".join(row[1:])) for row in rows]
        folded = {word: fold_term(word) for own in words for word in own}
        self._stems = stems_of(folded.values())
        # The articles' words in order (a word being typed is the start of one of them),
        # and those a slip of the fingers is read as (`_read_as_meant`).
        self._words = sorted(set(folded.values()))
        self._long_words = frozenset(w for w in self._words if len(w) >= MIN_SLIPPED_WORD)
        stems = [[stem for w in own if (stem := self._stems.get(folded[w]))] for own in words]
        with self._db:
            self._db.executemany(
                "INSERT INTO library (slug, title, summary, topics, keywords, body, forms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (*row, " ".join(filter(None, (index_forms(*row[1:]), *own))))
                    for row, own in zip(rows, stems, strict=True)
                ],
            )
            self._db.executemany(
                "INSERT INTO library_grams (rowid, grams) "
                "SELECT rowid, ? FROM library WHERE slug = ?",
                [(index_grams(*row[1:]), row[0]) for row in rows],
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

        The articles most about the words come first (`_about`: their title, topics
        and keywords hold them), then those whose title matches, then the rest, each
        group by bm25. A word that appears in nearly every article (such as "bleed")
        gets almost no bm25 weight, so without this a title match could sink below
        unrelated articles. The library is small, so all matches are ranked before
        ``limit``.

        A measurement is read however it is typed (``journal.storage.measures``) and
        found by its unit; a bare number ("fever 39") counts only when an article
        holds it with the other words, else it is left out (`without_bare_numbers`).

        When no article has every word, the articles that have some of the words
        that name a subject come, those with the most first, each with
        ``every_word`` false (`_naming`). An article is found by its keywords too.
        When no article has every word, a word typed with a slip of the fingers is read
        as the article word meant if articles then have every word, the hits saying so
        (``read_as``: `_read_as_meant`).

        Empty or word-less text, and any database error, give an empty list.
        """
        if not isinstance(text, str) or limit < 1:
            return []
        # A measurement however typed ("39°C", "39 °C", "39C", "39 degrees", "39°С")
        # reads as one spelling ("39°c": ``journal.storage.measures``), searched by its
        # unit, its number not required: a temperature the articles do not name still
        # finds the one on fever (break test 9 of session 14, finding 8; of session 15,
        # finding 2).
        text = read_measures(text)
        hits = self._search(text, limit)
        # A bare number counts when an article holds it and the other words ("12
        # weeks"); when none does, it is left out rather than hiding what the other
        # words find: "fever 39" finds what "fever" finds (session 15, finding 2).
        as_typed = " ".join(text.split())
        if not hits and (fewer := without_bare_numbers(text)) != as_typed:
            hits = self._search(fewer, limit)
        # Letters glued in a run ("D&C") are searched alone when they and the other
        # words find nothing together ("D&C recovery": `letters_only`).
        if not hits and (letters := letters_only(text)) is not None:
            hits = self._search(letters, limit)
        # Emoji and symbols beside words ("bleeding 😢") are left out when they find
        # nothing with them.
        if not hits and (plain := without_symbols(text)) != as_typed and plain:
            hits = self.search(plain, limit)
        # No article has every word: those that have some of them, the most first, as
        # such (`SearchHit.every_word`). A question in everyday words found nothing
        # ("I can't stop crying", "my husband doesn't care": break test 48, F4).
        if not hits:
            hits = self._search(text, limit, every=False)
        # No article has every word: words typed with a slip of the fingers are read as
        # the articles' words meant, when articles then have every word, and the hits say
        # so ("misscarriage", "miscarrage bleeding": break test 49, F6). Only then: with
        # no dictionary of English, a word of its own missed by every article ("camping")
        # may be read so, and a search found as typed never is (re-test 50, N2:
        # "contacting" was read as "contracting").
        if not hits or not hits[0].every_word:
            meant, read_as = self._read_as_meant(text)
            found = self.search(meant, limit) if read_as else []
            if found and found[0].every_word:
                hits = [dataclasses.replace(hit, read_as=read_as) for hit in found]
        return hits

    def _read_as_meant(self, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """``text`` with each word that no word of the articles starts with, and that is
        a slip of the fingers for one of their long words (`MIN_SLIPPED_WORD`), written
        as that word; and the pairs (word typed, word meant). A word still being typed
        ("bleedin") starts an article's word and is left as it is."""
        read_as: dict[str, str] = {}

        def meant(found: re.Match[str]) -> str:
            typed = fold_term(found[0])
            at = bisect.bisect_left(self._words, typed)
            if at < len(self._words) and self._words[at].startswith(typed):
                return found[0]
            word = as_meant(typed, self._long_words)
            if word == typed:
                return found[0]
            read_as[found[0]] = word
            return word

        return _LETTERS.sub(meant, text), tuple(read_as.items())

    def _search(self, text: str, limit: int, every: bool = True) -> list[SearchHit]:
        """`search` for ``text`` with its measurements already read (`read_measures`):
        the articles that have every word; or with ``every`` false those that have some
        of its words that name a subject (`_naming`), the most first."""
        spaced, runs = split_query(text)
        symbols = symbol_query(text)
        # A run of non-spaces that holds a symbol ("C++", "♡,") is searched as a whole
        # in the pairs index, so its letters are no words of their own ("c").
        if symbols:
            spaced = " ".join(chunk for chunk in spaced.split() if not symbol_query(chunk))
        # The words, folded and stemmed once: for the query and for what is marked.
        asked = library_query(spaced)
        words, phrases = asked.words, asked.phrases
        terms = tuple(fold_term(word) for word in words)
        stems = stems_of(terms)
        having: dict[str, set[str]] = {}
        if not every:  # the word index only
            having = self._naming(words, stems, phrases)
            words = tuple(word for word in words if word in having)
            phrases = tuple(phrase for phrase in phrases if "&".join(phrase) in having)
        query = match_query(words, stems, phrases, every=every)
        grams = grams_match(runs, symbols, any_number=True) if every else None
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
        if query is None:  # only spaceless words or symbols: mark the first where it is
            # (a measurement, "39°c", as written or by its unit: `symbol_needles`)
            first = [runs[0]] if runs else symbol_needles(symbols[:1])
            rows = [self._mark_run(row, first) for row in rows]
        else:
            found = frozenset(stems.values())
            rows = [self._mark_forms(row, terms, found, symbol_needles(symbols)) for row in rows]
        found_words = Counter(slug for slugs in having.values() for slug in slugs)
        about = self._about(words, stems) if len(rows) > 1 else {}
        rows.sort(
            key=lambda row: (
                -found_words[row[0]],
                -about.get(row[0], 0.0),
                _OPEN not in row[2],
                row[5],
                row[0],
            )
        )
        return [
            self._hit(slug, title, body, summary, score, every)
            for slug, title, _, body, summary, score in rows[:limit]
        ]

    def _about(self, words: tuple[str, ...], stems: Mapping[str, str]) -> dict[str, float]:
        """How much each article (by slug) is about ``words``: for each word found, as
        `match_query` finds it, in the article's title, topics or keywords (`_ABOUT`),
        one share of 1 among the articles about it, so that a word few articles are
        about counts most (as inverse document frequency weighs it). The articles more
        about a search's words come first: "am I going to die from this bleeding" listed
        "Miscarriage without bleeding" (its title) before "Warning signs", whose
        keywords and topics name dying and bleeding (re-test 49, N3)."""
        queries: list[str | None] = [
            f"{_ABOUT} : {match_query([word], stems, every=False)}" for word in words
        ]
        about: dict[str, float] = {}
        for found in self._slugs_of(queries) or []:  # closed: ranked as before
            for slug in found:
                about[slug] = about.get(slug, 0.0) + 1 / len(found)
        return about

    def _naming(
        self, words: tuple[str, ...], stems: Mapping[str, str], phrases: tuple[tuple[str, ...], ...]
    ) -> dict[str, set[str]]:
        """The slugs of the articles that have each of ``words`` (found as `match_query`
        finds some of the words) and each of ``phrases`` (keyed by its letters joined by
        "&"), for those that name a subject: of `MIN_SOME_WORD` letters or more, and in
        at most `_MOST_NAMING` per cent of the articles. A word most articles have
        ("time", "pregnancy") found them all: "tired all the time" said that 14 articles
        had some of its words, the whole library (break test 49, F5)."""
        queries = {
            word: match_query([word], stems, every=False)
            for word in words
            if len(word) >= MIN_SOME_WORD
        }
        queries |= {"&".join(phrase): match_query([], stems, [phrase]) for phrase in phrases}
        found = self._slugs_of(list(queries.values()))
        if found is None:  # closed: nothing is found, as `_search` says
            return {}
        having = dict(zip(queries, map(set, found), strict=True))
        most = len(self._articles) * _MOST_NAMING // 100
        return {key: slugs for key, slugs in having.items() if 0 < len(slugs) <= most}

    def _slugs_of(self, queries: list[str | None]) -> list[list[str]] | None:
        """The slugs of the articles each of ``queries`` (FTS5 MATCH expressions; None
        finds none) finds, in order; None when the index is closed."""
        try:
            with self._lock:
                return [
                    [slug for (slug,) in self._db.execute(_SLUGS_MATCHING, (query,))]
                    if query is not None
                    else []
                    for query in queries
                ]
        except sqlcipher3.Error:
            return None

    def searches_symbols_only(self, text: str) -> bool:
        """Whether what ``text`` searches for is emoji and symbols alone ("♡", "C++"),
        as `search` reads it: the Library's "nothing found" then speaks of them."""
        if not isinstance(text, str):
            return False
        text = read_measures(text)
        spaced, runs = split_query(text)
        symbols = symbol_query(text)
        words = " ".join(chunk for chunk in spaced.split() if not symbol_query(chunk))
        return bool(symbols) and not runs and fts5_match_query(words) is None

    def _mark_run(self, row: tuple[Any, ...], runs: list[str]) -> tuple[Any, ...]:
        """A result found through the pairs index, with ``runs`` (one run, or a
        measurement and its unit, longest first) marked in the title and a passage of
        the body cut around the first (FTS5's own snippets mark only words). A symbol
        run comes folded ("c++" for "C++"), so it is looked for in any case."""
        slug, title, _title, _body, summary, score = row
        needle = re.compile("|".join(re.escape(run) for run in runs), re.IGNORECASE)

        def marked(text: str) -> str:
            return needle.sub(lambda found: f"{_OPEN}{found.group()}{_CLOSE}", text)

        body = self._bodies.get(slug, "")
        first = needle.search(body)
        passage = "" if first is None else _passage(body, first.start(), first.end(), marked)
        return slug, title, marked(title), passage, marked(summary), score

    def _mark_forms(
        self,
        row: tuple[Any, ...],
        terms: tuple[str, ...],
        stems: frozenset[str],
        needles: list[str],
    ) -> tuple[Any, ...]:
        """A result found through the word index, with what FTS5 could not mark marked
        too: the words that match ``terms`` only as their other forms (the ``forms``
        column: "أمي" for "امي"), as written (`starts_with_term`, as the Journal marks
        them), the words whose stem is one of ``stems`` ("baby" for "babies",
        `journal.storage.library.stems`), and the symbol runs ``needles`` ("💔"). When
        FTS5 marked no passage of the body or the summary, one is cut around the first
        such word."""
        slug, title, title_marked, body_marked, summary_marked, score = row
        patterns = [re.escape(needle) for needle in needles]
        needle = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None

        def found(word: str) -> bool:
            if stems and (folded := fold_term(word)) and self._stems.get(folded, folded) in stems:
                return True
            return bool(terms) and starts_with_term(word, terms)

        def mark_part(part: str) -> str:
            part = MARKED_WORD.sub(
                lambda word: f"{_OPEN}{word[0]}{_CLOSE}" if found(word[0]) else word[0], part
            )
            if needle is None:
                return part
            return needle.sub(lambda run: f"{_OPEN}{run[0]}{_CLOSE}", part)

        def marked(text: str) -> str:
            """``text`` with more marked, outside what is marked already."""
            pieces = _MARKED.split(text)
            return "".join(
                piece if index % 2 else mark_part(piece) for index, piece in enumerate(pieces)
            )

        title_marked = marked(title_marked)
        body_marked, summary_marked = marked(body_marked), marked(summary_marked)
        if _OPEN not in body_marked + summary_marked:
            body = self._bodies.get(slug, "")
            first = next(
                (word for word in MARKED_WORD.finditer(body) if found(word[0])),
                None,
            )
            if first is None and needle is not None:
                first = needle.search(body)
            if first is not None:
                body_marked = _passage(body, first.start(), first.end(), marked)
            summary_marked = marked(without_private_use(self._articles[slug].summary))
        return slug, title, title_marked, body_marked, summary_marked, score

    def _hit(
        self, slug: str, title: str, body: str, summary: str, score: float, every: bool
    ) -> SearchHit:
        # Show the body passage when a word matched there, else the summary passage;
        # when only the title or topics matched, the whole summary reads best.
        if _OPEN in body:
            snippet = _render_snippet(body)
        elif _OPEN in summary:
            snippet = _render_snippet(summary)
        else:
            snippet = html.escape(self._articles[slug].summary, quote=False)
        return SearchHit(slug, title, snippet, float(score), every)

    def by_topic(self) -> dict[str, list[str]]:
        """Topic -> slugs of the articles with that topic, both sorted."""
        topics: dict[str, list[str]] = {}
        for article in self._articles.values():
            for topic in article.topics:
                topics.setdefault(topic, []).append(article.slug)
        return {topic: sorted(slugs) for topic, slugs in sorted(topics.items())}
