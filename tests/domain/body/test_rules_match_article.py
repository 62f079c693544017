"""The warning-sign rules and the library's "when to contact a doctor" article agree.

Every rule links to a section that exists in the shipped article, and each of the
rule's phrases appears in that section's own text (not just somewhere in the
article). The milestones' links on the recovery timeline must also lead somewhere.
"""

from __future__ import annotations

from datetime import date

import pytest

from journal.domain.body.log import LossKind, RecoveryDetails, Treatment
from journal.domain.body.recovery import timeline
from journal.domain.body.warning_signs import ARTICLE, RULES, WarningRule
from journal.domain.library.articles import articles_dir, iter_headings, load_article, slugify


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


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id.value)
def test_rule_phrases_are_in_their_article_section(rule: WarningRule) -> None:
    assert rule.article == ARTICLE
    sections = section_texts(rule.article)
    assert rule.article_section in sections, f"no section {rule.article_section!r}"
    text = sections[rule.article_section].casefold()
    for phrase in rule.article_phrases:
        assert phrase.casefold() in text, (rule.article_section, phrase)


@pytest.mark.parametrize("treatment", list(Treatment))
def test_milestone_links_lead_to_existing_sections(treatment: Treatment) -> None:
    recovery = RecoveryDetails(loss_kind=LossKind.COMPLETE, treatment=treatment)
    for milestone in timeline(recovery, [], today=date(2024, 3, 1)).milestones:
        article = load_article(articles_dir() / f"{milestone.article}.md")
        if milestone.article_section is not None:
            assert article.section(milestone.article_section) is not None, milestone.id
