"""Dialogs that touch keys: change passphrase, rotate the data key, new recovery
key, remove a journal. Each runs its slow part on the thread pool."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from journal.errors import WrongPassphrase
from journal.storage.lock import keys
from journal.storage.lock.store import JournalStore
from journal.ui.common.accessibility import Message, describe_until_edited, warn_on_open
from journal.ui.common.busy import hold_input
from journal.ui.common.enter_presses import no_focus_default
from journal.ui.common.fit import dialog_layout
from journal.ui.common.keys_held import KeysHeld, drop_at_close
from journal.ui.common.label_column import LabelColumn
from journal.ui.common.long_names import quoted
from journal.ui.common.messages import user_message
from journal.ui.common.unstoppable import HOW_LONG, StopRefusal
from journal.ui.common.widgets import (
    NewPassphraseFields,
    busy_bar,
    label,
    secret_field,
    wrapping_form,
)
from journal.ui.common.workers import Task, run_in_background

if TYPE_CHECKING:
    from journal.storage.lock.journal import OpenJournal


KEY_WORK_WAIT_S = 120  # at most: Argon2id for two slots under DEFAULT_KDF takes ~1 s
log = logging.getLogger(__name__)

SAME_AS_CURRENT = "That is your current passphrase; please choose a different one."
NOTHING_CHANGED = "Nothing was changed: your passphrase and recovery key are as they were."
CHANGE_IN_FORCE = "Your new passphrase is now in force; the old one no longer opens this journal."
KEY_NOT_SHOWN = (
    "Its new recovery key had not been shown yet, so Solace showed you another one as you unlocked."
)
ROTATED = "Your journal was re-encrypted under a new key before the lock. " + KEY_NOT_SHOWN
ROTATED_NOT_SHOWN = (
    "Your journal was re-encrypted under a new key, so the recovery key you had before "
    "no longer opens it, but something went wrong before Solace could show you the new "
    "recovery key. Choose “New recovery key…” in Settings to see one now; "
    "Solace also shows one the next time you unlock."
)
NEW_KEY_NOT_SHOWN = (
    "Your new recovery key was made, so the one you had before no longer opens this "
    "journal, but something went wrong before Solace could show it to you. Choose "
    "“New recovery key…” in Settings to see another now; Solace also shows one "
    "the next time you unlock."
)
RECOVERY_KEY_MADE = "Your new recovery key was made before the lock. " + KEY_NOT_SHOWN
#: Said when Escape or the window's close button is pressed while the key work runs
#: (`StopRefusal`; Cancel is disabled then): it did nothing, unsaid (break test 16 of
#: session 18, finding 4, the same kind as Restore's).
STILL_WORKING = f"This cannot be stopped halfway; {HOW_LONG}, and Solace then says what was done."


class _KeyDialog(QDialog):
    """A small form with OK/Cancel, an error line and a busy bar.

    A lock that lands while the key work runs waits for it (`OpenJournal.
    wait_for_key_work`); `outcome_at_lock` then says what was done (`done_text`) or
    that nothing was changed, for the note after the next unlock (see
    `journal.ui.common.dialog_drafts`)."""

    done_text = ""  # what a finished run did, said after a lock that closed the dialog
    # What the key work is, said as it starts (see `BusyLine`): the check of what was
    # typed first, and the change as one that happens only if it is right; a person who
    # mistyped heard "Checking and removing the journal…" for 8 s before the refusal
    # (break test 15 of session 14, finding 13).
    doing = ""

    def __init__(self, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.layout_, self._footer = dialog_layout(self, width_chars=55)
        # What the change does (and what it cannot undo) is heard as the dialog opens.
        self.intro = warn_on_open(self, label(intro))
        self.layout_.addWidget(self.intro)
        self.form = wrapping_form()
        self.layout_.addLayout(self.form)
        self.error = Message("What went wrong", "error")
        self.stop = StopRefusal(self.error)
        self.keys_held = KeysHeld(self)  # what is queued as it closes: dropped (R1)
        self.busy = busy_bar(self.doing)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        no_focus_default(self.buttons)  # Enter in a field is OK, even after Tab past Cancel
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self._task: Task | None = None
        self._finished = threading.Event()
        self._outcome = ""  # set on the worker thread as the key work ends
        self.result_value: Any = None

    def finish_layout(self) -> None:
        foot = QVBoxLayout()
        foot.addWidget(self.error)
        foot.addWidget(self.busy)
        foot.addWidget(self.buttons)
        self._footer.addLayout(foot)

    def start(self) -> None:
        raise NotImplementedError

    def say_error(self, text: str) -> None:
        """Show and announce ``text`` as the error, each time, even when it is already
        shown: each OK is an attempt (break test 15 of session 12, finding 3)."""
        self.error.refuse(text)

    def ask_for(self, field: QLineEdit, words: str) -> None:
        """An empty field that is needed: say what to type there (announced, and its
        description until it is typed in) and put the focus in it; no key work runs."""
        self.say_error(words)
        describe_until_edited(field, words)
        field.setFocus()

    def run(self, work: Callable[[], Any]) -> None:
        self.error.hide()
        self.busy.show()
        hold_input(self, True)
        self.stop.hold(STILL_WORKING, self.doing)
        drop_at_close(self, self.keys_held)

        def done(result: Any) -> None:
            self.result_value = result
            self._task = None
            self.stop.release()
            self.busy.hide()
            hold_input(self, False)
            self.accept()

        def failed(error: BaseException) -> None:
            self._task = None
            self.stop.release()
            self.busy.hide()
            hold_input(self, False)
            words = self.failure_words(error)
            self.say_error(words)
            fields = [f for f in self.findChildren(QLineEdit) if f.isVisible()]
            if fields:  # back where the person can put it right
                if isinstance(error, WrongPassphrase):  # told why, there too
                    describe_until_edited(fields[0], words)
                fields[0].selectAll()
                fields[0].setFocus()

        finished = threading.Event()
        self._outcome = ""

        def guarded() -> Any:
            try:
                result = work()
            except BaseException:
                self._outcome = self.outcome_after_failure()
                raise
            else:
                self._outcome = self.done_text
                return result
            finally:
                finished.set()

        self._finished = finished
        self._task = run_in_background(guarded, done, failed, owner=self)

    # What the dialog says when its work raised after the change took effect ("" for
    # the error's own words).
    in_effect_text = ""

    def note_key_file(self) -> None:
        """Remember the journal's key slots as the work starts (on the worker thread,
        inside the work): what happened is then read from the key file, the one
        source of truth, not from whether the work raised (break test 16 of session
        9, finding 16: "Nothing was changed" after a rotation a MemoryError cut short
        once it had taken effect)."""
        journal = getattr(self, "journal", None)
        self._slots_before = tuple(journal.header.slots) if journal is not None else None

    def took_effect(self) -> bool:
        """Whether the journal's key slots differ from those noted as the work began."""
        journal = getattr(self, "journal", None)
        before = getattr(self, "_slots_before", None)
        return journal is not None and before is not None and tuple(journal.header.slots) != before

    def outcome_after_failure(self) -> str:
        """What a run that raised did, for the note after a lock: its `done_text` when
        the change took effect all the same, else `NOTHING_CHANGED`."""
        return self.done_text if self.done_text and self.took_effect() else NOTHING_CHANGED

    def failure_words(self, error: BaseException) -> str:
        """What the dialog says when its work raised ``error``."""
        if self.in_effect_text and self.took_effect():
            return self.in_effect_text
        return user_message(error)

    def outcome_at_lock(self) -> str:
        """What the key work did, once it has ended (waited for when it runs): its
        `done_text`, `NOTHING_CHANGED` when it failed, "" when none was started."""
        if self._task is not None and not self._finished.wait(KEY_WORK_WAIT_S):
            return ""
        return self._outcome

    def reject(self) -> None:
        """Escape, Cancel: closes the dialog; while the key work runs, says that it
        cannot be stopped halfway (`STILL_WORKING`)."""
        if not self.stop.refused():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closed by a lock while the key work runs: the work the person confirmed
        completes first (as saving does), then the dialog closes without showing its
        result (a new recovery key not shown is replaced, with the reason, at the next
        unlock)."""
        task, self._task = self._task, None
        if task is not None:
            task.signals.succeeded.disconnect()
            task.signals.failed.disconnect()
            if not self._finished.wait(KEY_WORK_WAIT_S):
                log.error("key work still running after %s s at lock", KEY_WORK_WAIT_S)
        self.stop.release()  # ended, or waited for: the close goes on
        super().closeEvent(event)


class ChangePassphraseDialog(_KeyDialog):
    """Change passphrase: the current one, then the new one twice; the data key stays, only
    its wraps change."""

    done_text = CHANGE_IN_FORCE
    in_effect_text = CHANGE_IN_FORCE
    doing = "Checking your current passphrase, then changing it… this takes a few seconds."

    def __init__(self, journal: OpenJournal, parent: QWidget | None = None) -> None:
        super().__init__(
            "Change passphrase",
            "Your entries stay exactly as they are; only the lock changes. "
            "The old passphrase stops working straight away.",
            parent,
        )
        self.journal = journal
        self.current = secret_field("Current passphrase")
        column = LabelColumn()  # its labels and the new pair's: one column
        column.add_row(self.form, "&Current passphrase", self.current)
        self.new = NewPassphraseFields(column=column)
        self.new.set_user_inputs([journal.header.name])
        self.layout_.addWidget(self.new)
        self.finish_layout()
        # OK waits while the new passphrase is refused, as Create and Save passphrase do;
        # its reason is shown under it (break test 14 of session 11, finding 4).
        self.new.changed.connect(self._offer_ok)

    def _offer_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.new.refused())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter while OK waits refuses the new passphrase, in the error colour, as
        Enter on the Create page does: it did nothing, and the reason stayed grey
        (re-test 40, 5)."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not ok.isEnabled() and not self.busy.isVisible():
            event.accept()
            self.new.refuse()
            return
        super().keyPressEvent(event)

    def start(self) -> None:
        self.new.settle()  # rated for what is typed, not before
        if self.new.refuse():  # said next to the new passphrase's fields, once
            self.say_error("")
            return
        current, new = self.current.text(), self.new.passphrase()
        if not current:  # nothing tried, so not "that passphrase did not open it"
            self.ask_for(self.current, "Please type your current passphrase.")
            return
        if keys.normalise_passphrase(new) == keys.normalise_passphrase(current):
            # Said beside the new passphrase, before any key work: a person changing it
            # because someone may know it was told nothing, and nothing changed (break
            # test 14 of session 7, finding 9).
            self.error.hide()
            self.new.feedback.refuse(SAME_AS_CURRENT)  # in the error colour, as a refusal
            self.new.first.selectAll()
            self.new.first.setFocus()
            return

        def work() -> None:
            # The passphrase is checked inside, once the change is noted on disk: a
            # crash during the check is told at the next unlock (break test 14 of
            # session 11, finding 7).
            self.note_key_file()
            self.journal.change_passphrase(new, current=current)

        self.run(work)


class _PassphraseConfirmDialog(_KeyDialog):
    """Asks for the passphrase, then runs `work(passphrase)` off the GUI thread."""

    def __init__(
        self, title: str, intro: str, parent: QWidget | None, asked: str = "Passphrase"
    ) -> None:
        super().__init__(title, intro, parent)
        self.passphrase = secret_field(asked)
        self.form.addRow(f"&{asked}", self.passphrase)
        self.finish_layout()

    def start(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:  # nothing tried, so not "that passphrase did not open it"
            self.ask_for(self.passphrase, "Please type your passphrase to confirm.")
            return
        self.run(lambda: self.work(passphrase))

    def work(self, passphrase: str) -> Any:
        raise NotImplementedError


class RotateKeyDialog(_PassphraseConfirmDialog):
    """Re-encrypts every page of the journal under a new random key."""

    done_text = ROTATED
    in_effect_text = ROTATED_NOT_SHOWN
    doing = (
        "Checking your passphrase; only if it is right is the journal re-encrypted "
        "under a new key… this can take a while."
    )

    def __init__(self, journal: OpenJournal, parent: QWidget | None = None) -> None:
        super().__init__(
            "Rotate the encryption key",
            "Use this if someone may have learned an old passphrase or recovery key. "
            "Solace re-encrypts the whole journal under a new key and gives you a new "
            "recovery key; the old recovery key and old snapshots stop working.",
            parent,
        )
        self.journal = journal

    def work(self, passphrase: str) -> str:
        self.note_key_file()
        return self.journal.rotate_data_key(passphrase)


class NewRecoveryKeyDialog(_PassphraseConfirmDialog):
    """Make a new recovery key, confirmed with the passphrase; the old key stops working
    once the new one is made."""

    done_text = RECOVERY_KEY_MADE
    in_effect_text = NEW_KEY_NOT_SHOWN
    doing = (
        "Checking your passphrase; only if it is right is a new recovery key made… "
        "this takes a few seconds."
    )

    def __init__(self, journal: OpenJournal, parent: QWidget | None = None) -> None:
        super().__init__(
            "Make a new recovery key",
            "Your current recovery key will stop working and a new one will be shown "
            "once. Please confirm with your passphrase.",
            parent,
        )
        self.journal = journal

    def work(self, passphrase: str) -> str:
        self.note_key_file()  # the passphrase is checked once the intent is noted
        return self.journal.new_recovery_key(passphrase)


class RemoveJournalDialog(_PassphraseConfirmDialog):
    """Remove a journal from this computer for good, confirmed with its passphrase or
    its recovery key."""

    doing = (
        "Checking what you typed; only if it is right is the journal removed… "
        "this takes a few seconds."
    )

    def __init__(
        self, store: JournalStore, folder: Path, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Remove a journal",
            f"This removes the journal {quoted(name)} from this computer for good: "
            "every entry, log and snapshot in it. It cannot be undone, and the recovery "
            "key will not bring it back. Type its passphrase, or its recovery key, to "
            "confirm.",
            parent,
            # Either credential confirms: one of them may be damaged or lost (issue 14).
            asked="Passphrase or recovery key",
        )
        # Enter presses "Remove for good", as the main button of every dialog: with the
        # field empty it says what to type (Enter pressed a default "Cancel", which
        # closed the dialog without a word, and, with the passphrase typed, left the
        # person believing the journal was removed). The passphrase typed is the
        # confirmation; Escape and "Cancel" keep the journal.
        remove = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        remove.setText("Remove for good")
        remove.setDefault(True)
        self._store, self._folder = store, folder

    def work(self, passphrase: str) -> None:
        self._store.remove(self._folder, passphrase)

    def failure_words(self, error: BaseException) -> str:
        if isinstance(error, WrongPassphrase):
            return (
                "That is neither this journal\u2019s passphrase nor its recovery key. "
                "Nothing was removed. Please try again."
            )
        return super().failure_words(error)


class SecurityAction(Enum):
    """The credential changes Settings offers; the value is the button's text."""

    CHANGE_PASSPHRASE = "Change passphrase…"  # noqa: S105 (a button text, not a secret)
    NEW_RECOVERY_KEY = "New recovery key…"
    ROTATE_KEY = "Rotate encryption key…"

    def dialog(
        self, journal: OpenJournal, parent: QWidget | None
    ) -> ChangePassphraseDialog | NewRecoveryKeyDialog | RotateKeyDialog:
        """The dialog that carries out this action on ``journal``."""
        kinds: dict[
            SecurityAction,
            type[ChangePassphraseDialog | NewRecoveryKeyDialog | RotateKeyDialog],
        ] = {
            SecurityAction.CHANGE_PASSPHRASE: ChangePassphraseDialog,
            SecurityAction.NEW_RECOVERY_KEY: NewRecoveryKeyDialog,
            SecurityAction.ROTATE_KEY: RotateKeyDialog,
        }
        return kinds[self](journal, parent)
