"""ORM models for the recovery journal: entries, their feelings and tags,
the user's own prompts, skipped prompts and remembrance dates.

``entries.seq`` is an INTEGER PRIMARY KEY (a stable rowid) so the FTS5 external
content table can point at it; ``entries.id`` is the entry's UUID, the identity
Together mode uses across journals. Times are naive UTC in the database and
become timezone-aware in the repository. The body is stored zlib-packed
(``PackedText``); the full-text index reads it unpacked through the view
``entries_text`` (migration 0009).

An entry's headline (what lists show) is made when it is read, never stored
(``solace_headline``, migration 0031).

``tags`` and ``feelings`` on the entry row are newline-joined copies of the
``entry_tags`` / ``entry_feelings`` rows: the full-text index reads them from
there, and lists show them without a join.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from journal.storage.base import Base
from journal.storage.types import PackedText, UtcDateTime


class EntryRow(Base):
    """One journal entry (table ``entries``): ``seq`` orders the rows and keys the FTS5
    index, ``id`` is the entry's UUID, times are stored in UTC.
    """

    __tablename__ = "entries"
    __table_args__ = (
        CheckConstraint("mood IS NULL OR mood BETWEEN 1 AND 5", name="mood_range"),
        Index("ix_entries_created", "created_at", "seq"),
        # Together's reads (``shared = 1`` by date); the shared entries only (0027).
        Index("ix_entries_shared_created", "shared", "created_at", sqlite_where=text("shared = 1")),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(PackedText, default="")  # zlib-packed in SQLite
    mood: Mapped[int | None] = mapped_column(Integer, nullable=True)
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    prompt_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    tags: Mapped[str] = mapped_column(Text, default="")
    feelings: Mapped[str] = mapped_column(Text, default="")
    # The IANA zone the entry was written in; NULL: the computer's (migration 0010).
    zone: Mapped[str | None] = mapped_column(String(64), nullable=True)


class EntryFeeling(Base):
    """One feeling named in an entry (table ``entry_feelings``), tidied by ``normalise_feeling``."""

    __tablename__ = "entry_feelings"
    # One B-tree, keyed by entry then feeling: no second index by feeling (0030).
    __table_args__ = ({"sqlite_with_rowid": False},)

    entry_seq: Mapped[int] = mapped_column(
        ForeignKey("entries.seq", ondelete="CASCADE"), primary_key=True
    )
    feeling: Mapped[str] = mapped_column(String(40), primary_key=True)


class EntryTag(Base):
    """One tag of an entry (table ``entry_tags``), without its ``#``."""

    __tablename__ = "entry_tags"
    __table_args__ = (Index("ix_entry_tags_tag", "tag"), {"sqlite_with_rowid": False})

    entry_seq: Mapped[int] = mapped_column(
        ForeignKey("entries.seq", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(40), primary_key=True)


class CustomPrompt(Base):
    """A prompt the user wrote for themselves."""

    __tablename__ = "custom_prompts"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class SkippedPrompt(Base):
    """A prompt the user chose to skip; it is not offered again."""

    __tablename__ = "skipped_prompts"

    prompt_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    skipped_at: Mapped[datetime] = mapped_column(UtcDateTime())


class RemembranceRow(Base):
    """A remembrance date (table ``remembrance_dates``): its kind, the person's label, the
    local day, and whether Solace acknowledges it when it comes round.
    """

    __tablename__ = "remembrance_dates"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(Text, default="")
    day: Mapped[date] = mapped_column(Date)
    acknowledge: Mapped[bool] = mapped_column(Boolean, default=False)
