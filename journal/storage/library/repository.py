"""Reading and writing the library's bookmarks and closeness marks, as plain dataclasses.

Each method is one short operation with its own session. Nothing here knows
about Qt; the UI gets dataclasses, never ORM rows.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from journal.domain.common.local_time import now_utc
from journal.domain.library.closeness import (
    OWN_PREFIX,
    IdeaMark,
    IdeaResponse,
    OwnIdea,
    own_idea_id,
)
from journal.storage.database import Database
from journal.storage.library.models import (
    ClosenessDone,
    ClosenessMark,
    ClosenessOwnIdea,
    LibraryBookmark,
)

__all__ = [
    "MAX_NOTE",
    "MAX_TITLE",
    "READING_SIZE_DEFAULT",
    "READING_SIZE_KEY",
    "Bookmark",
    "LibraryStore",
]

READING_SIZE_KEY = "library/reading_size_percent"
READING_SIZE_DEFAULT = 100
READING_SIZE_RANGE = (70, 250)
MAX_TITLE = 200
MAX_NOTE = 4000


@dataclass(frozen=True, slots=True)
class Bookmark:
    """An article the person kept, by its slug, with when it was kept (aware UTC)."""

    slug: str
    created_at: dt.datetime  # aware UTC


def _response(raw: str | None) -> IdeaResponse | None:
    try:
        return None if raw is None else IdeaResponse(raw)
    except ValueError:
        return None


def _own(row: ClosenessOwnIdea) -> OwnIdea:
    return OwnIdea(
        own_idea_id(row.id), row.title, row.description, row.uid, row.offered, row.suggested_by
    )


def _now() -> dt.datetime:
    """This moment in UTC, to the second."""
    return now_utc().replace(microsecond=0)


class LibraryStore:
    """The library's part of one unlocked journal."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # bookmarks -----------------------------------------------------------------
    def bookmarks(self) -> list[Bookmark]:
        """Newest first."""
        with self._db.session() as session:
            rows = session.scalars(
                select(LibraryBookmark).order_by(
                    LibraryBookmark.created_at.desc(), LibraryBookmark.slug
                )
            )
            return [Bookmark(row.slug, row.created_at) for row in rows]

    def is_bookmarked(self, slug: str) -> bool:
        with self._db.session() as session:
            return session.get(LibraryBookmark, slug) is not None

    def set_bookmarked(self, slug: str, bookmarked: bool) -> None:
        with self._db.session() as session:
            row = session.get(LibraryBookmark, slug)
            if bookmarked and row is None:
                session.add(LibraryBookmark(slug=slug, created_at=_now()))
            elif not bookmarked and row is not None:
                session.delete(row)

    # reading size (a journal setting: it is encrypted with everything else) ------
    def reading_size(self) -> int:
        raw = self._db.get_setting(READING_SIZE_KEY, str(READING_SIZE_DEFAULT))
        try:
            value = int(raw)
        except ValueError:
            return READING_SIZE_DEFAULT
        low, high = READING_SIZE_RANGE
        return max(low, min(value, high))

    def set_reading_size(self, percent: int) -> None:
        low, high = READING_SIZE_RANGE
        self._db.set_setting(READING_SIZE_KEY, str(max(low, min(percent, high))))

    # closeness marks -------------------------------------------------------------
    def marks(self) -> dict[str, IdeaMark]:
        """Every idea with a response, a note or a date, keyed by idea id."""
        return self._read_marks()

    def mark(self, idea_id: str) -> IdeaMark:
        return self._read_marks(idea_id).get(idea_id, IdeaMark(idea_id))

    def _read_marks(self, idea_id: str | None = None) -> dict[str, IdeaMark]:
        """The marks of every idea, or of ``idea_id`` only."""
        mark_rows = select(ClosenessMark)
        done_rows = select(ClosenessDone).order_by(ClosenessDone.done_on)
        if idea_id is not None:
            mark_rows = mark_rows.where(ClosenessMark.idea_id == idea_id)
            done_rows = done_rows.where(ClosenessDone.idea_id == idea_id)
        with self._db.session() as session:
            rows = {
                m.idea_id: (_response(m.response), m.note, m.note_shared)
                for m in session.scalars(mark_rows)
            }
            done: dict[str, list[dt.date]] = {}
            for row in session.scalars(done_rows):
                done.setdefault(row.idea_id, []).append(row.done_on)
        marks: dict[str, IdeaMark] = {}
        for key in sorted(rows.keys() | done.keys()):
            response, note, shared = rows.get(key, (None, "", False))
            marks[key] = IdeaMark(key, response, note, tuple(done.get(key, ())), shared)
        return marks

    def _upsert(self, idea_id: str, **values: object) -> None:
        with self._db.session() as session:
            row = session.get(ClosenessMark, idea_id)
            if row is None:
                row = ClosenessMark(idea_id=idea_id, response=None, note="", note_shared=False)
                session.add(row)
            for name, value in values.items():
                setattr(row, name, value)
            row.updated_at = _now()

    def set_response(self, idea_id: str, response: IdeaResponse | None) -> None:
        self._upsert(idea_id, response=None if response is None else response.value)

    def set_note(self, idea_id: str, note: str) -> None:
        self._upsert(idea_id, note=note.strip()[:MAX_NOTE])

    def set_note_shared(self, idea_id: str, shared: bool) -> None:
        """Whether the note may be shown in Together beside an idea both said yes to."""
        self._upsert(idea_id, note_shared=shared)

    def add_done(self, idea_id: str, day: dt.date) -> None:
        with self._db.session() as session:
            exists = session.scalar(
                select(ClosenessDone.id).where(
                    ClosenessDone.idea_id == idea_id, ClosenessDone.done_on == day
                )
            )
            if exists is None:
                session.add(ClosenessDone(idea_id=idea_id, done_on=day))

    def remove_done(self, idea_id: str, day: dt.date) -> None:
        with self._db.session() as session:
            session.execute(
                delete(ClosenessDone).where(
                    ClosenessDone.idea_id == idea_id, ClosenessDone.done_on == day
                )
            )

    # their own ideas -------------------------------------------------------------
    def own_ideas(self) -> list[OwnIdea]:
        """In the order they were added."""
        with self._db.session() as session:
            rows = session.scalars(select(ClosenessOwnIdea).order_by(ClosenessOwnIdea.id))
            return [_own(r) for r in rows]

    def add_own_idea(self, title: str, description: str = "") -> OwnIdea:
        title = " ".join(title.split())[:MAX_TITLE]
        if not title:
            raise ValueError("an idea needs a title")
        description = description.strip()[:MAX_NOTE]
        with self._db.session() as session:
            row = ClosenessOwnIdea(
                title=title,
                description=description,
                created_at=_now(),
                uid=str(uuid.uuid4()),
                offered=False,
                suggested_by="",
            )
            session.add(row)
            session.flush()
            return _own(row)

    def set_offered(self, idea_id: str, offered: bool) -> None:
        """Suggest one's own idea to the partner (copied into their journal the next
        time the two open Together), or stop suggesting it."""
        number = idea_id.removeprefix(OWN_PREFIX)
        if not idea_id.startswith(OWN_PREFIX) or not number.isdigit():
            return
        with self._db.session() as session:
            session.execute(
                update(ClosenessOwnIdea)
                .where(ClosenessOwnIdea.id == int(number), ClosenessOwnIdea.suggested_by == "")
                .values(offered=offered)
            )

    def receive_suggestions(self, ideas: Iterable[tuple[str, str, str]], by: str) -> int:
        """Add the partner's suggested ideas, each ``(uid, title, description)``, that
        this journal does not hold yet; returns how many were added."""
        added = 0
        with self._db.session() as session:
            # ON CONFLICT: an idea already here is skipped without reading what else is.
            for uid, title, description in ideas:
                result = session.execute(
                    sqlite_insert(ClosenessOwnIdea)
                    .values(
                        uid=uid,
                        title=title[:MAX_TITLE],
                        description=description[:MAX_NOTE],
                        created_at=_now(),
                        offered=False,
                        suggested_by=by[:80],
                    )
                    .on_conflict_do_nothing(index_elements=["uid"])
                )
                added += int(getattr(result, "rowcount", 0) or 0)
        return added

    def remove_own_idea(self, idea_id: str) -> None:
        """Forget an idea of their own, with its marks and dates."""
        number = idea_id.removeprefix(OWN_PREFIX)
        if not idea_id.startswith(OWN_PREFIX) or not number.isdigit():
            return
        with self._db.session() as session:
            session.execute(delete(ClosenessOwnIdea).where(ClosenessOwnIdea.id == int(number)))
            session.execute(delete(ClosenessMark).where(ClosenessMark.idea_id == idea_id))
            session.execute(delete(ClosenessDone).where(ClosenessDone.idea_id == idea_id))
