"""The user's own prompts and the prompts they chose to skip."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, select

from journal.domain.common.local_time import now_utc
from journal.domain.entries.prompts import Audience, Prompt
from journal.storage.database import Database
from journal.storage.entries.models import CustomPrompt, SkippedPrompt

MAX_PROMPT_CHARS = 500


class PromptStore:
    """The prompts the person wrote themselves, in the open journal (table ``custom_prompts``)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def custom_prompts(self) -> list[Prompt]:
        with self.db.session() as session:
            rows = session.scalars(select(CustomPrompt).order_by(CustomPrompt.created_at)).all()
            return [
                Prompt(row.id, row.text, None, Audience(row.audience), custom=True) for row in rows
            ]

    def add(self, text: str, audience: Audience = Audience.GRIEF) -> Prompt | None:
        """Keep a prompt the user wrote; None when there are no words in it."""
        cleaned = " ".join(text.split())[:MAX_PROMPT_CHARS]
        if not cleaned:
            return None
        prompt_id = f"custom-{uuid.uuid4().hex[:12]}"
        with self.db.session() as session:
            session.add(
                CustomPrompt(
                    id=prompt_id, text=cleaned, audience=audience.value, created_at=now_utc()
                )
            )
        return Prompt(prompt_id, cleaned, None, audience, custom=True)

    def remove(self, prompt_id: str) -> None:
        with self.db.session() as session:
            session.execute(delete(CustomPrompt).where(CustomPrompt.id == prompt_id))

    def skip(self, prompt_id: str) -> None:
        with self.db.session() as session:
            session.merge(SkippedPrompt(prompt_id=prompt_id, skipped_at=now_utc()))

    def skipped(self) -> frozenset[str]:
        with self.db.session() as session:
            return frozenset(session.scalars(select(SkippedPrompt.prompt_id)).all())

    def forget_skipped(self) -> None:
        """Offer every prompt again."""
        with self.db.session() as session:
            session.execute(delete(SkippedPrompt))
