"""A refusal goes once it has done its work (break test 15 of session 15, finding 12):
a day refused, then a good day typed (the one the field kept), or the form left, and
the red line stayed under the field and in its description, heard again as if new."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, Qt, QTime

from journal.ui.common.dates import time_edit
from tests.ui.common.test_typed_whole import _form, _type, day_first  # noqa: F401

REFUSED = "There is no day 31 in November 2026"


def test_a_refusal_goes_when_a_good_moment_is_typed_even_the_one_kept(qtbot, day_first) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    field = time_edit("Time of this log")
    form = _form(qtbot, field, QDateTime(QDate(2026, 12, 2), QTime(1, 37)))
    description = field.accessibleDescription()
    _type(qtbot, field, "31/11/2026 08:15")
    assert field.note.text().startswith(REFUSED)
    assert field.accessibleDescription().startswith(REFUSED)
    _type(qtbot, field, "02/12/2026 01:37")  # accepted: the moment the field kept
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.note.text() == ""
    assert not field.note.isVisible()
    assert field.accessibleDescription() == description
    assert form.said == [form.said[0]]


def test_a_refusal_goes_when_its_form_is_left(qtbot, day_first) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    field = time_edit("Time of this log")
    form = _form(qtbot, field, QDateTime(QDate(2026, 12, 2), QTime(1, 37)))
    _type(qtbot, field, "31/11/2026 08:15")
    assert field.note.text().startswith(REFUSED)
    form.hide()  # the page or dialog left
    assert field.note.text() == ""
    form.show()
    assert not field.note.isVisible()
