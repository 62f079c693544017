"""The second of a repeated wall time can be chosen (break test 9 of session 7, F8): on
the night the clocks go back, 02:30 happens twice in Berlin (first CEST, then CET) and
01:45 twice in Lord Howe (a half-hour change). A time field read a typed 02:30 as the
first, said "(the first time)", and offered no way to the second. Now a choice shows
under the field while its wall time happens twice, named for a screen reader ("The
second 02:30 (CET), after the clocks went back"), reached with Tab right after the
field and ticked with Space; the field then holds the second moment and says so.
Expected moments come from ``zoneinfo``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from journal.ui.body.form import BodyLogForm
from journal.ui.common.local_time import from_qdatetime, short_moment, to_qdatetime
from tests.time_zones import in_zone


@pytest.fixture(autouse=True)
def c_locale() -> Iterator[None]:
    QLocale.setDefault(QLocale.c())  # typed as "yyyy-MM-dd HH:mm"
    yield
    QLocale.setDefault(QLocale.system())


def _type(qtbot, field, wall: datetime) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, wall.strftime("%Y-%m-%d %H:%M"))


@pytest.mark.parametrize(
    ("name", "wall", "second"),
    [
        ("Europe/Berlin", datetime(2026, 10, 25, 2, 30), "CET"),
        ("Australia/Lord_Howe", datetime(2026, 4, 5, 1, 45), "UTC+10:30"),
    ],
)
def test_the_second_time_is_chosen_with_tab_and_space_and_saved(qtbot, name, wall, second):  # type: ignore[no-untyped-def]
    zone = ZoneInfo(name)
    first_moment = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    second_moment = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    assert second_moment > first_moment  # the same wall time, later
    with in_zone(name):
        form = BodyLogForm()
        qtbot.addWidget(form)
        form.show()
        field, choice = form.time, form.time.second
        assert not choice.isVisible()  # now (December): nothing happens twice
        told: list[str] = []
        field.told.connect(told.append)

        _type(qtbot, field, wall)
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        assert told and "this is the first time" in told[-1]
        assert from_qdatetime(field.dateTime()) == first_moment
        words = f"The second {wall:%H:%M} ({second}), after the clocks went back"
        assert choice.isVisible() and choice.text() == words
        assert choice.accessibleName() == words
        qtbot.waitUntil(choice.hasFocus)  # Tab goes from the field to the choice
        qtbot.keyClick(choice, Qt.Key.Key_Space)

        assert choice.isChecked()
        assert from_qdatetime(field.dateTime()) == second_moment
        assert "this is the second time" in told[-1]
        log = form.build_log()
        assert log.logged_at == second_moment  # type: ignore[union-attr]
        assert short_moment(log.logged_at).endswith(  # type: ignore[union-attr]
            f"{wall:%H:%M} {second} (the second time)"
        )

        qtbot.keyClick(choice, Qt.Key.Key_Space)  # and back to the first
        assert from_qdatetime(field.dateTime()) == first_moment

        _type(qtbot, field, wall.replace(hour=12))  # a time that happens once
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        QApplication.processEvents()
        assert not choice.isVisible() and not choice.isChecked()


def test_a_saved_second_time_opens_with_its_choice_ticked(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A log made at the second 02:30 shows "The second 02:30 (CET)" ticked, and is
    saved unchanged as that moment."""
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET, the second time
    with in_zone("Europe/Berlin"):
        form = BodyLogForm()
        qtbot.addWidget(form)
        form.show()
        form.time.setDateTime(to_qdatetime(second))
        QApplication.processEvents()
        assert form.time.second.isVisible() and form.time.second.isChecked()
        assert from_qdatetime(form.time.dateTime()) == second
        form.time.setDateTime(to_qdatetime(datetime(2026, 10, 25, 0, 30, tzinfo=UTC)))
        QApplication.processEvents()
        assert form.time.second.isVisible() and not form.time.second.isChecked()


def test_an_entrys_written_on_offers_the_second_time_too(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """The journal's "Written on" field, in the entry's own zone (Berlin's, on a
    computer now in Tokyo, where nothing repeats that night)."""
    wall = datetime(2026, 10, 25, 2, 30)
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    window = unlocked_window
    window.show_area(window.area("journal"))
    window.new_entry()
    editor = window.area("journal").editor
    qtbot.keyClicks(editor.body, "the night the clocks went back")
    with in_zone("Asia/Tokyo"):
        editor.when.zone = "Europe/Berlin"
        _type(qtbot, editor.when, wall)
        qtbot.keyClick(editor.when, Qt.Key.Key_Tab)
        choice = editor.when.second
        assert choice.isVisible()
        assert choice.accessibleName() == "The second 02:30 (CET), after the clocks went back"
        qtbot.waitUntil(choice.hasFocus)
        qtbot.keyClick(choice, Qt.Key.Key_Space)
        assert from_qdatetime(editor.when.dateTime(), "Europe/Berlin") == second
