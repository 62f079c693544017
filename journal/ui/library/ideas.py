"""The closeness ideas: the shipped seven and the person's own, each answered privately."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.domain.common.bidi import quoted
from journal.domain.library.closeness import IdeaMark, IdeaResponse, OwnIdea
from journal.domain.library.ideas import ClosenessIdea
from journal.storage.library.repository import MAX_NOTE, MAX_TITLE, LibraryStore
from journal.ui.common.accessibility import Message, announce, describes, scroll_only
from journal.ui.common.confirm import confirm
from journal.ui.common.length_limit import limit_length
from journal.ui.common.main_button import enter_presses_main
from journal.ui.common.messages import user_message
from journal.ui.common.tab_chain import chain_after
from journal.ui.common.undo_steps import empty
from journal.ui.common.widgets import grow_with_content, label
from journal.ui.library.idea_card import CHOSEN_STYLE, IdeaCard

__all__ = ["ClosenessIdeasPage"]

T = TypeVar("T")

INTRO = (
    "Ways to be close without sex, while you both heal. None of them is a step "
    "towards anything more. For each one you can say yes, not yet or maybe, keep a "
    "note, and record the days you did it."
)
PRIVACY = (
    "Your answers stay private in this journal. In Together, a couple sees only "
    "the ideas you both said yes to."
)
NO_IDEA_NAME = "Give your idea a name first, then press Enter to add it."


class ClosenessIdeasPage(QScrollArea):
    """The closeness ideas as cards (the shipped ones, then the person's own).

    The cards are built when the page is first shown or first asked for (`cards`),
    not when the journal opens: seven cards cost about a third of the first unlock
    beyond the key derivation (issue 12), for a page most unlocks never show."""

    article_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        scroll_only(self)
        grow_with_content(self)  # the main window's page is the one scroll
        self._store: LibraryStore | None = None
        self._ideas: Sequence[ClosenessIdea] = ()
        self._cards: list[IdeaCard] = []
        self._built = True  # nothing opened yet: no cards to build

        inner = QWidget()
        inner.setStyleSheet(CHOSEN_STYLE)
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(4, 4, 16, 16)
        self._layout.setSpacing(12)
        self._layout.addWidget(label("Closeness ideas", "heading"))
        self._layout.addWidget(label(INTRO))
        self._privacy = label(PRIVACY, "subtle")  # read with each answer (`_add_card`)
        self._layout.addWidget(self._privacy)
        self.read_more = QPushButton("Read: Closeness without sex")
        self.read_more.setProperty("flat", True)
        self.read_more.clicked.connect(lambda: self.article_requested.emit(self._article()))
        row = QHBoxLayout()
        row.addWidget(self.read_more)
        row.addStretch(1)
        self._layout.addLayout(row)
        self.problem = Message("What went wrong", "error")
        self.problem.hide()
        self._layout.addWidget(self.problem)
        self._cards_layout = QVBoxLayout()
        self._cards_layout.setSpacing(12)
        self._layout.addLayout(self._cards_layout)
        self._layout.addWidget(self._add_form())
        self._layout.addStretch(1)
        self.setWidget(inner)

    def _article(self) -> str:
        return self._ideas[0].article if self._ideas else "closeness-without-sex"

    def _add_form(self) -> QFrame:
        form = QFrame()
        form.setObjectName("card")
        layout = QVBoxLayout(form)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(label("Add an idea of your own", "heading"))
        self.new_title = QLineEdit()
        self.new_title.setPlaceholderText("A name for it, such as: reading aloud")
        self.new_title.setAccessibleName("Name of your idea")
        limit_length(self.new_title, MAX_TITLE)
        self.new_description = QLineEdit()
        self.new_description.setPlaceholderText("A few words about it (optional)")
        self.new_description.setAccessibleName("Description of your idea")
        limit_length(self.new_description, MAX_NOTE)
        self.add_button = QPushButton("Add this idea")
        self.add_button.setEnabled(False)
        self.new_title.textChanged.connect(
            lambda text: self.add_button.setEnabled(bool(text.strip()))
        )
        self.add_button.clicked.connect(self.add_own_idea)
        # Under the fields: what Enter needs while the idea has no name yet.
        self.add_problem = Message("Problem adding your idea", "error")
        self.add_problem.hide()
        self.new_title.textChanged.connect(lambda: self.add_problem.hide())
        enter_presses_main(self.add_button, form, self._no_name)
        layout.addWidget(self.new_title)
        layout.addWidget(self.new_description)
        layout.addWidget(self.add_problem)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        return form

    # loading -------------------------------------------------------------------------
    def open(self, store: LibraryStore, ideas: Sequence[ClosenessIdea]) -> None:
        self._store = store
        self._ideas = ideas
        if self.isVisible():
            self._reload()
            return
        self.save_pending()
        self._clear_cards()
        self._built = False

    @property
    def cards(self) -> list[IdeaCard]:
        """The cards shown, in order (built now if the page has not been shown yet)."""
        if not self._built:
            self._reload()
        return self._cards

    def setVisible(self, visible: bool) -> None:
        # Built before the page shows (not in showEvent): cards added while it is
        # hidden are shown with it, at once, not an event loop later.
        if visible and not self._built:
            self._reload()
        super().setVisible(visible)

    def _reload(self) -> None:
        self._built = True
        self.save_pending()  # a note being typed must not be lost when the cards are rebuilt
        self._clear_cards()
        store = self._store
        if store is None:
            return
        marks = self._guard(store.marks) or {}
        own = self._guard(store.own_ideas) or []
        for idea in self._ideas:
            self._add_card(idea.id, idea.title, idea.description, marks, own=None)
        for mine in own:
            self._add_card(mine.idea_id, mine.title, mine.description, marks, own=mine)
        if self._cards:  # built after the form below them: Tab reaches them first
            form = (self.new_title, self.new_description, self.add_button)
            chain_after(self._cards[-1].last_stop(), form)

    def _add_card(
        self,
        idea_id: str,
        title: str,
        description: str,
        marks: dict[str, IdeaMark],
        *,
        own: OwnIdea | None,
    ) -> IdeaCard:
        card = IdeaCard(
            idea_id,
            title,
            description,
            marks.get(idea_id, IdeaMark(idea_id)),
            own=own is not None,
            offered=own.offered if own else False,
            suggested_by=own.suggested_by if own else "",
        )
        describes(self._privacy, *card.buttons.values())
        card.offered_changed.connect(self._set_offered)
        card.response_changed.connect(self._set_response)
        card.note_changed.connect(self._set_note)
        card.note_shared_changed.connect(self._set_note_shared)
        card.done_added.connect(self._add_done)
        card.done_removed.connect(self._remove_done)
        card.remove_requested.connect(self._remove_own)
        self._cards_layout.addWidget(card)
        self._cards.append(card)
        return card

    def _clear_cards(self) -> None:
        for card in self._cards:
            card.setParent(None)
            card.deleteLater()
        self._cards.clear()

    def card(self, idea_id: str) -> IdeaCard | None:
        return next((c for c in self.cards if c.idea_id == idea_id), None)

    def save_pending(self) -> None:
        for card in self._cards:  # cards never built hold no note being typed
            card.save_note()

    def unadded(self) -> tuple[str, str] | None:
        """The name and description typed for an idea of one's own and not added: never
        added on the person's behalf (an idea is offered to a partner), kept at a lock
        and given back (`give_back`): a lock emptied the fields, unsaid (session 40, of
        the kind of break test 40, finding 2). None when nothing is typed."""
        title, description = self.new_title.text(), self.new_description.text()
        return (title, description) if (title + description).strip() else None

    def give_back(self, title: str, description: str) -> None:
        """Put back what `unadded` kept at the last lock."""
        self.new_title.setText(title)
        self.new_description.setText(description)

    def clear(self) -> None:
        self._clear_cards()
        self._built = True
        self._store = None
        empty(self.new_title)
        empty(self.new_description)
        self.problem.hide()

    # storing -------------------------------------------------------------------------
    def _guard(self, operation: Callable[[], T]) -> T | None:
        try:
            result = operation()
        except Exception as error:  # shown kindly, never as a traceback
            self.problem.refuse(user_message(error))  # each time, the same too
            return None
        self.problem.hide()
        return result

    def _set_response(self, idea_id: str, response: IdeaResponse) -> None:
        if self._store is not None:
            store = self._store
            self._guard(lambda: store.set_response(idea_id, response))

    def _set_note(self, idea_id: str, note: str) -> None:
        if self._store is not None:
            store = self._store
            self._guard(lambda: store.set_note(idea_id, note))

    def _set_offered(self, idea_id: str, offered: bool) -> None:
        if self._store is not None:
            store = self._store
            self._guard(lambda: store.set_offered(idea_id, offered))

    def _set_note_shared(self, idea_id: str, shared: bool) -> None:
        if self._store is not None:
            store = self._store
            self._guard(lambda: store.set_note_shared(idea_id, shared))

    def _add_done(self, idea_id: str, day: dt.date) -> None:
        self._change_days(idea_id, lambda store: store.add_done(idea_id, day))

    def _remove_done(self, idea_id: str, day: dt.date) -> None:
        self._change_days(idea_id, lambda store: store.remove_done(idea_id, day))

    def _change_days(self, idea_id: str, change: Callable[[LibraryStore], None]) -> None:
        store, card = self._store, self.card(idea_id)
        if store is None or card is None:
            return
        self._guard(lambda: change(store))
        mark = self._guard(lambda: store.mark(idea_id))
        if mark is not None:
            card.set_days(mark.done_on)

    def _no_name(self) -> None:
        """Enter with no name typed: said, with the focus in the name, where it goes
        (break test 15 of session 29, F14: it stayed in the description)."""
        self.new_title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.add_problem.refuse(NO_IDEA_NAME)

    def add_own_idea(self) -> None:
        """ "Add this idea": kept, its card shown with the others, the fields emptied for
        another, and said politely ("Added your idea: reading aloud."): it was silent,
        the focus left in the emptied name (break test 15 of session 18, finding 1, of
        the same kind as a feeling in your own words)."""
        store = self._store
        title = self.new_title.text().strip()
        if store is None or not title:
            return
        description = self.new_description.text()
        if self._guard(lambda: store.add_own_idea(title, description)) is None:
            return
        # The focus in the emptied name first: emptied with the focus on "Add this
        # idea", the button was disabled under it, and Qt handed the focus on through
        # the cards being rebuilt, seven hidden answers heard in turn (break test 15 of
        # session 29, F4).
        self.new_title.setFocus(Qt.FocusReason.OtherFocusReason)
        empty(self.new_title)
        empty(self.new_description)
        self._reload()
        announce(self.new_title, f"Added your idea: {title}.")

    def _remove_own(self, idea_id: str) -> None:
        store, card = self._store, self.card(idea_id)
        if store is None or card is None:
            return

        title = card.title

        def removed() -> bool:
            store.remove_own_idea(idea_id)
            return True

        def remove() -> None:
            if not self._guard(removed):
                return
            # Said, and the focus in the form to add one, where the person may go on:
            # the card went in silence, the focus left on "Description of your idea"
            # (break test 15 of session 29, F8).
            self.new_title.setFocus(Qt.FocusReason.OtherFocusReason)
            self._reload()
            announce(self.new_title, f"Removed your idea: {title}.")

        # The one question of the app (`confirm`): sized for its words, on the screen.
        confirm(
            self,
            "Remove this idea?",
            f"Remove {quoted(card.title)} with its answer, note and days? This cannot be undone.",
            "Remove",
            remove,
        )
