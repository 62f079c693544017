"""The body log's tables and repository, on a real SQLCipher journal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import inspect, text

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
from journal.domain.body.warning_signs import evaluate
from journal.storage.body.repository import BodyRepository
from journal.storage.lock.journal import OpenJournal

T0 = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def test_a_new_journal_has_the_body_tables(journal: OpenJournal) -> None:
    tables = set(inspect(journal.db.engine).get_table_names())
    assert {
        "body_logs",
        "body_pad_changes",
        "body_recovery",
        "body_appointments",
        "body_signs",
        "body_drafts",
    } <= tables


def test_a_full_log_comes_back_as_it_was_typed(journal: OpenJournal) -> None:
    log = BodyLog(
        id="a",
        logged_at=T0,
        bleeding=BleedingLevel.HEAVY,
        clots=ClotSize.SMALL,
        tissue_passed=True,
        cramping=6,
        pain_relief="ibuprofen 400 mg",
        pain_relief_at=T0 - timedelta(hours=1),
        temperature=Temperature(101.2, TemperatureUnit.FAHRENHEIT),
        chills=True,
        discharge=Discharge.UNUSUAL_COLOUR,
        pain_with_sex=True,
        note="tired",
    )
    BodyRepository(journal.db).save_log(log)
    BodyRepository(journal.db).save_log(BodyLog(id="b", logged_at=T0 - timedelta(days=1)))
    logs = BodyRepository(journal.db).logs()
    assert [x.id for x in logs] == ["b", "a"]
    assert logs[1] == log


def test_editing_and_deleting_logs(journal: OpenJournal) -> None:
    BodyRepository(journal.db).save_log(BodyLog(id="a", logged_at=T0, chills=True))
    BodyRepository(journal.db).save_log(BodyLog(id="a", logged_at=T0, chills=False))
    assert BodyRepository(journal.db).logs() == [BodyLog(id="a", logged_at=T0, chills=False)]
    BodyRepository(journal.db).delete_log("a")
    assert BodyRepository(journal.db).logs() == []


def test_pad_changes_recovery_and_appointments(journal: OpenJournal) -> None:
    change = PadChange("p1", T0, PadKind.THICK, Soaking.FULLY)
    details = RecoveryDetails(
        loss_date=date(2024, 2, 20),
        loss_kind=LossKind.INCOMPLETE,
        treatment=Treatment.PROCEDURE,
        treatment_note="D&C on the 21st",
        bleeding_stopped_on=date(2024, 3, 5),
    )
    visit = Appointment("v1", T0 + timedelta(days=7), "Clinic", "Is this bleeding normal?")
    assert BodyRepository(journal.db).recovery() == RecoveryDetails()
    BodyRepository(journal.db).save_pad_change(change)
    BodyRepository(journal.db).save_recovery(details)
    BodyRepository(journal.db).save_appointment(visit)
    assert BodyRepository(journal.db).pad_changes() == [change]
    assert BodyRepository(journal.db).recovery() == details
    assert BodyRepository(journal.db).appointments() == [visit]


def test_signs_are_remembered_once_and_marked_seen(journal: OpenJournal) -> None:
    logs = [BodyLog(id="a", logged_at=T0, chills=True)]
    raised = evaluate(logs, [], RecoveryDetails(), T0 + timedelta(hours=1))
    BodyRepository(journal.db).record_signs(raised, T0 + timedelta(hours=1))
    BodyRepository(journal.db).record_signs(raised, T0 + timedelta(hours=2))
    BodyRepository(journal.db).mark_seen([raised[0].key], T0 + timedelta(hours=3))
    (record,) = BodyRepository(journal.db).sign_history()
    assert record.key == raised[0].key
    assert record.raised_at == T0 + timedelta(hours=1)
    assert record.seen_at == T0 + timedelta(hours=3)


def test_form_draft_is_kept_and_forgotten(journal: OpenJournal) -> None:
    BodyRepository(journal.db).save_draft('{"note": "x"}')
    assert BodyRepository(journal.db).draft() == '{"note": "x"}'
    BodyRepository(journal.db).save_draft(None)
    assert BodyRepository(journal.db).draft() is None


def test_moods_are_read_only_when_the_journal_has_them(journal: OpenJournal) -> None:
    assert BodyRepository(journal.db).moods() == []
    with journal.db.engine.begin() as connection:
        if inspect(connection).has_table("entries"):
            return  # the journal area's own table is present; its tests cover it
        connection.execute(text("CREATE TABLE entries (id TEXT, created_at TEXT, mood INTEGER)"))
        connection.execute(
            text("INSERT INTO entries VALUES ('e', '2024-03-01 10:00:00', 3), ('f', 'x', NULL)")
        )
    assert BodyRepository(journal.db).moods() == [(datetime(2024, 3, 1, 10, tzinfo=UTC), 3)]


def test_a_changed_appointment_keeps_its_id_and_removed_rows_are_gone(journal: OpenJournal) -> None:
    visit = Appointment("v1", T0, "Clinic", "")
    BodyRepository(journal.db).save_appointment(visit)
    BodyRepository(journal.db).save_pad_change(PadChange("p1", T0, PadKind.THICK, Soaking.FULLY))
    BodyRepository(journal.db).save_appointment(
        Appointment("v1", T0, "Dr Rivera", "Is this usual?")
    )
    assert BodyRepository(journal.db).appointments() == [
        Appointment("v1", T0, "Dr Rivera", "Is this usual?")
    ]
    BodyRepository(journal.db).delete_appointment("v1")
    BodyRepository(journal.db).delete_pad_change("p1")
    assert BodyRepository(journal.db).appointments() == []
    assert BodyRepository(journal.db).pad_changes() == []
