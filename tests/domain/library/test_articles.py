"""The shipped guidance articles: front matter, tone, figures and the facts they rest on."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from journal.domain.body.warning_signs import Urgency
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
from tests import guidance
from tests.guidance import (
    CITED_TITLES,
    CLAIMS,
    EXPECTED_URGENCY,
    THRESHOLD_PHRASES,
    UNMADE_CLAIMS,
    assert_nothing_copied,
    claims_in,
    copied_runs,
    facts_quantities,
    facts_text,
    is_own_reading,
    is_sources_line,
    levels_in,
    normalise,
    own_reading_quantities,
    quantities,
    reader_texts,
    resource_files,
    resource_texts,
    runs,
    sentences,
    shipped_texts,
    urgency_mismatches,
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
# thresholds, read from the constants the rules use). A text may state them only where
# it says they are Solace's own reading.
OWN_READING_NUMBERS = frozenset(number for number, _unit in own_reading_quantities())

FORBIDDEN_PHRASES = (
    "!",
    "congratulations",
    "countdown",
    "bump",
    "little one",
    "your baby is the size",
)

WARNING_SIGNS_SECTIONS = {
    "heavy-bleeding": ("a thick pad soaked through within 1 hour", "for 2 hours or more"),
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
# readers"): what it is, in the words that section gives, never a bare letter. Every
# source line must carry all the words of one of these descriptions.
SOURCE_DESCRIPTIONS = {
    "A": (CITED_TITLES[0], "consumer health web article", "no author or medical reviewer"),
    "B": ("consumer health web article on sex after a miscarriage", "title and publisher"),
    "Mayo Clinic": ("Mayo Clinic", "as cited in the consumer health article on sex after"),
    "2016 study": ("2016 study", "as cited in the consumer health article on sex after"),
}
# The help article describes the app, so its one source is the app itself; no other
# article may give that as a source.
HELP_SLUG = "using-solace"
HELP_SOURCE = "Solace itself: this page describes how the app works, as it is built and shipped"
# A source called by a letter, anywhere a reader looks ("Source A", "Article B",
# "(A, B)", "B says").
BARE_LETTER = re.compile(
    r"\b(?i:sources?|articles?|stud(?:y|ies)|references?|refs?)\s+[A-Z]\b(?!['’-])"
    r"|\((?:[AB](?:,\s*)?)+\)"
    r"|\b[AB] (?:says|said|advises|gives|lists|names|suggests|recommends|adds|notes)\b"
)
# Where a text uses the 2016 study's finding it must name the study.
STUDY_FINDING = re.compile(
    r"\bfertil\w*\b[^.;]{0,40}\b(?:higher|enhanced|increased|better|boost\w*|greater|rises?)\b"
    r"|\bmore fertile\b|\b2016\b"
)
MAYO_FIGURES = re.compile(r"\b(?:28|43) ?(?:percent|%)")


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
    """A reader sees what each source is, as the facts describe it (the consumer web
    article by its title, the other consumer article, the Mayo Clinic, the 2016 study),
    never a bare "Source A"; only the help article's source is Solace itself."""
    sources = articles[slug].sources
    if slug == HELP_SLUG:
        assert sources == (HELP_SOURCE,)
        return
    for source in sources:
        assert not BARE_LETTER.search(source), f"{slug}: {source!r}"
        assert "solace itself" not in source.casefold(), f"{slug}: {source!r}"
        kinds = [
            kind
            for kind, needed in SOURCE_DESCRIPTIONS.items()
            if all(part.casefold() in source.casefold() for part in needed)
        ]
        assert kinds, f"{slug}: {source!r} does not say what the source is"


def test_the_source_descriptions_follow_the_facts() -> None:
    """Each description a source line must carry starts from the facts sheet's words."""
    readers = " ".join(facts_text().split("## The sources, for readers", 1)[1].split())
    for kind, needed in SOURCE_DESCRIPTIONS.items():
        assert needed[0].removeprefix("The ") in readers, kind


def test_no_source_is_called_by_a_letter() -> None:
    """No text a reader sees (article bodies included) calls a source "Source A",
    "Article B", "(A)" or "B says"."""
    found = [
        f"{where}: {match.group(0)!r}"
        for where, text in reader_texts().items()
        for match in BARE_LETTER.finditer(markdown_to_text(text))
    ]
    assert not found


def test_mayo_clinic_figures_name_their_source(articles: dict[str, Article]) -> None:
    used = [a for a in articles.values() if MAYO_FIGURES.search(a.body)]
    assert used
    for article in used:
        assert any("Mayo Clinic" in source for source in article.sources), article.slug
        assert "according to the mayo clinic" in article.body.lower(), article.slug
    for where, text in reader_texts().items():
        if MAYO_FIGURES.search(text) and not where.startswith("articles/"):
            assert "mayo clinic" in text.lower(), where


def test_the_2016_study_is_named_where_it_is_used(articles: dict[str, Article]) -> None:
    """Wherever a text says fertility may be higher after a miscarriage (the 2016 study's
    finding), or gives the year, it names the study; an article also lists it as a source."""
    used = [a for a in articles.values() if STUDY_FINDING.search(normalise(a.body))]
    assert used
    for article in used:
        assert any("2016 study" in source for source in article.sources), article.slug
    for where, text in reader_texts().items():
        for sentence in sentences(text):
            if STUDY_FINDING.search(sentence):
                assert "2016 study" in sentence, f"{where}: {sentence}"


def test_each_article_carries_the_disclaimer(articles: dict[str, Article]) -> None:
    for article in articles.values():
        assert article.body.count(DISCLAIMER) == 1, article.slug


@pytest.mark.parametrize("slug", sorted(EXPECTED_SLUGS))
def test_length_is_300_to_700_words(articles: dict[str, Article], slug: str) -> None:
    words = len(markdown_to_text(articles[slug].body).split())
    assert 300 <= words <= 700, f"{slug} has {words} words"


def test_tone() -> None:
    """Every text Solace ships (articles, prompts, ideas, rules, milestones) is calm."""
    loud = [
        (where, phrase)
        for where, text in shipped_texts().items()
        for phrase in FORBIDDEN_PHRASES
        if phrase in text.lower()
    ]
    assert not loud


def test_no_claim_or_drift_the_sources_do_not_support() -> None:
    """No text a reader sees (articles, prompts, ideas, rule wording, every milestone)
    makes a claim of a kind the sources do not make, in any of its phrasings."""
    found = [f"{where}: {hit}" for where, text in reader_texts().items() for hit in claims_in(text)]
    assert not found, "\n".join(found)


def test_the_common_view_on_one_period_leads_and_the_doctor_decides() -> None:
    """Wherever a text gives the one article's view that the period need not be waited
    for, the common view of most health professionals comes first, and the text says the
    person's own doctor decides (facts 23-29)."""
    wrong = []
    for where, text in reader_texts().items():
        plain = normalise(text)
        other = re.search(r"\bnot (?:always |strictly )?(?:needed|necessary)\b", plain)
        if other is None:
            continue
        common = re.search(r"\bmost (?:health|clinicians|doctors)\b", plain)
        if common is None or common.start() > other.start() or "doctor" not in plain:
            wrong.append(f"{where}: {text}")
    assert not wrong, "\n".join(wrong)


def test_the_rules_records_make_no_such_claim() -> None:
    """A rule's record of what the sources say makes none of these claims either."""
    found = [
        f"{where}: {hit}"
        for where, text in shipped_texts().items()
        if where.endswith(".source_says")
        for hit in claims_in(text)
    ]
    assert not found


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda claim: claim.name)
def test_each_kind_of_claim_is_found_in_its_phrasings(claim: object) -> None:
    """The claim patterns catch every phrasing they are meant to, and rest on the facts."""
    assert claim.examples  # type: ignore[attr-defined]
    for example in claim.examples:  # type: ignore[attr-defined]
        assert claim.found_in(example), example  # type: ignore[attr-defined]
    facts = " ".join(facts_text().split())
    assert claim.facts in facts, claim.facts  # type: ignore[attr-defined]


def test_the_unmade_claims_are_the_facts_sheets_own() -> None:
    """Each kind the facts sheet's "Claims the sources do not make" names is checked."""
    section = facts_text().split("## Claims the sources do not make", 1)[1].split("\n## ", 1)[0]
    section = " ".join(section.split())
    named = re.findall(r"\(for example (.+?)\)", section)[0]
    for claim in UNMADE_CLAIMS:
        assert claim.facts in named, claim.facts
    assert len(UNMADE_CLAIMS) == len(re.split(r", (?:or )?", named))


def test_required_figures_appear(articles: dict[str, Article]) -> None:
    everything = "\n".join(a.body for a in articles.values())
    missing = [figure for figure in REQUIRED_FIGURES if figure not in everything]
    assert not missing


def test_no_number_beyond_the_facts() -> None:
    """In every text a reader sees, each figure is from the facts, or is one of the rules'
    own thresholds where the text says it is Solace's own reading; no other number word."""
    for where, text in reader_texts().items():
        for paragraph in text.split("\n"):
            allowed = ALLOWED_NUMBERS
            if is_own_reading(paragraph):
                allowed = ALLOWED_NUMBERS | OWN_READING_NUMBERS
            numbers = set(NUMBER.findall(paragraph))
            assert numbers <= allowed, f"{where}: {sorted(numbers - allowed)} in {paragraph}"
        number_words = FORBIDDEN_NUMBER_WORDS.findall(text)
        assert not number_words, f"{where}: {number_words}"


def test_every_span_of_time_is_the_facts_or_a_labelled_threshold() -> None:
    """Each span of time a reader sees ("4 to 6 weeks", "within three days"), digits or
    words, is one the facts give, or a rule's own threshold (from its constant) in wording
    that says it is Solace's own reading. "6 hours" is not allowed by "4 to 6 weeks"."""
    facts = facts_quantities()
    own = own_reading_quantities()
    wrong = []
    for where, text in reader_texts().items():
        for paragraph in text.split("\n"):
            extra = quantities(paragraph) - facts
            if extra and not (extra <= own and is_own_reading(paragraph)):
                wrong.append(f"{where}: {sorted(extra)} in {paragraph}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("ci", ["1", ""])
def test_a_missing_shared_folder_fails_under_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ci: str
) -> None:
    """Without ../shared the facts and source checks skip on a developer's machine, but
    FAIL when CI is set, so a broken path can never pass as a skip."""
    monkeypatch.setenv("CI", ci)
    monkeypatch.setattr(guidance, "FACTS_FILE", tmp_path / "missing" / "guidance-facts.md")
    monkeypatch.setattr(guidance, "SOURCES_DIR", tmp_path / "missing" / "sources")
    expected = pytest.fail.Exception if ci else pytest.skip.Exception
    for needs_shared in (guidance.facts_text, guidance.source_runs):
        # Caught by hand: a skip escaping pytest.raises would skip this test, not fail it.
        try:
            needs_shared()
        except BaseException as raised:  # pytest.skip and pytest.fail are BaseException
            outcome: BaseException | None = raised
        else:
            outcome = None
        assert type(outcome) is expected, (needs_shared.__name__, ci, outcome)
        assert "not beside the repository" in str(outcome)


def test_allowed_numbers_match_the_facts_file() -> None:
    facts = re.sub(r"^## \d+\.", "", facts_text(), flags=re.MULTILINE)
    assert set(NUMBER.findall(facts)) == ALLOWED_NUMBERS


def test_no_long_run_of_words_is_copied_from_the_facts() -> None:
    """Everything Solace ships (articles, prompts, ideas, every rule string, every milestone)
    is in the project's own words: no 7 words in a row from the facts. Only a sources line
    may follow the facts' description of a source, as the facts ask."""
    grams = runs(facts_text())
    copied = [
        f"{where}: {copied_runs(text, grams, MANDATED_PHRASES)}"
        for where, text in shipped_texts().items()
        if not is_sources_line(where) and copied_runs(text, grams, MANDATED_PHRASES)
    ]
    assert not copied, "\n".join(copied)


@pytest.mark.parametrize("path", resource_files(), ids=lambda path: path.name)
def test_no_run_of_seven_words_from_a_source(path: Path) -> None:
    """Every file in resources/ is in Solace's own words, as a reader sees it (links reduced
    to their words): no 7 words in a row from either source article. A threshold keeps its
    figures; a citation gives a source's title."""
    for where, text in resource_texts(path).items():
        allowed = (*THRESHOLD_PHRASES, *CITED_TITLES) if is_sources_line(where) else ()
        assert_nothing_copied(where, text, (*THRESHOLD_PHRASES, *allowed))


def test_warning_signs_has_each_phrase_in_its_section(articles: dict[str, Article]) -> None:
    article = articles["warning-signs"]
    for section_id, phrases in WARNING_SIGNS_SECTIONS.items():
        text = section_text(article, section_id).lower()
        for phrase in phrases:
            assert phrase.lower() in text, f"{phrase!r} not in #{section_id}"


def test_every_sign_named_with_a_level_has_the_level_the_facts_give() -> None:
    """Wherever a sentence or list item names a warning sign together with a level (in an
    opening list, a paragraph, a milestone, a prompt), the level is the one the facts give
    for that sign: immediately for fever, chills and discharge, an appointment for the rest."""
    wrong = [
        f"{where}: {mismatch}"
        for where, text in reader_texts().items()
        for mismatch in urgency_mismatches(text)
    ]
    assert not wrong, "\n".join(wrong)


def test_each_level_of_the_warning_signs_article_speaks_only_its_level(
    articles: dict[str, Article],
) -> None:
    """Under each level's heading, every instruction (in any sentence of any of its
    sections) is that level: no "Book an appointment" under "Contact your doctor
    immediately", and no "immediately" under "Make an appointment"."""
    article = articles["warning-signs"]
    level_of = {slugify(u.label): u for u in Urgency}
    current: Urgency | None = None
    checked = 0
    for line in article.body.splitlines():
        heading = list(iter_headings(line))
        if heading and heading[0][0] == 2:
            current = level_of.get(slugify(heading[0][1]))
            continue
        if current is None or heading:
            continue
        for sentence in sentences(line):
            levels = levels_in(sentence)
            assert levels <= {current}, f"under {current.label!r}: {sentence}"
            checked += bool(levels)
    assert checked >= 5


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
    assert article.keywords == ()
    assert article.body == "Body text.\n"
    with_keywords = GOOD_FRONT.replace('related = ["other"]', 'keywords = ["husband", " ER "]')
    assert parse_article("some-slug", with_keywords).keywords == ("husband", "ER")


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
        (GOOD_FRONT.replace("+++\n\n", 'keywords = "cry"\n+++\n\n'), "'keywords' must be a list"),
        (GOOD_FRONT.replace("+++\n\n", 'keywords = ["a", "a"]\n+++\n\n'), "same value twice"),
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
