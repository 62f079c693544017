"""Refused values, said on a line right under the field they are about: one widget
for that line (`FieldNote`), placed on its own under a field, or in a form's row
among others (`FieldNotes`).

A line takes no room while it says nothing: a form with nothing refused is as compact
as any desktop form (issue 10: each date field of Recovery details kept some 100 px of
blank room under it for a refusal that might come). A refusal that comes as the person
moves on (a day refused as its field is left, a wall time moved) never moves what they
are using, though: it is heard at once and written into the field's description and
tooltip, the field is drawn as refused, and the line shows as soon as it moves nothing
the keyboard focus is on (`moves_nothing_in_use`); a refusal answering Save, with the
focus put on the field, shows at once (`FieldNote.reveal`)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import partial

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget

from journal.ui.common.accessibility import Message, Politeness, announce
from journal.ui.common.field_values import change_signal, value_of
from journal.ui.common.fit import grow_at_top
from journal.ui.common.in_view import scroll_into_view

__all__ = [
    "NOTED",
    "NOTE_PURPOSE",
    "FieldNote",
    "FieldNotes",
    "bring_into_view",
    "kept_refusal",
    "moves_nothing_in_use",
    "refused_on_save",
    "withdrawn_when_done",
]

#: What a note line is, said with it (its accessible description).
NOTE_PURPOSE = "What needs another look"
#: The property marking a field whose note has words (shown, or waiting to show), for
#: the theme to draw a date field in the colour of errors (`theme._STYLE_SHEET`).
NOTED = "noted"


def bring_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget``, innermost first, so that it shows,
    once the layouts posted so far have settled (a note just shown has its room).
    A panel that grows with its content does not scroll; the page around it does."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    scroll_into_view(widget)


def moves_nothing_in_use(field: QWidget) -> bool:
    """Whether a line shown right under ``field`` moves nothing the person is using:
    the keyboard focus is in another window, or on a control of ``field``'s window
    whose top edge lies above ``field``'s bottom edge (the field itself, what is
    beside it, what is above it), which a line growing under the field leaves where
    it is. A control at or below that edge (the next field, reached with Tab or a
    click; the dialog's buttons) would jump under the caret or the pointer (issue 10,
    item 1: a refused "From" pushed the passphrase field down between a Tab and a
    click)."""
    focus = QApplication.focusWidget()
    window = field.window()
    if focus is None or focus.window() is not window or not field.isVisible():
        return True
    bottom = field.mapTo(window, QPoint(0, field.height())).y()
    return focus.mapTo(window, QPoint(0, 0)).y() < bottom


def _mark_noted(field: QWidget, on: bool) -> None:
    """Mark ``field`` (`NOTED`) as having words said of it (``on``) or not: it is then
    drawn with the border of errors (a date, a line of text such as the temperature, a
    drop-down: `theme`) while its words show or wait to. Only date fields had it: a
    refused temperature had words and no frame (issue 10, break test of session 24)."""
    if bool(field.property(NOTED)) != on:
        field.setProperty(NOTED, on)
        field.style().unpolish(field)
        field.style().polish(field)


def _politeness(refused: bool) -> Politeness:
    """How words under a field are announced: a refusal assertively, information
    (refusing nothing) politely."""
    return Politeness.ASSERTIVE if refused else Politeness.POLITE


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def kept_refusal(field: QWidget) -> str | None:
    """What was said of a value ``field`` shows as typed and refused, from which
    nothing is saved (a date field's day kept as typed: `dates.refused_words`, through
    its ``kept_refusal`` method); None when it shows the value it holds, or is not such
    a field."""
    kept = getattr(field, "kept_refusal", None)
    return kept() if callable(kept) else None


def refused_on_save(field: QWidget) -> bool:
    """Refuse a Save while ``field`` shows a value refused as typed (`kept_refusal`):
    its words said again under it (its own `FieldNote`), the focus on it. True when
    refused. A Save had stored the last good day while the refused one stayed shown
    (issue 10): nothing is ever saved but what the field shows."""
    words = kept_refusal(field)
    if words is None:
        return False
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    note = getattr(field, "note", None)
    if isinstance(note, FieldNote) and not note.in_form:
        note.say(words)
    return True


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
        self._tooltip: str | None = None  # the field's own tooltip, while words show
        self._shown_for: object = None
        #: What shows the line once that moves nothing in use (`reveal`), meanwhile.
        self._waiting: Callable[[], None] | None = None
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
            self.say(words, waits=True)

    def tell_field(self, words: str, *, refused: bool = True) -> None:
        """Make ``words`` the field's accessible description and tooltip (read with
        it, shown over it), keeping its own to give back (`untell_field`); the field
        is framed as refused (`_mark_noted`) when the words refuse its value."""
        if self._description is None:
            self._description = self.field.accessibleDescription()
            self._tooltip = self.field.toolTip()
        self.field.setAccessibleDescription(words)
        self.field.setToolTip(words)
        _mark_noted(self.field, refused)

    def show_words(self, words: str, *, refused: bool, quietly: bool) -> None:
        """Show ``words`` on the line: a refusal of the field's value (`refuse`, in the
        error colour, assertive, heard at each try), or, not ``refused``, information
        about it (in the text colour, polite): a wall time the clocks skip or repeat
        is read so, and saved, drawn as an error alarmed (break test 39, finding 6)."""
        if refused:
            self.refuse(words, quietly=quietly)
        else:
            self.show_message(words, "status", repeat=not quietly, quietly=quietly)

    def untell_field(self) -> None:
        """Give the field back the description and tooltip it had before `tell_field`:
        the tooltip first. Qt reads a field's tooltip as its description while that is
        empty, and the change of description it sends carried the refusal, still the
        tooltip, which a screen reader then kept saying of the corrected field (issue
        15, break test of session 25, F7)."""
        if self._description is not None:
            self.field.setToolTip(self._tooltip or "")
            self.field.setAccessibleDescription(self._description)
            self._description = self._tooltip = None
        _mark_noted(self.field, False)

    def reveal(
        self,
        words: str,
        show: Callable[[bool], None],
        *,
        waits: bool,
        quietly: bool,
        refused: bool = True,
    ) -> None:
        """Call ``show`` (which shows this line saying ``words``, quietly when handed
        True) now, or, when ``waits`` (a refusal that came as the person moved on) and
        showing it would move what they are using (`moves_nothing_in_use`), as soon as
        it no longer would: the focus back in the field or above it, or in another
        window. Meanwhile the words are announced assertively (unless ``quietly``) and
        shown quietly later; `tell_field` has put them in the field's description and
        tooltip. A newer `reveal` or `hide_note` replaces what waits. Words that refuse
        nothing (not ``refused``) are announced politely."""
        self._stop_waiting()
        if not waits or moves_nothing_in_use(self.field):
            show(quietly)
            return
        if not quietly:
            announce(self.field, words, _politeness(refused))
        self._waiting = lambda: show(True)
        _application().focusChanged.connect(self._focus_moved)

    def waiting(self) -> bool:
        """Whether a refusal waits to show here (`reveal`)."""
        return self._waiting is not None

    def _focus_moved(self, _old: QWidget | None, _new: QWidget | None) -> None:
        show = self._waiting
        if show is not None and moves_nothing_in_use(self.field):
            self._stop_waiting()
            show()

    def _stop_waiting(self) -> None:
        if self._waiting is not None:
            self._waiting = None
            _application().focusChanged.disconnect(self._focus_moved)

    def say(
        self, words: str, *, quietly: bool = False, waits: bool = False, refused: bool = True
    ) -> None:
        """Show ``words`` under the field and as its description and tooltip, announced
        assertively each time unless ``quietly`` (said already); with ``waits`` (a
        refusal that came as the person moved on), shown once that moves nothing they
        are using (`reveal`). The focus stays where it is. A line no screen has placed
        (no parent) is only announced. Not ``refused``: information, told politely in
        the text colour (`show_words`)."""
        if self.parentWidget() is None:  # never shown as a window of its own
            if not quietly:
                announce(self.field, words, _politeness(refused))
            return
        self._shown_for = value_of(self.field)
        self.tell_field(words, refused=refused)

        def show(said: bool) -> None:
            grow_at_top(self)  # in a dialog, its buttons stay under the mouse
            self.show_words(words, refused=refused, quietly=said)
            self.setBuddy(self.field)  # a label of the field only while it says something
            if self.isVisible():
                bring_into_view(self)

        self.reveal(words, show, waits=waits, quietly=quietly, refused=refused)

    def _value_changed(self) -> None:
        """The value the words are about changed (retyped, picked): they have done
        their work."""
        shown = self.text() or self.waiting()
        if not self.in_form and shown and value_of(self.field) != self._shown_for:
            self.hide_note()

    def hide_note(self) -> None:
        """Hide the line (or forget what waited to show there); the field gets back
        the description and tooltip it had before."""
        self._stop_waiting()
        if self.text():
            self.clear()
            self.setBuddy(None)  # type: ignore[arg-type]  # an empty label is no label
        self.untell_field()


#: What a note shown for no value is about (`FieldNotes._clear_others`): equal to none.
_ABOUT_NOTHING = object()


class FieldNotes:
    """What needs another look, said on a line right under the field it is about.

    Each note is a plain label in its own form row, hidden until needed, and
    tied to its field while it shows: the field's accessible description holds the
    same words (screen readers read it with the field), and the label's buddy is the
    field (only then: an empty buddy is an unnamed label of the field).
    Showing a note moves the keyboard focus to the field and scrolls both into view;
    another note stays while its field holds the value it is about (a future Time
    refused, then a future pad change refused: Time kept 2027 with no word said of it,
    issue 10 break test of session 23, F2). A note goes (and the field's own
    description comes back) once the field's value changes from the one it was about.
    """

    def __init__(self) -> None:
        self._notes: dict[str, tuple[QWidget, QLabel, QFormLayout]] = {}
        self._shown_for: dict[str, object] = {}  # the value each note shown is about
        self._typed: set[str] = set()  # notes that say the field's own refusal of typing

    def add(
        self,
        form: QFormLayout,
        key: str,
        field: QWidget,
    ) -> QLabel:
        """A note row under the row just added to ``form`` for ``field``; ``key`` names it.
        The row takes no room while the note says nothing; a note shown in a dialog
        grows the dialog at its top (`fit.grow_at_top`), so that its buttons stay under
        the mouse (break test 10 of session 15, finding 7). Room kept empty for the
        notes instead left blank bands of two lines under "Anything to add" and the
        passphrase of the doctor summary (issue 10)."""
        note = getattr(field, "note", None)  # the field's own line (a date field's)
        if not isinstance(note, FieldNote):
            note = FieldNote(field)
        note.in_form = True
        form.addRow("", note)  # its buddy is the field while it shows (see `show`)
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
        self.show(key, words, focus=False, waits=True)
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

    def keys(self) -> list[str]:
        """The notes' keys in the order they were added: the form's order, top down."""
        return list(self._notes)

    def __contains__(self, key: str) -> bool:
        return key in self._notes

    def shown(self) -> str | None:
        """The key of the note on screen, or None."""
        for key, (_field, note, _form) in self._notes.items():
            if note.text():
                return key
        return None

    def show(
        self,
        key: str,
        message: str,
        *,
        focus: bool = True,
        quietly: bool = False,
        waits: bool = False,
        refused: bool = True,
    ) -> None:
        """Show ``message`` under the field of note ``key`` (and as its description and
        tooltip), announced assertively unless ``quietly`` (said already). With
        ``focus`` (the answer to a Save) the focus moves to the field; without it (a
        value refused as it is typed) it stays where the person has it, and with
        ``waits`` (refused as the field was left) the line shows once that moves
        nothing they are using (`FieldNote.reveal`). Either way nothing holds the
        focus there: Tab leaves the field, the note stays; it goes once the field's
        value changes from the one it was about, a value typed there is taken (a
        refusal of the typing), or the form is left (the field hidden). A field not on
        screen (its page hidden) never takes the focus. Not ``refused``: ``message``
        tells how the value was read and refuses nothing (`FieldNote.show_words`)."""
        field, note, form = self._notes[key]
        assert isinstance(note, FieldNote)
        kept = waits and not focus
        if kept and self._kept_in_place(key, message, quietly=quietly, refused=refused):
            return
        self._clear_others(key)
        self._hide(key)
        self._shown_for[key] = value_of(field)
        note.tell_field(message, refused=refused)
        if focus and field.isVisible():
            field.setFocus(Qt.FocusReason.OtherFocusReason)

        def reveal(said: bool) -> None:
            grow_at_top(note)  # the dialog's buttons stay under the mouse
            form.setRowVisible(note, True)
            # Shown first, so that it is announced.
            note.show_words(message, refused=refused, quietly=said)
            note.setBuddy(field)  # a label of the field only while it says something
            bring_into_view(note)
            bring_into_view(field)

        note.reveal(message, reveal, waits=kept, quietly=quietly, refused=refused)

    def _kept_in_place(self, key: str, message: str, *, quietly: bool, refused: bool) -> bool:
        """Say ``message`` (one that came as the person moved on: `show` with ``waits``)
        on note ``key`` where it already shows, the only note shown:
        nothing is hidden first, so nothing under the pointer moves (break test 9 of
        session 20, F4: leaving a time field hid its "02:30 happens twice" note, and the
        checkbox under it jumped 42 px before the click aimed at it landed). The same
        words about the same value are not said again, unless they refuse what was
        typed (each try is heard). False when the note is not shown (it is then shown
        as `show` does)."""
        field, note, _form = self._notes[key]
        assert isinstance(note, FieldNote)
        if self.shown() != key or not note.isVisible():
            return False
        same = (
            note.text() == message
            and self._shown_for.get(key) == value_of(field)
            and key not in self._typed
        )
        self._shown_for[key] = value_of(field)
        self._typed.discard(key)
        if not same:
            note.tell_field(message, refused=refused)
            grow_at_top(note)  # in a dialog, its buttons stay under the mouse
            note.show_words(message, refused=refused, quietly=quietly)
        return True

    def refuse_kept(self, keys: Sequence[str] | None = None) -> bool:
        """Refuse a Save while one of the fields (of the notes ``keys``, default all, in
        the order added) shows a value refused as typed (`kept_refusal`: a day that
        does not exist, kept as typed): its words said again under it, the focus on
        it. True when refused (issue 10: Save stored the last good day while the
        refused one stayed shown)."""
        for key, (field, _note, _form) in self._notes.items():
            words = kept_refusal(field) if keys is None or key in keys else None
            if words is not None:
                self.show(key, words)
                # A refusal of what was typed: it goes once a day typed there is taken,
                # though the field's value never changed (issue 10 break test of session
                # 24: the year 1 refused at Ctrl+Enter, then 2026 typed over it, and
                # the refusal stayed under "2026-12-04").
                self._typed.add(key)
                return True
        return False

    def _clear_others(self, key: str) -> None:
        """Hide the notes but ``key``'s whose field no longer holds the value they are
        about (or that are about none); the others still say something true of what
        their field holds."""
        for other, (field, _note, _form) in self._notes.items():
            about = self._shown_for.get(other, _ABOUT_NOTHING)
            if other != key and about != value_of(field):
                self._put_away(other)

    def clear(self, keep: Collection[str] = ()) -> None:
        """Hide every note but those of ``keep`` (keys): the answer to a button (Save
        again), so that a dialog shrinks at its top, its buttons staying under the
        mouse (`fit.grow_at_top`)."""
        for key in self._notes:
            if key not in keep:
                self._put_away(key)

    def _put_away(self, key: str) -> None:
        """Hide note ``key``; a dialog it showed in shrinks at its top (`grow_at_top`)."""
        note = self._notes[key][1]
        if note.text():
            grow_at_top(note)
        self._hide(key)

    def _hide(self, key: str) -> None:
        """Hide note ``key`` (or forget what waited to show there); its field gets back
        the description and tooltip it had before."""
        _field, note, form = self._notes[key]
        self._shown_for.pop(key, None)
        self._typed.discard(key)
        assert isinstance(note, FieldNote)
        shown = bool(note.text())
        note.hide_note()
        if shown:
            form.setRowVisible(note, False)
