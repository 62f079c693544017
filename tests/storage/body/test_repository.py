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
from journal.storage.body import repository as body_log
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
    with journal.db.session() as session:
        body_log.save_log(session, log)
        body_log.save_log(session, BodyLog(id="b", logged_at=T0 - timedelta(days=1)))
    with journal.db.session() as session:
        logs = body_log.load_logs(session)
    assert [x.id for x in logs] == ["b", "a"]
    assert logs[1] == log


def test_editing_and_deleting_logs(journal: OpenJournal) -> None:
    with journal.db.session() as session:
        body_log.save_log(session, BodyLog(id="a", logged_at=T0, chills=True))
    with journal.db.session() as session:
        body_log.save_log(session, BodyLog(id="a", logged_at=T0, chills=False))
    with journal.db.session() as session:
        assert body_log.load_logs(session) == [BodyLog(id="a", logged_at=T0)]
        body_log.delete_log(session, "a")
    with journal.db.session() as session:
        assert body_log.load_logs(session) == []


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
    with journal.db.session() as session:
        assert body_log.load_recovery(session) == RecoveryDetails()
        body_log.save_pad_change(session, change)
        body_log.save_recovery(session, details)
        body_log.save_appointment(session, visit)
    with journal.db.session() as session:
        assert body_log.load_pad_changes(session) == [change]
        assert body_log.load_recovery(session) == details
        assert body_log.load_appointments(session) == [visit]


def test_signs_are_remembered_once_and_marked_seen(journal: OpenJournal) -> None:
    logs = [BodyLog(id="a", logged_at=T0, chills=True)]
    raised = evaluate(logs, [], RecoveryDetails(), T0 + timedelta(hours=1))
    with journal.db.session() as session:
        body_log.record_signs(session, raised, T0 + timedelta(hours=1))
    with journal.db.session() as session:
        body_log.record_signs(session, raised, T0 + timedelta(hours=2))
        body_log.mark_sign_seen(session, raised[0].key, T0 + timedelta(hours=3))
    with journal.db.session() as session:
        (record,) = body_log.sign_history(session)
    assert record.key == raised[0].key
    assert record.raised_at == T0 + timedelta(hours=1)
    assert record.seen_at == T0 + timedelta(hours=3)


def test_form_draft_is_kept_and_forgotten(journal: OpenJournal) -> None:
    with journal.db.session() as session:
        body_log.save_draft(session, '{"note": "x"}')
    with journal.db.session() as session:
        assert body_log.load_draft(session) == '{"note": "x"}'
        body_log.save_draft(session, None)
    with journal.db.session() as session:
        assert body_log.load_draft(session) is None


def test_moods_are_read_only_when_the_journal_has_them(journal: OpenJournal) -> None:
    with journal.db.session() as session:
        assert body_log.load_moods(session) == []
    with journal.db.engine.begin() as connection:
        if inspect(connection).has_table("entries"):
            return  # the journal area's own table is present; its tests cover it
        connection.execute(text("CREATE TABLE entries (id TEXT, created_at TEXT, mood INTEGER)"))
        connection.execute(
            text("INSERT INTO entries VALUES ('e', '2024-03-01 10:00:00', 3), ('f', 'x', NULL)")
        )
    with journal.db.session() as session:
        assert body_log.load_moods(session) == [(datetime(2024, 3, 1, 10, tzinfo=UTC), 3)]


def test_a_changed_appointment_keeps_its_id_and_removed_rows_are_gone(journal: OpenJournal) -> None:
    visit = Appointment("v1", T0, "Clinic", "")
    with journal.db.session() as session:
        body_log.save_appointment(session, visit)
        body_log.save_pad_change(session, PadChange("p1", T0, PadKind.THICK, Soaking.FULLY))
    with journal.db.session() as session:
        body_log.save_appointment(session, Appointment("v1", T0, "Dr Rivera", "Is this usual?"))
    with journal.db.session() as session:
        assert body_log.load_appointments(session) == [
            Appointment("v1", T0, "Dr Rivera", "Is this usual?")
        ]
        body_log.delete_appointment(session, "v1")
        body_log.delete_pad_change(session, "p1")
    with journal.db.session() as session:
        assert body_log.load_appointments(session) == []
        assert body_log.load_pad_changes(session) == []
