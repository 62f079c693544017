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
from tests.guidance import (
    CITED_TITLES,
    EXPECTED_URGENCY,
    THRESHOLD_PHRASES,
    assert_nothing_copied,
    copied_runs,
    facts_text,
    resource_files,
    runs,
)

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
    "using-solace",  # help for the app itself (Help > Using Solace, F1)
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
# Figures that are Solace's own reading of the sources (the warning-sign rules'
# thresholds: 6 hours after acetaminophen, 72 hours for bleeding that increases,
# 30 days for bleeding that has not stopped). An article may state them only in a
# paragraph that says they are Solace's own reading.
OWN_READING_NUMBERS = frozenset({"6", "72", "30"})
OWN_READING = "Solace's own reading"

FORBIDDEN_PHRASES = (
    "!",
    "congratulations",
    "countdown",
    "bump",
    "little one",
    "your baby is the size",
)

# Claims and drift the sources do not support (guidance-facts.md, "Claims the sources
# do not make", and the editor's review): each would be a new claim or the wrong weight.
UNSUPPORTED_PHRASES = (
    "doctor today",  # the sources give two levels: immediately, or an appointment
    "promptly",  # neither level is "promptly"
    "could have prevented",
    "could have known about or prevented",
    "less likely than not",
    "usually returns",  # the first period *may come within* 4 to 6 weeks
    "period usually",
    "some clinicians",  # *most* health care professionals advise one normal period
    "hormone levels settle",  # A: work on rebalancing them
    "settle back",
    "can mean",  # what a symptom means medically
    "before a fever shows",
    "tapers off",
)

WARNING_SIGNS_SECTIONS = {
    "heavy-bleeding": ("soaking through a thick pad in 1 hour", "2 or more hours in a row"),
    "clots-or-tissue": ("large blood clots", "tissue"),
    "fever-and-chills": ("38.3 °C", "101 °F", "acetaminophen", "chills"),
    "discharge": ("foul-smelling", "any discharge"),
    "pain-during-or-after-sex": ("pain during or after sex",),
    "bleeding-that-increases-or-does-not-stop": ("bleeding that increases", "has not stopped"),
    "feelings-that-weigh-on-you": ("therapist",),
}

# Shared with the facts by design: the warning-signs rules quote these exactly.
MANDATED_PHRASES = tuple(p for ps in WARNING_SIGNS_SECTIONS.values() for p in ps)

# What a reader is told about each source (guidance-facts.md, "The sources, for
# readers"): what kind of source it is, never a bare letter.
# The help article's source is the app itself.
SOURCE_KINDS = ("web article", "Mayo Clinic", "study", "Solace itself")
BARE_LETTER = re.compile(r"\bsource [a-z]\b", re.IGNORECASE)


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
        assert len(article.sections) >= 3, article.slug
        assert all(topic == topic.lower() for topic in article.topics), article.slug


@pytest.mark.parametrize("slug", sorted(EXPECTED_SLUGS))
def test_every_source_says_what_it_is(articles: dict[str, Article], slug: str) -> None:
    """A reader sees what each source is (a web article, the Mayo Clinic, a study), never
    a bare "Source A"."""
    for source in articles[slug].sources:
        assert not BARE_LETTER.search(source), f"{slug}: {source!r}"
        assert any(kind.lower() in source.lower() for kind in SOURCE_KINDS), f"{slug}: {source!r}"
        assert len(source.split()) >= 6, f"{slug}: {source!r} does not say what the source is"


def test_mayo_clinic_figures_name_their_source(articles: dict[str, Article]) -> None:
    used = [a for a in articles.values() if "28 percent" in a.body or "43 percent" in a.body]
    assert used
    for article in used:
        assert any("Mayo Clinic" in source for source in article.sources), article.slug
        assert "according to the mayo clinic" in article.body.lower(), article.slug


def test_the_2016_study_is_named_where_it_is_used(articles: dict[str, Article]) -> None:
    used = [a for a in articles.values() if "2016" in a.body]
    assert used
    for article in used:
        assert any("2016 study" in source for source in article.sources), article.slug
        assert "2016 study" in article.body, article.slug


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


def test_no_claim_or_drift_the_sources_do_not_support() -> None:
    """Nothing in resources/ (articles, prompts, ideas) says what the sources do not."""
    for path in resource_files():
        text = " ".join(path.read_text(encoding="utf-8").lower().split())
        for phrase in UNSUPPORTED_PHRASES:
            assert phrase not in text, f"{path.name} contains {phrase!r}"


def test_required_figures_appear(articles: dict[str, Article]) -> None:
    everything = "\n".join(a.body for a in articles.values())
    missing = [figure for figure in REQUIRED_FIGURES if figure not in everything]
    assert not missing


def test_no_number_beyond_the_facts(articles: dict[str, Article]) -> None:
    """Every figure is from the facts, or is one of the rules' own thresholds stated in a
    paragraph that says it is Solace's own reading."""
    for article in articles.values():
        text = full_text(article)
        for paragraph in text.split("\n"):
            allowed = ALLOWED_NUMBERS
            if OWN_READING in paragraph:
                allowed = ALLOWED_NUMBERS | OWN_READING_NUMBERS
            numbers = set(NUMBER.findall(paragraph))
            assert numbers <= allowed, f"{article.slug}: {sorted(numbers - allowed)} in {paragraph}"
        words = FORBIDDEN_NUMBER_WORDS.findall(text)
        assert not words, f"{article.slug}: {words}"


def test_allowed_numbers_match_the_facts_file() -> None:
    facts = re.sub(r"^## \d+\.", "", facts_text(), flags=re.MULTILINE)
    assert set(NUMBER.findall(facts)) == ALLOWED_NUMBERS


def test_no_long_run_of_words_is_copied_from_the_facts(articles: dict[str, Article]) -> None:
    """Articles are written in the project's own words: no 7 words in a row from the facts."""
    grams = runs(facts_text())
    for article in articles.values():
        copied = copied_runs(full_text(article), grams, MANDATED_PHRASES)
        assert not copied, f"{article.slug}: {copied}"


def _front_matter_sources_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("sources = "))


@pytest.mark.parametrize("path", resource_files(), ids=lambda path: path.name)
def test_no_run_of_seven_words_from_a_source(path: Path) -> None:
    """Every file in resources/ is in Solace's own words: no 7 words in a row from either
    source article. A threshold keeps its figures; a citation gives a source's title."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        sources = _front_matter_sources_line(text)
        text = text.replace(sources, "")
        assert_nothing_copied(f"{path.name} sources", sources, (*THRESHOLD_PHRASES, *CITED_TITLES))
    assert_nothing_copied(path.name, text)


def test_warning_signs_has_each_phrase_in_its_section(articles: dict[str, Article]) -> None:
    article = articles["warning-signs"]
    for section_id, phrases in WARNING_SIGNS_SECTIONS.items():
        text = section_text(article, section_id).lower()
        for phrase in phrases:
            assert phrase.lower() in text, f"{phrase!r} not in #{section_id}"


def test_warning_signs_carries_the_two_levels_in_its_headings(
    articles: dict[str, Article],
) -> None:
    """The article's level-2 headings are the two urgency levels, most urgent first, and
    its opening list names both, in the words the banner uses."""
    article = articles["warning-signs"]
    levels = [urgency for urgency, _ in EXPECTED_URGENCY.values()]
    labels = list(dict.fromkeys(level.label for level in levels))
    headings = [text for level, text in iter_headings(article.body) if level == 2]
    assert headings[:2] == labels
    opening = article.body.split("\n## ", 1)[0]
    for label in labels:
        assert f"**{label}**" in opening


def test_sections_come_from_headings(articles: dict[str, Article]) -> None:
    article = articles["warning-signs"]
    assert [s.id for s in article.sections][:3] == [
        "contact-your-doctor-immediately",
        "fever-and-chills",
        "discharge",
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
