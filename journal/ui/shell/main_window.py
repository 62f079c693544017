"""The one window: the lock screen, or the areas of an unlocked journal.

The title is always just "Solace": never a journal name, entry title or date.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QMoveEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QBoxLayout,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.common.bidi import quoted
from journal.errors import JournalFileDamaged, SealedDraftsUnreadable
from journal.settings import (
    FONT_SCALE,
    IDLE_LOCK_MINUTES,
    LOCK_ON_SCREEN_LOCK,
    THEME,
    WINDOW_GEOMETRY,
    Setting,
    Settings,
)
from journal.settings import Theme as ThemeSetting
from journal.storage.failures import told
from journal.storage.lock.keys import DEFAULT_KDF, KdfParams
from journal.storage.lock.store import JournalStore
from journal.ui.common.accessibility import (
    after_announcements,
    announce,
    is_secret,
)
from journal.ui.common.alt_keys import install_alt_keys
from journal.ui.common.app_filter import (
    held_while_building,
    install_after_first_paint,
    watch_application,
)
from journal.ui.common.area import AppContext, Area
from journal.ui.common.button_arrows import install_button_arrows
from journal.ui.common.check_wait import say_writes_wait
from journal.ui.common.clipboard import ClipboardGuard
from journal.ui.common.collector import collect_on_gui_thread, freeze_survivors
from journal.ui.common.combo_lists import install_combo_list_names
from journal.ui.common.context_key import install_context_menu_key
from journal.ui.common.current_cell import install_current_cell
from journal.ui.common.dialog_drafts import (
    CLOSED_BY_LOCK,
    DIALOGS_DRAFT,
    DialogWatcher,
    KeptDialog,
    capture,
    from_text,
    give_back,
    reopenable,
    to_text,
)
from journal.ui.common.elided import ElidedLabel
from journal.ui.common.enter_presses import install_enter_presses
from journal.ui.common.exact_copy import install_exact_copy
from journal.ui.common.file_places import use_data_folder
from journal.ui.common.first_paint import after_first_paint
from journal.ui.common.fit import (
    install_dialog_fit,
    install_wrapped_label_fit,
    keep_on_screen,
    window_room,
)
from journal.ui.common.focus import FocusReturn
from journal.ui.common.hidden_focus import install_hidden_focus
from journal.ui.common.in_view import install_focus_in_view
from journal.ui.common.keys_held import keep_lock_keys
from journal.ui.common.menu_bar_alt import MenuBar
from journal.ui.common.menus import install_menu_widths
from journal.ui.common.messages import damage_reports, user_message
from journal.ui.common.one_line import install_one_line
from journal.ui.common.page_focus import (
    focus_placed_on_show,
    focus_where_it_starts,
    install_page_focus,
)
from journal.ui.common.page_top import install_page_top, opened_before_first_paint
from journal.ui.common.stacks import CurrentPageStack
from journal.ui.common.tab_names import install_tab_names
from journal.ui.common.tab_stops import install_tab_stops
from journal.ui.common.theme import apply_theme, is_dark
from journal.ui.common.undo_said import install_undo_said, undo_and_say
from journal.ui.common.wheel import install_wheel_guard
from journal.ui.common.widgets import label, scrolling
from journal.ui.lock.card_column import RowUnderCard
from journal.ui.lock.screen import LockScreen, withdraw_unconfirmed_key
from journal.ui.safekeeping.at_lock import (
    back_up_at_lock,
    tells_not_made,
    unseen_after_unlock,
    without_not_made,
)
from journal.ui.shell.actions import (
    ACTIONS,
    TEXT_SIZES,
    TOOLBAR,
    ActionId,
    build_action,
    build_actions,
    build_menus,
)
from journal.ui.shell.held_words import (
    DRAFTS_HELD,
    HELD_NOW_KEPT,
    UNKNOWN_CAUSE,
    HeldWords,
    drafts_kept,
    refusal_cause,
)
from journal.ui.shell.idle import IdleWatcher, idle_notice, is_idle_notice
from journal.ui.shell.lock_cover import (
    BACKING_UP_AT_LOCK,
    LOCKING,
    LOCKING_AFTER_CHECK,
    LOCKING_AFTER_CHECK_THEN_SAVING,
    LOCKING_PASTE,
    LockCover,
)
from journal.ui.shell.notices import Notices
from journal.ui.shell.stale_input import deliver_queued_input

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from journal.storage.lock.journal import OpenJournal
    from journal.ui.lock.security_dialogs import SecurityAction
    from journal.ui.safekeeping.backup import BackupIndicator, DailyBackup
    from journal.ui.shell.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)
WINDOW_TITLE = "Solace"
HELP_LINK = "solace://article/using-solace"
PREFERRED_SIZE = QSize(1100, 740)
# Small enough for any screen; what does not fit scrolls up and down. The window's least
# width is at least what the page shown needs (`widgets.UpAndDown`).
MINIMUM_SIZE = QSize(480, 360)
AREA_ACTIONS = {
    ActionId.SHOW_JOURNAL: "journal",
    ActionId.SHOW_BODY: "body",
    ActionId.SHOW_LIBRARY: "library",
    ActionId.SHOW_TOGETHER: "together",
}
#: The lock screen's first words after a lock for damage (`MainWindow.lock_for_damage`).
DAMAGED_WHILE_OPEN = (
    "This journal's file is damaged: part of it could not be read while it was open, "
    "so Solace locked it and will write nothing more to it."
)
#: Said when the body log is asked for (View > Body log, Ctrl+2) in a journal that keeps none.
BODY_LOG_OFF = (
    "This journal keeps no body log. To keep one, open Settings (Ctrl+,) and tick "
    "“Keep a body log in this journal”. Nothing was deleted."
)
# What stays on while Together is open: nothing that could show a private page. The
# text size is for both readers, as View > Text size's choices are: Larger and Smaller
# were refused there while 150 % was taken (re-test 45, N2).
WHILE_EXCLUSIVE = frozenset(
    {
        ActionId.LOCK,
        ActionId.QUIT,
        ActionId.UNDO,
        ActionId.REDO,
        ActionId.HELP,
        ActionId.ABOUT,
        ActionId.TEXT_LARGER,
        ActionId.TEXT_SMALLER,
        # As View > Theme's choices are: the theme shows nothing private (break test 53,
        # T10: Ctrl+Shift+D was refused in Together while View > Theme > Dark worked).
        ActionId.THEME_SWITCH,
    }
)

NOTHING_TO_DELETE = (
    "Nothing is chosen to delete here. Choose an entry in the Journal's list, or a log "
    "in the body log's Past logs, then Edit > Delete."
)

NOT_KEPT = " Passphrases typed {} were not kept, for your safety."
#: Said on the lock screen after a lock that saved everything (Ctrl+L, File > Lock, a
#: screen lock): a person who locked by mistake heard only "Passphrase" (break test 15
#: of session 11, finding 13).
LOCKED_SAVED = "Journal locked. Everything you wrote was saved."
#: Said after what a lock did when words typed and not saved by the person (in an open
#: window, an idea not added, a response not shared) were kept sealed for the unlock:
#: "Everything you wrote was saved" alone had them saved (re-test 40, 7).
TYPING_KEPT = (
    "What you were still typing, in an open window or not yet added, is kept, encrypted, "
    "and will be back when you unlock."
)
#: How Settings is marked to open again at the unlock after a lock (`reopenable`): the
#: shell's, not an area's. It was closed and named, though the lock screen had said what
#: was typed "will be back when you unlock" (break test 50, F10).
SETTINGS_REOPEN = "shell/settings"
#: How `not_added_words` starts: the lock's own words end before it (`show_lock_notice`).
_NOT_ADDED_START = "Not added, as one entry holds up to"


def not_added_words(count: int) -> str:
    """Said after a lock's "Everything you wrote was saved" when ``count`` characters
    typed or pasted were refused since the journal opened, each because its entry
    would have held more than `MAX_BODY_CHARS` (each was said under the entry as it
    was refused; the lock must not then say everything was saved without them: break
    test 9 of session 20, F5). "" for none. A paste too long for an empty entry is
    counted too: "the entry was full … at its end" said so of two empty entries
    (re-test 52, N5)."""
    if count <= 0:
        return ""
    # Here, not at the top: the entries' module brings time zones, after the first paint.
    from journal.domain.entries.entry import MAX_BODY_CHARS

    characters = "1 character" if count == 1 else f"{count:,} characters"
    said = "each was said under its entry at the time"
    return (
        f"{_NOT_ADDED_START} {MAX_BODY_CHARS:,} characters: {characters} you typed or pasted"
        f" ({said})."
    )


#: Said when keys pressed while the journal opened were dropped (`KeysHeld`):
#: the start of what a person typed as the journal appeared was lost without a word
#: (break test 16 of session 12, finding 5).
STALE_INPUT_DROPPED = (
    "Keys pressed while your journal was opening were not used, in case they were your "
    "passphrase. Please type again anything meant for the journal."
)
#: Said, with the lock's notice, when Solace quits with words sealed beside the journal.
SEALED_ON_QUIT = "Your latest words are kept, not lost"
CLOSE_SOLACE = "Close Solace"

#: Said after a lock for damage when keys arrived after the editor's words were sealed
#: (`KeysHeld.drop_queued`): too late to be kept, never lost unsaid (break test 16 of
#: session 15, finding 2).
KEYS_AFTER_DAMAGE_LOCK = (
    "Keys pressed while Solace was locking it, after your words were kept, were not "
    "used; please type again anything that is missing."
)
#: Said on the lock screen, after what the lock did, when keys were pressed while a
#: lock saved, checked and closed the journal (`KeysHeld.drop_queued`): they went into
#: the lock screen's passphrase field, or were lost unsaid with the process a lock
#: replaces (issue 15).
KEYS_WHILE_LOCKING = (
    "Keys pressed while Solace was locking were not used. Please type your passphrase again."
)
STAYED_LOCKED = (
    "Solace was locked while this ran, so your journal stays locked: type its passphrase "
    "to open it."
)


def _given_back_text(kept: KeptDialog) -> str:
    """The line a dialog opened again after a lock shows at its top: what its work did
    before the lock (`KeptDialog.outcome`, a summary saved), else that nothing was."""
    text = "Solace locked while this window was open. What you had typed is back"
    text += f". {kept.outcome}" if kept.outcome else "; nothing in it has been saved yet."
    return text + (NOT_KEPT.format("here") if kept.passphrase_typed else "")


def _closed_texts(closed: list[KeptDialog]) -> list[str]:
    """What the status bar says about the dialogs that cannot be opened again: each
    one's own words (`_closed_text`), the ones changed in nothing named together, by
    title ("Solace locked while “Change passphrase” and “Settings” were open; they were
    closed and nothing in them was saved.": break test 15 of session 18, re-test R2)."""
    untouched = [k for k in closed if not (k.values or k.passphrase_typed or k.outcome)]
    texts = [_closed_text(k) for k in closed if k not in untouched]
    if len(untouched) == 1:
        texts.append(_closed_text(untouched[0]))
    elif untouched:
        titles = sorted(quoted(k.title) for k in untouched)
        named = f"{', '.join(titles[:-1])} and {titles[-1]}"
        texts.append(
            f"Solace locked while {named} were open; they were closed and nothing in them "
            "was saved."
        )
    return texts


def _closed_text(kept: KeptDialog) -> str:
    """What the status bar says about a dialog that cannot be opened again: what its
    work did before the lock when it did something, else that nothing was saved."""
    if kept.outcome:
        text = f"Solace locked while {quoted(kept.title)} was open. {kept.outcome}"
    else:
        text = (
            f"Solace locked while {quoted(kept.title)} was open; it was closed and nothing in it "
            "was saved."
        )
    return text + (NOT_KEPT.format("there") if kept.passphrase_typed else "")


class MainWindow(QMainWindow):
    """Solace's one window: the lock screen when every journal is locked, the areas when one
    is open. `locked` is emitted after every lock (the journal's data forgotten), `opened`
    after an unlock shows the areas."""

    locked = Signal()
    opened = Signal()

    def __init__(
        self, store: JournalStore, settings: Settings, kdf: KdfParams = DEFAULT_KDF
    ) -> None:
        super().__init__()
        self._frame_to_check = False  # shown, and not framed yet: `moveEvent`
        self._restored = False  # placed by a kept geometry, not shown since: `showEvent`
        install_wheel_guard()  # before any field is built, so each is polished calm
        install_one_line()  # a single-line field never holds a line break or a tab
        install_alt_keys()  # an Alt+letter that is no shortcut types nothing
        install_tab_stops()  # Tab leaves every list, table and calendar; arrows move in it
        install_tab_names()  # a tab bar's name-change is told when its tab changes
        install_focus_in_view()  # every scroll area follows the keyboard focus
        install_page_top()  # a page shown opens at its top
        install_menu_widths()  # every menu wide enough for its words at any text size
        install_wrapped_label_fit()  # wrapped text is never squeezed to fewer lines
        install_dialog_fit()  # every dialog stays within the screen
        install_enter_presses()  # Enter on a focused button presses it
        install_combo_list_names()  # a drop-down's open list is heard by its name
        install_undo_said()  # Undo and Redo in any text field say what they did
        install_exact_copy()  # Copy out of a selectable label gives exactly its words
        install_context_menu_key()  # Shift+F10 opens a context menu, as the Menu key does
        install_button_arrows()  # arrows move through a radio group, and off no other button
        install_current_cell()  # a table or list focused says its current cell
        # A page giving way to another never sends the focus elsewhere on its way.
        self._page_focus = install_page_focus()
        install_hidden_focus()  # no focus on a control of a hidden panel: shown first
        collect_on_gui_thread()  # Qt objects in reference cycles die on their own thread
        self.setWindowTitle(WINDOW_TITLE)
        self.settings = settings
        self.fit_to_screen()
        use_data_folder(settings.path.parent)  # never offered to file choosers
        # Before any widget is built, so nothing is styled twice; the check-box and
        # radio-button indicators follow the first paint (see `apply_theme`).
        self._apply_theme(indicators=False)
        settings.changed.connect(self._setting_changed)
        self.settings_dialog: SettingsDialog | None = None
        self.restore_dialog: QDialog | None = None
        self.rescue_dialog: QDialog | None = None
        # A lock asked for while a restore or a rescue ran (they finish: a half-done
        # one is worse): the journal they bring is then kept locked, never shown.
        self._locked_while_working = False
        self.journal: OpenJournal | None = None
        self._context: AppContext | None = None
        self.body_log_on = True

        self.lock_screen = LockScreen(store, settings, kdf)
        self.lock_screen.unlocked.connect(self.open_journal)
        self.lock_screen.restore_requested.connect(self.show_restore)
        self.lock_screen.touched.connect(self._enable_actions)
        self.lock_screen.rescue_requested.connect(self.show_rescue)
        self.daily_backup: DailyBackup | None = None
        self._backing_up_at_lock = False  # a lock waits for its backup copy
        self.backup_indicator: BackupIndicator | None = None  # in the status bar
        # Argon2id releases the GIL, so the areas are built while the key is derived,
        # once what the work is ("Opening your journal…") has been said.
        self.lock_screen.opening.connect(lambda: after_announcements(self, self._build_areas))
        # After a hard lock the process is fresh: once the lock screen has painted and
        # the storage stack has loaded, the (empty) areas are built, so the unlock that
        # follows costs what an unlock in a warm process costs.
        self.lock_screen.prepared.connect(lambda: QTimer.singleShot(0, self._prepared))
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Areas")
        self.navigation.setFixedWidth(190)
        self.pages = CurrentPageStack()
        self.areas: list[Area] = []
        self._only: Area | None = None  # the exclusive area (Together), while it is open
        self._enabled_before: dict[Area, bool] = {}
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)

        # Each area and the lock screen scroll when the window is smaller than they are
        # (a small screen, a large text size), so the window never grows by itself and
        # every control stays reachable.
        self.page_scroll = scrolling(self.pages, sideways=False)  # the window's least width
        self.lock_scroll = scrolling(self.lock_screen, sideways=False)
        self.workspace = workspace = QWidget()  # the areas, shown in place of the lock screen
        column = QVBoxLayout(workspace)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        pages_row = QWidget()
        row = QHBoxLayout(pages_row)
        row.setContentsMargins(8, 8, 8, 8)
        row.addWidget(self.navigation)
        row.addWidget(self.page_scroll, 1)
        column.addWidget(pages_row, 1)
        # One-time notes, kept until read (see `tell`), under the pages: appearing, they
        # move nothing above a page's foot, and hide nothing (`Notices`).
        self.notices = Notices(workspace)
        self.notices.focus_given_back.connect(self._focus_area_start)
        column.addWidget(self.notices)
        # The lock screen scrolls above a row pinned in view (a recovery key's "I have
        # written it down" and Continue, see `LockScreen.pinned`).
        # Tab order: see `LockScreen.key_page`. The row sits right under the card while
        # the page fits, at the bottom while it scrolls (`RowUnderCard`).
        self.lock_area = RowUnderCard(self.lock_scroll, self.lock_screen.pinned)
        self.stack = CurrentPageStack()
        self.stack.addWidget(self.lock_area)
        self.stack.addWidget(workspace)
        self.setCentralWidget(self.stack)
        # The least width is the page's shown (`UpAndDown`), the least height this.
        self.setMinimumHeight(MINIMUM_SIZE.height())

        self._build_actions()
        self.held_words = HeldWords(self)
        self.lock_cover = LockCover(self)  # a lock's first step: the words leave the screen
        self._refused_by = UNKNOWN_CAUSE  # what refused the last lock's save, in words
        self._damage_lock = False  # this lock is for a damaged file (`lock_for_damage`)
        self._opening = False  # the areas are opening on a journal just unlocked
        self._keys_dropped_at_open = False  # keys typed as this journal opened, not used
        # A damaged file met anywhere (`user_message`): locked to the damage page, once
        # the work that met it has finished (queued).
        damage_reports().found.connect(self._damage_found, Qt.ConnectionType.QueuedConnection)
        self.lock_screen.words_held = lambda folder: self.held_words.sealed_for(folder) is not None
        self.held_words.kept.connect(self._held_words_kept)
        self.lock_notice = ""  # what the lock screen says about this lock's words
        # Whether the person was told that the last lock's backup was not made (on the
        # lock screen, or once after the unlock when that screen was not seen).
        self.backup_not_made_told = False
        self._idle_lock = False  # the lock under way is the idle lock
        self.closing = False
        self._person_quits = False  # File > Quit, Ctrl+Q: told before the window goes
        #: Whether a lock now replaces the process (set by `journal.app`, see
        #: `hard_lock`). Then this process shows and says nothing of the lock: the
        #: fresh one shows the lock screen and says it, once (the lock was said twice,
        #: by both, and the focus passed hidden controls as the views were taken
        #: apart: break test 15 of session 12, 11a).
        self.replaces_process: Callable[[], bool] = lambda: False
        self.after_lock = ""  # what to show after this lock: "", "create", "restore", "damage"
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self._lock_when_idle)
        self.clipboard_guard = ClipboardGuard(self)
        self.dialog_watcher = DialogWatcher(self, [self.lock_action])
        self.focus_return = FocusReturn(self, self._part_of, focus_where_it_starts)
        # On the application, for the event types each acts on (see `app_filter`).
        for watcher in (self.idle, self.dialog_watcher, self.focus_return):
            watch_application(watcher, watcher.EVENT_TYPES)
        self._session_events: QObject | None = None
        self.show_lock_screen()
        self._restart_idle_timer()
        # After the first paint: the screen-lock and sleep triggers (QtDBus) obey on
        # the lock screen too.
        QTimer.singleShot(0, self._install_session_events)
        # The app-wide filters, when held off for the cold start (`journal.app.run_gui`),
        # go on after the first paint, before the full theme restyles every widget.
        install_after_first_paint(self)
        opened_before_first_paint(self.lock_screen)
        after_first_paint(self, self._apply_theme)  # the indicators, see `apply_theme`

    # actions -------------------------------------------------------------------
    def _build_actions(self) -> None:
        """Menu bar, toolbar and every window-wide shortcut, from the action registry."""
        handlers: dict[ActionId, Callable[[], object]] = {
            ActionId.NEW_ENTRY: self.new_entry,
            ActionId.NEW_JOURNAL: self.new_journal,
            ActionId.LOCK: self.lock,
            ActionId.QUIT: self.quit,
            ActionId.UNDO: lambda: self._edit("undo"),
            ActionId.REDO: lambda: self._edit("redo"),
            ActionId.DELETE: self.delete_chosen,
            ActionId.FIND: self.focus_search,
            ActionId.SETTINGS: self.show_settings,
            ActionId.BACK_UP: self.back_up,
            ActionId.EXPORT: self.show_export,
            ActionId.IMPORT: self.show_import,
            ActionId.HELP: self.show_help,
            ActionId.ABOUT: self.show_about,
            ActionId.TEXT_LARGER: partial(self._step_text_size, 1),
            ActionId.TEXT_SMALLER: partial(self._step_text_size, -1),
            ActionId.THEME_SWITCH: self._switch_theme,
        }
        for action_id, area_id in AREA_ACTIONS.items():
            handlers[action_id] = partial(self.show_area_id, area_id)
        for action_id, spec in ACTIONS.items():
            if spec.choice is not None:
                handlers[action_id] = partial(self._choose, action_id)
        self.action_by_id = build_actions(self, handlers)
        self.setMenuBar(MenuBar())  # an Alt+letter never leaves it taking the keys
        self.menus = build_menus(self.menuBar(), self.action_by_id, self)
        self.lock_action = self.action_by_id[ActionId.LOCK]
        keep_lock_keys(self.lock_action)  # never dropped with queued keys (`keys_held`)
        self.settings_action = self.action_by_id[ActionId.SETTINGS]
        self._check_choices()

        self.toolbar = QToolBar("Main")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        # Cut with "…" when the toolbar is short of room (`ElidedLabel`).
        self.journal_name = ElidedLabel()
        self.journal_name.setProperty("role", "subtle")
        self.journal_name.setObjectName("openJournalName")
        self.journal_name.setAccessibleDescription("The journal that is open")
        self.toolbar.addWidget(self.journal_name)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        for action_id in TOOLBAR:
            self.toolbar.addAction(self.action_by_id[action_id])
        more = self.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:  # shown when the window is too narrow for every button
            more.setAccessibleName("More actions")

    def _enable_actions(self) -> None:
        """Actions that need an open journal are off while it is locked; while an area is
        exclusive (Together), only those in `WHILE_EXCLUSIVE` and its own View action
        stay on."""
        open_ = not self.is_locked
        own = next(
            (a for a, i in AREA_ACTIONS.items() if self._only and i == self._only.area_id), None
        )
        for action_id, action in self.action_by_id.items():
            spec = ACTIONS[action_id]
            on = open_ or not spec.needs_journal
            if action_id is ActionId.LOCK:  # a secret typed or shown on the lock screen
                on = on or self.lock_screen.held_secrets
            if self._only is not None and on:
                on = spec.choice is not None or action_id in WHILE_EXCLUSIVE or action_id is own
            action.setEnabled(on)
        if self._only is None:  # on while the body log is off: it says how to turn it on
            self.action_by_id[ActionId.SHOW_BODY].setEnabled(open_)

    def _check_choices(self) -> None:
        for action_id, action in self.action_by_id.items():
            choice = ACTIONS[action_id].choice
            if choice is not None:
                setting, value = choice
                action.setChecked(self.settings.get(setting) == value)

    def prepare_in_background(self) -> None:
        """After the lock screen has painted: load the storage stack and the areas'
        modules in a background thread while the person types the passphrase, so the
        first unlock (every unlock, since a lock replaces the process) only builds
        and fills widgets (issue 12)."""
        from journal.ui.shell.areas import load_unlock_modules

        self.lock_screen.prepare_in_background(also=load_unlock_modules)

    def _prepared(self) -> None:
        """The storage stack and the areas' modules have loaded in the background: build
        the (empty) areas and load what they show that is no journal's (`Area.prepare`),
        then set aside for good everything Python holds by now (`freeze_survivors`), so
        the collections during and after the unlock do not walk every module, class
        and widget built so far again (issue 12).

        Not while the Restore dialog a fresh process opened is up (Settings' Restore…
        locks and replaces the process): building the areas holds the GUI thread for
        seconds, and the dialog, shown and not yet drawn, showed the lock screen's
        "Unlock your journal" under its title until then (break test 16 of session 20,
        L3). Done once it closes, if the journal is still locked: a restore that opens
        it builds them as any unlock does, and nothing of an open journal is frozen."""
        if not self.is_locked:
            return
        dialog = self.restore_dialog
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.finished.connect(lambda _result: QTimer.singleShot(0, self._prepared))
            return
        self._build_areas()
        for area in self.areas:
            area.prepare()
        freeze_survivors()

    def _build_areas(self) -> None:
        """Areas (and what they import) are built on the first unlock, not at start-up,
        so the lock screen appears as fast as a bare window."""
        if self.areas or self.pages.count():
            return
        self._apply_theme()  # the indicators, if the window has not painted yet
        from journal.ui.shell.areas import area_classes

        with held_while_building():
            self.areas = [cls() for cls in area_classes()]
            for area in self.areas:
                QListWidgetItem(area.title, self.navigation)
                self.pages.addWidget(area)
        for area in self.areas:
            area.exclusive.connect(partial(self._exclusive_changed, area))
            area.lock_requested.connect(self.lock)
            area.told.connect(lambda text, on_read: self.tell(text, on_read=on_read))
            area.warned.connect(lambda text: self.tell(text, urgent=True))
            area.unwarned.connect(self.notices.withdraw)
        self._attach_area_actions()
        if not self.areas:
            self.pages.addWidget(label("Your journal is open.", "subtle"))
        self.navigation.setCurrentRow(0)

    def _part_of(self, widget: QWidget) -> QWidget | None:
        """The area (or the lock screen) ``widget`` is in, for `FocusReturn`."""
        for part in (*self.areas, self.lock_screen):
            if part is widget or part.isAncestorOf(widget):
                return part
        return None

    def _install_session_events(self) -> None:
        if self._session_events is not None:
            return
        from journal.ui.shell.session_events import SessionEvents

        events = SessionEvents(self)
        events.lock_requested.connect(self._screen_locked)
        self._session_events = events

    def _attach_area_actions(self) -> None:
        """Shortcuts that work only inside one area's widget, from the same registry."""
        from journal.ui.library.area import LibraryArea

        library = self.area("library")
        if isinstance(library, LibraryArea):
            reader = library.reader
            for action_id, handler in (
                (ActionId.READER_BACK, reader.back),
                (ActionId.READER_FORWARD, reader.forward),
            ):
                action = build_action(action_id, reader, handler)
                reader.addAction(action)
                self.action_by_id[action_id] = action

    def fit_to_screen(self) -> None:
        """Open as the person left the window at the last lock or quit
        (`WINDOW_GEOMETRY`), else at a comfortable size (`PREFERRED_SIZE`); either fits,
        with the window manager's title bar and borders, on the screen's free area (a
        1024x600 netbook as well as a large monitor): see `fit.window_room`."""
        saved = QByteArray.fromBase64(self.settings.get(WINDOW_GEOMETRY).encode("ascii"))
        self._restored = not saved.isEmpty() and self.restoreGeometry(saved)
        if not self._restored:
            self.resize(PREFERRED_SIZE)
        room = window_room(self).size()
        self.resize(self.size().boundedTo(room).expandedTo(MINIMUM_SIZE))

    def keep_geometry(self) -> None:
        """Keep the window's size, place and maximised state (`WINDOW_GEOMETRY`) for
        the fresh process a lock starts and for the next start; only while it is on
        screen (a window never shown has nothing of hers to keep)."""
        if self.isVisible():
            geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
            self.settings.set(WINDOW_GEOMETRY, geometry)

    def showEvent(self, event: QShowEvent) -> None:
        """Shown: kept whole on the screen, frame included (it may have been sized on
        another screen, or for another frame), and again once the window manager has
        framed it (`moveEvent`). A window first shown where a kept geometry put it is
        left there: Qt's restoreGeometry fitted it to this screen with the frame it
        had; kept on screen here with a guessed frame (`fit.FRAME_GUESS`, a 36 px title
        bar) and moved before it had one, its inside went to the top of the screen and
        openbox's 20 px title bar above it, after each Ctrl+L (issue 10, break test of
        session 25, F9)."""
        super().showEvent(event)
        if not event.spontaneous():
            if not self._restored:
                keep_on_screen(self)
            self._restored = False
            self._frame_to_check = True

    def moveEvent(self, event: QMoveEvent) -> None:
        """The first move with the window manager's frame known after a show: the frame
        kept on the screen, now that its real size is known (issue 10, break test of
        session 25, F7)."""
        super().moveEvent(event)
        if self._frame_to_check and self.frameGeometry() != self.geometry():
            self._frame_to_check = False
            QTimer.singleShot(0, self, lambda: keep_on_screen(self))

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab as Qt does, except the move Qt makes when a page holding
        the focus is hidden (see `journal.ui.common.page_focus`): declined, so the
        control the next page gets is the only focus a screen reader hears."""
        if self._page_focus is not None and self._page_focus.take_hidden_page():
            return True
        return super().focusNextPrevChild(next)

    def show_area(self, area: Area) -> None:
        if self._only is not None and area is not self._only:
            return
        self.navigation.setCurrentRow(self.areas.index(area))

    def area(self, area_id: str) -> Area | None:
        """The area with this id (e.g. "journal"), once the areas are built."""
        return next((area for area in self.areas if area.area_id == area_id), None)

    def show_area_id(self, area_id: str) -> None:
        """Show the area with this id (View > Journal, Body log, Library)."""
        found = self.area(area_id)
        if found is not None and found is self.area("body") and not self.body_log_on:
            if self.journal is not None and not self.is_locked:
                self.tell(BODY_LOG_OFF)  # never silence for Ctrl+2 (break 10/12, finding 12)
            return
        if found is not None and not self.is_locked and found.isEnabled():
            self.show_area(found)

    def current_area(self) -> Area | None:
        current = self.pages.currentWidget()
        return current if isinstance(current, Area) else None

    # commands ----------------------------------------------------------------------
    def new_entry(self) -> None:
        """File > New entry (Ctrl+N), from anywhere: the Journal, a new entry, the
        cursor in its text."""
        from journal.ui.entries.area import JournalArea

        journal = self.area("journal")
        if isinstance(journal, JournalArea) and not self.is_locked:
            # Begun as the Journal is shown, from another area: Qt's stacked layout gave
            # the focus first to the control the Journal last had ("Search entries"),
            # heard before the words (see `focus_placed_on_show`).
            with focus_placed_on_show(journal, journal.new_entry) as placing:
                self.show_area(journal)
            if not placing.done:  # the Journal was shown already
                journal.new_entry()

    def new_journal(self) -> None:
        """File > New journal: lock the open one (saving drafts), then the create page
        (also in the process that replaces this one after the lock, see `after_lock`)."""
        self.after_lock = "create"
        self.lock()
        self.after_lock = ""  # read by the hard lock during `lock`; never by a later one
        self.lock_screen.show_create()

    def focus_search(self) -> None:
        """Edit > Find: the current area's search, or the Journal's where it has none."""
        if self.is_locked:
            return
        current = self.current_area()
        if current is not None and current.focus_search():
            return
        journal = self.area("journal")
        if journal is not None:  # the focus goes once, straight to the search (see new_entry)
            with focus_placed_on_show(journal, journal.focus_search) as placing:
                self.show_area(journal)
            if not placing.done:
                journal.focus_search()

    def tell(
        self,
        text: str,
        *,
        error: bool = False,
        urgent: bool = False,
        on_read: Callable[[], None] | None = None,
    ) -> None:
        """Leave ``text`` (plain words, any length) as a note below the window's areas
        until the person closes it, announced (`Notices`; assertively with ``error``):
        what Solace did by itself or what an action it ran in the background came to;
        an ``urgent`` one stays in view ahead of later notes until read. ``on_read`` is
        called once the note has been read (`Notice`)."""
        self.notices.tell(text, error=error, urgent=urgent, on_read=on_read)

    def _opening_keys_unexplained(self, journal: OpenJournal) -> bool:
        """Whether a damage lock now must say again that keys typed as ``journal``
        opened were dropped: the damage page takes the window, and with it the words
        saying so (break test 34, finding 8). True while this opening's page check has
        not passed (it is what finds the damage then), even when a menu's status tip or
        the status bar's 30 s took those words away first (break test 35, finding 3);
        after that, only while they are still on screen."""
        if not self._keys_dropped_at_open:
            return False
        check = journal.page_check
        if check is not None and (not check.done or check.refusal is not None):
            return True
        shown = (self.statusBar().currentMessage(), *self.notices.texts())
        return STALE_INPUT_DROPPED in shown

    def say_briefly(self, text: str) -> None:
        """``text`` in the status bar for 30 s when it fits there whole, else as a note
        (`tell`): the status bar cuts a longer line at the window's edge."""
        bar = self.statusBar()
        room = bar.width() - sum(
            w.width()
            for w in bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w.isVisible()
        )
        if bar.isVisible() and bar.fontMetrics().horizontalAdvance(text) + 24 <= room:
            bar.showMessage(text, 30_000)
            announce(self, text, after_focus=True)  # often as a dialog closes
        else:
            self.tell(text)

    def _backed_up(self, text: str, ok: bool) -> None:
        self.statusBar().clearMessage()
        self.tell(text, error=not ok)  # a backup not written is an error, said assertively

    def delete_chosen(self) -> None:
        """Edit > Delete…: the current area asks to delete the entry or log chosen in its
        list (as the Delete key there does); the status bar says when there is none."""
        current = self.current_area()
        if self.is_locked or current is None or not current.delete_chosen():
            self.say_briefly(NOTHING_TO_DELETE)

    def _edit(self, command: str) -> None:
        """Edit > Undo / Redo: in the field with the focus, else what the area offers."""
        focused = QApplication.focusWidget()
        if focused is not None and undo_and_say(focused, undone=command == "undo"):
            return
        method = getattr(focused, command, None)
        if callable(method) and not isinstance(focused, QAbstractButton):
            method()
            return
        current = self.current_area()
        if current is not None and command == "undo":
            current.undo()
        elif current is not None:
            current.redo()

    def show_help(self) -> None:
        """Help > Using Solace (F1): the library article, or a reading window while locked."""
        if not self.is_locked and self._only is None and self.area("library") is not None:
            self.open_link(HELP_LINK)
            return
        from journal.ui.shell.help import HelpDialog

        HelpDialog.show_for(self)

    def show_about(self) -> None:
        from journal.ui.shell.about import AboutDialog

        AboutDialog(self).exec()

    def _exclusive_changed(self, area: Area, only: bool) -> None:
        self._show_only(area if only else None)

    def _show_only(self, only: Area | None) -> None:
        """While an area is exclusive (Together, two people at the keyboard), every other
        area, its View action and shortcut, and every action that could show something
        private (Settings, New entry, Find...) are out of reach; None brings them back."""
        self._only = only
        for row, area in enumerate(self.areas):
            shut = only is not None and area is not only
            item = self.navigation.item(row)
            if item is not None:
                item.setHidden(shut)
            # Disabled, not only hidden: a hidden widget's keyboard mnemonic still works.
            if shut:
                self._enabled_before.setdefault(area, area.isEnabled())
                area.setEnabled(False)
            elif area in self._enabled_before:
                area.setEnabled(self._enabled_before.pop(area))
        self._enable_actions()
        if only is not None:
            self.show_area(only)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A key no widget took: when it is the shortcut of an action Together keeps out of
        reach (New entry, Settings, Journal, Find…), say why, next to the window's other
        brief words, instead of nothing (break test 15 of session 14, finding 8)."""
        refused = self._kept_out_of_reach(QKeySequence(event.keyCombination()))
        if refused is None:
            super().keyPressEvent(event)
            return
        event.accept()
        self.say_briefly(
            f"{refused} can be used again once you leave Together, so that nothing private "
            "shows while you read together."
        )

    def _kept_out_of_reach(self, pressed: QKeySequence) -> str | None:
        """The name of the action whose shortcut ``pressed`` is, when the exclusive area
        keeps it off; None otherwise."""
        if self._only is None:
            return None
        for action in self.action_by_id.values():
            if not action.isEnabled() and pressed in action.shortcuts():
                return action.text().replace("&", "").rstrip("…")
        return None

    def open_link(self, url: str) -> None:
        if self._only is not None:
            return
        for area in self.areas:
            if area.open_url(url):
                # Placed as the area is shown, where Qt's stacked layout looks first: it
                # gave the focus to the area's first control ("Search the library")
                # before the article (see `focus_placed_on_show`).
                with focus_placed_on_show(area, area.focus_start) as placing:
                    self.show_area(area)
                if not placing.done:  # shown already (a link within the area)
                    area.focus_start()
                return
        log.info("no area handles this link")

    # lock and unlock -------------------------------------------------------------
    def show_lock_screen(self) -> None:
        self.toolbar.hide()
        self.journal_name.clear()
        self._enable_actions()
        # Shown first, then focused: the passphrase field took the focus while the lock
        # screen was still hidden, heard as a focus on a hidden object before the field
        # (break test 15 of session 11, finding 13).
        self.stack.setCurrentWidget(self.lock_area)
        self.lock_screen.show_start()

    def open_journal(self, journal: OpenJournal) -> None:
        """Open every area on ``journal``, just unlocked, and show them. A page that
        cannot be read as they open locks for it (`lock_for_damage`): a large journal
        opens while its pages are still being checked (`OpenJournal.page_check`), so
        its first reads may meet a damaged page before the check does."""
        self._keys_dropped_at_open = False
        self._opening = True
        try:
            self._open_journal(journal)
        except Exception as error:
            if not isinstance(told(error), JournalFileDamaged):  # SQLite's words mapped
                raise
            # Keys typed as it opened were dropped (`KeysHeld`): the damage page says so
            # (break test 35, finding 5: it said they came as it locked, after words).
            if self.lock_screen.end_hold():
                self._keys_dropped_at_open = True
            self.lock_for_damage()
        finally:
            self._opening = False

    def _open_journal(self, journal: OpenJournal) -> None:
        started = time.perf_counter()
        self._build_areas()
        self.journal = journal
        self.lock_screen.remember(journal)  # however it opened: chosen at the next lock
        # From here a lock of the journal replaces the process (what the lock screen
        # held goes with it); Lock on the lock screen waits for a secret typed anew.
        self.lock_screen.held_secrets = False
        # A large journal's pages are checked while the areas open: a damaged page
        # found locks for it, as one met by a read does (`lock_for_damage`).
        journal.if_damaged(damage_reports().found.emit)
        # A save waiting for that check says so, since the window cannot answer meanwhile.
        journal.when_writes_wait(say_writes_wait(self.statusBar()))
        journal.db.wait_briefly()  # a journal another program holds never freezes the window
        from journal.storage.body.switch import BodyLogSwitch  # SQLAlchemy: after unlock

        self._context = AppContext(journal, self.settings, self.open_link)
        self.body_log_on = BodyLogSwitch(journal.db).on
        for area in self.areas:
            if self._wanted(area):
                area.open_journal(self._context)
        drafts_back = self._restore_drafts(journal)
        self._show_body_log()
        name = journal.info.name
        self.journal_name.setText(name)
        self.toolbar.show()
        self._enable_actions()
        self._show_areas()
        note = self.lock_screen.take_opened_note()
        if note:  # a new passphrase saved on the way in: confirmed, on screen and heard
            self.say_briefly(note)
        self._restart_idle_timer()
        self._tell_backup_not_made(journal)
        self._start_daily_backup(journal)
        for words in list(journal.notes_unread):  # told before, not read: said again
            self._tell_until_read(journal, words)
        self._tell_unfinished_work(journal)
        self._tell_found_at_unlock(journal, drafts_back)
        self._tell_key_change(journal)
        self._rebuild_locked_settings()
        log.debug("opened areas in %.1f ms", (time.perf_counter() - started) * 1000)
        # Keys typed into the busy lock screen while the key was derived and the areas
        # opened were dropped (`KeysHeld`); the hold ends before the window says it has
        # opened, so every key typed from then on goes into the words.
        held = self.lock_screen.end_hold()
        self.opened.emit()
        # Typed on the lock screen while the areas loaded (the window could not answer):
        # dropped, never delivered to the entry that now has the focus; said once with
        # the keys held above.
        if self.lock_screen.keys_held.drop_queued() + held:
            self._keys_dropped_at_open = True
            self.say_briefly(STALE_INPUT_DROPPED)

    def _show_areas(self) -> None:
        """Show the areas in place of the lock screen, the focus going once, straight to
        where the area shown starts (`Area.focus_start`: in the Journal, the words of
        the entry shown), at every unlock alike.

        Qt's stacked layout gives the focus, as the areas replace the lock screen, to
        the first control in their chain: the area list ("Areas" was heard first after
        every unlock), else "New entry", where the first word typed after an unlock
        went nowhere (break test 16 of session 12, finding 4). The area's start is
        placed as the areas are shown (`focus_placed_on_show`), where the stacked
        layout then looks first; the list is skipped in case no start is found."""
        current = self.pages.currentWidget()

        def place() -> None:
            if isinstance(current, Area):
                current.focus_start()

        policy = self.navigation.focusPolicy()
        self.navigation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        try:
            with focus_placed_on_show(self.workspace, place):
                self.stack.setCurrentWidget(self.workspace)
        finally:
            self.navigation.setFocusPolicy(policy)
        place()  # no move when it is there already; else (the window not active) noted

    def _focus_area_start(self) -> None:
        """The focus, where the area shown starts (`Area.focus_start`: the Journal's
        words), when what had it went away (`Notices.focus_given_back`)."""
        current = self.current_area()
        if current is not None and not self.is_locked:
            current.focus_start()

    def _tell_backup_not_made(self, journal: OpenJournal) -> None:
        """The last automatic backup found no room, and the lock screen did not say so
        (the window was closed rather than locked): said once now, calmly, as a note
        that stays until closed (break test 16 of session 11, finding 11f)."""
        if self.backup_not_made_told:
            return
        words = unseen_after_unlock(journal)
        if words:
            self.backup_not_made_told = True
            self.tell(words)

    def _tell_key_change(self, journal: OpenJournal) -> None:
        """A key operation a crash cut short before it changed anything is told in a
        window of its own that stays until the person closes it (a status-bar line
        could be replaced unread): the old credentials still open the journal, though
        the dialog they answered said they would stop (`OpenJournal.key_change_note`)."""
        note = journal.key_change_note
        if not note:
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            journal.key_change_title,
            note,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("keyChangeNote")
        box.open()  # once the window shows the journal; closed with it at lock

    def _tell_found_at_unlock(self, journal: OpenJournal, drafts_back: bool) -> None:
        """A log of the latest changes found cut short at this unlock and kept aside
        (`OpenJournal.cut_log`): said once, calmly, as a note that stays until closed,
        with what may be missing, where the log is kept and what can help (break test
        16 of session 17, finding 1: the journal opened without its latest entries and
        nothing was said); when words sealed at a failed save came back at this unlock
        (``drafts_back``), as the end of that save (`cut_log_words`). So is a key file
        put back from a kept copy at this unlock (`OpenJournal.key_file_note`), and a
        file made by an older Solace updated by it (`OpenJournal.updated`). Each is
        said again at the next unlock until it has been read (`OpenJournal.note_told`):
        said once from memory, a lock before it was read lost it."""
        from journal.storage.lock.journal import updated_words
        from journal.storage.safekeeping.cut_log import cut_log_words

        found: list[str] = []
        kept, journal.cut_log = journal.cut_log, None
        if kept is not None:
            found.append(cut_log_words(kept, after_failed_save=drafts_back))
        # The key file put back from a kept copy (break test 16 of session 18, finding 8).
        note, journal.key_file_note = journal.key_file_note, ""
        if note:
            found.append(note)
        for words in found:
            self._tell_until_read(journal, words)
        if journal.updated:  # the file made by an older Solace (break test 41, finding 5)
            journal.updated = False
            words = updated_words(by_restore=journal.updated_by_restore)
            self.tell(words, on_read=journal.update_note_read)

    def _tell_until_read(self, journal: OpenJournal, words: str) -> None:
        """Say ``words`` as a note that ``journal`` keeps until it has been read
        (`OpenJournal.note_told`, `keep_notes_state`): said again at the next unlock."""
        journal.note_told(words)
        self.tell(words, on_read=partial(journal.note_read, words))

    def _tell_unfinished_work(self, journal: OpenJournal) -> None:
        """Work cut short last time, said until read (`_tell_until_read`): an export's
        plaintext in the place it was going to, deleted now (`remove_unfinished_export`);
        a backup file's unfinished copy, removed (`remove_unfinished_backup_file`); an
        import, which added nothing, named (`unfinished_import`)."""
        from journal.storage.safekeeping.unfinished import (
            remove_unfinished_backup_file,
            remove_unfinished_export,
            unfinished_import,
        )

        removed = remove_unfinished_export(journal.db)
        if removed is not None:
            self._tell_until_read(
                journal,
                f"An export to {removed.parent} was cut short last time. Its unfinished "
                "files there were not encrypted, so Solace has deleted them.",
            )
        unfinished = remove_unfinished_backup_file(journal.db)
        if unfinished is not None:
            self._tell_until_read(
                journal,
                f"A backup file to {unfinished.parent} was cut short last time, so it was "
                "not written; Solace has removed its unfinished copy there. Back up now… "
                "writes a whole one.",
            )
        name = unfinished_import(journal.db)
        if name:
            self._tell_until_read(
                journal,
                f"Your import of {quoted(name)} was stopped when Solace locked or "
                "closed, so nothing from it was added. You can import it again: nothing is "
                "ever added twice.",
            )

    def _rebuild_locked_settings(self) -> None:
        """Settings opened on the lock screen (no journal's choices, no key actions)
        is closed when an unlock finishes behind it, and opened again for the journal
        (break test 14, finding 4)."""
        dialog = self.settings_dialog
        if dialog is None or not getattr(dialog, "while_locked", False):
            return
        dialog.reject()
        self.settings_dialog = None
        self.show_settings()

    # the body log, kept or not ----------------------------------------------------
    def _wanted(self, area: Area) -> bool:
        """Whether this journal shows the area (a journal may keep no body log)."""
        return area.area_id != "body" or self.body_log_on

    def set_body_log(self, on: bool) -> None:
        """Settings: keep a body log in this journal or not (stored encrypted in it);
        turning it off hides the log and deletes nothing."""
        from journal.storage.body.switch import BodyLogSwitch

        if self.journal is None or on == self.body_log_on:
            return
        try:
            BodyLogSwitch(self.journal.db).set(on)
        except Exception as error:  # said, in Solace's words; the switch stays as it was
            self.tell(user_message(error), error=True)
            return
        self.body_log_on = on
        if on:
            self.notices.withdraw(BODY_LOG_OFF)  # what it said is no longer true
        body = self.area("body")
        if body is not None and self._context is not None:
            if on:
                body.open_journal(self._context)
            else:
                body.save_pending()
                body.clear()
        self._show_body_log()

    def _show_body_log(self) -> None:
        body = self.area("body")
        if body is None:
            return
        row = self.areas.index(body)
        item = self.navigation.item(row)
        if item is not None:
            item.setHidden(not self.body_log_on)
        if not self.body_log_on and self.navigation.currentRow() == row:
            self.navigation.setCurrentRow(0)
        # On while the body log is off too: View > Body log and Ctrl+2 then say where it
        # is turned on, instead of a greyed item and a key that did nothing.
        self.action_by_id[ActionId.SHOW_BODY].setEnabled(not self.is_locked)

    def _start_daily_backup(self, journal: OpenJournal) -> None:
        from journal.ui.safekeeping.backup import BackupIndicator, DailyBackup

        if self.daily_backup is None:
            self.daily_backup = DailyBackup(self)
            self.daily_backup.told.connect(self.tell)
            self.backup_indicator = BackupIndicator(self.daily_backup)
            self.statusBar().addPermanentWidget(self.backup_indicator)
        self.daily_backup.start(journal)  # its own "no room" is never a note (`_failed`)

    def lock(self) -> bool:
        """Obey a lock trigger (Ctrl+L, idle, screen lock, sleep, closing the window).

        Unlocked: saves every area's unsaved work (or, if it cannot be written, keeps
        it sealed with the journal's key to come back at the next unlock), then forgets
        everything whatever failed: every other window and dialog is closed and
        destroyed, the areas (with their pages, models, completers and undo stacks)
        are destroyed and rebuilt at the next unlock, Solace's text is taken off the
        clipboard, and the engine and key are dropped. On the lock screen: wipes what
        was typed and locks a journal waiting there (a new one showing its recovery
        key, one waiting for a new passphrase). Emits `locked` (on which the app
        replaces the process, see `hard_lock`) after every lock of a journal, and on
        the lock screen once a secret has been typed or shown there. Always
        completes: returns True. A lock asked for while a lock waits for its backup
        copy (`_back_up_at_lock`: the screen-lock signal, a socket, a timer) is that
        lock: nothing more is done.
        """
        if self._backing_up_at_lock:
            return True
        self.keep_geometry()
        journal = self.journal
        if journal is None:
            # A restore or a rescue under way finishes (a restore is crash-safe); the
            # process is not replaced beneath it.
            restoring = bool(getattr(self.restore_dialog, "restoring", False)) or bool(
                getattr(self.rescue_dialog, "working", False)
            )
            typed = any(  # a passphrase typed into a dialog (Restore, Remove a journal)
                field.text()
                for widget in QApplication.topLevelWidgets()
                if isinstance(widget, QDialog)
                for field in widget.findChildren(QLineEdit)
                if is_secret(field)
            )
            held = (self.lock_screen.held_secrets or typed) and not restoring
            self._locked_while_working = self._locked_while_working or restoring
            # A journal waiting on a last step (a key to confirm, a passphrase to
            # choose) locked for idleness is told why, as an open one is (break test
            # 14 of session 10, finding 6: the lock screen said nothing).
            idle = self._idle_lock and self.lock_screen.holds_journal
            self._idle_lock = False
            if not restoring:
                self._close_other_windows()
            self.lock_screen.lock()
            self.clipboard_guard.clear()
            if idle:
                said = not (held and self.replaces_process())  # else by the fresh process
                self.show_lock_notice(idle_notice(self.settings.get(IDLE_LOCK_MINUTES)), say=said)
            self._restart_idle_timer()
            if held:
                self.locked.emit()
            return True
        # A field that saves as it is left (Together's "Your name", an idea's note: a
        # line edit's editingFinished) saves now, while the journal is open: left
        # focused, it was left only after the lock (on quit the views stay whole) and
        # tried to write to a locked one. Only such a field: clearing the focus is
        # heard as one more focus on the control let go ("Open Together on this
        # journal" before the lock screen), so any other control keeps it until the
        # lock screen takes it (see `journal.ui.common.page_focus`).
        focused = QApplication.focusWidget()
        if isinstance(focused, QLineEdit) and any(a.isAncestorOf(focused) for a in self.areas):
            focused.clearFocus()
        # The words leave the screen before any of the lock's work (a paste going in
        # is put in whole first): "Locking…", and what it waits for.
        self.lock_cover.cover(self._locking_words(journal))
        # Nothing is said saved before the file is read back: a page damaged underneath
        # that no read has met yet makes this a lock for damage, whose save is refused
        # and whose words are sealed beside the journal (break test 16 of session 15,
        # finding 6: "Everything you wrote was saved" over a damaged file).
        if not self._damage_lock and journal.damage_found():
            self.lock_for_damage()
            return True
        idle, self._idle_lock = self._idle_lock, False
        # A file known damaged (here or on any connection: `note_damage`) gets no copy,
        # no save and no checkpoint (`OpenJournal.lock`), and is said so.
        damaged = self._damage_lock or journal.damage_known
        dropped_at_open = damaged and self._opening_keys_unexplained(journal)
        self.journal = None
        self._context = None
        self.idle.stop()
        if self.daily_backup is not None:
            self.daily_backup.stop()
        self._stop_backup_checks()
        notice = not_made = refused = ""
        late = 0  # keys pressed while the lock worked, dropped
        self.lock_notice = ""
        self.backup_not_made_told = False  # this lock's backup is said afresh
        try:
            # A key operation under way (a rotation's re-encryption, a new passphrase
            # or recovery key) finishes first, so the work is saved, or sealed, under
            # the key that stays current (session 6, finding 2).
            journal.wait_for_key_work()
            notice, typing_kept = self._keep_unsaved_work(journal)
            journal.keep_notes_state()  # before the lock's backup copy
            refused = not_added_words(sum(area.not_added() for area in self.areas))
            if not self.closing and not self.replaces_process():
                # Shown (under the cover) before the dialogs close: the window, active
                # again, gives the focus to its Passphrase, once. Closed first, the
                # focus went to the hidden Passphrase, then to "Areas", then back
                # (break test 15 of session 18, re-test R2).
                self.show_lock_screen()
            self._close_other_windows()  # a dialog may still save as it closes
            if not notice and not damaged and not journal.damage_known:
                not_made, late = self.lock_screen.keys_held.drop_during(
                    lambda: self._back_up_at_lock(journal)
                )
        finally:
            withdraw_unconfirmed_key(journal)  # a key left on screen stops opening it
            for area in self.areas:
                try:
                    area.close_connections()
                except Exception as error:  # the lock completes; the key goes below
                    log.error("an area's connection did not close: %s", type(error).__name__)
            try:
                journal.lock()
            except Exception as error:  # the key is already forgotten
                log.error("the journal did not close cleanly: %s", type(error).__name__)
            # Keys typed while the lock saved, checked and closed the journal (the
            # window could not answer): dropped here, never into the lock screen's
            # passphrase field nor lost unsaid with the process a lock replaces, and
            # said with what the lock did (issue 15). After a lock for damage they came
            # after the words were sealed: too late to keep (break test 16 of session
            # 15, finding 2).
            late += self.lock_screen.keys_held.drop_queued()
            # The closed database gave back the room its write-ahead log took (a full
            # small disk): the held words may fit beside the journal now. Said as
            # they are, never "quitting would lose them" when quitting would not.
            if notice == DRAFTS_HELD and self.held_words.try_writing():
                notice = drafts_kept(self._refused_by)
            closing = self.closing  # the process ends now: nothing to take apart or show
            # Replaced next (`hard_lock`): the fresh process shows and says the lock.
            here = not closing and not self.replaces_process()
            self.clipboard_guard.clear()
            self.lock_screen.clear_secrets()
            if here:
                # The lock screen takes the focus before the areas are taken apart, so
                # nothing they do as they go moves it: emptied first, Together passed it
                # through its tab bar and start page ("Couple prompts", "Read together",
                # "Your partner's passphrase") before the Passphrase (break test 15 of
                # session 18, finding 11).
                self.show_lock_screen()
                self._forget_views()
                self._enable_actions()  # the areas' own actions went with them
                self.lock_cover.uncover()
            notice = notice or (
                idle_notice(self.settings.get(IDLE_LOCK_MINUTES)) if idle else LOCKED_SAVED
            )
            if typing_kept and not damaged and notice != DRAFTS_HELD:
                notice = f"{notice} {TYPING_KEPT}"
            if refused and not damaged:  # said under the entry, and here again
                notice = f"{notice} {refused}"
            if not_made:  # after what was saved: only the extra copy is missing
                notice = f"{notice} {not_made}"
            if late and not damaged:
                notice = f"{notice} {KEYS_WHILE_LOCKING}"
            if damaged and self._opening and late:  # typed as it opened: not "locking"
                dropped_at_open, late = True, 0
            if damaged:  # what was found first; words held in memory only still said
                notice = " ".join(
                    [
                        DAMAGED_WHILE_OPEN,
                        *([notice] if notice == DRAFTS_HELD else []),
                        *([STALE_INPUT_DROPPED] if dropped_at_open else []),
                        *([KEYS_AFTER_DAMAGE_LOCK] if late else []),
                    ]
                )
            if notice:
                # Settings' Restore…: the dialog opening over the lock screen says it.
                heard = self.after_lock != "restore"
                self.show_lock_notice(notice, say=here or closing, heard=heard)
            self._restart_idle_timer()
            self.locked.emit()
        return True

    def _back_up_at_lock(self, journal: OpenJournal) -> str:
        """The day's backup copy at a lock (`back_up_at_lock`), taken on a thread of
        its own while the window goes on painting under the cover, which says it and
        shows a moving busy line (`wait_painting`): at 100k entries the copy kept the
        GUI thread for seconds and the window froze (issue 12). The window system's
        keys pressed meanwhile stay queued, and the caller drops anything delivered
        (`KeysHeld.drop_during`), said with the rest of the lock's. Returns what
        `back_up_at_lock` returns."""
        from journal.storage.safekeeping.backups import backup_is_due
        from journal.ui.common.workers import wait_painting

        try:
            due = backup_is_due(journal.folder)
        except OSError:  # `back_up_at_lock` tries, and says what went wrong
            due = True
        if not due:
            return ""
        self.lock_cover.cover(BACKING_UP_AT_LOCK, busy=True)
        self._backing_up_at_lock = True
        try:
            return wait_painting(lambda: back_up_at_lock(journal))
        finally:
            self._backing_up_at_lock = False

    def _locking_words(self, journal: OpenJournal) -> str:
        """What the lock's cover says while the lock works: what it waits for first (a
        lock for damage saves nothing, and does not say it will)."""
        if self._pasting():
            return LOCKING_PASTE
        if not journal.checking_pages:
            return LOCKING
        return LOCKING_AFTER_CHECK if self._damage_lock else LOCKING_AFTER_CHECK_THEN_SAVING

    def _pasting(self) -> bool:
        """Whether a paste of many lines is still going in somewhere (`pasting`)."""
        from journal.ui.entries.markdown import MarkdownEditor

        return any(editor.pasting for editor in self.findChildren(MarkdownEditor))

    def lock_for_damage(self) -> None:
        """Lock because a page of the open journal's file could not be read, and show
        the lock screen's damage page for it. Three things call it: a `JournalFileDamaged`
        met by a save, a search, the list, export, a backup or an import, which
        `user_message` reports (`damage_reports`, `_damage_found`); the check of a
        large journal's pages that its unlock left to run while the areas opened
        (`OpenJournal.if_damaged`, reported the same way); and the lock itself, which
        reads the file back before saying the words are saved
        (`OpenJournal.damage_found`). The
        page says what was found and that unsaved words wait with it, and offers
        Restore a backup… and Rescue what can be read… there. The lock keeps unsaved
        words sealed beside the journal (its saves fail), takes no backup of the damaged
        file and writes nothing else to it (break test 16 of session 13, findings 2 and
        4). Nothing happens when no journal is open."""
        if self.journal is None:
            return
        self.journal.note_damage()  # every way it closes now writes nothing to it
        # Keys typed before this lock she did not ask for reach the editor first, and
        # are sealed with its words (break test 16 of session 15, finding 2).
        deliver_queued_input()
        if self.journal is None:  # a queued Ctrl+L locked it meanwhile
            if not self.closing:
                self.show_damage_page()
            return
        self._damage_lock = True
        self.after_lock = "damage"  # the fresh process after a hard lock shows it too
        try:
            self.lock()
        finally:
            self._damage_lock = False
            self.after_lock = ""
        if not self.closing:  # reached when the process was not replaced
            self.show_damage_page()

    def show_after_restart(self, notice: str, page: str) -> None:
        """In the fresh process a lock started (`hard_lock`), before the window shows:
        the lock's ``notice`` (said once the passphrase field has the focus), and the
        ``page`` the lock was for (`after_lock`): "create", "damage", "restore" (the
        Restore dialog over the lock screen, which says the notice after its own words:
        break test 16 of session 19, N1), or "" for none."""
        from journal.ui.common.first_paint import after_first_paint

        if notice:
            self.show_lock_notice(notice, heard=page != "restore")
        if page == "create":
            self.lock_screen.show_create()
        elif page == "damage":  # a damaged file met while it was open (`lock_for_damage`)
            self.show_damage_page()
        elif page == "restore":  # Settings' Restore… locked the journal first
            # Once the lock screen has painted, and the app-wide filters are on (a dialog
            # is placed on the screen by one of them, `journal.ui.common.fit.DialogFit`).
            after_first_paint(
                self,
                lambda: self.show_restore(
                    self.lock_screen.unlock_page.chosen_folder(), locked=self.lock_notice
                ),
            )

    def show_damage_page(self) -> None:
        """The lock screen's damage page for the journal chosen there, after a lock for
        damage (`lock_for_damage`), saying the lock's notice."""
        from journal.errors import JournalDamaged

        self.lock_screen.show_damage(JournalDamaged(), said=self.lock_notice or DAMAGED_WHILE_OPEN)

    def _damage_found(self) -> None:
        """A damaged file was told somewhere (`damage_reports`): lock for it."""
        if not self._damage_lock:
            self.lock_for_damage()

    def _lock_when_idle(self) -> None:
        """The idle time set in Settings has passed: lock, and say so on the lock screen
        (a person who paused to think otherwise heard the field change under them)."""
        self._idle_lock = True
        try:
            self.lock()
        finally:
            self._idle_lock = False

    def lock_here(self) -> None:
        """Finish a lock in this process: the process was to be replaced
        (`replaces_process`) but could not be (`hard_lock` logged why), so the views
        are taken apart and the lock screen shown and its notice said here."""
        self._forget_views()
        self.show_lock_screen()
        self.lock_cover.uncover()
        if self.lock_notice:
            self.show_lock_notice(self.lock_notice)

    def show_lock_notice(self, notice: str, *, say: bool = True, heard: bool = True) -> None:
        """Say ``notice`` (why Solace locked itself, or what happened to the words at the
        last lock) on the lock screen; it is handed to the process that replaces this
        one (`hard_lock`). The idle notice is a calm status, any other an error.
        Without ``say``: only kept to hand over, for the process that replaces this
        one says it (`replaces_process`). Without ``heard``: shown, not announced, for
        the Restore dialog that opens over it at once says it after its own words
        (`show_restore`)."""
        self.lock_notice = notice
        if tells_not_made(notice):  # seen here: not said again after the unlock
            self.backup_not_made_told = True
        if not say:
            return
        # A backup copy not made, and keys not used while locking, are said calmly.
        said = without_not_made(notice).removesuffix(f" {KEYS_WHILE_LOCKING}")
        said = said.split(f" {_NOT_ADDED_START}")[0].removesuffix(f" {TYPING_KEPT}")
        calm = (  # nothing wrong
            is_idle_notice(said) or said.endswith(STAYED_LOCKED) or said == LOCKED_SAVED
        )
        kind = "status" if calm else "error"
        # Words held in memory only are said until they are safe, whatever comes between.
        self.lock_screen.unlock_page.show_notice(
            notice, kind, lasting=said == DRAFTS_HELD, heard=heard
        )

    def _held_words_kept(self) -> None:
        """The words held in memory are now in the sealed file beside the journal."""
        if self.is_locked:
            self.show_lock_notice(HELD_NOW_KEPT)

    def _keep_unsaved_work(self, journal: OpenJournal) -> tuple[str, bool]:
        """Save every area's pending work; seal what cannot be saved, and what was typed
        into open dialogs (see `dialog_drafts`). Returns a notice for the lock screen
        (words that could not be saved), or "", and whether words typed in a dialog or
        held back by an area (`Area.held_back`) were sealed for the next unlock."""
        unsaved: dict[str, str] = {}
        failed: BaseException | None = None  # what refused the first save that failed
        kept = [
            found
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QDialog)
            and widget.isVisible()
            and (found := capture(widget)) is not None
        ]
        if self.after_lock == "restore":
            # The lock a restore asked for closes Settings on purpose: a dialog holding
            # nothing typed and no outcome has nothing to give back, and sealed it was
            # said at the next unlock as "closed and nothing in it was saved", after
            # the restore, in a later session (break test 16 of session 20, M2).
            kept = [k for k in kept if k.values or k.passphrase_typed or k.outcome]
        if kept:
            unsaved[DIALOGS_DRAFT] = to_text(kept)
        typing = any(k.values for k in kept)  # sealed for the unlock, not saved
        for area in self.areas:
            if not self._wanted(area):
                continue
            try:
                area.save_pending()
            except Exception as error:  # kept sealed below, never lost
                log.error("saving before locking failed: %s", type(error).__name__)
                draft = area.pending_draft()
                if draft:
                    unsaved[area.area_id] = draft
                    failed = failed or error
            kept_back = area.held_back()
            if kept_back:
                unsaved[area.area_id] = kept_back
                typing = True
        if not unsaved:
            self._forget_resolved_drafts(journal)
            return "", False
        # Named before the sealed file is tried: when it cannot be written either, the
        # lock tries it again once the database has closed, and then says this cause.
        self._refused_by = refusal_cause(failed)
        held = journal.keep_drafts(unsaved)
        if held is not None:
            self.held_words.hold(journal.folder, held)
            return DRAFTS_HELD, typing
        return (drafts_kept(self._refused_by) if failed else ""), typing

    def _forget_resolved_drafts(self, journal: OpenJournal) -> None:
        """Every area saved its work at this lock: drafts sealed at an earlier lock that
        could not be saved then (put back at the unlock and saved since, or changed and
        saved) are done with, and go. Left, they would come back at every unlock over
        the words saved since (break test 9 of session 12, finding 8). Kept only when
        they hold a draft of an area this journal does not show now (a body log turned
        off), which nothing here has saved."""
        held = self.held_words.sealed_for(journal.folder)
        hidden = [area.area_id for area in self.areas if not self._wanted(area)]
        if hidden:
            try:
                sealed = journal.sealed_drafts(held)
            except SealedDraftsUnreadable:
                sealed = {}
            if any(area_id in sealed for area_id in hidden):
                return
        try:
            journal.forget_sealed_drafts()
        except OSError as error:  # tried again at the next lock
            log.error("sealed drafts not removed: %s", type(error).__name__)
            return
        if held is not None:
            self.held_words.release()

    def _restore_drafts(self, journal: OpenJournal) -> bool:
        """Put back drafts sealed at an earlier lock, then save them for good. Returns
        whether an area's words came back (a save could not write them); a dialog's,
        sealed at every lock it was open at, do not count."""
        held = self.held_words.sealed_for(journal.folder)
        try:
            found = journal.sealed_drafts(held)
        except SealedDraftsUnreadable as error:  # never dropped in silence
            self.held_words.release()
            told = error.message
            QTimer.singleShot(0, lambda: self._give_back_dialogs([], [told]))
            return False
        if not found:
            return False
        dialogs = from_text(found.pop(DIALOGS_DRAFT, "[]"))
        words_back = bool(found)
        for area in self.areas:
            if area.area_id in found:
                area.restore_draft(found[area.area_id])
        notes = [
            f"What you were writing in {area.title} when Solace last locked or closed is "
            "back there; nothing was kept or shared on your behalf."
            for area in self.areas
            if area.area_id in found and area.held_back()
        ]
        if dialogs or notes:  # once the window shows the journal
            QTimer.singleShot(0, lambda: self._give_back_dialogs(dialogs, notes))
        try:
            for area in self.areas:
                area.save_pending()
        except Exception as error:  # still sealed; tried again at next lock
            log.error("restored drafts not saved yet: %s", type(error).__name__)
            return words_back
        journal.forget_sealed_drafts()
        self.held_words.release()
        return words_back

    def _give_back_dialogs(self, kept: list[KeptDialog], notes: list[str]) -> None:
        """Open again each dialog that was open at the last lock, with what was typed in
        it and a line saying so; say in the status bar ``notes`` and which dialogs
        cannot come back."""
        from journal.ui.common.accessibility import Message

        closed: list[KeptDialog] = []
        for item in kept:
            area_id, _, what = item.reopen.partition("/")
            area = self.area(area_id) if item.reopen and not self.is_locked else None
            dialog: QDialog | None = None
            try:
                if item.reopen == SETTINGS_REOPEN and not self.is_locked:
                    self.show_settings()
                    dialog = self.settings_dialog
                elif area is not None and self._wanted(area):
                    self.show_area(area)  # over the page it was opened from
                    dialog = area.reopen_dialog(what)
            except Exception as error:  # named below instead, never raised
                log.error("opening a dialog again failed: %s", type(error).__name__)
            if dialog is None:
                closed.append(item)
                continue
            give_back(dialog, item)
            layout = dialog.layout()
            if isinstance(layout, QBoxLayout):
                note = Message("Why this window is open", style="notice")
                layout.insertWidget(0, note)
                note.setText(_given_back_text(item))  # shown and announced
        text = " ".join([*notes, *_closed_texts(closed)])
        if text:
            self.tell(text)

    def _close_other_windows(self) -> None:
        """Close and destroy every other window and dialog, shown or hidden.

        A popup of this window's own widgets (the menu bar's menus and submenus, a
        combo box's list, a completer's list) is a top-level widget too, but a part
        of this window, not another one: it is only closed. Destroying it took the
        menus off the menu bar for the rest of the process (seen after a lock that
        kept unsaved words, where the process is not replaced); the popups of the
        areas and dialogs go with them."""
        for widget in QApplication.topLevelWidgets():
            if widget is self:
                continue
            widget.setProperty(CLOSED_BY_LOCK, True)
            if self._own_popup(widget):
                widget.close()
                continue
            try:
                widget.close()
            except Exception as error:  # destroyed regardless
                log.error("closing a window failed: %s", type(error).__name__)
            widget.deleteLater()

    def _own_popup(self, widget: QWidget) -> bool:
        """Whether ``widget`` is a popup (menu, list) of a widget inside this window."""
        if widget.windowType() != Qt.WindowType.Popup:
            return False
        owner = widget.parentWidget()
        while owner is not None and owner is not self:
            owner = owner.parentWidget()
        return owner is self

    def _forget_views(self) -> None:
        self._close_other_windows()
        self.notices.clear()  # with the journal's screens (a note may name a folder)
        for area in self.areas:
            try:
                area.clear()
            except Exception as error:  # destroyed below regardless
                log.error("clearing an area failed: %s", type(error).__name__)
        while (page := self.pages.widget(0)) is not None:
            self.pages.removeWidget(page)
            page.hide()
            page.deleteLater()
        for action_id, action in list(self.action_by_id.items()):
            owner = action.parent()
            if isinstance(owner, QWidget) and any(a.isAncestorOf(owner) for a in self.areas):
                del self.action_by_id[action_id]  # rebuilt with the areas
        self.areas = []
        self.navigation.clear()

    @property
    def holds_sealed_drafts(self) -> bool:
        """Whether words that could not be written anywhere wait here, sealed with the
        journal's key, for the next unlock (see `HeldWords`)."""
        return self.held_words.held is not None

    @property
    def held_drafts(self) -> tuple[Path, bytes] | None:
        """The held sealed words: (journal folder, sealed bytes), or None."""
        return self.held_words.held

    def hold_drafts(self, folder: Path, sealed: bytes) -> None:
        """Hold ``sealed`` words of the journal in ``folder`` (handed over by the
        process this one replaced) until they can be written or are restored."""
        self.held_words.hold(folder, sealed)

    @property
    def is_locked(self) -> bool:
        return self.journal is None

    def _screen_locked(self) -> None:
        if self.settings.get(LOCK_ON_SCREEN_LOCK) or self.journal is None:
            self.lock()

    # preferences -------------------------------------------------------------------
    def _choose(self, action_id: ActionId) -> None:
        """A View menu choice (theme, text size): applied, and said, since nothing but
        the look changes ("Text size: 200 %", "Theme: Dark")."""
        spec = ACTIONS[action_id]
        assert spec.choice is not None
        setting, value = spec.choice
        self.settings.set(setting, value)
        what = "Text size" if setting == FONT_SCALE else "Theme"
        chosen = spec.text.replace("&", "")
        announce(self, f"{what}: {chosen[:1].upper()}{chosen[1:]}")

    def _step_text_size(self, step: int) -> None:
        """View > Text size > Larger (``step`` 1) or Smaller (-1): the next size of
        `TEXT_SIZES` that way, said; at the end of the range it stays and says so."""
        now = self.settings.get(FONT_SCALE)
        sizes = TEXT_SIZES if step > 0 else TEXT_SIZES[::-1]
        wanted = next((s for s in sizes if (s - now) * step > 0), None)
        if wanted is None:
            end = "largest" if step > 0 else "smallest"
            announce(self, f"Text size: {now} %, the {end} there is")
            return
        self.settings.set(FONT_SCALE, wanted)
        announce(self, f"Text size: {wanted} %")

    def _switch_theme(self) -> None:
        """View > Theme > Switch light and dark: light if Solace is drawn dark now
        (chosen, or the desktop's while following it), else dark; said."""
        dark = is_dark(ThemeSetting(self.settings.get(THEME)))
        theme = ThemeSetting.LIGHT if dark else ThemeSetting.DARK
        self.settings.set(THEME, theme.value)
        announce(self, f"Theme: {'Light' if dark else 'Dark'}")

    def _setting_changed(self, setting: Setting[Any]) -> None:
        """Every open view follows a changed preference at once, without a restart."""
        if setting in (THEME, FONT_SCALE):
            self._apply_theme()
            self._check_choices()
        elif setting == IDLE_LOCK_MINUTES:
            self._restart_idle_timer()
        if not self.is_locked:
            for area in self.areas:
                if self._wanted(area):
                    area.setting_changed(setting)

    def _apply_theme(self, indicators: bool = True) -> None:
        """The theme and text size of the settings, on the whole app (`apply_theme`;
        ``indicators`` False: without `IndicatorStyle` yet, at start-up)."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme = ThemeSetting(self.settings.get(THEME))
            apply_theme(app, theme, self.settings.get(FONT_SCALE), indicators=indicators)

    def _restart_idle_timer(self) -> None:
        self.idle.set_interval_ms(self.settings.get(IDLE_LOCK_MINUTES) * 60_000)

    def show_settings(self) -> None:
        """Open Settings (window-modal, without blocking); what it saves is followed at
        once through `Settings.changed`."""
        from journal.ui.shell.settings_dialog import SETTINGS_SAVED, SettingsDialog

        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return
        dialog = SettingsDialog(self.settings, self, None if self.is_locked else self.body_log_on)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Said once the focus is back in the window (`say_briefly` waits for it).
        dialog.accepted.connect(lambda: self.say_briefly(SETTINGS_SAVED))
        dialog.security_action.connect(self._security_action)
        dialog.body_log_chosen.connect(self.set_body_log)
        if self.journal is not None:
            from journal.ui.safekeeping.backup import BackupsPanel

            panel = BackupsPanel(self.journal, dialog, self.save_every_area)
            # Queued: the lock runs once the question's answer is done, not inside it
            # (the lock delivers what was typed meanwhile, and the dialogs it closed go
            # with it: `KeysHeld.drop_queued`).
            panel.restore_requested.connect(
                self._restore_from_settings, Qt.ConnectionType.QueuedConnection
            )
            panel.imported.connect(self._reload_areas)
            dialog.add_section(panel)
        dialog.finished.connect(lambda _result: setattr(self, "settings_dialog", None))
        reopenable(dialog, SETTINGS_REOPEN)
        self.settings_dialog = dialog
        self._refresh_key_status()
        dialog.open()

    # safekeeping --------------------------------------------------------------------
    def _reload_areas(self) -> None:
        """After an import: every area shows the journal afresh, with what it holds back
        (`Area.held_back`: words typed and never kept on the person's behalf) put back
        as after a lock. A reload is a `clear`, which let go of Together's responses
        kept from the last lock and an idea typed in the Library (re-test 53, R1)."""
        journal = self.journal
        if journal is None:
            return
        context = AppContext(journal, self.settings, self.open_link)
        for area in self.areas:
            area.save_pending()
            held = area.held_back()
            area.reload(context)
            if held is not None:
                area.restore_draft(held)

    def save_every_area(self) -> bool:
        """Save the words typed in every area now, as a lock does (before a backup file
        is written or an export made, so it holds them). False when some could not be
        written: they stay in their area, which says why ("Not saved yet: the disk is
        full…")."""
        saved = True
        for area in self.areas:
            if not self._wanted(area):
                continue
            try:
                area.save_pending()
            except Exception as error:  # the area said why and keeps the words
                log.error("saving before a backup failed: %s", type(error).__name__)
                saved = False
        return saved

    def back_up(self) -> None:
        """File > Back up…: a backup file where the person chooses, in the background."""
        from journal.ui.safekeeping.backup import back_up_in_background, choose_backup_file

        journal = self.journal
        if journal is None:
            return

        def write(target: Path) -> None:
            self.statusBar().showMessage("Backing up…")
            unsaved = not self.save_every_area()
            self._backup_task = back_up_in_background(
                journal, target, self._backed_up, owner=self, unsaved=unsaved
            )

        choose_backup_file(self, journal, write, self.tell)

    def show_export(self) -> None:
        from journal.ui.safekeeping.backup import exported_words
        from journal.ui.safekeeping.export_dialog import ExportDialog

        if self.journal is None:
            return
        unsaved = not self.save_every_area()  # the export holds what was just typed
        dialog = ExportDialog(self.journal, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda folder: self.tell(exported_words(folder, unsaved)))
        dialog.open()

    def show_import(self) -> None:
        from journal.ui.safekeeping.import_dialog import ImportDialog

        if self.journal is None:
            return
        dialog = ImportDialog(self.journal, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self.tell)
        dialog.imported.connect(lambda _text: self._reload_areas())
        dialog.open()

    def _restore_from_settings(self) -> None:
        """Restore from Settings: lock first (saving every draft), then the restore
        dialog opens over the lock screen for this journal."""
        journal = self.journal
        if journal is not None:
            folder = journal.folder
            # After a hard lock the fresh process opens the dialog (see journal.app).
            self.after_lock = "restore"
            self.lock()
            self.after_lock = ""
            QTimer.singleShot(0, lambda: self.show_restore(folder, locked=self.lock_notice))

    def show_restore(
        self,
        folder: Path | None,
        problem: str = "",
        rescue_offered: bool = False,
        *,
        before: Callable[[], bool] | None = None,
        locked: str = "",
    ) -> None:
        """The restore dialog for ``folder`` (None: a backup file only), over damage
        found at unlock (``problem``, with Rescue what can be read… offered beside it
        when ``rescue_offered``); ``before`` runs just before the restore starts;
        ``locked`` is the lock screen's note of the lock that opened it (Settings'
        Restore…), shown and said in the dialog after what restoring does."""
        from journal.ui.safekeeping.restore_dialog import RestoreDialog

        dialog = RestoreDialog(
            self.lock_screen.store,
            folder,
            self,
            before=before,
            problem=problem,
            rescue_offered=rescue_offered,
            locked=locked,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self._open_restored)
        dialog.finished.connect(lambda _result: setattr(self, "restore_dialog", None))
        dialog.rejected.connect(self.lock_screen.dialog_closed)
        dialog.passphrase.textChanged.connect(self.lock_screen.note_secret)
        self.restore_dialog = dialog
        self._locked_while_working = False
        dialog.open()

    def _open_restored(self, journal: OpenJournal, words: str) -> None:
        """Open the journal a restore brought back, with a note of what was restored;
        or, when a lock was asked for while it ran, keep it locked and say so (break
        test 16 of the eighth session, finding 0: Ctrl+L during a restore did nothing,
        and the journal opened on screen seconds later)."""
        if self._stays_locked(journal, f"{words} {STAYED_LOCKED}"):
            return
        self.tell(words)  # kept until read: seen once the journal is open
        if journal.opened_with_recovery_key:  # a new passphrase offered, not required
            self.lock_screen.choose_new_passphrase(journal, restored=True)
            return
        self.open_journal(journal)

    def _show_rescued(self, result: Any, summary: str) -> None:
        """Show the rescued journal's recovery key on the lock screen, then open it; or,
        when a lock was asked for while the rescue ran, keep it locked: its key, never
        confirmed, is shown at its first unlock instead."""
        if self._stays_locked(result.journal, f"{summary} {STAYED_LOCKED}"):
            return
        self.lock_screen.show_rescued(result.journal, result.recovery_key, summary)

    def _stays_locked(self, journal: OpenJournal, notice: str) -> bool:
        """Whether a lock came while the work that opened ``journal`` ran. If so the
        journal is locked (its key forgotten), the lock is done now as it was asked
        (what was typed wiped, the process replaced when a secret was typed) and the
        lock screen says ``notice``."""
        if not self._locked_while_working:
            return False
        self._locked_while_working = False
        # The lock screen shows this journal, whose passphrase the notice asks for.
        self.lock_screen.remember(journal)
        journal.lock()
        self.lock_notice = notice  # carried over when the lock replaces the process
        self.lock()
        self.show_lock_notice(notice)
        return True

    def show_rescue(self, folder: Path | None) -> None:
        """The rescue dialog for the damaged journal in ``folder``; the new journal it
        makes shows its recovery key on the lock screen, then opens."""
        from journal.ui.safekeeping.rescue_dialog import RescueDialog

        if folder is None:
            return
        store = self.lock_screen.store
        name = next((j.name for j in store.journals() if j.folder == folder), folder.name)
        held = self.held_words.sealed_for(folder)  # words only in memory come along too
        dialog = RescueDialog(store, folder, name, self, self.lock_screen.kdf, held)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.rescued.connect(self._show_rescued)
        dialog.finished.connect(lambda _result: setattr(self, "rescue_dialog", None))
        dialog.rejected.connect(self.lock_screen.dialog_closed)
        for field in (dialog.passphrase, dialog.new_passphrase.first, dialog.new_passphrase.second):
            field.textChanged.connect(self.lock_screen.note_secret)
        unlock = self.lock_screen.unlock_page
        if unlock.chosen_folder() == folder:  # the passphrase the damage was met with
            dialog.fill_passphrase(unlock.passphrase.text())
        self.rescue_dialog = dialog
        self._locked_while_working = False
        dialog.open()

    def _security_action(self, action: SecurityAction) -> None:
        """Run a key action from Settings (its dialog, then a new recovery key's); the
        backups line in Settings is read afresh after it, since a rotation replaces
        the snapshots (break test 14 of session 7, finding 2)."""
        try:
            self._run_security_action(action)
        finally:
            self._refresh_backup_status()
            self._refresh_key_status()

    def _refresh_key_status(self) -> None:
        """Settings' word on the recovery key, read again from the journal's key file
        (if Settings is open on an unlocked journal)."""
        dialog, journal = self.settings_dialog, self.journal
        if journal is None or dialog is None or not shiboken6.isValid(dialog):
            return
        header = journal.header
        dialog.show_recovery_key(header.recovery_slot(header.current_generation) is not None)

    def _stop_backup_checks(self) -> None:
        """At lock: Settings' check of the kept backups (a worker with a copy of the key)
        stops, and the lock waits until it has wiped that copy (after the backup it is
        reading), so no worker holds the key of a locked journal."""
        from journal.ui.safekeeping.backup import BackupsPanel

        dialog = self.settings_dialog
        if dialog is None or not shiboken6.isValid(dialog):
            return
        for panel in dialog.findChildren(BackupsPanel):
            panel.stop_checking()

    def _refresh_backup_status(self) -> None:
        """Settings' "Newest backup" line, read again from the disk (if it is open)."""
        from journal.ui.safekeeping.backup import BackupsPanel

        dialog = self.settings_dialog
        if self.journal is None or dialog is None or not shiboken6.isValid(dialog):
            return
        for panel in dialog.findChildren(BackupsPanel):
            panel.refresh()

    def _run_security_action(self, action: SecurityAction) -> None:
        from journal.ui.lock.recovery_key_dialog import RecoveryKeyDialog
        from journal.ui.lock.security_dialogs import CHANGE_IN_FORCE, SecurityAction

        if self.journal is None:
            return
        dialog = action.dialog(self.journal, self)
        accepted = dialog.exec()
        self._refresh_backup_status()  # shown behind the new key already
        if accepted and action is SecurityAction.CHANGE_PASSPHRASE:
            # A change of the lock is confirmed, on screen and heard (it closed silently).
            self.say_briefly(CHANGE_IN_FORCE)
        if accepted and isinstance(dialog.result_value, str) and self.journal is not None:
            shown = RecoveryKeyDialog(dialog.result_value, self.journal.info.name, self)
            try:  # on screen from here: no longer "never shown" at the next unlock
                self.journal.recovery_key_shown()
            except OSError as error:
                log.error("noting the recovery key shown: %s", type(error).__name__)
            # Confirmed only once the person ticks "written down" and continues; closed
            # without that ("Close anyway"), the key stops opening the journal at once,
            # as the question said, and the next unlock shows a new one and says why.
            confirmed = shown.exec()
            if self.journal is None:  # closed by a lock, which withdrew it
                return
            if not confirmed:
                withdraw_unconfirmed_key(self.journal)
                return
            try:
                self.journal.confirm_recovery_key()
            except Exception as error:  # asked again at next unlock
                log.error("confirming the recovery key: %s", type(error).__name__)

    def changeEvent(self, event: QEvent) -> None:
        """Back to the window (after a screen lock, say) with the lock screen showing and
        no field focused: the focus goes where the person starts (the passphrase). Back
        from a dialog opened on the lock screen ("Remove a journal…"), the control that
        opened it, which the window keeps, gets the focus back from Qt: it is left
        there (Escape put the focus in "Passphrase": break test 15 of session 12, 11b).
        Back while a lock is still under way (a dialog it closed), the focus goes to
        the cover saying "Locking…": the lock screen is not shown yet, and the passphrase,
        hidden still, was heard first, then "Areas" (break test 15 of session 29); the
        entry under the cover would be read aloud."""
        super().changeEvent(event)
        if not (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self.is_locked
            and QApplication.focusWidget() is None
        ):
            return
        kept = self.focusWidget()
        if not self.lock_screen.isVisible():
            if self.lock_cover.isVisible():
                self.lock_cover.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        elif not (kept is not None and kept.isVisible() and self.lock_screen.isAncestorOf(kept)):
            self.lock_screen.focus_start()

    def _unconfirmed_key_shown(self) -> bool:
        """Whether the lock screen shows a recovery key not yet confirmed as written
        down (a journal just made, or a key replaced at unlock)."""
        return self.lock_screen.shows_unconfirmed_key()

    def _may_leave_key(self) -> bool:
        """Ask before quitting over a recovery key not yet confirmed (the rule of its
        disabled Continue, and of `RecoveryKeyDialog`); True to quit anyway."""
        from journal.ui.common.confirm import Question
        from journal.ui.lock.recovery_key_dialog import (
            GO_BACK,
            QUIT_DETAIL,
            QUIT_QUESTION,
            QUIT_TITLE,
        )

        question = Question(self, QUIT_QUESTION, QUIT_DETAIL, "Quit anyway", QUIT_TITLE, GO_BACK)
        question.setWindowModality(Qt.WindowModality.ApplicationModal)
        answer: list[bool] = []
        question.said_yes.connect(lambda: answer.append(True))
        question.exec()
        return bool(answer)

    def quit(self) -> None:
        """File > Quit (Ctrl+Q): close, after asking when a recovery key not yet
        confirmed is on screen."""
        if self._unconfirmed_key_shown() and not self._may_leave_key():
            return
        self._person_quits = True
        try:
            self.close()
        finally:
            self._person_quits = False

    def closeEvent(self, event: QCloseEvent) -> None:
        """Lock, then close; while words that could not be written anywhere are held in
        memory, first ask (`HeldWords.may_quit`): quitting would lose them. The
        window's close button over a recovery key not yet confirmed asks first too.

        The lock on the way out saves everything and forgets the journal, its engine
        and its key as every lock does, but leaves the areas' widgets whole: the process
        ends once the window has closed (`journal.app.exit_without_teardown`), and
        taking thousands of widgets apart one by one was most of the time from the
        close to the exit (issue 12: quit about 10x a bare window's). When the person
        keeps the window open instead, the views are forgotten then, as at any lock."""
        if event.spontaneous() and self._unconfirmed_key_shown() and not self._may_leave_key():
            event.ignore()
            return
        self.closing = True  # a lock on the way out, not one to restart after
        was_open = self.journal is not None
        self.lock()
        self.clipboard_guard.clear()
        if self.held_words.held is None:
            if event.spontaneous() or self._person_quits:
                self._tell_words_sealed_on_the_way_out()
            event.accept()
            return
        if was_open:  # asked over the lock screen, the views forgotten, as at any lock
            self._forget_views()
            self.show_lock_screen()
            if self.lock_notice:
                self.show_lock_notice(self.lock_notice)
        if not self.held_words.may_quit():
            self.closing = False
            event.ignore()
            self.locked.emit()  # the hard lock skipped on the way out, now
            return
        event.accept()

    def _tell_words_sealed_on_the_way_out(self) -> None:
        """Quitting after a lock that sealed words beside the journal (its saves failed:
        a full disk): say so before the window goes, in the lock's own words, with one
        button. The process ends with the window, so the lock screen's notice was never
        seen, and a person quitting on a full disk took the words for lost or saved
        (break test 16c of session 26, finding 2)."""
        kept = drafts_kept(self._refused_by)
        if kept not in self.lock_notice:
            return
        box = QMessageBox(QMessageBox.Icon.Information, "Solace", SEALED_ON_QUIT, parent=self)
        box.setInformativeText(kept)
        box.setAccessibleName(SEALED_ON_QUIT)
        box.setAccessibleDescription(kept)
        close = box.addButton(CLOSE_SOLACE, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(close)
        box.setEscapeButton(close)
        box.exec()
        box.deleteLater()

    def bring_forward(self) -> None:
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
