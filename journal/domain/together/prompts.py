"""Couple prompts: each partner answers privately; Together reveals only when both have.

Pure Python. The rule lives in the type: a ``PromptView`` in the WAITING state
holds no answer text at all, so a screen cannot show what it was never given.
Either partner may pass on a prompt; a passed prompt shows that it was set aside,
never the other's words.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

__all__ = ["MAX_ANSWER_CHARS", "AnswerState", "PromptStatus", "PromptView", "reveal"]

MAX_ANSWER_CHARS = 4000


class AnswerState(enum.Enum):
    """Where one partner is with one prompt."""

    ANSWERED = "answered"
    PASSED = "passed"


class PromptStatus(enum.Enum):
    """Where a couple prompt stands, as Together may show it without telling whose answer waits."""

    OPEN = "open"  # neither has answered
    WAITING = "waiting"  # one answer is waiting for the other (never says whose)
    SET_ASIDE = "set_aside"  # one of them passed
    REVEALED = "revealed"  # both answered: both answers are shown


@dataclass(frozen=True, slots=True)
class PromptView:
    """What Together may show of one prompt. Answers, when each was last kept (UTC) and
    the IANA zone it was kept in (None: the computer's), are filled only when REVEALED."""

    prompt_id: str
    text: str
    status: PromptStatus
    owner_answer: str = ""
    partner_answer: str = ""
    owner_answered_at: datetime | None = None
    partner_answered_at: datetime | None = None
    owner_zone: str | None = None
    partner_zone: str | None = None


def status_of(owner: AnswerState | None, partner: AnswerState | None) -> PromptStatus:
    """The rule: revealed only when both answered; a pass by either sets it aside."""
    if AnswerState.PASSED in (owner, partner):
        return PromptStatus.SET_ASIDE
    if owner is AnswerState.ANSWERED and partner is AnswerState.ANSWERED:
        return PromptStatus.REVEALED
    if owner is None and partner is None:
        return PromptStatus.OPEN
    return PromptStatus.WAITING


def reveal(
    prompts: Iterable[tuple[str, str]],
    owner_states: Mapping[str, AnswerState],
    partner_states: Mapping[str, AnswerState],
    answers: Mapping[str, tuple[str, str]],
    answered_at: Mapping[str, tuple[datetime, datetime]] | None = None,
    zones: Mapping[str, tuple[str | None, str | None]] | None = None,
) -> list[PromptView]:
    """One view per ``(prompt_id, text)``, in the order given.

    ``answers`` maps a prompt id to ``(owner's text, partner's text)``, ``answered_at``
    to when each was last kept (UTC, same order) and ``zones`` to the IANA zone each
    was kept in (None: the computer's; issue 9, fid17 finding 1); all are read only
    for prompts both answered, so the storage side needs to load answer text for
    those prompts alone.
    """
    views = []
    for prompt_id, text in prompts:
        status = status_of(owner_states.get(prompt_id), partner_states.get(prompt_id))
        if status is PromptStatus.REVEALED:
            mine, theirs = answers.get(prompt_id, ("", ""))
            mine_at, theirs_at = (answered_at or {}).get(prompt_id, (None, None))
            mine_in, theirs_in = (zones or {}).get(prompt_id, (None, None))
            views.append(
                PromptView(
                    prompt_id, text, status, mine, theirs, mine_at, theirs_at, mine_in, theirs_in
                )
            )
        else:
            views.append(PromptView(prompt_id, text, status))
    return views


def both_answered(
    owner_states: Mapping[str, AnswerState], partner_states: Mapping[str, AnswerState]
) -> set[str]:
    """The prompt ids whose answer text may be read from either journal."""
    return {
        prompt_id
        for prompt_id, state in owner_states.items()
        if state is AnswerState.ANSWERED and partner_states.get(prompt_id) is AnswerState.ANSWERED
    }
