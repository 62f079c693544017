"""Refused values, said on a line right under the field they are about: one widget
for that line (`FieldNote`), placed on its own under a field, or in a form's row
among others (`FieldNotes`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget

from journal.ui.common.accessibility import Message, Politeness, announce
from journal.ui.common.field_values import change_signal, value_of
from journal.ui.common.fit import reserve_room
from journal.ui.common.in_view import scroll_into_view

__all__ = ["NOTE_PURPOSE", "FieldNote", "FieldNotes", "bring_into_view", "withdrawn_when_done"]

#: What a note line is, said with it (its accessible description).
NOTE_PURPOSE = "What needs another look"


def bring_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget``, innermost first, so that it shows,
    once the layouts posted so far have settled (a note just shown has its room).
    A panel that grows with its content does not scroll; the page around it does."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    scroll_into_view(widget)


class _Withdraw(QObject):
    """Calls ``withdraw`` when ``field`` is hidden by the app (its page or dialog left,
    the part holding it removed), not when its window is minimised."""

    def __init__(self, field: QWidget, withdraw: Callable[[], None]) -> None:
        super().__init__(field)
        self._withdraw = withdraw
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and not event.spontaneous():
            self._withdraw()
        return False


def withdrawn_when_done(field: QWidget, withdraw: Callable[[], None]) -> None:
    """Call ``withdraw`` (a refusal's hiding) once ``field`` no longer needs the refusal
    shown for it: a value typed there is taken (its ``taken`` signal, also the value it
    held), or the form is left (the field hidden with its page or dialog). Old
    refusals stayed on screen and in the field's description after a good day was
    typed, the page left, or the day used ("We did this"): heard again as if new on
    coming back (break test 15 of session 15, finding 12)."""
    taken = getattr(field, "taken", None)
    if taken is not None:
        taken.connect(withdraw)
    _Withdraw(field, withdraw)


class FieldNote(Message):
    """The line right under one field that says what needs another look there (an
    error `Message`, hidden while empty, word-wrapped at any text size, in the
    theme's error colour). Every date field has one (`dates.date_edit`), placed by
    its screen under the field's row; a form with several notes (`FieldNotes`) uses
    the same line for each of its fields.

    `say` shows and announces the words each time (a refusal repeated for the same
    reason is heard again: `Message.refuse`), makes the line a label of the field
    (its buddy) and the field's accessible description; the line goes, and the
    field's own description comes back, once the field's value changes from the one
    the words were about (`field_values.change_signal`). A field whose refusals
    arrive through a ``refused`` signal (`dates.TypedDateEdit`) says them here, until
    a `FieldNotes` takes the line into its form (``in_form``)."""

    def __init__(self, field: QWidget) -> None:
        super().__init__(NOTE_PURPOSE, "error")
        self.field = field
        self.in_form = False  # said through `FieldNotes.show` (focus, one note at a time)
        self._description: str | None = None  # the field's own, while words show
        self._shown_for: object = None
        changed = change_signal(field)
        if changed is not None:
            changed.connect(lambda *_value: self._value_changed())
        refused = getattr(field, "refused", None)
        if refused is not None:
            refused.connect(self._refused)
        withdrawn_when_done(field, self._done)

    def _done(self) -> None:
        if not self.in_form:
            self.hide_note()

    def _refused(self, words: str) -> None:
        if not self.in_form:
            self.say(words)

    def say(self, words: str, *, quietly: bool = False) -> None:
        """Show ``words`` under the field and as its description, announced
        assertively each time unless ``quietly`` (said already). The focus stays
        where it is. A line no screen has placed (no parent) is only announced."""
        if self.parentWidget() is None:  # never shown as a window of its own
            if not quietly:
                announce(self.field, words, Politeness.ASSERTIVE)
            return
        self.refuse(words, quietly=quietly)
        self.setBuddy(self.field)  # a label of the field only while it says something
        if self._description is None:
            self._description = self.field.accessibleDescription()
        self._shown_for = value_of(self.field)
        self.field.setAccessibleDescription(words)
        if self.isVisible():
            bring_into_view(self)

    def _value_changed(self) -> None:
        """The value the words are about changed (retyped, picked): they have done
        their work."""
        if not self.in_form and self.text() and value_of(self.field) != self._shown_for:
            self.hide_note()

    def hide_note(self) -> None:
        """Hide the line; the field gets back the description it had before."""
        if self.text():
            self.clear()
            self.setBuddy(None)  # type: ignore[arg-type]  # an empty label is no label
        if self._description is not None:
            self.field.setAccessibleDescription(self._description)
            self._description = None


class FieldNotes:
    """What needs another look, said on a line right under the field it is about.

    Each note is a plain label in its own form row, hidden until needed, and
    tied to its field while it shows: the field's accessible description holds the
    same words (screen readers read it with the field), and the label's buddy is the
    field (only then: an empty buddy is an unnamed label of the field).
    Showing a note hides any other, moves the keyboard focus to the field and
    scrolls both into view. A note goes (and the field's own description comes
    back) once the field's value changes from the one it was about.
    """

    def __init__(self) -> None:
        self._notes: dict[str, tuple[QWidget, QLabel, QFormLayout]] = {}
        self._descriptions: dict[str, str] = {}  # a field's own description, while a note shows
        self._shown_for: dict[str, object] = {}  # the value each note shown is about
        self._kept: set[str] = set()  # notes whose room stays while they are empty
        self._typed: set[str] = set()  # notes that say the field's own refusal of typing

    def add(
        self,
        form: QFormLayout,
        key: str,
        field: QWidget,
        *,
        lines: int | None = None,
        room_for: Sequence[str] = (),
    ) -> QLabel:
        """A note row under the row just added to ``form`` for ``field``; ``key`` names it.
        ``lines``: the most lines it takes, in a page that never scrolls (`Message`).
        ``room_for``: the refusals it says, whose room (the tallest's, at the note's
        width and text size: `fit.reserve_room`) it keeps while empty, so that a refusal
        shown in a dialog grows neither the dialog nor moves its buttons under the
        mouse (break test 10 of session 15, finding 7)."""
        note = getattr(field, "note", None)  # the field's own line (a date field's)
        if not isinstance(note, FieldNote):
            note = FieldNote(field)
        note.in_form = True
        if lines is not None:
            note.keep_to_lines(lines)
        form.addRow("", note)  # its buddy is the field while it shows (see `show`)
        if room_for:
            self._kept.add(key)
            note.keep_room()
            reserve_room(note, room_for)
        else:
            form.setRowVisible(note, False)
        self._notes[key] = (field, note, form)
        changed = change_signal(field)
        if changed is not None:
            changed.connect(lambda *_value, key=key: self._value_changed(key))
        refused = getattr(field, "refused", None)  # refused as typed (`dates`): said here
        if refused is not None:
            refused.connect(lambda words, key=key: self._typed_refused(key, words))
        taken = getattr(field, "taken", None)  # a value typed there taken: its refusal goes
        if taken is not None:
            taken.connect(partial(self._typed_taken, key))
        # The form left (the field hidden with its page or dialog): every note of it
        # goes. A note shown on a page that was left came back with the page, heard
        # again as new, after the field had long held an accepted value (issue 15: a
        # refused future "Written on", then another area and back).
        _Withdraw(field, partial(self._hide, key))
        return note

    def _typed_refused(self, key: str, words: str) -> None:
        """The field refused what was typed in it (its ``refused`` signal): said under
        it, until a value typed there is taken (`_typed_taken`)."""
        self.show(key, words, focus=False)
        self._typed.add(key)

    def _typed_taken(self, key: str) -> None:
        """A value typed in the field of note ``key`` was taken (its ``taken`` signal,
        also the value it held): a refusal of what was typed there goes; one the form
        made of the value (a moment still to come) stays while the value is the same."""
        if key in self._typed:
            self._hide(key)

    def _value_changed(self, key: str) -> None:
        """The value a note is about changed from the one it was shown for (the
        person emptied or retyped it): the note has done its work."""
        field = self._notes[key][0]
        if key in self._shown_for and value_of(field) != self._shown_for[key]:
            self._hide(key)

    def note(self, key: str) -> QLabel:
        """The label of the note ``key`` (empty and hidden when nothing is wrong)."""
        return self._notes[key][1]

    def field(self, key: str) -> QWidget:
        return self._notes[key][0]

    def __contains__(self, key: str) -> bool:
        return key in self._notes

    def shown(self) -> str | None:
        """The key of the note on screen, or None."""
        for key, (_field, note, _form) in self._notes.items():
            if note.text():
                return key
        return None

    def show(self, key: str, message: str, *, focus: bool = True, quietly: bool = False) -> None:
        """Show ``message`` under the field of note ``key`` (and as its description),
        announced assertively unless ``quietly`` (said already). With ``focus`` (the
        answer to a Save) the focus moves to the field; without it (a value refused
        as it is typed) it stays where the person has it. Either way nothing holds it
        there: Tab leaves the field, the note stays; it goes once the field's value
        changes from the one it was about, a value typed there is taken (a refusal of
        the typing), or the form is left (the field hidden). A field not on screen
        (its page hidden) never takes the focus."""
        self.clear()
        field, note, form = self._notes[key]
        form.setRowVisible(note, True)
        assert isinstance(note, FieldNote)
        note.refuse(message, quietly=quietly)  # shown first, so that it is announced
        note.setBuddy(field)  # a label of the field only while it says something
        self._descriptions.setdefault(key, field.accessibleDescription())
        self._shown_for[key] = value_of(field)
        field.setAccessibleDescription(message)
        if focus and field.isVisible():
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        bring_into_view(note)
        bring_into_view(field)

    def clear(self) -> None:
        for key in self._notes:
            self._hide(key)

    def _hide(self, key: str) -> None:
        """Hide note ``key``; its field gets back the description it had before."""
        field, note, form = self._notes[key]
        self._shown_for.pop(key, None)
        self._typed.discard(key)
        if note.text():
            note.clear()
            note.setBuddy(None)  # type: ignore[arg-type]  # an empty label is no label
            if key not in self._kept:
                form.setRowVisible(note, False)
            field.setAccessibleDescription(self._descriptions.pop(key, ""))
