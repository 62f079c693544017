"""A cramping never touched in the form is saved as not noted and read so everywhere
(issue 15, break test 14, finding 1: it was saved as 0 and read "cramping 0 of 10" in
the chart's summary and table, "None" in Past logs): the chart leaves a gap, its
summary and table say "not noted", Past logs shows "—" (heard "Not noted"). A 0 the
person typed is a 0."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain.body.daily import daily
from journal.domain.body.temperature import TemperatureUnit
from journal.ui.body.chart import chart_rows, chart_summary
from journal.ui.body.past_logs import COLUMNS
from tests.ui.body import support as support
from tests.ui.body.support import saved_logs

body_area = support.body_area
CRAMPING = COLUMNS.index("Cramping")


def test_a_cramping_never_touched_is_not_noted_and_a_typed_0_is_0(  # type: ignore[no-untyped-def]
    qtbot, body_area, journal
) -> None:
    form = body_area.form
    form.bleeding.setFocus()
    qtbot.waitUntil(form.bleeding.hasFocus)
    qtbot.keyClicks(form.bleeding, "Heavy")
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (log,) = saved_logs(journal)
    assert log.cramping is None

    days = daily(saved_logs(journal))
    summary = chart_summary(days, [], TemperatureUnit.CELSIUS)
    assert "0 of 10" not in summary
    assert "Cramping: not noted." in summary and "cramping not noted" in summary
    assert chart_rows(days, [], TemperatureUnit.CELSIUS)[0][2] == "not noted"
    model = body_area.past.model
    assert model.index(0, CRAMPING).data() == "—"
    assert model.index(0, CRAMPING).data(Qt.ItemDataRole.AccessibleTextRole) == "Not noted"
    assert "Cramping not noted" in model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)

    # "0" typed over the field's 0 is an answer: no cramping.
    form.bleeding.setFocus()
    qtbot.keyClicks(form.bleeding, "Light")
    form.cramping.setFocus()
    qtbot.waitUntil(form.cramping.hasFocus)
    qtbot.keyClick(form.cramping, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.cramping, "0")
    qtbot.keyClick(form.cramping, Qt.Key.Key_Return)
    assert sorted(str(log.cramping) for log in saved_logs(journal)) == ["0", "None"]
