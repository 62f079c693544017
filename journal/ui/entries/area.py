"""The Journal area: write, browse, search, look back and see feelings over time.

Locking saves the draft, then forgets everything shown: text, undo history,
models, search text, filters and chart. Only the current entry's id is kept, so
that after unlocking the person is back where they were.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from journal.domain.common.bidi import quoted
from journal.domain.common.local_time import local_day
from journal.domain.common.search_words import PUNCTUATION_ONLY, punctuation_only
from journal.domain.entries.entry import Entry, EntrySummary
from journal.domain.entries.prompts import Prompt, PromptLibrary, load_prompts, prompts_dir
from journal.domain.entries.remembrance import acknowledgements, on_this_day_years
from journal.storage.entries.prompts import PromptStore
from journal.storage.entries.remembrance import RemembranceStore
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch, SearchHit, has_words, only_symbols
from journal.storage.entries.stats import MoodStats
from journal.storage.together.sharing import Sharing
from journal.ui.common.accessibility import Message, announce, first_tab_stop
from journal.ui.common.area import AppContext, Area
from journal.ui.common.chosen_item import ItemCommand, chosen_item_commands
from journal.ui.common.confirm import Question, confirm
from journal.ui.common.dialog_drafts import reopenable
from journal.ui.common.flow import FlowLayout
from journal.ui.common.hidden_focus import reveals
from journal.ui.common.local_time import say_moment, today_local
from journal.ui.common.messages import user_message
from journal.ui.common.notes_room import height_lent
from journal.ui.common.page_focus import focus_placed_after
from journal.ui.common.stacks import CurrentPageStack, CurrentPageTabs
from journal.ui.common.undo_bar import GONE_FOR_GOOD, UndoBar, deletion_detail
from journal.ui.common.widgets import label, scrolling
from journal.ui.entries.editor import EntryEditor, UnsavedWriting
from journal.ui.entries.month_calendar import EntryCalendar
from journal.ui.entries.mood_chart import MoodChart
from journal.ui.entries.prompts import PromptPicker
from journal.ui.entries.remembrance import RemembranceDialog
from journal.ui.entries.search import SearchBar
from journal.ui.entries.timeline import BrowseSource, TimelineDelegate, TimelineModel

if TYPE_CHECKING:
    from journal.storage.database import Database

__all__ = ["GONE_FOR_GOOD", "JournalArea"]

LAST_OPEN = "entries/last_open"  # the entry shown at the last lock, reopened at unlock

log = logging.getLogger(__name__)
FOLLOW_MS = 250  # a pause in moving through the list before the entry beside it follows
# The least first page of a search: each key typed builds, measures and snippets
# only the rows the list can show (`JournalArea.first_search_page`); scrolling loads
# the rest. 40 rows at each key cost a fifth of a keystroke at 100k entries (issue 12).
SEARCH_PAGE = 20
COUPLE_PROMPTS_LINK = "solace://together/prompts"  # answered privately in the Together area
HIDE_LIST = "H&ide the list"
SHOW_LIST = "Show the l&ist"
EMPTY = "Choose an entry on the left, or start a new one. Whatever you write is saved as you go."


class PanelSplitter(QSplitter):
    """A splitter as narrow as its main page allows: the side panel beside it is hidden
    (by `JournalArea._place_panels`) rather than pushing the area wider than the window."""

    def __init__(self, main: QWidget) -> None:
        super().__init__()
        self._main = main

    def minimumSizeHint(self) -> QSize:
        return self._main.minimumSizeHint().expandedTo(QSize(0, super().minimumSizeHint().height()))


LIST_CHARACTERS = 32
"""The narrowest the list of entries is worth showing beside an entry, in average
characters of the current font: a row's date and its first few words."""

LIST_WIDTH = 360
"""The list's width beside an entry (pixels) until the person drags the divider."""

LIST_GIVES_WAY_TO = 24
"""The narrowest the list becomes beside an entry that needs the room, in average
characters of the current font: the first words of a row."""

ENTRY_CHARACTERS = 56
"""The width an entry is written in comfortably, in average characters of the current
font: the list beside it gives way (down to ``LIST_GIVES_WAY_TO``) until the entry has
it. Narrower, the entry's rows of buttons wrap, and on a 1024x600 screen at 150 % text
its words got a fifth of the height (issue 10). Only the list's width follows this
rule, never whether the list is shown beside the entry (`JournalArea.narrow`)."""

#: Said at New entry (Ctrl+N) when the entry shown had words (saved first), or when
#: the focus stays in the words (nothing else is heard).
SAVED_NEW_SAID = "Saved. New entry."
NEW_SAID = "New entry."

WORDS_LEAST = 0.4
"""The least share of the Journal area's height the words of an entry keep beside the
list (issue 10: on a 1024x600 screen at 150 % text they had a fifth of it); where the
list at its least width would leave them less, and less than ``WORDS_LINES`` too, it
gives way to the entry."""

WORDS_LINES = 10
"""Lines of the words' font that are room enough for them beside the list, whatever
share of the height that is: with "Mood, feelings, tags" open on a 1100x700 window at
100 % text the words had 38 % of the height, 13 lines, and the list went away as
another entry was picked from it (break test 38, finding 4). At 1024x600 and 150 %
text, 32 % was 6 lines, and the list still gives way there."""


class JournalArea(Area):
    """The Journal area: the entry list with search and filters, the editor, the calendar,
    the mood chart and Look back."""

    area_id = "journal"
    title = "Journal"

    _shipped_prompts: PromptLibrary | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.repo: EntryRepository | None = None
        self.prompt_store: PromptStore | None = None
        self.remembrance: RemembranceStore | None = None
        self.prompts = PromptLibrary(())
        self._last_entry_id: str | None = None
        self._db: Database | None = None  # for the last-open entry only
        self._stored_last_open = ""  # LAST_OPEN as the journal holds it
        self._total: int | None = None
        self.question: Question | None = None

        self.new_button = QPushButton("&New entry")
        self.new_button.setToolTip("Start a new entry (Ctrl+N)")
        self.prompt_button = QPushButton("Write with a &prompt…")
        self.chart_button = QPushButton("Feelings over &time")
        # No letter: each of its words' letters is another control's in the window (its
        # R was Filte&rs': break test 15 of session 18, re-test R5).
        self.remembrance_button = QPushButton("Remembrance dates…")
        self.couple_button = QPushButton("C&ouple prompts…")
        self.couple_button.setToolTip(
            "Answer the couple prompts privately; Together shows an answer only once "
            "both of you have answered."
        )
        self._open_link: Callable[[str], None] = lambda _url: None
        self.banner = label("", "notice")
        self.banner.setAccessibleDescription("A note for today")
        self.banner.hide()

        self.search = SearchBar()
        self.model = TimelineModel(self)
        self.timeline = QListView()
        self.timeline.setAccessibleName("Entries, newest first")
        self.timeline.setModel(self.model)
        self.timeline.setItemDelegate(TimelineDelegate(self.timeline))
        self.timeline.setUniformItemSizes(False)
        self.timeline.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.timeline.setMouseTracking(True)
        self.calendar = EntryCalendar()
        self.browse_tabs = CurrentPageTabs()
        self.browse_tabs.addTab(self.timeline, "&List")
        self.browse_tabs.addTab(self.calendar, "C&alendar")
        self.count = Message("Number of entries shown", hide_empty=False)

        self.editor = EntryEditor()
        self.editor.prompt_lookup = lambda prompt_id: self.prompts.get(prompt_id)
        self.chart = MoodChart()
        self.empty = label(EMPTY, "subtle")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = CurrentPageStack()
        for page in (self.empty, self.editor, self.chart):
            self.pages.addWidget(page)

        # The same Undo as every delete in Solace; New entry takes the focus when the
        # time to undo runs out while it was on Undo.
        self.undo_row = UndoBar("Undo deleting the entry", self._after_undo_ran_out)
        self.undo_text, self.undo_button = self.undo_row.text, self.undo_row.button
        self.undo_timer = self.undo_row.timer

        self.list_button = QPushButton(HIDE_LIST)
        self.list_button.setAccessibleDescription(
            "Shows or hides the search, the list and the calendar of entries"
        )
        top = FlowLayout()
        for button in (self.new_button, self.prompt_button, self.list_button):
            top.addWidget(button)
        looking_back = QWidget()
        looking_back.setAccessibleName("Look back")
        back_column = QVBoxLayout(looking_back)
        for button, says in (
            (self.chart_button, "How your mood and feelings have moved, week by week."),
            (self.remembrance_button, "Days to remember, and whether to see earlier years."),
            (self.couple_button, "Prompts for the two of you, answered privately."),
        ):
            button.setAccessibleDescription(says)
            back_column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            back_column.addWidget(label(says, "subtle"))
        back_column.addStretch(1)
        self.browse_tabs.addTab(scrolling(looking_back), "Look bac&k")  # B: the chart's "ta&ble"
        self.side = QWidget()
        left_column = QVBoxLayout(self.side)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.search)
        left_column.addWidget(self.browse_tabs, 1)
        left_column.addWidget(self.count)
        self.splitter = PanelSplitter(self.pages)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([LIST_WIDTH, 640])
        self._list_width = LIST_WIDTH  # the list's width the person chose (the divider)
        self.splitter.splitterMoved.connect(self._list_width_chosen)
        self._list_wanted = True  # the person's choice
        self._list_instead = False  # on a narrow screen: the list shown in place of the entry
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.banner)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.undo_row)

        # The tabs' Alt+letters (List, Calendar, Look back) while the list is folded
        # away: Qt's own belong to the hidden tab bar and did nothing, saying nothing
        # (at 200 % text the list is folded by itself: issue 15, break test of session
        # 24). Each shows the list at its tab, the focus on the tab.
        self._folded_tab_keys: list[QAction] = []
        for index in range(self.browse_tabs.count()):
            key = QKeySequence.mnemonic(self.browse_tabs.tabText(index))
            if not key.isEmpty():
                opens = QAction(self.browse_tabs.tabText(index).replace("&", ""), self)
                opens.setShortcut(key)
                opens.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                opens.triggered.connect(lambda _checked=False, index=index: self._open_tab(index))
                self.addAction(opens)
                self._folded_tab_keys.append(opens)

        self.new_button.clicked.connect(self.new_entry)
        self.list_button.clicked.connect(self.toggle_list)
        reveals(self.side, self._show_list)  # a control of the list focused shows it
        self.pages.currentChanged.connect(lambda _index: self._place_panels())
        self.prompt_button.clicked.connect(self.write_with_prompt)
        self.chart_button.clicked.connect(self.show_chart)
        self.remembrance_button.clicked.connect(self.edit_remembrance)
        self.couple_button.clicked.connect(lambda: self._open_link(COUPLE_PROMPTS_LINK))
        self.search.changed.connect(self._searched)
        self.timeline.activated.connect(self._open_index)
        self.timeline.clicked.connect(self._open_index)
        # Beside the list, the entry shown follows the row chosen with the keys, after a
        # short pause (holding Down does not open every entry on the way).
        self.follow_timer = QTimer(self)
        self.follow_timer.setSingleShot(True)
        self.follow_timer.setInterval(FOLLOW_MS)
        self.follow_timer.timeout.connect(self._follow_chosen)
        self.timeline.selectionModel().currentChanged.connect(self._chosen_changed)
        chosen_item_commands(
            self.timeline,
            (
                ItemCommand("&Open this entry", self._open_chosen),
                ItemCommand("&Delete this entry…", self.delete_chosen, "delete"),
            ),
        )
        self.calendar.day_chosen.connect(self._show_day)
        self.editor.saved.connect(self._saved)
        self.editor.delete_requested.connect(self.delete_entry)
        self.setEnabled(False)

    # the side panel -------------------------------------------------------------------------
    def narrow(self) -> bool:
        """Whether the list and the page beside it do not both fit side by side: the
        list needs at least ``LIST_CHARACTERS`` average characters of the current font
        (a date and the first words of an entry) and never less than `side_least` (its
        tabs' names and its search field's words whole), whatever its own widgets could
        shrink to; beside an entry, the entry's words must also keep ``WORDS_LEAST`` of
        the area's height at the width left to them (`words_keep_their_room`). Only
        whether the list is shown follows the words' height, never the entry's
        comfortable width (``ENTRY_CHARACTERS``, which sets only `list_width`):
        counting that hid the list at widths where both fit, and Delete on a chosen
        row deleted the entry being written instead."""
        characters = self.fontMetrics().averageCharWidth()
        side = max(self.side_least(), characters * LIST_CHARACTERS)
        needed = side + self.pages.minimumSizeHint().width() + self.splitter.handleWidth()
        if self.width() < needed:
            return True
        return self.pages.currentWidget() is self.editor and not self.words_keep_their_room()

    def side_least(self) -> int:
        """The narrowest (pixels) the list's side is shown at: what its widgets need,
        its tabs' names whole (never behind the tab bar's scroll arrows: "Look b" at
        1024x600 and 200 % text, break test 10 of session 12, finding 7) and the search
        field's words (`SearchField`) with Filters beside it.
        Where that leaves too little room beside it, the list gives way (`narrow`)."""
        bar = self.browse_tabs.tabBar()
        frame = self.browse_tabs.width() - self.browse_tabs.contentsRect().width()
        tabs = sum(bar.tabSizeHint(index).width() for index in range(bar.count())) + frame
        return max(self.side.minimumSizeHint().width(), tabs)

    def words_keep_their_room(self) -> bool:
        """Whether the entry's words keep ``WORDS_LEAST`` of the area's height, or
        ``WORDS_LINES`` lines, beside the list at its least width (`side_least`): the
        entry's rows of buttons wrap as it narrows, and on a 1024x600 screen at 150 %
        text they left the words a third of the height (issue 10)."""
        room = self.splitter.width() - self.splitter.handleWidth()
        characters = self.fontMetrics().averageCharWidth()
        side = max(self.side_least(), characters * LIST_GIVES_WAY_TO)
        lent = height_lent(self)  # a note under the pages changes nothing here
        words = self.editor.words_height(room - side, self.splitter.height() + lent)
        lines = self.editor.body.fontMetrics().lineSpacing() * WORDS_LINES
        return words >= min((self.height() + lent) * WORDS_LEAST, lines)

    def toggle_list(self) -> None:
        """Hide or show the list; on a narrow screen, show it in place of the entry."""
        with focus_placed_after(self._focus_page):  # never "Areas" on the way
            self._show_list(self.side.isHidden())
            if not self.side.isHidden():
                self.search.field.setFocus()
            else:
                self._focus_page()

    def _show_list(self, shown: bool = True) -> None:
        """Show (or hide) the list, as "Show the list" does: on a narrow screen in place
        of the entry. Every focus request for a control of the list shows it first
        (`hidden_focus.reveals`, break test 15 of session 18, finding 2)."""
        if self.narrow():
            self._list_instead = shown
        else:
            self._list_wanted = shown
            self._list_instead = False
        self._place_panels()

    def _open_tab(self, index: int) -> None:
        """Show the folded list at its tab ``index``, the focus on the tab's name."""
        self._show_list(True)
        self.browse_tabs.setCurrentIndex(index)
        self.browse_tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _focus_page(self) -> None:
        """Focus the first control of the page shown (the words of an entry), never the
        unnamed stack holding the pages."""
        page = self.pages.currentWidget()
        target: QWidget | None = self.editor.body if page is self.editor else None
        if target is None and page is not None:
            target = first_tab_stop(page)
        (target or self.list_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def _place_panels(self) -> None:
        narrow = self.narrow()
        if narrow:
            writing = self.pages.currentWidget() is not self.empty
            side = self._list_instead or not writing
        else:
            side = self._list_wanted
            self._list_instead = False
        # Never dragged narrower than its tabs' names and search words need.
        self.side.setMinimumWidth(self.side_least() if side and not narrow else 0)
        self.side.setVisible(side)
        for opens in self._folded_tab_keys:  # the tab bar's own while it shows
            opens.setEnabled(not side)
        self.pages.setVisible(not (narrow and side))
        self.list_button.setText(HIDE_LIST if side else SHOW_LIST)
        if side and not narrow:
            self._share_width()

    def _list_width_chosen(self, _position: int, _index: int) -> None:
        """The person dragged the divider: the list keeps that width from now on."""
        self._list_width = self.splitter.sizes()[0]

    def list_width(self) -> int:
        """The list's width beside the entry (pixels): the width the person chose, but
        narrower, down to ``LIST_GIVES_WAY_TO`` average characters (or `side_least`,
        its tabs' names and search words whole), while the entry would be narrower
        than ``ENTRY_CHARACTERS``. Writing apps give the words the room first (a
        1024x600 screen at 150 % text)."""
        room = self.splitter.width() - self.splitter.handleWidth()
        characters = self.fontMetrics().averageCharWidth()
        least = max(self.side_least(), characters * LIST_GIVES_WAY_TO)
        return max(least, min(self._list_width, room - characters * ENTRY_CHARACTERS))

    def _share_width(self) -> None:
        sizes = self.splitter.sizes()
        width = self.list_width()
        if len(sizes) == 2 and sizes[0] != width and sum(sizes) > width:
            self.splitter.setSizes([width, sum(sizes) - width])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_panels()
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # its least height follows its width (`minimumSizeHint`)

    def minimumSizeHint(self) -> QSize:
        """The least size (pixels) the area is laid out at: as tall as its rows need at
        its width. Its row of New entry, Prompts and Hide the list wraps on a narrow
        window, and a least height counting it on one line left the entry below it too
        short for its own wrapped rows: in a 500x360 window the quote button and "Mood,
        feelings, tags" were cut off and "Delete entry…" cut in half, out of reach of
        scrolling (issue 10, break test of session 25, F8)."""
        least = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and self.width() > 0:
            least.setHeight(max(least.height(), layout.totalMinimumHeightForWidth(self.width())))
        return least

    def hasHeightForWidth(self) -> bool:
        """No: the area takes the height of the window (its minimum when that is less),
        never the taller height its wrapped rows would like, so the writing field is
        what grows and shrinks with the window, not a scroll bar."""
        return False

    # opening and locking ---------------------------------------------------------------
    @classmethod
    def shipped_prompts(cls) -> PromptLibrary:
        if cls._shipped_prompts is None:
            cls._shipped_prompts = load_prompts(prompts_dir())
        return cls._shipped_prompts

    def prepare(self) -> None:
        """Read the shipped prompts now, before any unlock (kept for the process)."""
        try:
            self.shipped_prompts()
        except Exception as error:  # said again, kindly, when the journal opens
            log.error("prompts could not be loaded: %s", type(error).__name__)

    def open_journal(self, context: AppContext) -> None:
        db = context.journal.db
        self._db = db
        self._stored_last_open = db.get_setting(LAST_OPEN)
        self._last_entry_id = self._last_entry_id or self._stored_last_open or None
        self._open_link = context.open_link
        self.repo = EntryRepository(db)
        self.prompt_store = PromptStore(db)
        self.remembrance = RemembranceStore(db)
        self.setEnabled(True)
        try:
            self.prompts = self.shipped_prompts().with_prompts(self.prompt_store.custom_prompts())
        except Exception as error:  # the journal still opens without prompts
            log.error("prompts could not be loaded: %s", type(error).__name__)
            self.prompts = PromptLibrary(())
        self.editor.attach(self.repo, context.journal)
        stats = MoodStats(db)
        self.chart.attach(stats.mood_series, stats.top_feelings)
        self.show_timeline()
        self.calendar.attach(self.repo.entries_per_day)
        self._show_banner()
        self._reopen_last()

    def _reopen_last(self) -> None:
        """Show again the entry shown at the last lock; with none (a new journal, the
        entry deleted, none ever open), a new entry, so that the words typed first
        after an unlock always have a place (`focus_start`). A new entry left empty is
        never stored."""
        entry_id, self._last_entry_id = self._last_entry_id, None
        entry = self.repo.get(entry_id) if self.repo and entry_id else None
        # Without the focus: the area is hidden still (`focus_start` places it).
        new = self.editor.start_new
        shown = self.editor.load(entry) if entry is not None else new(focus=False)
        self.pages.setCurrentWidget(self.editor if shown else self.empty)
        self._choose_shown()

    def _choose_shown(self, *, scroll: bool = True) -> None:
        """The one rule between the list and the editor: the list's chosen row (current
        and highlighted) is the entry the editor shows, whatever opened it (the entry
        open at the last lock, a draft put back at unlock, Undo of a delete, a search
        typed or cleared); no row is chosen while the editor shows an entry the list
        does not hold (a new one before its first save, which then chooses its row:
        `_saved`; one a search does not find, or not loaded yet). Edit > Delete… and
        the Delete key act on the chosen row (`delete_chosen`): a draft put back after
        a full disk left the entry open before it highlighted, and Edit > Delete…
        offered to delete that one (break test 16 of session 11, finding 4).
        ``scroll``: whether the list scrolls to the chosen row (not while a search is
        typed, whose results start at the top)."""
        entry_id = self.editor.entry_id
        row = self.model.row_of(entry_id) if entry_id else -1
        if row >= 0:
            self.timeline.setAutoScroll(scroll)  # Qt scrolls to a new current row
            self.timeline.setCurrentIndex(self.model.index(row))
            self.timeline.setAutoScroll(True)
            return
        self.timeline.clearSelection()
        self.timeline.setCurrentIndex(QModelIndex())

    def save_pending(self) -> None:
        """Write the entry being written. Raises UnsavedWriting (the editor says why)
        when it cannot be written; the lock then keeps it sealed (see `Area`)."""
        # The lock is under way: a search or an opening still waiting for its pause
        # would only read the journal for a window about to be covered (the day's
        # backup copies it meanwhile, on a connection of its own: `backup_at_lock`).
        self.search.timer.stop()
        self.follow_timer.stop()
        if not self.editor.save_now():
            raise UnsavedWriting(self.editor.status.text()) from self.editor.failure
        shown = self.editor.stored_entry_id or ""
        # Reopened at the next unlock (the area is rebuilt); a new entry left empty is
        # never stored, so there is none to reopen. Written only when it changed: a
        # commit was about a fifth of a quit's time (issue 12).
        if self._db is not None and shown != self._stored_last_open:
            self._db.set_setting(LAST_OPEN, shown)
            self._stored_last_open = shown

    def pending_draft(self) -> str | None:
        return self.editor.draft()

    def not_added(self) -> int:
        return self.editor.body.refused_characters

    def restore_draft(self, draft: str) -> None:
        entry_id = self.editor.restore_draft(draft, self.repo.get if self.repo else None)
        self.pages.setCurrentWidget(self.editor)
        self._choose_shown()
        if entry_id is not None:
            self._last_entry_id = None

    def close_connections(self) -> None:
        self.editor.saver.close()  # every save asked for is written first

    def clear(self) -> None:
        self._db = None
        self._last_entry_id = self.editor.entry_id
        self.editor.clear()
        self.search.clear()
        self.model.clear()
        self.calendar.clear()
        self.chart.clear()
        self._forget_undo()
        self.banner.clear()
        self.banner.hide()
        self.count.clear()
        self._total = None
        self.pages.setCurrentWidget(self.empty)
        self.repo = self.prompt_store = self.remembrance = None
        self.prompts = PromptLibrary(())
        self.setEnabled(False)

    def focus_start(self) -> None:
        """Where typing goes: the words of the entry shown (the caret where
        `set_markdown` leaves it, at their end), else the first control (New entry).
        Called as the areas replace the lock screen (`MainWindow._show_areas`), and where
        the Journal starts after a dialog whose opener is gone (`FocusReturn`). Its first
        control was the start even with an entry open, so the first word typed after
        every unlock went nowhere and the space after it pressed New entry (break test
        16 of session 12, finding 4)."""
        body = self.editor.body
        if self.pages.currentWidget() is self.editor and body.isVisible() and body.isEnabled():
            body.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().focus_start()

    def focus_search(self) -> bool:
        """Edit > Find (Ctrl+F): the list is shown first where it gave way to the entry
        (as "Show the list" does), then its search field is focused with its words
        chosen: the focus went to the hidden field, and what was typed and "Nothing
        found" went nowhere seen or heard (break test 15 of session 18, finding 2); the
        List tab is brought forward, where what is found shows (`_show_found`)."""
        if self.side.isHidden():
            with focus_placed_after(self.search.field.setFocus):  # never "Areas" on the way
                self._show_list()
        self._show_found()
        self.search.field.setFocus()
        self.search.field.selectAll()
        return True

    def undo(self) -> None:
        """Edit > Undo: bring back the entry just deleted, while Undo is offered."""
        self.undo_row.undo()

    # browsing and searching ------------------------------------------------------------
    def show_timeline(self) -> None:
        """Every entry, newest first, counted afresh."""
        if self.repo is None:
            return
        self._total = None
        self.model.set_source(BrowseSource(self.repo))
        self._show_total()

    def _show_total(self, change: int = 0) -> None:
        """The number of entries: counted once on opening, then kept up to date."""
        if self._total is None:
            self._total = self.repo.count() if self.repo else 0
        self._total += change
        total = self._total
        if self.model.browsing:
            # A count changed by a first autosave or a delete is not said: it would cut
            # into the words being written (the delete says so itself).
            words = f"{total:,} entries" if total != 1 else "1 entry"
            self.count.show_message(words, quietly=change != 0)

    def _show_found(self) -> None:
        """Bring the List tab forward: what the search field finds shows only there.
        From Look back or Calendar, "1 found" was said and nothing was shown (break
        test 15 of session 18, re-test R4)."""
        self.browse_tabs.setCurrentWidget(self.timeline)

    def _searched(self) -> None:
        """The person changed the search (words typed, a filter chosen): what it finds
        is listed (`run_search`), and shown (`_show_found`) when it is a search."""
        if has_words(self.search.words()) or self.search.filters().active:
            self._show_found()
        self.run_search()
        if not self.model.browsing:  # a new search's results start at their first
            self.timeline.scrollToTop()  # (they kept the list's place: re-test 52, N4)

    def run_search(self) -> None:
        if self.repo is None:
            return
        words, filters = self.search.words(), self.search.filters()
        entry_search = EntrySearch(self.repo.db)
        searched = has_words(words)  # read once a key: the helpers below are told
        not_searched = _words_not_searched(words, searched)
        if not searched and not filters.active:
            if not self.model.browsing:  # the timeline is kept up to date while shown
                self.model.set_source(BrowseSource(self.repo))
                self._choose_shown()  # the search's end: back to the entry on screen
            self._show_total()
            if not_searched:
                self.count.setText(not_searched)
            return

        def page(offset: int, limit: int) -> list[SearchHit]:
            return entry_search.search(words, filters, limit=limit, offset=offset)

        try:
            # A small first page keeps each keystroke fast; scrolling loads the rest.
            self.model.set_source(page, browsing=False, page_size=self.first_search_page())
        except Exception as error:
            self.count.setText(user_message(error))
            return
        self._choose_shown(scroll=False)
        shown = self.model.rowCount()
        more = "+" if self.model.canFetchMore() else ""
        found = (
            f"{shown}{more} found"
            if shown
            else _nothing_found(words, searched, self.search.filters_said())
        )
        if not_searched:  # the filters alone searched
            found = (
                f"{found} with the filters. {not_searched}" if shown else f"{found} {not_searched}"
            )
        self.count.setText(found)

    def first_search_page(self) -> int:
        """How many rows a search loads at first (int): as many as the list can show at
        once (a row is at least two lines high) and one more, at least ``SEARCH_PAGE``."""
        line = max(1, self.timeline.fontMetrics().height())
        return max(SEARCH_PAGE, self.timeline.viewport().height() // (2 * line) + 1)

    def _show_day(self, day: date) -> None:
        self.search.show_day(day)
        self._show_found()

    def _open_index(self, index: QModelIndex) -> None:
        """Open the entry of a row of the list. Where the entry shows in place of the
        list (a narrow window, large text), the focus goes to its words, not along
        the window to "Areas" as the list hides."""
        with focus_placed_after(self._focus_page):
            self._open_row(index)

    def _open_row(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit = self.model.row_view(index.row())[0]
        entry_id = hit.summary.id
        if self.repo is None or not entry_id or entry_id == self.editor.entry_id:
            self._list_instead = False
            self.pages.setCurrentWidget(self.editor)
            self._place_panels()
            self._show_hit(hit)
            return
        try:  # said under the editor, as a new entry's problem is (`new_entry`)
            entry = self.repo.get(entry_id)
            if entry is not None:
                self.editor.load(entry)
        except Exception as error:
            self.editor.show_problem(user_message(error))
            return
        if entry is not None:
            self._list_instead = False
            self.pages.setCurrentWidget(self.editor)
            self._place_panels()
            self._show_hit(hit)

    def _show_hit(self, hit: SearchHit) -> None:
        """A search result opens at its hit: the words its snippet marked as written
        in the entry (so "strasse" finds "Straße" there too), else the words typed."""
        if self.model.browsing:
            return
        marked = [text.strip() for text, matched in hit.snippet if matched]
        self.editor.body.show_found([*marked, *self.search.words().split()])

    def _open_chosen(self) -> None:
        self._open_index(self.timeline.currentIndex())

    def _chosen_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.timeline.hasFocus():
            self.follow_timer.start()

    def _follow_chosen(self) -> None:
        """Open the row chosen with the keys while the list has the focus and the entry
        is shown beside it (break test 9, session 7, F10: the list highlighted one entry
        while the editor showed, and took words for, another). When only one of the
        two fits, Enter opens the row, as before: the list stays where the keys are."""
        if self.timeline.hasFocus() and not self.narrow() and self.side.isVisible():
            self._open_index(self.timeline.currentIndex())

    # writing -------------------------------------------------------------------------
    def new_entry(self, prompt: Prompt | None = None) -> None:
        """A new, empty entry in the editor (File > New entry, Ctrl+N), after the one
        shown is saved. A journal that cannot be read or written is said under the
        editor, in its own words (`user_message`: a damaged file also locks the window
        to the damage page), never left to the general "Something went wrong"."""
        if self.repo is None:
            return
        shown = self.editor.compose() if self.pages.currentWidget() is self.editor else None
        written = shown is not None and bool(shown.body.strip() or shown.title.strip())
        stays = self.editor.body.hasFocus()  # no focus move to hear
        try:
            started = self.editor.start_new(prompt if isinstance(prompt, Prompt) else None)
        except Exception as error:
            self.editor.show_problem(user_message(error))
            return
        if not started:
            return  # the save failed: the entry stays, the reason is on its status line
        if self.search.leaves_out(today_local()):  # its row shows once it is saved
            self.search.show_every_day()
        # No row stands for an entry not yet in the list: the keys' place in the list
        # goes too, so Delete there never acts on a row no longer shown chosen. The
        # first save makes the new entry's row the chosen one (`_saved`).
        self._choose_shown()
        with focus_placed_after(self.editor.body.setFocus):
            self._list_instead = False
            self.pages.setCurrentWidget(self.editor)
            self._place_panels()
            self.editor.body.setFocus()
        if written or stays:
            # Ctrl+N in the words saved them and emptied the field without a word
            # (break test 15 of session 15, finding 11).
            announce(self.editor, SAVED_NEW_SAID if written else NEW_SAID, after_focus=True)

    def write_with_prompt(self) -> QDialog | None:
        """Choose a prompt (or write one's own), in a window (without blocking); a new
        entry starts with it."""
        if self.prompt_store is None:
            return None
        picker = PromptPicker(self.prompts, self.prompt_store, self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reopenable(picker, f"{self.area_id}/prompt")

        def chosen() -> None:
            if picker.chosen is not None:
                self.prompts = picker.library
                self.new_entry(picker.chosen)

        picker.accepted.connect(chosen)
        picker.open()
        return picker

    def show_chart(self) -> None:
        """Show the mood chart in place of the entry (and of the list, where both do not
        fit side by side), focused on its first control."""
        self.editor.save_now()
        with focus_placed_after(self._focus_page):
            self.pages.setCurrentWidget(self.chart)
            self._list_instead = False
            self._place_panels()
            self._focus_page()
        try:
            self.chart.refresh()
        except Exception as error:
            self.chart.summary.setText(user_message(error))

    def edit_remembrance(self) -> QDialog | None:
        """The remembrance dates, in a window (without blocking); the banner follows."""
        if self.remembrance is None:
            return None
        dialog = RemembranceDialog(self.remembrance, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reopenable(dialog, f"{self.area_id}/remembrance")
        dialog.finished.connect(lambda _result: self._show_banner())
        dialog.open()
        return dialog

    def reopen_dialog(self, what: str) -> QDialog | None:
        """The prompt picker or the remembrance dates, opened again (see
        `Area.reopen_dialog`)."""
        if what == "prompt":
            return self.write_with_prompt()
        if what == "remembrance":
            return self.edit_remembrance()
        return None

    def _show_banner(self) -> None:
        if self.remembrance is None or self.repo is None:
            return
        today = today_local()
        prefs = self.remembrance.prefs()
        lines = acknowledgements(self.remembrance.dates(), prefs, today)
        if prefs.on_this_day:
            years = on_this_day_years(today, self.repo.entry_days(today.month, today.day), prefs)
            if years:
                listed = ", ".join(str(day.year) for day in years)
                lines.append(f"On this day you also wrote in {listed}. Only if you want to look.")
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again (from another area): the list says "Shared" of the entries
        shared now (`TimelineModel.follow_sharing`); Together may have changed it."""
        super().showEvent(event)
        if self.repo is not None and not event.spontaneous():
            # Only the rows loaded, ids only: every shared entry's summary was read at
            # each Ctrl+1.
            shared = Sharing(self.repo.db).shared_among(self.model.loaded_ids())
            self.model.follow_sharing(shared)

    def _saved(self, summary: EntrySummary) -> None:
        """Keep the timeline, the calendar and "on this day" in step with a saved entry
        (a new one, or one moved to another day)."""
        self.model.upsert(summary)
        if self.editor.first_save:
            self._show_total(+1)
        if self.editor.first_save or self.editor.moved:
            self.calendar.refresh()
            self._show_banner()
            if not self.model.browsing:
                self._keep_in_list(summary)
        row = self.model.row_of(summary.id)
        if row >= 0 and (self.editor.moved or not self.timeline.currentIndex().isValid()):
            self.timeline.setCurrentIndex(self.model.index(row))

    def _keep_in_list(self, summary: EntrySummary) -> None:
        """A new entry, or one moved to another day, while the list shows a search or
        filters: the list is searched again so that it takes the entry in, after the
        date filters (a day chosen in the calendar) are turned off where they would
        leave its day out. An entry just written is never missing from the list: the
        new entry of 2 December was saved, unseen beside a list kept to 30 November,
        and its writer feared it lost (break test 10 of session 15, finding 12)."""
        if self.search.leaves_out(local_day(summary.created_at, summary.zone)):
            self.search.show_every_day()
        self.search.timer.stop()  # searched once, now, not again after the pause
        self.search.say_day_shown()
        self.run_search()

    # deleting, with a short undo -----------------------------------------------------------
    def delete_chosen(self) -> bool:
        """Delete on the list, its context menu and Edit > Delete…: ask to delete the
        entry chosen in the list, or else the one shown (saved first when it is the one
        being written); False when there is none."""
        if self.repo is None:
            return False
        # The row the person sees chosen (highlighted), never a current row that is not:
        # Delete acted on a row Qt kept as current after the highlight had gone.
        index = self.timeline.currentIndex()
        chosen = index.isValid() and self.timeline.selectionModel().isSelected(index)
        entry_id = self.model.row_view(index.row())[0].summary.id if chosen else ""
        if not entry_id or not self.timeline.isVisible():
            entry_id = ""
        if not entry_id or entry_id == self.editor.entry_id:
            if self.pages.currentWidget() is self.editor and self.editor.delete_button.isEnabled():
                self.editor.request_delete()
                return True
            if not entry_id:
                return False
        entry = self.repo.get(entry_id)
        if entry is None:
            return False
        self.delete_entry(entry)
        return True

    def delete_entry(self, entry: Entry) -> None:
        """Ask first (the same question as every delete in Solace); on yes, delete."""
        when = say_moment(entry.created_at, zone=entry.zone)
        title = " ".join(entry.title.split())  # stored as typed; said on one line
        named = f" {quoted(title)}" if title else ""
        self.question = confirm(
            self,
            "Delete this entry?",
            deletion_detail(f"Your entry{named} of {when}"),
            "Delete",
            lambda: self._delete_now(entry),
        )
        self.question.finished.connect(self._asked)

    def _asked(self) -> None:
        self.question = None

    def _delete_now(self, entry: Entry) -> None:
        """Delete for good at once; the entry waits in memory (never on disk) for Undo."""
        if self.repo is None:
            return
        sharing = Sharing(self.repo.db)
        try:
            # Its writer goes with it (a cascade): kept in memory with it for Undo.
            writer = sharing.writer_of(entry.id)
            self.repo.delete(entry.id)
        except Exception as error:
            self.editor.show_problem(user_message(error))
            return
        self.model.remove(entry.id)
        self._show_total(-1)
        if entry.id == self.editor.entry_id:
            self.editor.start_new()
            self.pages.setCurrentWidget(self.empty)
            # No row chosen while no entry shows: the next entry's row moved up under
            # the list's cursor and showed chosen beside an empty editor (issue 15, break
            # test of session 25, F6).
            self._choose_shown()
        self.calendar.refresh()
        if self.pages.currentWidget() is self.chart:  # deleted from the list beside it
            self.chart.refresh_quietly()
        self.undo_row.offer("The entry was deleted.", lambda: self._bring_back(entry, writer))

    def undo_delete(self) -> None:
        """Bring back the entry just deleted (the Undo button, Edit > Undo), the focus in
        its words (never on "Areas" on the way, as the Undo row hides)."""
        with focus_placed_after(self._focus_page):
            self.undo_row.undo()

    def _bring_back(self, entry: Entry, writer: int | None) -> None:
        """Save ``entry`` again as it was, with its writer (1 or 2, None: not recorded)
        in a journal kept by two (break test 15 of session 9, finding 31: it came back
        as the other writer's)."""
        if self.repo is None:
            return
        try:
            self.repo.save(entry)
            Sharing(self.repo.db).set_writer(entry.id, writer)
        except Exception as error:
            self.count.setText(user_message(error))
            return
        self.model.upsert(entry.summary())
        self._show_total(+1)
        self.calendar.refresh()
        self.editor.load(entry)
        self.pages.setCurrentWidget(self.editor)
        self._choose_shown()
        self.editor.body.setFocus()  # back in the words that came back, not on a hidden button
        announce(self.editor, "The entry is back.")

    def _after_undo_ran_out(self) -> QWidget | None:
        """Where the focus goes when the time to undo ran out while it was on Undo: New
        entry, instead of wherever Qt would put it (the list of areas)."""
        return self.new_button if self.new_button.isVisible() else first_tab_stop(self)

    def _forget_undo(self) -> None:
        self.undo_row.forget()


def _words_not_searched(words: str, searched: bool) -> str:
    """What the count says of words typed that the search does not look for
    (punctuation alone, one letter), or "" when there are none or they are searched
    (``searched``: `has_words` of them).
    With a filter on, the list shows what the filters keep, and this is said beside
    its count: "1 found" alone left the words typed silently unsearched (re-test 38,
    m1)."""
    if searched or not words.strip():
        return ""
    return PUNCTUATION_ONLY if punctuation_only(words) else "Type a little more to search."


def _nothing_found(words: str, searched: bool, filters: list[str]) -> str:
    """What the count says when a search finds nothing: for an emoji or a symbol alone
    ("🕯️"), that no entry has it, since fewer or shorter words would not help. With
    ``filters`` on (as `SearchBar.filters_said` names them), it names them and "Clear
    filters": a filter that emptied the list was blamed on the words, and a person who
    cannot glance at the filters was sent to an empty search box (break test 15 of
    session 11, finding 7). ``searched``: `has_words` of ``words``."""
    if filters:
        named = ", ".join(filters)
        if not searched:
            return f"No entry matches the filters ({named}). Clear filters shows every entry."
        return (
            f"Nothing found with these words and the filters ({named}). "
            "Try fewer words, or Clear filters."
        )
    if only_symbols(words):
        return f"No entry has {quoted(words.strip())} in it yet."
    if _EITHER.search(words):
        return NOTHING_FOUND_WITH_OR
    return "Nothing found. Try fewer or shorter words."


#: Said when a search holding "OR" between words finds nothing: every word typed is
#: searched for, "OR" too, and "walk OR goodbye" found nothing with no word on why
#: (break test 48, F6).
NOTHING_FOUND_WITH_OR = (
    "Nothing found. Every word is searched for, \u201cOR\u201d too: "
    "try one of the words on its own."
)
_EITHER = re.compile(r"(?<=\S)\s+OR\s+(?=\S)")
