"""The closeness ideas a person marks privately: yes, not yet or maybe, a note, and dates.

Pure Python. Shipped ideas are known by their id from ``resources/ideas``; a
person's own ideas get ids of the form ``own-<number>`` so both kinds share one
set of marks.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

__all__ = ["OWN_PREFIX", "IdeaMark", "IdeaResponse", "OwnIdea", "own_idea_id"]

OWN_PREFIX = "own-"


class IdeaResponse(enum.StrEnum):
    """A person's answer to a closeness idea (Yes, Not yet, Maybe); ``label`` is its wording."""

    YES = "yes"
    NOT_YET = "not_yet"
    MAYBE = "maybe"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    IdeaResponse.YES: "Yes",
    IdeaResponse.NOT_YET: "Not yet",
    IdeaResponse.MAYBE: "Maybe",
}


@dataclass(frozen=True, slots=True)
class IdeaMark:
    """What one person recorded about one idea. Nothing answered yet is ``response=None``."""

    idea_id: str
    response: IdeaResponse | None = None
    note: str = ""
    done_on: tuple[date, ...] = field(default=())
    """The days they recorded "we did this", oldest first."""
    note_shared: bool = False
    """Show the note in Together, beside the idea, when both said yes to it."""


@dataclass(frozen=True, slots=True)
class OwnIdea:
    """An idea the person added themselves, or one their partner suggested.

    ``uid`` names it in both journals of a couple; ``offered`` says it is suggested
    to the partner; ``suggested_by`` is the partner's name for one that came from them.
    """

    idea_id: str
    title: str
    description: str
    uid: str = ""
    offered: bool = False
    suggested_by: str = ""


def own_idea_id(number: int) -> str:
    """The id of the person's own idea number ``number`` (``"own-3"``), never one of the
    library's.
    """
    return f"{OWN_PREFIX}{number}"
