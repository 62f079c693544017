"""'Write with a prompt': one gentle prompt at a time, never a nag.

The person can write with it, see another, skip it (it is not offered again),
or add a prompt of their own. Closing the dialog is always fine, once a prompt of
one's own typed there has been asked about (`EditDialog`).
"""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from journal.domain.entries.prompts import Audience, Prompt, PromptLibrary
from journal.storage.entries.prompts import PromptStore
from journal.ui.common.accessibility import Message, say_on_open
from journal.ui.common.edit_dialog import Discard, EditDialog
from journal.ui.common.fit import dialog_layout
from journal.ui.common.flow import flow_row
from journal.ui.common.main_button import enter_presses_main
from journal.ui.common.messages import user_message

AUDIENCES = (
    ("For me", Audience.GRIEF),
    ("For a partner who did not carry the pregnancy", Audience.PARTNER),
    ("For the two of us", Audience.COUPLE),
)
NONE_LEFT = (
    "There are no more prompts here that you have not skipped. You can write "
    "freely, add a prompt of your own, or choose another set."
)
NO_OWN_PROMPT = "Write your prompt in a few words first, then press Add and write."


OWN_NOT_ADDED = Discard(
    "Close without your prompt?",
    "The prompt you wrote has not been added. To keep it, choose Add and write first.",
    "&Close without it",
    "&Go back",
)


class PromptPicker(EditDialog):
    """Write with a prompt: offers one prompt at a time, shipped or the person's own, with
    "Another"; `chosen` is the prompt accepted (None until then)."""

    discard_words = OWN_NOT_ADDED

    def __init__(
        self,
        library: PromptLibrary,
        store: PromptStore,
        parent: QWidget | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Write with a prompt")
        self.library = library
        self.store = store
        self.rng = rng or random.Random()
        self.chosen: Prompt | None = None
        self.current: Prompt | None = None
        self._seen: set[str] = set()

        self.audience = QComboBox()
        self.audience.setAccessibleName("Prompts written")
        for text, audience in AUDIENCES:
            self.audience.addItem(text, audience)
        self.text = Message("Prompt", style="notice", hide_empty=False)
        say_on_open(self, self.text)  # the prompt offered first is heard too
        self.write = QPushButton("&Write with this")
        self.write.setDefault(True)
        self.another = QPushButton("&Another")
        self.skip = QPushButton("&Skip this one")
        self.skip.setToolTip("It will not be offered again.")
        self.own = QLineEdit()
        self.own.setAccessibleName("Your own prompt")
        self.own.setPlaceholderText("Or write a prompt of your own")
        self.add = QPushButton("A&dd and write")
        self.close_button = QPushButton("Not now")

        audience_row = QHBoxLayout()
        caption = QLabel("&Prompts")
        caption.setBuddy(self.audience)
        audience_row.addWidget(caption)
        audience_row.addWidget(self.audience, 1)
        buttons = flow_row(self.write, self.another, self.skip)  # wraps at large text
        self.own_problem = Message("Problem with your prompt", "error")
        self.own_problem.hide()
        own_part = QWidget()  # Enter here adds the prompt, never "Write with this"
        own_row = QHBoxLayout(own_part)
        own_row.setContentsMargins(0, 0, 0, 0)
        own_row.addWidget(self.own, 1)
        own_row.addWidget(self.add)
        column, footer = dialog_layout(self, width_chars=60)
        column.addLayout(audience_row)
        column.addWidget(self.text)
        column.addWidget(buttons)
        column.addWidget(own_part)
        column.addWidget(self.own_problem)
        footer.addStretch(1)
        footer.addWidget(self.close_button)

        self.audience.currentIndexChanged.connect(self.offer)
        self.write.clicked.connect(self._write)
        self.another.clicked.connect(self.offer)
        self.skip.clicked.connect(self._skip)
        self.add.clicked.connect(self._add)
        enter_presses_main(self.add, own_part)
        self.own.textChanged.connect(lambda: self.own_problem.hide())
        self.close_button.clicked.connect(self.reject)
        self.offer()

    def unsaved(self) -> bool:
        """Whether a prompt of one's own is typed and not added: Escape or Close asks
        before it goes (break test 40, finding 3); the set of prompts chosen is not."""
        return bool(self.own.text().strip())

    def offer(self) -> None:
        audience: Audience = self.audience.currentData()
        try:
            skipped = self.store.skipped()
        except Exception as error:
            self.text.setText(user_message(error))
            return
        exclude = set(skipped) | self._seen
        prompt = self.library.offer(audience, exclude, self.rng)
        if prompt is None and self._seen:
            self._seen.clear()  # every prompt seen once: start the round again
            prompt = self.library.offer(audience, set(skipped), self.rng)
        self.current = prompt
        if prompt is not None:
            self._seen.add(prompt.id)
        self.text.setText(
            NONE_LEFT
            if prompt is None
            else prompt.text + (f"\n\n{prompt.hint}" if prompt.hint else "")
        )
        self.write.setEnabled(prompt is not None)
        self.skip.setEnabled(prompt is not None)

    def _write(self) -> None:
        self.chosen = self.current
        self.accept()

    def _skip(self) -> None:
        if self.current is not None:
            self.store.skip(self.current.id)
        self.offer()

    def _add(self) -> None:
        prompt = self.store.add(self.own.text(), self.audience.currentData())
        if prompt is None:  # no words: said beside the field (Enter wrote with another)
            self.own_problem.refuse(NO_OWN_PROMPT)
            self.own.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.library = self.library.with_prompts([prompt])
        self.chosen = prompt
        self.accept()
