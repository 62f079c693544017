"""Couple prompts: answered privately in each journal, shown together only when both answered.

`MyAnswersPage` is where one person answers, privately, before or outside a
Together session. `PromptsTogether` shows the session's prompts: both answers side
by side once both answered, otherwise only "One answer is waiting" (never whose,
never how long).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.domain.common.bidi import isolated
from journal.domain.entries.prompts import Prompt
from journal.domain.together.items import Side
from journal.domain.together.prompts import AnswerState, PromptStatus, PromptView
from journal.storage.together.answers import MyAnswer
from journal.ui.common.accessibility import Message, announce, describes, readable, scroll_only
from journal.ui.common.dark import is_dark_palette
from journal.ui.common.exact_copy import TypedTextField
from journal.ui.common.flow import flow_row, narrow_combo
from journal.ui.common.local_time import say_moment
from journal.ui.common.main_button import enter_presses_main
from journal.ui.common.widgets import grow_with_content, label, qt_text, typed_text, wrapping_form
from journal.ui.together.layouts import empty
from journal.ui.together.marks import mark, shown_name, side_colour

__all__ = ["MyAnswersPage", "PromptsTogether"]

STATUS_TEXT = {
    PromptStatus.OPEN: "Neither of you has answered yet.",
    PromptStatus.WAITING: "One answer is waiting.",
    PromptStatus.SET_ASIDE: "Set aside for now.",
}
#: Said when Back leaves an answer typed but not kept (break test 15 of session 15,
#: finding 13: it was dropped without a word).
ANSWER_WAITS = (
    "Your answer is not kept yet. It waits here: it is back when you open this prompt "
    "again, and Keep my answer keeps it."
)
#: Shown above an answer typed earlier and not kept, put back in its box.
ANSWER_BACK = "The answer you typed earlier is back. It is not kept yet: Keep my answer keeps it."
PRIVATE_NOTE = (
    "Your answers stay private in this journal. Together shows a prompt's answers "
    "only once both of you have answered it; until then it says only that one "
    "answer is waiting. You can pass on any prompt."
)


def _scrolling(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setAccessibleName("Couple prompts")
    area.setWidget(inner)
    # Not a silent Tab stop of its own: each prompt and answer inside is one. As tall
    # as its prompts: the main window's page is the one scroll (its tab widget is as
    # tall as this page, `CurrentPageTabs`).
    return scroll_only(grow_with_content(area))


def about_prompt(view: PromptView) -> str:
    """What a prompt's Tab stop says after its words: where it stands, as shown."""
    if view.status is PromptStatus.REVEALED:
        return "Couple prompt. Both of you have answered."
    return f"Couple prompt. {STATUS_TEXT[view.status]}"


def about_answer(name: str, answered_at: datetime | None, zone: str | None = None) -> str:
    """What an answer's Tab stop says after its words: whose it is and when it was kept
    (``answered_at`` in UTC, said in the IANA ``zone`` it was kept in; None: the
    person's own)."""
    if answered_at is None:
        return f"{name}'s answer"
    return f"{name}'s answer, {say_moment(answered_at, zone=zone)}"


class PromptsTogether(QWidget):
    """The couple prompts in a Together session."""

    def __init__(self) -> None:
        super().__init__()
        self._inner = QWidget()
        self._cards = QVBoxLayout(self._inner)
        self._cards.setSpacing(12)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self._intro = label(
            "Each of you answers these privately, at any time. Answers appear here "
            "side by side once you have both answered.",
            "subtle",
        )
        column.addWidget(self._intro)
        column.addWidget(_scrolling(self._inner), 1)

    def show_views(self, views: Sequence[PromptView], owner: str, partner: str) -> None:
        self.clear()
        dark = is_dark_palette(self.palette())
        for view in views:
            card = QFrame()
            card.setObjectName("card")
            inner = QVBoxLayout(card)
            inner.setContentsMargins(18, 12, 18, 12)
            # The prompt and each answer are Tab stops that read their own words.
            prompt = readable(label(view.text, "title"), about_prompt(view))
            if not self._cards.count():  # the first stop: what answering here means
                describes(self._intro, prompt, before=about_prompt(view))
            inner.addWidget(prompt)
            if view.status is PromptStatus.REVEALED:
                row = QHBoxLayout()
                for side, name, text, when, zone in (
                    (Side.OWNER, owner, view.owner_answer, view.owner_answered_at, view.owner_zone),
                    (
                        Side.PARTNER,
                        partner,
                        view.partner_answer,
                        view.partner_answered_at,
                        view.partner_zone,
                    ),
                ):
                    column = QVBoxLayout()
                    who = label(f"{mark(side)} {name}")
                    who.setAccessibleName(name)  # the shape is not read as "black circle"
                    who.setStyleSheet(f"color: {side_colour(side, dark).name()}; font-weight: 600;")
                    column.addWidget(who)
                    column.addWidget(readable(label(text), about_answer(name, when, zone)))
                    column.addStretch(1)
                    row.addLayout(column, 1)
                inner.addLayout(row)
            else:
                inner.addWidget(label(STATUS_TEXT[view.status], "subtle"))
            self._cards.addWidget(card)
        self._cards.addStretch(1)

    def clear(self) -> None:
        empty(self._cards)


class MyAnswersPage(QWidget):
    """One person answers a couple prompt privately: answer, pass, or take it back."""

    answer = Signal(str, str)  # prompt id, text
    pass_on = Signal(str)
    forget = Signal(str)
    back = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._prompts: list[Prompt] = []
        self._answers: dict[str, MyAnswer] = {}
        # Answers typed and not kept, by (writer, prompt id), while another prompt or
        # page is shown: never dropped by Back or by choosing another prompt.
        self._drafts: dict[tuple[int, str], str] = {}
        self._in_box: tuple[int, str] | None = None  # whose answer the box holds
        self.writer = QComboBox()
        self.writer.setAccessibleName("Who is answering")
        self.prompt = QComboBox()
        self.prompt.setAccessibleName("Couple prompt")
        self.state = Message("Your answer so far", hide_empty=False)
        self.text = TypedTextField()
        self.text.setAccessibleName("Your answer")
        self.problem = Message("Problem with your answer", "error")
        self.problem.hide()
        self.kept_note = Message("About this answer", style="notice")
        self.keep_button = QPushButton("&Keep my answer")
        self.pass_button = QPushButton("&Pass on this one")
        self.forget_button = QPushButton("&Take back my answer")
        self.back_button = QPushButton("&Back")
        narrow_combo(self.prompt, 24)
        buttons = flow_row(
            self.back_button, trailing=(self.forget_button, self.pass_button, self.keep_button)
        )
        column = QVBoxLayout(self)
        column.addWidget(label("Couple prompts, answered privately", "heading"))
        # Read with the choice of prompt and with the answer box (issue 15, finding 10).
        column.addWidget(describes(label(PRIVATE_NOTE, "subtle"), self.prompt, self.text))
        # Labelled (a combo box on its own is read by its current choice only).
        self.writer_label = QLabel("&Who is answering")
        self.writer_label.setBuddy(self.writer)
        prompt_label = QLabel("Pro&mpt")
        prompt_label.setBuddy(self.prompt)
        choices = wrapping_form()
        choices.addRow(self.writer_label, self.writer)
        choices.addRow(prompt_label, self.prompt)
        column.addLayout(choices)
        column.addWidget(self.state)
        column.addWidget(self.kept_note)
        column.addWidget(self.text, 1)
        column.addWidget(self.problem)
        column.addWidget(buttons)
        self.prompt.currentIndexChanged.connect(self._show)
        self.keep_button.clicked.connect(
            lambda: self.answer.emit(self._current(), typed_text(self.text))
        )
        # Passing or taking the answer back lets go of what the box holds, on purpose.
        self.pass_button.clicked.connect(lambda: self._let_go(self.pass_on))
        self.forget_button.clicked.connect(lambda: self._let_go(self.forget))
        self.back_button.clicked.connect(self._go_back)
        self.text.textChanged.connect(self.problem.hide)
        # Enter in the choices, and Ctrl+Enter in the answer (`form_keys`), keep it.
        enter_presses_main(self.keep_button, self)

    def set_writers(self, names: Sequence[str]) -> None:
        """A journal kept by two: who is answering (hidden for a journal of one)."""
        self.writer.blockSignals(True)
        self.writer.clear()
        for number, name in enumerate(names, start=1):
            self.writer.addItem(f"Answering as {isolated(shown_name(name))}", number)
        self.writer.setVisible(bool(names))
        self.writer_label.setVisible(bool(names))
        self.writer.blockSignals(False)

    def writer_number(self) -> int:
        return int(self.writer.currentData() or 1)

    def show_answers(self, prompts: Sequence[Prompt], answers: dict[str, MyAnswer]) -> None:
        current = self._current()
        self._prompts = list(prompts)
        self._answers = dict(answers)
        self.prompt.blockSignals(True)
        self.prompt.clear()
        for prompt in self._prompts:
            self.prompt.addItem(prompt.text, prompt.id)
        row = max(0, self.prompt.findData(current))
        self.prompt.setCurrentIndex(row)
        self.prompt.blockSignals(False)
        self._show()

    def _current(self) -> str:
        return str(self.prompt.currentData() or "")

    def _hold_typed(self) -> bool:
        """Keep the answer in the box, typed and not kept, as a draft of the prompt it
        was typed for (`_drafts`); True when there was one."""
        if self._in_box is None:
            return False
        writer, prompt_id = self._in_box
        typed = typed_text(self.text)
        mine = self._answers.get(prompt_id) if writer == self.writer_number() else None
        kept = mine.text if mine is not None and mine.state is not AnswerState.PASSED else ""
        if typed.strip() and typed != kept:
            self._drafts[self._in_box] = typed
            return True
        self._drafts.pop(self._in_box, None)
        return False

    def _let_go(self, signal: SignalInstance) -> None:
        """Pass on, or take back, the prompt shown: what its box holds is not held."""
        self._in_box = None
        signal.emit(self._current())

    def _go_back(self) -> None:
        """Back: an answer typed and not kept waits as a draft and is said to wait."""
        waits = self._hold_typed()
        self.back.emit()
        if waits:
            announce(self.window(), ANSWER_WAITS, after_focus=True)

    def _show(self) -> None:
        self._hold_typed()
        key = (self.writer_number(), self._current())
        self._in_box = key
        mine = self._answers.get(self._current())
        self.problem.hide()
        draft = self._drafts.pop(key, None)
        kept = mine.text if mine is not None and mine.state is not AnswerState.PASSED else ""
        if draft is not None and draft != kept:
            self._show_state(mine)
            self.text.setPlainText(qt_text(draft))
            self.kept_note.setText(ANSWER_BACK)
            return
        self._show_state(mine)
        self.text.setPlainText(qt_text(kept))

    def _show_state(self, mine: MyAnswer | None) -> None:
        """What the line above the box says of the answer kept for the prompt shown."""
        self.forget_button.setEnabled(mine is not None)
        if self.kept_note.text() == ANSWER_BACK:
            self.kept_note.setText("")
        if mine is None:
            self.state.setText("Not answered yet.")
        elif mine.state is AnswerState.PASSED:
            self.state.setText("You passed on this one. You can still answer it.")
        else:
            self.state.setText("Your answer is kept. You can change it or take it back.")

    def show_problem(self, text: str) -> None:
        """Say ``text`` (a refusal) on the problem line, each time (`Message.refuse`),
        with the focus in the answer it is about, as every form puts it on the field to
        put right (break test 15 of session 29, F14: it stayed on "Keep my answer");
        "" hides it."""
        if text:
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)
            self.problem.refuse(text)
        else:
            self.problem.clear()

    def unkept(self) -> tuple[str, str] | None:
        """(prompt id, text) of an answer typed or changed here but not kept yet."""
        typed = typed_text(self.text)
        mine = self._answers.get(self._current())
        kept = mine.text if mine is not None and mine.state is not AnswerState.PASSED else ""
        return (self._current(), typed) if typed.strip() and typed != kept else None

    def give_back(self, prompt_id: str, text: str, note: str) -> None:
        """Show the prompt ``prompt_id`` with ``text`` typed in it, and ``note`` above."""
        row = self.prompt.findData(prompt_id)
        if row >= 0:
            self.prompt.setCurrentIndex(row)
        self.text.setPlainText(text)
        self.kept_note.setText(note)

    def clear(self) -> None:
        self.kept_note.setText("")
        self._drafts = {}
        self._in_box = None
        self._answers = {}
        self._prompts = []
        self.prompt.clear()
        self.text.clear()
        self.state.clear()
