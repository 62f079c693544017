"""What was typed into an open dialog outlives a lock: kept sealed, and given back.

A lock closes and destroys every window (see `MainWindow.lock`). Before it does, the
shell reads, with `capture`, what the person changed in each open dialog since it
was shown (text typed, a date, a choice), and keeps it sealed with the journal's key
in the same small file as unsaved drafts (`journal.storage.lock.drafts`). At the next
unlock each dialog that can be opened again (an area, or the shell for Settings,
marked it with `reopenable`) comes back with what was typed in place and a line saying
so; nothing is saved or sent on the person's behalf, since a dialog's OK may share or
change something. A dialog that cannot come back (an export, a passphrase change) is
named in a notice instead; a dialog whose work ran to its end as the lock came (a key
change the lock waited for) says what was done, through its `OUTCOME_METHOD`, so the
notice never says "nothing was saved" of a change that was made. Passphrases are never
kept: the notice says they were not.

The values are keyed by widget kind and position in the dialog (``"text0"``,
``"line2"``), which a dialog built the same way gives the same widgets again.
Baselines are taken when a dialog is first shown (`DialogWatcher`).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import ClassVar

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from journal.ui.common.accessibility import is_secret
from journal.ui.common.widgets import qt_text, typed_text

DIALOGS_DRAFT = "dialogs"  # the key of the kept dialogs among the sealed drafts
REOPEN_PROPERTY = "solaceReopen"  # "<area id>/<what>", see `reopenable`
# A dialog's method () -> str: what its work did by the time of the lock ("" if none).
OUTCOME_METHOD = "outcome_at_lock"
# Set (True) on every window a lock closes, just before it does: a dialog that asks
# before the person closes it (a recovery key not yet confirmed) never asks a lock.
CLOSED_BY_LOCK = "solaceClosedByLock"
_BASELINE = "_solace_typed_baseline"
Value = str | int | float | bool


@dataclass
class KeptDialog:
    """What was typed into one dialog at lock: its title, how to open it again ("" when
    it cannot be), the changed values, whether passphrases were typed (not kept), and
    what its work did before the lock ("" when it did nothing)."""

    title: str
    reopen: str
    values: dict[str, Value] = field(default_factory=dict)
    passphrase_typed: bool = False
    outcome: str = ""
    focus: str = ""  # the field that had the focus (a key of `values`' kind), or ""


def reopenable(dialog: QDialog, key: str) -> None:
    """Mark ``dialog`` as one its area can open again at the next unlock with
    ``Area.reopen_dialog(what)``, ``key`` being "<area id>/<what>" (Settings is the
    shell's: ``main_window.SETTINGS_REOPEN``)."""
    dialog.setProperty(REOPEN_PROPERTY, key)


def _value(widget: QWidget) -> tuple[str, Value] | None:
    """(kind, value) of an input widget the person can change; None for anything else."""
    if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
        return None  # the line edit inside a date, number or choice field
    if isinstance(widget, QLineEdit):
        return None if widget.isReadOnly() else ("line", widget.text())
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return None if widget.isReadOnly() else ("text", typed_text(widget))
    if isinstance(widget, QDateTimeEdit):
        return "when", widget.dateTime().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        # A number typed and not kept is kept as its refusal's words, never as the
        # number left shown (`NumberField.kept_refusal`; re-test 44, N1).
        refusal = getattr(widget, "kept_refusal", None)
        return "number", (refusal() if callable(refusal) else None) or widget.value()
    if isinstance(widget, QComboBox):
        return "choice", widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return "tick", widget.isChecked()
    return None


def _inputs(dialog: QDialog) -> dict[str, tuple[QWidget, Value]]:
    found: dict[str, tuple[QWidget, Value]] = {}
    counts: Counter[str] = Counter()
    for widget in dialog.findChildren(QWidget):
        got = _value(widget)
        if got is None:
            continue
        kind, value = got
        found[f"{kind}{counts[kind]}"] = (widget, value)
        counts[kind] += 1
    return found


def _secrets(dialog: QDialog) -> list[QLineEdit]:
    return [edit for edit in dialog.findChildren(QLineEdit) if is_secret(edit)]


def values(dialog: QDialog) -> dict[str, Value]:
    """Every input value of ``dialog`` (passphrase fields excepted), by kind and place."""
    secret = set(map(id, _secrets(dialog)))
    return {key: value for key, (w, value) in _inputs(dialog).items() if id(w) not in secret}


def note_baseline(dialog: QDialog) -> None:
    """Remember the dialog's values as it was shown (once)."""
    if getattr(dialog, _BASELINE, None) is None:
        setattr(dialog, _BASELINE, values(dialog))


def changed_values(dialog: QDialog) -> dict[str, Value]:
    """The input values of ``dialog`` (by kind and place, passphrases excepted) that
    differ from those it was shown with (`note_baseline`); {} before it was shown."""
    baseline: dict[str, Value] = getattr(dialog, _BASELINE, None) or {}
    return {k: v for k, v in values(dialog).items() if baseline.get(k, v) != v}


def capture(dialog: QDialog) -> KeptDialog | None:
    """What the person changed in ``dialog`` since it was shown. A dialog changed in
    nothing is kept by its title alone, with nothing to give back and no way to open
    it again, so the unlock still says it was open and closed, and that nothing in it
    was saved: after a lock with "Change passphrase" open and untouched, nothing said
    whether the passphrase had changed (break test 15 of session 18, re-test R2).
    None for such a dialog without a title or without any field. A dialog that says
    what would be lost (``unsaved()``, `edit_dialog.EditDialog`) gives nothing back
    when that is nothing: the summary's words, held by a PDF saved, came back as
    "nothing in it has been saved yet" (re-test 40, 2)."""
    unsaved = getattr(dialog, "unsaved", None)
    changed = changed_values(dialog) if not callable(unsaved) or unsaved() else {}
    typed_secret = any(edit.text() for edit in _secrets(dialog))
    told = getattr(dialog, OUTCOME_METHOD, None)
    outcome = told() if callable(told) else ""
    if not changed and not typed_secret and not outcome:
        # A question ("Discard your changes?") or a window of words holds nothing to
        # name: it was said as "closed and nothing in it was saved" (re-test 40, 7).
        holds_input = bool(_inputs(dialog)) or bool(_secrets(dialog))
        return (
            KeptDialog(dialog.windowTitle(), "") if holds_input and dialog.windowTitle() else None
        )
    key = dialog.property(REOPEN_PROPERTY)  # opened again only with something to give
    return KeptDialog(
        dialog.windowTitle(),
        key if isinstance(key, str) and changed else "",
        changed,
        typed_secret,
        outcome if isinstance(outcome, str) else "",
        _focused_input(dialog),
    )


def _focused_input(dialog: QDialog) -> str:
    """The key (`_inputs`) of the field of ``dialog`` that has its focus (the field
    around a date's or a choice's own line edit), or "" (none, or a passphrase)."""
    focused = dialog.focusWidget()
    if focused is None or is_secret(focused):
        return ""
    for key, (widget, _) in _inputs(dialog).items():
        if widget is focused or widget.isAncestorOf(focused):
            return key
    return ""


def give_back(dialog: QDialog, kept: KeptDialog) -> None:
    """Put the kept values back into a dialog built the same way as the one captured,
    and the focus back in the field that had it, the caret at the end of its words
    (re-test 47, N8: it came back on the first field, a date, and "9" typed straight
    after the unlock replaced the year)."""
    inputs = _inputs(dialog)
    for key, value in kept.values.items():
        if key not in inputs:
            continue
        widget, _ = inputs[key]
        if isinstance(widget, QLineEdit) and isinstance(value, str):
            widget.setText(value)
        elif isinstance(widget, QPlainTextEdit | QTextEdit) and isinstance(value, str):
            widget.setPlainText(qt_text(value))
        elif isinstance(widget, QDateTimeEdit) and isinstance(value, str):
            widget.setDateTime(QDateTime.fromString(value, Qt.DateFormat.ISODate))
        elif isinstance(widget, QSpinBox) and isinstance(value, int):
            widget.setValue(value)
        elif callable(hold := getattr(widget, "hold_refusal", None)) and isinstance(value, str):
            hold(value)  # a NumberField's refusal (`_value`)
        elif isinstance(widget, QDoubleSpinBox) and isinstance(value, int | float):
            widget.setValue(float(value))
        elif isinstance(widget, QComboBox) and isinstance(value, str) and widget.isEditable():
            widget.setCurrentText(value)
        elif isinstance(widget, QComboBox) and isinstance(value, int):
            widget.setCurrentIndex(value)
        elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
            widget.setChecked(value)
    if kept.focus in inputs:
        _focus_at_end(inputs[kept.focus][0])


def _focus_at_end(widget: QWidget) -> None:
    """The focus in ``widget``, the caret after its last word when it holds text."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(widget, QLineEdit):
        widget.end(False)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.moveCursor(QTextCursor.MoveOperation.End)


def to_text(kept: list[KeptDialog]) -> str:
    """The kept dialogs as one draft text (JSON), for the sealed drafts file."""
    return json.dumps([asdict(k) for k in kept], ensure_ascii=False)


def from_text(text: str) -> list[KeptDialog]:
    """The kept dialogs from `to_text`; [] for anything else."""
    try:
        items = json.loads(text)
        return [KeptDialog(**item) for item in items if isinstance(item, dict)]
    except (ValueError, TypeError):
        return []


class DialogWatcher(QObject):
    """Install on the application: notes each dialog's values when it is first shown,
    so that `capture` tells what the person changed from what was typed for them, and
    gives every dialog the window-wide ``actions`` (Lock: Ctrl+L works in a modal
    dialog too, which otherwise blocks the main window's shortcuts)."""

    #: What `eventFilter` acts on (see `journal.ui.common.app_filter`).
    EVENT_TYPES: ClassVar[frozenset[QEvent.Type]] = frozenset({QEvent.Type.Show})

    def __init__(self, parent: QObject | None = None, actions: list[QAction] | None = None):
        super().__init__(parent)
        self.actions = actions or []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            note_baseline(watched)
            for action in self.actions:
                if action not in watched.actions():
                    watched.addAction(action)
        return False
