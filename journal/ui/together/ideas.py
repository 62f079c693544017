"""Closeness ideas in Together: only those both said "yes" to, with notes they shared.

Nothing about "not yet" or "maybe" is shown or even loaded: no counts, no
greyed-out cards.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from journal.domain.together.ideas import OverlapIdea
from journal.domain.together.items import Side
from journal.ui.common.accessibility import describes, readable, scroll_only
from journal.ui.common.widgets import grow_with_content, label
from journal.ui.together.layouts import empty
from journal.ui.together.marks import mark

__all__ = ["IdeasTogether"]

INTRO = (
    "Ways to be close that you both said yes to. Each of you answers privately in "
    "the Library; only the ideas you both welcome appear here."
)
NONE_YET = (
    "There is no idea here yet. Each of you can look through the closeness ideas in "
    "the Library, privately, whenever you like."
)


class IdeasTogether(QScrollArea):
    """The closeness ideas both partners said Yes to, with each one's note."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Closeness ideas you both said yes to")
        scroll_only(self)  # each idea and note in it is a Tab stop read in its words
        inner = QWidget()
        self._column = QVBoxLayout(inner)
        self._column.setSpacing(12)
        self.setWidget(inner)
        grow_with_content(self)  # the main window's page is the one scroll

    def show_ideas(self, ideas: Sequence[OverlapIdea], owner: str, partner: str) -> None:
        self.clear()
        intro = label(INTRO, "subtle")
        self._column.addWidget(intro)
        if not ideas:
            none_yet = readable(label(NONE_YET), "Closeness ideas")
            describes(intro, none_yet, before="Closeness ideas.")
            self._column.addWidget(none_yet)
        for idea in ideas:
            card = QFrame()
            card.setObjectName("card")
            inner = QVBoxLayout(card)
            inner.setContentsMargins(18, 12, 18, 12)
            title = readable(label(idea.title, "title"), "An idea you both said yes to")
            if idea is ideas[0]:  # the first stop: where these come from
                describes(intro, title, before="An idea you both said yes to.")
            inner.addWidget(title)
            inner.addWidget(readable(label(idea.description), idea.title))
            for side, name, note in (
                (Side.OWNER, owner, idea.owner_note),
                (Side.PARTNER, partner, idea.partner_note),
            ):
                if note:
                    about = f"{name}'s note on {idea.title}"
                    said = readable(label(f"{mark(side)} {name}: {note}", "subtle"), about)
                    said.setAccessibleName(f"{name}: {note}")  # the shape is not read
                    inner.addWidget(said)
            self._column.addWidget(card)
        self._column.addStretch(1)

    def clear(self) -> None:
        empty(self._column)
