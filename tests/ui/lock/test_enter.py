"""Enter submits every lock-screen page and every dialog that has a primary button,
wherever the focus is in its fields, as in any desktop dialog."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from journal.settings import Settings
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.ui.lock.pages import CreatePage
from journal.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS

NEW = "a fresh new passphrase"


def _window(qtbot, data_dir) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(JournalStore(data_dir), Settings(data_dir), LIGHT_KDF)
    qtbot.addWidget(win)
    win.show()
    return win


def _typed_new_journal(qtbot, win: MainWindow, name: str = "Our journal") -> CreatePage:  # type: ignore[no-untyped-def]
    """The Create page of ``win``'s lock screen, reached from the welcome page by Enter,
    with ``name`` and the tests' passphrase typed twice; nothing pressed yet."""
    screen = win.lock_screen
    screen.welcome_page.create_button.setFocus()
    qtbot.keyClick(screen.welcome_page.create_button, Qt.Key.Key_Return)
    create = screen.create_page
    qtbot.keyClicks(create.name, name)
    qtbot.keyClicks(create.passphrase.first, PASSPHRASE)
    qtbot.keyClicks(create.passphrase.second, PASSPHRASE)
    return create


def test_enter_creates_a_journal_and_continues_past_the_key(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, data_dir)
    screen = win.lock_screen
    screen.welcome_page.create_button.setFocus()
    qtbot.keyClick(screen.welcome_page.create_button, Qt.Key.Key_Return)
    create = screen.create_page
    assert screen.currentWidget() is create
    qtbot.keyClicks(create.name, "Our journal")
    qtbot.keyClick(create.name, Qt.Key.Key_Return)  # not ready yet: nothing happens
    assert screen.currentWidget() is create and not screen.busy
    qtbot.keyClicks(create.passphrase.first, PASSPHRASE)
    qtbot.keyClicks(create.passphrase.second, PASSPHRASE)
    qtbot.keyClick(create.passphrase.second, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)
    key_page = screen.key_page
    qtbot.keyClick(key_page.key, Qt.Key.Key_Return)  # not confirmed yet: stays
    assert screen.currentWidget() is key_page
    key_page.confirm.setChecked(True)
    with qtbot.waitSignal(win.opened):
        qtbot.keyClick(key_page.confirm, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    win.lock()


def test_enter_saves_the_new_passphrase_after_the_recovery_key(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    store = JournalStore(data_dir)
    journal, recovery = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()  # written down: an unconfirmed key opens nothing
    journal.lock()
    win = _window(qtbot, data_dir)
    screen = win.lock_screen
    screen.unlock_page.recovery_button.setFocus()
    qtbot.keyClick(screen.unlock_page.recovery_button, Qt.Key.Key_Return)  # a focused link
    assert screen.currentWidget() is screen.recovery_page
    qtbot.keyClicks(screen.recovery_page.key, recovery)
    qtbot.keyClick(screen.recovery_page.key, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.new_passphrase_page, timeout=10_000)
    fields = screen.new_passphrase_page.passphrase
    qtbot.keyClicks(fields.first, NEW)
    qtbot.keyClicks(fields.second, NEW)
    with qtbot.waitSignal(win.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(fields.second, Qt.Key.Key_Return)
    win.lock()
    store.unlock(journal.folder, NEW).lock()


def _fields(dialog: QDialog) -> list[QWidget]:
    return [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, QLineEdit | QSpinBox | QComboBox) and w.isVisible() and w.isEnabled()
    ]


def _dialogs(window, store):  # type: ignore[no-untyped-def]
    from journal.domain.body.log import RecoveryDetails
    from journal.domain.body.temperature import TemperatureUnit
    from journal.storage.body.repository import BodyRepository
    from journal.ui.body.appointment_dialog import AppointmentDialog
    from journal.ui.body.export_dialog import ExportDialog
    from journal.ui.body.recovery_dialog import RecoveryDialog
    from journal.ui.lock.security_dialogs import ChangePassphraseDialog, RemoveJournalDialog
    from journal.ui.shell.settings_dialog import SettingsDialog

    journal = window.journal
    return {
        "settings": SettingsDialog(window.settings, window),
        "change passphrase": ChangePassphraseDialog(journal, window),
        "remove journal": RemoveJournalDialog(store, journal.folder, "Test journal", window),
        "recovery details": RecoveryDialog(RecoveryDetails(), window),
        "appointment": AppointmentDialog(window),
        "export": ExportDialog(
            BodyRepository(journal.db),
            journal.check_passphrase,
            TemperatureUnit.CELSIUS,
            date.today(),
            window,
        ),
    }


@pytest.mark.parametrize(
    "name",
    [
        "settings",
        "change passphrase",
        "remove journal",
        "recovery details",
        "appointment",
        "export",
    ],
)
def test_enter_in_any_field_presses_the_dialogs_primary_button(
    qtbot, unlocked_window, store, name
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialogs(unlocked_window, store)[name]
    qtbot.addWidget(dialog)
    dialog.show()
    defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault() and b.isVisible()]
    assert len(defaults) == 1, name
    primary = defaults[0]
    pressed: list[bool] = []
    primary.clicked.disconnect()
    primary.clicked.connect(lambda: pressed.append(True))
    fields = _fields(dialog)
    assert fields, name
    for field in fields:
        pressed.clear()
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert pressed == [True], f"{name}: Enter in {field.accessibleName()!r}"
    assert QApplication.instance() is not None
