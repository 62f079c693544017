"""Search as you type: full text over titles, bodies, tags and feelings, with filters.

The user's text is split by `query_tokens` and every token quoted (see
`match_expression`), so no input can change the query's meaning or raise a syntax error.
Results come newest first, LIMITed, with no COUNT over every match: each
keystroke stays cheap however large the journal. Matching words in the
snippet are marked with private-use characters and handed back as parts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import text

from journal.domain.common.letters import INVISIBLE
from journal.domain.common.local_time import day_start
from journal.domain.entries.cuts import safe_end, safe_start
from journal.domain.entries.entry import EntrySummary
from journal.domain.entries.feelings import Mood
from journal.domain.entries.lines import split_lines
from journal.domain.entries.plain import CLOSE_MARK, CUT, OPEN_MARK, plain_fragment, plain_window
from journal.domain.entries.tags import tag_key
from journal.storage.database import Database
from journal.storage.entries.repository import ZONE_REACH, stored_spellings, summary_from_row
from journal.storage.entries.term_view import TERMS_TABLE
from journal.storage.entries.terms import fold_variants, index_terms
from journal.storage.fts_query import fts5_phrase, query_tokens
from journal.storage.measures import is_measure, measure_spans, read_measures
from journal.storage.ngrams import grams_match, split_query
from journal.storage.symbols import (
    VARIATION_SELECTORS,
    decimal_numbers,
    measured_words,
    symbol_query,
)
from journal.storage.types import stored_text
from journal.storage.word_forms import (
    FORMS_SEPARATOR,
    MARKED_WORD,
    fold_term,
    search_fold,
    starts_with_term,
)

SNIPPET_TOKENS = 14


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Everything but the words. ``shared`` None means shared and private."""

    date_from: date | None = None
    date_to: date | None = None
    mood: Mood | None = None
    feeling: str | None = None
    tag: str | None = None
    shared: bool | None = None

    @property
    def active(self) -> bool:
        return self != SearchFilters()


# A run of text and whether it is a matching word.
SnippetPart = tuple[str, bool]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One entry found by a search, with the snippet that shows the hit (plain-text parts,
    each marked whether it matched).
    """

    summary: EntrySummary
    snippet: tuple[SnippetPart, ...] = ()


def snippet_parts(marked: str) -> tuple[SnippetPart, ...]:
    """Split a snippet already shown as plain words (`plain_window`, `plain_fragment`)
    and marked with OPEN_MARK/CLOSE_MARK into (text, matched) parts."""
    parts: list[SnippetPart] = []
    for index, chunk in enumerate(marked.split(OPEN_MARK)):
        if index == 0:
            if chunk:
                parts.append((chunk, False))
            continue
        matched, _, rest = chunk.partition(CLOSE_MARK)
        if matched:
            parts.append((matched, True))
        if rest:
            parts.append((rest, False))
    return tuple(parts)


SHORT_WORD = 3
# The word index's prefix indexes hold prefixes of 2 to 5 letters (its options, set by
# migrations 0009 and 0013: ``prefix = '2 3 4 5'``); a longer prefix has none.
LONGEST_PREFIX_INDEX = 5
# A long prefix starting more whole terms than this is searched as a prefix.
MOST_WHOLE_TERMS = 32
# The index's terms starting with a prefix (at most MOST_WHOLE_TERMS), or None.
TermsOf = Callable[[str], list[str] | None]
# No term holds U+10FFFF (unicode61 reads an unassigned code point as a separator), so
# every term that starts with a prefix sorts between it and it with this after it.
_LAST_CHARACTER = "\U0010ffff"


def terms_starting(session: Any, prefix: str) -> list[str] | None:
    """The word index's terms (str) that start with ``prefix`` (a term as the index
    holds it: `fold_variants`), in the index's order, through the read-only fts5vocab
    table each connection makes as it opens (`term_view.TERMS_TABLE`); None when there
    are more than ``MOST_WHOLE_TERMS`` (the prefix is then searched as a prefix).
    Costs one read of the matching terms' row lists (about 1 ms for 50,000 rows)."""
    found = session.scalars(
        text(f"SELECT term FROM {TERMS_TABLE} WHERE term >= :prefix AND term <= :last LIMIT :most"),
        {"prefix": prefix, "last": prefix + _LAST_CHARACTER, "most": MOST_WHOLE_TERMS + 1},
    ).all()
    if len(found) > MOST_WHOLE_TERMS:
        return None
    return [str(term) for term in found if str(term).startswith(prefix)]


def match_expression(words: str, terms_of: TermsOf | None = None) -> str | None:
    """The MATCH expression for ``words``, or None when there is nothing to search.

    Every term is quoted with `fts5_phrase`, so no input is read as FTS5
    syntax, and each is one term as the index's own tokenizer makes it
    (`index_terms`), never a phrase: the index keeps no positions (migration
    0009), and the terms are ANDed. Terms keep prefix matching ("bleed" finds
    "bleeding"), except:

    * a single letter is not searched (it matches nearly everything); typed after
      other words it waits for the next key: "walked b" searches "walked";
    * a short word that is already finished ("by", "the " with a space after it)
      is matched as a word, not as the start of every word like it ("the" is not
      "then", "there", "these"...). That keeps each keystroke cheap;
    * a word the tokenizer splits ("हिन्दी") is matched as its pieces, each
      finished piece as a whole word;
    * case is folded as Unicode folds it, beyond what the index's tokenizer does:
      each term is ORed with its `fold_variants` ("strasse" finds "Straße",
      "ΣΟΦΙΑ" finds "Σοφία");
    * a prefix longer than the index's longest prefix index (`LONGEST_PREFIX_INDEX`
      letters) is searched as the whole terms that start with it, ORed, when
      ``terms_of`` gives them (a str -> the index's terms starting with it, or None
      to keep the prefix): FTS5 reads a prefix without an index of its length by
      gathering every row of every term it starts in memory before the first row
      comes back (6 ms at 100k entries for "lighte"*), while whole terms are read
      newest first and stop at the page (0.2 ms). The rows found are the same.
    """
    tokens = query_tokens(words)
    folded = search_fold(words)  # a word ending in a vowel mark (كَتَبَ) is not finished
    last_finished = bool(folded) and not folded[-1].isalnum()
    glued = _glued_letters(words, tokens)
    parts: list[str] = []
    for position, token in enumerate(tokens):
        if len(token) < 2 and not glued:
            continue
        finished = position < len(tokens) - 1 or last_finished or glued
        pieces = index_terms(token)
        for index, piece in enumerate(pieces):
            whole = index < len(pieces) - 1
            exact = whole or (finished and len(piece) <= SHORT_WORD)
            star = "" if exact else "*"
            variants = fold_variants(piece, prefix=not exact)
            forms: list[str] = []
            for form in variants:
                whole_terms = None
                if not exact and terms_of is not None and len(form) > LONGEST_PREFIX_INDEX:
                    whole_terms = terms_of(form)  # [] when no term starts with it
                if whole_terms is None:
                    forms.append(fts5_phrase(form) + star)
                else:
                    forms.extend(fts5_phrase(found) for found in whole_terms)
            # No term starts with any form: the prefix itself finds nothing, at once.
            forms = list(dict.fromkeys(forms)) or [fts5_phrase(variants[0]) + star]
            term = forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"
            if term not in parts:
                parts.append(term)
    # FTS5 reads "a b" as a AND b, but not next to a parenthesis: say AND there.
    joiner = " AND " if any(part.startswith("(") for part in parts) else " "
    return joiner.join(parts) or None


def _glued_letters(words: str, tokens: list[str]) -> bool:
    """Whether ``words`` (a query, split into ``tokens`` by `query_tokens`) is single
    letters or digits glued by punctuation or symbols in one run of non-spaces, with no
    longer word ("2*3*4", "x^2", "a.b"): they are then searched as whole words (break
    test 9 of session 19, finding 5: "2*3*4", written in an entry, said "Type a little
    more to search"). A lone letter, or one typed after a space, still waits."""
    if len(tokens) < 2 or any(len(token) > 1 for token in tokens):
        return False
    return any(len(query_tokens(chunk)) > 1 for chunk in words.split())


def _filter_sql(
    filters: SearchFilters, params: dict[str, Any], tags: tuple[str, ...] = ()
) -> list[str]:
    """The conditions on ``e`` (an ``entries`` row) of ``filters``, their values added to
    ``params``; the tag filter matches any of ``tags`` (the journal's spellings of the
    tag asked for: `EntrySearch._spellings`), else the tag as given."""
    where: list[str] = []
    # Each entry is on its day where it was written (its own zone): the indexed range
    # is widened by ZONE_REACH, then each row is kept by its own day.
    if filters.date_from is not None:
        where.append("e.created_at >= :date_from")
        where.append("solace_local_day(e.created_at, e.zone) >= :day_from")
        params["date_from"] = stored_text(day_start(filters.date_from) - ZONE_REACH)
        params["day_from"] = filters.date_from.isoformat()
    if filters.date_to is not None:
        where.append("e.created_at < :date_to")
        where.append("solace_local_day(e.created_at, e.zone) <= :day_to")
        params["date_to"] = stored_text(day_start(filters.date_to + timedelta(days=1)) + ZONE_REACH)
        params["day_to"] = filters.date_to.isoformat()
    if filters.mood is not None:
        where.append("e.mood = :mood")
        params["mood"] = int(filters.mood)
    if filters.feeling:
        where.append(
            "EXISTS (SELECT 1 FROM entry_feelings AS f "
            "WHERE f.entry_seq = e.seq AND f.feeling = :feeling)"
        )
        params["feeling"] = filters.feeling
    if filters.tag:
        spellings = tags or (filters.tag,)
        marks = ", ".join(f":tag{n}" for n in range(len(spellings)))
        where.append(
            "EXISTS (SELECT 1 FROM entry_tags AS t "
            f"WHERE t.entry_seq = e.seq AND t.tag IN ({marks}))"
        )
        params |= {f"tag{n}": spelling for n, spelling in enumerate(spellings)}
    if filters.shared is not None:
        # A constant, not a bound value: ``shared = 1`` is the condition of the partial
        # index of shared entries (0027), which SQLite uses only for that very term.
        where.append("e.shared = 1" if filters.shared else "e.shared = 0")
    return where


def has_words(words: str) -> bool:
    """Whether ``words`` hold anything `EntrySearch.search` searches for: a word of two
    or more letters, any character of a script written without spaces (one
    character is a whole word in Chinese or Japanese: 悲, 痛), or an emoji or a
    symbol (🕯️, "C++": ``journal.storage.symbols``)."""
    words = read_measures(words)
    spaced, runs = split_query(words)
    return match_expression(spaced) is not None or bool(runs) or bool(symbol_query(words))


def only_symbols(words: str) -> bool:
    """Whether what ``words`` search for is emoji and symbols alone ("🕯️", "C++"): the
    Journal's "nothing found" then speaks of them, not of fewer or shorter words."""
    words = read_measures(words)
    spaced, runs = split_query(words)
    return not runs and match_expression(spaced) is None and bool(symbol_query(words))


_SUMMARY = (
    "e.id, e.created_at, solace_headline(e.title, e.body), e.mood, e.feelings, e.tags, "
    "e.shared, e.zone"
)


class EntrySearch:
    """Search as you type over one open journal's entries (FTS5 inside SQLCipher)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _spellings(self, tag: str) -> tuple[str, ...]:
        """Every spelling (str) the journal holds of ``tag``'s kind (`tag_key`: "ري"
        typed for "ری", "weiss" for "weiß"), else ``tag`` itself: a journal from before
        one spelling per tag may hold two, and the filter finds the entries of both
        (break test 51, F1: "weiss" typed found none of the entries tagged "weiß")."""
        with self._db.session() as session:
            return tuple(stored_spellings(session, tag_key(tag))) or (tag,)

    def search(
        self,
        words: str,
        filters: SearchFilters = SearchFilters(),
        *,
        limit: int = 50,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Entries matching ``words`` (any text at all) and ``filters``, newest first.

        Words in scripts written without spaces (Chinese, Japanese, Thai...) are
        found anywhere inside a sentence through the pairs index
        (``journal.storage.ngrams``); other words by the word index, as prefixes.
        With no words (or a single letter), the filters alone choose; with neither,
        nothing is returned.
        """
        params: dict[str, Any] = {"limit": limit, "offset": offset}
        spellings = self._spellings(filters.tag) if filters.tag else ()
        where = _filter_sql(filters, params, spellings)
        # A measurement however typed ("39C", "38,5 °C", "ºC") reads as one spelling
        # ("39°c", "°c"), searched exactly in the pairs index, which holds the entries'
        # measurements by the same rule, as it holds decimal numbers ("38.5"): "38.5°C"
        # is not "38 °C", "°F" finds "102F" (``journal.storage.measures``; break test 9
        # of session 15, finding 9). A bare whole number stays a word ("39").
        words = read_measures(words)
        spaced, runs = split_query(words)
        symbols = symbol_query(words)
        symbols += [number for number in decimal_numbers(spaced) if number not in symbols]
        spaced = measured_words(spaced)
        match = match_expression(spaced)
        grams = grams_match(runs, symbols)
        if grams is not None:
            params["grams"] = grams
        if match is None and grams is not None:
            # Only words in scripts without spaces: the pairs index chooses, newest
            # first like the word index; the snippet is cut around the first run.
            conditions = " AND ".join(["entries_grams MATCH :grams", *where])
            sql = (
                f"SELECT {_SUMMARY}, solace_unpack(e.body) FROM entries_grams JOIN entries AS e "
                f"ON e.seq = entries_grams.rowid WHERE {conditions} "
                "ORDER BY entries_grams.rowid DESC LIMIT :limit OFFSET :offset"
            )
        elif match is None:
            if not where:
                return []
            sql = (
                f"SELECT {_SUMMARY}, '' FROM entries AS e WHERE {' AND '.join(where)} "
                "ORDER BY e.created_at DESC, e.seq DESC LIMIT :limit OFFSET :offset"
            )
        else:
            if grams is not None:
                where.append(
                    "e.seq IN (SELECT rowid FROM entries_grams WHERE entries_grams MATCH :grams)"
                )
            params["match"] = match
            conditions = " AND ".join(["entries_fts MATCH :match", *where])
            # FTS5's snippet() weighs every place a term occurs against every other:
            # a long entry holding a word 80,000 times took minutes. A long entry's
            # snippet is cut here instead (`_word_snippet`), in one bounded pass.
            # Each hit's body is unpacked once (`solace_long_text`, NULL for a short
            # one): COALESCE stops at its first value, so a long body is handed over
            # with a "b" before it and snippet() runs only for a short one ("s").
            params["snippet_chars"] = FTS_SNIPPET_CHARS
            sql = (
                f"SELECT {_SUMMARY}, COALESCE("
                f"'{LONG_BODY}' || solace_long_text(e.body, :snippet_chars), "
                f"'{FTS_SNIPPET}' || snippet(entries_fts, -1, '{OPEN_MARK}', '{CLOSE_MARK}', "
                f"'{CUT}', {SNIPPET_TOKENS})) FROM entries_fts JOIN entries AS e "
                f"ON e.seq = entries_fts.rowid WHERE {conditions} "
                "ORDER BY entries_fts.rowid DESC LIMIT :limit OFFSET :offset"
            )
        with self._db.session() as session:
            if match is not None:  # the long prefixes as the whole terms they start
                params["match"] = match_expression(
                    spaced, lambda prefix: terms_starting(session, prefix)
                )
            rows: list[Any] = list(session.execute(text(sql).columns(), params).all())
            if match is not None:
                rows = _from_bodies(session, rows)
        needle = (runs[0] if runs else symbols[0]) if grams is not None and match is None else None
        return [
            SearchHit(
                summary_from_row(_with_time(row)),
                snippet_parts(
                    _needle_snippet(str(row[8] or ""), needle)
                    if needle is not None
                    else _snippet(str(row[8] or ""), spaced)
                    if match is not None
                    else ""
                ),
            )
            for row in rows
        ]


def _from_bodies(session: Any, rows: list[Any]) -> list[Any]:
    """``rows`` with each snippet FTS5 cut where the index holds a body's other word
    forms (it holds `FORMS_SEPARATOR`) replaced by the body, to be cut here (`_word_snippet`):
    a snippet shows the words as written ("הבית", "ﬁnally"), never their other forms."""
    wanted = [row[0] for row in rows if _needs_body(str(row[8] or ""))]
    if not wanted:
        return rows
    marks = ", ".join(f":id{n}" for n in range(len(wanted)))
    bodies = dict(
        session.execute(
            text(f"SELECT id, solace_unpack(body) FROM entries WHERE id IN ({marks})"),
            {f"id{n}": entry_id for n, entry_id in enumerate(wanted)},
        ).all()
    )
    return [
        (*row[:8], LONG_BODY + str(bodies.get(row[0]) or "")) if row[0] in bodies else row
        for row in rows
    ]


# What the word search's last column starts with: a long body to cut here, or the
# snippet FTS5 made of a short one.
LONG_BODY = "b"
FTS_SNIPPET = "s"


def _needs_body(column: str) -> bool:
    """Whether a snippet FTS5 cut (``column``: `FTS_SNIPPET` and the snippet) is to be
    cut again from the body (`_from_bodies`): where the index holds the body's other
    word forms (`FORMS_SEPARATOR`), and where a line it cuts holds a character that may
    be a marker (``*``, ``_``, ``~``, a backtick, or ``#`` or ``>`` at a line's start),
    which only the whole line tells from text (`plain_window`). Most snippets hold
    none, and keep FTS5's cut."""
    if FORMS_SEPARATOR in column:
        return True
    if not column.startswith(FTS_SNIPPET):
        return False
    snippet = column[len(FTS_SNIPPET) :]
    edges = []
    if snippet.startswith(CUT):
        edges.append(split_lines(snippet)[0])
    if snippet.endswith(CUT):
        edges.append(split_lines(snippet)[-1])
    return any(_MAYBE_MARKER.search(edge) for edge in edges)


#: A character a cut line may hold as a marker or as text (`_needs_body`).
_MAYBE_MARKER = re.compile(r"[*_~`]|^\W*[#>]")


def _snippet(column: str, words: str) -> str:
    """The snippet of a word-search hit from its last column (see `LONG_BODY`), as plain
    marked words."""
    if column.startswith(LONG_BODY):
        return _word_snippet(column[len(LONG_BODY) :], words)
    return plain_fragment(column[len(FTS_SNIPPET) :])


# Up to SNIPPET_REACH characters either side of the first place the run occurs: more
# than a row shows, so the row can cut it again at word boundaries (the UI's
# `journal.ui.entries.snippet`, with Qt's Unicode rules) and keep the hit in view.
SNIPPET_REACH = 60


def _needle_snippet(body: str, needle: str) -> str:
    """The part of ``body`` around the first ``needle`` ("" when it is not there),
    with "…" at an edge cut inside the body (as FTS5's snippet() marks its own).
    It is cut only where no word piece and no character is split (`safe_start`).

    The needle comes NFC-normalized (`split_query`); a body written decomposed is
    looked at NFC-normalized too, so its snippet is not empty. A measurement, a unit or
    a decimal number ("38°c", "°f", "38.5") is looked for however it is written
    ("38.5 °C", "102F": ``journal.storage.measures.measure_spans``)."""
    spans = measure_spans(body[:WORD_SNIPPET_REACH], needle) if is_measure(needle) else []
    if spans:
        at, needle = spans[0][0], body[spans[0][0] : spans[0][1]]
    else:
        at = body.find(needle)
    if at < 0:
        body = unicodedata.normalize("NFC", body)
        at = body.find(needle)
    if at < 0:  # searched folded ("c++" for "C++"), past what shows nothing (`_loosely`)
        found = _loosely(needle).search(body)
        if found is None:
            return ""
        at, needle = found.start(), found.group()
    start = safe_start(body, at - SNIPPET_REACH, at)
    end = safe_end(body, at + len(needle) + SNIPPET_REACH, at + len(needle))
    return plain_window(body, start, end, _needle_marks(body, start, end, needle))


# What a needle is searched without that a body may hold between its characters: the
# characters that show nothing (``journal.domain.common.letters.INVISIBLE``) and the
# emoji variation selectors (``journal.storage.symbols.VARIATION_SELECTORS``).
_SKIPPED = f"[{INVISIBLE}{VARIATION_SELECTORS}]*"


def _loosely(needle: str) -> re.Pattern[str]:
    """``needle`` in any case, wherever a body holds it with characters that show
    nothing between its own: a Thai run typed whole ("ฉันเสียใจ") where the entry
    parts its words by zero-width spaces, an emoji sequence searched without its
    variation selectors (break test 48, F2 and F7: the entry was found, with no words
    shown)."""
    return re.compile(_SKIPPED.join(re.escape(char) for char in needle), re.IGNORECASE)


def _needle_marks(body: str, start: int, end: int, needle: str) -> dict[int, str]:
    """Marks around each place ``needle`` occurs (in any case, a measure however it is
    written: ``journal.storage.measures``) in ``body[start:end]``, by position in
    ``body`` (`plain_window`)."""
    window = body[start:end]
    spans = measure_spans(window, needle) if is_measure(needle) else []
    if not spans:
        spans = [m.span() for m in _loosely(needle).finditer(window)]
    marks: dict[int, str] = {}
    for begin, finish in spans:
        marks[start + begin] = marks.get(start + begin, "") + OPEN_MARK
        marks[start + finish] = CLOSE_MARK + marks.get(start + finish, "")
    return marks


# An entry longer than this (in characters) gets its snippet from `_word_snippet`.
FTS_SNIPPET_CHARS = 20_000
# How far into a long entry `_word_snippet` looks for the first matching word.
WORD_SNIPPET_REACH = 200_000
_WORDS = MARKED_WORD


def _word_snippet(body: str, words: str) -> str:
    """The part of a long ``body`` around the first word that starts with a term of
    ``words`` (folded), that word and the others like it marked; "" when none is met
    in the first ``WORD_SNIPPET_REACH`` characters (the words may be in the title or
    tags, or further on: the entry opens at its hit). Costs one pass over at most
    that many characters, however often the words occur."""
    terms = tuple(
        fold_term(term)
        for token in query_tokens(words)
        if len(token) >= 2
        for term in index_terms(token)
    )
    if not terms:
        return ""
    window = body[:WORD_SNIPPET_REACH]
    first = next(
        (found for found in _WORDS.finditer(window) if starts_with_term(found.group(), terms)),
        None,
    )
    if first is None:
        return ""
    start = safe_start(body, first.start() - SNIPPET_REACH, first.start())
    end = safe_end(body, first.end() + SNIPPET_REACH, first.end())
    marks: dict[int, str] = {}
    for found in _WORDS.finditer(body, start, end):
        if starts_with_term(found.group(), terms):
            marks[found.start()] = marks.get(found.start(), "") + OPEN_MARK
            marks[found.end()] = CLOSE_MARK + marks.get(found.end(), "")
    return plain_window(body, start, end, marks)


def _with_time(row: Any) -> list[Any]:
    """Raw SQL hands back the stored time as naive UTC text; make it aware UTC."""
    values = list(row)
    if isinstance(values[1], str):
        values[1] = datetime.fromisoformat(values[1]).replace(tzinfo=UTC)
    return values
