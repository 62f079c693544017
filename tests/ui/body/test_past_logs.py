"""Past logs: listed newest first, changed in place, deleted after asking, and every
change re-checks the warning signs; appointments can be changed and removed."""

from __future__ import annotations

from datetime import UTC, timedelta

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt

from journal.domain.body.log import (
    FUTURE_TIME_MESSAGE,
    Appointment,
    BleedingLevel,
    BodyLog,
    ClotSize,
    PadChange,
    PadKind,
    Soaking,
)
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.domain.body.warning_signs import SignId
from journal.storage.body.repository import BodyRepository
from journal.ui.body.past_logs import (
    COLUMNS,
    ID_ROLE,
    PAGE_SIZE,
    PadChangesModel,
    PastLogsModel,
    note_start,
)
from journal.ui.common.local_time import to_qdatetime
from tests.ui.body import support as support
from tests.ui.body.support import midday, now, saved_logs, store, tab_to

body_area = support.body_area
body_page = support.body_page
C = TemperatureUnit.CELSIUS
PAST_TAB = 3


def _cells(model: PastLogsModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def _open_past_logs(qtbot, area) -> None:  # type: ignore[no-untyped-def]
    """Reach the list as a person would: the tab's shortcut, then Tab into the table."""
    area.tabs.tabBar().setFocus()
    qtbot.keyClick(area.tabs, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert area.tabs.currentIndex() == PAST_TAB
    tab_to(qtbot, area.past.table)


def test_the_models_pass_the_model_tester_and_load_lazily(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    t = now() - timedelta(days=30)
    logs = [BodyLog(id=f"l{i}", logged_at=t + timedelta(hours=i)) for i in range(PAGE_SIZE + 5)]
    pads = [
        PadChange(f"p{i}", t + timedelta(hours=i, minutes=5), PadKind.THICK, Soaking.FULLY)
        for i in range(PAGE_SIZE + 5)
    ]
    model = PastLogsModel()
    model.set_logs(logs, pads)
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE_SIZE + 5 and not model.canFetchMore()
    assert model.index(0, 0).data(ID_ROLE) == f"l{PAGE_SIZE + 4}"  # newest first
    qtmodeltester.check(model, force_py=True)
    pad_model = PadChangesModel()
    pad_model.set_pads(pads)
    qtmodeltester.check(pad_model, force_py=True)


def test_the_list_shows_the_logs_newest_first_with_what_was_noted(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    t = midday() - timedelta(hours=2)  # both logs and their pads on one local day
    store(
        journal,
        [
            BodyLog(
                id="old",
                logged_at=t,
                bleeding=BleedingLevel.HEAVY,
                cramping=6,
                clots=ClotSize.LARGE,
                tissue_passed=True,
            ),
            BodyLog(
                id="new",
                logged_at=t + timedelta(hours=4),
                bleeding=BleedingLevel.LIGHT,
                cramping=0,
                temperature=Temperature(37.4, C),
                chills=True,
                pain_with_sex=True,
            ),
        ],
        [
            PadChange("p1", t + timedelta(hours=1), PadKind.THICK, Soaking.FULLY),
            PadChange("p2", t + timedelta(hours=3), PadKind.REGULAR, Soaking.PARTLY),
        ],
    )
    body_area.refresh()
    _open_past_logs(qtbot, body_area)
    model = body_area.past.model
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == ["new", "old"]
    new, old = _cells(model, 0), _cells(model, 1)
    assert new[1:] == ["", "Light", "No cramping", "37.4 °C", "Chills  ·  Pain with sex"]
    assert old[1:] == [
        "2 changes, 1 soaked through",
        "Heavy",
        "6 of 10",
        "",
        "Large clots  ·  Tissue",
    ]
    spoken = model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Bleeding: heavy. Cramping 6 of 10. Also noted: large clots, tissue." in spoken
    pads = body_area.past.pad_model
    assert pads.index(0).data().endswith("Regular pad  ·  Partly soaked")


def test_changing_a_temperature_from_38_6_to_37_takes_the_fever_sign_away(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    logged = now() - timedelta(hours=2)
    store(
        journal,
        [
            BodyLog(
                id="hot", logged_at=logged, temperature=Temperature(38.6, C), note="After the walk"
            )
        ],
    )
    body_area.refresh()
    assert body_area.banner.shown_signs() == [SignId.FEVER]
    _open_past_logs(qtbot, body_area)
    qtbot.keyClick(body_area.past.table, Qt.Key.Key_Return)

    dialog = body_area.edit_dialog
    assert dialog is not None and dialog.isVisible()
    form = dialog.form
    assert form.temperature.text() == "38.6" and form.note.toPlainText() == "After the walk"
    # The time stays editable, and never in the future.
    form.time.setDateTime(to_qdatetime(now() + timedelta(hours=3)))
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert form.problem_text() == FUTURE_TIME_MESSAGE and dialog.isVisible()
    form.time.setDateTime(to_qdatetime(logged - timedelta(minutes=30)))
    form.temperature.selectAll()
    qtbot.keyClicks(form.temperature, "37.0")
    with qtbot.waitSignal(dialog.finished):  # Enter saves, as in every dialog
        qtbot.keyClick(form.temperature, Qt.Key.Key_Return)

    (log,) = saved_logs(journal)
    assert log.id == "hot" and log.temperature == Temperature(37.0, C)
    assert log.note == "After the walk"
    assert log.logged_at.replace(second=0, microsecond=0) == (
        logged - timedelta(minutes=30)
    ).replace(second=0, microsecond=0)
    assert body_area.banner.shown_signs() == []
    assert "Saved the changes" in body_area.past.status.text()
    assert body_area.past.model.index(0, COLUMNS.index("Temperature")).data() == "37.0 °C"
    # The history keeps what was raised, and says the log no longer shows it.
    assert "Fever: from your log of" in body_area.timeline.history.text()
    assert "your log no longer shows it" in body_area.timeline.history.text()


def test_deleting_a_log_asks_first_and_its_large_clots_sign_goes(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    t = now() - timedelta(hours=3)
    store(
        journal,
        [
            BodyLog(id="clots", logged_at=t + timedelta(hours=1), clots=ClotSize.LARGE),
            BodyLog(id="quiet", logged_at=t),
        ],
    )
    body_area.refresh()
    assert body_area.banner.shown_signs() == [SignId.CLOTS_OR_TISSUE]
    _open_past_logs(qtbot, body_area)
    qtbot.keyClick(body_area.past.table, Qt.Key.Key_Delete)

    question = body_area.question
    assert question is not None and question.isVisible()
    assert question.text() == "Delete this log?" and "!" not in question.informativeText()
    question.keep_button.click()
    assert len(saved_logs(journal)) == 2

    body_area.past.delete_button.click()
    body_area.question.yes_button.click()
    assert [log.id for log in saved_logs(journal)] == ["quiet"]
    assert body_area.banner.shown_signs() == []
    assert body_area.past.model.rowCount() == 1
    assert "was deleted" in body_area.undo_bar.text.text()
    assert "Large clots or tissue" in body_area.timeline.history.text()


def test_removing_a_pad_change_entered_by_mistake_breaks_a_heavy_bleeding_run(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    first = now() - timedelta(hours=3)
    store(
        journal,
        pads=[
            PadChange("p0", first, PadKind.THICK, Soaking.PARTLY),
            PadChange("p1", first + timedelta(minutes=60), PadKind.THICK, Soaking.FULLY),
            PadChange("p2", first + timedelta(minutes=120), PadKind.THICK, Soaking.FULLY),
        ],
    )
    body_area.refresh()
    assert body_area.banner.shown_signs() == [SignId.HEAVY_BLEEDING]
    body_area.tabs.setCurrentIndex(PAST_TAB)
    pads = body_area.past.pads
    pads.setFocus()
    pads.setCurrentIndex(body_area.past.pad_model.index(1))  # p1, the middle one
    qtbot.keyClick(pads, Qt.Key.Key_Delete)
    assert body_area.question.text() == "Remove this pad change?"
    body_area.question.yes_button.click()

    assert [p.id for p in BodyRepository(journal.db).pad_changes()] == ["p0", "p2"]
    assert body_area.banner.shown_signs() == []
    assert body_area.past.pad_model.rowCount() == 2


def test_an_appointment_can_be_changed_and_removed(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    when = now() + timedelta(days=3)
    BodyRepository(journal.db).save_appointment(Appointment("a1", when, "Clinic", "Is this usual?"))
    body_area.refresh()
    body_area.tabs.setCurrentIndex(1)
    timeline = body_area.timeline
    assert timeline.change_button.isVisibleTo(body_area)
    timeline.change_button.click()
    dialog = body_area.appointment_dialog
    assert dialog.place.text() == "Clinic"
    dialog.place.selectAll()
    qtbot.keyClicks(dialog.place, "Dr Rivera")
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    (changed,) = BodyRepository(journal.db).appointments()
    assert changed.id == "a1" and changed.place == "Dr Rivera"
    assert changed.questions == "Is this usual?"
    assert "Dr Rivera" in timeline.appointments.text()

    timeline.remove_button.click()
    assert body_area.question.text() == "Remove this appointment?"
    body_area.question.yes_button.click()
    assert BodyRepository(journal.db).appointments() == []
    assert "No appointments noted" in timeline.appointments.text()
    assert not timeline.change_button.isVisibleTo(body_area)


def test_each_pad_change_shows_with_the_log_of_its_own_day(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    """Pads changed on 30 November never appear under the log of 29 November."""
    from datetime import datetime

    from tests.time_zones import in_zone

    with in_zone("Pacific/Auckland") as zone:

        def at(day: int, hour: int, minute: int = 0) -> datetime:
            return datetime(2025, 11, day, hour, minute, tzinfo=zone).astimezone(UTC)

        evening_29 = BodyLog(id="evening-29", logged_at=at(29, 20))
        morning_30 = BodyLog(id="morning-30", logged_at=at(30, 9))
        noon_30 = BodyLog(id="noon-30", logged_at=at(30, 12))

        def pad(name: str, moment: datetime, soaking: Soaking = Soaking.PARTLY) -> PadChange:
            return PadChange(name, moment, PadKind.THICK, soaking)

        store(
            journal,
            [evening_29, morning_30, noon_30],
            [
                pad("late-29", at(29, 23, 30), Soaking.FULLY),
                pad("early-30", at(30, 0, 30)),  # before the first log of the 30th
                pad("mid-30", at(30, 10)),
                pad("after-noon-30", at(30, 13), Soaking.FULLY),
                pad("no-log-day", at(28, 9)),
            ],
        )
        body_area.refresh()
        _open_past_logs(qtbot, body_area)
        model = body_area.past.model
        by_id = {model.index(row, 0).data(ID_ROLE): _cells(model, row) for row in range(3)}
        assert by_id["evening-29"][1] == "1 change, 1 soaked through"
        assert by_id["morning-30"][1] == "2 changes"
        assert by_id["noon-30"][1] == "1 change, 1 soaked through"
        # The pad changed on a day without a log is still listed with the others.
        assert body_area.past.pad_model.rowCount() == 5
        rule = body_area.past.pad_rule
        assert rule.isVisible() and "same day" in rule.text()
        assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
            rule.text()
        )


def test_at_large_text_the_list_keeps_room_and_the_page_scrolls(
    qtbot, body_page, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    from journal.ui.body.past_logs import SHOWN_ROWS

    store(journal, [BodyLog(id=f"l{i}", logged_at=now() - timedelta(hours=i)) for i in range(8)])
    body_area.refresh()
    font = body_area.font()
    font.setPointSizeF(font.pointSizeF() * 2)  # 200 % text
    body_area.setFont(font)
    body_page.resize(1000, 380)  # a short window
    _open_past_logs(qtbot, body_area)
    table = body_area.past.table
    # Each row at the height it is shown once laid out at 200 % (read afresh: a row read
    # before the table took the new font was another height).
    qtbot.waitUntil(lambda: table.viewport().height() >= table.rowHeight(0) * SHOWN_ROWS)
    scroll = body_page
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    scroll.ensureWidgetVisible(body_area.past.pad_delete_button)
    button = body_area.past.pad_delete_button
    top_left = button.mapTo(scroll.viewport(), button.rect().topLeft())
    assert scroll.viewport().rect().contains(top_left)


def test_a_record_solace_cannot_read_is_said_and_hides_none_of_the_others(
    qtbot, body_area, journal
):
    """Break test 10, finding 2: one pad change soaked "soaked" (let in by an older
    import) made Past logs say "No logs yet" and the timeline lose its signs; closing
    the journal afterwards failed (12h)."""
    from sqlalchemy import text

    from journal.domain.body.log import PadChange, PadKind, Soaking

    moment = now() - timedelta(hours=5)
    logs = [BodyLog(f"log-{n}", moment + timedelta(hours=n)) for n in range(3)]
    pads = [
        PadChange(f"pad-{n}", moment + timedelta(hours=n), PadKind.REGULAR, Soaking.FULLY)
        for n in range(3)
    ]
    store(journal, logs, pads)
    with journal.db.session() as session:
        session.execute(text("UPDATE body_pad_changes SET soaking = 'soaked' WHERE id = 'pad-0'"))
    body_area.refresh()
    past = body_area.past
    assert past.model.rowCount() == 3 and past.pad_model.rowCount() == 2
    assert past.unreadable.text() == (
        "1 record of your body log could not be read, so it is not shown here and no "
        "warning sign counts it. Everything else in your log is shown as usual."
    )
    assert past.empty.isHidden() and not past.unreadable.isHidden()
    body_area.clear()
    journal.lock()  # closes cleanly: no statement was left half-read


def test_change_this_log_shows_the_start_of_a_long_pain_relief_note(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    """ "Change this log…" showed the end of a long pain-relief text ("…ening, total
    three doses of 400 mg"): a field Solace fills shows its first words."""
    from journal.ui.common.one_line import install_one_line

    install_one_line()  # as the main window does before any field is built
    words = "Ibuprofen 400 mg in the morning, again at noon and in the evening, total three"
    store(journal, [BodyLog(id="long", logged_at=now() - timedelta(hours=2), pain_relief=words)])
    body_area.refresh()
    _open_past_logs(qtbot, body_area)
    qtbot.keyClick(body_area.past.table, Qt.Key.Key_Return)
    dialog = body_area.edit_dialog
    assert dialog is not None and dialog.isVisible()
    field = dialog.form.pain_relief
    assert field.text() == words
    assert field.cursorPosition() == 0  # the view starts at "Ibuprofen"
    dialog.reject()


def test_undo_of_a_deleted_log_chooses_and_focuses_that_log(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    """Break test 15 of session 18, finding 9: Undo brought the newest log back, and
    the focus landed on the row it had left, the other log, never deleted."""
    t = now() - timedelta(hours=3)
    store(
        journal,
        [
            BodyLog(
                id="newest", logged_at=t + timedelta(hours=1), temperature=Temperature(39.2, C)
            ),
            BodyLog(id="older", logged_at=t, temperature=Temperature(39.0, C)),
        ],
    )
    body_area.refresh()
    _open_past_logs(qtbot, body_area)
    table = body_area.past.table
    assert table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    body_area.question.yes_button.click()
    undo = body_area.undo_bar.button
    qtbot.waitUntil(undo.hasFocus)
    qtbot.keyClick(undo, Qt.Key.Key_Space)

    assert sorted(log.id for log in saved_logs(journal)) == ["newest", "older"]
    qtbot.waitUntil(table.hasFocus)
    assert body_area.past.selected_log().id == "newest"


def test_a_log_whose_only_extra_is_a_note_shows_its_first_words_in_the_list(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    """Break test 10 of session 25, F1: a log with only a note showed an empty "Also
    noted"; the note was a tooltip, out of reach of a person scanning the list."""
    note = "Felt tired. Walked a little by the river after lunch."
    store(journal, [BodyLog(id="n", logged_at=midday(), bleeding=BleedingLevel.LIGHT, note=note)])
    body_area.refresh()
    _open_past_logs(qtbot, body_area)
    model = body_area.past.model
    shown = _cells(model, 0)[COLUMNS.index("Also noted")]
    assert shown == "Note: Felt tired. Walked a little by…"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == f"<p>{note}</p>"  # on hover
    assert f"Note: {note}" in model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_the_pain_relief_taken_is_named_in_the_list_and_heard_whole(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    """Break test 43 (body log), F6: "Also noted" said "Pain relief" and not what was
    taken, which only the doctor's summary showed. Its first words are shown, as a
    note's are, and heard whole, as the person wrote them."""
    relief = "Ibuprofen 400 mg, then a hot water bottle"
    store(
        journal,
        [BodyLog(id="r", logged_at=midday(), bleeding=BleedingLevel.LIGHT, pain_relief=relief)],
    )
    body_area.refresh()
    _open_past_logs(qtbot, body_area)
    model = body_area.past.model
    assert (
        _cells(model, 0)[COLUMNS.index("Also noted")]
        == "Pain relief: Ibuprofen 400 mg, then a hot…"
    )
    assert f"Pain relief: {relief}." in model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)


@given(st.text(max_size=80), st.integers(min_value=2, max_value=40))
def test_a_note_start_is_short_and_begins_the_note(note: str, most: int) -> None:
    start = note_start(note, most)
    line = " ".join(note.split())
    assert len(start) <= most
    assert start == line or (start.endswith("…") and line.startswith(start[:-1]))


def test_a_very_long_note_gives_a_bounded_tooltip_and_is_heard_whole(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    """Break test of session 26, F4: a note of 360,000 characters was a tooltip that
    covered the whole screen."""
    note = "word " * 72_000
    store(journal, [BodyLog(id="n", logged_at=midday(), note=note)])
    body_area.refresh()
    model = body_area.past.model
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<p>word word") and tip.endswith("…</p>") and len(tip) < 700
    assert note.strip() in model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
