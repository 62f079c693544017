"""The one window: the lock screen, or the areas of an unlocked journal.

The title is always just "Solace": never a journal name, entry title or date.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from journal.settings import (
    FONT_SCALE,
    IDLE_LOCK_MINUTES,
    LOCK_ON_SCREEN_LOCK,
    THEME,
    Setting,
    Settings,
)
from journal.settings import Theme as ThemeSetting
from journal.storage.lock.keys import DEFAULT_KDF, KdfParams
from journal.storage.lock.store import JournalStore
from journal.ui.common.area import AppContext, Area
from journal.ui.common.theme import apply_theme
from journal.ui.common.wheel import install_wheel_guard
from journal.ui.common.widgets import label
from journal.ui.lock.screen import LockScreen
from journal.ui.shell.idle import IdleWatcher

if TYPE_CHECKING:
    from journal.storage.lock.journal import OpenJournal
    from journal.ui.lock.security_dialogs import SecurityAction

log = logging.getLogger(__name__)
WINDOW_TITLE = "Solace"


class MainWindow(QMainWindow):
    locked = Signal()
    opened = Signal()

    def __init__(
        self, store: JournalStore, settings: Settings, kdf: KdfParams = DEFAULT_KDF
    ) -> None:
        super().__init__()
        install_wheel_guard()  # before any field is built, so each is polished calm
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1100, 740)
        self.settings = settings
        self._apply_theme()  # before any widget is built, so nothing is styled twice
        settings.changed.connect(self._setting_changed)
        self.settings_dialog: QDialog | None = None
        self.journal: OpenJournal | None = None

        self.lock_screen = LockScreen(store, settings, kdf)
        self.lock_screen.unlocked.connect(self.open_journal)
        # Argon2id releases the GIL, so the areas are built while the key is derived.
        self.lock_screen.opening.connect(lambda: QTimer.singleShot(0, self._build_areas))
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Areas")
        self.navigation.setFixedWidth(190)
        self.pages = QStackedWidget()
        self.areas: list[Area] = []
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)

        workspace = QWidget()
        row = QHBoxLayout(workspace)
        row.setContentsMargins(8, 8, 8, 8)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.lock_screen)
        self.stack.addWidget(workspace)
        self.setCentralWidget(self.stack)

        self._build_actions()
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self._session_events: QObject | None = None
        self.show_lock_screen()

    # actions -------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.toolbar = QToolBar("Main")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.lock_action = QAction("Lock", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip("Lock now (Ctrl+L)")
        self.lock_action.triggered.connect(self.lock)
        self.settings_action = QAction("Settings", self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.show_settings)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addAction(self.settings_action)
        self.toolbar.addAction(self.lock_action)

    def _build_areas(self) -> None:
        """Areas (and what they import) are built on the first unlock, not at start-up,
        so the lock screen appears as fast as a bare window."""
        if self.areas or self.pages.count():
            return
        from journal.ui.shell.areas import area_classes
        from journal.ui.shell.session_events import SessionEvents

        self.areas = [cls() for cls in area_classes()]
        for area in self.areas:
            QListWidgetItem(area.title, self.navigation)
            self.pages.addWidget(area)
            if area.shortcut:
                action = QAction(area.title, self)
                action.setShortcut(QKeySequence(area.shortcut))
                action.triggered.connect(lambda _=False, a=area: self.show_area(a))
                self.addAction(action)
        if not self.areas:
            self.pages.addWidget(label("Your journal is open.", "subtle"))
        self.navigation.setCurrentRow(0)
        events = SessionEvents(self)
        events.lock_requested.connect(self._screen_locked)
        self._session_events = events

    def show_area(self, area: Area) -> None:
        self.navigation.setCurrentRow(self.areas.index(area))

    def open_link(self, url: str) -> None:
        for area in self.areas:
            if area.open_url(url):
                self.show_area(area)
                return
        log.info("no area handles this link")

    # lock and unlock -------------------------------------------------------------
    def show_lock_screen(self) -> None:
        self.toolbar.hide()
        self.lock_screen.show_start()
        self.stack.setCurrentWidget(self.lock_screen)

    def open_journal(self, journal: OpenJournal) -> None:
        started = time.perf_counter()
        self._build_areas()
        self.journal = journal
        context = AppContext(journal, self.settings, self.open_link)
        for area in self.areas:
            area.open_journal(context)
        self.toolbar.show()
        self.stack.setCurrentIndex(1)
        current = self.pages.currentWidget()
        if current is not None:
            current.setFocus()
        self._restart_idle_timer()
        log.debug("opened areas in %.1f ms", (time.perf_counter() - started) * 1000)
        self.opened.emit()

    def lock(self) -> None:
        """Save drafts, then forget everything: views, dialogs, engine and key."""
        journal = self.journal
        if journal is None:
            return
        self.idle.stop()
        for area in self.areas:
            try:
                area.save_pending()
            except Exception as error:  # a failed save must not keep the journal open
                log.error("saving a draft before locking failed: %s", type(error).__name__)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog | QMenu) and widget.isVisible():
                widget.close()
        for area in self.areas:
            area.clear()
        self.journal = None
        journal.lock()
        self.lock_screen.clear_secrets()
        self.show_lock_screen()
        self.locked.emit()

    @property
    def is_locked(self) -> bool:
        return self.journal is None

    def _screen_locked(self) -> None:
        if self.settings.get(LOCK_ON_SCREEN_LOCK):
            self.lock()

    # preferences -------------------------------------------------------------------
    def _setting_changed(self, setting: Setting[Any]) -> None:
        """Every open view follows a changed preference at once, without a restart."""
        if setting in (THEME, FONT_SCALE):
            self._apply_theme()
        elif setting == IDLE_LOCK_MINUTES and not self.is_locked:
            self._restart_idle_timer()
        if not self.is_locked:
            for area in self.areas:
                area.setting_changed(setting)

    def _apply_theme(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, ThemeSetting(self.settings.get(THEME)), self.settings.get(FONT_SCALE))

    def _restart_idle_timer(self) -> None:
        self.idle.set_interval_ms(self.settings.get(IDLE_LOCK_MINUTES) * 60_000)

    def show_settings(self) -> None:
        """Open Settings (window-modal, without blocking); what it saves is followed at
        once through `Settings.changed`."""
        from journal.ui.shell.settings_dialog import SettingsDialog

        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return
        dialog = SettingsDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.security_action.connect(self._security_action)
        dialog.finished.connect(lambda _result: setattr(self, "settings_dialog", None))
        self.settings_dialog = dialog
        dialog.open()

    def _security_action(self, action: SecurityAction) -> None:
        from journal.ui.lock.recovery_key_dialog import RecoveryKeyDialog

        if self.journal is None:
            return
        dialog = action.dialog(self.journal, self)
        if dialog.exec() and isinstance(dialog.result_value, str):
            RecoveryKeyDialog(dialog.result_value, self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        event.accept()

    def bring_forward(self) -> None:
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
