"""Local time for every screen: the person's time zone, Qt <-> UTC, plain wording."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

from PySide6.QtCore import QDate, QDateTime, QTime

__all__ = [
    "from_qdate",
    "from_qdatetime",
    "local_tz",
    "now_utc",
    "say_day",
    "say_moment",
    "short_moment",
    "to_qdate",
    "to_qdatetime",
    "today_local",
]


def local_tz() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    return zone if zone is not None else UTC


def now_utc() -> datetime:
    return datetime.now(UTC)


def today_local() -> date:
    return datetime.now(local_tz()).date()


def to_qdatetime(moment: datetime) -> QDateTime:
    """A UTC datetime shown as local time, to the minute."""
    local = moment.astimezone(local_tz())
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    """A local date and time from an editor, as aware UTC."""
    d, t = value.date(), value.time()
    naive = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
    return naive.replace(tzinfo=local_tz()).astimezone(UTC)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def say_day(day: date) -> str:
    """Like "Friday 1 March 2024"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def say_moment(moment: datetime) -> str:
    """Like "Friday 1 March 2024, 09:05", in the person's time zone."""
    local = moment.astimezone(local_tz())
    return f"{say_day(local.date())}, {local:%H:%M}"


def short_moment(moment: datetime) -> str:
    """Like "Fri 1 Mar 2024, 09:05", in the person's time zone (for lists)."""
    local = moment.astimezone(local_tz())
    return f"{local:%a} {local.day} {local:%b %Y}, {local:%H:%M}"
