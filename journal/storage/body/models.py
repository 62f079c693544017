"""ORM models for the body log: logs, pad changes, recovery details, appointments,
the warning signs raised so far, and a half-filled form kept across a lock.

Times are ``UtcDateTime``: aware UTC in Python, naive UTC in SQLite.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from journal.storage.base import Base
from journal.storage.types import UtcDateTime


class BodyLogRow(Base):
    """One body log in the database (table ``body_logs``); times are stored in UTC."""

    __tablename__ = "body_logs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    logged_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    # Each answer is NULL when not noted (migrations 0019 and 0021), never "none" or
    # False, which are answers the person chose.
    bleeding: Mapped[int | None] = mapped_column(Integer, nullable=True)
    clots: Mapped[str | None] = mapped_column(String(16), nullable=True)
    tissue_passed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    cramping: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pain_relief: Mapped[str] = mapped_column(Text, default="")
    pain_relief_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    temperature_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    temperature_unit: Mapped[str | None] = mapped_column(String(16), nullable=True)
    chills: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    discharge: Mapped[str | None] = mapped_column(String(24), nullable=True)
    pain_with_sex: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    # The IANA zone the log was made in; NULL: the computer's (migration 0012).
    zone: Mapped[str | None] = mapped_column(String(64), nullable=True)


class PadChangeRow(Base):
    """One pad change (table ``body_pad_changes``); ``changed_at`` is stored in UTC."""

    __tablename__ = "body_pad_changes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    soaking: Mapped[str] = mapped_column(String(16))
    # The IANA zone the change was noted in; NULL: the computer's (migration 0012).
    zone: Mapped[str | None] = mapped_column(String(64), nullable=True)


class RecoveryRow(Base):
    """One row (id 1): the recovery details."""

    __tablename__ = "body_recovery"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    loss_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    loss_kind: Mapped[str] = mapped_column(String(24), default="not_noted")
    treatment: Mapped[str] = mapped_column(String(24), default="not_noted")
    treatment_note: Mapped[str] = mapped_column(Text, default="")
    bleeding_stopped_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    first_period_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class AppointmentRow(Base):
    """One follow-up appointment (table ``body_appointments``); ``when`` is stored in UTC,
    ``zone`` is the IANA zone it was set in (NULL: the computer's; migration 0018)."""

    __tablename__ = "body_appointments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    when: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    place: Mapped[str] = mapped_column(Text, default="")
    questions: Mapped[str] = mapped_column(Text, default="")
    zone: Mapped[str | None] = mapped_column(String(64), nullable=True)


class RaisedSignRow(Base):
    """A warning sign once raised: kept as history, seen or not."""

    __tablename__ = "body_signs"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    sign: Mapped[str] = mapped_column(String(40))
    evidence_at: Mapped[datetime] = mapped_column(UtcDateTime())
    raised_at: Mapped[datetime] = mapped_column(UtcDateTime())
    seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)
    # The IANA zone of the log or pad change that shows it; NULL: the computer's (0025).
    zone: Mapped[str | None] = mapped_column(String(64), nullable=True)


class BodyDraftRow(Base):
    """A half-filled log form, kept encrypted while the journal is locked."""

    __tablename__ = "body_drafts"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
