"""Couple-prompt answers, written privately in each partner's own journal."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from journal.domain.common.local_time import local_zone_name, now_utc
from journal.domain.common.words import as_written
from journal.domain.together.prompts import MAX_ANSWER_CHARS, AnswerState
from journal.errors import SolaceError
from journal.storage.database import Database
from journal.storage.together.models import CoupleAnswerRow

__all__ = ["AnswerProblem", "CoupleAnswers", "MyAnswer"]


class AnswerProblem(SolaceError):
    """An answer that cannot be kept as typed; the message says why."""


@dataclass(frozen=True, slots=True)
class MyAnswer:
    """One writer's answer to a couple prompt: the prompt, its state and the text written."""

    prompt_id: str
    state: AnswerState
    text: str


class CoupleAnswers:
    """One writer's answers in one open journal (writer 2 only in a one-journal couple)."""

    def __init__(self, db: Database, writer: int = 1) -> None:
        self._db = db
        self.writer = writer

    def mine(self) -> dict[str, MyAnswer]:
        """This writer's own answers, for their private answering page only."""
        query = select(CoupleAnswerRow).where(CoupleAnswerRow.writer == self.writer)
        with self._db.session() as session:
            return {
                r.prompt_id: MyAnswer(r.prompt_id, AnswerState(r.state), r.text)
                for r in session.scalars(query)
            }

    def answer(self, prompt_id: str, text: str) -> None:
        """Keep an answer. Raises AnswerProblem (nothing stored) when empty or too long."""
        cleaned = as_written(text)
        if not cleaned:
            raise AnswerProblem("Write a few words first, or choose to pass on this one.")
        if len(cleaned) > MAX_ANSWER_CHARS:
            raise AnswerProblem(
                f"An answer holds up to {MAX_ANSWER_CHARS:,} characters "
                f"(this one has {len(cleaned):,}). Your words are still here."
            )
        self._put(prompt_id, AnswerState.ANSWERED, cleaned)

    def pass_on(self, prompt_id: str) -> None:
        """Set this prompt aside; any answer written before is deleted."""
        self._put(prompt_id, AnswerState.PASSED, "")

    def forget(self, prompt_id: str) -> None:
        """Take back an answer or a pass: the prompt is open again."""
        with self._db.session() as session:
            session.execute(
                delete(CoupleAnswerRow).where(
                    CoupleAnswerRow.prompt_id == prompt_id, CoupleAnswerRow.writer == self.writer
                )
            )

    def _put(self, prompt_id: str, state: AnswerState, text: str) -> None:
        with self._db.session() as session:
            session.merge(
                CoupleAnswerRow(
                    prompt_id=prompt_id,
                    writer=self.writer,
                    state=state.value,
                    text=text,
                    updated_at=now_utc(),
                    zone=local_zone_name(),  # where it is being written
                )
            )
