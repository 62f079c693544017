"""The library's left side: a search box, and either the topics or the search results.

Search runs as the person types (the index answers in a few milliseconds). With
no search text the topics show, with the closeness ideas and bookmarks on top.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain.common.bidi import quoted
from journal.domain.common.search_words import PUNCTUATION_ONLY, punctuation_only
from journal.domain.entries.visible import has_visible
from journal.domain.library.articles import Article
from journal.domain.library.crisis import crisis_rest
from journal.storage.library.index import LibraryIndex, SearchHit
from journal.storage.library.query import names_a_subject
from journal.ui.common.accessibility import Message, announce, named_clear_button
from journal.ui.common.length_limit import limit_length
from journal.ui.common.stacks import CurrentPageStack
from journal.ui.common.undo_steps import empty
from journal.ui.library.results import HTML_ROLE, ResultDelegate, result_html

__all__ = ["IDEAS", "LibraryBrowser"]

IDEAS = "ideas"  # the item that opens the closeness ideas
_ROLE = Qt.ItemDataRole.UserRole
_TAG = re.compile(r"</?b>")
#: The most characters the search field takes, as the Journal's: a paragraph or a letter
#: pasted whole, such as a message written to someone, is read for the safety note to
#: its end (break test 49, F9: a paste over 200 characters was refused, and words near
#: its end got no note; break test 50, F1: over 2,000, the same).
MAX_QUERY = 10_000
#: The characters of it searched for articles (its first words: a search reads
#: `query.MAX_WORDS` words at most), so that each key after a long paste stays quick.
SEARCHED = 2_000
#: Said for a search that finds nothing (break test 45b, F10: "yet" promised articles
#: to come, and a frightened search such as "feaver" was left with nowhere to go).
NO_RESULTS = (
    "Nothing in the library matches that. A shorter word or another spelling may help. "
    "If you are worried about how you feel, the article \u201cWarning signs\u201d says when "
    "to call your doctor."
)
#: The article a search that finds nothing offers, with a button that opens it: a
#: frightened search misspelled ("feaver") was left with nowhere to go (break test
#: 45b, F4). No other word is offered for a word typed: without a dictionary of
#: English, one offered "carrying" for "crying" and "infection" for "injection" (re-test
#: 46, N1); only slips of the fingers that make no word are read as the word meant
#: (`SearchHit.read_as`: "misscarriage").
WARNING_SIGNS = "warning-signs"
#: Its button: short, so that it never widens the column at 200 % text (re-test 46, N4).
READ_WARNING_SIGNS = "Read the warning signs"
#: The count of results is said once typing pauses this long (ms), not at every key.
SAY_COUNT_AFTER_MS = 300


NO_SYMBOL = "No article has that emoji or symbol in it."
#: The article a search that reads as a wish to die or to harm oneself shows first: it
#: holds the same safety note.
FINDING_SUPPORT = "finding-support"


def crisis_note(number: str) -> str:
    """Said above the results of a search that reads as a wish to die or to harm
    oneself (`crisis_rest`), with ``number`` (the emergency number, "112") named
    when one is known: Solace's own safety net (guidance-facts.md, §4). It speaks to
    someone searching for a person close to them too ("my husband is suicidal":
    break test 49, F7), in few words: at 1024x600 and 200 % text a longer note hid
    the results (re-test 49, N5)."""
    call = f"your emergency number, {number}," if number else "your emergency number"
    return (
        "If you are thinking of suicide or self-harm, or someone close to you is, "
        f"please call {call} now."
    )


def found_text(count: int, symbols: bool = False, every_word: bool = True) -> str:
    """The line under the search field: "1 article found", "3 articles found", or
    `NO_RESULTS` for none; `NO_SYMBOL` for none when the search was for emoji or
    symbols alone (``symbols``: "♡", and a heart cannot be shorter). When no article
    had every word and these have some of them (``every_word`` false), for example
    "No article has all of these words. 3 articles have some of them"."""
    if not count:
        return NO_SYMBOL if symbols else NO_RESULTS
    if not every_word:
        some = "1 article has" if count == 1 else f"{count} articles have"
        return f"No article has all of these words. {some} some of them."
    return f"{count} article{'' if count == 1 else 's'} found"


def read_as_text(read_as: Sequence[tuple[str, str]]) -> str:
    """What the line under the search field says first when words typed with a slip of
    the fingers were read as the articles' words (``read_as``: pairs of the word typed
    and the word meant, `SearchHit.read_as`): "Showing articles for “miscarriage”
    instead of “misscarriage”." "" for none."""
    if not read_as:
        return ""
    meant = " and ".join(f"\u201c{word}\u201d" for _, word in read_as)
    typed = " and ".join(quoted(word) for word, _ in read_as)
    return f"Showing articles for {meant} instead of {typed}."


def _plain_snippet(hit: SearchHit) -> str:
    return html.unescape(_TAG.sub("", hit.snippet))


class LibraryBrowser(QWidget):
    """The library's left column: the search field, the topics and the results.

    Emits ``article_chosen(slug)`` when an article is opened and ``ideas_chosen`` for the
    closeness ideas page.
    """

    article_chosen = Signal(str)
    ideas_chosen = Signal()
    #: An article or the ideas were opened from the keys (Enter): read them now.
    read_now = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._articles: Mapping[str, Article] = {}
        self._index: LibraryIndex | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the library")
        self.search.setAccessibleName("Search the library")
        named_clear_button(self.search)
        limit_length(self.search, MAX_QUERY)
        self.topics = QTreeWidget()
        self.topics.setHeaderHidden(True)
        # Hidden on screen, the column's header is still read on the bus: a word, never
        # Qt's bare column number "1" (break test 15 of session 29, N8).
        self.topics.setHeaderLabel("Topics")
        self.topics.setAccessibleName("Library topics")
        self.topics.setWordWrap(True)
        # How many articles match, shown under the field and said once typing pauses.
        self.count = Message("Number of articles found")
        self._say_count = QTimer(self)
        self._say_count.setSingleShot(True)
        self._say_count.setInterval(SAY_COUNT_AFTER_MS)
        self._say_count.timeout.connect(
            lambda: self.count.show_message(self.count.text(), repeat=True)
        )
        # The warning signs, one key away from a search that found nothing.
        # Solace's safety note, above the results of a search that reads as a crisis:
        # a Tab stop before them, its words selectable, to copy the number (break test
        # 49, F10), and marked out from the lines around it (F11).
        self.crisis = Message("Safety note", style="safety")
        self.crisis.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.crisis.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # after: the flags set one
        #: The emergency number to name in it ("" for none known): set by the area.
        self.emergency_number: Callable[[], str] = str
        self.warning_signs = QPushButton(READ_WARNING_SIGNS)
        self.warning_signs.setProperty("role", "link")
        self.warning_signs.hide()
        self.results = QListWidget()
        self.results.setAccessibleName("Search results")
        self.results.setWordWrap(True)
        self.results.setSpacing(2)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.pages = CurrentPageStack()
        self.pages.addWidget(self.topics)
        self.pages.addWidget(self.results)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.crisis)
        layout.addWidget(self.count)
        layout.addWidget(self.warning_signs, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.pages, 1)
        self.setFocusProxy(self.search)
        # The safety note, when it shows, is the Tab stop after the search field.
        QWidget.setTabOrder(self.search, self.crisis)
        QWidget.setTabOrder(self.crisis, self.warning_signs)

        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._open_first_result)
        self.warning_signs.clicked.connect(lambda: self._read(WARNING_SIGNS))
        self.search.installEventFilter(self)
        self.results.itemActivated.connect(self._result_activated)
        self.results.itemClicked.connect(self._result_chosen)
        self.topics.itemActivated.connect(self._topic_item_activated)
        self.topics.itemClicked.connect(self._topic_item_chosen)
        self.topics.itemExpanded.connect(lambda item: self._say_opened(item, "expanded"))
        self.topics.itemCollapsed.connect(lambda item: self._say_opened(item, "collapsed"))

    def minimumSizeHint(self) -> QSize:
        """At least as wide as "Read the warning signs", shown or not: at 200 % text the
        column widened as a search found nothing and narrowed at the next letter
        (re-test 46, N4; re-test 46b, P1)."""
        least = super().minimumSizeHint()
        return least.expandedTo(QSize(self.warning_signs.sizeHint().width(), 0))

    def set_library(self, articles: Mapping[str, Article], index: LibraryIndex) -> None:
        self._articles = articles
        self._index = index
        self.set_bookmarks([])

    def set_bookmarks(self, slugs: Sequence[str]) -> None:
        """Rebuild the topics tree with these bookmarks (newest first)."""
        self.topics.clear()
        if not self._articles or self._index is None:
            return
        ideas = QTreeWidgetItem(self.topics, ["Closeness ideas"])
        ideas.setData(0, _ROLE, IDEAS)
        bookmarks = QTreeWidgetItem(self.topics, ["Bookmarks"])
        bookmarks.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for slug in slugs:
            if slug in self._articles:
                self._article_item(bookmarks, slug)
        if not bookmarks.childCount():
            empty = QTreeWidgetItem(bookmarks, ["No bookmarks yet"])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
        bookmarks.setExpanded(True)
        for topic, topic_slugs in self._index.by_topic().items():
            group = QTreeWidgetItem(self.topics, [topic[:1].upper() + topic[1:]])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for slug in sorted(topic_slugs, key=lambda s: self._articles[s].title):
                self._article_item(group, slug)

    def follow(self, slug: str) -> None:
        """Show the article ``slug`` as the one chosen in the topics (its topic opened),
        without opening it again: opened from a link, Back or "Read more", the tree
        kept another item chosen (break test 15 of session 29, F5)."""
        current = self.topics.currentItem()
        if current is not None and current.data(0, _ROLE) == slug:
            return  # chosen there already (an article is under each of its topics)
        found = [
            item
            for item in self.topics.findItems(
                "", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
            )
            if item.data(0, _ROLE) == slug
        ]
        # Under a topic already open if there is one (opening another was heard,
        # "Healing, expanded": re-test of break test 15 of session 29, N5).
        if not found:
            return
        shown = [i for i in found if (group := i.parent()) is None or group.isExpanded()]
        item = (shown or found)[0]
        parent = item.parent()
        if parent is not None:
            parent.setExpanded(True)
        self.topics.setCurrentItem(item)

    def _say_opened(self, item: QTreeWidgetItem, state: str) -> None:
        """A topic opened or closed from the keys (Right, Left) or a click is said
        politely ("Bleeding, expanded"): Qt tells assistive technology nothing, and
        the next Down was the first thing heard (break test 15 of session 18, finding
        5). One opened by Solace itself (bookmarks, on building) is not said."""
        if self.topics.hasFocus():
            announce(self.topics, f"{item.text(0)}, {state}")

    def _article_item(self, parent: QTreeWidgetItem, slug: str) -> QTreeWidgetItem:
        article = self._articles[slug]
        item = QTreeWidgetItem(parent, [article.title])
        item.setData(0, _ROLE, slug)
        item.setToolTip(0, article.summary)
        return item

    def clear(self) -> None:
        empty(self.search)  # and so the results
        self.set_bookmarks([])
        self.topics.collapseAll()

    # searching -----------------------------------------------------------------------
    def _search(self, text: str) -> None:
        self.results.clear()
        self.warning_signs.hide()
        self.crisis.clear()
        # Characters that show nothing alone (a zero-width space pasted) are an empty
        # search, as in the Journal: "Nothing matches that" stood under a field that
        # looked empty (break test 48, F3).
        if not has_visible(text) or self._index is None:
            self._say_count.stop()
            self.count.clear()
            self.pages.setCurrentWidget(self.topics)
            return
        self.pages.setCurrentWidget(self.results)
        # A search that reads as a wish to die or to harm oneself: the safety note
        # first, then the article on support, then what the rest of it asks ("how many
        # ibuprofen is an overdose": ibuprofen), never its crisis words ("I want to
        # die" found the articles that say the fetus has "died": break test 48, F4;
        # re-test 49, N2).
        rest = crisis_rest(text) if FINDING_SUPPORT in self._articles else None
        crisis = rest is not None
        asked = (text if rest is None else rest)[:SEARCHED]
        subject = not crisis or names_a_subject(asked)
        hits = self._index.search(asked) if subject else []
        # The warning signs are offered beside a search that found nothing, or only
        # some of its words; under the safety note, which says what to do, never (a
        # note on suicide beside the article on fever and bleeding: re-test 49b, M4).
        offer = not crisis and (not hits or not hits[0].every_word)
        if crisis:
            self.update_crisis_note()
            support = self._articles[FINDING_SUPPORT]
            hits = [
                SearchHit(support.slug, support.title, html.escape(support.summary), 0),
                *(hit for hit in hits if hit.slug != FINDING_SUPPORT),
            ]
        for hit in hits:
            item = QListWidgetItem(f"{hit.title}\n{_plain_snippet(hit)}")
            item.setData(_ROLE, hit.slug)
            item.setData(HTML_ROLE, result_html(hit))
            item.setToolTip(self._articles[hit.slug].summary if hit.slug in self._articles else "")
            self.results.addItem(item)
        symbols = self._index.searches_symbols_only(text[:SEARCHED])
        # Shown once, under the search field, and said when the typing pauses (the
        # Journal's search does the same); no row of the list says it again, heard
        # twice (issue 15, break test of session 23, finding 5).
        nothing = not hits and punctuation_only(text)
        every_word = all(hit.every_word for hit in hits)
        found = PUNCTUATION_ONLY if nothing else found_text(len(hits), symbols, every_word)
        read_as = next((hit.read_as for hit in hits if hit.read_as), ())
        if read_as:  # words typed with a slip of the fingers (break test 49, F6)
            found = f"{read_as_text(read_as)} {found}"
        self.warning_signs.setVisible(
            offer and not symbols and not nothing and WARNING_SIGNS in self._articles
        )
        self.count.show_message(found, quietly=True)
        self._say_count.start()
        self._results_reachable(bool(hits), found)

    def update_crisis_note(self) -> None:
        """Show the safety note (`crisis_note`) with the emergency number as it is now:
        for a search that reads as a crisis, and again when the number is changed in
        Settings while the note shows (break test 49, F3)."""
        self.crisis.show_message(crisis_note(self.emergency_number()))

    def _results_reachable(self, any_found: bool, found: str) -> None:
        """An empty list of results is no Tab stop: after "Nothing in the library
        matches that yet…" Tab stopped on "Search results", which said nothing (issue
        15 break test). Its description says it is empty, for a reader's own review."""
        policy = Qt.FocusPolicy.StrongFocus if any_found else Qt.FocusPolicy.NoFocus
        self.results.setFocusPolicy(policy)
        self.results.setAccessibleDescription("" if any_found else f"Empty. {found}")

    def _read(self, slug: str) -> None:
        """Open the article ``slug``, to be read now."""
        self._say_count.stop()
        self.article_chosen.emit(slug)
        self.read_now.emit()

    def result_slugs(self) -> list[str]:
        return [
            str(self.results.item(row).data(_ROLE))
            for row in range(self.results.count())
            if self.results.item(row).data(_ROLE)
        ]

    def _open_first_result(self) -> None:
        """Enter in the search field: the first result opens, to be read now."""
        slugs = self.result_slugs()
        if slugs:
            self._read(slugs[0])

    def _result_chosen(self, item: QListWidgetItem) -> None:
        slug = item.data(_ROLE)
        if slug:
            self.article_chosen.emit(str(slug))

    def _result_activated(self, item: QListWidgetItem) -> None:
        if item.data(_ROLE):
            self._result_chosen(item)
            self.read_now.emit()

    def _topic_item_activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        if item.data(0, _ROLE):
            self._topic_item_chosen(item, column)
            self.read_now.emit()

    def _topic_item_chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, _ROLE)
        if data == IDEAS:
            self.ideas_chosen.emit()
        elif data:
            self.article_chosen.emit(str(data))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search box moves into the list below it.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down:
                target = self.pages.currentWidget()
                if target is self.results and not self.results.count():
                    return True  # nothing below to move into: the note says so
                if target is not None:
                    target.setFocus()
                if target is self.results and self.results.count():
                    self.results.setCurrentRow(0)
                return True
        return super().eventFilter(watched, event)
