"""Closeness ideas in Together: only the ideas both partners said "yes" to.

Pure Python. Nothing about "not yet" or "maybe" enters the result, not even a
count: the overlap is built from the two sets of "yes" alone, so a caller never
needs the other answers (and the storage side never reads them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["IdeaText", "OverlapIdea", "YesMark", "shared_idea_id", "yes_overlap"]


def shared_idea_id(uid: str) -> str:
    """The id both journals know a person's own idea by (local ids differ per journal)."""
    return f"own:{uid}"


@dataclass(frozen=True, slots=True)
class YesMark:
    """One partner's "yes" to one idea, with their note only if they chose to share it."""

    idea_id: str
    shared_note: str = ""


@dataclass(frozen=True, slots=True)
class IdeaText:
    """An idea's title and description, shipped or added by one of them."""

    idea_id: str
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class OverlapIdea:
    """A closeness idea both partners answered Yes to, with each one's note (empty when none)."""

    idea_id: str
    title: str
    description: str
    owner_note: str
    partner_note: str


def yes_overlap(
    ideas: Iterable[IdeaText],
    owner_yes: Mapping[str, YesMark],
    partner_yes: Mapping[str, YesMark],
) -> list[OverlapIdea]:
    """The ideas both said yes to, in the order of ``ideas``.

    ``ideas`` lists the shipped ideas and each partner's own ideas (by their
    shared id); an idea of one partner's own appears only when the other said yes
    to it too, like every other idea. An id in both yes-sets without text is left
    out rather than shown as a blank card.
    """
    result = []
    seen: set[str] = set()
    for idea in ideas:
        if idea.idea_id in seen:
            continue
        seen.add(idea.idea_id)
        mine, theirs = owner_yes.get(idea.idea_id), partner_yes.get(idea.idea_id)
        if mine is None or theirs is None:
            continue
        result.append(
            OverlapIdea(
                idea.idea_id, idea.title, idea.description, mine.shared_note, theirs.shared_note
            )
        )
    return result
