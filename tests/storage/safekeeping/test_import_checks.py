"""An import checks every row of a Solace export against what Solace can read before
anything is written: a row it could not read is left out and said, never written to
hide the rest of the body log (break test 10, finding 2)."""

from __future__ import annotations

import dataclasses
import json
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from journal.domain.body.log import BleedingLevel, BodyLog, PadChange, PadKind, Soaking
from journal.domain.safekeeping import solace_json
from journal.domain.safekeeping.imported import ImportRefused
from journal.storage.body.repository import BodyRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.importer import apply, new_rows
from tests.conftest import PASSPHRASE

BASE = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)


def own_log(journal, count: int = 5) -> None:
    """The person's own logs and pad changes, before any import."""
    body = BodyRepository(journal.db)
    for n in range(count):
        moment = BASE + timedelta(hours=n)
        body.save_log(BodyLog(id=f"own-{n}", logged_at=moment, bleeding=BleedingLevel.LIGHT))
        body.save_pad_change(PadChange(f"own-pad-{n}", moment, PadKind.REGULAR, Soaking.PARTLY))


def log_row(n: int, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": f"file-{n}",
        "logged_at": (BASE + timedelta(days=1, minutes=n)).isoformat(),
        "bleeding": 2,
        "clots": "none",
        "tissue_passed": False,
        "cramping": 3,
        "pain_relief": "",
        "pain_relief_at": None,
        "temperature_value": None,
        "temperature_unit": None,
        "chills": False,
        "discharge": "none",
        "pain_with_sex": False,
        "note": "",
    }
    return row | values


def pad_row(n: int, soaking: str = "fully") -> dict[str, Any]:
    moment = (BASE + timedelta(days=1, minutes=n)).isoformat()
    return {"id": f"file-pad-{n}", "changed_at": moment, "kind": "regular", "soaking": soaking}


def plan_of(tables: dict[str, Any], entries: list[Any] | None = None):  # type: ignore[no-untyped-def]
    document = {"format": "solace-export", "version": 1, "entries": entries or [], "tables": tables}
    return solace_json.parse(json.dumps(document))


def test_pad_changes_soaked_a_way_solace_does_not_know_are_left_out_and_said(journal):
    own_log(journal, 5)
    plan = plan_of(
        {
            "body_logs": [log_row(n) for n in range(170)],
            "body_pad_changes": [pad_row(n, "soaked") for n in range(255)],
        }
    )
    previewed = new_rows(journal.db, plan)
    assert previewed.added == 170
    assert previewed.left_out == (
        "255 of the file's pad changes would be left out: the soaking “soaked” is not one "
        "Solace knows.",
    )
    assert apply(journal, plan).rows == 170
    state = BodyRepository(journal.db).state()
    assert len(state.logs) == 175  # the person's own 5 and the 170 readable ones
    assert {p.id for p in state.pad_changes} == {f"own-pad-{n}" for n in range(5)}
    assert state.unreadable == 0


NOW = datetime.now(UTC)


@pytest.mark.parametrize(
    ("table", "row", "reason"),
    [
        (
            "body_logs",
            log_row(1, temperature_value=50, temperature_unit="celsius"),
            "body thermometer",
        ),
        (
            "body_logs",
            log_row(1, temperature_value=36.6, temperature_unit="kelvin"),
            "temperature unit “kelvin”",
        ),
        (
            "body_logs",
            log_row(1, temperature_value=float("nan"), temperature_unit="celsius"),
            "not a number",
        ),
        ("body_logs", log_row(1, logged_at=(NOW + timedelta(days=2)).isoformat()), "still ahead"),
        ("body_logs", log_row(1, logged_at="2024-05-01T08:00:00"), "not a time Solace can read"),
        ("body_logs", log_row(1, logged_at="yesterday"), "not a time Solace can read"),
        ("body_logs", log_row(1, bleeding=9), "bleeding “9”"),
        ("body_logs", log_row(1, bleeding="heavy"), "bleeding is not a whole number"),
        ("body_logs", log_row(1, cramping=11), "cramping is not from 0 to 10"),
        ("body_pad_changes", pad_row(1) | {"kind": None}, "kind is empty"),
        ("body_logs", {k: v for k, v in log_row(1).items() if k != "logged_at"}, "time is missing"),
        ("body_logs", "a line of text", "not in the form Solace writes"),
        ("body_pad_changes", pad_row(1) | {"kind": "towel"}, "kind “towel”"),
        (
            "body_signs",
            {
                "key": "k",
                "sign": "gone",
                "evidence_at": BASE.isoformat(),
                "raised_at": BASE.isoformat(),
            },
            "sign “gone”",
        ),
        (
            "body_recovery",
            {"id": 1, "loss_kind": "complete", "treatment": "surgery"},
            "treatment “surgery”",
        ),
        (
            "body_recovery",
            {"id": 1, "loss_date": (NOW + timedelta(days=9)).date().isoformat()},
            "still ahead",
        ),
        (
            "remembrance_dates",
            {"id": "r", "kind": "birthday", "day": "2024-05-01"},
            "kind “birthday”",
        ),
        (
            "couple_answers",
            {"prompt_id": "p", "writer": 3, "state": "answered", "updated_at": BASE.isoformat()},
            "neither the first",
        ),
        ("entry_writers", {"entry_id": "no-such-entry", "writer": 1}, "an entry that is not in"),
        ("body_appointments", {"id": "a", "when": "2024-13-01T10:00:00+00:00"}, "not a time"),
        ("body_logs", {"id": "far", "logged_at": "9999-12-31T20:00:00+00:00"}, "after next year"),
    ],
)
def test_each_kind_of_value_solace_cannot_read_is_refused_with_its_reason(
    journal, table, row, reason
):
    own_log(journal, 2)
    plan = plan_of({table: [row]})
    (said,) = new_rows(journal.db, plan).left_out
    assert said.startswith("1 of the file's ") and reason in said
    assert apply(journal, plan).rows == 0
    state = BodyRepository(journal.db).state()
    assert len(state.logs) == 2 and len(state.pad_changes) == 2 and state.unreadable == 0


def test_records_of_kinds_solace_does_not_keep_are_one_line_with_their_count(journal):
    """Break test 16, S9: a line for each unknown table ("1 of the file's records of a
    kind Solace does not keep would be left out: Solace does not keep records of that
    kind."), said twice for two tables."""
    plan = plan_of({"a_table_of_tomorrow": [{"id": 1}], "another_one": [{"id": 1}, {"id": 2}]})
    assert new_rows(journal.db, plan).left_out == (
        "3 records in the file are of a kind Solace does not keep, so they would be left out.",
    )
    assert apply(journal, plan).rows == 0


def test_an_appointment_ahead_and_a_row_with_only_its_needed_columns_go_in(journal):
    ahead = (NOW + timedelta(days=30)).isoformat()
    plan = plan_of(
        {
            "body_appointments": [{"id": "a", "when": ahead, "place": "Clinic"}],
            "body_logs": [{"id": "bare", "logged_at": BASE.isoformat()}],
        }
    )
    assert new_rows(journal.db, plan).left_out == ()
    assert apply(journal, plan).rows == 2
    state = BodyRepository(journal.db).state()
    assert [a.place for a in state.appointments] == ["Clinic"]
    # A bare log's answers are not noted (migration 0022), never "No bleeding".
    assert [log.bleeding for log in state.logs] == [None]


def test_a_body_view_shows_the_readable_rows_when_one_cannot_be_read(journal):
    """A row an older import let in hides nothing else: it is counted, not raised."""
    own_log(journal, 3)
    with journal.db.session() as session:
        session.execute(
            text("UPDATE body_pad_changes SET soaking = 'soaked' WHERE id = 'own-pad-0'")
        )
        session.execute(text("UPDATE body_logs SET clots = 'huge' WHERE id = 'own-0'"))
    state = BodyRepository(journal.db).state()
    assert [log.id for log in state.logs] == ["own-1", "own-2"]
    assert [p.id for p in state.pad_changes] == ["own-pad-1", "own-pad-2"]
    assert state.unreadable == 2


values = (
    st.none()
    | st.booleans()
    | st.integers(-5, 50)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
)
moments = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
).map(lambda m: m.isoformat())
columns = {
    "body_logs": [
        "id",
        "logged_at",
        "bleeding",
        "clots",
        "cramping",
        "temperature_value",
        "temperature_unit",
        "discharge",
        "pain_relief_at",
        "chills",
        "note",
    ],
    "body_pad_changes": ["id", "changed_at", "kind", "soaking"],
    "body_recovery": ["id", "loss_date", "loss_kind", "treatment"],
    "body_signs": ["key", "sign", "evidence_at", "raised_at", "seen_at"],
    "body_appointments": ["id", "when", "place"],
    "closeness_own_ideas": ["id", "uid", "title", "created_at"],
    "entry_writers": ["entry_id", "writer"],
}
good = {
    "bleeding": st.integers(0, 5),
    "clots": st.sampled_from(["none", "small", "large", "huge"]),
    "soaking": st.sampled_from(["partly", "fully", "soaked"]),
    "kind": st.sampled_from(["regular", "liner", "towel"]),
    "temperature_unit": st.sampled_from(["celsius", "fahrenheit", "kelvin", None]),
    "temperature_value": st.floats(30, 45) | values,
}


@st.composite
def any_tables(draw) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    tables: dict[str, Any] = {}
    for name in draw(st.lists(st.sampled_from(sorted(columns)), max_size=4, unique=True)):
        rows: list[Any] = []
        for _ in range(draw(st.integers(0, 4))):
            row: dict[str, Any] = {}
            for column in draw(st.lists(st.sampled_from(columns[name]), unique=True)):
                timed = column.endswith("_at") or column == "when"
                row[column] = draw(
                    (moments | values) if timed else good.get(column, st.none()) | values
                )
            rows.append(draw(st.sampled_from([row, row, row, "text", 7, None])))
        tables[name] = draw(st.sampled_from([rows, rows, rows, "text", 3, {"a": 1}]))
    return tables


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=any_tables())
def test_any_journal_json_adds_readable_rows_or_is_refused_and_the_own_log_stays(tables) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        journal, _ = JournalStore(Path(tmp) / "data").create("Mine", PASSPHRASE, LIGHT_KDF)
        try:
            own_log(journal, 2)
            try:
                plan = plan_of(tables)
            except ImportRefused as refused:
                assert str(refused)  # said in words
                return
            new_rows(journal.db, plan)
            apply(journal, plan, backup=False)
            state = BodyRepository(journal.db).state()
            assert {"own-0", "own-1"} <= {log.id for log in state.logs}
            assert {"own-pad-0", "own-pad-1"} <= {p.id for p in state.pad_changes}
            assert state.unreadable == 0
            BodyRepository(journal.db).sign_history()
        finally:
            journal.lock()


def test_text_sqlite_cannot_store_is_refused_not_a_failed_import(journal):
    """A lone surrogate ("\\ud800" in the JSON) made the whole import fail on writing.
    Read from the file, it is U+FFFD, as in an entry (break test 16 of session 11,
    finding 8), so the row comes in with every other word; a row holding one that
    reaches the writer some other way is still left out and said."""
    plan = plan_of({"body_logs": [log_row(1, note="\ud800"), log_row(2, note="fine")]})
    assert new_rows(journal.db, plan).left_out == ()
    assert plan.tables["body_logs"][0]["note"] == "\ufffd"
    unread = dataclasses.replace(plan, tables={"body_logs": [log_row(1, note="\ud800")]})
    (said,) = new_rows(journal.db, unread).left_out
    assert "the note holds characters that are not text" in said
    assert apply(journal, plan).rows == 2


def test_an_entry_with_a_lone_surrogate_comes_in_with_every_other_word(journal):
    """The same for an entry: the import failed whole; now the broken character
    becomes U+FFFD and every word is kept."""
    from journal.storage.entries.repository import EntryRepository

    entry = {
        "id": "00000000-0000-4000-8000-000000000001",
        "created_at": BASE.isoformat(),
        "title": "a title \ud83d",
        "body": "before \udc00 after",
        "tags": ["t\ud800"],
    }
    assert apply(journal, plan_of({}, [entry])).entries == 1
    saved = EntryRepository(journal.db).get(entry["id"])
    assert saved is not None
    assert (saved.title, saved.body) == ("a title \ufffd", "before \ufffd after")
