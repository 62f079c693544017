"""Restore: from the lock screen or Settings, the newest backup, one chosen
automatic backup, or a backup file.

Every line names the backup it restores (day and time to the second, why it was
taken, its size; a damaged copy is marked and cannot be chosen), once each, newest
first. The labelling rule (`label_rows`; break test 16 of session 11, finding d: "The
newest backup" stood below a newer row):

* the row chosen at first is the newest backup that is offered, not dated ahead, and
  not a copy kept aside before a restore: it was checked when it was made, and it is
  what someone who opens Restore because the journal is damaged or lost something
  most likely wants. A copy kept aside is the journal as it was replaced (unchecked,
  often replaced because it was damaged): choosing it undoes that restore, a choice
  made by hand, which its own words offer;
* that row reads "The newest backup: " only when it is the first row; below newer rows
  (copies kept aside, damaged ones, ones dated ahead, each saying what it is) it reads
  "Suggested: ", so "newest" is said of the newest row only;
* a chosen backup file is the first row and chosen; no kept row is marked then.

It is that one backup, checked before anything is replaced, never an older one picked
silently when it fails (the person then chooses another).

The restore and the unlock that follows run on the thread pool; the dialog shows a
quiet busy line and a plain message if anything is refused (nothing is changed then).
On success it emits `restored` with the open journal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from journal.domain.common.file_names import BACKUP_FILTER
from journal.domain.common.words import size
from journal.domain.safekeeping.rotation import Reason
from journal.paths import journals_dir
from journal.storage.journal_files import DATABASE_NAME
from journal.storage.lock.names import free_name, name_here
from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import read_header
from journal.ui.common.accessibility import Politeness, announce, describe_by, warn_on_open
from journal.ui.common.confirm import Question, confirm
from journal.ui.common.file_places import Place, open_file_name
from journal.ui.common.fit import dialog_layout, keep_still
from journal.ui.common.list_rows import RowsList
from journal.ui.common.local_time import say_moment
from journal.ui.common.long_names import quoted
from journal.ui.common.messages import user_message
from journal.ui.common.unstoppable import HOW_LONG
from journal.ui.common.widgets import label, secret_field, wrapping_form
from journal.ui.common.work_footer import WorkFooter
from journal.ui.common.workers import Task, run_in_background

if TYPE_CHECKING:
    from journal.storage.lock.journal import OpenJournal
    from journal.storage.safekeeping.backups import Backup

FILE_FILTER = BACKUP_FILTER  # the old .solacebackup files too; any file, judged by content
# How the list and the note after a restore name a copy kept aside before a restore.
KEPT_ASIDE = "your journal as it was just before a restore"
UNDO = "choose it to undo that restore"
NEWEST = "The newest backup: "
SUGGESTED = "Suggested: "
REASONS = {
    Reason.DAILY: "daily backup",
    Reason.MANUAL: "backup you asked for",
    Reason.BEFORE_UPGRADE: "before an update of Solace",
    Reason.BEFORE_RESTORE: f"{KEPT_ASIDE}, kept aside then",
    Reason.BEFORE_IMPORT: "before an import",
    Reason.AFTER_IMPORT: "after an import",
    Reason.CREDENTIALS: "after a change of keys",
}
INTRO = (
    "Restoring puts a backup in place of your journal as it is now. Your journal as it "
    "is now is kept aside as a backup first, so this can be undone."
)
# With the journal's database file gone (its key file still there): no entries of it
# are here to keep aside, and INTRO's "so this can be undone" would promise what does
# not happen (break test 16 of session 24, F7). What is left is kept aside (`swap`).
DATABASE_MISSING_INTRO = (
    "Restoring puts a backup in place of your journal, whose database file is missing, "
    "so none of its entries are here to keep aside. What is left of it, its key file, is "
    "kept aside among its backups first; nothing is deleted."
)
# Over damaged files INTRO's "so this can be undone" is untrue: they are kept aside, but
# no restore brings damaged files back, as the question before restoring says (break
# test 16 of session 25, F4).
DAMAGED_INTRO = (
    "Restoring puts a backup in place of the damaged files of your journal. They are kept "
    "aside among its backups, unchanged, but being damaged they cannot be restored."
)
# With no journal to restore over (a new computer, an empty data folder): nothing is
# put aside, so the words above would promise what does not happen (break test 16, S6).
NEW_JOURNAL_INTRO = (
    "Restoring brings back the journal a backup file holds, as a journal on this "
    "computer. Choose the backup file, then type its passphrase."
)
CREDENTIALS_NOTE = (
    "To restore over your journal, type the passphrase you use now: the restored journal "
    "keeps it, and an older passphrase does not open it. Backups kept by Solace open "
    "with it too. A backup file made before you changed your passphrase also needs the "
    "passphrase it was made with; Solace asks for that only then."
)
NEW_COMPUTER_NOTE = (
    "A backup file opens with the passphrase you had when it was made. The restored "
    "journal opens with that passphrase until you change it."
)
# Over a journal whose key file alone is wrong, which Unlock puts back from the copy
# kept with the backups (`newest_good.key_file_put_back`): said first, since a restore
# there only goes back in time (break test 16 of session 19, finding 1).
KEY_FILE_ONLY = (
    "Only this journal's key file is damaged, and Solace keeps a good copy of it with "
    "the backups: your passphrase opens your journal as it is, with every word in it, "
    "the latest too. Nothing is lost. Restoring is needed only to go back to an older "
    "backup."
)
NOW_LABEL = "Your passphrase &now"
# B is "&Backups"'s; P and N, the other passphrase field's.
BACKUP_LABEL = "&The passphrase this backup was made with"
# For a chosen backup file of another journal that is not on this computer: it is
# added beside yours and opens with its own passphrase, which the one field asks for
# (break test 16 of session 17, finding 3: it still asked "Your passphrase now", and a
# wrong passphrase was told only as "This backup is of another journal").
OTHER_LABEL = "Its &passphrase"
OTHER_NOTE = (
    "This backup file is of another journal: it is added beside yours, and opens with "
    "the passphrase it was made with. Type that one."
)


@dataclass(frozen=True, slots=True)
class Asked:
    """How the one passphrase field is named for the backup chosen: its ``label`` (with
    its mnemonic), its accessible ``name``, the ``note`` above it and the refusal when
    it is left ``empty``. Every one names the same passphrase, the one the restore
    needs (`journal.storage.safekeeping.restore.restore`'s ``secret``)."""

    label: str
    name: str
    note: str
    empty: str


#: Over this journal: the passphrase it opens with now.
ASK_NOW = Asked(
    NOW_LABEL, "Your passphrase now", CREDENTIALS_NOTE, "Please type the passphrase you use now."
)
#: A backup file of another journal not on this computer: its own passphrase.
ASK_ITS_OWN = Asked(
    OTHER_LABEL,
    "The passphrase of the backup",
    OTHER_NOTE,
    "Please type the passphrase this backup was made with.",
)
#: No journal here to check (a new computer): the backup's passphrase.
ASK_BACKUPS = Asked(
    "&Passphrase",
    "Passphrase of the backup",
    NEW_COMPUTER_NOTE,
    "Please type the passphrase of the backup.",
)


def ask_replaced(called: str, name: str) -> Asked:
    """The passphrase asked for a backup file of another journal that is on this
    computer as ``called`` (its name here; ``name`` in the backup): the one that opens
    ``called`` now, since the restore replaces it and it keeps that passphrase. Break
    test 16 of session 18, finding 2: the field asked for "Your passphrase now", as if
    for the journal whose dialog it is, and the words named the backup's "Mine", not
    "Mine (2)" here."""
    was = f" (called {quoted(name)} when it was made)" if name.strip() != called.strip() else ""
    return Asked(
        f"The passphrase of {quoted(called.replace('&', '&&'))} &now",
        f"The passphrase of {quoted(called)} now",
        f"This backup file is of another journal on this computer, {quoted(called)}{was}: "
        f"restoring it replaces {quoted(called)} as it is now, which is kept aside first. "
        f"Type the passphrase of {quoted(called)} now: the restored journal keeps it. A "
        "backup file made before that passphrase changed also needs the passphrase it was "
        "made with; Solace asks for that only then.",
        f"Please type the passphrase of {quoted(called)} now.",
    )


#: Said when Cancel, Escape or the window's close button is pressed while a restore runs
#: (`WorkFooter.stop_refused`): it swaps the journal in one step, so it cannot be stopped
#: halfway, and nothing is mixed (break test 16 of session 18, finding 4).
#: The busy line's words while the passphrase is checked before a question (`_check_secret`).
CHECKING = "Checking your passphrase\u2026 this takes a few seconds."
STILL_RESTORING = (
    f"A restore cannot be stopped halfway; {HOW_LONG}. Your journal is safe either "
    "way: it is as it was, or the backup restored, never a mix of the two."
)


def describe_backup(backup: Backup, problem: str = "", future: bool = False) -> str:
    """One line of the restore list that tells this backup from every other: when it
    was taken (to the second, local time), why, its size, and why it is not offered
    (``problem``, from `backups.not_offered`: "damaged: it did not pass its check (it
    cannot be restored)", a backup of another journal) or that it is dated in the future
    (``future``); a copy kept aside before a restore that can be chosen says that
    choosing it undoes that restore. Like "Monday 30 November 2026, 16:06:12: your
    journal as it was just before a restore, kept aside then, 48.2 MB; choose it to undo
    that restore"."""
    line = (
        f"{say_moment(backup.taken_at, seconds=True)}: {REASONS[backup.reason]}, "
        f"{size(backup.size)}"
    )
    if problem:
        line += f", {problem}"
    elif future:
        line += ", dated in the future (this computer's clock may have been wrong)"
    elif backup.reason is Reason.BEFORE_RESTORE:
        line += f"; {UNDO}"
    return line


def suggested_row(newest_first: list[Backup], problems: dict[Path, str]) -> int:
    """The row of ``newest_first`` (kept backups, newest first) chosen at first, or -1:
    the newest that is offered (no ``problems`` entry for its folder), not dated ahead
    and not a copy kept aside before a restore (module docstring: the labelling rule)."""
    from journal.storage.safekeeping.backups import in_the_future

    return next(
        (
            number
            for number, b in enumerate(newest_first)
            if b.reason is not Reason.BEFORE_RESTORE
            and not problems.get(b.folder)
            and not in_the_future(b)
        ),
        -1,
    )


def added_as_words(name: str, called: str, *, before: bool) -> str:
    """Said when a restored journal named ``name`` is added as ``called`` ("Mine (2)"),
    since journal names are unique on this computer (`names.free_name`): ``before`` the
    restore, or after it."""
    if called.strip() == name.strip():
        return ""
    will = "It will be added as" if before else "It was added as"
    return (
        f"{will} {quoted(called)}, since a journal called {quoted(name.strip())} is already "
        "on this computer."
    )


def another_journal_words(found: tuple[str, str, datetime | None], called: str = "") -> str:
    """Said beside a chosen backup file of another journal (its id, name and when it was
    made): "a backup of another journal, “Mine”, made on Monday 30 November 2026, 16:06";
    by ``called``, its name on this computer, when it is here: "a backup of another
    journal on this computer, “Mine (2)” (called “Mine” when it was made), made on …"."""
    _id, name, made = found
    if called:
        words = f"a backup of another journal on this computer, {quoted(called)}"
        if called.strip() != name.strip():
            words += f" (called {quoted(name)} when it was made)"
    else:
        words = f"a backup of another journal, {quoted(name)}"
    return words + (f", made on {say_moment(made)}" if made is not None else "")


def intro_words(journal_folder: Path | None, damaged: bool = False, name: str = "") -> str:
    """What restoring does, said first: over the journal in ``journal_folder``
    (`INTRO`), over one whose database file is missing (`DATABASE_MISSING_INTRO`) or
    whose files are ``damaged`` (`DAMAGED_INTRO`), or as a journal new on this computer
    (None: `NEW_JOURNAL_INTRO`). ``name``, the journal's name on the lock screen ("" when
    unknown), follows "your journal": with two journals on one computer the chooser is
    behind the dialog, and the person must see which one a restore replaces (break test
    16c of session 26, finding 6)."""
    if journal_folder is None:
        return NEW_JOURNAL_INTRO
    if not (journal_folder / DATABASE_NAME).exists():
        words = DATABASE_MISSING_INTRO
    else:
        words = DAMAGED_INTRO if damaged else INTRO
    return words.replace("your journal", f"your journal {quoted(name)}", 1) if name else words


def chosen_words(
    path: Path,
    found: tuple[str, str, datetime | None] | None,
    other: tuple[str, str, datetime | None] | None = None,
    called: str = "",
) -> str:
    """Said when a backup file is chosen: its name and when it was made (``found``: its
    journal's id, name and date, None when its key file cannot be read), or, for
    ``other`` journal's backup, whose it is (by ``called``, its name here, when it is
    here): "Backup file chosen: b.solacebackup, from Monday 30 November 2026, 16:06."."""
    words = f"Backup file chosen: {path.name}"
    if other is not None:
        words += f", {another_journal_words(other, called)}"
    elif found is not None and found[2] is not None:
        words += f", from {say_moment(found[2])}"
    return words + "."


def restored_words(
    source: Path,
    backups: list[Backup],
    kept_aside: bool,
    *,
    aside_damaged: bool = False,
    key_file_mended: bool = False,
    journal: str = "",
) -> str:
    """What a finished restore did, for the note over the opened journal (break test 16
    of the eighth session, finding 6: the journal simply opened, with nothing said):
    which backup (``source``, a kept backup's folder among ``backups`` or a backup file)
    and, when ``kept_aside``, where the journal as it was went; when that copy is of
    damaged files (``aside_damaged``), that it cannot be restored, never that Restore…
    can bring it back (break test 16 of session 15, finding 6: it was then refused as
    damaged); when only its key file was wrong and was put back first
    (``key_file_mended``), that it holds the words written after the backup, with its
    key file mended (break test 16 of session 19, finding 1: it was called damaged
    files that "cannot be restored"). ``journal`` names another journal than the
    person's own, restored from its backup file, by its name here ("" : "Your
    journal"; break test 16 of session 18, finding 2)."""
    whose = f"{quoted(journal)}" if journal else "Your journal"
    kept = next((b for b in backups if b.folder == source), None)
    if kept is not None:
        what = f"the backup of {say_moment(kept.taken_at, seconds=True)} ({REASONS[kept.reason]})"
    else:
        what = f"the backup file {quoted(source.name)}"
    words = f"{whose} was restored from {what}."
    if kept_aside and aside_damaged:
        words += (
            " The damaged files it replaced are kept aside, unchanged, among its "
            "backups; being damaged, they cannot be restored."
        )
    elif kept_aside and key_file_mended:
        words += (
            f" {whose} as it was just before, with anything written after that backup, "
            "is kept among its backups (its key file put back from the good copy Solace "
            f"keeps), as \u201c{KEPT_ASIDE}\u201d: choose it in Restore\u2026 to undo "
            "this restore."
        )
    elif kept_aside:
        words += (
            f" {whose} as it was just before is kept among its backups, as "
            f"\u201c{KEPT_ASIDE}\u201d, so Restore\u2026 can bring it back."
        )
    return words


#: Said after a backup that failed its checks, by what the list still offers.
ANOTHER_OFFERED = "Another backup in the list may still be good: choose it."
NONE_OFFERED = (
    "No other backup here can be restored. A copy of a backup file kept elsewhere (on a "
    "USB stick, say) may be good: Choose a backup file… opens it."
)

#: Said when a question Restore asked is answered "Don't restore".
NOT_RESTORED = "Nothing was restored: your journal stays as it is."

#: Said in the list of a chosen backup file `refusal_before_keys` refuses.
NOT_RESTORABLE = "which cannot be restored"


def refusal_before_keys(source: Path) -> str:
    """Why the backup at ``source`` (a file or a kept backup's folder) cannot be
    restored, in the words of `journal.storage.safekeeping.restore.check_before_keys`
    (damage its own checksums show, a key file that cannot be read, not a backup at
    all), found with no passphrase; "" when nothing is found. It is said as a file is
    chosen and before any question Restore asks: a damaged backup file of another
    journal asked whether to put it in place of that journal, and said it was damaged
    only after the yes (break test 16 of session 18, finding 3's remainder)."""
    from journal.errors import SolaceError
    from journal.storage.safekeeping.restore import check_before_keys

    try:
        check_before_keys(source)
    except SolaceError as error:
        return user_message(error)
    return ""


def _checks_current(folder: Path | None) -> bool:
    """Whether ``folder`` has a readable key file, so a restore over it asks for the
    passphrase that opens it now (see `journal.storage.safekeeping.restore.restore`)."""
    if folder is None:
        return False
    from journal.errors import SolaceError

    try:
        read_header(folder)
    except SolaceError:
        return False
    return True


class RestoreDialog(QDialog):
    """Choose what to restore, type the passphrase, restore; emits `restored`."""

    restored = Signal(object, str)
    """The OpenJournal, unlocked with the typed passphrase, and what happened in words
    (`restored_words`), for a note over the journal."""

    def __init__(
        self,
        store: JournalStore,
        journal_folder: Path | None,
        parent: QWidget | None = None,
        *,
        before: Callable[[], bool] | None = None,
        problem: str = "",
        rescue_offered: bool = False,
        locked: str = "",
    ) -> None:
        """``journal_folder`` is the journal to restore (None: only a backup file, as on
        a new computer); ``before`` runs on the GUI thread just before restoring (Settings
        locks the open journal there); ``problem`` is damage found at unlock, shown first;
        ``rescue_offered``: whether Rescue what can be read… is offered for it (the
        damaged files, or words sealed at a lock, still hold something to read);
        ``locked``: the lock screen's note of the lock that opened it (Settings'
        Restore…), shown and said after what restoring does: said by the lock screen
        after the dialog's focus, it was what a screen reader met instead of what to do
        next for the restore (break test 16 of session 19, N1).
        """
        super().__init__(parent)
        self.setWindowTitle("Restore a backup")
        self.setModal(True)
        self.store = store
        self.journal_folder = journal_folder
        self.problem = problem
        self.rescue_offered = rescue_offered
        # The backup the person agreed to restore over words written after it.
        self._older_agreed: Path | None = None
        # The backup the passphrase field's text was found able to restore
        # (`_check_secret`); forgotten as the text changes.
        self._checked_for: Path | None = None
        self._checking = False
        self._before = before
        self._task: Task | None = None
        self._restoring = False
        self.chosen_file: Path | None = None
        # When the chosen file's backup was made (its manifest), None if unknown: its
        # row says it, as the rows of kept backups do (break test 16 of session 25, F6).
        self.chosen_made: datetime | None = None
        # Why the chosen file cannot be restored, found as it was chosen ("" if it may be).
        self.file_refused = ""
        # The chosen file's journal when it is another one (its id, name and date), and
        # the file the person said yes to restoring as that journal (finding 9).
        self.other_journal: tuple[str, str, datetime | None] | None = None
        # That journal's name on this computer, None when it is not here (`name_here`).
        self.other_here: str | None = None
        self._other_agreed: Path | None = None
        self.question: Question | None = None
        from journal.storage.safekeeping.newest_good import key_file_put_back

        # Only the key file is wrong, and Unlock puts it back: the passphrase opens the
        # journal as it is (`newest_good.key_file_put_back`).
        self.key_file_only = journal_folder is not None and key_file_put_back(journal_folder)

        layout, footer_row = dialog_layout(self, width_chars=60)
        self.journal_name = (
            name_here(store.data_dir, journal_folder.name) or "" if journal_folder else ""
        )
        # What restoring does over this journal; `_name_fields` names another journal
        # here instead while a backup file of that one is chosen.
        self._intro_first = intro_words(
            journal_folder, bool(problem) and not self.key_file_only, self.journal_name
        )
        intro = self.intro = label(self._intro_first)
        first = " ".join(filter(None, [problem, KEY_FILE_ONLY if self.key_file_only else ""]))
        # The lock's note, after what restoring does: both in view, one announcement.
        self.locked_note = label(locked)
        self.locked_note.setVisible(bool(locked))
        after = (self.locked_note,) if locked else ()
        if first:  # the damage found is what to hear first; else what restoring does
            layout.addWidget(warn_on_open(self, label(first, "notice"), *after))
        elif journal_folder is not None:
            warn_on_open(self, intro, *after)
        # The labels the dialog's description is made of, when it begins with the intro.
        self._described_by = (intro, *after) if not first and journal_folder else ()
        layout.addWidget(intro)
        layout.addWidget(self.locked_note)
        self.choices = RowsList()  # as tall as its rows: the field below stays in view
        self.choices.setAccessibleName("Backups to restore")
        self.choices.setWordWrap(True)  # each line is read whole, at 200 % text too
        self.choices.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.choices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fill_choices()
        choice_label = label("&Backups", wrap=False)
        choice_label.setBuddy(self.choices)
        layout.addWidget(choice_label)
        layout.addWidget(self.choices)
        row = QHBoxLayout()
        self.file_button = QPushButton("Choose a backup &file…")
        self.file_button.setAutoDefault(False)  # Enter elsewhere never opens the chooser
        self.file_button.clicked.connect(self._choose_file)
        row.addWidget(self.file_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.checks_current = _checks_current(journal_folder)
        asked = self.asked
        # Under the field it is about: above it, six lines at 200 % text pushed the
        # field below the fold of a dialog that opens at its top (break test 15 of
        # session 24, F9).
        self.note = label(asked.note, "subtle")
        form = self.form = wrapping_form()
        self.passphrase = secret_field(asked.name)
        form.addRow(asked.label, self.passphrase)
        # Shown only when the backup was made with another passphrase than today's.
        self.backup_passphrase = secret_field("The passphrase this backup was made with")
        self.backup_label = label(BACKUP_LABEL, wrap=False)
        self.backup_label.setBuddy(self.backup_passphrase)
        form.addRow(self.backup_label, self.backup_passphrase)
        self.backup_label.hide()
        self.backup_passphrase.hide()
        self.backup_passphrase.returnPressed.connect(self.start)
        layout.addLayout(form)
        layout.addWidget(self.note)
        self.footer = WorkFooter(
            "Restore",
            doing="Restoring the backup\u2026 this takes a few seconds.",
            cannot_stop=STILL_RESTORING,
        )
        self.error, self.restore_button = self.footer.error, self.footer.primary
        self.footer.buttons.accepted.connect(self.start)
        self.footer.buttons.rejected.connect(self.reject)
        footer_row.addWidget(self.footer)
        self.passphrase.returnPressed.connect(self.start)
        self.passphrase.textChanged.connect(lambda _text: setattr(self, "_checked_for", None))
        self.choices.currentRowChanged.connect(self._name_fields)
        # The passphrase when a backup is offered; with none to restore, the way to one
        # ("No backups yet: choose a backup file"): a passphrase typed first had nothing
        # to open (issue 15 break test of session 25, F3).
        offered = self.choices.currentRow() >= 0
        (self.passphrase if offered else self.file_button).setFocus()

    def _fill_choices(self) -> None:
        from journal.storage.safekeeping.backups import in_the_future, list_backups, not_offered

        blocked = self.choices.blockSignals(True)  # refilled, not chosen by the person
        self.choices.clear()
        folder = self.journal_folder
        backups = list_backups(folder) if folder else []
        problems = {b.folder: not_offered(b, folder.name) for b in backups} if folder else {}
        rows = list(reversed(backups))  # newest first
        offered = suggested_row(rows, problems) if self.chosen_file is None else -1
        newest_row = offered
        for number, backup in enumerate(rows):  # one row per backup (break test 14, 2)
            problem = problems[backup.folder]
            text = describe_backup(backup, problem, in_the_future(backup))
            if number == offered:  # marked where it stands, never listed a second time
                text = (NEWEST if number == 0 else SUGGESTED) + text
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(backup.folder))
            if problem:  # shown, so nothing seems lost, but not offered
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.choices.addItem(item)
        if self.chosen_file is not None:
            text = f"Backup file: {self.chosen_file.name}"
            if self.file_refused:
                text += f", {NOT_RESTORABLE}"
            elif self.other_journal is not None:
                text += f", {another_journal_words(self.other_journal, self.other_here or '')}"
            elif self.chosen_made is not None:  # which of several copies, by its date
                text += f", from {say_moment(self.chosen_made, seconds=True)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(self.chosen_file))
            self.choices.insertItem(0, item)
            newest_row = 0
        if not self.choices.count():
            empty = QListWidgetItem("No backups yet: choose a backup file")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.choices.addItem(empty)
        # Pre-selected: a chosen file, or the newest backup offered; never one dated in
        # the future or one not offered (the person picks such a one by hand).
        self.choices.setCurrentRow(newest_row)
        self.choices.blockSignals(blocked)
        if hasattr(self, "backup_passphrase"):
            self._ask_backup_passphrase(False)  # another choice may open with today's

    def _choose_file(self) -> None:
        chosen = open_file_name(self, Place.RESTORE, "Choose a backup file", FILE_FILTER)
        if chosen is not None:
            keep_still(self.file_button)  # under the pointer for another choice
            self.choose_file(chosen)

    def choose_file(self, path: Path) -> None:
        """Offer ``path`` as the first choice, selected (an error said of the one
        chosen before goes); the focus goes on to the passphrase, the next thing to
        type, and the choice is said there (break test 15 of session 11, finding 12:
        nothing was heard and the focus went back to "Choose a backup file…", as if
        the choice had failed)."""
        from journal.storage.safekeeping.restore import backup_journal

        self.chosen_file = path
        self._other_agreed = None
        self.file_refused = refusal_before_keys(path)
        found = None if self.file_refused else backup_journal(path)
        self.chosen_made = found[2] if found is not None else None
        mine = self.journal_folder.name if self.journal_folder is not None else ""
        other = self.journal_folder is not None and found is not None and found[0] != mine
        self.other_journal = found if other else None
        self.other_here = name_here(self.store.data_dir, found[0]) if other and found else None
        self.show_error("")
        self._fill_choices()
        self._name_fields()
        if self.file_refused:  # said at once, before any question or passphrase
            self.file_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.show_error(self.file_refused)
            return
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(
            self.choices,
            chosen_words(path, found, self.other_journal, self.other_here or ""),
            Politeness.POLITE,
            after_focus=True,
        )

    @property
    def asked(self) -> Asked:
        """The passphrase the restore of the backup chosen needs, in words: the one that
        opens now the journal it replaces (this one, or another journal here that a
        chosen backup file is of, by its name here: `ask_replaced`), else the backup's
        own (another journal's file, added beside this one; nothing here to check)."""
        other = self.other_journal
        chosen = self.chosen_file is not None and self._source() == str(self.chosen_file)
        if chosen and other is not None and self.other_here is not None:
            return ask_replaced(self.other_here or other[1], other[1])
        if not self.checks_current:
            return ASK_BACKUPS
        return ASK_ITS_OWN if chosen and other is not None else ASK_NOW

    def _name_fields(self) -> None:
        """Name the passphrase field, the note above it and its refusal for the backup
        chosen (`asked`)."""
        asked = self.asked
        row = self.form.labelForField(self.passphrase)
        if isinstance(row, QLabel):
            row.setText(asked.label)
        self.passphrase.setAccessibleName(asked.name)
        self.note.setText(asked.note)
        intro = self._intro_now()
        if intro != self.intro.text():
            self.intro.setText(intro)
            if self._described_by:  # the dialog's description is what restoring does
                describe_by(self, *self._described_by)

    def _intro_now(self) -> str:
        """What restoring the backup chosen does: over this journal (`_intro_first`), or,
        for a backup file of another journal, over that one by its name here, or as a
        journal new here when it is not on this computer (break test of session 28: the
        intro named "Fresh" over a note saying the restore replaces "Mine")."""
        other, here = self.other_journal, self.other_here
        if other is None or self._source() != str(self.chosen_file):
            return self._intro_first
        if here is None:
            return NEW_JOURNAL_INTRO
        return intro_words(journals_dir(self.store.data_dir) / other[0], name=here)

    @property
    def asks_backup_passphrase(self) -> bool:
        return not self.backup_passphrase.isHidden()

    def _ask_backup_passphrase(self, asked: bool) -> None:
        self.backup_label.setVisible(asked)
        self.backup_passphrase.setVisible(asked)
        if not asked:
            self.backup_passphrase.clear()

    def _source(self) -> str:
        item = self.choices.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return str(value) if value else ""

    def show_error(self, text: str, *about: QWidget) -> None:
        """Say ``text`` under the dialog, about the backup chosen and the fields
        ``about``: it goes once one of them changes (`WorkFooter.show_error`). An error
        said of one backup is gone once another is chosen (break test 16 of the eighth
        session, re-check of 3: it stayed under a newly chosen file)."""
        self.footer.show_error(text, (self.choices, *about))

    def start(self) -> None:
        """Check what was chosen and typed, ask what must be asked, then restore in the
        background. Nothing while a restore runs: Enter in a passphrase field (which
        calls this directly, whatever the disabled Restore button) started a second
        one beside it (break test 16 of session 17, re-test, finding 1)."""
        if self._restoring or self._checking:
            return
        source = self._source()
        secret = self.passphrase.text()
        backup_secret = self.backup_passphrase.text() if self.asks_backup_passphrase else None
        if not source:
            self.show_error("Please choose a backup, or a backup file.")
            return
        refused = self._refusal(Path(source))
        if refused:  # before any question: none asks about a file that cannot be restored
            self.show_error(refused)
            return
        if not secret:
            self.show_error(self.asked.empty, self.passphrase)
            self.passphrase.setFocus()
            return
        if backup_secret == "":
            self.show_error(
                "Please type the passphrase this backup was made with.", self.backup_passphrase
            )
            self.backup_passphrase.setFocus()
            return
        if self._asks_about_another_journal(Path(source)):
            return
        if self._asks_about_newer_words(Path(source)):
            return
        other_journal = self._other_agreed == Path(source)
        # The journal the restore replaces (None: one added beside this one), and how it
        # is named after: another journal here by its name here, else by the backup's.
        other_id, meant = self.other_journal[:2] if self.other_journal else ("", "")
        called_here = self.other_here
        replaced = self.journal_folder
        if other_journal:
            here = called_here is not None
            replaced = journals_dir(self.store.data_dir) / other_id if here else None
        self._restoring = True  # from here the dialog stays open until the end
        if self._before is not None:
            if not self._before():
                self._restoring = False
                self.show_error(
                    "Your journal could not be locked because something typed is not "
                    "saved yet; nothing was restored. Please look at it, then try again."
                )
                return
            self._before = None
        self.footer.set_busy(True)
        data_dir, folder, damaged = self.store.data_dir, self.journal_folder, self.problem
        key_file_only = self.key_file_only

        def work() -> tuple[OpenJournal, str]:
            from journal.errors import WrongPassphrase
            from journal.storage.lock.keys import looks_like_recovery_key
            from journal.storage.safekeeping.backups import list_backups, not_offered
            from journal.storage.safekeeping.restore import restore

            # The fields take a passphrase or a recovery key, as their errors say (break
            # test 16 of session 9, finding 13: a valid recovery key was called wrong).
            as_key = looks_like_recovery_key(secret)
            before = list_backups(replaced) if replaced is not None else []
            target = restore(
                data_dir,
                Path(source),
                secret,
                recovery_key=as_key,
                backup_secret=backup_secret,
                backup_recovery_key=looks_like_recovery_key(backup_secret or ""),
                expected_journal=folder.name if folder is not None else None,
                other_journal=other_journal,
            )
            after = list_backups(target)
            aside = {b.folder for b in after} - {b.folder for b in before}
            kept = [b for b in after if b.folder in aside and b.reason is Reason.BEFORE_RESTORE]
            # Damage found at unlock is in the files kept aside, unless only the key file
            # was wrong: the restore put that back first, and checked the copy.
            aside_damaged = (bool(damaged) and not key_file_only) or any(
                not_offered(b, target.name) for b in kept
            )
            called = read_header(target).name
            named = (called if called_here is not None else meant) if other_journal else ""
            words = restored_words(
                Path(source),
                before,
                bool(kept),
                aside_damaged=aside_damaged,
                key_file_mended=key_file_only and not other_journal,
                journal=named,
            )
            if other_journal and called_here is None and called != meant.strip():
                words += " " + added_as_words(meant, called, before=False)
            try:
                if as_key:  # then a new passphrase is chosen, as after any key unlock
                    return self.store.unlock_with_recovery_key(target, secret), words
                return self.store.unlock(target, secret), words
            except WrongPassphrase:
                if backup_secret is None:
                    raise
                # No key file was there to check: the backup's own passphrase opens it.
                return self.store.unlock(target, backup_secret), words

        self._task = run_in_background(work, self._done, self._failed, owner=self)

    def _refusal(self, source: Path) -> str:
        """Why the backup at ``source`` cannot be restored, known before any key
        (`refusal_before_keys`), else "". The chosen file was read when chosen."""
        if source == self.chosen_file:
            return self.file_refused
        return refusal_before_keys(source)

    def _asks_about_another_journal(self, source: Path) -> bool:
        """When ``source`` is the chosen backup file and it is of another journal, say
        so plainly (its name, when it was made, what restoring it would do) and ask;
        True while asking (Restore goes on only after the person's yes). Break test 16
        of session 10, finding 9: it was restored without a question."""
        if self.other_journal is None or source != self.chosen_file:
            return False
        if self._other_agreed == source:
            return False
        asking = self.question is not None and shiboken6.isValid(self.question)
        if asking and self.question is not None and self.question.isVisible():
            return True  # asked already (Enter reaches both the field and the dialog)
        if self._checked_for != source:  # the passphrase first (break test 16 of
            self._check_secret(source)  # session 24, F10: asked, then found wrong)
            return True
        from journal.storage.safekeeping.restore import BackupOfAnotherJournal

        _journal_id, name, made = self.other_journal
        here = self.other_here is not None
        shown = self.other_here or name  # the journal it replaces, by its name here
        told = BackupOfAnotherJournal(name, here, made, called_here=self.other_here or "")
        detail = told.message.removesuffix(" Nothing has been changed.")
        if not here:  # added beside the others, under a name none of them has
            detail += " " + added_as_words(name, free_name(self.store.data_dir, name), before=True)

        def agreed() -> None:
            self._other_agreed = source
            self.question = None  # answered, though still on screen as this runs
            self.start()

        self.question = confirm(
            self,
            f"Restore {quoted(shown)}, another journal?",
            detail,
            f"Restore {quoted(shown)}",
            agreed,
            title="A backup of another journal",
            keep="Don\u2019t restore",
        )
        self.question.rejected.connect(self._say_not_restored)
        return True

    def _asks_about_newer_words(self, source: Path) -> bool:
        """Over a damaged journal (``problem``) whose files were changed after the backup
        chosen (`newest_good.changed_after`), say that restoring it leaves those words
        behind, in damaged files no restore brings back, and that Rescue what can be
        read… keeps them, and ask; True while asking (Restore goes on only after the
        person's yes; "Don't restore" is the default). Break test 16 of session 15,
        finding 6: the entry written after the newest backup was dropped unsaid. Only
        when Rescue is offered (``rescue_offered``): over files that hold nothing to read
        (0 bytes, a PDF) the question sent her to a Rescue that was not there, and its
        default stopped the restore (break test 16 of session 18, finding 4). Over a
        journal whose key file alone is wrong (``key_file_only``) too, with words saying
        that the passphrase opens it as it is and that the copy kept aside can be
        restored: it was replaced without a question (break test 16 of session 19,
        finding 1)."""
        folder = self.journal_folder
        over_damage = bool(self.problem) and self.rescue_offered
        if folder is None or not (over_damage or self.key_file_only):
            return False
        if self.other_journal is not None and source == self.chosen_file:
            return False  # another journal's backup: this journal stays as it is
        if self._older_agreed == source:
            return False
        asking = self.question is not None and shiboken6.isValid(self.question)
        if asking and self.question is not None and self.question.isVisible():
            return True
        from journal.storage.safekeeping.backups import list_backups
        from journal.storage.safekeeping.newest_good import changed_after, last_changed
        from journal.storage.safekeeping.restore import backup_journal

        kept = next((b for b in list_backups(folder) if b.folder == source), None)
        if kept is not None:
            made: datetime | None = kept.taken_at
        else:
            found = backup_journal(source)
            made = found[2] if found is not None else None
        if made is not None and not changed_after(folder, made):
            return False
        if self._checked_for != source:  # the passphrase first: no question asked for nothing
            self._check_secret(source)
            return True
        changed = last_changed(folder)
        made_at = say_moment(made, seconds=True) if made else ""  # as the list names it
        when = f"This backup is from {made_at}" if made else "This backup is older"
        # The files' own time, the only one readable without the key: over damage it may
        # be the moment of the damage itself (a truncation at 15:28 was told as words
        # written then: break test 16 of session 19, finding 5), so it is said as such.
        # Nor need it be words: Solace writes to them as it closes them too (a clean
        # quit at 07:31 was told as a change "by your writing": break test 16 of session
        # 20, L1), so what is known is said, no more.
        by = (
            ""
            if self.key_file_only
            else ", by your writing, by Solace as it closed them, or by whatever damaged them"
        )
        since = (
            f", and this journal's files were last changed on {say_moment(changed)}{by}"
            if changed
            else ""
        )
        detail = (
            f"{when}{since}. Anything written after the backup is not in it: restoring "
            "keeps the damaged files aside, where no restore can bring them back. Rescue "
            "what can be read… keeps those words in a new journal; you can restore "
            "afterwards."
        )
        if self.key_file_only:
            detail = (
                f"{when}{since}. Anything written after the backup is not in it. Your "
                "passphrase opens your journal as it is, with those words: only its key "
                "file is damaged, and Solace puts it back from the good copy it keeps. If "
                "you restore, your journal as it is now is kept aside among its backups, "
                "where Restore… can bring it back."
            )

        def agreed() -> None:
            self._older_agreed = source
            self.question = None  # answered, though still on screen as this runs
            self.start()

        self.question = confirm(
            self,
            "Restore a backup older than your latest words?",
            detail,
            "Restore anyway",
            agreed,
            title="Words written after this backup",
            keep="Don\u2019t restore",
        )
        self.question.rejected.connect(self._say_not_restored)
        return True

    def _check_secret(self, source: Path) -> None:
        """Check what was typed against the journal's key file, reading only and off
        the GUI thread (`restore.refused_before_restore`), before the question about
        words written after the backup or about another journal: a wrong passphrase is
        said at once, under the field, and the question is asked only of one that can
        restore (break test 16 of session 20, L1: it was said only after "Restore
        anyway"; session 24, F10: the same of another journal). A new text in the
        field, or another backup, is checked again."""
        from journal.storage.lock.keys import looks_like_recovery_key
        from journal.storage.safekeeping.restore import refused_before_restore

        secret, data_dir = self.passphrase.text(), self.store.data_dir
        other = self.other_here or "" if self.other_journal is not None else ""
        self._checking = True
        self.footer.set_busy(True, CHECKING, stoppable=True)

        def work() -> BaseException | None:
            as_key = looks_like_recovery_key(secret)
            return refused_before_restore(data_dir, source, secret, recovery_key=as_key, name=other)

        def done(refused: BaseException | None) -> None:
            self._checking = False
            if refused is not None:
                self._failed(refused)
                return
            self.footer.set_busy(False)
            self._checked_for = source
            self.start()

        def failed(error: BaseException) -> None:
            self._checking = False
            self._failed(error)

        self._task = run_in_background(work, done, failed, owner=self)

    def _say_not_restored(self) -> None:
        """A question Restore asked was answered "Don't restore" (its default, or
        Escape): said under the dialog, which went back to how it was with no word, so
        an impatient second Enter seemed to do nothing (break test 16 of session 19,
        finding 5)."""
        self.show_error(NOT_RESTORED)

    def _done(self, result: Any) -> None:
        journal, words = result
        self._task = None
        self._restoring = False
        self.footer.set_busy(False)
        self.passphrase.clear()
        self.backup_passphrase.clear()
        said = self.footer.keys_not_used()  # typed on while it was checked: said once
        self.restored.emit(journal, f"{words} {said}" if said else words)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        from journal.storage.safekeeping.restore import (
            BackupNeedsItsOwnPassphrase,
            BackupUnusable,
            NotTheCurrentPassphrase,
        )

        self._task = None
        self._restoring = False
        self.footer.set_busy(False)
        words = user_message(error)
        if isinstance(error, BackupUnusable):  # a kept one is now marked damaged:
            failed = self._source()
            self._fill_choices()  # greyed, and "The newest backup" is the next good one
            words += " " + (ANOTHER_OFFERED if self._offered_besides(failed) else NONE_OFFERED)
            # The choice is hers: the focus goes to the list, so that Enter pressed
            # again never restores the backup chosen in her place (issue 16 break test
            # of session 24, F1: the next Enter restored another backup than hers).
            self.show_error(words, self.choices)
            self.choices.setFocus()
            return
        field = self.passphrase
        if isinstance(error, BackupNeedsItsOwnPassphrase) or (
            self.asks_backup_passphrase and not isinstance(error, NotTheCurrentPassphrase)
        ):
            self._ask_backup_passphrase(True)
            field = self.backup_passphrase
        self.show_error(words, field)  # about the field the focus goes to
        field.selectAll()
        field.setFocus()

    def _offered_besides(self, source: str) -> bool:
        """Whether the list offers a backup other than the one at ``source``."""
        items = (self.choices.item(row) for row in range(self.choices.count()))
        return any(
            item.flags() & Qt.ItemFlag.ItemIsEnabled
            and item.data(Qt.ItemDataRole.UserRole) not in (None, source)
            for item in items
        )

    @property
    def restoring(self) -> bool:
        """Whether a restore is under way (the dialog stays open until it ends)."""
        return self._restoring

    def reject(self) -> None:
        """Cancel, Escape: closes the dialog; a restore under way finishes first, and
        says so (`STILL_RESTORING`)."""
        if self.footer.stop_refused() or self._restoring:
            return
        self.passphrase.clear()
        self.backup_passphrase.clear()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._restoring:  # locking closes dialogs; this one finishes its restore
            event.ignore()
            return
        super().closeEvent(event)
