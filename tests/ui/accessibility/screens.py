"""Every screen and dialog of the app, reached as a person would (no tests here).

``each_screen`` drives the real main window from the lock screen through every
area, tab and dialog, yielding (title, root widget) with that screen showing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget

from journal.domain.body.log import BleedingLevel, BodyLog, RecoveryDetails
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.storage.body.repository import BodyRepository
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS


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


def heard_headers(table: QTableWidget) -> list[str]:
    """The names of ``table``'s columns as a screen reader hears them: on one line,
    however their words wrap on screen (`journal.ui.common.values_table`)."""
    items = [table.horizontalHeaderItem(c) for c in range(table.columnCount())]
    return [str(i.data(Qt.ItemDataRole.AccessibleTextRole) or i.text()) for i in items if i]


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
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
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
            each.browse_tabs.setCurrentIndex(2)
            settle()
            yield "Journal: look back", window
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
        elif each.area_id == "together":
            yield "Together: start", window
            each.show_shared()
            settle()
            yield "Together: what I share", window
            each.show_my_answers()
            settle()
            yield "Together: my answers", window
            each.show_start()
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


def together_session(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """A Together session on one journal (two writers named), each of its tabs; the
    session stays open (its Leave locks the window)."""
    together = area(window, "together")
    window.show_area(together)
    start = together.start  # type: ignore[attr-defined]
    start.first_writer.setText("Sam")
    start.second_writer.setText("Alex")
    start.name_button.click()
    start.one_journal_button.click()
    page = together.session_page  # type: ignore[attr-defined]
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        settle()
        yield f"Together: {page.tabs.tabText(tab).replace('&', '')}", window
    page.tabs.setCurrentIndex(0)


def made_dialogs(window: MainWindow, store: JournalStore) -> dict[str, Callable[[], QWidget]]:
    """Every dialog of the app with the journal open, by title: how each is made."""
    from journal.storage.safekeeping.restore import BackupOfAnotherJournal
    from journal.ui.body.appointment_dialog import AppointmentDialog
    from journal.ui.body.export_dialog import ExportDialog
    from journal.ui.body.past_logs import LogEditDialog
    from journal.ui.body.recovery_dialog import RecoveryDialog
    from journal.ui.common.confirm import Question
    from journal.ui.entries.prompts import PromptPicker
    from journal.ui.entries.remembrance import RemembranceDialog
    from journal.ui.lock.recovery_key_dialog import RecoveryKeyDialog
    from journal.ui.lock.security_dialogs import (
        ChangePassphraseDialog,
        NewRecoveryKeyDialog,
        RemoveJournalDialog,
        RotateKeyDialog,
    )
    from journal.ui.safekeeping.export_dialog import ExportDialog as JournalExportDialog
    from journal.ui.safekeeping.import_dialog import ImportDialog
    from journal.ui.safekeeping.restore_dialog import RestoreDialog
    from journal.ui.shell.about import AboutDialog
    from journal.ui.shell.help import HelpDialog

    journal: OpenJournal | None = window.journal
    assert journal is not None
    entries = area(window, "journal")

    def settings() -> QWidget:
        window.show_settings()  # with Safekeeping's backups panel, as the app shows it
        assert window.settings_dialog is not None
        return window.settings_dialog

    return {
        "Settings": settings,
        "Change passphrase": lambda: ChangePassphraseDialog(journal, window),
        "Rotate key": lambda: RotateKeyDialog(journal, window),
        "New recovery key": lambda: NewRecoveryKeyDialog(journal, window),
        "Recovery key": lambda: RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP", "Test journal", window),
        "Remove journal": lambda: RemoveJournalDialog(
            store, journal.folder, "Test journal", window
        ),
        "Recovery details": lambda: RecoveryDialog(RecoveryDetails(), window),
        "Appointment": lambda: AppointmentDialog(window),
        "Change a past log": lambda: LogEditDialog(fever_log(), TemperatureUnit.CELSIUS, window),
        "Summary for the doctor": lambda: ExportDialog(
            BodyRepository(journal.db),
            journal.check_passphrase,
            TemperatureUnit.CELSIUS,
            date.today(),
            window,
        ),
        "Prompts": lambda: PromptPicker(entries.prompts, entries.prompt_store, window),
        "Remembrance dates": lambda: RemembranceDialog(entries.remembrance, window),
        "Delete question": lambda: Question(
            window, "Delete this log?", "It cannot be undone.", "Delete"
        ),
        # The longest question asked (break test 16 of session 11, finding 6: 1239 px tall).
        "Restore another journal question": lambda: Question(
            window,
            "Restore \u201cNotes\u201d, another journal?",
            BackupOfAnotherJournal("Notes", True, datetime.now(UTC)).message,
            "Restore \u201cNotes\u201d",
            title="A backup of another journal",
            keep="Don\u2019t restore",
        ),
        "About": lambda: AboutDialog(window),
        "Using Solace": lambda: HelpDialog(window),
        "Export your journal": lambda: JournalExportDialog(journal, window),
        "Import entries": lambda: ImportDialog(journal, window),
        "Restore a backup": lambda: RestoreDialog(store, journal.folder, window),
    }


def dialogs(window: MainWindow, store: JournalStore) -> Iterator[tuple[str, QWidget]]:
    for title, make in made_dialogs(window, store).items():
        dialog = make()
        dialog.show()
        settle()
        yield f"Dialog: {title}", dialog
        dialog.close()
        dialog.deleteLater()
    settle()


def locked_dialogs(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """The dialogs opened over the lock screen (restore, from the unlock page)."""
    window.lock_screen.unlock_page.restore_button.click()
    settle()
    dialog = window.restore_dialog
    assert dialog is not None and dialog.isVisible()
    yield "Dialog: Restore a backup (lock screen)", dialog
    dialog.reject()
    settle()


def each_screen(qtbot, window: MainWindow, store: JournalStore) -> Iterator[tuple[str, QWidget]]:  # type: ignore[no-untyped-def]
    yield from lock_pages(window)
    yield from locked_dialogs(window)
    unlock(qtbot, window)
    yield from area_screens(qtbot, window)
    yield from dialogs(window, store)
    yield from together_session(window)


def heard_on_every_tab_bar(qtbot, window, store, moves):  # type: ignore[no-untyped-def]
    """Run ``moves(qtbot, tabs)`` (each tab of a QTabWidget chosen in turn, returning
    (tab text, the names heard with its focus) pairs) on every tabbed page of the app:
    the journal's browse tabs, the body log's tabs and a Together session's; returns
    every pair, in that order."""
    from tests.ui.together.support import open_together, seeded

    window.activateWindow()
    folder = seeded(window, store)
    heard = []
    for area_id, tabs in (("journal", "browse_tabs"), ("body", "tabs")):
        shown = area(window, area_id)
        window.show_area(shown)
        heard += moves(qtbot, getattr(shown, tabs))
    together = open_together(qtbot, window, folder)
    heard += moves(qtbot, together.session_page.tabs)
    return heard


def fever_log_deleted(qtbot, window):  # type: ignore[no-untyped-def]
    """A fever log saved, shown in Past logs and deleted there with Delete and the
    question's yes, as the person does; the body area, its Undo bar offered."""
    from PySide6.QtCore import Qt

    from journal.storage.body.repository import BodyRepository

    journal = window.journal
    assert journal is not None
    BodyRepository(journal.db).save_log(fever_log())
    body = area(window, "body")
    window.show_area(body)
    body.refresh()
    body.tabs.setCurrentWidget(body.past_scroll)  # the Past logs tab, shown
    table = body.past.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    question = body.question
    assert question is not None
    qtbot.keyClick(question.yes_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not question.isVisible())
    return body
