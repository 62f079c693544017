"""Writing one entry: title, when it was written, Markdown body, mood, feelings, tags,
shared or private.

The date and time default to the moment the entry was started and can be moved to
the past (to write about yesterday); they are shown and typed as the person's wall
clock and stored in UTC with the rules of their zone on that day. A moment in the
future is refused on a line under the field, and the entry keeps its last good date.

Autosave: every change restarts one single-shot timer; about a second after
typing stops the editor takes a snapshot of what it shows (one pass over the
text) and `EntrySaver` writes it on a worker thread with a connection of its
own, so typing goes on while a long entry is written. Nothing is written per
keystroke. The date and time are part of the snapshot like the words, so a moved
entry is written by the same save, in the same order. `save_now` writes and waits
(lock, close, switching entries). A quiet status line says when it saved, or why it
could not. A write the journal could not take (a full disk, a journal another
program holds, read-only files) leaves the words in the editor and is tried again
every `RETRY_MS`, in the background like any autosave.

What a screen reader hears of it (break test 15 of session 7, finding 7): a save
that could not happen, at once (assertive); the first save after one, politely
("Saved at 03:40": the person heard the problem and hears it is over); and Ctrl+S,
which saves now and says when the entry was saved. An ordinary autosave is not
announced: it follows every pause of a second, so it would speak into each pause
of someone thinking while they write and be cut off by the next key they type;
its line exposes its own words for a screen reader's review.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.common.local_time import elsewhere, to_local, zone_abbreviation
from journal.domain.entries.entry import Entry, check_entry_size, new_entry
from journal.domain.entries.feelings import Mood
from journal.domain.entries.prompts import Prompt
from journal.domain.entries.tags import (
    extract_hashtags,
    normalise_tag,
    not_kept_note,
    split_tag_field,
    tag_key,
)
from journal.errors import SolaceError
from journal.storage.entries.repository import EntryRepository
from journal.storage.together.sharing import Sharing
from journal.ui.common.accessibility import Message, announce, describes
from journal.ui.common.dates import second_time_row, time_edit
from journal.ui.common.field_notes import FieldNotes
from journal.ui.common.flow import ShrinkingRow, flow_row
from journal.ui.common.fold_keys import letters_open_fold
from journal.ui.common.length_limit import limit_length
from journal.ui.common.local_time import (
    from_qdatetime,
    next_minute_ms,
    now_utc,
    say_moment,
    say_time,
    show_moment,
)
from journal.ui.common.messages import user_message
from journal.ui.common.one_line import list_field
from journal.ui.common.undo_steps import checkpoint
from journal.ui.common.whole_text import WholeTextField
from journal.ui.common.widgets import label, qt_text, scrolling, wrapping_form
from journal.ui.entries.as_written import SHOWN_AS_WRITTEN
from journal.ui.entries.feelings import FeelingsPicker, MoodPicker
from journal.ui.entries.markdown import LEAVING_THE_TEXT, MarkdownEditor
from journal.ui.entries.saving import EntrySaver, SaveJob, Snapshot, WriterSource, field_tags
from journal.ui.entries.sharing import SharingExtras

AUTOSAVE_MS = 1000  # a pause in typing this long saves (milliseconds)
#: Typing that never pauses for `AUTOSAVE_MS` is still saved this often (milliseconds):
#: a steady writer's words waited for a pause that never came, and a crash after 14 s of
#: typing lost the whole new entry (break test 16 of session 17, finding 5).
AUTOSAVE_AT_LEAST_MS = 5000
PASTING = "Pasting… {percent} %"  # a paste of many lines going in (`markdown.pasting`)
OPENING = "Opening… {percent} %"  # an entry of many lines going in (`markdown.opening`)
WORDS_SHARE = 0.45  # the least of the editor's height the words keep with the details shown
DETAILS_SHARE = 0.35  # the most of the editor's height the details panel takes
DETAILS_TEXT = "Mood, feelings, tags"  # a toggle: its arrow and pressed state say shown or not
TITLE_MAX = 300  # characters in a title (a one-line field; the text below has no such limit)
TITLE_TOO_LONG = (
    f"A title holds up to {TITLE_MAX} characters, so that was not added. "
    "You could put it in the text below."
)
RETRY_MS = 5000  # after a write that could not happen, the save is tried again


class UnsavedWriting(SolaceError):
    """What was typed could not be written yet; the message says why, kindly."""


FUTURE_MESSAGE = (
    "That time has not come yet. Choose now or an earlier day and time; "
    "until then the entry keeps the date it had."
)
FIXED_WHEN_REASON = (
    "This date cannot be changed here: it is before 14 September 1752 or after 9999, "
    "which the date field cannot show. The entry keeps it; its words can still be changed."
)
NOTHING_TO_SAVE = "Nothing is written in this entry yet, so there is nothing to save."
# Said so that they are true for a journal two people keep too.
PRIVATE_TEXT = "Private: it is never shown in Together."
SHARED_TEXT = "Shared: it is shown in Together, where your partner can read it."
KEPT_PRIVATE_TEXT = "Kept private: it is never shown in Together."


def _now() -> datetime:
    return now_utc()


WHEN_NAME = "Written on: date and time of this entry"


class EntryEditor(QWidget):
    """The editor of one entry: title, "Written on", the text with live Markdown
    highlighting, mood, feelings, tags and sharing; it autosaves and emits `saved` with the
    entry's summary after each write."""

    saved = Signal(object)  # EntrySummary, after each write
    delete_requested = Signal(object)  # Entry, already saved once

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repo: EntryRepository | None = None
        self._entry: Entry | None = None
        self._stored = False
        self._loading = False
        # Which entry is shown (bumped at each switch) and how many changes it has had;
        # a save that finishes covers the revision its snapshot was taken at.
        self._generation = 0
        self._revision = 0
        self._saved_revision = 0
        self._submitted_revision = -1
        self.first_save = False  # whether the last write created the entry
        self.moved = False  # whether the last write changed the entry's date and time
        # The last moment the date field showed that was not in the future (aware UTC):
        # what a save writes while the field shows a refused one.
        self._good_when: datetime | None = None
        self._when_refused = False  # the field shows a refused moment, already said
        # Runs while a new entry nothing is written in yet, whose date no one chose, is
        # shown: its date follows the clock, and is the moment writing begins
        # (`_begin_writing`).
        # A new entry not yet begun shows now in "Written on" until its first word
        # (`follow_clock`), moved on as each minute turns.
        self._clock = QTimer(self)
        self._clock.setTimerType(Qt.TimerType.PreciseTimer)
        self._clock.timeout.connect(self.follow_clock)
        self.prompt_lookup: Callable[[str], Prompt | None] = lambda _id: None
        self.saver = EntrySaver(self)
        self.saver.finished.connect(self._save_finished)
        self._failed = False  # the last save could not happen (and that was said)
        self.failure: BaseException | None = None  # what refused the last save that failed

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_soon)
        self.at_least = QTimer(self)  # started by the first change since a save
        self.at_least.setSingleShot(True)
        self.at_least.setInterval(AUTOSAVE_AT_LEAST_MS)
        self.at_least.timeout.connect(self.save_soon)
        # After a write that could not happen (a full disk, a journal another program
        # holds, read-only files) the words stay here and are tried again this often,
        # in the background like any autosave.
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self.save_soon)

        self.title = QLineEdit()
        self.title.setPlaceholderText("Title (optional)")
        self.title.setAccessibleName("Title")
        limit_length(self.title, TITLE_MAX, says_it=False)  # said in its note line
        self._title_shown = ""  # the title before the change Qt is making now
        self.when = time_edit(WHEN_NAME)
        self.when.says_range = False  # a moment in the future is refused at once here
        self.when.setToolTip(
            "When this entry was written. Change it to write about an earlier day."
        )
        self.notes = FieldNotes()
        self._tags_refused: tuple[str, ...] = ()  # the tags the note under Tags names
        self.prompt = label("", "notice")
        self.prompt.setAccessibleDescription("The prompt this entry answers")
        self.prompt.hide()
        self.body = MarkdownEditor()
        self.mood = MoodPicker()
        self.feelings = FeelingsPicker()
        self.tags = list_field(QLineEdit())  # a list pasted one tag a line is that many
        self.tags.setAccessibleName("Tags")
        self.tags.setPlaceholderText("Tags, separated by commas. #words in the text count too.")
        self.shared = QCheckBox("Share with m&y partner")
        # What sharing means now is read with the switch (a note beside it was never heard).
        self.sharing = describes(label(PRIVATE_TEXT, "subtle"), self.shared)
        self.sharing_extras = SharingExtras()
        # The editor's messages wrap and are read whole at any text size, never cut
        # with "…" (issue 10, break test of session 18, finding 1); the words give
        # them their room.
        self.status = Message("Save status", hide_empty=False, quiet_status=True, whole_line=True)
        # Right under the words: why a paste or a key was not taken (the entry is
        # full). It stays while the person goes on, across autosaves, until the text
        # changes again; the status line below says when it saved.
        self.text_note = Message("Why the text did not take that", "error")
        # Once an entry, under the words: a paragraph too long to highlight holds marks
        # shown as they are (`as_written`); gone when another entry is shown.
        self.long_note = Message("About a very long paragraph")
        self.delete_button = QPushButton("&Delete entry…")
        self.delete_button.setAccessibleDescription("Delete this entry, after asking")

        form = wrapping_form()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in (
            ("&Mood", self.mood),
            ("Feeling&s", self.feelings),
            ("Ta&gs", self.tags),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget.list if isinstance(widget, FeelingsPicker) else widget)
            form.addRow(caption, widget)
        self.notes.add(form, "tags", self.tags)
        # Sharing and deleting are never folded away with the mood, feelings and tags:
        # at 1024x600 and 200 % text they were found only inside the folded panel,
        # below all the feelings (break test 10 of session 7, finding 4). They sit in a
        # row under the words that wraps when it must, with the save status beside them
        # where it fits (a line of its own took room the words need on a 1024x600
        # screen at 200 % text, issue 10); where it does not, it takes the next line.
        # The status stands before "Delete entry…", which keeps the row's right end
        # (and its line when a long status wraps: `FlowLayout`): after it, "Saved at
        # 07:21" appearing pushed the button ~105 px left under a click aimed at it
        # (issue 10, break test of session 24).
        self._entry_row = flow_row(self.shared, self.status, trailing=(self.delete_button,))

        # Mood, feelings, tags and what sharing means sit in a panel under the words
        # that scrolls inside, takes at most DETAILS_SHARE of the editor's height, and
        # folds away (by itself when the words would get less than half the height:
        # a small screen or large text; or when the person folds it).
        panel = QWidget()
        details = QVBoxLayout(panel)
        details.setContentsMargins(0, 0, 0, 0)
        details.addLayout(form)
        details.addWidget(self.sharing)
        self._panel = panel
        self.details = scrolling(panel)
        self.details.setObjectName("entry-details")
        self.details_button = QToolButton()
        self.details_button.setText(DETAILS_TEXT)
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setAccessibleName("Mood, feelings, tags")
        self.details_button.setToolTip("Show or hide the mood, feelings and tags")
        self.details_button.setAccessibleDescription(
            "Shows or hides the mood, feelings and tags of this entry"
        )
        self.details_button.toggled.connect(self._details_chosen)
        # Alt+M, Alt+S, Alt+G with the panel folded away open it and reach their control
        # (Qt takes no shortcut of a hidden label: they did nothing; issue 15).
        self.fold_letters = letters_open_fold(
            self.details, self, lambda: self.details_button.setChecked(True)
        )
        self._details_choice: bool | None = None  # the person's, over the automatic one
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_details)

        written = QWidget()
        written_row = QHBoxLayout(written)
        written_row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel("&Written on")
        caption.setBuddy(self.when)
        self._when_caption = caption
        # An entry dated where the field cannot go (an import's year 1: the field's first
        # day is 14 September 1752) shows its true date here, read-only, instead of the
        # field's nearest day (break test 16, S10).
        self.when_fixed = WholeTextField()
        self.when_fixed.setAccessibleName("Date and time of this entry")
        self.when_fixed.setAccessibleDescription(FIXED_WHEN_REASON)
        self.when_fixed.setToolTip(FIXED_WHEN_REASON)
        self.when_fixed.hide()
        # Whose wall clock the field shows, when not this computer's ("CET"): the one
        # rule of every time shown (`local_time.wall_clock`, break test 9 of session 7, F1).
        self.when_zone = QLabel()
        self.when_zone.hide()
        written_row.addWidget(caption)
        written_row.addWidget(self.when)
        written_row.addWidget(self.when_fixed)
        written_row.addWidget(self.when_zone)
        written_row.addStretch(1)
        top = ShrinkingRow()
        top.add(self.title, 1)
        top.add(written)
        note_row = wrapping_form()
        # Right under the title: why a paste or a key did not go into it. On the status
        # line at the foot of the editor, the next autosave's "Saved at" replaced it
        # within seconds, far from where it was typed (break test of issue 9, session
        # 23, finding 9); here it stays until the title changes.
        self.notes.add(note_row, "title", self.title)
        self.notes.add(note_row, "created_at", self.when)
        second_time_row(note_row, self.when)
        # The formatting buttons and the details button share one row that wraps.
        tools = self.body.toolbar(trailing=(self.details_button,))

        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(top)
        column.addLayout(note_row)
        column.addWidget(self.prompt)
        column.addWidget(tools)
        column.addWidget(self.body, 1)
        column.addWidget(self.text_note)
        column.addWidget(self.long_note)
        column.addWidget(self.details)
        column.addWidget(self._entry_row)
        column.addWidget(self.sharing_extras)
        self._show_details(True)

        self.title.textChanged.connect(self._changed)
        self.title.textChanged.connect(self._remember_title)
        self.title.inputRejected.connect(self._title_refused)
        # Enter in the title goes on to the words (the entry has no button to press: it
        # is kept as it is written), never nothing.
        self.title.returnPressed.connect(
            lambda: self.body.setFocus(Qt.FocusReason.OtherFocusReason)
        )
        self.when.dateTimeChanged.connect(self._when_changed)
        self.when.dateTimeChanged.connect(self._name_zone)
        self.when.editingFinished.connect(self._when_left)
        self.when.taken.connect(self._when_taken)
        # A day typed and refused is hers, kept as typed: the clock of a new entry not
        # begun put now over it at the next minute (re-test 45, N1).
        self.when.refused.connect(lambda _words: self._clock.stop())
        self.when.installEventFilter(self)  # Tab from a refused moment: `eventFilter`
        self.when.lineEdit().installEventFilter(self)
        # A skipped or repeated wall time is said under the field (read_typed).
        self.when.told.connect(
            lambda words: self.notes.show(
                "created_at", words, focus=False, waits=True, refused=False
            )
        )
        self.body.textChanged.connect(self._body_changed)
        self.body.refused.connect(self._text_refused)
        self.body.shown_as_written.connect(lambda: self.long_note.setText(SHOWN_AS_WRITTEN))
        # (Only when it says something: clearing an empty note still laid the column out
        # again, at every key and at every slice of a big paste.)
        self.body.textChanged.connect(self._clear_text_note)
        self.body.paste_progress.connect(self._show_paste_progress)
        self.mood.currentIndexChanged.connect(self._changed)
        self.feelings.changed.connect(self._changed)
        self.tags.textChanged.connect(self._changed)
        self.tags.editingFinished.connect(self._say_tags_not_kept)
        self.tags.textChanged.connect(lambda: self._say_tags_not_kept(typing=True))
        self.shared.toggled.connect(self._changed)
        self.shared.toggled.connect(self._show_sharing)
        self.sharing_extras.share_confirmed.connect(lambda: self._sharing_answered(True))
        self.sharing_extras.kept_private.connect(lambda: self._sharing_answered(False))
        self.delete_button.clicked.connect(self.request_delete)
        self.setEnabled(False)
        # An action, as every shortcut is (the menus test finds clashes among them).
        saving = QAction("Save now", self)
        saving.setShortcut(QKeySequence.StandardKey.Save)
        saving.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        saving.triggered.connect(lambda _checked=False: self.save_and_say())
        self.addAction(saving)

    # the details panel ------------------------------------------------------------------
    def _details_chosen(self, shown: bool) -> None:
        self._details_choice = shown
        self._show_details(shown)

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.blockSignals(True)
        self.details_button.setChecked(shown)
        self.details_button.blockSignals(False)
        self.details_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self._fit_details()

    def _fit_details(self) -> None:
        """The details panel takes at most DETAILS_SHARE of the editor's height (and
        scrolls inside when it needs more). Unless the person chose, it is shown only
        where the words keep at least WORDS_SHARE of the height beside it, and never
        folded away while it holds the window's focus (a control in it in use, or the
        one a dialog was opened from)."""
        height = self.height()
        width = max(1, self.details.viewport().width() or self.width())
        needed = self._panel.sizeHint().height()
        if self._panel.hasHeightForWidth():
            needed = max(needed, self._panel.heightForWidth(width))
        self.details.setFixedHeight(
            max(self.fontMetrics().height() * 3, min(needed, int(height * DETAILS_SHARE)))
        )
        if self._details_choice is None and height > 0:
            body = self.body.height()
            if self.details.isHidden():
                body -= self.details.height() + max(0, self._column.spacing())
            fits = body >= height * WORDS_SHARE
            focus = self.window().focusWidget()
            holds_focus = focus is not None and self.details.isAncestorOf(focus)
            if fits == self.details.isHidden() and (fits or not holds_focus):
                self._show_details(fits)  # never folded away under the person's focus

    def words_height(self, width: int, height: int) -> int:
        """The height (pixels) the words would get were the editor ``width`` x ``height``
        pixels: ``height`` less the rows above and below them laid out at ``width``
        (rows of buttons wrap, the title and its date go one above the other). The
        details panel counts only when the person chose to show it: otherwise it folds
        away by itself where the words need the room (`_fit_details`). The Journal's
        list gives way by this (`JournalArea.narrow`)."""
        column = self._column
        taken, rows = 0, 0
        for index in range(column.count()):
            item = column.itemAt(index)
            widget = item.widget() if item is not None else None
            if item is None or item.isEmpty() or widget is self.body:
                continue
            if widget is self.details and self._details_choice is not True:
                continue
            if isinstance(widget, ShrinkingRow):
                taken += widget.height_at(width)
            elif item.hasHeightForWidth():
                taken += item.heightForWidth(width)
            else:
                taken += item.sizeHint().expandedTo(item.minimumSize()).height()
            rows += 1
        return height - taken - max(0, column.spacing()) * rows

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_details()
        self._refit.start()  # again once the rows above have settled at the new width

    # state --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._follow_stored_sharing()

    def _follow_stored_sharing(self) -> None:
        """Show the entry's sharing as it is stored now, whenever the editor is shown
        again: Together's "Make private" changed it while the editor held it, and the
        next save of the entry shared it again (issue 15 break test of session 24,
        F11). A switch she changed here and has not saved yet stays hers."""
        entry, repo = self._entry, self._repo
        if entry is None or repo is None or not self._stored:
            return
        if self.shared.isChecked() != entry.shared:
            return  # changed here, not saved yet
        stored = repo.get(entry.id)
        if stored is None or stored.shared == entry.shared:
            return
        self._loading = True
        try:
            self.shared.setChecked(stored.shared)
        finally:
            self._loading = False
        self._entry = dataclasses.replace(entry, shared=stored.shared)

    def attach(self, repo: EntryRepository, writer: WriterSource) -> None:
        """Show and save entries of an open journal: ``repo`` reads on the GUI thread's
        connection, saves go through a connection of their own from ``writer``."""
        self._repo = repo
        self.saver.attach(writer)
        self.sharing_extras.attach(Sharing(repo.db))
        self.setEnabled(True)

    @property
    def entry_id(self) -> str | None:
        return self._entry.id if self._entry else None

    @property
    def stored_entry_id(self) -> str | None:
        """The id of the entry shown when the journal holds it, else None (none shown,
        or a new one not written in yet, which is never stored while empty)."""
        return self.entry_id if self._stored else None

    @property
    def is_dirty(self) -> bool:
        """Whether something shown has not been written yet."""
        return self._revision != self._saved_revision

    def start_new(self, prompt: Prompt | None = None, *, focus: bool = True) -> bool:
        """Save the entry shown, then show a new empty one (stored only once something
        is written in it), with the focus in its words unless ``focus`` is False (the
        editor still hidden: a focus on a hidden control is heard). False (and the
        entry shown stays, with the reason on the status line) when the save failed."""
        if not self.save_now():
            return False
        self._show(new_entry(_now(), prompt.id if prompt else None), stored=False)
        self._clock.start(next_minute_ms(_now()))
        if focus:
            self.body.setFocus()
        return True

    def load(self, entry: Entry) -> bool:
        """Save the entry shown, then show ``entry``; False as in `start_new`."""
        if not self.save_now():
            return False
        self._show(entry, stored=True)
        return True

    def _forget_revisions(self) -> None:
        self._generation += 1
        self._revision = self._saved_revision = 0
        self._submitted_revision = -1

    def _show(self, entry: Entry, *, stored: bool) -> None:
        self._loading = True
        self._clock.stop()  # a stored entry or a draft keeps its own date
        try:
            self._entry, self._stored = entry, stored
            self._forget_revisions()
            self.title.setText(qt_text(entry.title))
            self._show_when(entry.created_at, entry.zone)  # where it was written
            self._good_when = entry.created_at
            self._when_refused = False
            self.notes.clear()
            self.long_note.clear()  # said again, if it holds such a paragraph
            self.body.set_markdown(entry.body)
            self.mood.set_mood(entry.mood)
            self.feelings.set_feelings(entry.feelings)
            # A tag the text holds, however spelled (tag_key: ی and ي are one), is not
            # shown again in the tag field.
            hashtags = {tag_key(tag) for tag in extract_hashtags(entry.body)}
            field = (tag for tag in entry.tags if tag_key(tag) not in hashtags)
            self.tags.setText(qt_text(", ".join(field)))
            self.shared.setChecked(entry.shared)
            self.sharing_extras.show_entry(entry.id, stored)
            self._show_prompt(entry.prompt_id)
            if not self.body.opening:  # else "Opening… 0 %" stays, until it is all in
                self.status.setText("")
            self.text_note.clear()
            self.delete_button.setEnabled(stored)
        finally:
            self._loading = False

    def _show_prompt(self, prompt_id: str | None) -> None:
        """Show the prompt the entry answers above the words; the words' field is
        described by it, so a screen reader says it on arriving in the text."""
        prompt = self.prompt_lookup(prompt_id) if prompt_id else None
        if prompt is None:
            self.prompt.hide()
            self.body.setAccessibleDescription(LEAVING_THE_TEXT)
            return
        shown = prompt.text + (f"\n{prompt.hint}" if prompt.hint else "")
        self.prompt.setText(shown)
        self.prompt.show()
        answering = " ".join(shown.split())
        self.body.setAccessibleDescription(f"Answering the prompt: {answering} {LEAVING_THE_TEXT}")

    def _remember_title(self, text: str) -> None:
        self._title_shown = text

    def _title_refused(self) -> None:
        """A paste or drop longer than the title can hold: Qt keeps only its first part
        (and says so by this signal, before the title changes). Put the title back as
        it was, whole, and say why; a key typed at the limit changed nothing."""
        before = self._title_shown
        if self.title.text() != before:
            QTimer.singleShot(0, lambda: self._put_title_back(before))
        else:
            self._say_title_refused()

    def _put_title_back(self, before: str) -> None:
        self.title.setText(qt_text(before))
        self._say_title_refused()  # about the title as it is again

    def _say_tags_not_kept(self, *, typing: bool = False) -> None:
        """Say under the tag field which of the tags typed there cannot be kept
        (`tags.not_kept_note`), the focus left where the person puts it: while
        ``typing``, the one being typed only once nothing typed after it could make
        it a tag (a quote in it, or too long; "#" or "-" alone may still become one),
        and all of them as the field is left or Enter is pressed. So the note shows
        at once as the person types, in the field (after Tab, a note shows once that
        moves nothing in use: `FieldNotes.show`). Heard again only when the tags
        refused change; it goes once none is left."""
        *done, last = split_tag_field(self.tags.text())
        refused = [part.strip() for part in done if part.strip() and not normalise_tag(part)]
        may_become = typing and normalise_tag(last + "a") is not None
        if last.strip() and not normalise_tag(last) and not may_become:
            refused.append(last.strip())
        if refused:
            said = tuple(refused) == self._tags_refused
            self.notes.show("tags", not_kept_note(refused), focus=False, quietly=said, waits=True)
        self._tags_refused = tuple(refused)

    def _say_title_refused(self) -> None:
        """Say under the title that what was typed or pasted did not go in
        (`TITLE_TOO_LONG`), each time, the focus left where it is."""
        self.notes.show("title", TITLE_TOO_LONG, focus=False)

    def _show_sharing(self, shared: bool) -> None:
        if shared and not self._loading and self.sharing_extras.ask_first():
            self.shared.setChecked(False)  # shared only once the note is read and agreed
            return
        self.sharing.setText(SHARED_TEXT if shared else PRIVATE_TEXT)
        describes(self.sharing, self.shared)

    def _sharing_answered(self, shared: bool) -> None:
        """The first-time note on sharing was answered: the entry is shared (or stays
        private), then the focus goes back to the switch, heard as it now is (checked,
        described as shared), and the result is said politely, from the switch (the
        note under the words may be folded away). The focus came back first, and the
        switch was heard "not checked, Private" just after "Share it" (break test 15
        of session 12, finding 12)."""
        if shared:
            self.shared.setChecked(True)
        self.shared.setFocus()
        announce(self.shared, SHARED_TEXT if shared else KEPT_PRIVATE_TEXT)

    def _text_refused(self, message: str) -> None:
        """A paste or a key the entry could not take: said under the words, every time."""
        self.text_note.refuse(message)

    def _clear_text_note(self) -> None:
        if self.text_note.text():
            self.text_note.clear()

    def _show_paste_progress(self, percent: int) -> None:
        """A paste of many lines going in ("Pasting… 40 %"), or an entry of many lines
        being opened ("Opening… 40 %"): on the status line, in steps
        of ten (each new text lays the column out again: at every slice that was half
        the paste's time), said once as it starts; gone when all of it is in (the
        autosave then says when it saved)."""
        if percent >= 100:
            self.status.clear()
            return
        words = OPENING if self.body.opening else PASTING
        shown = words.format(percent=percent // 10 * 10)
        if shown != self.status.text():
            self.status.show_message(shown, "status", quietly=percent > 0)

    def show_problem(self, message: str) -> None:
        """Say ``message`` (what went wrong) on the status line, each time."""
        self.status.refuse(message)

    def _set_status(self, message: str, role: str = "subtle") -> None:
        self.status.show_message(message, "error" if role == "error" else "status")

    # saving ---------------------------------------------------------------------------
    def _body_changed(self) -> None:
        """The words changed: unless it is an entry of many lines still going in as it
        is opened (`MarkdownEditor.opening`), which changes nothing of it."""
        if not self.body.opening:
            self._changed()

    def _changed(self) -> None:
        if self._loading or self._entry is None:
            return
        if self._clock.isActive():
            self._begin_writing()
        self._revision += 1
        self.timer.start()
        if not self.at_least.isActive():
            self.at_least.start()

    def follow_clock(self) -> None:
        """Show a new entry not yet begun at this minute, unless the person is in its
        "Written on" field; the clock is set for the next turn of the minute."""
        if self._clock.isActive():
            now = _now()
            self._clock.start(next_minute_ms(now))
            if not self.when.hasFocus():
                self._date_new_entry(now)

    def _begin_writing(self) -> None:
        """The first word (or mood, feeling, tag) of a new entry whose date no one
        chose: the entry is dated now, the moment it was begun. It was dated when the
        blank page was made, at the unlock: words begun at 13:00 were "Written on
        07:00", the time Solace was opened (re-test of break test 39)."""
        self._clock.stop()
        self._date_new_entry(_now())

    def _date_new_entry(self, moment: datetime) -> None:
        """Date the new entry shown (not stored yet) ``moment`` (aware UTC), in the
        field too, without it counting as the person's change."""
        if self._entry is None or self._stored:
            return
        self._entry = dataclasses.replace(self._entry, created_at=moment)
        self._good_when = moment
        loading, self._loading = self._loading, True
        try:
            self._show_when(moment, self._entry.zone)
        finally:
            self._loading = loading

    def _show_when(self, moment: datetime, zone: str | None) -> None:
        """The entry's moment in the "Written on" field, or, for a day the field cannot
        show, in words in a read-only box in its place (it cannot be changed here).
        Its calendar stops at today where the entry was written: a later day is
        refused, so it is not offered (break test 15 of session 12, 11i)."""
        today = to_local(now_utc(), zone).date()
        self.when.setMaximumDate(QDate(today.year, today.month, today.day))
        fits = show_moment(self.when, moment, zone)
        if not fits:
            shown = say_moment(moment, zone=zone)
            self.when_fixed.setText(shown)
            self.when_fixed.setCursorPosition(0)  # the whole date, at any text size
        self.when.setVisible(fits)
        self.when_fixed.setVisible(not fits)
        self._when_caption.setBuddy(self.when if fits else self.when_fixed)
        self._name_zone()

    def _name_zone(self) -> None:
        """Name the zone of the time the date field shows ("CET") beside it, and for a
        screen reader in its name, when that is not this computer's wall time at that
        moment (an entry written in Berlin, read in Los Angeles)."""
        zone = self._entry.zone if self._entry is not None else None
        moment = from_qdatetime(self.when.dateTime(), zone)
        name = zone_abbreviation(to_local(moment, zone)) if elsewhere(moment, zone) else ""
        self.when_zone.setText(name)
        self.when_zone.setVisible(bool(name))
        where = f", in {name}, the time where it was written" if name else ""
        self.when.setAccessibleName(f"{WHEN_NAME}{where}")

    def written_at(self) -> datetime | None:
        """The moment the date field shows (aware UTC), or None when it is in the future.
        The field shows the entry's wall clock where it was written (`Entry.zone`)."""
        zone = self._entry.zone if self._entry is not None else None
        moment = from_qdatetime(self.when.dateTime(), zone)
        return None if moment > now_utc() else moment

    def _when_changed(self) -> None:
        """A moment in the future is refused under the field at once, and said once
        (not again at each further step to another such moment); the words are still
        saved, with the entry's last good date. The refusal never holds the focus:
        Tab, a click or another area leave the field, the reason stays beside it (and
        is its description) until it shows a good moment again (break test 15 of
        session 7, finding 1). A good one is saved like a word typed: by the next
        autosave, in order with the text."""
        if self._loading or self._entry is None:
            return
        self._clock.stop()  # a date she chose: it stays hers
        moment = self.written_at()
        if moment is None:
            self.status.clear()
            self.notes.show("created_at", FUTURE_MESSAGE, focus=False, quietly=self._when_refused)
            self._when_refused = True
            return
        self._when_refused = False
        self.notes.clear()
        self._good_when = moment
        self._changed()

    def _when_taken(self) -> None:
        """A moment typed (or picked) and taken, also the one the field showed already:
        when it is a good one, a refusal still under the field goes. Typed back over a
        refused year, the entry's own date changed nothing, and "That time has not come
        yet" stayed, red and heard, under a field that was right (re-test of break test
        15 of session 29, N1)."""
        refused = self.notes.note("created_at").text() == FUTURE_MESSAGE
        if refused and not self._loading and self.written_at() is not None:
            self._when_refused = False
            self.notes.clear()  # that refusal only: what a clock change did stays said

    def _when_left(self) -> None:
        """The "Written on" field was left (Tab, a click, Enter) showing a refused
        moment: it shows the date the entry keeps again, so that the field and the list
        agree; the reason stays under it until the field is changed (break test 10 of
        session 12, finding 13: the box kept showing 2027 while the list said today)."""
        if not self._when_refused or self._good_when is None or self._entry is None:
            return
        self.when.blockSignals(True)  # the note stays: it says why the date went back
        try:
            self._show_when(self._good_when, self._entry.zone)
        finally:
            self.when.blockSignals(False)
        self._when_refused = False  # it shows a good moment: a new refusal is said again

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab or Shift+Tab in "Written on" while it shows a refused moment (one in the
        future): the field shows the date the entry keeps again (`_when_left`) and keeps
        the focus, and the refusal is said again, so the person hears why the focus did
        not move and what the field now holds. A second Tab moves on. Tab had walked on
        to Bold, where a Space then pressed it (break test 10 of session 15, finding 1;
        the issue: a refused value is said next to its field, with the focus on it)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and watched in (self.when, self.when.lineEdit())
            and self._when_refused
        ):
            self._when_left()
            self.notes.show("created_at", FUTURE_MESSAGE, focus=False)
            return True
        return super().eventFilter(watched, event)

    def compose(self) -> Entry | None:
        """The entry as the widgets show it now."""
        snapshot = self._snapshot()
        return snapshot.entry() if snapshot is not None else None

    def _snapshot(self) -> Snapshot | None:
        """What the widgets show now, as plain values; the text is read in one pass."""
        if self._entry is None:
            return None
        return Snapshot(
            base=self._entry,
            created_at=self._good_when or self._entry.created_at,  # as chosen, else as it was
            title=self.title.text(),
            body=self.body.markdown(),
            field_tags=field_tags(self.tags.text()),
            mood=self.mood.mood(),
            feelings=tuple(self.feelings.feelings()),
            shared=self.shared.isChecked(),
            updated_at=_now(),
            generation=self._generation,
            revision=self._revision,
        )

    @staticmethod
    def _is_blank(snapshot: Snapshot) -> bool:
        body = snapshot.body
        return not (
            snapshot.title.strip()
            or (body and not body.isspace())
            or snapshot.mood
            or snapshot.feelings
            or any(normalise_tag(tag) for tag in snapshot.field_tags)
        )

    def save_soon(self) -> None:
        """Autosave: take a snapshot now and write it in the background (see `EntrySaver`).
        Costs the GUI thread one pass over the text. While a paste of many lines is
        going in it waits for the paste (the timer is started again): `save_now`
        finishes the paste and saves the whole. Called after a pause in typing
        (`AUTOSAVE_MS`) or, while typing goes on, `AUTOSAVE_AT_LEAST_MS` after the first
        change since the last save."""
        self.timer.stop()
        self.at_least.stop()
        if self.body.pasting:
            self.timer.start()
            return
        if not self.is_dirty or self._repo is None:
            self.retry.stop()
            return
        if self._revision == self._submitted_revision:
            return
        snapshot = self._snapshot()
        if snapshot is None:
            return
        checkpoint(self.body)  # one Ctrl+Z takes back at most what is typed after
        if not self._stored and self._is_blank(snapshot):
            self._saved_revision = snapshot.revision
            return
        problem = check_entry_size(snapshot.body)
        if problem:
            self.show_problem(problem)
            return
        self._submitted_revision = snapshot.revision
        self.saver.submit(snapshot)

    def save_now(self) -> bool:
        """Write the entry if it changed and wait until it is written. False (and the
        reason on the status line) when it could not be written. A paste still going in
        is finished first and saved whole, and a feeling typed in its own words but
        not yet chosen with Enter is chosen."""
        self.body.finish_paste()
        self.feelings.choose_own(say=False)
        self.save_soon()
        self.saver.flush()
        return not self.is_dirty

    def _save_finished(self, job: SaveJob) -> None:
        """A save ended (on the GUI thread): say so, or why not."""
        snapshot = job.snapshot
        current = snapshot.generation == self._generation
        if job.error is not None or job.entry is None:
            if current:
                self._submitted_revision = -1  # the next save writes again
                self._failed = True
                self.failure = job.error  # what refused it, for the lock's notice
                self.show_problem(user_message(job.error or RuntimeError()))
                self.retry.start()  # the words stay; nothing else has to happen first
            return
        entry = job.entry
        # The entry shown is the last one written, so a date unlike its date was moved.
        self.moved = (
            current and self._entry is not None and (entry.created_at != self._entry.created_at)
        )
        if current:
            self._entry, self._stored = entry, True
            self._saved_revision = max(self._saved_revision, snapshot.revision)
            if not self.is_dirty:
                self.retry.stop()
            self.delete_button.setEnabled(True)
            self.sharing_extras.saved(entry.id)
            self._set_status(f"Saved at {say_time(entry.updated_at)}")
            if self._failed:  # the problem was said: so is its end
                self._failed = False
                announce(self.status, self.status.text())
        self.first_save = job.inserted
        self.saved.emit(entry.summary())

    def save_and_say(self) -> None:
        """Ctrl+S in the entry: write it now, and say when it was saved ("Saved at
        03:40", politely, even when nothing changed since), or why it could not be
        (said by the failure itself, assertively)."""
        if not self.save_now():
            return
        said = self.status.text() if self._stored else NOTHING_TO_SAVE
        if said:
            announce(self.status, said)

    def request_delete(self) -> None:
        """Ask to delete the entry shown ("Delete entry…", or Delete on it in the list):
        saved first, so the question is about what is on screen; nothing for an entry
        never saved."""
        if not self.save_now():
            return
        if self._entry is not None and self._stored:
            self.delete_requested.emit(self._entry)

    def draft(self) -> str | None:
        """The unsaved entry as JSON for a sealed draft (see `restore_draft`); None
        when nothing is unsaved."""
        entry = self.compose() if self.is_dirty else None
        if entry is None:
            return None
        return json.dumps(
            {
                "id": entry.id,
                "stored": self._stored,
                "created_at": entry.created_at.isoformat(),
                "title": self.title.text(),
                "body": entry.body,
                "tags": self.tags.text(),
                "mood": int(entry.mood) if entry.mood else None,
                "feelings": list(entry.feelings),
                "shared": entry.shared,
            },
            ensure_ascii=False,
        )

    def restore_draft(self, draft: str, lookup: Callable[[str], Entry | None] | None) -> str | None:
        """Show a draft kept by `draft` at an earlier lock, over its saved entry if it
        had one (found with ``lookup``), as unsaved work. Returns the entry's id."""
        values = json.loads(draft)
        saved = lookup(values["id"]) if lookup and values.get("stored") else None
        if saved is not None:
            self._show(saved, stored=True)
        else:
            self._show(dataclasses.replace(new_entry(_now(), None), id=values["id"]), stored=False)
        self.title.setText(qt_text(values["title"]))
        if values.get("created_at"):
            zone = self._entry.zone if self._entry is not None else None
            self._show_when(datetime.fromisoformat(values["created_at"]), zone)
        self.body.set_markdown(values["body"])
        self.tags.setText(qt_text(values["tags"]))
        self.mood.set_mood(Mood(values["mood"]) if values["mood"] else None)
        self.feelings.set_feelings(values["feelings"])
        self.shared.setChecked(bool(values["shared"]))
        self._revision += 1  # unsaved until written
        return str(values["id"])

    def clear(self) -> None:
        """Forget the entry, the text and its undo history (on lock). A save still
        running is finished first, then the save connection is closed."""
        self.timer.stop()
        self.at_least.stop()
        self.saver.close()
        self.retry.stop()  # after the last save's result, which may have started it
        self._clock.stop()
        self._loading = True
        try:
            self._entry, self._stored = None, False
            self._forget_revisions()
            self.title.setText("")  # setText also clears the undo history
            self._good_when = None
            self._when_refused = False
            self.notes.clear()
            self.body.forget()
            self.mood.set_mood(None)
            self.feelings.set_feelings(())
            self.tags.setText("")
            self.shared.setChecked(False)
            self.prompt.clear()
            self.prompt.hide()
            self.body.setAccessibleDescription(LEAVING_THE_TEXT)
            self.status.clear()
            self.text_note.clear()
            self.long_note.clear()
        finally:
            self._loading = False
        self._repo = None
        self.sharing_extras.clear()
        self.setEnabled(False)
