""""Tissue passed", "Chills" and "Pain during or after sex" are one choice each, "Not
noted", "Yes" or "No", stored as None, True or False and shown so everywhere: the
form (a past log opened again), Past logs, the CSV and the doctor's summary (break
test 10 of session 17, finding 15: tick boxes could not say "no", and a "no" stored
looked like "not noted")."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from PySide6.QtCore import Qt

from journal.domain.body.log import RecoveryDetails
from journal.domain.body.summary import build_summary
from journal.domain.body.temperature import TemperatureUnit
from journal.domain.common.local_time import today_local
from journal.storage.body.export import body_to_csv
from journal.ui.body.past_logs import NOTED_COLUMN, LogEditDialog
from tests.ui.body import support as support
from tests.ui.body.support import saved_logs, tab_to

body_area = support.body_area
QUESTIONS = ("tissue_passed", "chills", "pain_with_sex")


def test_each_yes_no_question_can_be_answered_no_and_is_shown_so(  # type: ignore[no-untyped-def]
    qtbot, body_area, journal
) -> None:
    form = body_area.form
    boxes = (form.tissue, form.chills, form.pain_with_sex)
    assert [box.currentText() for box in boxes] == ["Not noted"] * 3
    form.time.setFocus()
    qtbot.waitUntil(form.time.hasFocus)
    tab_to(qtbot, form.tissue)
    qtbot.keyClick(form.tissue, Qt.Key.Key_Down)  # Yes
    qtbot.keyClick(form.tissue, Qt.Key.Key_Down)  # No
    tab_to(qtbot, form.chills)
    qtbot.keyClick(form.chills, Qt.Key.Key_Down)  # Yes
    assert [box.currentText() for box in boxes] == ["No", "Yes", "Not noted"]
    qtbot.keyClick(form.chills, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Save

    (log,) = saved_logs(journal)
    assert [getattr(log, name) for name in QUESTIONS] == [False, True, None]
    assert [box.currentText() for box in boxes] == ["Not noted"] * 3  # a new log

    noted = body_area.past.model.index(0, NOTED_COLUMN).data()
    assert "No tissue" in noted and "Chills" in noted and "sex" not in noted
    (row,) = csv.DictReader(io.StringIO(body_to_csv(saved_logs(journal))))
    assert [row[name] for name in QUESTIONS] == ["no", "yes", ""]
    today = today_local()
    summary = build_summary(
        saved_logs(journal), [], RecoveryDetails(), [], today, today, datetime.now(UTC)
    )
    (day,) = summary.days
    assert "no tissue passed" in day.also and "chills" in day.also
    assert not [words for words in day.also if "sex" in words]

    # Opened again to change it: each answer as it was stored, "No" never "not noted".
    dialog = LogEditDialog(log, TemperatureUnit.CELSIUS)
    qtbot.addWidget(dialog)
    shown = [box.currentText() for box in (dialog.form.tissue, dialog.form.chills)]
    assert shown == ["No", "Yes"]
    assert dialog.form.pain_with_sex.currentText() == "Not noted"
    changed = dialog.form.build_log()
    assert [getattr(changed, name) for name in QUESTIONS] == [False, True, None]


def test_a_draft_keeps_a_no(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    form.tissue.setFocus()
    qtbot.waitUntil(form.tissue.hasFocus)
    qtbot.keyClick(form.tissue, Qt.Key.Key_Down)
    qtbot.keyClick(form.tissue, Qt.Key.Key_Down)  # No
    kept = form.draft()
    assert kept is not None
    form.reset()
    assert form.tissue.currentText() == "Not noted"
    form.restore(kept)
    assert form.tissue.currentText() == "No"
