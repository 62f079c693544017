"""ORM models for Together, each kept in its writer's own journal.

Responses and couple-prompt answers carry the ids they refer to (an entry's UUID,
a prompt's id), so Together can join them across two journals. ``entry_writers``
records which of a one-journal couple wrote an entry.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from journal.storage.base import Base
from journal.storage.types import UtcDateTime


class ResponseRow(Base):
    """A short note this journal's writer left under an entry of their partner's."""

    __tablename__ = "together_responses"
    __table_args__ = (Index("ix_together_responses_entry", "entry_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entry_id: Mapped[str] = mapped_column(String(36))
    writer: Mapped[int | None] = mapped_column(Integer, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # The IANA zone it was written in; NULL: the computer's (migration 0024).
    zone: Mapped[str | None] = mapped_column(String(64), nullable=True)


class CoupleAnswerRow(Base):
    """This journal's answer to a couple prompt, or that they passed on it.

    In a journal two people keep, ``writer`` (1 or 2) says whose; otherwise 1.
    """

    __tablename__ = "couple_answers"

    prompt_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    writer: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    state: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # The IANA zone it was kept in; NULL: the computer's (migration 0025).
    zone: Mapped[str | None] = mapped_column(String(64), nullable=True)


class EntryWriterRow(Base):
    """Which of a one-journal couple's two writers wrote an entry (1 or 2)."""

    __tablename__ = "entry_writers"

    entry_id: Mapped[str] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    writer: Mapped[int] = mapped_column(Integer)
