"""The warning-sign rules and the library's "when to contact a doctor" article agree.

Every rule links to a section that exists in the shipped article, and each of the
rule's phrases appears in that section's own text (not just somewhere in the
article). The section sits under the heading of the rule's urgency level, carries
Solace's own reading where the rule has one and the app's safety note where the
banner shows the emergency number. Other articles that speak of bleeding that has
not stopped say what the rule says. The milestones' links must also lead somewhere.
"""

from __future__ import annotations

from datetime import date

import pytest

from journal.domain.body.log import LossKind, RecoveryDetails, Treatment
from journal.domain.body.recovery import timeline
from journal.domain.body.temperature import TemperatureUnit
from journal.domain.body.warning_signs import (
    ACETAMINOPHEN_WINDOW,
    ARTICLE,
    FEVER_OVER,
    INCREASE_WINDOW,
    NOT_STOPPED_AFTER_DAYS,
    OWN_READING,
    RULES,
    SAFETY_NOTE,
    SignId,
    Urgency,
    WarningRule,
    rules_by_id,
)
from journal.domain.library.articles import articles_dir, iter_headings, load_article, slugify
from tests.guidance import EXPECTED_URGENCY, is_own_reading, levels_in, sentences


def section_texts(slug: str) -> dict[str, str]:
    """Section id -> the text under that heading, up to the next heading."""
    article = load_article(articles_dir() / f"{slug}.md")
    texts: dict[str, list[str]] = {}
    current: str | None = None
    for line in article.body.splitlines():
        heading = list(iter_headings(line))
        if heading:
            current = slugify(heading[0][1])
            texts[current] = []
        elif current is not None:
            texts[current].append(line)
    return {key: " ".join(" ".join(lines).split()) for key, lines in texts.items()}


def level_of_sections(slug: str) -> dict[str, str]:
    """Section id -> the id of the level-2 heading it sits under (its own id at level 2)."""
    article = load_article(articles_dir() / f"{slug}.md")
    parents: dict[str, str] = {}
    current = ""
    for level, text in iter_headings(article.body):
        if level == 2:
            current = slugify(text)
        parents[slugify(text)] = current
    return parents


def plain(text: str) -> str:
    return text.replace("**", "").casefold()


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id.value)
def test_rule_phrases_are_in_their_article_section(rule: WarningRule) -> None:
    assert rule.article == ARTICLE
    sections = section_texts(rule.article)
    assert rule.article_section in sections, f"no section {rule.article_section!r}"
    text = sections[rule.article_section].casefold()
    for phrase in rule.article_phrases:
        assert phrase.casefold() in text, (rule.article_section, phrase)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id.value)
def test_the_article_gives_each_sign_under_its_urgency(rule: WarningRule) -> None:
    """The rule's section sits under the heading that names the level the facts give."""
    expected = EXPECTED_URGENCY[rule.id][0]
    assert rule.urgency is expected
    assert level_of_sections(rule.article)[rule.article_section] == slugify(expected.label)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id.value)
def test_the_article_says_what_is_solaces_own(rule: WarningRule) -> None:
    """Where the banner shows Solace's own reading or its safety note, so does the section."""
    text = plain(section_texts(rule.article)[rule.article_section])
    if rule.own_reading is not None:
        assert OWN_READING.casefold() in text
    # Rules that share a section (fever, fever after acetaminophen and chills) agree, so
    # the note is in the section exactly when the banner shows it for this rule.
    assert (SAFETY_NOTE.casefold() in text) is rule.shows_emergency_number


def _hours(window: object) -> str:
    return f"{int(window.total_seconds() // 3600)} hours"  # type: ignore[attr-defined]


#: Each own threshold as the article must state it, read from the constant the rule uses.
ARTICLE_FIGURES = {
    SignId.FEVER: (f"{FEVER_OVER[TemperatureUnit.CELSIUS]} °C",),
    SignId.FEVER_AFTER_ACETAMINOPHEN: (_hours(ACETAMINOPHEN_WINDOW),),
    SignId.BLEEDING_INCREASES: (_hours(INCREASE_WINDOW),),
    SignId.BLEEDING_NOT_STOPPED: (f"{NOT_STOPPED_AFTER_DAYS} days",),
}


@pytest.mark.parametrize("sign", list(ARTICLE_FIGURES), ids=lambda sign: sign.value)
def test_the_article_states_each_threshold_the_rule_uses(sign: SignId) -> None:
    """The figure of each own threshold, from the rule's constant, is in a paragraph of the
    rule's section that says it is Solace's own reading (so "within 30 hours" in the
    article, while the rule uses 72 hours, fails)."""
    rule = rules_by_id()[sign]
    assert rule.own_reading is not None
    article = load_article(articles_dir() / f"{rule.article}.md")
    section = article.body.split(f"### {article.section(rule.article_section).title}", 1)[1]  # type: ignore[union-attr]
    section = section.split("\n#", 1)[0]
    labelled = [p for p in section.split("\n\n") if is_own_reading(p)]
    for figure in ARTICLE_FIGURES[sign]:
        assert figure in rule.own_reading, (sign, figure)
        assert any(figure in paragraph for paragraph in labelled), (sign, figure)


@pytest.mark.parametrize(
    ("slug", "section"),
    [
        ("warning-signs", "bleeding-that-increases-or-does-not-stop"),
        ("bleeding-and-cramping", "if-bleeding-has-not-stopped"),
        ("follow-up-and-check-ups", "if-your-bleeding-has-not-stopped"),
    ],
)
def test_articles_agree_with_the_rule_on_bleeding_that_has_not_stopped(
    slug: str, section: str
) -> None:
    """Each says what the rule does: make an appointment, and the number of days is
    Solace's own reading."""
    rule = rules_by_id()[SignId.BLEEDING_NOT_STOPPED]
    assert rule.urgency is Urgency.APPOINTMENT
    text = plain(section_texts(slug)[section])
    levels = [level for sentence in sentences(text) for level in levels_in(sentence)]
    assert levels, "the section gives no level"
    assert set(levels) == {Urgency.APPOINTMENT}, levels
    assert OWN_READING.casefold() in text
    assert f"{NOT_STOPPED_AFTER_DAYS} days" in text


@pytest.mark.parametrize("treatment", list(Treatment))
def test_milestone_links_lead_to_existing_sections(treatment: Treatment) -> None:
    recovery = RecoveryDetails(loss_kind=LossKind.COMPLETE, treatment=treatment)
    for milestone in timeline(recovery, [], today=date(2024, 3, 1)).milestones:
        article = load_article(articles_dir() / f"{milestone.article}.md")
        if milestone.article_section is not None:
            assert article.section(milestone.article_section) is not None, milestone.id
