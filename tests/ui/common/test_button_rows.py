"""No row of buttons can make its page wider than the window: every row of two or more
buttons wraps (a `FlowLayout`) or turns into a column (`ShrinkingRow`) when it does not
fit (break test 10 of session 17, finding 12: at 1366x768 with 200 % text an
appointment's "Change the appointment…" and "Remove the appointment…" side by side made
the whole Body log page scroll sideways, cutting every card and heading)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QBoxLayout, QDialogButtonBox, QLayout, QWidget

from journal.domain.body.log import RecoveryDetails
from journal.settings import FONT_SCALE
from journal.storage.body.repository import BodyRepository
from journal.ui.common.flow import ShrinkingRow
from journal.ui.common.local_time import to_qdate, today_local
from tests.ui.shell.test_fits_any_screen import SCREENS, _sideways, every_tab


def _buttons_in(layout: QLayout) -> list[QAbstractButton]:
    found = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        if isinstance(widget, QAbstractButton):
            found.append(widget)
    return found


def stiff_rows(root: QWidget) -> list[str]:
    """Rows under ``root`` (plain left-to-right box layouts, not a `ShrinkingRow`'s nor
    a dialog's button box, which is laid out by Qt and sized by the dialog) holding two
    or more buttons side by side: each is as wide as its buttons together."""
    found = []
    for layout in root.findChildren(QBoxLayout):
        if layout.direction() != QBoxLayout.Direction.LeftToRight:
            continue
        holder = layout.parentWidget()
        if isinstance(holder, ShrinkingRow | QDialogButtonBox):
            continue
        # One-character buttons (a calendar's ‹ and ›) are never wide.
        buttons = [b for b in _buttons_in(layout) if len(b.text().replace("&", "")) > 1]
        if len(buttons) >= 2:
            names = ", ".join(repr(b.text() or b.accessibleName()) for b in buttons)
            found.append(f"{type(holder).__name__}: {names}")
    return found


def _two_days_done(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Record two days done for an idea with "We did this": its row of day chips holds
    buttons only once it has days."""
    library = window.area("library")
    window.show_area(library)
    library.show_ideas()
    card = library.ideas.card("hugging")
    for day in (today_local() - timedelta(days=1), today_local()):
        card.day.setDate(to_qdate(day))
        qtbot.mouseClick(card.done_button, Qt.MouseButton.LeftButton)
    assert card.days_row.count() == 2


def test_no_row_of_buttons_is_stiff_in_any_area_or_dialog(qtbot, unlocked_window, store) -> None:  # type: ignore[no-untyped-def]
    """Every row of the window (every area, and the lock screen's pages, which are in
    it), with rows that fill as they are used filled (an idea's days done), and every
    dialog, Rescue too. No exception is listed: the lock screen's links, the Backups
    buttons of Settings, the doctor summary's Save and Close and the Import dialog's
    choosers were, and were cut at 200 % text on a 1024-pixel screen (issue 10, break
    test of session 18, finding 4)."""
    from journal.ui.safekeeping.rescue_dialog import RescueDialog
    from tests.ui.accessibility.screens import made_dialogs

    window = unlocked_window
    _two_days_done(qtbot, window)
    found = stiff_rows(window)
    made = made_dialogs(window, store)
    folder = window.journal.folder
    made["Rescue"] = lambda: RescueDialog(store, folder, "Test journal", window)
    for title, make in made.items():
        dialog = make()
        found += [f"{title}: {row}" for row in stiff_rows(dialog)]
        dialog.close()
        if dialog is not window.settings_dialog:
            dialog.deleteLater()
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("scale", [100, 200])
def test_an_appointment_never_makes_the_body_log_scroll_sideways(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, scale
) -> None:
    """The break test's steps: recovery details noted and an appointment added, then
    every area and tab at 1366x768 and 1024x600."""
    from datetime import UTC, datetime

    from journal.domain.body.log import Appointment

    window = unlocked_window
    window.settings.set(FONT_SCALE, scale)
    journal = window.journal
    repository = BodyRepository(journal.db)
    repository.save_recovery(RecoveryDetails(loss_date=today_local() - timedelta(days=31)))
    for n in range(2):
        repository.save_appointment(
            Appointment(
                id=f"a{n}",
                when=datetime.now(UTC) + timedelta(days=7 + n),
                place="Dr Smith, the clinic on the other side of town",
                questions="Is the bleeding I have had usual?",
                zone="UTC",
            )
        )
    window.area("body").refresh()
    for screen in SCREENS:
        window.resize(QSize(screen))
        for area, tab in every_tab(window):
            where = f"{area.title} ({tab}) at {screen.width()}x{screen.height()}, {scale} %"
            assert _sideways(window) == [], where
