"""What the guidance tests share: the facts sheet and the two source articles beside the
repository, the 7-word-run check, every guidance text Solace ships, and the urgency
the facts give for each warning sign.

The facts sheet and the sources live in ``<repo>/../shared/`` (``guidance-facts.md``
and ``sources/article-a.txt``, ``sources/article-b.txt``); tests that need them skip,
saying so, when that folder is absent.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from journal.domain.body.log import LossKind, RecoveryDetails, Treatment
from journal.domain.body.recovery import timeline
from journal.domain.body.warning_signs import (
    OWN_READING,
    RULES,
    SAFETY_NOTE,
    SignId,
    Urgency,
)
from journal.domain.library.articles import resources_dir

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FACTS_FILE = SHARED / "guidance-facts.md"
SOURCES_DIR = SHARED / "sources"
SOURCE_FILES = ("article-a.txt", "article-b.txt")

#: Runs of this many words in a row, shared with the facts or a source, count as copied.
RUN = 7

#: Threshold wording that may keep the source's figures (the brief allows it): the
#: heavy-bleeding threshold, which the rule table and the article quote exactly.
THRESHOLD_PHRASES = ("soaking through a thick pad in 1 hour", "2 or more hours")
#: A source's own title, which a citation must give exactly; allowed only in the
#: ``sources`` line of an article's front matter.
CITED_TITLES = ("How Long After A Miscarriage Can You Have Sex?",)

#: The urgency the facts give each sign (guidance-facts.md §4, and §3 for bleeding
#: that has not stopped), with the words of the facts line it follows.
EXPECTED_URGENCY: dict[SignId, tuple[Urgency, str]] = {
    SignId.FEVER: (Urgency.IMMEDIATELY, "chills, fever, or vaginal discharge"),
    SignId.FEVER_AFTER_ACETAMINOPHEN: (
        Urgency.IMMEDIATELY,
        "by A, fever is a reason to call immediately",
    ),
    SignId.CHILLS: (Urgency.IMMEDIATELY, "chills, fever, or vaginal discharge"),
    SignId.DISCHARGE: (Urgency.IMMEDIATELY, "A names any discharge"),
    SignId.HEAVY_BLEEDING: (Urgency.APPOINTMENT, "heavy bleeding: soaking through a thick pad"),
    SignId.CLOTS_OR_TISSUE: (Urgency.APPOINTMENT, "large blood clots, or tissue passing"),
    SignId.PAIN_WITH_SEX: (Urgency.APPOINTMENT, "pain during or after sex (B)"),
    SignId.BLEEDING_INCREASES: (Urgency.APPOINTMENT, "increased bleeding (B)"),
    SignId.BLEEDING_NOT_STOPPED: (
        Urgency.APPOINTMENT,
        "If bleeding has not stopped after the miscarriage or D&C, check with the doctor",
    ),
}


def words(text: str) -> list[str]:
    """Lowercase words and numbers ("38.3" stays one); punctuation and markup drop out."""
    return re.findall(r"[a-z0-9]+(?:\.[0-9]+)*", text.lower().replace("’", "'"))


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + n]) for i in range(len(found) - n + 1)}


def copied_runs(
    ours: str, theirs: set[tuple[str, ...]], allowed: Iterable[str] = (), n: int = RUN
) -> list[str]:
    """Each run of ``n`` words in ``ours`` that is also in ``theirs``, after taking out
    the ``allowed`` phrases (matched case-insensitively; a taken-out phrase breaks a run)."""
    text = ours.lower()
    for phrase in allowed:
        text = text.replace(phrase.lower(), " | ")
    found: list[str] = []
    for part in text.split("|"):
        mine = words(part)
        found += [
            " ".join(mine[i : i + n])
            for i in range(len(mine) - n + 1)
            if tuple(mine[i : i + n]) in theirs
        ]
    return found


def facts_text() -> str:
    """guidance-facts.md, or a skip that says why."""
    if not FACTS_FILE.is_file():
        pytest.skip(f"{FACTS_FILE} is not beside the repository")
    return FACTS_FILE.read_text(encoding="utf-8")


@cache
def _source_runs() -> dict[str, frozenset[tuple[str, ...]]] | None:
    if not all((SOURCES_DIR / name).is_file() for name in SOURCE_FILES):
        return None
    return {
        name: frozenset(runs((SOURCES_DIR / name).read_text(encoding="utf-8")))
        for name in SOURCE_FILES
    }


def source_runs() -> dict[str, frozenset[tuple[str, ...]]]:
    """The 7-word runs of each source article, by file name, or a skip that says why."""
    found = _source_runs()
    if found is None:
        pytest.skip(f"the source articles are not in {SOURCES_DIR} (they sit beside the repo)")
    return found


def assert_nothing_copied(
    where: str, text: str, allowed: Iterable[str] = THRESHOLD_PHRASES
) -> None:
    """Fail, naming the place and the runs, if ``text`` shares 7 words in a row with a source."""
    for name, theirs in source_runs().items():
        copied = copied_runs(text, set(theirs), allowed)
        assert not copied, f"{where} repeats {name}: {copied}"


# -- every guidance text Solace ships --------------------------------------------------------


def resource_files() -> list[Path]:
    """Every file under resources/ (articles, prompts, ideas, anything added later)."""
    return sorted(p for p in resources_dir().rglob("*") if p.is_file() and p.name[0] != ".")


def _milestone_texts() -> Iterator[tuple[str, str]]:
    for kind in LossKind:
        for treatment in Treatment:
            details = RecoveryDetails(loss_kind=kind, treatment=treatment)
            for milestone in timeline(details, [], date(2024, 3, 1)).milestones:
                where = f"milestone {milestone.id} ({kind.name}, {treatment.name})"
                yield f"{where} title", milestone.title
                yield f"{where} text", milestone.text


def domain_texts() -> dict[str, str]:
    """The user-facing strings of the domain tables: every text field of every warning
    rule (its record included), the urgency labels, the own-reading and safety-note
    wording, and every milestone for every kind of loss and treatment."""
    texts: dict[str, str] = {}
    for rule in RULES:
        for field in dataclasses.fields(rule):
            value = getattr(rule, field.name)
            if isinstance(value, str) and field.name not in {"article", "article_section"}:
                texts[f"rule {rule.id.value}.{field.name}"] = value
    for urgency in Urgency:
        texts[f"urgency {urgency.value}"] = urgency.label
    texts["OWN_READING"] = OWN_READING
    texts["SAFETY_NOTE"] = SAFETY_NOTE
    texts.update(_milestone_texts())
    return texts
