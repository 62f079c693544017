"""The shipped guidance articles: front matter, tone, figures and the facts they rest on."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from journal.domain.library.articles import (
    Article,
    ArticleError,
    articles_dir,
    iter_headings,
    load_articles,
    parse_article,
    slugify,
)
from journal.domain.library.plaintext import markdown_to_text

DISCLAIMER = (
    "This is general information, not medical advice. Your own doctor's instructions come first."
)

# Topics the library must cover (see guidance-facts.md); the app links to some by slug.
EXPECTED_SLUGS = {
    "when-intimacy-can-resume",
    "kinds-of-miscarriage",
    "bleeding-and-cramping",
    "warning-signs",
    "grief-for-both-partners",
    "pressure-to-move-on",
    "closeness-without-sex",
    "fertility-and-contraception",
    "next-pregnancy-and-repeated-loss",
    "follow-up-and-check-ups",
    "talking-with-your-partner",
    "finding-support",
    "miscarriage-without-bleeding",
}

# Each figure must appear, written exactly like this, in at least one article.
REQUIRED_FIGURES = (
    "20 percent",
    "2 weeks",
    "4 to 6 weeks",
    "1 to 2 weeks",
    "1 day to 1 month",
    "38.3 °C",
    "101 °F",
    "1 percent",
    "28 percent",
    "43 percent",
    "week 20",
    "12 weeks",
)

# Every number written in digits in guidance-facts.md, i.e. every figure an article
# may state: 20 (percent, and week 20), 2 (weeks), 1 and 2 (1 to 2 weeks, 1 day to
# 1 month, 1 percent, 1 hour, 2 or more hours), 4 and 6 (4 to 6 weeks), 12 (weeks),
# 101 and 38.3 (fever), 28 and 43 (percent), 2016 (the study year). The facts'
# section numbers are structure, not facts, and are left out. Copied here so the
# test does not need ../shared at run time.
ALLOWED_NUMBERS = frozenset({"1", "2", "4", "6", "12", "20", "28", "38.3", "43", "101", "2016"})
# The facts spell out only "one", "two" and "three" (one normal period, two or
# three miscarriages in a row); any other number word would be a new claim.
FORBIDDEN_NUMBER_WORDS = re.compile(
    r"\b(four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million|dozen|half)\b",
    re.IGNORECASE,
)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

FORBIDDEN_PHRASES = (
    "!",
    "congratulations",
    "countdown",
    "bump",
    "little one",
    "your baby is the size",
)

WARNING_SIGNS_SECTIONS = {
    "heavy-bleeding": ("soaking through a thick pad in 1 hour", "2 or more hours in a row"),
    "clots-or-tissue": ("large blood clots", "tissue"),
    "fever-and-chills": ("38.3 °C", "101 °F", "acetaminophen", "chills"),
    "discharge": ("foul-smelling",),
    "pain-during-or-after-sex": ("pain during or after sex",),
    "bleeding-that-increases-or-does-not-stop": ("bleeding that increases", "has not stopped"),
    "feelings-that-weigh-on-you": ("therapist",),
}

# Shared with the facts by design: the warning-signs rules quote these exactly.
MANDATED_PHRASES = tuple(p for ps in WARNING_SIGNS_SECTIONS.values() for p in ps)
FACTS_FILE = Path(__file__).resolve().parents[4] / "shared" / "guidance-facts.md"


def full_text(article: Article) -> str:
    return f"{article.title}\n{article.summary}\n{markdown_to_text(article.body)}"


def section_text(article: Article, section_id: str) -> str:
    """The Markdown under one heading, up to the next heading."""
    chunks = re.split(r"^(#{2,6}[ \t]+.+)$", article.body, flags=re.MULTILINE)
    for heading, text in zip(chunks[1::2], chunks[2::2], strict=True):
        if slugify(heading.lstrip("#")) == section_id:
            return text
    raise AssertionError(f"{article.slug} has no section {section_id}")


def test_the_library_covers_every_topic(articles: dict[str, Article]) -> None:
    assert set(articles) == EXPECTED_SLUGS
    assert list(articles) == sorted(articles)


def test_every_file_is_a_loaded_article() -> None:
    files = {p.stem for p in articles_dir().iterdir() if not p.name.startswith(".")}
    assert files == EXPECTED_SLUGS
    assert all(p.suffix == ".md" for p in articles_dir().iterdir() if not p.name.startswith("."))


def test_front_matter_is_complete(articles: dict[str, Article]) -> None:
    for article in articles.values():
        assert article.title and article.summary, article.slug
        assert article.topics and article.sources and article.related, article.slug
        assert isinstance(article.reviewed, dt.date)
        assert set(article.sources) <= {"Source A", "Source B", "Mayo Clinic (via Source B)"}
        assert len(article.sections) >= 3, article.slug
        assert all(topic == topic.lower() for topic in article.topics), article.slug


def test_mayo_clinic_figures_name_their_source(articles: dict[str, Article]) -> None:
    for article in articles.values():
        if "28 percent" in article.body or "43 percent" in article.body:
            assert "Mayo Clinic (via Source B)" in article.sources
            assert "according to the mayo clinic" in article.body.lower()


def test_each_article_carries_the_disclaimer(articles: dict[str, Article]) -> None:
    for article in articles.values():
        assert article.body.count(DISCLAIMER) == 1, article.slug


@pytest.mark.parametrize("slug", sorted(EXPECTED_SLUGS))
def test_length_is_300_to_700_words(articles: dict[str, Article], slug: str) -> None:
    words = len(markdown_to_text(articles[slug].body).split())
    assert 300 <= words <= 700, f"{slug} has {words} words"


def test_tone(articles: dict[str, Article]) -> None:
    for article in articles.values():
        text = full_text(article).lower()
        for phrase in FORBIDDEN_PHRASES:
            assert phrase not in text, f"{article.slug} contains {phrase!r}"


def test_required_figures_appear(articles: dict[str, Article]) -> None:
    everything = "\n".join(a.body for a in articles.values())
    missing = [figure for figure in REQUIRED_FIGURES if figure not in everything]
    assert not missing


def test_no_number_beyond_the_facts(articles: dict[str, Article]) -> None:
    for article in articles.values():
        text = full_text(article)
        numbers = set(NUMBER.findall(text))
        assert numbers <= ALLOWED_NUMBERS, f"{article.slug}: {sorted(numbers - ALLOWED_NUMBERS)}"
        words = FORBIDDEN_NUMBER_WORDS.findall(text)
        assert not words, f"{article.slug}: {words}"


def test_allowed_numbers_match_the_facts_file() -> None:
    if not FACTS_FILE.is_file():
        pytest.skip("guidance-facts.md is not beside the repository")
    facts = re.sub(r"^## \d+\.", "", FACTS_FILE.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert set(NUMBER.findall(facts)) == ALLOWED_NUMBERS


def test_no_long_run_of_words_is_copied_from_the_facts(articles: dict[str, Article]) -> None:
    """Articles are written in the project's own words: no 7 words in a row from the facts."""
    if not FACTS_FILE.is_file():
        pytest.skip("guidance-facts.md is not beside the repository")

    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9.]+", text.lower())

    n = 7
    facts = words(FACTS_FILE.read_text(encoding="utf-8"))
    grams = {tuple(facts[i : i + n]) for i in range(len(facts) - n + 1)}
    for article in articles.values():
        text = full_text(article).lower()
        for phrase in MANDATED_PHRASES:
            text = text.replace(phrase.lower(), " | ")
        ours = words(text)
        copied = [
            " ".join(ours[i : i + n])
            for i in range(len(ours) - n + 1)
            if tuple(ours[i : i + n]) in grams
        ]
        assert not copied, f"{article.slug}: {copied}"


def test_warning_signs_has_each_phrase_in_its_section(articles: dict[str, Article]) -> None:
    article = articles["warning-signs"]
    for section_id, phrases in WARNING_SIGNS_SECTIONS.items():
        text = section_text(article, section_id).lower()
        for phrase in phrases:
            assert phrase.lower() in text, f"{phrase!r} not in #{section_id}"
    assert "contact your doctor today" in article.body.lower()


def test_sections_come_from_headings(articles: dict[str, Article]) -> None:
    article = articles["warning-signs"]
    assert [s.id for s in article.sections][:3] == [
        "heavy-bleeding",
        "bleeding-that-increases-or-does-not-stop",
        "clots-or-tissue",
    ]
    assert article.section("fever-and-chills") is not None
    assert article.section("fever-and-chills").title == "Fever and chills"  # type: ignore[union-attr]
    assert article.section("nowhere") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fever and chills", "fever-and-chills"),
        ("Bleeding: what's typical?", "bleeding-what-s-typical"),
        ("  Café -- au lait  ", "cafe-au-lait"),
        ("Above 38.3 °C", "above-38-3-c"),
        ("???", ""),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


def test_headings_in_code_blocks_are_not_sections() -> None:
    body = "## Real\n\n```\n## Not a heading\n```\n\n### Also real ###\n"
    assert list(iter_headings(body)) == [(2, "Real"), (3, "Also real")]


GOOD_FRONT = """+++
title = "T"
summary = "S"
topics = ["a"]
sources = ["Source A"]
reviewed = 2026-11-21
related = ["other"]
+++

Body text.
"""


def test_parse_article_reads_good_front_matter() -> None:
    article = parse_article("some-slug", GOOD_FRONT)
    assert article.reviewed == dt.date(2026, 11, 21)
    assert article.related == ("other",)
    assert article.body == "Body text.\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no front matter", "must start with"),
        ("+++\ntitle = 'T'\n", "no closing"),
        ("+++\ntitle = \n+++\nBody", "not valid TOML"),
        (GOOD_FRONT.replace('summary = "S"\n', ""), "missing summary"),
        (GOOD_FRONT.replace('title = "T"', 'title = "T"\nauthor = "X"'), "unknown keys author"),
        (GOOD_FRONT.replace('title = "T"', "title = 3"), "'title' must be a non-empty string"),
        (GOOD_FRONT.replace('topics = ["a"]', "topics = []"), "'topics' must not be empty"),
        (GOOD_FRONT.replace('topics = ["a"]', 'topics = "a"'), "'topics' must be a list"),
        (GOOD_FRONT.replace("2026-11-21", '"2026-11-21"'), "'reviewed' must be a date"),
        (GOOD_FRONT.replace("2026-11-21", "2026-11-21T10:00:00"), "'reviewed' must be a date"),
        (GOOD_FRONT.replace('["other"]', '["Other Slug"]'), "not a valid slug"),
        (GOOD_FRONT.replace('["other"]', '["some-slug"]'), "related to itself"),
        (GOOD_FRONT.replace("Body text.", ""), "no body"),
        (GOOD_FRONT + "\n## Same\n\n## Same\n", "share the section id"),
    ],
)
def test_bad_front_matter_is_refused_with_the_file_name(text: str, message: str) -> None:
    with pytest.raises(ArticleError, match=r"some-slug\.md") as raised:
        parse_article("some-slug", text, where="some-slug.md")
    assert message in str(raised.value)


def test_load_articles_names_the_bad_file(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD_FRONT, encoding="utf-8")
    (tmp_path / "Bad Name.md").write_text(GOOD_FRONT, encoding="utf-8")
    with pytest.raises(ArticleError, match=r"Bad Name\.md"):
        load_articles(tmp_path)


def test_load_articles_needs_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="does not exist"):
        load_articles(tmp_path / "missing")


def test_load_articles_sorts_by_slug(tmp_path: Path) -> None:
    for name in ("b", "a-b", "a"):
        (tmp_path / f"{name}.md").write_text(GOOD_FRONT, encoding="utf-8")
    assert list(load_articles(tmp_path)) == ["a", "a-b", "b"]
