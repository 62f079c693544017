"""Export, then import into a new journal: the same entries, body log and marks (a
property test over generated journals); importing twice adds nothing; the export's
names are neutral and its files owner-only."""

from __future__ import annotations

import json
import tempfile
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from journal.domain.body.log import BleedingLevel, BodyLog, PadChange, PadKind, Soaking
from journal.domain.entries.entry import MAX_BODY_CHARS, Entry
from journal.domain.entries.feelings import Mood
from journal.domain.library.closeness import IdeaResponse
from journal.domain.safekeeping import solace_json
from journal.domain.safekeeping.imported import preview
from journal.domain.safekeeping.sources import plan_for
from journal.storage import migrate
from journal.storage.body.repository import BodyRepository
from journal.storage.entries.repository import EntryRepository
from journal.storage.library.repository import LibraryStore
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.export import export_journal
from journal.storage.safekeeping.importer import apply, existing_ids
from tests.conftest import PASSPHRASE

BASE = datetime(2024, 5, 1, 8, 30, tzinfo=UTC)
FEELINGS = ["sad", "numb", "hopeful"]
words = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=60
)
tags = st.lists(st.text("abcdefghij日本", min_size=1, max_size=8), max_size=3, unique=True)


@st.composite
def entries(draw) -> list[Entry]:  # type: ignore[no-untyped-def]
    count = draw(st.integers(min_value=0, max_value=6))
    made = []
    for n in range(count):
        moment = BASE + timedelta(minutes=draw(st.integers(0, 400_000)))
        made.append(
            Entry(
                id=f"00000000-0000-4000-8000-{n:012d}",
                created_at=moment,
                updated_at=moment + timedelta(minutes=5),
                title=draw(words),
                body=draw(words),
                mood=draw(st.none() | st.sampled_from(list(Mood))),
                feelings=tuple(
                    draw(st.lists(st.sampled_from(["sad", "numb", "hopeful"]), unique=True))
                ),
                tags=tuple(draw(tags)),
                shared=draw(st.booleans()),
            )
        )
    return made


def fill(journal, made: list[Entry], note: str) -> None:
    repo = EntryRepository(journal.db)
    for entry in made:
        repo.save(entry)
    body = BodyRepository(journal.db)
    body.save_log(
        BodyLog(id="log-1", logged_at=BASE, bleeding=BleedingLevel.LIGHT, cramping=4, note=note)
    )
    body.save_pad_change(
        PadChange(id="pad-1", changed_at=BASE, kind=PadKind.REGULAR, soaking=Soaking.FULLY)
    )
    library = LibraryStore(journal.db)
    library.set_response("hold-hands", IdeaResponse.MAYBE)
    library.add_done("hold-hands", date(2024, 5, 2))


def everything(journal) -> tuple[object, ...]:
    repo = EntryRepository(journal.db)
    found = sorted(
        (repo.get(s.id) for s in repo.summaries_page(0, 1000)),
        key=lambda e: e.id,  # type: ignore[union-attr]
    )
    body = BodyRepository(journal.db)
    library = LibraryStore(journal.db)
    return (found, body.logs(), body.pad_changes(), library.marks())


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(made=entries(), note=words)
@example(  # a '#tag' in the text that is not among the entry's tags stays out of them
    made=[Entry(id=str(uuid.UUID(int=1)), created_at=BASE, updated_at=BASE, body="#A")], note=""
)
def test_export_then_import_into_a_new_journal_gives_the_same_journal(made, note) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = JournalStore(Path(tmp) / "data")
        source, _ = store.create("From", PASSPHRASE, LIGHT_KDF)
        fill(source, made, note)
        result = export_journal(
            source.db, Path(tmp), sorted(migrate.current_revisions(source.db.engine))
        )
        target, _ = store.create("To", PASSPHRASE, LIGHT_KDF)
        plan = solace_json.parse((result.folder / "journal.json").read_text(encoding="utf-8"))
        assert preview(plan, existing_ids(target.db)).new == len(made)
        apply(target, plan, keep_shared=True)  # the person kept shared what was shared
        assert everything(target) == everything(source)
        assert apply(target, plan, backup=False).entries == 0  # twice adds nothing
        assert apply(target, plan, backup=False).rows == 0
        assert everything(target) == everything(source)
        source.lock()
        target.lock()


def test_the_export_is_markdown_json_and_csv_with_neutral_names(journal, tmp_path):
    entry = Entry(
        id="00000000-0000-4000-8000-000000000001",
        created_at=BASE,
        updated_at=BASE,
        title="Letter to the baby",
        body="I miss you.",
        mood=Mood(2),
        feelings=("sad",),
        tags=("letters",),
    )
    fill(journal, [entry], "a note")
    seen: list[tuple[int, int]] = []
    result = export_journal(journal.db, tmp_path, ["x"], lambda d, t: seen.append((d, t)))
    assert result.folder.name.startswith("journal-export-")
    assert seen[-1] == (1, 1)
    (markdown,) = (result.folder / "entries").iterdir()
    assert "Letter" not in markdown.name and "baby" not in markdown.name
    text = markdown.read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Letter to the baby"\n')
    assert 'tags: ["letters"]' in text and "mood: 2" in text and "I miss you." in text
    csv = (result.folder / "body-log.csv").read_text(encoding="utf-8")
    assert "a note" in csv
    document = json.loads((result.folder / "journal.json").read_text(encoding="utf-8"))
    assert document["format"] == "solace-export"
    assert {"body_logs", "body_pad_changes", "closeness_marks"} <= set(document["tables"])
    modes = {oct(p.stat().st_mode & 0o777) for p in result.folder.rglob("*")}
    assert modes <= {"0o600", "0o700"}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def entries_only(journal) -> list[object]:  # type: ignore[no-untyped-def]
    return everything(journal)[0]  # type: ignore[return-value]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(made=entries())
def test_the_markdown_export_imported_back_gives_the_same_entries_and_twice_adds_nothing(
    made,
) -> None:
    """Break test 16, finding 4: Solace's own Markdown files came back as new entries
    (every one a duplicate) with the "# Title" line in their text."""
    with tempfile.TemporaryDirectory() as tmp:
        store = JournalStore(Path(tmp) / "data")
        source, _ = store.create("From", PASSPHRASE, LIGHT_KDF)
        fill(source, made, "")
        markdown_round_trip(store, source, Path(tmp), len(made))


def test_an_entry_at_the_size_limit_comes_back_from_markdown_as_one_entry(tmp_path):
    """Its heading line was counted into its text, so it came back in two parts."""
    store = JournalStore(tmp_path / "data")
    source, _ = store.create("From", PASSPHRASE, LIGHT_KDF)
    body = "x " * (MAX_BODY_CHARS // 2)
    huge = Entry(
        id=str(uuid.UUID(int=2)), created_at=BASE, updated_at=BASE, title="Huge", body=body
    )
    EntryRepository(source.db).save(huge)
    markdown_round_trip(store, source, tmp_path, 1)


def markdown_round_trip(store: JournalStore, source, tmp: Path, made: int) -> None:  # type: ignore[no-untyped-def]
    """Export ``source`` (holding ``made`` entries), import its Markdown folder back
    into it and into a new journal: all duplicates there, the same entries here."""
    result = export_journal(source.db, tmp, sorted(migrate.current_revisions(source.db.engine)))
    if made:
        plan = plan_for(result.folder / "entries")
        assert plan.notes == ()  # nothing split, nothing undated, no front matter unread
        shown = preview(plan, existing_ids(source.db))
        assert (shown.new, shown.duplicates) == (0, made)  # "already in your journal"
        target, _ = store.create("To", PASSPHRASE, LIGHT_KDF)
        apply(target, plan, keep_shared=True)
        assert entries_only(target) == entries_only(source)
        assert apply(target, plan, backup=False).entries == 0  # twice adds nothing
        assert entries_only(target) == entries_only(source)
        target.lock()
    source.lock()
