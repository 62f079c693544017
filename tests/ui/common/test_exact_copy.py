"""Copy, cut and paste out of a person's words give exactly the characters (issue 9).

Qt's own copy out of a multi-line field or a selectable label goes through
``toPlainText``: every no-break space (U+00A0) became a space and a line separator
(U+2028) a line break, so a French note copied into another entry or another program
came out changed. Typed here with real key events, selected with Ctrl+A, copied with
Ctrl+C (and cut with Ctrl+X), pasted back with Ctrl+V.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QDrag, QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

import journal
from journal.ui.body.appointment_dialog import AppointmentDialog
from journal.ui.body.form import BodyLogForm
from journal.ui.common.accessibility import readable
from journal.ui.common.exact_copy import MENU_COPY, install_exact_copy
from journal.ui.common.utf16 import unit_length
from journal.ui.common.widgets import label, typed_text
from journal.ui.entries.markdown import MarkdownEditor

CTRL = Qt.KeyboardModifier.ControlModifier
# Typed key by key: no-break spaces (French), a narrow one, a line separator, a
# paragraph separator inside a line (a line break in any Qt field), tabs, emoji.
TYPED = "Pourquoi\u00a0? «\u00a0mon bébé\u00a0»\t10\u202f000 first\u2028second\u2029third\t👍🏽"
AS_STORED = TYPED.replace("\u2029", "\n")


def _type(widget: QWidget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _field(qtbot, which: str):  # type: ignore[no-untyped-def]
    """The widget that holds the field (kept alive by the caller) and the field."""
    if which == "body log note":
        owner = BodyLogForm(with_pads=False)
        field = owner.note
    elif which == "appointment questions":
        owner = AppointmentDialog()
        field = owner.questions
    else:
        owner = field = MarkdownEditor()
    qtbot.addWidget(owner)
    owner.show()
    field.setFocus()
    return owner, field


@pytest.mark.parametrize("which", ["body log note", "appointment questions", "entry editor"])
def test_copy_cut_and_paste_back_give_exactly_what_was_typed(qtbot, which):
    _owner, field = _field(qtbot, which)
    _type(field, TYPED)
    read = field.markdown if isinstance(field, MarkdownEditor) else lambda: typed_text(field)
    # The entry editor keeps every line break as itself (U+2029 too); the other
    # fields read it as a line break (`widgets.typed_text`).
    stored = TYPED if isinstance(field, MarkdownEditor) else AS_STORED
    assert read() == stored
    clipboard = QGuiApplication.clipboard()

    QTest.keyClick(field, Qt.Key.Key_A, CTRL)
    QTest.keyClick(field, Qt.Key.Key_C, CTRL)
    assert clipboard.text() == stored
    QTest.keyClick(field, Qt.Key.Key_X, CTRL)
    assert clipboard.text() == stored and read() == ""
    QTest.keyClick(field, Qt.Key.Key_V, CTRL)
    QTest.keyClick(field, Qt.Key.Key_V, CTRL)
    assert read() == stored * 2
    assert field.createMimeDataFromSelection().text() == ""  # (what a drag takes)
    QTest.keyClick(field, Qt.Key.Key_A, CTRL)
    assert field.createMimeDataFromSelection().text() == stored * 2


def test_a_selectable_label_copies_exactly_by_key_and_by_menu(qtbot):
    install_exact_copy()
    words = readable(label(AS_STORED), "A response")
    qtbot.addWidget(words)
    words.show()
    words.setFocus()
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    words.setSelection(0, unit_length(AS_STORED))
    QTest.keyClick(words, Qt.Key.Key_C, CTRL)
    assert clipboard.text() == AS_STORED

    clipboard.clear()
    menus: list[QMenu] = []

    def choose_copy() -> None:
        menu = next(m for m in QApplication.topLevelWidgets() if isinstance(m, QMenu))
        menus.append(menu)
        next(a for a in menu.actions() if a.objectName() == MENU_COPY).trigger()
        menu.close()

    reason = QContextMenuEvent.Reason.Keyboard
    centre = words.rect().center()
    QApplication.sendEvent(words, QContextMenuEvent(reason, centre, words.mapToGlobal(centre)))
    QTimer.singleShot(0, choose_copy)  # the menu pops up without waiting
    qtbot.waitUntil(lambda: bool(menus))
    assert menus and clipboard.text() == AS_STORED


def test_every_multi_line_field_for_words_copies_exactly() -> None:
    """A source scan: a multi-line field for a person's words is a `TypedTextField` (or
    the entry editor), never a bare QPlainTextEdit, whose copy changes characters."""
    package = Path(journal.__file__).parent
    bare = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bQ(Plain)?TextEdit\(", line)
    ]
    assert bare == []


def _mouse(widget: QWidget, kind: QEvent.Type, at: QPoint, buttons: Qt.MouseButton) -> None:
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    global_at = QPointF(widget.mapToGlobal(at))
    event = QMouseEvent(
        kind, QPointF(at), global_at, button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def _drag_out(words: QWidget, start: QPoint) -> list[str]:
    """Press the left button at ``start`` and move it away: the text of each drag the
    label started (Qt's offscreen platform drops nothing: a drag returns at once and
    stays the label's child until the event loop runs)."""
    _mouse(words, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    for step in (4, 10, 30, 60):
        _mouse(words, QEvent.Type.MouseMove, start + QPoint(step, 0), Qt.MouseButton.LeftButton)
    dragged = []
    for drag in words.findChildren(QDrag):
        data = drag.mimeData()
        dragged.append(data.text() if data is not None else "")
    return dragged


def test_a_drag_out_of_a_selectable_label_gives_exactly_its_words(qtbot):
    """Break test finding (issue 9): Ctrl+C out of a label was exact, a drag of the
    same selection went through Qt's own copy (no-break spaces became spaces)."""
    install_exact_copy()
    words = readable(label(AS_STORED), "A response")
    qtbot.addWidget(words)
    words.resize(900, 80)
    words.show()
    qtbot.waitExposed(words)
    words.setSelection(0, unit_length(AS_STORED))
    on_the_words = QPoint(words.contentsRect().left() + 12, words.height() // 2)
    assert _drag_out(words, on_the_words) == [AS_STORED]
    assert words.selectedText()  # a drag copies: the words stay selected


def test_a_press_beside_the_selection_selects_anew_and_drags_nothing(qtbot):
    install_exact_copy()
    words = readable(label("first words here, and more after them"), "A response")
    qtbot.addWidget(words)
    words.resize(900, 80)
    words.show()
    qtbot.waitExposed(words)
    words.setSelection(0, 5)
    beside = QPoint(words.contentsRect().right() - 12, words.height() // 2)
    assert _drag_out(words, beside + QPoint(-80, 0)) == []
    assert words.selectedText() != "first"  # Qt's own: the press started a new selection
