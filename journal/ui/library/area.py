"""The Library area: browse or search the guidance, read it, bookmark it, and the closeness ideas.

The articles and their search index are not personal, so they are loaded once
(on first unlock) and kept; bookmarks, idea marks and the reading size live in
the encrypted journal and are forgotten on lock, with the search text and history.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from journal.domain.library.articles import Article, ArticleError, articles_dir, load_articles
from journal.domain.library.ideas import ClosenessIdea, IdeaError, load_closeness_ideas
from journal.domain.library.links import ArticleLink, parse_link
from journal.settings import EMERGENCY_NUMBER, FONT_SCALE, Setting
from journal.storage.library.index import LibraryIndex
from journal.storage.library.repository import READING_SIZE_DEFAULT, LibraryStore
from journal.ui.common.accessibility import first_tab_stop
from journal.ui.common.area import AppContext, Area
from journal.ui.common.emergency import emergency_number
from journal.ui.common.messages import user_message
from journal.ui.common.stacks import CurrentPageStack
from journal.ui.common.widgets import label
from journal.ui.library.browser import LibraryBrowser
from journal.ui.library.document import NOT_MEDICAL_ADVICE
from journal.ui.library.ideas import ClosenessIdeasPage
from journal.ui.library.reader import ArticleReader

__all__ = ["LibraryArea"]

log = logging.getLogger(__name__)
T = TypeVar("T")

WELCOME = (
    "Careful, gentle guidance for the weeks after a miscarriage, for you and for a "
    "partner. It is all on this computer and works without a network. Search above, "
    "or choose a topic."
)
UNAVAILABLE = (
    "The library could not be read from this copy of Solace. Your journal is safe "
    "and nothing in it has changed. Reinstalling Solace should bring the library back."
)


class LibraryArea(Area):
    """The Library: offline guidance articles with search, bookmarks and the closeness ideas."""

    area_id = "library"
    title = "Library"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._articles: dict[str, Article] = {}
        self._ideas: tuple[ClosenessIdea, ...] = ()
        self._index: LibraryIndex | None = None
        self._store: LibraryStore | None = None
        self._context: AppContext | None = None

        self.browser = LibraryBrowser()
        self.reader = ArticleReader()
        self.ideas = ClosenessIdeasPage()
        self.welcome_text = label(WELCOME)
        welcome = QWidget()
        column = QVBoxLayout(welcome)
        column.addWidget(label("Library", "heading"))
        column.addWidget(self.welcome_text)
        column.addWidget(label(NOT_MEDICAL_ADVICE, "subtle"))
        column.addStretch(1)
        self.welcome = welcome
        self.pages = CurrentPageStack()
        for page in (welcome, self.reader, self.ideas):
            self.pages.addWidget(page)
        splitter = QSplitter()
        splitter.addWidget(self.browser)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 700])
        splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setFocusProxy(self.browser)

        self.browser.article_chosen.connect(self.show_article)
        self.browser.ideas_chosen.connect(self.show_ideas)
        self.browser.read_now.connect(self._read_now)
        self.ideas.article_requested.connect(self.show_article)
        self.reader.bookmark_toggled.connect(self._bookmark)
        self.reader.reading_size_changed.connect(self._reading_size)
        self.reader.app_link.connect(self._app_link)
        self.reader.article_shown.connect(self._article_shown)

    # loading -----------------------------------------------------------------------
    def _ensure_library(self) -> bool:
        if self._index is not None:
            return True
        try:
            articles = load_articles(articles_dir())
            ideas = load_closeness_ideas()
        except (ArticleError, IdeaError) as error:
            log.error("the library could not be loaded: %s", type(error).__name__)
            self.welcome_text.setText(UNAVAILABLE)
            return False
        self._articles, self._ideas = articles, ideas
        self._index = LibraryIndex(articles)
        self.browser.set_library(articles, self._index)
        self.reader.set_articles(articles)
        return True

    def prepare(self) -> None:
        """Load and index the shipped articles and ideas now, not at the unlock."""
        self._ensure_library()

    def open_journal(self, context: AppContext) -> None:
        self._context = context
        self.browser.emergency_number = lambda: emergency_number(context.settings)
        self._store = LibraryStore(context.journal.db)
        if not self._ensure_library():
            return
        store = self._store
        size = self._guard(store.reading_size)
        self.reader.set_reading_size(size if size is not None else READING_SIZE_DEFAULT)
        self._refresh_bookmarks()
        self.ideas.open(store, self._ideas)

    def save_pending(self) -> None:
        self.ideas.save_pending()

    def held_back(self) -> str | None:
        """An idea of one's own typed and not added (`ClosenessIdeasPage.unadded`), as
        JSON for `restore_draft`; None when there is none."""
        unadded = self.ideas.unadded()
        return json.dumps({"idea": list(unadded)}, ensure_ascii=False) if unadded else None

    def restore_draft(self, draft: str) -> None:
        """Put back the idea `held_back` kept at the last lock, in its fields."""
        try:
            title, description = json.loads(draft)["idea"]
        except (ValueError, TypeError, KeyError):
            log.error("a kept Library draft could not be read")
            return
        self.ideas.give_back(str(title), str(description))

    def clear(self) -> None:
        self.browser.clear()
        self.browser.emergency_number = str
        self.reader.clear()
        self.ideas.clear()
        self.pages.setCurrentWidget(self.welcome)
        self._store = None
        self._context = None

    def setting_changed(self, setting: Setting[Any]) -> None:
        if setting == FONT_SCALE:
            self.reader.follow_text_size()
        elif setting == EMERGENCY_NUMBER and self.browser.crisis.text():
            self.browser.update_crisis_note()

    def focus_search(self) -> bool:
        self.browser.search.setFocus()
        self.browser.search.selectAll()
        return True

    def open_url(self, url: str) -> bool:
        link = parse_link(url)
        if link is None or not self._ensure_library() or link.slug not in self._articles:
            return False
        self.show_link(link)
        return True

    # showing -----------------------------------------------------------------------
    def show_article(self, slug: str) -> None:
        self.show_link(ArticleLink(slug))

    def show_link(self, link: ArticleLink) -> None:
        if self.reader.show_link(link):
            self.pages.setCurrentWidget(self.reader)

    def focus_start(self) -> None:
        """The article being shown, else the library's search field."""
        if self.pages.currentWidget() is self.reader:
            self.reader.browser.setFocus()
        else:
            self.browser.setFocus()

    def _read_now(self) -> None:
        """Opened with Enter (from the search field or a list): the focus goes to what
        was opened, the article (named by its title) or the ideas' first control, so
        it is heard and read; the search field and the list stay as they were."""
        if self.pages.currentWidget() is self.reader:
            self.reader.browser.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.pages.currentWidget() is self.ideas:
            target = first_tab_stop(self.ideas)
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_ideas(self) -> None:
        self.pages.setCurrentWidget(self.ideas)

    def _article_shown(self, slug: str) -> None:
        self.pages.setCurrentWidget(self.reader)
        self.browser.follow(slug)
        store = self._store
        bookmarked = self._guard(lambda: store.is_bookmarked(slug)) if store else False
        self.reader.set_bookmarked(bool(bookmarked))

    def _refresh_bookmarks(self) -> None:
        store = self._store
        marks = self._guard(store.bookmarks) if store else None
        self.browser.set_bookmarks([b.slug for b in marks or []])

    # storing -----------------------------------------------------------------------
    def _bookmark(self, slug: str, bookmarked: bool) -> None:
        store = self._store
        if store is not None:
            self._guard(lambda: store.set_bookmarked(slug, bookmarked))
            self._refresh_bookmarks()

    def _reading_size(self, percent: int) -> None:
        store = self._store
        if store is not None:
            self._guard(lambda: store.set_reading_size(percent))

    def _app_link(self, url: str) -> None:
        if self._context is not None:
            self._context.open_link(url)

    def _guard(self, operation: Callable[[], T]) -> T | None:
        try:
            return operation()
        except Exception as error:
            self.reader.note.refuse(user_message(error))
            return None
