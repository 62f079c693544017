"""A note that says what is shared, kept private or left unencrypted is heard with the
control it is about (issue 15, findings 7 and 10): its words are that control's
accessible description (or, for a whole dialog, the dialog's, said as it opens), so
a screen reader reads them when the person reaches the control, never only in flat
review. Checked on every screen and dialog of the app."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QWidget

from journal.ui.common.accessibility import Message
from tests.ui.accessibility.screens import each_screen

#: What makes a note one about privacy: sharing, keeping private, encryption.
PRIVACY = re.compile(r"privat|shar(e|ed|ing)\b|encrypt", re.IGNORECASE)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _is_note(widget: QWidget) -> bool:
    """A visible plain label of privacy words: not a heading, a field's caption, a
    status or error (those are announced), or a Tab stop reading its own words."""
    if not isinstance(widget, QLabel) or isinstance(widget, Message) or not widget.isVisible():
        return False
    if widget.property("role") in ("heading", "title") or widget.buddy() is not None:
        return False
    if widget.property("readable") and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return False
    return bool(PRIVACY.search(widget.text()))


def _heard_with(note: QLabel) -> list[QWidget]:
    """The controls (or the window) whose description holds the note's words."""
    words = _flat(note.text())
    window = note.window()
    return [
        w
        for w in (window, *window.findChildren(QWidget))
        if w is not note
        and words in _flat(w.accessibleDescription())
        and (w is window or (w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus))
    ]


def test_every_privacy_note_is_the_description_of_its_control(qtbot, window, store):  # type: ignore[no-untyped-def]
    unheard: dict[str, str] = {}
    for title, root in each_screen(qtbot, window, store):
        for note in root.findChildren(QLabel):
            if _is_note(note) and not _heard_with(note):
                unheard.setdefault(_flat(note.text()), title)
    assert unheard == {}, "\n".join(f"{t}: {w}" for w, t in unheard.items())


def test_the_entry_share_switch_reads_what_sharing_means_now(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """The entry's "shared / private" note is read with its switch, and follows it."""
    from journal.ui.entries.editor import PRIVATE_TEXT, SHARED_TEXT
    from tests.ui.entries.test_keys import _writing

    editor = _writing(qtbot, unlocked_window).editor
    switch = QAccessible.queryAccessibleInterface(editor.shared)
    assert switch.text(QAccessible.Text.Description) == PRIVATE_TEXT == editor.sharing.text()
    editor.shared.setChecked(True)  # the first time, the note on sharing asks first
    extras = editor.sharing_extras
    if extras.share_button.isVisible():
        extras.share_button.click()
    assert editor.shared.isChecked()
    assert switch.text(QAccessible.Text.Description) == SHARED_TEXT == editor.sharing.text()
