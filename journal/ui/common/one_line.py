"""A single-line field holds a single line.

Qt's line edits take a pasted or dropped text whole, line breaks and tabs included:
the field then shows one line while it holds several (an entry title pasted from
two lines was stored with its line break, and the exported heading broke in two).
One application-wide filter (``install_one_line``) gives every single-line text
field in Solace, dialogs included, a validator that turns each line break
(``\\r\\n``, ``\\r``, ``\\n``, U+2028, U+2029, NEL), tab, vertical tab and form feed
that arrives into one space, visibly, as it arrives; in a field that holds a list
(`list_field`: the Tags field) a line break parts two items instead. Typed text never
holds them.
Fields that already check their input (a validator or an input mask) and the line
edits inside combo and spin boxes are left as they are. A secret's field (a
passphrase, a recovery key: `journal.ui.common.widgets.secret_field`) has its own
validator, `SecretLine`: a line break that arrives at either end is removed, as
browsers do in a password field (HTML's value sanitization for ``type=password``),
and one between words is a space (`secret_line`). Every other character of a secret
counts, a space included.

The same filter makes such a field show the start of a text Solace puts in it: Qt
leaves the cursor at the end of a text set by the program, so a long one showed its
last words ("…ening, total three doses of 400 mg" for a pain-relief note in "Change
this log…"). A text set while the field does not have the focus is shown from its
first word; what the person types is left where they type it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit

from journal.ui.common.app_filter import install_once

__all__ = [
    "OneLine",
    "OneLineFields",
    "SecretLine",
    "install_one_line",
    "list_field",
    "list_line",
    "one_line",
    "secret_line",
]

_NAME = "solaceOneLine"
_LINE_BREAK_CHARS = "\r\n\v\f\x85\u2028\u2029"
_BREAKS = re.compile(f"\r\n|[\t{_LINE_BREAK_CHARS}]")  # and tabs: one space each
_LINE_BREAK_RUN = re.compile(f"[{_LINE_BREAK_CHARS}]+")


def one_line(text: str) -> str:
    """``text`` with each line break (CR LF counts once), tab, vertical tab and form
    feed replaced by one space; every other character kept."""
    return _BREAKS.sub(" ", text)


#: The property of a field that holds a list (`list_field`): the text each run of line
#: breaks pasted into it becomes.
_JOIN = "solaceLineJoin"


def list_field(field: QLineEdit, join: str = ", ") -> QLineEdit:
    """Mark ``field`` as holding a list (the Tags field): each run of line breaks that
    arrives in it parts two items (becomes ``join``), where another single-line field
    makes it one space. A list pasted one item a line ("grief", "hope", "walk") was
    one tag, "grief-hope-walk" (re-test 51, N1). Returns ``field``."""
    field.setProperty(_JOIN, join)
    return field


def list_line(text: str, join: str = ", ") -> str:
    """``text`` with each run of line breaks made ``join``, then as `one_line`."""
    return one_line(_LINE_BREAK_RUN.sub(join, text))


class OneLine(QValidator):
    """The validator of a single-line field (see the module's docstring); in a field
    marked by `list_field`, a line break parts two items."""

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        field = self.parent()
        if not isinstance(field, QLineEdit):
            return QValidator.State.Acceptable, one_line(text), position
        if field.echoMode() != QLineEdit.EchoMode.Normal:
            return QValidator.State.Acceptable, text, position
        join = field.property(_JOIN)
        if isinstance(join, str) and join:
            kept = list_line(text, join)
            return QValidator.State.Acceptable, kept, len(list_line(text[:position], join))
        return QValidator.State.Acceptable, one_line(text), position


def secret_line(text: str) -> str:
    """``text`` without the line breaks (CR, LF, vertical tab, form feed, NEL, U+2028,
    U+2029) at its ends, and with each run of them inside it made one space: a
    passphrase pasted from two lines ("amber" and "willow forest") is the words
    typed with a space between, not joined (re-test 43, N1). Every other character is
    kept, spaces and tabs included."""
    return _LINE_BREAK_RUN.sub(" ", text.strip(_LINE_BREAK_CHARS))


class SecretLine(QValidator):
    """The validator of a secret's field: a passphrase pasted from a note or a password
    manager ends with a line break, which a one-line field showed as one more dot and
    kept; the journal was then made with a passphrase no one could type (break test 43,
    F1: typed, it never opened the journal again). Line breaks are taken out as they
    arrive (`secret_line`), so what is pasted and what is typed are the same secret."""

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        kept = secret_line(text)
        return QValidator.State.Acceptable, kept, min(position, len(kept))


def _single_line_field(obj: QObject) -> QLineEdit | None:
    if not isinstance(obj, QLineEdit) or obj.validator() is not None or obj.inputMask():
        return None
    if isinstance(obj.parentWidget(), QComboBox | QAbstractSpinBox):
        return None
    if obj.echoMode() != QLineEdit.EchoMode.Normal:
        return None
    return obj


def _show_start(field: QLineEdit) -> None:
    """Put the cursor (and so the view) at the start of a text Solace set: not while
    the field has the focus, and never after the person typed in it (setText clears
    `isModified`; typing, also into a field without focus, sets it)."""
    if not field.hasFocus() and not field.isModified() and field.cursorPosition() != 0:
        field.setCursorPosition(0)


class OneLineFields(QObject):
    """Gives each single-line field `OneLine` when it is polished (before it is shown),
    and shows the start of what Solace puts in it (see the module's docstring)."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.Polish})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish:
            field = _single_line_field(watched)
            if field is not None:
                field.setValidator(OneLine(field))
                _show_start(field)
                # A slot of this filter, never a closure: a closure would hold the field
                # (and what was typed in it) after the window that owned it was gone.
                field.textChanged.connect(self._text_set)
        return False

    @Slot()
    def _text_set(self) -> None:
        field = self.sender()
        if isinstance(field, QLineEdit):
            _show_start(field)


def install_one_line(app: QApplication | None = None) -> OneLineFields | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it, or None when there is no QApplication yet. Call it before the first window is
    built."""
    return install_once(OneLineFields, _NAME, app)
