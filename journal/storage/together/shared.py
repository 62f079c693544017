"""What Together may read from one journal: only what its writer chose to share.

Every query here is written so that it cannot return a private row: entries
only ``WHERE shared = 1``, closeness marks only ``WHERE response = 'yes'`` (and a
note only when its writer shared it), couple-prompt answer text only for prompts
both partners have answered. Filtering is never left to a screen. Nothing here
writes.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from sqlalchemy import Select, String, case, cast, literal, select, true

from journal.domain.library.closeness import IdeaResponse
from journal.domain.together.ideas import IdeaText, YesMark, shared_idea_id
from journal.domain.together.items import Response, SharedItem, Side
from journal.domain.together.prompts import AnswerState
from journal.domain.together.recovery import RecoverySummary, summarise
from journal.domain.together.writers import Writers
from journal.storage.body.repository import BodyRepository
from journal.storage.database import Database
from journal.storage.entries.models import EntryRow
from journal.storage.library.models import ClosenessMark, ClosenessOwnIdea
from journal.storage.together.models import CoupleAnswerRow, EntryWriterRow, ResponseRow
from journal.storage.together.settings import SHARE_RECOVERY, read_flag

__all__ = ["SharedItems", "shared_entries_query"]


def shared_entries_query() -> Select[str, datetime, str, str, str | None]:
    """Shared entries, oldest first: ``shared = 1`` (not ``IS 1``, which SQLite cannot
    answer from ``ix_entries_shared_created``), so private rows are never even read."""
    return (
        select(EntryRow.id, EntryRow.created_at, EntryRow.title, EntryRow.body, EntryRow.zone)
        .where(EntryRow.shared == true())
        .order_by(EntryRow.created_at, EntryRow.seq)
    )


class SharedItems:
    """Read-only views of one open journal's shared rows.

    ``side`` says whose journal this is in the Together session; ``name`` is the
    writer's name shown beside each item. Raises ``RuntimeError`` once the journal
    is locked.
    """

    def __init__(self, db: Database, side: Side, name: str) -> None:
        self._db = db
        self.side = side
        self.name = name

    def items(self) -> list[SharedItem]:
        """This journal's shared entries, oldest first."""
        with self._db.session() as session:
            rows = session.execute(shared_entries_query()).all()
        return [
            SharedItem(r.id, self.side, self.name, r.created_at, r.title, r.body, zone=r.zone)
            for r in rows
        ]

    def items_by_writer(self, writers: Writers) -> list[SharedItem]:
        """A one-journal couple's shared entries, each on its writer's side (writer 1:
        the owner's side). An entry with no writer recorded counts as writer 1's."""
        query = (
            select(
                EntryRow.id,
                EntryRow.created_at,
                EntryRow.title,
                EntryRow.body,
                EntryRow.zone,
                EntryWriterRow.writer,
            )
            .outerjoin(EntryWriterRow, EntryWriterRow.entry_id == EntryRow.id)
            .where(EntryRow.shared == true())
            .order_by(EntryRow.created_at, EntryRow.seq)
        )
        with self._db.session() as session:
            rows = session.execute(query).all()
        items = []
        for r in rows:
            number = 2 if r.writer == 2 else 1
            side = Side.PARTNER if number == 2 else Side.OWNER
            items.append(
                SharedItem(
                    r.id, side, writers.name(number), r.created_at, r.title, r.body, zone=r.zone
                )
            )
        return items

    def responses(self, one_journal: bool = False) -> list[Response]:
        """Every response written in this journal (each is written to be read together).

        In a one-journal couple a response's side is its writer's; otherwise this
        journal's side.
        """
        with self._db.session() as session:
            rows = session.execute(
                select(
                    ResponseRow.id,
                    ResponseRow.entry_id,
                    ResponseRow.writer,
                    ResponseRow.text,
                    ResponseRow.created_at,
                    ResponseRow.zone,
                )
            ).all()
        result = []
        for r in rows:
            side = self.side
            if one_journal:
                side = Side.PARTNER if r.writer == 2 else Side.OWNER
            result.append(Response(r.id, r.entry_id, side, r.text, r.created_at, r.zone))
        return result

    def answer_states(self, writer: int = 1) -> dict[str, AnswerState]:
        """Which couple prompts this writer answered or passed: no answer text."""
        query = select(CoupleAnswerRow.prompt_id, CoupleAnswerRow.state).where(
            CoupleAnswerRow.writer == writer
        )
        with self._db.session() as session:
            rows = session.execute(query).all()
        return {r.prompt_id: AnswerState(r.state) for r in rows}

    def answers(
        self, prompt_ids: Collection[str], writer: int = 1
    ) -> dict[str, tuple[str, datetime, str | None]]:
        """Answer text, when it was last kept (UTC) and the IANA zone it was kept in
        (None: the computer's), for the given prompts only (callers pass those both
        answered)."""
        if not prompt_ids:
            return {}
        query = select(
            CoupleAnswerRow.prompt_id,
            CoupleAnswerRow.text,
            CoupleAnswerRow.updated_at,
            CoupleAnswerRow.zone,
        ).where(
            CoupleAnswerRow.writer == writer,
            CoupleAnswerRow.state == AnswerState.ANSWERED.value,
            CoupleAnswerRow.prompt_id.in_(sorted(prompt_ids)),
        )
        with self._db.session() as session:
            return {
                r.prompt_id: (r.text, r.updated_at, r.zone) for r in session.execute(query).all()
            }

    def yes_marks(self) -> dict[str, YesMark]:
        """The ideas this journal said yes to, a person's own idea by its shared id
        (``own:<uid>``); a note only where its writer chose to show it."""
        own = ClosenessOwnIdea
        key = case((own.uid.is_not(None), literal("own:") + own.uid), else_=ClosenessMark.idea_id)
        note = case((ClosenessMark.note_shared == true(), ClosenessMark.note), else_="")
        query = (
            select(key.label("key"), note.label("note"))
            .select_from(ClosenessMark)
            .outerjoin(own, ClosenessMark.idea_id == literal("own-") + cast(own.id, String))
            .where(ClosenessMark.response == IdeaResponse.YES.value)
        )
        with self._db.session() as session:
            return {r.key: YesMark(r.key, r.note) for r in session.execute(query).all()}

    def suggested_ideas(self) -> list[tuple[str, str, str]]:
        """This writer's own ideas they chose to suggest: (uid, title, description)."""
        own = ClosenessOwnIdea
        query = (
            select(own.uid, own.title, own.description)
            .where(own.offered == true(), own.suggested_by == "")
            .order_by(own.id)
        )
        with self._db.session() as session:
            return [(r.uid, r.title, r.description) for r in session.execute(query).all()]

    def own_idea_texts(self) -> list[IdeaText]:
        """Every own idea of this journal by its shared id (only for the owner's side:
        the overlap shows one only when both said yes)."""
        own = ClosenessOwnIdea
        query = select(own.uid, own.title, own.description).order_by(own.id)
        with self._db.session() as session:
            return [
                IdeaText(shared_idea_id(r.uid), r.title, r.description)
                for r in session.execute(query).all()
            ]

    def recovery(self, today: date, now: datetime) -> RecoverySummary | None:
        """The recovery summary as of ``today`` (local day) and ``now`` (aware UTC), or
        None when its writer has not turned the switch on: then nothing of the body
        log is read at all. Read through ``BodyRepository``; only the four facts of
        ``RecoverySummary`` leave this method."""
        if not read_flag(self._db, SHARE_RECOVERY):
            return None
        body = BodyRepository(self._db)
        return summarise(
            body.recovery(),
            ((appointment.when, appointment.zone) for appointment in body.appointments()),
            ((record.raised_at, record.sign) for record in body.sign_history()),
            today,
            now,
        )
