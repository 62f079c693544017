"""Autosave off the GUI thread: one writer, in order, on a connection of its own.

The editor takes a `Snapshot` of its widgets on the GUI thread (reading the text
out is one pass over it, a few milliseconds at two million characters). The
`EntrySaver` writes it on a worker thread through a `Database` of its own: WAL
lets the window's connection keep reading while it writes. Deriving the #tags
and the headline, the size check and the write itself (the full-text index reads
the whole text) all happen there, so a save never holds up typing, however long
the entry.

What it guarantees:

* What is written is exactly what the widgets showed when the snapshot was taken,
  the entry's date and time ("Written on") with its words: a moved entry is saved by
  the same autosave, so a date can neither be lost nor land out of order with the text.
* One writer, in the order asked: at most one save runs at a time; a save asked
  for meanwhile waits, and a newer one replaces a waiting one (only the latest
  state needs writing). An earlier save can therefore never land after a later
  one, and the editor counts an entry as saved only up to the revision written.
* `flush` waits on the GUI thread until everything asked for is written (lock,
  quit, switching entries, deleting use it), so nothing in flight is dropped.
* Each result comes back to the GUI thread exactly once: by a queued signal, or
  directly from `flush`.
* A connection that refused a write as read-only is closed, and the next save opens
  another: one opened while the journal's files were read-only stays read-only, and
  the words were "not saved yet" long after the files were writable again, until a
  lock (break test 46, F3).
"""

from __future__ import annotations

import dataclasses
import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from journal.domain.entries.entry import Entry
from journal.domain.entries.feelings import Mood
from journal.domain.entries.tags import merge_tags, split_tag_field
from journal.errors import JournalReadOnly
from journal.storage.entries.repository import EntryRepository
from journal.ui.common.check_wait import wait_saying_why

if TYPE_CHECKING:
    from journal.storage.database import Database

__all__ = ["EntrySaver", "SaveJob", "Snapshot", "WriterSource"]

log = logging.getLogger(__name__)


class WriterSource(Protocol):
    """Where the saver gets its own connection: the open journal (`OpenJournal`)."""

    @property
    def key_generation(self) -> int: ...

    def own_database(self) -> Database: ...


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The entry's widgets at one moment, as plain values (no Qt), for the worker.

    ``created_at`` is the entry's date and time as the date field showed it (aware
    UTC; the last one not in the future when it showed a refused one).
    ``generation`` says which entry the editor was showing and ``revision`` how many
    changes it had counted, so the editor knows what a finished save covers.
    """

    base: Entry
    created_at: datetime
    title: str
    body: str
    field_tags: tuple[str, ...]
    mood: Mood | None
    feelings: tuple[str, ...]
    shared: bool
    updated_at: datetime
    generation: int
    revision: int

    def entry(self) -> Entry:
        """The entry to store, every field as typed: #tags and the tag field merged (one
        pass over the body)."""
        return dataclasses.replace(
            self.base,
            created_at=self.created_at,
            title=self.title,  # exactly as typed; headlines show it tidied
            body=self.body,
            mood=self.mood,
            feelings=self.feelings,
            tags=merge_tags(self.field_tags, self.body),
            shared=self.shared,
            updated_at=self.updated_at,
        )


@dataclass(eq=False)
class SaveJob:
    """One save: its snapshot, and once done either ``entry`` (as written) and
    ``inserted`` (whether it created the entry) or ``error``."""

    snapshot: Snapshot
    entry: Entry | None = None
    inserted: bool = False
    error: BaseException | None = None
    future: Future[None] | None = field(default=None, repr=False)
    handled: bool = False


class EntrySaver(QObject):
    """Writes snapshots on one worker thread, in order, through its own connection."""

    finished = Signal(object)  # SaveJob, on the GUI thread, once per job
    _done = Signal(object)  # SaveJob, from the worker thread (queued to the GUI thread)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: WriterSource | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._database: Database | None = None  # used only on the worker thread
        self._database_generation = -1
        self._running: SaveJob | None = None
        self._waiting: SaveJob | None = None
        self._done.connect(self._handle)

    def attach(self, source: WriterSource) -> None:
        """Save into ``source``'s journal from now on (after unlock)."""
        self.close()
        self._source = source
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="entry-save")

    @property
    def database(self) -> Database | None:
        """The connection saves go through: None until the first save after `attach`."""
        return self._database

    @property
    def busy(self) -> bool:
        """Whether a save is running or waiting."""
        return self._running is not None or self._waiting is not None

    def submit(self, snapshot: Snapshot) -> None:
        """Write ``snapshot`` after any save already running; it replaces a waiting one."""
        job = SaveJob(snapshot)
        if self._running is None:
            self._start(job)
        else:
            self._waiting = job

    def flush(self) -> None:
        """Block until every save asked for has been written (or has failed), handling
        each result here. Called on the GUI thread."""
        while self._running is not None:
            job = self._running
            assert job.future is not None
            wait_saying_why(job.future)  # said when it waits for the page check
            self._handle(job)

    def close(self) -> None:
        """Finish every save, then close the connection and stop the worker (at lock)."""
        self.flush()
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)
        self._close_own_database()
        self._source = None

    # the worker side ----------------------------------------------------------------
    def _start(self, job: SaveJob) -> None:
        if self._executor is None:
            job.error = RuntimeError("the journal is locked")
            job.future = Future()
            job.future.set_result(None)
        else:
            job.future = self._executor.submit(self._write, job)
        self._running = job
        job.future.add_done_callback(lambda _future: self._report(job))

    def _write(self, job: SaveJob) -> None:
        """On the worker thread: derive the entry, write it, note the outcome."""
        try:
            entry = job.snapshot.entry()
            # As written: a tag another entry spells another way is kept that way
            # (`one_spelling`), and the list shows it so at once (re-test 51, N3).
            repository = EntryRepository(self._own_database())
            job.inserted, job.entry = repository.save_as_kept(entry)
        except JournalReadOnly as error:  # the next save opens its connection afresh
            job.error = error
            self._close_own_database()
        except Exception as error:  # told on the GUI thread by the editor
            job.error = error

    def _close_own_database(self) -> None:
        """Close this saver's own connection, between saves (at lock, after a write it
        refused as read-only, before a key rotated away); the next save opens another."""
        database, self._database = self._database, None
        self._database_generation = -1
        if database is not None:
            try:
                database.close()
            except Exception as error:  # the saves are done; only the checkpoint failed
                log.error("closing the save connection: %s", type(error).__name__)

    def _own_database(self) -> Database:
        source = self._source
        if source is None:
            raise RuntimeError("the journal is locked")
        generation = source.key_generation
        if self._database is None or generation != self._database_generation:
            self._close_own_database()  # none yet, or keyed with a rotated-away key
            self._database = source.own_database()
            # Another program's write lock is waited on briefly, not for the engine's
            # 5 s: the editor tells it and tries again (lock and switching wait on saves).
            self._database.wait_briefly()
            self._database_generation = generation
        return self._database

    def _report(self, job: SaveJob) -> None:
        try:
            self._done.emit(job)
        except RuntimeError:  # the editor is gone (the areas are rebuilt at unlock)
            log.debug("a save result arrived after its editor was destroyed")

    # back on the GUI thread -----------------------------------------------------------
    def _handle(self, job: SaveJob) -> None:
        if job.handled:
            return
        job.handled = True
        if job is self._running:
            self._running = None
        self.finished.emit(job)
        if self._running is None and self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self._start(waiting)


def field_tags(text: str) -> tuple[str, ...]:
    """The tag field's text as separate tags (commas of any script or line breaks
    between them: `split_tag_field`)."""
    return tuple(part for part in split_tag_field(text) if part.strip())
