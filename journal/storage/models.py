"""ORM models for the journal itself: identity and preferences kept encrypted."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from journal.storage.base import Base


class JournalMeta(Base):
    """Facts about this journal (its id, the app version that created it)."""

    __tablename__ = "journal_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class JournalSetting(Base):
    """Preferences that may say something personal, so they live encrypted here."""

    __tablename__ = "journal_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
