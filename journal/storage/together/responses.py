"""Responses: a short note under the partner's entry, kept in the responder's journal."""

from __future__ import annotations

import uuid

from sqlalchemy import delete

from journal.domain.common.local_time import local_zone_name, now_utc
from journal.domain.common.words import as_written
from journal.domain.together.items import MAX_RESPONSE_CHARS, Response, Side
from journal.errors import SolaceError
from journal.storage.database import Database
from journal.storage.together.models import ResponseRow

__all__ = ["TOO_LONG", "ResponseProblem", "Responses"]


#: How the refusal of a response too long begins (the page takes it away once the
#: words fit: `ui.together.item_page`).
TOO_LONG = f"A response holds up to {MAX_RESPONSE_CHARS:,} characters"


class ResponseProblem(SolaceError):
    """A response that cannot be kept as typed; the message says why, kindly."""


class Responses:
    """The responses written in one open journal."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, entry_id: str, text: str, side: Side, writer: int | None = None) -> Response:
        """Keep ``text`` (at most MAX_RESPONSE_CHARS, kept as written: `as_written`) under
        the entry with UUID ``entry_id``. Raises ResponseProblem for an empty or too long
        note, without storing anything."""
        cleaned = as_written(text)
        if not cleaned:
            raise ResponseProblem("There is nothing to keep yet. Write a few words first.")
        if len(cleaned) > MAX_RESPONSE_CHARS:
            raise ResponseProblem(
                f"{TOO_LONG} (this one has {len(cleaned):,}). Nothing was lost: it is still here. "
                "A longer thought could become an entry of its own."
            )
        row = ResponseRow(
            id=str(uuid.uuid4()),
            entry_id=entry_id,
            writer=writer,
            text=cleaned,
            created_at=now_utc(),
            zone=local_zone_name(),  # where it is being written
        )
        with self._db.session() as session:
            session.add(row)
        return Response(row.id, entry_id, side, cleaned, row.created_at, row.zone)

    def remove(self, response_id: str) -> bool:
        """Delete one of this journal's responses; False when it was not here."""
        with self._db.session() as session:
            result = session.execute(delete(ResponseRow).where(ResponseRow.id == response_id))
            return bool(getattr(result, "rowcount", 0))
