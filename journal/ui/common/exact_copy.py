"""What is copied, cut or dragged out of a person's words is exactly those characters.

Qt's own copy out of a text field or a selectable label goes through
``QTextDocumentFragment::toPlainText``, which turns every no-break space (U+00A0, typed
before "?" and inside « » in French) into a plain space (documented for
``QTextDocument::toPlainText``; break test 9 of session 12, finding 5, for what is
stored). So a field that holds a person's text (`TypedTextField`: a body log's note, an
appointment's questions, a response or an answer in Together, the doctor summary's
note) puts `exact_selection` on the clipboard instead: the same rule as
`widgets.typed_text`, which reads what is stored, so a copy pasted back gives the same
text. The entry editor has its own (its long lines are held in pieces,
`ui/entries/markdown`), and a one-line field (``QLineEdit``) copies its text as it is.
A label whose words can be selected (`accessibility.readable`: Together's reading view
and responses, the body timeline) copies them the same way with Ctrl+C and its menu's
Copy (`ExactCopy`, one filter on the application), and a drag of the selected words out
of it gives the same text. A label with a copy of its own
(a ``copy`` method: the recovery key's `lock.key_text.KeyText`, which copies the key as
it is typed back, without the word joiners and line separator of its layout) is left to
it.

A label's drag has no hook in Qt: its text control (private) makes the drag's data
itself, through ``QTextDocumentFragment::toPlainText``. So the filter starts the drag
instead, as Qt would have: a press on the selected words leaves them selected (a press
anywhere else clears or changes the selection), and a move of the left button past
the platform's drag distance from there starts a drag of `exact_text` (a copy: a
label's words cannot be moved out of it); that move is not handed on, so Qt starts
none of its own.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, Qt
from PySide6.QtGui import (
    QClipboard,
    QDrag,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QPlainTextEdit, QWidget

from journal.ui.common.app_filter import install_once
from journal.ui.common.form_keys import form_field_keys, typed_key
from journal.ui.common.utf16 import keep_caret_between_characters
from journal.ui.common.widgets import qt_text

__all__ = [
    "ExactCopy",
    "TypedTextField",
    "copies_itself",
    "copy_label_selection",
    "drag_label_selection",
    "exact_selection",
    "exact_text",
    "install_exact_copy",
    "pasted_text",
]

MENU_COPY = "edit-copy"  # the object name Qt gives Copy in a text's standard context menu
_WIRED = "solaceExactCopy"  # an action already sent to `copy_label_selection`
_FILTER_NAME = "solaceExactCopy"

_BLOCK_SEPARATOR = "\u2029"  # how Qt separates blocks (lines) in selected or raw text


def exact_text(selected: str) -> str:
    """Text Qt gave as selected (``QTextCursor.selectedText``, ``QLabel.selectedText``:
    every character as it is, lines separated by U+2029) as the person wrote it: line
    breaks as ``\\n``, as `widgets.typed_text` reads a whole field."""
    return selected.replace(_BLOCK_SEPARATOR, "\n")


def exact_selection(cursor: QTextCursor) -> str:
    """The text selected by ``cursor``, exactly as typed (`exact_text`); "" when none."""
    return exact_text(cursor.selectedText())


def pasted_text(source: QMimeData) -> str:
    """The text a paste or a drop brings: its plain text as it is, else the text of its
    HTML (what a web page or a word processor may offer alone), read by Qt's HTML
    reader: its paragraphs and line breaks as line breaks, its pictures left out; ""
    when it holds neither. A paste of HTML only went in as nothing, with no word
    (break test 43, F9)."""
    if source.hasText():
        return source.text()
    if not source.hasHtml():
        return ""
    document = QTextDocument()
    document.setHtml(source.html())
    text = exact_text(document.toRawText()).replace("\u2028", "\n")  # a <br>
    return text.replace("\ufffc", "")  # a picture's place


class TypedTextField(QPlainTextEdit):
    """A multi-line field for a person's own words: copy, cut and drag give exactly
    the characters selected (no-break spaces, line and paragraph separators, tabs),
    read with the rule of `widgets.typed_text`. It is a field of a form or dialog:
    Enter types a new line, Tab and Ctrl+Tab move on (with Shift, back) and Ctrl+Enter
    presses the form's main button (`form_keys`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The form's keys (`form_keys`), or Qt's with Shift+Enter as Enter
        (`form_keys.typed_key`), the caret never inside an emoji
        (`keep_caret_between_characters`)."""
        if not form_field_keys(self, event):
            keep_caret_between_characters(self)
            super().keyPressEvent(typed_key(event))

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() or source.hasHtml()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """A paste or a drop: its text (`pasted_text`), also when it offers HTML only."""
        self.insertPlainText(pasted_text(source))

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """Qt's, with the caret never inside an emoji (`keep_caret_between_characters`)."""
        keep_caret_between_characters(self)
        super().inputMethodEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:
        """The selection as plain text, exactly (Qt's own would turn U+00A0 into a
        space); Qt uses it for Copy, Cut and a drag alike."""
        data = QMimeData()
        data.setText(qt_text(exact_selection(self.textCursor())))
        return data


def copy_label_selection(text: QLabel, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> None:
    """Put the words selected in the label ``text`` on the clipboard (or ``mode``)
    exactly (`exact_text`); nothing when none is selected."""
    if text.hasSelectedText():
        QGuiApplication.clipboard().setText(qt_text(exact_text(text.selectedText())), mode)


def drag_label_selection(text: QLabel) -> Qt.DropAction:
    """Drag the words selected in the label ``text`` exactly (`exact_text`), as a copy;
    returns what the drop did (``IgnoreAction`` when none is selected or nothing took
    it). Blocks until the drop, as every drag does."""
    if not text.hasSelectedText():
        return Qt.DropAction.IgnoreAction
    data = QMimeData()
    data.setText(qt_text(exact_text(text.selectedText())))
    drag = QDrag(text)
    drag.setMimeData(data)
    return drag.exec(Qt.DropAction.CopyAction)


def copies_itself(text: QLabel) -> bool:
    """Whether the label ``text`` has a copy of its own (a ``copy`` method, which a
    plain QLabel has not), which knows better than the characters shown what it holds:
    the recovery key's (`lock.key_text.KeyText`) gives the key as typed."""
    return callable(getattr(text, "copy", None))


def _wire_menu(menu: QMenu) -> None:
    """Send Copy of ``menu``, a selectable label's standard context menu (its parent is
    the label), to `copy_label_selection`: Qt connected it to its own copy."""
    text = menu.parent()
    if not isinstance(text, QLabel) or copies_itself(text):
        return
    for action in menu.actions():
        if action.objectName() != MENU_COPY or action.property(_WIRED):
            continue
        action.triggered.disconnect()  # Qt's own, through toPlainText
        action.triggered.connect(partial(_copy_chosen, text))
        action.setProperty(_WIRED, True)


def _copy_chosen(text: QLabel, _checked: bool = False) -> None:
    copy_label_selection(text)


class ExactCopy(QObject):
    """Copy out of any selectable label (Ctrl+C, or Copy in its context menu) puts
    exactly the selected words on the clipboard. One application-wide filter
    (`install_exact_copy`), so every label is covered, whoever made it."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.Show,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
        }
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A left press on a label that had words selected: the label, where, and the
        # selection then (start, words), to tell on the next move whether the press
        # was on them (Qt keeps a selection pressed on, to drag it).
        self._press: tuple[QLabel, QPoint, int, str] | None = None
        # The label whose words were just dragged, while the button stays down (a drag
        # cancelled with Escape): its moves are not handed on, or Qt would drag too.
        self._dragged: QLabel | None = None

    def _mouse(self, watched: QObject, event: QMouseEvent) -> bool:
        """A drag of a label's selected words starts here (see the module); True when
        the event was taken."""
        held = bool(event.buttons() & Qt.MouseButton.LeftButton)
        if event.type() == QEvent.Type.MouseButtonPress or not held:
            self._dragged = None
        elif watched is self._dragged:
            return True
        if event.type() == QEvent.Type.MouseButtonPress:
            self._press = None
            if (
                isinstance(watched, QLabel)
                and event.button() == Qt.MouseButton.LeftButton
                and watched.hasSelectedText()
                and not copies_itself(watched)
            ):
                where = event.position().toPoint()
                self._press = (watched, where, watched.selectionStart(), watched.selectedText())
            return False
        if self._press is None or watched is not self._press[0]:
            return False
        text, pressed, start, words = self._press
        if not held or (text.selectionStart(), text.selectedText()) != (start, words):
            self._press = None  # released, or the press was not on the selection
            return False
        moved = (event.position().toPoint() - pressed).manhattanLength()
        if moved < QApplication.startDragDistance():
            return False
        self._press = None
        self._dragged = text
        drag_label_selection(text)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QMouseEvent):
            return self._mouse(watched, event)
        if event.type() == QEvent.Type.Show:
            if isinstance(watched, QMenu):
                _wire_menu(watched)
            return False
        if not isinstance(watched, QLabel) or not isinstance(event, QKeyEvent):
            return False
        if not event.matches(QKeySequence.StandardKey.Copy) or not watched.hasSelectedText():
            return False
        if copies_itself(watched):
            return False  # its own keyPressEvent copies (the recovery key, as typed)
        copy_label_selection(watched)
        return True


def install_exact_copy(app: QApplication | None = None) -> ExactCopy | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it (the same one on every call), or None when there is no QApplication yet."""
    return install_once(ExactCopy, _FILTER_NAME, app)
