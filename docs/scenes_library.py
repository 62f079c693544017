"""Screenshots of the Library: a search, an article, and the closeness ideas."""

from __future__ import annotations

from PySide6.QtCore import QDate
from screenshots import settle, unlock

from journal.domain.library.closeness import IdeaResponse
from journal.storage.lock.store import JournalStore
from journal.ui.library.area import LibraryArea
from journal.ui.shell.main_window import MainWindow


def _library(window: MainWindow) -> LibraryArea:
    settle(100)
    area = next(a for a in window.areas if isinstance(a, LibraryArea))
    window.show_area(area)
    return area


def library_search(window: MainWindow, store: JournalStore) -> None:
    unlock(window)
    area = _library(window)
    area.browser.search.setText("how long does bleeding last")
    area.show_article("bleeding-and-cramping")
    area.browser.search.setFocus()
    settle(100)


def _searched(window: MainWindow, text: str) -> None:
    """The Library's search field, focused, with ``text`` typed."""
    unlock(window)
    area = _library(window)
    area.browser.search.setFocus()
    area.browser.search.setText(text)
    settle(100)


def library_nothing_found(window: MainWindow, store: JournalStore) -> None:
    """A search no article matches, with the warning signs offered."""
    _searched(window, "feaver")


def library_some_words(window: MainWindow, store: JournalStore) -> None:
    """A question no article holds every word of: those with some of them, said so."""
    _searched(window, "I can't stop crying")


def library_read_as(window: MainWindow, store: JournalStore) -> None:
    """A word typed with a slip of the fingers, searched as the word meant, said so."""
    _searched(window, "misscarriage bleeding")


def library_article(window: MainWindow, store: JournalStore) -> None:
    unlock(window)
    area = _library(window)
    area.show_article("warning-signs")
    area.reader.bookmark_button.click()
    window.open_link("solace://article/warning-signs#fever-and-chills")
    settle(100)


def library_ideas(window: MainWindow, store: JournalStore) -> None:
    unlock(window)
    area = _library(window)
    area.show_ideas()
    page = area.ideas
    hugging, cuddling = page.card("hugging"), page.card("cuddling")
    assert hugging is not None and cuddling is not None
    hugging.buttons[IdeaResponse.YES].click()
    hugging.note.setText("A long one when either of us comes home")
    hugging.save_note()
    hugging.day.setDate(QDate.currentDate().addDays(-3))
    hugging.done_button.click()
    cuddling.buttons[IdeaResponse.NOT_YET].click()
    settle(100)


SCENES = {
    "library-search": (library_search, 1),
    "library-nothing-found": (library_nothing_found, 1),
    "library-some-words": (library_some_words, 1),
    "library-read-as": (library_read_as, 1),
    "library-article": (library_article, 1),
    "library-ideas": (library_ideas, 1),
}
