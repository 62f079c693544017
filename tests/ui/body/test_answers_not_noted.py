"""The body-log form opens with every field at "Not noted", and only what the person
chose is saved; the rest is stored as not noted and read so in Past logs, the CSV and
the doctor's summary (break test 10 of session 15, finding 6: the form opened showing
"No bleeding", "No clots", cramping 0, "No discharge", which Save said were no answer,
yet a log with cramping 3 alone was saved with "Bleeding: None" and exported as
``clots none, tissue_passed no, chills no, discharge none, pain_with_sex no``)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from PySide6.QtCore import Qt

from journal.domain.body.log import BleedingLevel, BodyLog, ClotSize, Discharge, RecoveryDetails
from journal.domain.body.summary import build_summary
from journal.domain.body.temperature import TemperatureUnit
from journal.domain.common.local_time import today_local
from journal.storage.body.export import body_to_csv
from journal.ui.body.export_pdf import log_rows
from journal.ui.body.form import NOTHING_CHOSEN, BodyLogForm
from journal.ui.body.past_logs import COLUMNS
from tests.ui.body import support as support
from tests.ui.body.support import saved_logs

body_area = support.body_area
BLEEDING = COLUMNS.index("Bleeding")
ANSWERS = ("bleeding", "clots", "tissue_passed", "chills", "discharge", "pain_with_sex")
CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_form_opens_not_noted_and_keeps_only_what_was_chosen(  # type: ignore[no-untyped-def]
    qtbot, body_area, journal
) -> None:
    form = body_area.form
    shown = [form.bleeding.currentText(), form.clots.currentText(), form.discharge.currentText()]
    assert shown == ["Not noted"] * 3  # not "No bleeding", "No clots", "No discharge"
    assert form.cramping.text() == "Not noted"  # not 0
    assert [c.currentText() for c in (form.tissue, form.chills, form.pain_with_sex)] == [
        "Not noted"
    ] * 3

    # Nothing chosen: refused, said under Bleeding (the first answer), nothing saved.
    form.time.setFocus()
    qtbot.waitUntil(form.time.hasFocus)
    qtbot.keyClick(form.time, Qt.Key.Key_Return)
    assert saved_logs(journal) == []
    assert form.notes.shown() == "bleeding" and form.problem_text() == NOTHING_CHOSEN
    assert not form.notes.note("bleeding").visibleRegion().isEmpty()
    assert form.bleeding.hasFocus()  # where the words are: the next key answers there
    shown_time = form.time.text()
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Down)
    assert form.bleeding.currentText() != "Not noted" and form.time.text() == shown_time
    form.bleeding.setCurrentIndex(0)

    # Cramping 3, typed, and nothing else: only the cramping is an answer.
    form.cramping.setFocus()
    qtbot.waitUntil(form.cramping.hasFocus)
    qtbot.keyClick(form.cramping, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(form.cramping, "3")
    qtbot.keyClick(form.cramping, Qt.Key.Key_Return)
    (log,) = saved_logs(journal)
    assert log.cramping == 3
    assert [getattr(log, name) for name in ANSWERS] == [None] * len(ANSWERS)
    assert form.bleeding.currentText() == "Not noted" and form.cramping.text() == "Not noted"

    model = body_area.past.model
    assert model.index(0, BLEEDING).data() == "—"  # not "None"
    assert model.index(0, BLEEDING).data(Qt.ItemDataRole.AccessibleTextRole) == "Not noted"
    assert "Bleeding not noted" in model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    (row,) = csv.DictReader(io.StringIO(body_to_csv(saved_logs(journal))))
    assert [row[name] for name in ANSWERS] == [""] * len(ANSWERS)  # no "none", no "no"
    assert row["cramping_0_to_10"] == "3"
    today = today_local()
    summary = build_summary(
        saved_logs(journal), [], RecoveryDetails(), [], today, today, datetime.now(UTC)
    )
    (day,) = summary.days
    assert day.bleeding == "" and day.also == ()
    (pdf_row,) = [r for _g, r in log_rows(summary, TemperatureUnit.CELSIUS)]
    assert "None" not in pdf_row and "none" not in pdf_row

    # "No bleeding", chosen from its list, is an answer of its own.
    form.bleeding.setFocus()
    qtbot.waitUntil(form.bleeding.hasFocus)
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Down)  # the item under "Not noted"
    assert form.bleeding.currentData() is BleedingLevel.NONE
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Return, CTRL)  # Enter opens its list
    newest = max(saved_logs(journal), key=lambda each: each.logged_at)
    assert newest.bleeding is BleedingLevel.NONE and newest.cramping is None
    assert [getattr(newest, name) for name in ANSWERS[1:]] == [None] * (len(ANSWERS) - 1)


def test_a_past_log_changed_keeps_the_answers_it_had(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A log stored before (its "No clots", "no chills" were kept as answers) and one
    stored now (not noted) both come back as they were when saved unchanged."""
    form = BodyLogForm(with_pads=False)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    at = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
    before = BodyLog(
        "old",
        at,
        BleedingLevel.LIGHT,
        clots=ClotSize.NONE,
        tissue_passed=False,
        cramping=0,
        chills=False,
        discharge=Discharge.NONE,
        pain_with_sex=True,
    )
    now_kept = BodyLog("new", at, None, cramping=6)
    for log in (before, now_kept):
        form.load(log)
        form.time.setFocus()
        qtbot.waitUntil(form.time.hasFocus)
        with qtbot.waitSignal(form.log_ready) as saved:
            qtbot.keyClick(form.time, Qt.Key.Key_Return)
        assert saved.args == [log]
    assert form.cramping.text() == "6" and form.bleeding.currentText() == "Not noted"


def test_no_bleeding_is_said_as_no_bleeding_wherever_a_person_reads_it(  # type: ignore[no-untyped-def]
    qtbot, body_area, journal
) -> None:
    """Issue 10, item 6: Past logs said "None" for a day logged with no bleeding (and for
    a cramping of 0), the chart's table "None (0 of 5)", the doctor's PDF "None": a
    stored answer is said in words that name what it is about, as the form says it."""
    from journal.domain.body.daily import daily
    from journal.ui.body.chart import chart_rows, chart_summary
    from journal.ui.body.form import BodyLogForm

    at = datetime.now(UTC)
    log = BodyLog("l1", at, BleedingLevel.NONE, cramping=0, discharge=Discharge.NONE)
    support.store(journal, [log])
    body_area.refresh()
    model = body_area.past.model
    cells = [model.index(0, column).data() for column in range(model.columnCount())]
    assert cells[BLEEDING] == "No bleeding" and cells[COLUMNS.index("Cramping")] == "No cramping"
    spoken = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "No bleeding" in spoken and "No cramping" in spoken and "none" not in spoken.lower()
    today = today_local()
    summary = build_summary([log], [], RecoveryDetails(), [], today, today, at)
    (pdf_row,) = [r for _g, r in log_rows(summary, TemperatureUnit.CELSIUS)]
    assert "No bleeding" in pdf_row and "None" not in pdf_row
    days = daily([log])
    (row,) = chart_rows(days, [], TemperatureUnit.CELSIUS)
    assert row[1] == "No bleeding (0 of 5)"
    said = chart_summary(days, [], TemperatureUnit.CELSIUS)
    assert "No bleeding" in said and "none" not in said and "bleeding no" not in said
    form = BodyLogForm()
    qtbot.addWidget(form)
    words = [form.discharge.itemText(i) for i in range(form.discharge.count())]
    assert "No discharge" in words and "None" not in words


def test_recovery_details_never_given_are_not_noted_in_the_dialog_and_the_summary(  # type: ignore[no-untyped-def]
    qtbot, journal
) -> None:
    """Issue 10, break test of session 26, F1: never given, the kind of loss read "Not
    sure" and the treatment "No treatment" in the doctor summary, answers she never gave;
    the dialog had no "Not noted" for the treatment and opened on "No treatment"."""
    from journal.storage.body.repository import BodyRepository
    from journal.ui.body.export_pdf import summary_html
    from journal.ui.body.recovery_dialog import RecoveryDialog

    recovery = BodyRepository(journal.db).recovery()
    dialog = RecoveryDialog(recovery)
    qtbot.addWidget(dialog)
    assert (dialog.kind.currentText(), dialog.treatment.currentText()) == ("Not noted",) * 2
    assert dialog.details() == recovery  # saved untouched: still no answers
    today = today_local()
    summary = build_summary([], [], recovery, [], today, today, datetime.now(UTC))
    html = summary_html(summary, TemperatureUnit.CELSIUS)
    assert "Not sure" not in html and "No treatment" not in html
    assert html.count("Not noted") >= 3  # the day, the kind and the treatment of the loss


def test_the_summary_counts_a_day_with_only_pad_changes_apart(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Break test of session 26, F2: "3 days with a log" where one day had only a pad
    change (its row said 0 logs)."""
    from datetime import timedelta

    from journal.domain.body.log import PadChange, PadKind, Soaking
    from journal.ui.body.export_pdf import summary_html

    today = today_local()
    noon = datetime.now(UTC).replace(hour=12)
    logs = [BodyLog("a", noon - timedelta(days=2)), BodyLog("b", noon)]
    pads = [PadChange("p", noon - timedelta(days=1), PadKind.THICK, Soaking.FULLY)]
    start = today - timedelta(days=3)
    summary = build_summary(logs, pads, RecoveryDetails(), [], start, today, noon)
    html = summary_html(summary, TemperatureUnit.CELSIUS)
    assert "(2 days with a log, 2 logs, 1 day with pad changes only)" in html


def test_the_chart_summary_never_says_no_bleeding_of_a_day_it_was_not_noted() -> None:
    """Re-test of break test 15 of session 29, N3: one day "No bleeding", the next not
    noted, and the chart's summary said "No bleeding on any day logged"."""
    from datetime import timedelta

    from journal.domain.body.daily import daily
    from journal.ui.body.chart import chart_summary

    at = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    logs = [
        BodyLog("none", at, BleedingLevel.NONE, cramping=0),
        BodyLog("unknown", at + timedelta(days=1), None, cramping=0),
    ]
    said = chart_summary(daily(logs), [], TemperatureUnit.CELSIUS)
    assert "No bleeding on any day logged" not in said
    assert "No bleeding on the days it was noted; not noted on 1 day." in said
    both = chart_summary(daily(logs[:1]), [], TemperatureUnit.CELSIUS)
    assert "No bleeding on any day logged." in both
