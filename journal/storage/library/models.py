"""ORM models for the library: bookmarks, and the closeness ideas a person marks."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from journal.storage.base import Base
from journal.storage.types import UtcDateTime


class LibraryBookmark(Base):
    """An article the person wants to find again."""

    __tablename__ = "library_bookmarks"

    slug: Mapped[str] = mapped_column(String(100), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())


class ClosenessMark(Base):
    """Yes / not yet / maybe and a note, for a shipped idea or one of their own."""

    __tablename__ = "closeness_marks"

    idea_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    response: Mapped[str | None] = mapped_column(String(16), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    note_shared: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """Whether the note may be shown in Together beside an idea both said yes to."""
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())


class ClosenessDone(Base):
    """A day they recorded "we did this" for an idea."""

    __tablename__ = "closeness_done"
    __table_args__ = (UniqueConstraint("idea_id", "done_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idea_id: Mapped[str] = mapped_column(String(64))
    done_on: Mapped[dt.date] = mapped_column(Date)


class ClosenessOwnIdea(Base):
    """An idea the person added themselves (or their partner suggested); its marks use
    the id ``own-<id>``. ``uid`` names it across the two journals of a couple."""

    __tablename__ = "closeness_own_ideas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    offered: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """Suggested to the partner: copied into their journal when Together next opens."""
    suggested_by: Mapped[str] = mapped_column(String(80), default="", server_default="")
    """The partner's name when the idea came from their journal; empty for one's own."""
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
