"""The screens before a journal is open: welcome, create, recovery key, unlock.

Key derivation runs on the thread pool; the form shows a quiet busy line and stays
responsive. Every failure is one kind sentence, and nothing on disk changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from journal.errors import JournalDamaged
from journal.settings import LAST_JOURNAL, Settings
from journal.storage.lock.keys import DEFAULT_KDF, KdfParams
from journal.storage.lock.names import NameInUse, refuse_taken
from journal.storage.lock.store import JournalStore
from journal.ui.common.accessibility import Politeness, announce
from journal.ui.common.keys_held import KEYS_WHILE_CHECKED, KeysHeld
from journal.ui.common.messages import user_message
from journal.ui.common.page_focus import focus_placed_on_show
from journal.ui.common.stacks import CurrentPageStack
from journal.ui.common.undo_steps import empty
from journal.ui.common.workers import Task, run_in_background
from journal.ui.lock.card_column import CardColumn
from journal.ui.lock.pages import (
    Card,
    CreatePage,
    NewPassphrasePage,
    RecoveryKeyPage,
    RecoveryUnlockPage,
    UnlockPage,
    WelcomePage,
)

OFFER_RESTORE = (
    "Rescue what can be read… copies everything that can still be read, your latest "
    "words too, into a new journal, and leaves these files as they are. Restore a "
    "backup… puts a backup in their place and keeps these files aside: what was "
    "written after that backup is not in it."
)


#: Between the paragraphs of a long message (plain text: a blank line).
PARAGRAPH = "\n\n"


def backup_words(folder: Path | None) -> str:
    """What the damage page says of the newest good backup of the journal in ``folder``
    (`newest_good.newest_good_backup`): when it was taken, and that what was written
    after it is only in Rescue what can be read… (break test 16 of session 15, finding
    6: Restore dropped the newest entry with nothing said); "" without a folder."""
    if folder is None:
        return ""
    from journal.storage.safekeeping.newest_good import newest_good_backup
    from journal.ui.common.local_time import say_moment

    newest = newest_good_backup(folder)
    if newest is None:
        return (
            "No backup of this journal is kept on this computer, so Rescue what can be "
            "read… is the way back to its words."
        )
    when = say_moment(newest.taken_at, seconds=True)  # as the Restore list names it
    return (
        f"The newest backup is from {when}: anything written after it is only in Rescue "
        "what can be read… (it keeps that too)."
    )


def words_waiting(rescuable: bool) -> str:
    """Said after the damage found at unlock when words sealed at a lock wait for this
    journal (beside it or in memory): what brings them back (break test 16 of session
    13, finding 3: nothing said they were there, and a rescue left them behind)."""
    brings = (
        "Restore a backup… or Rescue what can be read… brings them back"
        if rescuable
        else "Restore a backup… brings them back"
    )
    return f"Words you had not saved yet are waiting, kept encrypted, with this journal: {brings}."


def keys_not_used(waiting: bool) -> str:
    """Said once, after she stops typing, when keys pressed as the damage page appeared
    were dropped (`KeysHeld.hold_until_quiet`): they pressed none of its buttons, and
    (``waiting``: words sealed at the lock wait with the journal) the words written
    before the lock are kept aside, as the page says (issue 16: a Space still typed
    pressed "Rescue what can be read…" and the rest of the sentence went into its
    passphrase field)."""
    said = "Keys pressed as this page appeared were not used: they pressed none of its buttons."
    if waiting:
        said += " What you wrote before the lock is kept aside, as said above."
    return said


#: Said for Unlock with an empty field (nothing is tried, so nothing "did not open").
NOTHING_TYPED = "Please type your passphrase."
NO_KEY_TYPED = "Please type the recovery key you wrote down."
NEW_PASSPHRASE_SAVED = "Your new passphrase is saved: it opens this journal from now on."  # noqa: S105 (words, not a secret)

if TYPE_CHECKING:
    from datetime import date

    from journal.storage.lock.journal import OpenJournal

#: Said under the page when Cancel stops an unlock (`LockScreen.cancel`).
STOPPED = "Stopped. Your journal was not opened."
log = logging.getLogger(__name__)
PageT = TypeVar("PageT", bound=Card)


def _close_journals_in(result: object) -> None:
    """Lock any journal in a background result that arrived after a lock trigger."""
    from journal.storage.lock.journal import OpenJournal

    found = result if isinstance(result, tuple) else (result,)
    for item in found:
        if isinstance(item, OpenJournal) and item.is_open:
            item.lock()


def withdraw_unconfirmed_key(journal: OpenJournal) -> None:
    """A recovery key shown and not confirmed stops opening ``journal`` as it locks or
    its window closes (`OpenJournal.withdraw_unconfirmed_recovery_key`); a write that
    fails is logged (the key is then replaced at the next unlock, as after a crash)."""
    try:
        journal.withdraw_unconfirmed_recovery_key()
    except Exception as error:  # the lock goes on regardless
        log.error("withdrawing an unconfirmed recovery key: %s", type(error).__name__)


def _today() -> date:
    """Today in the local time zone (`journal.ui.common.local_time.today_local`), for a
    recovery key's caption; imported here, not at the top, because time zones are no
    part of the lock screen's first paint (issue 12)."""
    from journal.ui.common.local_time import today_local

    return today_local()


class LockScreen(CurrentPageStack):
    """Everything before the main window; emits `unlocked` with an open journal."""

    unlocked = Signal(object)
    opening = Signal()  # key derivation has started: a good moment to build the areas
    prepared = Signal()  # the storage stack has loaded in the background, checks passed
    # "Restore a backup…": the journal folder (or None), damage found at unlock ("") and
    # whether Rescue what can be read… is offered beside it (`show_damage`)
    restore_requested = Signal(object, str, bool)
    # A secret (a passphrase, a recovery key) was typed or shown here for the first
    # time in this process: from now on a lock trigger replaces the process.
    touched = Signal()
    # "Rescue what can be read…": the damaged journal's folder
    rescue_requested = Signal(object)

    def __init__(
        self, store: JournalStore, settings: Settings, kdf: KdfParams = DEFAULT_KDF
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.kdf = kdf
        self._task: Task | None = None
        self._preload: Task | None = None
        self._pending: OpenJournal | None = None
        self._locks = 0  # lock triggers so far; work started before one is discarded
        # Keys typed while a journal opens, or while the damage page appears: dropped
        # where they would have been taken, and said once (`KeysHeld`).
        self.keys_held = KeysHeld(self)
        self.keys_held.released.connect(self._say_keys_not_used)
        self._damage_waiting = False  # the damage page shown says words wait
        self.damage = ""  # what the last unlock found wrong with the journal's files
        self.rescue_offered = False  # whether that damage leaves something to rescue
        # Whether words sealed at a lock are held in memory for the journal in a folder
        # (the window's `HeldWords`; the file beside a journal is looked for here).
        self.words_held: Callable[[Path], bool] = lambda _folder: False
        self.held_secrets = False  # see `touched`
        self.opened_note = ""  # see `take_opened_note`
        # Why key work cannot run here (a storage check failed, see
        # `prepare_in_background`); "" while all is well. Pages built later show it too.
        self._unusable = ""
        # Each page is built on first use (`_page`): the first paint needs one of them,
        # and building all six took a quarter of the cold start (issue 12).
        self._pages: dict[str, Card] = {}
        # The recovery key's "I have written it down" and Continue, for the window to
        # pin below the scrolling lock screen; shown with the key page only. The row is
        # filled when the key page is built.
        self.pinned = QWidget()
        self._pinned_row = QHBoxLayout(self.pinned)
        self._pinned_row.setContentsMargins(0, 4, 0, 8)
        self.pinned.hide()
        self.currentChanged.connect(
            lambda _index: self.pinned.setVisible(
                self._pages.get("key") is not None and self.currentWidget() is self.key_page
            )
        )
        self.show_start()

    # the pages, each built on first use ----------------------------------------
    @property
    def welcome_page(self) -> WelcomePage:
        """The first page, when there is no journal yet (built on first use)."""
        return self._page("welcome", WelcomePage, self._wire_welcome)

    @property
    def create_page(self) -> CreatePage:
        """Create a journal (built on first use)."""
        return self._page("create", CreatePage, self._wire_create)

    @property
    def key_page(self) -> RecoveryKeyPage:
        """A recovery key shown once (built on first use)."""
        return self._page("key", RecoveryKeyPage, self._wire_key)

    @property
    def unlock_page(self) -> UnlockPage:
        """Unlock: which journal and its passphrase (built on first use)."""
        return self._page("unlock", UnlockPage, self._wire_unlock)

    @property
    def recovery_page(self) -> RecoveryUnlockPage:
        """Unlock with the recovery key (built on first use)."""
        return self._page("recovery", RecoveryUnlockPage, self._wire_recovery)

    @property
    def new_passphrase_page(self) -> NewPassphrasePage:
        """A new passphrase after a recovery-key unlock (built on first use)."""
        return self._page("new_passphrase", NewPassphrasePage, self._wire_new_passphrase)

    def _page(self, name: str, build: Callable[[], PageT], wire: Callable[[PageT], None]) -> PageT:
        """The page called ``name``: built (``build``), added to the stack and connected
        (``wire``) the first time it is asked for, the same page after that."""
        found = self._pages.get(name)
        if found is not None:
            return cast("PageT", found)
        page = build()
        self._pages[name] = page
        self.addWidget(page)
        wire(page)
        if self._unusable:
            self._show_unusable(page)
        return page

    def _built(self, *names: str) -> list[Card]:
        """The pages among ``names`` built so far (one never built holds nothing)."""
        return [self._pages[name] for name in names if name in self._pages]

    def shows_unconfirmed_key(self) -> bool:
        """Whether a recovery key not yet confirmed as written down is on screen (a
        journal just made, or a key replaced at unlock)."""
        page = self._pages.get("key")
        return (
            isinstance(page, RecoveryKeyPage)
            and page.isVisible()
            and bool(page.key.text())
            and not page.confirm.isChecked()
        )

    def _wire_welcome(self, page: WelcomePage) -> None:
        page.create_button.clicked.connect(self.show_create)
        page.restore_button.clicked.connect(lambda: self.restore_requested.emit(None, "", False))

    def _wire_create(self, page: CreatePage) -> None:
        page.back_button.clicked.connect(self.show_start)
        page.create_button.clicked.connect(self._create)
        page.passphrase.first.textChanged.connect(self.note_secret)
        page.passphrase.second.textChanged.connect(self.note_secret)

    def _wire_key(self, page: RecoveryKeyPage) -> None:
        page.proceed.connect(self._finish_recovery_key)
        self._pinned_row.addWidget(page.take_pinned())
        CardColumn(page.card, self.pinned)  # in line with the card's contents
        if self.pinned.window() is page.window():  # pinned by a window (see `pinned`)
            page.order_tabs()

    def _wire_unlock(self, page: UnlockPage) -> None:
        page.unlock_button.clicked.connect(self._unlock)
        page.recovery_button.clicked.connect(self._show_recovery_page)
        page.create_button.clicked.connect(self.show_create)
        page.remove_button.clicked.connect(self._remove)
        page.restore_button.clicked.connect(
            lambda: self.restore_requested.emit(
                page.chosen_folder(), self.damage, self.rescue_offered
            )
        )
        page.rescue_button.clicked.connect(lambda: self.rescue_requested.emit(page.chosen_folder()))
        if page.cancel_button is not None:
            page.cancel_button.clicked.connect(self.cancel)
        page.passphrase.textChanged.connect(self.note_secret)

    def _wire_recovery(self, page: RecoveryUnlockPage) -> None:
        page.back_button.clicked.connect(self.show_start)
        page.unlock_button.clicked.connect(self._unlock_with_recovery)
        if page.cancel_button is not None:
            page.cancel_button.clicked.connect(self.cancel)
        page.key.textChanged.connect(self.note_secret)

    def _wire_new_passphrase(self, page: NewPassphrasePage) -> None:
        page.save_button.clicked.connect(self._save_new_passphrase)
        page.keep_button.clicked.connect(self._keep_passphrase)
        page.passphrase.first.textChanged.connect(self.note_secret)
        page.passphrase.second.textChanged.connect(self.note_secret)

    def remember(self, journal: OpenJournal) -> None:
        """Record ``journal`` (an `OpenJournal`, opened or about to be shown) as the one
        the lock screen preselects next (settings ``journals/last_id``). The one place
        that records it: every way a journal opens reaches `MainWindow.open_journal`,
        which calls it, so the journal just locked is the one chosen (break test 16 of
        session 18, R2: after a restore from the lock screen opened "Rowan (2)", the
        lock chose the other "Rowan"). A journal shown on this screen before it opens
        (its recovery key first; kept locked by a lock during its work) is recorded as
        it is shown, so a closed window still comes back to it."""
        self.settings.set(LAST_JOURNAL, journal.header.journal_id)

    def note_secret(self, text: str = "x") -> None:
        """Note that a secret has been in this process's memory (typed, or a key shown)."""
        if text and not self.held_secrets:
            self.held_secrets = True
            self.touched.emit()

    # navigation -------------------------------------------------------------
    def _go(self, page: Card) -> None:
        """Show ``page`` with one focus move, to where the person starts there: placed
        as the page is shown (`focus_placed_on_show`). Placed after it, the stacked
        layout first gave the focus back to the control the page last had: Escape from
        the recovery key page was heard on "Use recovery key…", then on the passphrase
        (issue 15, break test of session 25, F2)."""
        page.show_error("")
        with focus_placed_on_show(page, self.focus_start) as placing:
            self.setCurrentWidget(page)
        if not placing.done:  # shown already
            self.focus_start()

    def focus_start(self) -> None:
        """The focus where the person starts on the page shown (the passphrase on the
        unlock page), as after every lock."""
        page = self.currentWidget()
        focus: QWidget | None = None
        if isinstance(page, WelcomePage):
            focus = page.create_button
        elif isinstance(page, CreatePage):
            focus = page.name
        elif isinstance(page, UnlockPage):
            focus = page.first_control()
        elif isinstance(page, RecoveryUnlockPage):
            focus = page.key
        elif isinstance(page, NewPassphrasePage):
            focus = page.passphrase.first
        elif isinstance(page, RecoveryKeyPage):
            focus = page.key
        if focus is not None:
            focus.setFocus()

    def dialog_closed(self) -> None:
        """A dialog opened over the unlock page (Restore a backup…, Rescue what can be
        read…, Remove a journal…) was closed with nothing done: the focus goes to the
        passphrase field, what the person types next, never back to the link that opened
        it, where the space of a passphrase typed on pressed it and opened the dialog
        again (break test 16 of session 23). What it holds is selected, as after a
        refusal: a passphrase typed next replaces a wrong one left there, never adds to
        it (issue 15 break test of session 24, F1: "wrong words" then the right
        passphrase was refused)."""
        page = self.unlock_page
        if self.currentWidget() is page and page.passphrase.isEnabled():
            page.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
            page.passphrase.selectAll()

    def show_start(self) -> None:
        journals = self.store.journals()
        if not journals:
            self._go(self.welcome_page)
            return
        self.unlock_page.set_journals(journals, self.settings.get(LAST_JOURNAL))
        self.unlock_page.passphrase.clear()
        self.unlock_page.rescue_button.hide()
        self._go(self.unlock_page)

    def show_create(self) -> None:
        self.create_page.reset()
        self._go(self.create_page)

    def clear_secrets(self) -> None:
        """Forget anything typed or shown (called when the app locks); a page never
        built holds nothing."""
        for page in self._built("unlock", "recovery", "key", "create", "new_passphrase"):
            if isinstance(page, UnlockPage):
                page.passphrase.clear()
            elif isinstance(page, RecoveryUnlockPage):
                empty(page.key)
            elif isinstance(page, RecoveryKeyPage):
                page.forget()
            elif isinstance(page, (CreatePage, NewPassphrasePage)):
                page.passphrase.clear()

    @property
    def holds_journal(self) -> bool:
        """Whether a journal is open here, waiting on a last step (a recovery key to
        confirm, a new passphrase to choose)."""
        return self._pending is not None

    def lock(self) -> None:
        """Obey a lock trigger (screen lock, sleep, idle, Ctrl+L) on the lock screen.

        Wipes every passphrase and recovery key typed but not submitted; a journal
        waiting on a last step is locked again (a recovery key shown but not yet
        confirmed stops opening it, and a new one is shown at the next unlock); work
        already running for an unlock is discarded when it finishes. Then shows the
        start page. The copies Python and Qt keep of what was typed go only with the
        process: the main window replaces it when `held_secrets` is set (see
        `hard_lock`).
        """
        self._abandon_work()
        self._lock_pending()
        self.clear_secrets()
        self.show_start()

    def _lock_pending(self) -> None:
        """Lock a journal that waited on a last step here (its key is forgotten)."""
        journal, self._pending = self._pending, None
        if journal is not None:
            withdraw_unconfirmed_key(journal)
            try:
                journal.lock()
            except Exception as error:  # the key is forgotten regardless
                log.error("locking a waiting journal: %s", type(error).__name__)

    def cancel(self) -> None:
        """Cancel (shown while an unlock derives its key): stop waiting for it. Argon2id
        cannot be interrupted, so the work ends on its own thread (within seconds: the
        parameters a header may ask for are capped, see `keys.MAX_WORK_KIB`); what it
        opens then is locked at once. Stopping changes nothing on disk, but work already
        under way ends on its own (an update of the journal's file for this version, a
        snapshot first), so the words say only that nothing was opened: "nothing was
        changed" was said of a journal updated meanwhile (break test 41, finding 3)."""
        page = self.currentWidget()
        self._abandon_work()
        self._lock_pending()
        if isinstance(page, Card):
            page.show_error(STOPPED)
            self._focus_after_error(page)

    def _abandon_work(self) -> None:
        """Forget the key work under way: its result is discarded (a journal it opened
        is locked) when it arrives, and every page is ready for input again."""
        self._locks += 1
        self._task = None
        self.keys_held.hold(False)  # the work they were held for is gone, unsaid with it
        self.keys_held.take()
        for page in self._built("unlock", "recovery", "create", "new_passphrase"):
            page.set_busy(False)

    # background work ----------------------------------------------------------
    def _run(self, page: Card, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Key work on the thread pool; every such job ends in an open journal, so the
        main window may start building its areas meanwhile (`opening`). Work that a
        lock trigger or Cancel abandoned (see `_abandon_work`) changes nothing here when
        it ends."""
        page.show_error("")
        page.set_busy(True)
        # Held until the window says the journal has opened (`end_hold`, before
        # `MainWindow.opened`), or the work fails: never into the read-only passphrase
        # field (break test 15 of session 15, finding 1).
        self.keys_held.hold(True)
        self.damage = ""
        self.rescue_offered = False
        if "unlock" in self._pages:
            self.unlock_page.rescue_button.hide()

        started = self._locks

        def succeeded(result: Any) -> None:
            if self._locks != started:  # a lock trigger or Cancel came while this ran
                _close_journals_in(result)
                return
            self._task = None
            # Still busy while the journal opens (seconds for a large one, the window
            # unable to answer): the card shows it is working and takes no input.
            try:
                done(result)
            finally:
                page.set_busy(False)
                if self._task is None:  # no further step started (a new recovery key)
                    self.keys_held.hold(False)

        def failed(error: BaseException) -> None:
            if self._locks != started:
                log.info("abandoned key work ended with %s", type(error).__name__)
                return
            page.set_busy(False)
            self._task = None
            if isinstance(error, JournalDamaged) and isinstance(page, UnlockPage):
                self.show_damage(error)  # holds on until she stops typing, then says them
                return
            self.keys_held.hold(False)
            dropped = self.keys_held.take()
            if isinstance(page, CreatePage) and isinstance(error, NameInUse):
                page.refuse_name(user_message(error))  # taken meanwhile, by another Solace
                return
            message = user_message(error)
            page.show_error(f"{message} {KEYS_WHILE_CHECKED}" if dropped else message)
            self._focus_after_error(page)

        self._task = run_in_background(work, succeeded, failed, owner=self)
        self.opening.emit()

    def end_hold(self) -> int:
        """The journal has opened: stop dropping keys (each typed from now goes where the
        focus is, the words of an entry) and give how many were dropped while it opened
        (`KeysHeld`), for the window to say; 0 when none. Called before the window says
        it has opened (`MainWindow.opened`): the keys typed once it has are the
        person's words (test_process's full-disk lock types them right then)."""
        self.keys_held.hold(False)
        return self.keys_held.take()

    def _say_keys_not_used(self, _dropped: int) -> None:
        """Keys dropped as the damage page appeared (`show_damage`): said once, under
        the page's message and heard politely, after she stopped typing."""
        page = self.unlock_page
        if self.currentWidget() is not page or not page.error.text():
            return
        note = keys_not_used(self._damage_waiting)
        page.error.show_message(f"{page.error.text()}\n\n{note}", quietly=True)
        announce(page.error, note, Politeness.POLITE)

    def show_damage(self, error: JournalDamaged, said: str = "") -> None:
        """The unlock page's damage page for the journal chosen there: ``said`` (what
        was found; ``error``'s message by default), what can bring it back (Restore a
        backup…, and Rescue what can be read… where something can be read: break test
        16 of session 11, b), what each keeps and loses (`backup_words`), and whether
        unsaved words wait with it (`words_waiting`). The focus goes to Rescue what can
        be read… where it is offered: it changes nothing and keeps every word that can
        be read, the newest too, which a restore of an older backup would leave behind
        (break test 16 of session 15, finding 6); else to Restore a backup…."""
        page = self.unlock_page
        if self.currentWidget() is not page:
            self.setCurrentWidget(page)
        self.damage = error.message
        folder = page.chosen_folder()
        waiting = folder is not None and self._words_wait(folder)
        # Words sealed at a lock are rescued even from a file with no page left to read
        # (`rescue`): offered for them, never left behind with the file.
        rescuable = self.rescue_offered = error.rescuable or waiting
        page.rescue_button.setVisible(rescuable)
        # One short paragraph each: what was found, what each way back does, what the
        # newest backup holds, the words waiting. One block of twelve lines at 200 %
        # text was hard to follow (break test 16 of session 20, L5).
        paragraphs = [
            said or error.message,
            error.offer or OFFER_RESTORE,
            backup_words(folder) if error.rescuable else "",
            words_waiting(rescuable) if waiting else "",
        ]
        page.show_error(PARAGRAPH.join(filter(None, paragraphs)))
        self._damage_waiting = waiting
        # She may still be typing (a lock for damage came in the middle of a sentence, or
        # she typed on after the unlock's Enter): no key of it presses the button that
        # has the focus here, until she pauses (issue 16).
        self.keys_held.hold_until_quiet(self)
        (page.rescue_button if rescuable else page.restore_button).setFocus()

    def _words_wait(self, folder: Path) -> bool:
        """Whether words sealed at a lock wait for the journal in ``folder``."""
        from journal.storage.lock.drafts import read_sealed

        return self.words_held(folder) or read_sealed(folder) is not None

    def _focus_after_error(self, page: Card) -> None:
        if isinstance(page, UnlockPage):
            page.passphrase.selectAll()
            page.passphrase.setFocus()
        elif isinstance(page, RecoveryUnlockPage):
            page.key.setFocus()

    def prepare_in_background(self, also: Callable[[], object] | None = None) -> None:
        """Load the storage stack and the unlock's ciphers (`load_crypto`) and run the
        SQLCipher checks while the person types, then run ``also`` in the same background
        thread (the shell imports the areas' modules there: imports only, never a
        widget), and then do the first-use work of the ORM and the tz database.

        A failed check is shown at once and keeps Unlock and Create disabled.
        """

        def prepare() -> None:
            import journal.storage.lock.journal  # noqa: F401 (loads SQLAlchemy, SQLCipher)
            from journal.storage.lock.keys import load_crypto
            from journal.storage.lock.store import require_sqlcipher

            require_sqlcipher()
            load_crypto()
            if also is not None:
                also()
            from journal.domain.common.local_time import tz_database_names
            from journal.storage.database import set_up_models
            from journal.storage.safekeeping.backups import stamp_time

            # Work done once, on first use, which the unlock did on the GUI thread (issue
            # 12): the ORM's set-up of every model (about 6 ms here; the models are all
            # imported by now) and the tz database's list of zones (about 4 ms); and
            # reading a backup's time (strptime's module and pattern, 2.2 ms), which
            # every lock and quit did, to see whether a backup is due.
            set_up_models()
            tz_database_names()
            stamp_time("19700101T000000000000Z")

        def failed(error: BaseException) -> None:
            self._unusable = user_message(error)
            for page in self._built("unlock", "welcome", "create"):
                self._show_unusable(page)

        self._preload = run_in_background(
            prepare, lambda _: self.prepared.emit(), failed, owner=self
        )

    def _show_unusable(self, page: Card) -> None:
        """Say on ``page`` why no journal can be opened or made here (`_unusable`), and
        keep its Unlock and Create buttons disabled."""
        buttons: list[QPushButton] = []
        if isinstance(page, UnlockPage):
            buttons = [page.unlock_button, page.create_button]
        elif isinstance(page, (WelcomePage, CreatePage)):
            buttons = [page.create_button]
        else:
            return
        page.show_error(self._unusable)
        for button in buttons:
            button.setEnabled(False)

    @property
    def busy(self) -> bool:
        return self._task is not None

    # actions ----------------------------------------------------------------
    def _create(self) -> None:
        name = self.create_page.name.text().strip()
        passphrase = self.create_page.passphrase.passphrase()
        keeps_body_log = self.create_page.body_log.isChecked()
        self.create_page.passphrase.settle()  # rated for what is typed, not before
        if not name or not self.create_page.passphrase.ready():
            # Said next to what is missing, as Enter says it (the button is never disabled).
            self.create_page.show_error(self.create_page.not_ready())
            return
        try:  # said beside the Name field before any key is derived
            refuse_taken(self.store.data_dir, name)
        except NameInUse as error:
            self.create_page.refuse_name(error.message)
            return

        def create() -> tuple[OpenJournal, str]:
            from journal.storage.body.switch import BodyLogSwitch

            journal, recovery = self.store.create(name, passphrase, self.kdf)
            BodyLogSwitch(journal.db).set(keeps_body_log)
            return journal, recovery

        self._run(self.create_page, create, self._created)

    def _created(self, result: tuple[OpenJournal, str]) -> None:
        journal, recovery = result
        self.create_page.reset()
        self._pending = journal
        self.note_secret()
        self.remember(journal)
        self.key_page.show_key(recovery, journal.info.name, _today())
        self._go(self.key_page)

    def show_rescued(self, journal: OpenJournal, recovery_key: str, summary: str) -> None:
        """A journal made by a rescue: its recovery key is shown once, with ``summary``
        (what was rescued and what could not be read), before it opens."""
        if "unlock" in self._pages:
            self.unlock_page.rescue_button.hide()
        self._pending = journal
        self.note_secret()
        self.remember(journal)
        self.key_page.show_key(recovery_key, journal.info.name, _today(), summary)
        self._go(self.key_page)

    def _finish_recovery_key(self) -> None:
        journal = self._pending
        if journal is not None:
            try:
                journal.confirm_recovery_key()
            except Exception as error:  # told to the person, never lost
                self.key_page.show_error(user_message(error))
                return
        self.key_page.forget()
        self._hand_over_pending()

    def _hand_over_pending(self) -> None:
        """Emit the journal that waited for a last step (a key shown, a passphrase set)."""
        journal, self._pending = self._pending, None
        if journal is not None:
            self.unlocked.emit(journal)

    def _unlock(self) -> None:
        folder = self.unlock_page.chosen_folder()
        passphrase = self.unlock_page.passphrase.text()
        if folder is None:
            return
        if not passphrase:  # not "did not open this journal": nothing was tried
            self._ask_for(self.unlock_page, self.unlock_page.passphrase, NOTHING_TYPED)
            return
        self._run(
            self.unlock_page,
            lambda: self.store.unlock(folder, passphrase, check_later=True),
            self._opened,
        )

    def _ask_for(self, page: Card, field: QWidget, words: str) -> None:
        """An empty secret field: say what to type (announced, next to the field), and
        keep the focus in the field. No key work runs."""
        page.show_error(words)
        field.setFocus()

    def _opened(self, journal: OpenJournal) -> None:
        self.unlock_page.passphrase.clear()
        self.remember(journal)
        reason = journal.recovery_key_problem
        if reason:
            self._pending = journal
            self._run(
                self.unlock_page,
                journal.new_recovery_key,
                lambda key: self._show_new_recovery_key(key, reason),
            )
            return
        self.unlocked.emit(journal)

    def _show_new_recovery_key(self, recovery: str, reason: str) -> None:
        name = self._pending.info.name if self._pending is not None else ""
        self.note_secret()
        self.key_page.show_key(recovery, name, _today(), reason)
        self._go(self.key_page)
        if self._pending is not None:
            try:  # on screen from here: no longer "never shown" at the next unlock
                self._pending.recovery_key_shown()
            except OSError as error:
                log.error("noting the recovery key shown: %s", type(error).__name__)

    def _show_recovery_page(self) -> None:
        self.recovery_page.show_journal(self.unlock_page.chosen_name())
        self._go(self.recovery_page)

    def _unlock_with_recovery(self) -> None:
        folder = self.unlock_page.chosen_folder()
        key = self.recovery_page.key.text()
        if folder is None:
            return
        if not key.strip(" -"):
            self._ask_for(self.recovery_page, self.recovery_page.key, NO_KEY_TYPED)
            return
        self._run(
            self.recovery_page,
            lambda: self.store.unlock_with_recovery_key(folder, key),
            self._opened_with_recovery,
        )

    def _opened_with_recovery(self, journal: OpenJournal) -> None:
        empty(self.recovery_page.key)
        self.choose_new_passphrase(journal)

    def choose_new_passphrase(self, journal: OpenJournal, *, restored: bool = False) -> None:
        """Ask for a new passphrase for ``journal``, opened with its recovery key (here
        or by a restore); the journal is emitted as unlocked once it is saved. After a
        restore (``restored``) the page says the restore is done first and the new
        passphrase is a choice: "Keep its passphrase" opens the journal as it is."""
        self._pending = journal
        self.new_passphrase_page.passphrase.clear()
        self.new_passphrase_page.passphrase.set_user_inputs([journal.header.name])
        self.new_passphrase_page.show_journal(journal.header.name)
        if restored:
            self.new_passphrase_page.show_restored()
        self._go(self.new_passphrase_page)
        self.new_passphrase_page.say_opened()

    def _save_new_passphrase(self) -> None:
        journal = self._pending
        fields = self.new_passphrase_page.passphrase
        fields.settle()  # rated for what is typed, not before
        if journal is None or not fields.ready():
            self.new_passphrase_page.show_error(self.new_passphrase_page.not_ready())
            return
        passphrase = fields.passphrase()

        def work() -> None:
            journal.change_passphrase(passphrase)
            journal.confirm_recovery_key()  # the person has just used it, so holds it

        self._run(self.new_passphrase_page, work, lambda _: self._finish_new_passphrase())

    def _keep_passphrase(self) -> None:
        """After a restore confirmed with the recovery key: open the journal with the
        passphrase it has (that of the backup), no new one chosen."""
        if self.new_passphrase_page.keep_button.isHidden():
            return
        self.new_passphrase_page.passphrase.clear()
        self._hand_over_pending()

    def _finish_new_passphrase(self) -> None:
        self.new_passphrase_page.passphrase.clear()
        self.opened_note = NEW_PASSPHRASE_SAVED  # said once the journal is open
        self._hand_over_pending()

    def take_opened_note(self) -> str:
        """What to say once the journal this screen handed over is open (a new
        passphrase saved after a recovery-key unlock), or ""; said once."""
        note, self.opened_note = self.opened_note, ""
        return note

    def _remove(self) -> None:
        from journal.ui.lock.security_dialogs import RemoveJournalDialog

        folder = self.unlock_page.chosen_folder()
        if folder is None:
            return
        dialog = RemoveJournalDialog(
            self.store, folder, self.unlock_page.journal_choice.currentText(), self
        )
        # Kept: back in the passphrase, never on the button a space presses again; as
        # the dialog closes, so the focus moves once (after `exec` returned, it had been
        # given back to "Remove a journal…" first: issue 15, break test of session 25, F2).
        dialog.rejected.connect(self.dialog_closed)
        if dialog.exec():
            QMessageBox.information(self, "Journal removed", "The journal has been removed.")
            self.show_start()
