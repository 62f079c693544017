"""Every control a keyboard can reach has a name a screen reader can read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QWidget,
)


def spoken_name(widget: QWidget, buddies: set[int]) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    if isinstance(widget, QLabel) and widget.text().strip():
        return widget.text()  # a label is read by its own words
    if id(widget) in buddies:
        return "(labelled by a buddy)"
    return ""


def unnamed_controls(root: QWidget) -> list[str]:
    widgets = [root, *root.findChildren(QWidget)]
    buddies = {id(lbl.buddy()) for lbl in root.findChildren(QLabel) if lbl.buddy()}
    missing = []
    for widget in widgets:
        if not widget.isVisibleTo(root) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget, QScrollBar | QTabBar | QTabWidget):
            continue  # scroll bars are announced with their view; tabs carry their texts
        if isinstance(widget, QScrollArea) and widget.widget() is not None:
            continue  # a container: the controls inside it are checked one by one
        parent = widget.parent()
        if widget.objectName().startswith("qt_") and isinstance(parent, QWidget):
            widget = parent  # Qt's own inner part of a control (a spin box's text field)
        if not spoken_name(widget, buddies):
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} in "
                f"{type(widget.parent()).__name__}"
            )
    return missing


def test_lock_screen_controls_are_named(window):
    for page in (
        window.lock_screen.unlock_page,
        window.lock_screen.create_page,
        window.lock_screen.recovery_page,
        window.lock_screen.welcome_page,
    ):
        window.lock_screen.setCurrentWidget(page)
        assert unnamed_controls(page) == [], type(page).__name__


def test_every_area_control_is_named(unlocked_window):
    window = unlocked_window
    for index, area in enumerate(window.areas):
        window.navigation.setCurrentRow(index)
        assert unnamed_controls(area) == [], area.title


def test_areas_are_reachable_by_keyboard_shortcuts(qtbot, unlocked_window):
    from journal.ui.shell.main_window import AREA_ACTIONS

    window = unlocked_window
    shortcut_of = {area_id: action_id for action_id, area_id in AREA_ACTIONS.items()}
    for index, area in enumerate(window.areas):
        action = window.action_by_id[shortcut_of[area.area_id]]
        keys = action.shortcut().toString()
        assert keys.startswith("Ctrl+"), area.title
        key = getattr(Qt.Key, f"Key_{keys[-1]}")
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.navigation.currentRow() == index
        assert window.pages.currentWidget() is area


def test_every_dialog_control_is_named(qtbot, unlocked_window, store):
    from datetime import date

    from journal.domain.body.log import RecoveryDetails
    from journal.domain.body.temperature import TemperatureUnit
    from journal.storage.body.repository import BodyRepository
    from journal.ui.body.appointment_dialog import AppointmentDialog
    from journal.ui.body.export_dialog import ExportDialog
    from journal.ui.body.recovery_dialog import RecoveryDialog
    from journal.ui.entries.prompts import PromptPicker
    from journal.ui.entries.remembrance import RemembranceDialog
    from journal.ui.lock.security_dialogs import (
        ChangePassphraseDialog,
        NewRecoveryKeyDialog,
        RemoveJournalDialog,
        RotateKeyDialog,
    )
    from journal.ui.shell.settings_dialog import SettingsDialog

    window = unlocked_window
    journal = window.journal
    areas = {a.area_id: a for a in window.areas}
    dialogs = [
        SettingsDialog(window.settings, window),
        ChangePassphraseDialog(journal, window),
        RotateKeyDialog(journal, window),
        NewRecoveryKeyDialog(journal, window),
        RemoveJournalDialog(store, journal.folder, "Test journal", window),
        RecoveryDialog(RecoveryDetails(), window),
        AppointmentDialog(window),
        ExportDialog(
            BodyRepository(journal.db),
            journal.check_passphrase,
            TemperatureUnit.CELSIUS,
            date.today(),
            window,
        ),
        PromptPicker(areas["journal"].prompts, areas["journal"].prompt_store, window),
        RemembranceDialog(areas["journal"].remembrance, window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed_controls(dialog) == [], type(dialog).__name__
        dialog.close()
