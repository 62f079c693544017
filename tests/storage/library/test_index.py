"""Searching the library: titles, prefixes, accents, highlighting, and any input at all."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.library.articles import SLUG_PATTERN, Article, parse_article
from journal.storage.library.index import LibraryIndex
from tests.shipped_library import shipped_index

STOP_WORDS = {"a", "and", "the", "for", "of", "to", "you", "your", "when", "how", "what", "is"}


def _article(slug: str, title: str, body: str, topics: str = '["t"]') -> Article:
    text = (
        f'+++\ntitle = "{title}"\nsummary = "A summary."\ntopics = {topics}\n'
        f'sources = ["Source A"]\nreviewed = 2026-11-21\n+++\n{body}'
    )
    return parse_article(slug, text)


def test_each_article_is_found_by_a_word_of_its_title(
    articles: dict[str, Article], index: LibraryIndex
) -> None:
    for article in articles.values():
        words = [w for w in re.findall(r"\w+", article.title.lower()) if w not in STOP_WORDS]
        assert words, article.slug
        for word in words:
            slugs = [hit.slug for hit in index.search(word)]
            assert article.slug in slugs[:3], f"{word!r} -> {slugs[:3]} (wanted {article.slug})"


def test_each_article_is_found_by_its_whole_title(
    articles: dict[str, Article], index: LibraryIndex
) -> None:
    for article in articles.values():
        assert index.search(article.title)[0].slug == article.slug


def test_prefix_search(index: LibraryIndex) -> None:
    hits = index.search("bleed")
    assert hits[0].slug == "bleeding-and-cramping"
    assert "<b>Bleeding</b>" in hits[0].snippet or "<b>bleeding</b>" in hits[0].snippet


def test_every_word_must_match(index: LibraryIndex) -> None:
    hits = index.search("hysterosalpingogram")
    assert [h.slug for h in hits] == ["next-pregnancy-and-repeated-loss"]
    assert hits[0].every_word
    # No article has both: each that has one is found as having some of the words.
    some = index.search("hysterosalpingogram cuddling")
    assert {h.slug for h in some} == {"next-pregnancy-and-repeated-loss", "closeness-without-sex"}
    assert not any(h.every_word for h in some)


def test_search_is_case_insensitive(index: LibraryIndex) -> None:
    assert [h.slug for h in index.search("MAYO")] == [h.slug for h in index.search("mayo")]


def test_accents_are_ignored_both_ways() -> None:
    with LibraryIndex(
        {
            "cafe": _article("cafe", "Meeting at a café", "We talked over coffee at a café."),
            "naive": _article("naive", "A naive question", "Asked in a naive way."),
        }
    ) as index:
        assert [h.slug for h in index.search("cafe")] == ["cafe"]
        assert [h.slug for h in index.search("CAFÉ")] == ["cafe"]
        assert [h.slug for h in index.search("naïve")] == ["naive"]
        assert "<b>café</b>" in index.search("cafe")[0].snippet


def test_title_matches_rank_above_body_matches() -> None:
    with LibraryIndex(
        {
            "body": _article("body", "Something else", "Grief grief grief grief grief."),
            "title": _article("title", "On grief", "Other words entirely."),
        }
    ) as index:
        assert [h.slug for h in index.search("grief")] == ["title", "body"]


def test_topics_are_searchable(index: LibraryIndex) -> None:
    assert "next-pregnancy-and-repeated-loss" in [h.slug for h in index.search("repeated loss")]


def test_snippets_escape_html_and_markdown_is_stripped() -> None:
    body = "Use <script>alert(1)</script> & [a link](solace://article/x) with **bold** fever."
    with LibraryIndex({"x": _article("x", "Title", body)}) as index:
        snippet = index.search("fever")[0].snippet
    assert "<script>" not in snippet
    assert "&amp;" in snippet
    assert "solace://" not in snippet and "**" not in snippet
    assert "<b>fever</b>" in snippet
    assert re.sub(r"</?b>", "", snippet).count("<") == 0


def test_a_heading_in_a_snippet_is_set_apart_from_the_text_after_it() -> None:
    """Break test 38: "weighs heavily Grief can take", a heading run into its text."""
    body = "Some words first.\n\n## When grief weighs heavily\n\nGrief can take a toll."
    with LibraryIndex({"x": _article("x", "Title", body)}) as index:
        snippet = index.search("weighs")[0].snippet
    assert "<b>weighs</b> heavily \u00b7 Grief can take a toll." in snippet


def test_a_title_only_match_shows_the_summary(index: LibraryIndex) -> None:
    hit = index.search("Kinds")[0]
    assert hit.slug == "kinds-of-miscarriage"
    assert hit.title == "Kinds of miscarriage and how they are treated"
    assert hit.snippet


def test_limit(index: LibraryIndex) -> None:
    assert len(index.search("doctor", limit=2)) == 2
    assert index.search("doctor", limit=0) == []
    assert len(index.search("doctor")) > 2


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        '"',
        '"""',
        "'",
        "AND",
        "OR NOT",
        "NEAR(",
        "NEAR(bleeding cramping, 2)",
        "bleeding AND",
        "*",
        "^bleeding",
        "title:bleeding",
        "{title}: fever",
        "(",
        ")",
        "-bleeding",
        "+",
        "😢💔",
        "דימום",
        "نزيف",
        "\u202ebleeding",
        "\x00",
        "a" * 10_000,
        "bleeding " * 2_000,
        "\ud800",
    ],
)
def test_odd_input_never_raises(index: LibraryIndex, text: str) -> None:
    hits = index.search(text)
    assert isinstance(hits, list)


def test_operators_are_plain_words(index: LibraryIndex) -> None:
    # "not" is searched as a word, not read as the NOT operator.
    assert index.search("not ready")
    assert index.search("title:bleeding") == index.search("title bleeding")


@settings(database=None, max_examples=300, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=-5, max_value=100))
def test_search_never_raises(text: str, limit: int) -> None:
    hits = shipped_index().search(text, limit=limit)
    assert len(hits) <= max(limit, 0)
    for hit in hits:
        assert SLUG_PATTERN.fullmatch(hit.slug)


def test_by_topic(articles: dict[str, Article], index: LibraryIndex) -> None:
    topics = index.by_topic()
    assert list(topics) == sorted(topics)
    assert "warning-signs" in topics["warning signs"]
    for topic, slugs in topics.items():
        assert slugs == sorted(slugs)
        assert all(topic in articles[slug].topics for slug in slugs)
    covered = {slug for slugs in topics.values() for slug in slugs}
    assert covered == set(articles)


def test_len_and_closed_index() -> None:
    index = LibraryIndex({"x": _article("x", "Title", "Fever.")})
    assert len(index) == 1
    index.close()
    assert index.search("fever") == []


def test_marker_characters_in_the_text_cannot_fake_highlights() -> None:
    article = parse_article(
        "x",
        '+++\ntitle = "Fever \ue000 x"\nsummary = "A \ue000fever\ue001 summary."\n'
        'topics = ["t"]\nsources = ["Source A"]\nreviewed = 2026-11-21\n+++\n'
        "Body \ue000with\ue001 markers.\n",
    )
    with LibraryIndex({"x": article}) as index:
        for query in ("fever", "markers", "summary"):
            snippet = index.search(query)[0].snippet
            assert snippet.count("<b>") == snippet.count("</b>") == 1, snippet


def test_words_inside_chinese_japanese_and_thai_sentences_are_found(
    articles: dict[str, Article],
) -> None:
    """Issue 9: a word inside a sentence written without spaces is found, alone or with
    other words, and its passage is marked; the shipped articles are still found."""
    extra = {
        "zh": _article("zh", "悲伤的时候", "我今天很难过。身体也很累。"),
        "ja": _article("ja", "悲しみについて", "今日はとても悲しい日でした。"),
        "th": _article("th", "ความเศร้า", "วันนี้ฉันรู้สึกเศร้ามาก และเหนื่อย"),
    }
    with LibraryIndex({**articles, **extra}) as index:
        assert [hit.slug for hit in index.search("难过")] == ["zh"]
        assert [hit.slug for hit in index.search("悲しい")] == ["ja"]
        assert [hit.slug for hit in index.search("เศร้า")] == ["th"]  # title match first
        assert [hit.slug for hit in index.search("รู้สึก")] == ["th"]
        assert [hit.slug for hit in index.search("身体 累")] == ["zh"]
        assert index.search("悲しくない") == []
        (hit,) = index.search("难过")
        assert "<b>难过</b>" in hit.snippet
        assert index.search("bleeding")


def test_emoji_and_symbols_are_found_as_in_the_journal(
    articles: dict[str, Article],
) -> None:
    """Issue 9: an article's 💔, ♡ or "C++" is found, alone or with words, by the same
    tokens the Journal's pairs index holds (``journal.storage.ngrams.index_grams``),
    and marked in its passage as written."""
    extra = {
        "heart": _article("heart", "A broken heart", "Some days the 💔 is all there is."),
        "love": _article("love", "Small signs", "She drew a ♡ on the card. Later, more."),
        "code": _article("code", "Notes", "Written in C++ once."),
    }
    with LibraryIndex({**articles, **extra}) as index:
        assert [hit.slug for hit in index.search("💔")] == ["heart"]
        assert [hit.slug for hit in index.search("♡")] == ["love"]
        assert [hit.slug for hit in index.search("♡ card")] == ["love"]
        assert [hit.slug for hit in index.search("c++")] == ["code"]
        # No article holds both: the words alone are searched then (re-test 47, N3).
        assert "heart" in [hit.slug for hit in index.search("♡ heart")]
        assert "<b>💔</b>" in index.search("💔")[0].snippet
        assert "<b>♡</b>" in index.search("♡")[0].snippet
        assert "<b>C++</b>" in index.search("c++")[0].snippet
        assert index.search("bleeding")


ARABIC = {
    "mother": ("عن الأم", "اشتقت إلى أمي اليوم."),  # about the mother; I missed my mother
    "school": ("المدرسة", "ذهبت إلى المدرسة وحدي."),  # the school; I went to school alone
    "vowelled": ("رسالة", "كَتَبْتُ رِسَالَةً طويلة."),  # a letter; I wrote a long letter
    "stretched": ("صبر", "صـبـر جميل على ما مضى."),  # patience; beautiful patience
}


@pytest.mark.parametrize(
    ("words", "slug", "marked"),
    [
        ("امي", "mother", "أمي"),
        ("إمي", "mother", "أمي"),
        ("مدرسه", "school", "المدرسة"),
        ("كتبت", "vowelled", "كَتَبْتُ"),
        ("صبر جميل", "stretched", "صـبـر"),
        ("علي", "stretched", "على"),
    ],
)
def test_arabic_letters_written_one_way_find_the_others(
    articles: dict[str, Article], words: str, slug: str, marked: str
) -> None:
    """Issue 9: the Library folds Arabic letters as the Journal does (أ إ آ ٱ as ا, ى as
    ي, ة as ه, harakat and tatweel off), and its snippet shows the words as written."""
    extra = {key: _article(key, title, body) for key, (title, body) in ARABIC.items()}
    with LibraryIndex({**articles, **extra}) as index:
        hits = index.search(words)
        assert [hit.slug for hit in hits] == [slug]
        assert f"<b>{marked}</b>" in hits[0].snippet, hits[0].snippet


@pytest.mark.parametrize(
    "query",
    ["38°C", "39°C", "101°F", "100°F", "38.5°", "38,5°C", "38℃", "38ºC", "fever 38°", "39 °C"],
)
def test_a_temperature_finds_the_article_about_fever(query: str) -> None:
    """Break test 9 of session 14, finding 8: the number glued to its unit made the whole
    query a symbol run the index did not hold ("38°c"); the unit alone ("°c") is
    enough, and the unit is what the snippet marks when the number is not there."""
    index = shipped_index()
    hits = {hit.slug: hit for hit in index.search(query)}
    assert "warning-signs" in hits, query
    assert "<b>" in hits["warning-signs"].snippet, query
    assert not index.searches_symbols_only(query) or hits


def test_a_measurement_in_an_article_is_found_by_its_unit() -> None:
    index = LibraryIndex({"a": _article("a", "Readings", "It was 38.5°C at noon.")})
    assert [hit.slug for hit in index.search("°C")] == ["a"]
    assert [hit.slug for hit in index.search("38.5°C")] == ["a"]
    assert "<b>38.5°C</b>" in index.search("38.5°C")[0].snippet
    assert [hit.slug for hit in index.search("40°C")] == ["a"]
    assert index.search("°F") == []


@pytest.mark.parametrize(
    "query",
    [
        "39C",
        "high fever 39C",
        "40C",
        "102F",
        "103f",
        "38.5C",
        "38,5C",
        "39 degrees",
        "39 deg",
        "39 degrees C",
        "39°С",  # a Cyrillic es, as a Russian keyboard types it
        "39\u2009°C",  # a thin space, as copied from many web pages
        "fever 39",
        "fever 40",
        "temperature 39",
        "fever of 39",
    ],
)
def test_a_fever_typed_without_a_degree_key_finds_the_article_about_fever(query: str) -> None:
    """Break test 9 of session 15, finding 2: most keyboards have no ° key, so a fever
    is typed "39C", "102F" or "fever 39"; the Library found nothing for any of them. A
    number with C or F glued, "degrees" after it or a Cyrillic С reads as the
    measurement "39°C" is, and a bare number does not hide what the words around it
    find ("fever 39" finds what "fever" finds)."""
    index = shipped_index()
    hits = {hit.slug: hit for hit in index.search(query)}
    assert "warning-signs" in hits, query
    assert "<b>" in hits["warning-signs"].snippet, query


def test_a_bare_number_narrows_when_an_article_holds_it() -> None:
    """A bare number is kept while some article holds it with the other words, and left
    out only when none does (session 15, finding 2)."""
    index = LibraryIndex(
        {
            "a": _article("a", "Weeks", "At 12 weeks the scan came."),
            "b": _article("b", "More weeks", "After some weeks the scan came."),
        }
    )
    assert [hit.slug for hit in index.search("12 weeks")] == ["a"]
    assert {hit.slug for hit in index.search("30 weeks")} == {"a", "b"}
    assert index.search("30") == []
