"""Writing one entry: title, Markdown body, mood, feelings, tags, shared or private.

Autosave: every change restarts one single-shot timer; about a second after
typing stops the entry is written in one short transaction on the GUI thread
(a single-row upsert, a few milliseconds). Nothing is written per keystroke.
`save_now` writes at once (lock, close, switching entries). A quiet status
line says when it saved.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.entries.entry import Entry, check_entry_size, new_entry
from journal.domain.entries.feelings import Mood
from journal.domain.entries.prompts import Prompt
from journal.domain.entries.tags import extract_hashtags, merge_tags
from journal.errors import SolaceError
from journal.storage.entries.repository import EntryRepository
from journal.storage.together.sharing import Sharing
from journal.ui.common.accessibility import Message
from journal.ui.common.local_time import now_utc, say_time
from journal.ui.common.messages import user_message
from journal.ui.common.widgets import label
from journal.ui.entries.feelings import FeelingsPicker, MoodPicker
from journal.ui.entries.markdown import MarkdownEditor
from journal.ui.entries.sharing import SharingExtras

AUTOSAVE_MS = 1000


class UnsavedWriting(SolaceError):
    """What was typed could not be written yet; the message says why, kindly."""

PRIVATE_TEXT = "Private: only you can see this entry."
SHARED_TEXT = "Shared: your partner can see this entry in Together."


def _now() -> datetime:
    return now_utc()


class EntryEditor(QWidget):
    saved = Signal(object)  # EntrySummary, after each write
    delete_requested = Signal(object)  # Entry, already saved once

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repo: EntryRepository | None = None
        self._entry: Entry | None = None
        self._stored = False
        self._dirty = False
        self._loading = False
        self.first_save = False  # whether the last write created the entry
        self.prompt_lookup: Callable[[str], Prompt | None] = lambda _id: None

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)

        self.title = QLineEdit()
        self.title.setPlaceholderText("Title (optional)")
        self.title.setAccessibleName("Title")
        self.title.setMaxLength(300)
        self.prompt = label("", "notice")
        self.prompt.setAccessibleDescription("The prompt this entry answers")
        self.prompt.hide()
        self.body = MarkdownEditor()
        self.mood = MoodPicker()
        self.feelings = FeelingsPicker()
        self.tags = QLineEdit()
        self.tags.setAccessibleName("Tags")
        self.tags.setPlaceholderText("Tags, separated by commas. #words in the text count too.")
        self.shared = QCheckBox("&Share with my partner")
        self.shared.setAccessibleDescription("Entries are private unless you share them.")
        self.sharing = label(PRIVATE_TEXT, "subtle")
        self.sharing_extras = SharingExtras()
        self.status = Message("Save status", hide_empty=False, quiet_status=True)
        self.delete_button = QPushButton("&Delete entry…")
        self.delete_button.setAccessibleName("Delete this entry")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in (
            ("&Mood", self.mood),
            ("&Feelings", self.feelings),
            ("T&ags", self.tags),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget.list if isinstance(widget, FeelingsPicker) else widget)
            form.addRow(caption, widget)
        sharing = QHBoxLayout()
        sharing.addWidget(self.shared)
        sharing.addWidget(self.sharing, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.delete_button)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.prompt)
        column.addWidget(self.body.toolbar())
        column.addWidget(self.body, 1)
        column.addLayout(form)
        column.addLayout(sharing)
        column.addWidget(self.sharing_extras)
        column.addLayout(footer)

        self.title.textChanged.connect(self._changed)
        self.body.textChanged.connect(self._changed)
        self.body.refused.connect(self.show_problem)
        self.mood.currentIndexChanged.connect(self._changed)
        self.feelings.changed.connect(self._changed)
        self.tags.textChanged.connect(self._changed)
        self.shared.toggled.connect(self._changed)
        self.shared.toggled.connect(self._show_sharing)
        self.delete_button.clicked.connect(self._delete)
        self.setEnabled(False)

    # state --------------------------------------------------------------------------
    def attach(self, repo: EntryRepository) -> None:
        self._repo = repo
        self.sharing_extras.attach(Sharing(repo.db))
        self.setEnabled(True)

    @property
    def entry_id(self) -> str | None:
        return self._entry.id if self._entry else None

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def start_new(self, prompt: Prompt | None = None) -> None:
        self.save_now()
        self._show(new_entry(_now(), prompt.id if prompt else None), stored=False)
        self.body.setFocus()

    def load(self, entry: Entry) -> None:
        self.save_now()
        self._show(entry, stored=True)

    def _show(self, entry: Entry, *, stored: bool) -> None:
        self._loading = True
        try:
            self._entry, self._stored, self._dirty = entry, stored, False
            self.title.setText(entry.title)
            self.body.set_markdown(entry.body)
            self.mood.set_mood(entry.mood)
            self.feelings.set_feelings(entry.feelings)
            hashtags = extract_hashtags(entry.body)
            self.tags.setText(", ".join(tag for tag in entry.tags if tag not in hashtags))
            self.shared.setChecked(entry.shared)
            self.sharing_extras.show_entry(entry.id, stored)
            self._show_prompt(entry.prompt_id)
            self.status.setText("")
            self.delete_button.setEnabled(stored)
        finally:
            self._loading = False

    def _show_prompt(self, prompt_id: str | None) -> None:
        prompt = self.prompt_lookup(prompt_id) if prompt_id else None
        if prompt is None:
            self.prompt.hide()
            return
        self.prompt.setText(prompt.text + (f"\n{prompt.hint}" if prompt.hint else ""))
        self.prompt.show()

    def _show_sharing(self, shared: bool) -> None:
        self.sharing.setText(SHARED_TEXT if shared else PRIVATE_TEXT)
        if shared and not self._loading:
            self.sharing_extras.shared_by_person()

    def show_problem(self, message: str) -> None:
        self._set_status(message, "error")

    def _set_status(self, message: str, role: str = "subtle") -> None:
        self.status.show_message(message, "error" if role == "error" else "status")

    # saving ---------------------------------------------------------------------------
    def _changed(self) -> None:
        if self._loading or self._entry is None:
            return
        self._dirty = True
        self.timer.start()

    def compose(self) -> Entry | None:
        """The entry as the widgets show it now."""
        if self._entry is None:
            return None
        body = self.body.markdown()
        field_tags = [
            part for part in self.tags.text().replace("\n", ",").split(",") if part.strip()
        ]
        return dataclasses.replace(
            self._entry,
            title=" ".join(self.title.text().split()),
            body=body,
            mood=self.mood.mood(),
            feelings=self.feelings.feelings(),
            tags=merge_tags(field_tags, body),
            shared=self.shared.isChecked(),
            updated_at=_now(),
        )

    @staticmethod
    def _is_blank(entry: Entry) -> bool:
        return not (entry.title or entry.body.strip() or entry.mood or entry.feelings or entry.tags)

    def save_now(self) -> bool:
        """Write the entry if it changed. False when it could not be written."""
        self.timer.stop()
        if not self._dirty or self._repo is None:
            return True
        entry = self.compose()
        if entry is None or (not self._stored and self._is_blank(entry)):
            self._dirty = False
            return True
        problem = check_entry_size(entry.body)
        if problem:
            self.show_problem(problem)
            return False
        try:
            self._repo.save(entry)
        except Exception as error:
            self.show_problem(user_message(error))
            return False
        self.first_save = not self._stored
        self._entry, self._stored, self._dirty = entry, True, False
        self.delete_button.setEnabled(True)
        self.sharing_extras.saved(entry.id)
        self._set_status(f"Saved at {say_time(entry.updated_at)}")
        self.saved.emit(entry.summary())
        return True

    def _delete(self) -> None:
        self.save_now()
        if self._entry is not None and self._stored:
            self.delete_requested.emit(self._entry)

    def draft(self) -> str | None:
        """The unsaved entry as JSON for a sealed draft (see `restore_draft`); None
        when nothing is unsaved."""
        entry = self.compose() if self._dirty else None
        if entry is None:
            return None
        return json.dumps(
            {
                "id": entry.id,
                "stored": self._stored,
                "title": self.title.text(),
                "body": entry.body,
                "tags": self.tags.text(),
                "mood": int(entry.mood) if entry.mood else None,
                "feelings": list(entry.feelings),
                "shared": entry.shared,
            },
            ensure_ascii=False,
        )

    def restore_draft(
        self, draft: str, lookup: Callable[[str], Entry | None] | None
    ) -> str | None:
        """Show a draft kept by `draft` at an earlier lock, over its saved entry if it
        had one (found with ``lookup``), as unsaved work. Returns the entry's id."""
        values = json.loads(draft)
        saved = lookup(values["id"]) if lookup and values.get("stored") else None
        if saved is not None:
            self._show(saved, stored=True)
        else:
            self._show(dataclasses.replace(new_entry(_now(), None), id=values["id"]), stored=False)
        self.title.setText(values["title"])
        self.body.set_markdown(values["body"])
        self.tags.setText(values["tags"])
        self.mood.set_mood(Mood(values["mood"]) if values["mood"] else None)
        self.feelings.set_feelings(values["feelings"])
        self.shared.setChecked(bool(values["shared"]))
        self._dirty = True
        return str(values["id"])

    def clear(self) -> None:
        """Forget the entry, the text and its undo history (on lock)."""
        self.timer.stop()
        self._loading = True
        try:
            self._entry, self._stored, self._dirty = None, False, False
            self.title.setText("")  # setText also clears the undo history
            self.body.forget()
            self.mood.set_mood(None)
            self.feelings.set_feelings(())
            self.tags.setText("")
            self.shared.setChecked(False)
            self.prompt.clear()
            self.prompt.hide()
            self.status.clear()
        finally:
            self._loading = False
        self._repo = None
        self.sharing_extras.clear()
        self.setEnabled(False)
