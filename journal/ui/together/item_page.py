"""One shared item at a time: large, calm text, whose it is, and the responses under it."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.domain.common.bidi import isolated
from journal.domain.entries.entry import make_headline
from journal.domain.together.items import MAX_RESPONSE_CHARS, Response, SharedItem, Side
from journal.storage.together.responses import TOO_LONG
from journal.ui.common.accessibility import Message, Politeness, announce, readable
from journal.ui.common.confirm import confirm
from journal.ui.common.dark import is_dark_palette
from journal.ui.common.exact_copy import TypedTextField
from journal.ui.common.fit import set_height_in_lines
from journal.ui.common.local_time import say_moment
from journal.ui.common.long_names import breakable
from journal.ui.common.main_button import enter_presses_main
from journal.ui.common.widgets import follow_text_size, grow_with_content, label, typed_text
from journal.ui.together.entry_text import reading_html
from journal.ui.together.layouts import empty
from journal.ui.together.marks import LONGEST_SHOWN_NAME, mark, side_colour
from journal.ui.together.model import item_heading, said_heading, said_item

__all__ = ["ItemPage"]

READING_SCALE = 1.3  # the reading text, relative to the app's text size
STEP_KEYS = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -1,
    Qt.Key.Key_PageDown: 1,
}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: The page's name: with its description (`said_item`, the whole entry) it is heard as
#: one stop; Enter goes into the words to read them with the arrow keys.
PAGE_NAME = "Shared entry, Enter to read its words"


def _larger(widget: QLabel, scale: float) -> QLabel:
    follow_text_size(widget, scale)
    return widget


#: Said when "Keep … response" is pressed with nothing written in the box.
NOTHING_TO_KEEP = "There is nothing to keep yet. Write a few words first."


def _naming(name: str, named: str, plain: str) -> str:
    """``named`` (a button's words holding ``name``), or ``plain`` for a long name: a
    button does not wrap, and "Keep <a name of 40 letters>'s response" made the page
    wider than a 1024-pixel screen at 200 % text (re-test 44, N9). The words above the
    buttons name the people."""
    return named if len(name) <= LONGEST_SHOWN_NAME else plain


class ResponseRow(QFrame):
    """One response: whose, when, the words, and "Remove …" when its writer's journal is
    the one this window opened (``removable``)."""

    def __init__(self, response: Response, writer: str, dark: bool, removable: bool) -> None:
        super().__init__()
        self.response = response
        self.writer = writer
        colour = side_colour(response.side, dark).name()
        self.setStyleSheet(f"ResponseRow {{ border-left: 4px solid {colour}; }}")
        said = f"{writer} responded, {say_moment(response.created_at, zone=response.zone)}"
        self.heading = label(breakable(f"{mark(response.side)} {said}"), "subtle")
        self.heading.setAccessibleName(said)  # the shape is not read as "black circle"
        # The words are a Tab stop of their own, saying whose they are and when.
        self.text = readable(_larger(label(response.text), 1.1), f"{writer}'s response, {said}")
        # Whose it is, the row's heading says: a long name in the button made the row
        # wider than the page at 200 % text (break test 44, F7). Heard with the name.
        self.remove_button = QPushButton("Remove this response…")
        self.remove_button.setAccessibleName(f"Remove {writer}'s response")
        row = QHBoxLayout()
        row.addWidget(self.heading, 1)
        row.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 4, 4, 4)
        column.addLayout(row)
        column.addWidget(self.text)
        self.remove_button.setHidden(not removable)  # once in the row: never a window


class ItemPage(QScrollArea):
    """The current item, or a calm line when there is none. Keys step between items."""

    step = Signal(int)  # by how many items (negative: back)
    jump = Signal(bool)  # True: to the last item, False: to the first
    respond = Signal(object, str)  # SharedItem, text
    remove_response = Signal(object)  # Response
    make_private = Signal(object)  # SharedItem

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(PAGE_NAME)
        self.item: SharedItem | None = None
        self._names: dict[int, str] = {}
        self._own: frozenset[Side] = frozenset()
        self._drafts: dict[str, str] = {}  # entry id -> a response typed but not kept yet

        inner = QWidget()
        self.card = QFrame()
        self.card.setObjectName("card")
        self.heading = label("")
        self.heading.setAccessibleDescription("Whose entry and when")
        self.title = label("", "heading")
        self.title.setAccessibleDescription("Title")
        # The entry's words, described by whose and when, shown as its writer saw them:
        # styled, the Markdown markers taken off. The page says them whole, so they are
        # no Tab stop of their own (each entry was two stops, read twice: break test 14
        # of issue 15, finding 9): Enter on the page goes into them, to read them with
        # the arrow keys, and Escape back to the page.
        self.body = readable(_larger(label(""), READING_SCALE), "Entry text")
        self.body.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.installEventFilter(self)
        self.private_button = QPushButton("Make private")
        self.private_button.clicked.connect(self._make_private)
        self.status = Message("What just changed")
        card = QVBoxLayout(self.card)
        card.setContentsMargins(24, 18, 24, 18)
        card.addWidget(self.heading)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.private_button)
        card.addLayout(top)
        card.addWidget(self.title)
        card.addWidget(self.body)

        self.responses = QVBoxLayout()
        self.responses.setSpacing(8)
        self.respond_label = label("", "subtle")
        self.respond_box = TypedTextField()
        set_height_in_lines(self.respond_box, 4, "maximum")
        self.respond_button = QPushButton("Keep the response")
        self.respond_button.clicked.connect(self._respond)
        self.problem = Message("Problem with the response", "error")
        # Words typed answer "There is nothing to keep yet…": the refusal goes once it
        # is put right, as the writers' names and the passphrase take theirs away (it
        # stayed beside the words, as "Please give both of you a name…" stayed beside
        # two names: break test 15 of session 12, 11k).
        self.respond_box.textChanged.connect(self._typed)
        self.kept_note = Message("About this response", style="notice")
        answer_row = QHBoxLayout()
        answer_row.addStretch(1)
        answer_row.addWidget(self.respond_button)
        self.respond_area = QWidget()
        answer = QVBoxLayout(self.respond_area)
        answer.setContentsMargins(0, 0, 0, 0)
        answer.addWidget(self.respond_label)
        answer.addWidget(self.kept_note)
        answer.addWidget(self.respond_box)
        answer.addWidget(self.problem)
        answer.addLayout(answer_row)
        # Ctrl+Enter in the box keeps the response (`form_keys`); a plain Enter on the
        # page reads the entry's words (`keyPressEvent`).
        enter_presses_main(self.respond_button, self.respond_area)

        # With nothing to show, the calm line is the stop: read in its own words.
        self.empty = readable(label("", "subtle"), "Read together")
        column = QVBoxLayout(inner)
        column.setContentsMargins(8, 8, 16, 16)
        column.addWidget(self.status)
        column.addWidget(self.empty)
        column.addWidget(self.card)
        column.addLayout(self.responses)
        column.addWidget(self.respond_area)
        column.addStretch(1)
        self.setWidget(inner)
        # As tall as the entry and its responses: the main window's page is the one
        # scroll (the stack and the tab widget it sits in are as tall as this page).
        grow_with_content(self)
        self.show_item(None, "")

    def set_names(self, owner: str, partner: str, own: frozenset[Side] = frozenset()) -> None:
        """The two names, and the sides whose entries and responses the person who
        opened this window may change (their own journal's): only those offer "Make
        private" and "Remove"."""
        self._names = {0: isolated(owner), 1: isolated(partner)}
        self._own = own

    def show_item(self, item: SharedItem | None, empty_text: str) -> None:
        """Show ``item``. A response typed but not kept stays with its entry for the
        whole session, and comes back when that entry is shown again."""
        self._keep_draft()
        same = item is not None and self.item is not None and item.entry_id == self.item.entry_id
        self.item = item
        self.empty.setText(empty_text)
        # Focus on the page (where the arrow keys step) speaks the whole item.
        self.setAccessibleDescription(said_item(item) if item is not None else empty_text)
        # The page is the stop while it shows an item (the arrow keys step there);
        # with none, the focus rests on the line that says why, never on the page.
        if item is not None and self.empty.hasFocus():
            self.setFocus()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if item else Qt.FocusPolicy.NoFocus)
        self.empty.setVisible(item is None)
        if item is None and self.hasFocus():
            self.empty.setFocus()
        self.card.setVisible(item is not None)
        self.respond_area.setVisible(item is not None)
        empty(self.responses)
        if not same:
            self.problem.clear()
            self.status.clear()
            self.respond_box.setPlainText(self._drafts.get(item.entry_id, "") if item else "")
            self.kept_note.setText("")
        if item is None:
            self.title.clear()
            self.body.clear()
            self.heading.clear()
            return
        writer = isolated(item.writer)  # its own direction in the sentence
        dark = is_dark_palette(self.palette())
        colour = side_colour(item.side, dark).name()
        self.card.setStyleSheet(f"QFrame#card {{ border-left: 6px solid {colour}; }}")
        self.heading.setStyleSheet(f"color: {colour}; font-weight: 600;")
        # A long name without a space breaks where the line ends (re-test 44b, M1: an
        # unbroken 40-letter name held a 1024-pixel window wider at 200 % text).
        self.heading.setText(breakable(item_heading(item)))
        self.heading.setAccessibleName(said_heading(item))
        # An entry without a title is headed by its own words, as in the Journal's list.
        self.title.setText(item.title.strip())
        self.title.setVisible(bool(item.title.strip()))
        self.title.setAccessibleName(item.title.strip() or make_headline("", item.body))
        self.body.setText(reading_html(item.body))
        title = item.title.strip()
        self.body.setAccessibleDescription(
            f"{writer}'s entry, {say_moment(item.created_at, zone=item.zone)}"
            + (f", titled {title}" if title else "")
        )
        own = item.side in self._own
        self.private_button.setVisible(own)
        private = _naming(writer, f"Make {writer}'s entry private", "Make this entry private")
        self.private_button.setText(private)
        self.private_button.setAccessibleName(private)
        self.private_button.setToolTip(
            f"The entry leaves Together at once and stays in {writer}'s journal; "
            f"{writer} can share it again from the Journal."
        )
        responder = self._names.get(1 - int(item.side), "")
        self.respond_label.setText(breakable(f"{responder}, respond to {writer} with a short note"))
        self.respond_box.setAccessibleName(f"{responder}'s response to {writer}")
        self.respond_box.setPlaceholderText(f"Up to {MAX_RESPONSE_CHARS:,} characters")
        # The name is the words on the button (voice control says what it sees).
        keep = _naming(responder, f"Keep {responder}'s response", "Keep the response")
        self.respond_button.setText(keep)
        self.respond_button.setAccessibleName(keep)
        order: list[QWidget] = [self, self.body, self.private_button]
        for response in item.responses:
            writer = self._names.get(int(response.side), "")
            row = ResponseRow(response, writer, dark, response.side in self._own)
            row.remove_button.clicked.connect(lambda _=False, r=row: self._ask_remove(r))
            self.responses.addWidget(row)
            order += [row.text, row.remove_button]
        # Tab follows the screen: the entry, its responses, then the box to answer.
        order += [self.respond_box, self.respond_button]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        if not same and self.hasFocus():  # stepped to with the keys: say the new one
            announce(self, said_item(item), Politeness.POLITE)

    def take_focus(self) -> None:
        """Focus the page (where the arrow keys step through the items), or, with no
        item, the line that says why ("Nothing is shared yet…")."""
        (self if self.item is not None else self.empty).setFocus()

    def response_rows(self) -> list[ResponseRow]:
        """The responses shown under the current entry, top to bottom."""
        items = (self.responses.itemAt(n) for n in range(self.responses.count()))
        rows = (item.widget() for item in items if item is not None)
        return [r for r in rows if isinstance(r, ResponseRow)]

    def show_problem(self, text: str) -> None:
        self.problem.refuse(text)
        if text:
            self.respond_box.setFocus()

    def show_status(self, text: str) -> None:
        self.status.show_message(text, repeat=True)

    def response_kept(self, writer: str) -> None:
        """``writer``'s response to the current entry is kept: the box empties and
        "<writer>'s response is kept." is shown and announced (focus stays put)."""
        self.show_status(f"{isolated(writer)}'s response is kept.")
        if self.item is not None:
            self._drafts.pop(self.item.entry_id, None)
        self.respond_box.clear()
        self.problem.clear()

    def unsent(self) -> dict[str, str]:
        """Responses typed but not kept, by entry id (the one in the box included)."""
        self._keep_draft()
        return dict(self._drafts)

    def take_unsent(self, drafts: dict[str, str]) -> None:
        """Responses kept at a lock, back with their entries (shown as the box opens),
        the entry shown now's in its box at once: going to the entry already shown put
        nothing back, and the response typed under the first entry was lost while two
        notes said it was back (break test 15 of session 18, re-test R6)."""
        self._drafts.update(drafts)
        if self.item is not None and self.item.entry_id in drafts:
            self.respond_box.setPlainText(drafts[self.item.entry_id])

    def forget_drafts(self) -> None:
        """The session ends: responses not kept are let go (only now)."""
        self._drafts.clear()
        self.respond_box.clear()

    def _keep_draft(self) -> None:
        if self.item is None:
            return
        text = typed_text(self.respond_box)
        if text.strip():
            self._drafts[self.item.entry_id] = text
        else:
            self._drafts.pop(self.item.entry_id, None)

    def _typed(self) -> None:
        """Take `NOTHING_TO_KEEP` away once words are typed in the response box, and the
        refusal of a response too long once it fits (break test 53, T4: "Nothing was
        lost: it is still here" stayed beside a short new note), and the note that words
        were given back once the box is empty (re-test 53, R6). Another problem
        keeping the words, from storage, stays until the next try."""
        text, said = typed_text(self.respond_box), self.problem.text()
        if (text.strip() and said == NOTHING_TO_KEEP) or (
            said.startswith(TOO_LONG) and len(text) <= MAX_RESPONSE_CHARS
        ):
            self.problem.clear()
        if not text.strip():  # the words given back are gone: "Your words are back" too
            self.kept_note.setText("")

    def _respond(self) -> None:
        if self.item is None:
            return
        text = typed_text(self.respond_box)
        if not text.strip():
            self.show_problem(NOTHING_TO_KEEP)
            return
        self.respond.emit(self.item, text)

    def _ask_remove(self, row: ResponseRow) -> None:
        writer = row.writer
        confirm(
            self,
            f"Remove {writer}'s response?",
            f"Only {writer} should choose this. The response is deleted from the journal "
            "it is kept in, and this cannot be undone.",
            f"Remove {writer}'s response",
            lambda: self.remove_response.emit(row.response),
        )

    def _make_private(self) -> None:
        if self.item is not None:
            self.make_private.emit(self.item)

    def read_words(self) -> None:
        """Put the focus in the entry's words (to read them with the arrow keys), when an
        entry is shown."""
        if self.item is not None:
            self.body.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape in the entry's words goes back to the page (where the arrow keys step
        between entries)."""
        if (
            watched is self.body
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        no_modifier = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in _ENTER and no_modifier and self.item is not None:
            self.read_words()
        elif key in STEP_KEYS and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.step.emit(STEP_KEYS[key])
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.jump.emit(key == Qt.Key.Key_End)
        else:
            super().keyPressEvent(event)
