"""Together's storage on two real encrypted journals."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event

from journal.domain.library.ideas import load_closeness_ideas
from journal.domain.together.ideas import IdeaText
from journal.domain.together.items import Side
from journal.domain.together.prompts import PromptStatus
from journal.errors import WrongPassphrase
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.schema import metadata
from journal.storage.together.responses import ResponseProblem
from journal.storage.together.session import NotAPartnerJournal, TogetherSession, open_partner
from journal.storage.together.sharing import Sharing
from tests.conftest import PASSPHRASE
from tests.couples import (
    BOTH_ANSWERED,
    BOTH_YES,
    CANARY,
    ONLY_OWNER,
    ONLY_PARTNER,
    OWNER_SHARED,
    PARTNER_PASSPHRASE,
    PARTNER_SHARED,
    Couple,
    file_bytes,
    make_partner,
    seed,
)

# What Together's migrations add: its tables, and columns and an index on others'.
TOGETHER_SCHEMA = (
    "together_responses",
    "couple_answers",
    "entry_writers",
    "closeness_marks",
    "closeness_own_ideas",
    "ix_entries_shared_created",
)
START_DAY = date(2026, 3, 1)
START_MOMENT = datetime(2026, 3, 1, 12, tzinfo=UTC)
IDEAS = [IdeaText(i.id, i.title, i.description) for i in load_closeness_ideas()]
PROMPTS = [(BOTH_ANSWERED, "miss"), (ONLY_OWNER, "helped"), (ONLY_PARTNER, "more of")]


@pytest.fixture
def partner_folder(store: JournalStore) -> Path:
    return make_partner(store)


@pytest.fixture
def couple(store: JournalStore, journal: OpenJournal, partner_folder: Path) -> Iterator[Couple]:
    partner = open_partner(store, journal, partner_folder, PARTNER_PASSPHRASE)
    yield seed(journal, partner)
    if partner.is_open:
        partner.lock()


def test_the_schema_matches_the_models(journal: OpenJournal) -> None:
    with journal.db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = [
            d
            for d in compare_metadata(context, metadata())
            if any(name in repr(d) for name in TOGETHER_SCHEMA)
        ]
    assert diff == []


def test_items_interleave_only_shared_entries_of_both(couple: Couple) -> None:
    session = TogetherSession(couple.owner, couple.partner)
    items = session.items()
    assert [i.title for i in items] == [
        OWNER_SHARED[0],
        OWNER_SHARED[1],
        PARTNER_SHARED[0],
        PARTNER_SHARED[1],
    ]
    assert {(i.writer, i.side) for i in items} == {("Sam", Side.OWNER), ("Alex", Side.PARTNER)}
    assert CANARY not in repr(items)


def test_prompts_reveal_only_when_both_answered(couple: Couple) -> None:
    views = TogetherSession(couple.owner, couple.partner).prompts(PROMPTS)
    assert [v.status for v in views] == [
        PromptStatus.REVEALED,
        PromptStatus.WAITING,
        PromptStatus.WAITING,
    ]
    assert views[0].owner_answer.startswith("Sam") and views[0].partner_answer.startswith("Alex")
    assert CANARY not in repr(views)


def test_ideas_are_exactly_the_yes_overlap(couple: Couple) -> None:
    overlap = TogetherSession(couple.owner, couple.partner).ideas(IDEAS)
    assert [o.idea_id for o in overlap] == list(BOTH_YES)
    assert CANARY not in repr(overlap)


def test_partner_engine_runs_no_query_that_returns_a_private_row(couple: Couple) -> None:
    """Every statement the partner's engine runs is replayed and its rows inspected."""
    assert couple.partner is not None
    engine = couple.partner.db.engine
    seen: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    session = TogetherSession(couple.owner, couple.partner)
    session.items()
    session.prompts(PROMPTS)
    session.ideas(IDEAS)
    session.exchange_suggestions()
    session.recovery(Side.PARTNER, START_DAY, START_MOMENT)
    event.remove(engine, "before_cursor_execute", record)
    assert seen
    with engine.connect() as connection:
        for statement, parameters in seen:
            if statement.lstrip().upper().startswith("SELECT"):
                rows = connection.exec_driver_sql(statement, parameters).all()  # type: ignore[arg-type]
                assert CANARY not in repr(rows), statement


def test_a_response_is_kept_in_the_responders_journal(couple: Couple) -> None:
    session = TogetherSession(couple.owner, couple.partner)
    target = couple.entry_ids[PARTNER_SHARED[0]]
    written = "  I read this twice.\n\tAnd again.\n"  # kept as written (issue 9)
    response = session.respond(Side.OWNER, target, written)
    assert response.text == written
    [item] = [i for i in session.items() if i.entry_id == target]
    assert [r.text for r in item.responses] == [written]
    with pytest.raises(ResponseProblem):
        session.respond(Side.OWNER, target, "   ")
    assert session.remove_response(response)
    assert not next(i for i in session.items() if i.entry_id == target).responses


def test_making_private_hides_the_item(couple: Couple) -> None:
    session = TogetherSession(couple.owner, couple.partner)
    [first, *_] = session.items()
    session.make_private(first)
    assert first.entry_id not in {i.entry_id for i in session.items()}
    assert first.entry_id not in {s.id for s in Sharing(couple.owner.db).shared_entries()}


def test_leaving_disposes_the_partner_engine(couple: Couple) -> None:
    session = TogetherSession(couple.owner, couple.partner)
    assert couple.partner is not None
    engine = weakref.ref(couple.partner.db.engine)
    session.leave()
    couple.partner = None  # type: ignore[assignment]
    gc.collect()
    assert engine() is None
    with pytest.raises(RuntimeError):
        session.items()


def test_a_wrong_partner_passphrase_changes_no_file(
    store: JournalStore, journal: OpenJournal, partner_folder: Path
) -> None:
    before = file_bytes(journal.folder, partner_folder)
    with pytest.raises(WrongPassphrase):
        open_partner(store, journal, partner_folder, PASSPHRASE)
    assert file_bytes(journal.folder, partner_folder) == before


def test_the_own_journal_or_an_empty_folder_is_refused(
    store: JournalStore, journal: OpenJournal, tmp_path: Path
) -> None:
    with pytest.raises(NotAPartnerJournal, match="already open"):
        open_partner(store, journal, journal.folder, PASSPHRASE)
    with pytest.raises(NotAPartnerJournal, match=r"vault\.json"):
        open_partner(store, journal, tmp_path, PASSPHRASE)


def test_one_journal_couple_reads_by_writer(journal: OpenJournal) -> None:
    from journal.storage.entries.repository import EntryRepository
    from tests.couples import entry

    sharing = Sharing(journal.db)
    with pytest.raises(NotAPartnerJournal):
        TogetherSession(journal, None)
    assert "different" in sharing.set_writers("Sam", "sam")
    assert sharing.set_writers("Sam", "Alex") == ""
    repo = EntryRepository(journal.db)
    for number, writer, shared in ((1, 1, True), (2, 2, True), (3, 2, False)):
        made = entry(number, f"entry {number}" if shared else f"{CANARY} {number}", shared)
        repo.save(made)
        sharing.set_writer(made.id, writer)
    session = TogetherSession(journal, None)
    items = session.items()
    assert [(i.title, i.writer, i.side) for i in items] == [
        ("entry 1", "Sam", Side.OWNER),
        ("entry 2", "Alex", Side.PARTNER),
    ]
    response = session.respond(Side.PARTNER, items[0].entry_id, "Thank you")
    assert session.items()[0].responses == (response,)


def test_the_shared_items_query_reads_only_through_the_shared_index(journal: OpenJournal) -> None:
    """The query is answered from ix_entries_shared_created, so private rows are never
    read, and Together opens fast on a large journal. Compiled as SQLite runs it
    (``shared = 1``: the partial index's condition, 0027), not as generic SQL."""
    from journal.storage.together.shared import shared_entries_query

    with journal.db.engine.connect() as connection:
        statement = shared_entries_query().compile(
            dialect=connection.dialect, compile_kwargs={"literal_binds": True}
        )
        plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}").all()
    assert any("ix_entries_shared_created" in str(step) for step in plan), plan
    assert not any("SCAN" in str(step) for step in plan), plan


def test_an_idea_note_shows_only_when_its_writer_shares_it(couple: Couple) -> None:
    from journal.storage.library.repository import LibraryStore

    assert couple.partner is not None
    mine, theirs = LibraryStore(couple.owner.db), LibraryStore(couple.partner.db)
    mine.set_note("hugging", "Long ones, please")
    theirs.set_note("hugging", "Kept to myself")
    mine.set_note_shared("hugging", True)
    assert mine.mark("hugging").note_shared and not theirs.mark("hugging").note_shared
    [hugging] = [
        o
        for o in TogetherSession(couple.owner, couple.partner).ideas(IDEAS)
        if o.idea_id == "hugging"
    ]
    assert (hugging.owner_note, hugging.partner_note) == ("Long ones, please", "")


def test_a_suggested_own_idea_appears_once_both_said_yes(couple: Couple) -> None:
    from journal.domain.library.closeness import IdeaResponse
    from journal.storage.library.repository import LibraryStore
    from tests.couples import SUGGESTED

    session = TogetherSession(couple.owner, couple.partner)
    assert SUGGESTED not in {o.title for o in session.ideas(IDEAS)}
    session.exchange_suggestions()
    session.exchange_suggestions()  # once only
    [copy] = [i for i in LibraryStore(couple.owner.db).own_ideas() if i.title == SUGGESTED]
    assert copy.suggested_by == "Alex" and not copy.offered
    assert SUGGESTED not in {o.title for o in session.ideas(IDEAS)}  # Sam has not said yes
    LibraryStore(couple.owner.db).set_response(copy.idea_id, IdeaResponse.YES)
    overlap = session.ideas(IDEAS)
    assert SUGGESTED in {o.title for o in overlap}
    assert CANARY not in repr(overlap)  # each one's private own idea, though both said yes


def test_one_journal_couple_prompts_reveal_by_writer(journal: OpenJournal) -> None:
    from journal.storage.together.answers import CoupleAnswers

    Sharing(journal.db).set_writers("Sam", "Alex")
    CoupleAnswers(journal.db, 1).answer(BOTH_ANSWERED, "Sam's words")
    CoupleAnswers(journal.db, 2).answer(BOTH_ANSWERED, "Alex's words")
    CoupleAnswers(journal.db, 1).answer(ONLY_OWNER, f"{CANARY} Sam alone")
    views = TogetherSession(journal, None).prompts(PROMPTS)
    assert [v.status for v in views] == [
        PromptStatus.REVEALED,
        PromptStatus.WAITING,
        PromptStatus.OPEN,
    ]
    assert (views[0].owner_answer, views[0].partner_answer) == ("Sam's words", "Alex's words")
    assert CANARY not in repr(views)


def test_a_writer_with_no_name_set_is_shown_by_the_journal_s_whole_name(
    store: JournalStore, journal: OpenJournal
) -> None:
    """Break test 39, finding 3: a journal name longer than a writer's name may be is
    not offered in "Your name" (`Sharing.my_name`), and Together then showed that
    writer by no name at all ("Keep 's response", ", respond to Sam"). The name set
    is shown when there is one, else the journal's name whole, never nothing."""
    long_name = "Remembering our little one, winter 2026, and after it all"
    opened, _ = store.create(long_name, PARTNER_PASSPHRASE, LIGHT_KDF)
    folder = opened.folder
    opened.lock()
    partner = open_partner(store, journal, folder, PARTNER_PASSPHRASE)
    try:
        assert Sharing(partner.db).my_name(long_name) == ""  # the field: typed anew
        session = TogetherSession(journal, partner)
        assert session.names.partner == long_name
        assert session.names.owner == journal.header.name
        Sharing(partner.db).set_my_name("Alex")
        assert TogetherSession(journal, partner).names.partner == "Alex"
    finally:
        partner.lock()
