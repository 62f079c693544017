"""A bare entry editor on screen with the keyboard focus, for tests that type into it
with real keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from journal.ui.entries.markdown import MarkdownEditor

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused_editor(qtbot) -> MarkdownEditor:  # type: ignore[no-untyped-def]
    """A `MarkdownEditor` shown, its window active and the focus in it (waited for)."""
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    return editor


def editor_with_toolbar(qtbot) -> tuple[QWidget, MarkdownEditor]:  # type: ignore[no-untyped-def]
    """A window holding a `MarkdownEditor` under its formatting toolbar, shown, the focus
    in the editor (waited for): its buttons are clicked as a person clicks them. The
    window is given back too: keep it while the editor is used."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    editor = MarkdownEditor()
    layout.addWidget(editor.toolbar())
    layout.addWidget(editor)
    qtbot.addWidget(holder)
    holder.show()
    holder.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    return holder, editor
