"""The body log's repository: plain domain dataclasses in and out.

`BodyRepository` is built on the open journal's `Database`; each method is one short
session and one transaction of its own, and never returns a live ORM object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from journal.domain.body.log import (
    Appointment,
    BleedingLevel,
    BodyLog,
    ClotSize,
    Discharge,
    LossKind,
    PadChange,
    PadKind,
    RecoveryDetails,
    Soaking,
    Treatment,
)
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.domain.body.warning_signs import RaisedSign, SignId
from journal.domain.common.local_time import day_range, local_zone, recorded_day
from journal.storage.body.models import (
    AppointmentRow,
    BodyDraftRow,
    BodyLogRow,
    PadChangeRow,
    RaisedSignRow,
    RecoveryRow,
)
from journal.storage.database import Database
from journal.storage.entries.models import EntryRow
from journal.storage.entries.repository import ZONE_REACH, reach

__all__ = ["BodyRepository", "BodyState", "SignRecord", "log_from_row"]

T = TypeVar("T")
_RECOVERY_ID = 1
_FORM_DRAFT = "log_form"


@dataclass(frozen=True, slots=True)
class SignRecord:
    """A warning sign as remembered: when it was first shown and when it was seen (aware
    UTC), and the IANA zone of the log that shows it (None: the computer's), in which
    its time is said."""

    key: str
    sign: SignId
    evidence_at: datetime
    raised_at: datetime
    seen_at: datetime | None
    zone: str | None = None


_LOG_TABLE = BodyLogRow.__table__


def log_from_row(r: Any) -> BodyLog:
    """A row of ``body_logs`` as a `BodyLog` (``r`` a Core row, for speed: a year of logs
    loads in a few ms; or any object with the columns as attributes). Raises
    ValueError for a value the domain does not know (a bleeding level 9, clots
    "huge"), TypeError for one of the wrong type."""
    value, unit = r.temperature_value, r.temperature_unit
    temperature = None
    if value is not None and unit is not None:
        temperature = Temperature(float(value), TemperatureUnit(unit))
    return BodyLog(
        id=r.id,
        logged_at=r.logged_at,
        bleeding=None if r.bleeding is None else BleedingLevel(r.bleeding),
        clots=None if r.clots is None else ClotSize(r.clots),
        tissue_passed=_answer(r.tissue_passed),
        cramping=None if r.cramping is None else int(r.cramping),
        pain_relief=r.pain_relief,
        pain_relief_at=r.pain_relief_at,
        temperature=temperature,
        chills=_answer(r.chills),
        discharge=None if r.discharge is None else Discharge(r.discharge),
        pain_with_sex=_answer(r.pain_with_sex),
        note=r.note,
        zone=_zone_of(r),
    )


def _answer(value: Any) -> bool | None:
    """A yes/no column: True, False, or None when not noted (NULL, migration 0021)."""
    return None if value is None else bool(value)


def _zone_of(r: Any) -> str | None:
    """A row's ``zone`` column (None when empty, or for a row read without it)."""
    zone = getattr(r, "zone", None)
    return str(zone) if zone else None


@dataclass(frozen=True, slots=True)
class BodyState:
    """Everything the body log shows, read in one transaction."""

    logs: list[BodyLog]
    pad_changes: list[PadChange]
    recovery: RecoveryDetails
    appointments: list[Appointment]
    unreadable: int = 0
    """Rows left out because Solace cannot read them (a value it does not know, as
    an older import could bring in): the rest is shown all the same."""


class BodyRepository:
    """The body log of one open journal: logs, pad changes, recovery details,
    appointments, warning signs raised so far, the form draft.

    Each method runs in one short session of its own (one transaction). Raises
    ``RuntimeError`` when the journal has been locked.
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    def state(self) -> BodyState:
        """Logs and pad changes (oldest first), recovery details and appointments."""
        unreadable: list[int] = []
        with self._db.session() as session:
            return BodyState(
                _logs(session, unreadable=unreadable),
                _pad_changes(session, unreadable=unreadable),
                _recovery(session, unreadable),
                _appointments(session, unreadable),
                len(unreadable),
            )

    # -- logs ----------------------------------------------------------------------------------
    def logs(self, start: datetime | None = None, end: datetime | None = None) -> list[BodyLog]:
        """Every log (or those with ``start <= logged_at < end``, UTC), oldest first."""
        with self._db.session() as session:
            return _logs(session, start, end)

    def save_log(self, log: BodyLog, *, from_form: bool = False) -> None:
        """Insert the log, or replace the one with the same id (an edit). ``from_form``:
        the log is the one the form's kept draft (`save_draft`) held, and that draft is
        forgotten in the same transaction, so that no crash between the two can bring
        a saved log back as a draft to save twice."""
        with self._db.session() as session:
            session.merge(_log_row(log))
            if from_form and (row := session.get(BodyDraftRow, _FORM_DRAFT)) is not None:
                session.delete(row)

    def save_logs(self, logs: Iterable[BodyLog]) -> None:
        """Insert or replace several logs in one transaction."""
        with self._db.session() as session:
            for log in logs:
                session.merge(_log_row(log))

    def delete_log(self, log_id: str) -> None:
        with self._db.session() as session:
            session.execute(delete(BodyLogRow).where(BodyLogRow.id == log_id))

    # -- pad changes ---------------------------------------------------------------------------
    def pad_changes(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[PadChange]:
        """Every pad change (or those with ``start <= changed_at < end``, UTC), oldest first."""
        with self._db.session() as session:
            return _pad_changes(session, start, end)

    def logs_and_pads(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> tuple[list[BodyLog], list[PadChange]]:
        """The logs and pad changes with ``start <= time < end`` (UTC), oldest first,
        read in one transaction (what an export of a range holds)."""
        with self._db.session() as session:
            return _logs(session, start, end), _pad_changes(session, start, end)

    def logs_and_pads_of_days(
        self, first: date, last: date
    ) -> tuple[list[BodyLog], list[PadChange]]:
        """The logs and pad changes on the days ``first`` .. ``last`` (both included),
        oldest first, read in one transaction (what an export of a range holds). Each is
        on its day where it was noted (its ``zone``; the person's zone for one without:
        `recorded_day`), so the UTC range read is widened by `ZONE_REACH` each way and
        then kept by day, as the Journal's days are (`EntryRepository.entry_days`)."""
        start, end = day_range(first, last)
        tz = local_zone()
        with self._db.session() as session:
            logs = _logs(session, reach(start, -ZONE_REACH), reach(end, ZONE_REACH))
            pads = _pad_changes(session, reach(start, -ZONE_REACH), reach(end, ZONE_REACH))
        return (
            [log for log in logs if first <= recorded_day(log.logged_at, log.zone, tz) <= last],
            [pad for pad in pads if first <= recorded_day(pad.changed_at, pad.zone, tz) <= last],
        )

    def save_pad_change(self, change: PadChange) -> None:
        with self._db.session() as session:
            session.merge(
                PadChangeRow(
                    id=change.id,
                    changed_at=change.changed_at,
                    kind=change.kind.value,
                    soaking=change.soaking.value,
                    zone=change.zone,
                )
            )

    def delete_pad_change(self, change_id: str) -> None:
        with self._db.session() as session:
            session.execute(delete(PadChangeRow).where(PadChangeRow.id == change_id))

    # -- recovery details and appointments -----------------------------------------------------
    def recovery(self) -> RecoveryDetails:
        with self._db.session() as session:
            return _recovery(session)

    def save_recovery(self, details: RecoveryDetails) -> None:
        with self._db.session() as session:
            session.merge(
                RecoveryRow(
                    id=_RECOVERY_ID,
                    loss_date=details.loss_date,
                    loss_kind=details.loss_kind.value,
                    treatment=details.treatment.value,
                    treatment_note=details.treatment_note,
                    bleeding_stopped_on=details.bleeding_stopped_on,
                    first_period_on=details.first_period_on,
                )
            )

    def appointments(self) -> list[Appointment]:
        with self._db.session() as session:
            return _appointments(session)

    def save_appointment(self, appointment: Appointment) -> None:
        with self._db.session() as session:
            session.merge(
                AppointmentRow(
                    id=appointment.id,
                    when=appointment.when,
                    place=appointment.place,
                    questions=appointment.questions,
                    zone=appointment.zone,
                )
            )

    def delete_appointment(self, appointment_id: str) -> None:
        with self._db.session() as session:
            session.execute(delete(AppointmentRow).where(AppointmentRow.id == appointment_id))

    # -- warning signs -------------------------------------------------------------------------
    def record_signs(self, raised: Iterable[RaisedSign], now: datetime) -> list[SignRecord]:
        """Remember every sign not remembered yet (a sign keeps its first ``raised_at``);
        returns the whole history, newest evidence first."""
        with self._db.session() as session:
            known = set(session.scalars(select(RaisedSignRow.key)))
            for sign in raised:
                if sign.key not in known:
                    known.add(sign.key)
                    session.add(
                        RaisedSignRow(
                            key=sign.key,
                            sign=sign.sign.value,
                            evidence_at=sign.evidence_at,
                            raised_at=now,
                            seen_at=None,
                            zone=sign.zone,
                        )
                    )
            session.flush()
            return _sign_history(session)

    def mark_seen(self, keys: Iterable[str], now: datetime) -> list[SignRecord]:
        """Mark signs as seen at ``now`` (UTC); returns the whole history."""
        with self._db.session() as session:
            for key in keys:
                row = session.get(RaisedSignRow, key)
                if row is not None and row.seen_at is None:
                    row.seen_at = now
            session.flush()
            return _sign_history(session)

    def mark_unseen(self, keys: Iterable[str]) -> None:
        """Take back the seen marks of the signs ``keys``: each shows in the banner again
        (a run of heavy bleeding grown to two hours by a pad noted for an earlier time
        keeps its key: break test 44, F2)."""
        with self._db.session() as session:
            for key in keys:
                row = session.get(RaisedSignRow, key)
                if row is not None:
                    row.seen_at = None

    def sign_history(self) -> list[SignRecord]:
        """Every sign ever raised, newest evidence first."""
        with self._db.session() as session:
            return _sign_history(session)

    # -- the form draft ------------------------------------------------------------------------
    def save_draft(self, value: str | None) -> None:
        """Keep (or, with None, forget) the half-filled form as an opaque text. Nothing
        is written when that is what is kept already: every lock, backup and export
        saves the form first, and a write waits for the check of a large journal's
        pages (Export… with nothing typed waited for the whole check: break test 35)."""
        with self._db.session() as session:
            row = session.get(BodyDraftRow, _FORM_DRAFT)
            if value is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(BodyDraftRow(key=_FORM_DRAFT, value=value))
            elif row.value != value:
                row.value = value

    def draft(self) -> str | None:
        """The kept form draft, left in place."""
        with self._db.session() as session:
            row = session.get(BodyDraftRow, _FORM_DRAFT)
            return None if row is None else row.value

    # -- mood from the journal's entries -------------------------------------------------------
    def moods(self) -> list[tuple[datetime, int, str | None]]:
        """(time UTC, mood 1-5, the entry's IANA zone or None for the computer's) from
        the journal's entries that have a mood, oldest first: the body chart draws them
        beside the body log, each on the day its entry was written (`daily_moods`)."""
        query = select(EntryRow.created_at, EntryRow.mood, EntryRow.zone).order_by(
            EntryRow.created_at
        )
        with self._db.session() as session:
            return [
                (created_at, mood, str(zone) if zone else None)
                for created_at, mood, zone in session.execute(query)
                if mood is not None
            ]


# -- reading rows in an open session ------------------------------------------------------------


def _readable(
    rows: Iterable[Any], read: Callable[[Any], T], unreadable: list[int] | None
) -> list[T]:
    """Each row read with ``read``; a row it cannot read (ValueError, TypeError: a
    value the domain does not know) is left out, and noted in ``unreadable``, so that
    one bad row never hides the others."""
    found: list[T] = []
    for row in rows:
        try:
            found.append(read(row))
        except (TypeError, ValueError):
            if unreadable is not None:
                unreadable.append(1)
    return found


def _logs(
    session: Session,
    start: datetime | None = None,
    end: datetime | None = None,
    unreadable: list[int] | None = None,
) -> list[BodyLog]:
    query = select(_LOG_TABLE).order_by(_LOG_TABLE.c.logged_at, _LOG_TABLE.c.id)
    if start is not None:
        query = query.where(_LOG_TABLE.c.logged_at >= start)
    if end is not None:
        query = query.where(_LOG_TABLE.c.logged_at < end)
    return _readable(session.execute(query), log_from_row, unreadable)


def _log_row(log: BodyLog) -> BodyLogRow:
    temperature = log.temperature
    return BodyLogRow(
        id=log.id,
        logged_at=log.logged_at,
        bleeding=None if log.bleeding is None else int(log.bleeding),
        clots=None if log.clots is None else log.clots.value,
        tissue_passed=log.tissue_passed,
        cramping=log.cramping,
        pain_relief=log.pain_relief,
        pain_relief_at=log.pain_relief_at,
        temperature_value=None if temperature is None else temperature.value,
        temperature_unit=None if temperature is None else temperature.unit.value,
        chills=log.chills,
        discharge=None if log.discharge is None else log.discharge.value,
        pain_with_sex=log.pain_with_sex,
        note=log.note,
        zone=log.zone,
    )


def _pad_changes(
    session: Session,
    start: datetime | None = None,
    end: datetime | None = None,
    unreadable: list[int] | None = None,
) -> list[PadChange]:
    table = PadChangeRow.__table__
    query = select(table).order_by(table.c.changed_at, table.c.id)
    if start is not None:
        query = query.where(table.c.changed_at >= start)
    if end is not None:
        query = query.where(table.c.changed_at < end)
    return _readable(
        session.execute(query),
        lambda r: PadChange(r.id, r.changed_at, PadKind(r.kind), Soaking(r.soaking), _zone_of(r)),
        unreadable,
    )


def _recovery(session: Session, unreadable: list[int] | None = None) -> RecoveryDetails:
    row = session.get(RecoveryRow, _RECOVERY_ID)
    if row is None:
        return RecoveryDetails()
    found = _readable(
        [row],
        lambda r: RecoveryDetails(
            loss_date=r.loss_date,
            loss_kind=LossKind(r.loss_kind),
            treatment=Treatment(r.treatment),
            treatment_note=r.treatment_note,
            bleeding_stopped_on=r.bleeding_stopped_on,
            first_period_on=r.first_period_on,
        ),
        unreadable,
    )
    return found[0] if found else RecoveryDetails()


def _appointments(session: Session, unreadable: list[int] | None = None) -> list[Appointment]:
    rows = session.scalars(select(AppointmentRow).order_by(AppointmentRow.when))
    return _readable(
        rows, lambda r: Appointment(r.id, r.when, r.place, r.questions, r.zone), unreadable
    )


def _sign_history(session: Session) -> list[SignRecord]:
    rows = session.scalars(select(RaisedSignRow).order_by(RaisedSignRow.evidence_at.desc()))
    return _readable(
        rows,
        lambda r: SignRecord(r.key, SignId(r.sign), r.evidence_at, r.raised_at, r.seen_at, r.zone),
        None,
    )
