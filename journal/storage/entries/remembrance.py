"""Remembrance dates and the quiet preferences around them, kept encrypted."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import delete, select

from journal.domain.entries.remembrance import RemembranceDate, RemembranceKind, RemembrancePrefs
from journal.storage.body.repository import BodyRepository
from journal.storage.database import Database
from journal.storage.entries.models import RemembranceRow

PREFS_KEY = "journal.remembrance_prefs"


class RemembranceStore:
    """The remembrance dates of the open journal, read and written in whole."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def dates(self) -> list[RemembranceDate]:
        with self.db.session() as session:
            rows = session.scalars(select(RemembranceRow).order_by(RemembranceRow.day)).all()
            return [
                RemembranceDate(
                    id=row.id,
                    kind=RemembranceKind(row.kind),
                    label=row.label,
                    day=row.day,
                    acknowledge=row.acknowledge,
                )
                for row in rows
            ]

    def loss_day_noted(self) -> date | None:
        """The day of the loss the body log's recovery details hold, or None when none
        is noted (or the journal keeps no body log): where "The day of the loss" opens."""
        return BodyRepository(self.db).recovery().loss_date

    def save(self, remembered: RemembranceDate) -> None:
        with self.db.session() as session:
            session.merge(
                RemembranceRow(
                    id=remembered.id,
                    kind=remembered.kind.value,
                    label=" ".join(remembered.label.split()),
                    day=remembered.day,
                    acknowledge=remembered.acknowledge,
                )
            )

    def delete(self, remembrance_id: str) -> None:
        with self.db.session() as session:
            session.execute(delete(RemembranceRow).where(RemembranceRow.id == remembrance_id))

    def prefs(self) -> RemembrancePrefs:
        raw = self.db.get_setting(PREFS_KEY)
        if not raw:
            return RemembrancePrefs()
        try:
            data = json.loads(raw)
            return RemembrancePrefs(
                acknowledge_days=bool(data.get("acknowledge_days", True)),
                on_this_day=bool(data.get("on_this_day", False)),
                skip_on_this_day=frozenset(
                    (int(m), int(d)) for m, d in data.get("skip_on_this_day", [])
                ),
            )
        except (ValueError, TypeError, AttributeError):
            return RemembrancePrefs()

    def set_prefs(self, prefs: RemembrancePrefs) -> None:
        data = {
            "acknowledge_days": prefs.acknowledge_days,
            "on_this_day": prefs.on_this_day,
            "skip_on_this_day": sorted(prefs.skip_on_this_day),
        }
        self.db.set_setting(PREFS_KEY, json.dumps(data))
