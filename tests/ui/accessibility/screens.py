"""Every screen and dialog of the app, reached as a person would (no tests here).

``each_screen`` drives the real main window from the lock screen through every
area, tab and dialog, yielding (title, root widget) with that screen showing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from journal.domain.body.log import BleedingLevel, BodyLog, RecoveryDetails
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.storage.body.repository import BodyRepository
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE


def fever_log(hours_ago: float = 1.0) -> BodyLog:
    """A log that raises the fever warning sign."""
    return BodyLog(
        id=f"fever-{hours_ago}",
        logged_at=datetime.now(UTC) - timedelta(hours=hours_ago),
        bleeding=BleedingLevel.LIGHT,
        cramping=3,
        temperature=Temperature(38.6, TemperatureUnit.CELSIUS),
    )


def settle() -> None:
    """Let Qt finish what was posted, deleting what was replaced (as the event loop does)."""
    for _ in range(3):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def area(window: MainWindow, area_id: str) -> QWidget:
    return next(a for a in window.areas if a.area_id == area_id)


def lock_pages(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    screen = window.lock_screen
    pages = {
        "Lock: unlock": screen.unlock_page,
        "Lock: create": screen.create_page,
        "Lock: recovery key shown": screen.key_page,
        "Lock: unlock with recovery key": screen.recovery_page,
        "Lock: new passphrase": screen.new_passphrase_page,
        "Lock: welcome": screen.welcome_page,
    }
    for title, page in pages.items():
        if page is screen.key_page:
            page.show_key("ABCD-EFGH-IJKL-MNOP", "Test journal", date(2026, 11, 30))
        screen.setCurrentWidget(page)
        settle()
        yield title, page
    screen.show_start()


def unlock(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        page.unlock_button.click()


def area_screens(qtbot, window: MainWindow) -> Iterator[tuple[str, QWidget]]:  # type: ignore[no-untyped-def]
    journal = window.journal
    assert journal is not None
    BodyRepository(journal.db).save_log(fever_log())
    for index, each in enumerate(window.areas):
        window.navigation.setCurrentRow(index)
        if hasattr(each, "refresh"):
            each.refresh()
        settle()
        if each.area_id == "journal":
            yield "Journal: list", window
            each.browse_tabs.setCurrentIndex(1)
            settle()
            yield "Journal: calendar", window
            each.browse_tabs.setCurrentIndex(0)
            each.search.toggle.setChecked(True)
            settle()
            yield "Journal: search filters", window
            each.search.toggle.setChecked(False)
            each.new_button.click()
            settle()
            yield "Journal: new entry", window
            each.chart_button.click()
            settle()
            yield "Journal: feelings over time", window
        elif each.area_id == "body":
            for tab in range(each.tabs.count()):
                each.tabs.setCurrentIndex(tab)
                settle()
                yield f"Body log: {each.tabs.tabText(tab).replace('&', '')}", window
            each.tabs.setCurrentIndex(0)
        elif each.area_id == "library":
            yield "Library: welcome", window
            each.show_article("warning-signs")
            settle()
            yield "Library: article", window
            each.show_ideas()
            settle()
            yield "Library: closeness ideas", window
        else:
            yield each.title, window


def dialogs(window: MainWindow, store: JournalStore) -> Iterator[tuple[str, QWidget]]:
    from journal.ui.body.appointment_dialog import AppointmentDialog
    from journal.ui.body.export_dialog import ExportDialog
    from journal.ui.body.past_logs import LogEditDialog
    from journal.ui.body.recovery_dialog import RecoveryDialog
    from journal.ui.entries.prompts import PromptPicker
    from journal.ui.entries.remembrance import RemembranceDialog
    from journal.ui.lock.recovery_key_dialog import RecoveryKeyDialog
    from journal.ui.lock.security_dialogs import (
        ChangePassphraseDialog,
        NewRecoveryKeyDialog,
        RemoveJournalDialog,
        RotateKeyDialog,
    )
    from journal.ui.shell.settings_dialog import SettingsDialog

    journal: OpenJournal | None = window.journal
    assert journal is not None
    entries = area(window, "journal")
    made = {
        "Settings": lambda: SettingsDialog(window.settings, window),
        "Change passphrase": lambda: ChangePassphraseDialog(journal, window),
        "Rotate key": lambda: RotateKeyDialog(journal, window),
        "New recovery key": lambda: NewRecoveryKeyDialog(journal, window),
        "Recovery key": lambda: RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP", "Test journal", window),
        "Remove journal": lambda: RemoveJournalDialog(
            store, journal.folder, "Test journal", window
        ),
        "Recovery details": lambda: RecoveryDialog(RecoveryDetails(), window),
        "Appointment": lambda: AppointmentDialog(window),
        "Change a past log": lambda: LogEditDialog(
            fever_log(), TemperatureUnit.CELSIUS, window
        ),
        "Summary for the doctor": lambda: ExportDialog(
            BodyRepository(journal.db),
            journal.check_passphrase,
            TemperatureUnit.CELSIUS,
            date.today(),
            window,
        ),
        "Prompts": lambda: PromptPicker(entries.prompts, entries.prompt_store, window),
        "Remembrance dates": lambda: RemembranceDialog(entries.remembrance, window),
    }
    for title, make in made.items():
        dialog = make()
        dialog.show()
        settle()
        yield f"Dialog: {title}", dialog
        dialog.close()
        dialog.deleteLater()


def each_screen(qtbot, window: MainWindow, store: JournalStore) -> Iterator[tuple[str, QWidget]]:  # type: ignore[no-untyped-def]
    yield from lock_pages(window)
    unlock(qtbot, window)
    yield from area_screens(qtbot, window)
    yield from dialogs(window, store)
