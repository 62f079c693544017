"""Date and time fields for every screen: a day, or a day and a time to the minute,
typed as the person's locale writes them (a whole day at once), with a calendar to
pick the day, and one Tab stop each (their sections are reached with the arrow keys).

The calendar that drops down is Solace's own (``day_picker.DayPicker``), never Qt's
(whose day cells a screen reader hears as "22"): it opens with Alt+Down or F4 like
any drop-down, or a click on the field's arrow; its day grid is named by the month
shown ("Days of November 2026") and each day cell by its whole date in the person's
locale ("Monday, 30 November 2026, today"); Enter picks the day and Escape closes it
leaving the field as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cache

from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    QPoint,
    QSignalBlocker,
    Qt,
    QTime,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from journal.domain.common.bidi import quoted
from journal.domain.common.local_time import (
    EARLIEST_YEAR,
    SECOND_TIME,
    now_utc,
    occurrence,
    read_typed,
    repeats,
    to_local,
    zone_abbreviation,
)
from journal.ui.common.accessibility import Politeness, announce, one_tab_stop
from journal.ui.common.day_picker import DayPicker, latest_day
from journal.ui.common.field_notes import FieldNote
from journal.ui.common.keys_held import COMMAND_MODIFIERS, MODIFIER_KEYS, types_a_character
from journal.ui.common.local_time import to_qdate, today_local, words_locale
from journal.ui.common.typed_over import NOT_READ, Layout, TypedOver, layout_of

__all__ = [
    "EARLIEST_DAY",
    "TypedDateEdit",
    "TypedDateTimeEdit",
    "date_edit",
    "date_format",
    "day_picker",
    "earliest",
    "out_of_range",
    "refused_words",
    "second_time_row",
    "time_edit",
    "time_format",
    "typed_refusal",
    "whole_minute",
]


#: The earliest day every date field takes, one rule for the app (the first day an entry
#: may be dated, `local_time.placeable`): a day typed before it is refused beside the
#: field (`_judge_typed`), and the calendar stops at it. "Written on" took 1899-12-31
#: without a word (break test 10 of session 17, finding 14).
EARLIEST_DAY = date(EARLIEST_YEAR, 1, 1)


def earliest(edit: QDateTimeEdit) -> None:
    """Make ``edit`` (a Solace date field) take no day before `EARLIEST_DAY`: Qt's own
    first day, below Solace's range (`_Range`), which a screen may set later."""
    QDateTimeEdit.setMinimumDate(edit, to_qdate(EARLIEST_DAY))


def date_format(locale: QLocale | None = None) -> str:
    """How the person's locale writes a day, always with a four-digit year.

    ``locale`` defaults to ``QLocale()`` (the system's, unless a default was set).
    Qt's short format is used ("dd/MM/yyyy" in Britain, "M/d/yyyy" in the US,
    "dd.MM.yyyy" in Germany); a two-digit year becomes four, so "20/11/26" can
    never be read as 1926. The C locale (no language chosen) gets ISO 8601,
    "yyyy-MM-dd".
    """
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    shown = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in shown:
        shown = shown.replace("yy", "yyyy")
    return shown


def time_format(locale: QLocale | None = None) -> str:
    """A day and a time to the minute, as the person's locale writes them."""
    locale = locale or QLocale()
    clock = (
        "HH:mm"
        if locale.language() == QLocale.Language.C
        else locale.timeFormat(QLocale.FormatType.ShortFormat)
    )
    return f"{date_format(locale)} {clock}"


def time_edit(name: str) -> TypedDateTimeEdit:
    """A day and time to the minute, typed as the person's locale writes them, with a
    calendar to pick the day, and its `note` line (`FieldNote`) for the screen to place
    right under it (or a `FieldNotes` form to take)."""
    edit = TypedDateTimeEdit()
    edit.setDisplayFormat(time_format())
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    one_tab_stop(edit)
    return edit


def _first_section_on_back_tab(edit: QDateTimeEdit, event: QEvent) -> None:
    """Reached with Shift+Tab, a field starts at its first section, as with Tab (Qt's
    own field selects its last): a whole day typed there ("2026-11-20", as the forms
    ask) went digit by digit into the day, each digit refused aloud, and the field
    was left holding another day (break test 15 of session 29, F3)."""
    if (
        isinstance(event, QFocusEvent)
        and event.type() == QEvent.Type.FocusIn
        and event.reason() == Qt.FocusReason.BacktabFocusReason
        and _typing(edit) is None
    ):
        edit.setSelectedSection(edit.sectionAt(0))


def _typed_as_a_whole(edit: QDateTimeEdit, event: QKeyEvent) -> bool:
    """Let a date (and time) field take a whole day typed at once; True when ``event``
    was used up here.

    Qt's date fields fill a section at a time: with the whole text selected they
    refuse the first digit, and after a full section ("20") they have already
    moved past the "/", so the "/" typed next jumps over the month. Here a digit
    typed over the whole text starts at the first section, and a separator typed
    right after the one Qt skipped to is taken as already typed.
    """
    typed = _character(event)
    line = edit.lineEdit()
    if typed.isdigit() and line.hasSelectedText():
        if line.selectedText() == line.text():
            edit.setSelectedSection(edit.sectionAt(0))
    elif typed.isdigit():
        # Typed over, as on a form printed with boxes: Home then "2025" replaces the
        # year's digits one by one (inserted, "22026" was refused digit by digit
        # while each digit was said as typed: break test 15 of session 12, 11d).
        position = line.cursorPosition()
        if line.text()[position : position + 1].isdigit():
            line.setSelection(position, 1)
    elif typed and not typed.isalnum():
        position = line.selectionStart() if line.hasSelectedText() else line.cursorPosition()
        before = line.text()[position - 1 : position] if position > 0 else ""
        if before and not before.isalnum():
            event.accept()
            return True
    return False


_PICKER = "solace_day_picker"


def day_picker(edit: QDateTimeEdit) -> DayPicker:
    """``edit``'s drop-down calendar (`DayPicker`, a child the field owns), made on
    first use."""
    picker = edit.findChild(DayPicker, _PICKER)
    if picker is None:
        picker = DayPicker(edit)
        picker.setObjectName(_PICKER)
    return picker


def _opens_drop_down(event: QKeyEvent) -> bool:
    """Alt+Down or F4: the keys that open any drop-down (a combo box's too)."""
    alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
    return event.key() == Qt.Key.Key_F4 or (alt and event.key() == Qt.Key.Key_Down)


def _on_arrow(edit: QDateTimeEdit, point: QPoint) -> bool:
    """Whether ``point`` (in ``edit``) is on the field's drop-down arrow."""
    option = QStyleOptionComboBox()
    option.initFrom(edit)
    option.editable = True
    option.subControls = QStyle.SubControl.SC_All
    hit = edit.style().hitTestComplexControl(QStyle.ComplexControl.CC_ComboBox, option, point, edit)
    return hit == QStyle.SubControl.SC_ComboBoxArrow


def _drop_down(edit: QDateTimeEdit) -> bool:
    """Open ``edit``'s calendar (`day_picker`) at the field's day. False when the field
    has no calendar to open (none asked for, disabled or read-only)."""
    if not edit.calendarPopup() or not edit.isEnabled() or edit.isReadOnly():
        return False
    day_picker(edit).open()
    return True


def _pressed_on_arrow(edit: QDateTimeEdit, event: QMouseEvent) -> bool:
    """A click on the field's arrow opens Solace's calendar (Qt's own, whose day cells
    are named "22", never opens); True when ``event`` was used up here."""
    if event.button() != Qt.MouseButton.LeftButton:
        return False
    if not _on_arrow(edit, event.position().toPoint()) or not _drop_down(edit):
        return False
    event.accept()
    return True


def _handled_here(edit: QDateTimeEdit, event: QKeyEvent) -> bool:
    """True when ``event`` was used up by Solace's own keys for a date field: Alt+Down
    or F4 opening the calendar (Qt's field took Alt+Down for Down and moved the date a
    year back), or a day typed whole (``_typed_as_a_whole``)."""
    if _opens_drop_down(event) and _drop_down(edit):
        event.accept()
        return True
    return _typed_as_a_whole(edit, event)


_UNITS = {
    QDateTimeEdit.Section.DaySection: "day",
    QDateTimeEdit.Section.MonthSection: "month",
    QDateTimeEdit.Section.YearSection: "year",
    QDateTimeEdit.Section.HourSection: "hour",
    QDateTimeEdit.Section.MinuteSection: "minute",
}


def out_of_range(day: QDate, low: QDate | None, high: QDate | None) -> str | None:
    """Why ``day`` cannot be chosen in a field that takes the days from ``low`` to
    ``high`` (either None: no limit that side), in words for the person; None when it
    can. "Wednesday, 2 December 2026 is after today, so it cannot be chosen here.
    Please type today or an earlier day." (the last day named by its date when it is
    not today)."""
    locale = words_locale()
    today = to_qdate(today_local())

    def named(limit: QDate) -> str:
        if limit == today:
            return "today"
        return locale.toString(limit, QLocale.FormatType.LongFormat)

    whole = locale.toString(day, QLocale.FormatType.LongFormat)
    if high is not None and day > high:
        return (
            f"{whole} is after {named(high)}, so it cannot be chosen here. "
            f"Please type {named(high)} or an earlier day."
        )
    if low is not None and day < low:
        return (
            f"{whole} is before {named(low)}, so it cannot be chosen here. "
            f"Please type {named(low)} or a later day."
        )
    return None


def _say_refused(edit: QDateTimeEdit, words: str) -> None:
    """Say ``words`` (a refusal) beside ``edit``: through its ``refused`` signal to the
    line under it (its own `FieldNote`, or its form's `FieldNotes`), shown and
    announced assertively there; announced from the field itself only for a date
    field made without that line."""
    if edit.receivers("2refused(QString)") > 0:
        edit.refused.emit(words)  # type: ignore[attr-defined]
    else:
        announce(edit, words, Politeness.ASSERTIVE)


def _digit_words(
    edit: QDateTimeEdit, section: QDateTimeEdit.Section, number: str, typed: str
) -> str:
    """What is said when Qt would not take the digit ``typed`` in ``section`` (it
    would have made ``number`` there): "There is no day 31 in November 2025, so the 1
    was not taken. Please check the day." """
    unit = _UNITS.get(section, "part")
    where = ""
    if section == QDateTimeEdit.Section.DaySection:
        where = f" in {words_locale().toString(QDateTimeEdit.date(edit), 'MMMM yyyy')}"
    return (
        f"There is no {unit} {number}{where}, so the {typed} was not taken. "
        f"Please check the {unit}."
    )


class _Typing:
    """A typing over the field in progress (`TypedOver`): what the field held when it
    began, and Qt's own validator of the field's line, set aside until it ends (it
    checked each section against the others as typed). Once refused, ``refused`` is
    the text kept as typed and ``words`` what was said of it (`_keep_refused`)."""

    def __init__(self, over: TypedOver, held: QDateTime, text: str, validator: QValidator | None):
        self.over, self.held, self.text, self.validator = over, held, text, validator
        self.refused = ""
        self.words = ""


_TYPING = "_solace_typing"


def _typing(edit: QDateTimeEdit) -> _Typing | None:
    typing = getattr(edit, _TYPING, None)
    return typing if isinstance(typing, _Typing) else None


def _begin_typing(edit: QDateTimeEdit) -> _Typing | None:
    """Start a typing over ``edit`` at the section where the caret (or the selection)
    is, or at the first with the whole text selected: that section is typed whole,
    from its start (a month changed by arrowing to it and typing "13" was judged by
    its last digit alone, "There is no month 3": break test 15 of session 14, finding
    3), wherever in it the caret is (its digits before the caret counted as typed,
    and "2027" typed after a click between the "20" and the "26" of the year made the
    year 2020 and the month 27: issue 10 break test of session 23, F1). None when the
    caret is after the last section or the field's format is not one read by
    `TypedOver`.

    The sections not typed keep what the field holds (its value, as shown), and Undo
    goes back to that value in one step (`_put_undoably`), even when the line showed
    a section emptied by Backspace: "2026-12- 22:31" (the day taken away) with "15"
    typed is the 15th, and one Ctrl+Z brings back the day before the edit, never the
    half-emptied text in between (break test 15 of session 14, finding 14)."""
    layout = layout_of(edit.displayFormat())
    if layout is None:
        return None
    line = edit.lineEdit()
    held = QDateTimeEdit.dateTime(edit)
    held_text = edit.locale().toString(held, edit.displayFormat())
    pieces = layout.split(held_text)
    over = _over_at_caret(line, layout, pieces) if pieces is not None else None
    if over is None:
        return None
    typing = _Typing(over, held, held_text, line.validator())
    line.setValidator(None)  # type: ignore[arg-type]
    setattr(edit, _TYPING, typing)
    return typing


def _over_at_caret(line: QLineEdit, layout: Layout, pieces: list[str]) -> TypedOver | None:
    """A typing over ``pieces`` (what the sections not typed keep) from the section of
    ``line`` where the caret or the selection is (see `_begin_typing`); None when the
    caret is after the last section or the line does not follow ``layout``."""
    text = line.text()
    shown = layout.split(text, emptied=True)
    if shown is None:
        return None
    whole = line.hasSelectedText() and line.selectedText() == text
    position = line.selectionStart() if line.hasSelectedText() else line.cursorPosition()
    first = None
    at = 0
    for index, piece in enumerate(shown):
        end = at + len(piece)
        if layout.parts[index].unit and (whole or position < end or (not piece and position == at)):
            first = index  # typed whole from its start, wherever the caret is in it
            break
        at = end
    if first is None:
        return None
    return TypedOver(layout, pieces, first)


def _show_typed(edit: QDateTimeEdit, typing: _Typing) -> None:
    """Show what is typed over what the field held, the caret after it."""
    shown, caret = typing.over.shown()
    line = edit.lineEdit()
    with QSignalBlocker(line):
        _put_undoably(line, typing.text, shown)
        line.setCursorPosition(caret)


def _put_undoably(line: QLineEdit, held: str, text: str) -> None:
    """Show ``text`` in ``line`` as one step that Undo takes back to ``held`` (what the
    field showed when the typing began): ``setText`` alone empties the line's undo
    history, so Ctrl+Z after a typing over the field did nothing."""
    line.setText(held)
    if text != held:
        line.selectAll()
        line.insert(text)


def _stop_typing(edit: QDateTimeEdit, typing: _Typing, value: QDateTime) -> None:
    """End ``typing``: Qt's validator comes back and the field shows ``value``."""
    setattr(edit, _TYPING, None)
    _mark_refused(edit, False)
    _shown, caret = typing.over.shown()
    line = edit.lineEdit()
    line.setValidator(typing.validator)  # type: ignore[arg-type]
    QDateTimeEdit.setDateTime(edit, value)
    shown = edit.locale().toString(QDateTimeEdit.dateTime(edit), edit.displayFormat())
    with QSignalBlocker(line):  # the value is set: the text only follows it
        _put_undoably(line, typing.text, shown)
    line.setCursorPosition(min(caret, len(line.text())))


def _qt_takes(edit: QDateTimeEdit, day: QDate) -> bool:
    """Whether ``day`` is within the days Qt's field can show at all (not Solace's own
    range: `_Range`)."""
    return QDateTimeEdit.minimumDate(edit) <= day <= QDateTimeEdit.maximumDate(edit)


#: The property that marks a date field showing a refused day as typed, for the theme
#: (`theme._STYLE_SHEET`) to draw it in the colour of errors.
REFUSED = "refused"


def _mark_refused(edit: QDateTimeEdit, on: bool) -> None:
    """Mark ``edit`` as showing a refused day (``on``) or not: drawn with the border of
    errors, its words said beside it (`FieldNote`)."""
    if bool(edit.property(REFUSED)) == on:
        return
    edit.setProperty(REFUSED, on)
    edit.style().unpolish(edit)
    edit.style().polish(edit)


def _refused(edit: QDateTimeEdit) -> _Typing | None:
    """The typing refused that ``edit`` keeps as typed, or None."""
    typing = _typing(edit)
    return typing if typing is not None and typing.refused else None


def refused_words(edit: QDateTimeEdit) -> str | None:
    """What was said of the day ``edit`` shows as typed and refused (31 February), or
    None when it shows a day it holds: nothing is saved from it meanwhile."""
    typing = _refused(edit)
    return typing.words if typing is not None else None


def _keep_refused(
    edit: QDateTimeEdit, typing: _Typing, shown: str, words: str, *, again: bool
) -> None:
    """Keep ``shown`` (typed, refused) in ``edit`` exactly as typed, marked, until it is
    corrected (issue 10: "31/02/2026" was said and replaced by the day held before, and
    what she typed was lost): the next key types over it where the caret is
    (`_resume_refused`); the field's value stays the day it held, so nothing is saved
    from the text. ``words`` are said beside the field when the text is new or
    ``again`` (Enter pressed on it)."""
    said_before = typing.refused == shown
    layout = typing.over.layout
    typing.refused, typing.words = shown, words
    pieces = layout.split(shown, emptied=True) or typing.over.pieces
    typing.over = TypedOver(layout, pieces, layout.sections[0])  # nothing typed over it yet
    line = edit.lineEdit()
    if line.text() != shown:
        with QSignalBlocker(line):
            _put_undoably(line, typing.text, shown)
    line.installEventFilter(_refused_caret())  # once per line: Qt keeps a filter once
    _mark_refused(edit, True)
    if again or not said_before:
        _say_refused(edit, words)


_CARET_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
    }
)


class _RefusedCaret(QObject):
    """Filter of a date field's line: while it keeps a refused day as typed, a click or
    a drag moves the caret without Qt hearing of it. Qt's date field reads its text
    again whenever the caret moves into another section, and a text it cannot read
    gives the value held back: a click at the end of "1.12.26" put back 2026-11-05
    while the refusal of "1.12.26" stayed, and Save was refused beside a good day
    (re-test of session 32, round 2, problem 3)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        edit = watched.parent()
        if event.type() not in _CARET_EVENTS or not isinstance(edit, QDateTimeEdit):
            return False
        typing = _refused(edit)
        if typing is None or typing.over.typed or not isinstance(watched, QLineEdit):
            return False
        with QSignalBlocker(watched):
            watched.event(event)
        return True


@cache
def _refused_caret() -> _RefusedCaret:
    """The one `_RefusedCaret`, made at its first use, on the GUI thread. Made when this
    module was imported, it belonged to the thread that loads the areas' modules while
    the passphrase is typed (`MainWindow.prepare_in_background`), and Qt refused it as
    a filter of the GUI's fields: the click it is there for put the held day back in
    every real session, as only tests imported the module on the GUI thread."""
    return _RefusedCaret()


def _resume_refused(edit: QDateTimeEdit, typing: _Typing) -> bool:
    """A key that types over a refused day kept (`_keep_refused`): the typing goes on
    from the section where the caret is, over what was typed; over words the field's
    sections cannot hold ("1 Nov 2026"), from its first section anew. False when the
    caret is after the last section."""
    layout = typing.over.layout
    pieces = layout.split(typing.refused, emptied=True)
    if pieces is None:  # not in the field's sections ("1 Nov 2026"): typed anew over it
        typing.over = TypedOver(layout, typing.over.pieces, layout.sections[0])
        return True
    over = _over_at_caret(edit.lineEdit(), layout, pieces)
    if over is None:
        return False
    typing.over = over
    return True


def _back_into_refused(edit: QDateTimeEdit, typing: _Typing) -> bool:
    """Backspace on a refused day kept as typed, the caret just after (or inside) a
    section's characters: that section is typed again up to the caret, emptied of the
    rest, so that the Backspace then takes back its last character (`TypedOver.back`)
    and the next ones the others. It took back nothing: "60" typed as a year, refused,
    then Backspace twice and "2026" put "20" in the month and "26" in the day (break
    test 15 of session 29, F2). False when there is no such section (the caret at a
    separator or the start, a selection, words not in the field's sections)."""
    layout = typing.over.layout
    line = edit.lineEdit()
    pieces = layout.split(line.text(), emptied=True)
    if pieces is None or line.hasSelectedText():
        return False
    caret, at = line.cursorPosition(), 0
    for index, piece in enumerate(pieces):
        end = at + len(piece)
        if layout.parts[index].unit and at < caret <= end:
            emptied = list(pieces)
            emptied[index] = ""
            typing.over = TypedOver(layout, emptied, index)
            for char in piece[: caret - at]:
                typing.over.key(char)
            return True
        at = end
    return False


def _drop_refused(edit: QDateTimeEdit) -> None:
    """The program sets a value over a refused day kept: the typing ends, and the field
    shows what it is given."""
    typing = _refused(edit)
    if typing is not None:
        setattr(edit, _TYPING, None)
        edit.lineEdit().setValidator(typing.validator)  # type: ignore[arg-type]
        _mark_refused(edit, False)


#: The events after which Qt's field shows its value again in its line (its
#: ``updateEdit`` or ``reset``): shown anew, the focus come back (Tab, Shift+Tab, a
#: click: "Written on" showed the day held while its note still said the day typed
#: stays, and a screen reader read the day held: break test 15 of session 18, re-test
#: R1), its window activated or not, its font, style, locale, enabled or read-only
#: state changed.
_SHOWN_AGAIN = frozenset(
    {
        QEvent.Type.Show,
        QEvent.Type.FocusIn,
        QEvent.Type.ActivationChange,
        QEvent.Type.FontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.LocaleChange,
        QEvent.Type.EnabledChange,
        QEvent.Type.ReadOnlyChange,
    }
)


def _show_refused_again(edit: QDateTimeEdit, event: QEvent) -> None:
    """After Qt's field handled ``event``: when it is one of `_SHOWN_AGAIN`, a refused
    day kept is put back as typed, the caret or selection where Qt put it, so the field
    shows, and its accessible text reads, exactly what was typed until it is corrected
    (`_keep_refused`). A typing over the refused day in progress is left as it is."""
    if event.type() not in _SHOWN_AGAIN:
        return
    typing = _refused(edit)
    line = edit.lineEdit()
    if typing is None or typing.over.typed or line.text() == typing.refused:
        return
    start, length = line.selectionStart(), len(line.selectedText())
    caret = line.cursorPosition()
    with QSignalBlocker(line):
        line.setText(typing.refused)
        if 0 <= start < len(typing.refused) and length:  # a selection past the typed end: none
            line.setSelection(start, min(length, len(typing.refused) - start))
        else:
            line.setCursorPosition(min(caret, len(typing.refused)))


def _judge_typed(edit: QDateTimeEdit, typing: _Typing, *, again: bool = False) -> bool:
    """Read what is typed (`TypedOver.read`) as a whole, once the typing has ended
    (never a passing state: break test 15 of session 15, findings 3 and 5): a moment
    that exists is taken, the field's date-changed signals say it once, and its
    ``taken`` signal says a typed day was taken (also one equal to the day held); one
    that does not is refused in words beside the field, saying what is possible
    ("February 2026 has 28 days"), and kept as typed until corrected
    (`_keep_refused`; said again when ``again``). True when taken, False when
    refused."""
    over = typing.over
    if typing.refused and not over.typed:  # the day kept, judged again: said as before
        _keep_refused(edit, typing, typing.refused, typing.words, again=again)
        return False
    result = over.read(QLocale())
    if isinstance(result[0], QDate) and _qt_takes(edit, result[0]):
        value = QDateTime(typing.held)
        value.setDate(result[0])
        if isinstance(result[1], QTime) and _with_time(edit):
            value.setTime(result[1])
        _stop_typing(edit, typing, value)
        taken = getattr(edit, "taken", None)
        if taken is not None:
            taken.emit()
        return True
    shown, _caret = over.shown()
    # The section at fault as it shows, when it was not typed now: "There is no month
    # 20" quoted the "26" typed after it in the day (break test 15 of session 29, F2).
    # Nothing read at all: the whole text the field shows, as the words say it stays
    # ("26" typed over the year was quoted alone beside "26-12-05 10:00": re-test of
    # session 32, finding 5).
    kept = over.piece_at_fault(result[0]) if isinstance(result[0], str) else None
    if result[1] == NOT_READ:
        kept = shown
    said = typed_refusal(edit, over.as_typed if kept is None else kept, result)
    _keep_refused(edit, typing, shown, said, again=again)
    return False


#: Said after a refused day: what becomes of it (kept as typed, `_keep_refused`).
KEPT_AS_TYPED = (
    "stays here as you typed it, and nothing is saved from this field until it is a real date."
)


def typed_refusal(
    edit: QDateTimeEdit, typed: str, result: tuple[QDate, QTime] | tuple[str, str]
) -> str:
    """The words refusing ``typed`` (exactly what the person typed, quoted as typed,
    never the sections the field's format made of it: issue 10, item 2) in ``edit``,
    whose reading (`TypedOver.read`) gave ``result``: what is wrong, what is possible,
    and that it stays as typed (`KEPT_AS_TYPED`)."""
    quoted_typed = quoted(typed)
    if result[1] == NOT_READ:
        what = "a day and time" if _with_time(edit) else "a day"
        example = QDateTime.currentDateTime().toString(edit.displayFormat())
        return (
            f"Solace cannot read {quoted_typed} as {what} here. It {KEPT_AS_TYPED} Please type "
            f"it in numbers, in the order the field shows, like {example}."
        )
    first = to_qdate(EARLIEST_DAY)
    if isinstance(result[0], QDate) and result[0] < first:
        long = words_locale().toString(result[0], QLocale.FormatType.LongFormat)
        unit = "year"
        first_long = words_locale().toString(first, QLocale.FormatType.LongFormat)
        words = (
            f"A day as early as {long} cannot be right here (the earliest day "
            f"Solace takes is {first_long})"
        )
    elif isinstance(result[0], QDate):
        unit, words = "year", f"There is no year {result[0].year()} here"
    else:
        unit, words = str(result[0]), str(result[1])
    unit = {"hour12": "hour", "ampm": "time"}.get(unit, unit)
    return f"{words}. {quoted_typed} {KEPT_AS_TYPED} Please check the {unit}."


def _with_time(edit: QDateTimeEdit) -> bool:
    """Whether ``edit`` shows a time as well as a day."""
    return bool(edit.displayedSections() & QDateTimeEdit.Section.TimeSections_Mask)


def _left(edit: QDateTimeEdit, event: QFocusEvent) -> bool:
    """``edit`` loses the focus: a day typed over it is judged as it stands
    (`_end_typing`). False when Qt's own handling is to be skipped: a refused day is
    kept as typed (Qt's would show the value again, `_keep_refused`); the line then
    only hears that the focus left."""
    _end_typing(edit)
    if _refused(edit) is None:
        return True
    edit.lineEdit().event(event)
    QWidget.focusOutEvent(edit, event)
    return False


def _end_typing(edit: QDateTimeEdit, *, again: bool = False) -> bool:
    """The typing over ``edit`` ends (the field is left, Enter, an arrow key, a
    shortcut): what is typed is judged as a whole (`_judge_typed`; a refusal said
    again when ``again``). False when it was refused, True when it was taken or nothing
    was being typed."""
    typing = _typing(edit)
    return typing is None or _judge_typed(edit, typing, again=again)


#: Keys that end a typing and still do their own work when it was refused: Tab and
#: Shift+Tab leave the field (focus is never held back).
_LEAVING_KEYS = frozenset({Qt.Key.Key_Tab, Qt.Key.Key_Backtab})

_USED_UP = "_solace_used_up"


def _character(event: QKeyEvent) -> str:
    """The one character ``event`` types into the field, or "" when it types none: no
    text, a control key, or Ctrl, Alt or Meta held. Ctrl+1 carries the text "1", and
    read as a typed digit it was refused in false words in a dialog, where the
    window's shortcuts do not run ("There is no day 1 in November 2026": re-test of
    session 32, finding 2)."""
    return event.text() if len(event.text()) == 1 and types_a_character(event) else ""


def _ends_typing(event: QKeyEvent) -> bool:
    """Whether ``event`` ends a typing over a date field: any key but a character,
    a key that only modifies the next (Shift), Backspace and Escape."""
    if _character(event) or event.key() in MODIFIER_KEYS:
        return False
    return event.key() not in (Qt.Key.Key_Backspace, Qt.Key.Key_Escape)


def _shortcut_ends_typing(edit: QDateTimeEdit, event: QEvent) -> bool:
    """A shortcut pressed while a day is being typed over ``edit`` (Ctrl+S in the
    entry, whose "Written on" is such a field): the typing ends first, so the shortcut
    acts on what was taken, never on the day held while the typed one was shown. A
    refused typing uses the key up (the shortcut does not act on the day kept); True
    then, for ``event`` (a ShortcutOverride) to be accepted."""
    typing = _typing(edit)
    if event.type() != QEvent.Type.ShortcutOverride or typing is None:
        return False
    assert isinstance(event, QKeyEvent)
    if typing.refused and not typing.over.typed:
        return False  # nothing typed over a refused day kept: a shortcut acts as ever
    if not _ends_typing(event) or event.key() in _LEAVING_KEYS or _end_typing(edit):
        return False  # Tab leaves the field, which ends the typing (focusOutEvent)
    setattr(edit, _USED_UP, (event.key(), event.modifiers()))
    event.accept()
    return True


def _typed_over(edit: QDateTimeEdit, event: QKeyEvent) -> bool:
    """A key in a typing over ``edit`` (`TypedOver`), begun by a digit typed at the
    start of a section (or over the whole text); True when ``event`` was used up.

    The typing is read as a whole only when it ends: the last section typed whole
    (`TypedOver.ended`), or another key than a character, Backspace, Escape or Shift
    (Enter, an arrow, Tab, a shortcut), or the field left. Until then the field's
    value stays what it held, and no one listening to it hears the passing days
    its sections make as they are typed. A key that ends a typing refused is used up
    by the refusal (Enter does not then press the dialog's main button on the day
    kept), except Tab and Shift+Tab, which still leave the field."""
    used_up = getattr(edit, _USED_UP, None)
    setattr(edit, _USED_UP, None)
    if used_up == (event.key(), event.modifiers()):
        event.accept()  # the key whose shortcut ended a typing refused
        return True
    typing = _typing(edit)
    typed = _character(event)
    character = bool(typed)
    if typing is None:
        if not character or not typed.isdigit() or edit.isReadOnly():
            return False
        typing = _begin_typing(edit)
        if typing is None:
            return False
    event.accept()
    if typing.refused and not typing.over.typed:
        handled = _on_refused(edit, typing, event)
        if handled is not None:
            return handled
    if character:
        if typing.over.key(typed):
            _show_typed(edit, typing)
            if typing.over.ended():
                _judge_typed(edit, typing)
        return True
    if event.key() in MODIFIER_KEYS:
        return True
    if event.key() == Qt.Key.Key_Backspace:
        if typing.over.back() or (typing.refused and not typing.over.pieces[typing.over.first]):
            _show_typed(edit, typing)  # (a section emptied on a refused day shows empty)
        elif typing.refused:  # back to the day refused, as typed
            _keep_refused(edit, typing, typing.refused, typing.words, again=False)
        else:  # all taken back: the day held, the caret where the typing began
            _stop_typing(edit, typing, typing.held)
            over = typing.over
            edit.lineEdit().setCursorPosition(sum(map(len, over.pieces[: over.first])))
        return True
    if event.key() == Qt.Key.Key_Escape:
        _stop_typing(edit, typing, typing.held)
        return False
    again = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    return not _end_typing(edit, again=again) and event.key() not in _LEAVING_KEYS


#: Keys that move the caret along a refused day kept as typed, changing nothing.
_CARET_KEYS = {
    Qt.Key.Key_Left: lambda line, mark: line.cursorBackward(mark),
    Qt.Key.Key_Right: lambda line, mark: line.cursorForward(mark),
    Qt.Key.Key_Home: lambda line, mark: line.home(mark),
    Qt.Key.Key_End: lambda line, mark: line.end(mark),
}
_STEP_KEYS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})


def _on_refused(edit: QDateTimeEdit, typing: _Typing, event: QKeyEvent) -> bool | None:
    """A key on a refused day kept as typed (`_keep_refused`), before any is typed over
    it: True when ``event`` was used up here, False when it is Qt's, None when it is a
    typing's. A digit or Backspace goes on typing where the caret is
    (`_resume_refused`); a separator moves the caret to the next section
    (`_past_separator`); the arrows, Home and End move the caret; Up, Down, Page Up
    and Page Down step nothing (there is no day to step from); a key with Ctrl, Alt or
    Meta is Qt's (Ctrl+A selects the text to type over; nothing is taken from it).
    Any other is a typing's: Enter says the refusal again, Escape goes back to the day
    held, Tab leaves the field."""
    key = event.key()
    typed = _character(event)
    if typed and _separates(typing.over.layout, typed):
        _past_separator(edit.lineEdit(), typing.over.layout)
        return True
    if key == Qt.Key.Key_Backspace and _back_into_refused(edit, typing):
        return None
    if typed.isdigit() or key == Qt.Key.Key_Backspace:
        return None if _resume_refused(edit, typing) else True
    if event.modifiers() & COMMAND_MODIFIERS:
        return False
    move = _CARET_KEYS.get(Qt.Key(key))
    if move is not None:
        line = edit.lineEdit()
        with QSignalBlocker(line):  # Qt would read the text again (`_RefusedCaret`)
            move(line, bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        return True
    return True if key in _STEP_KEYS else None


def _separates(layout: Layout, char: str) -> bool:
    """Whether ``char`` typed in a field of ``layout`` is a separator: neither a letter
    nor a digit, or a letter of the format's own text (the "г" of Bulgarian
    "d.MM.yyyy г.", the "h" of "HH 'h' mm")."""
    return not char.isalnum() or any(char in part.text for part in layout.parts if not part.unit)


def _past_separator(line: QLineEdit, layout: Layout) -> None:
    """A separator (`_separates`) typed on a refused day kept as typed: the caret
    moves to the start of the next section, as in a typing (`TypedOver`) and in Qt's
    own field, and nothing typed is changed. It once began a typing of its own that
    showed the separator alone: "1990. 02. 29." typed in Hungarian "yyyy. MM. dd.",
    refused at its "29" (1990 has no 29 February), then its last "." became "."."""
    pieces = layout.split(line.text(), emptied=True)
    if pieces is None:  # not in the field's sections ("1 Nov 2026"): left as it is
        return
    caret, at = line.cursorPosition(), 0
    for index, piece in enumerate(pieces):
        if layout.parts[index].unit and at > caret:
            line.setCursorPosition(at)
            return
        at += len(piece)
    line.setCursorPosition(len(line.text()))


def _typed_key(edit: QDateTimeEdit, event: QKeyEvent, qt_key: Callable[[QKeyEvent], None]) -> None:
    """A key pressed in a date field: Solace's own keys (`_handled_here`), a day typed
    over the field (`_typed_over`), else Qt's (``qt_key``), and a digit Qt would not
    take where it was typed (inside a section), or would rewrite (day 31 in a month
    of 30 days became 30), is refused in words instead (`_say_refused`): the field
    goes back to what it showed before the key, so what it shows, and what is heard,
    is what was typed (break test 15 of session 12, finding 7 and 11d)."""
    if _typed_over(edit, event) or _handled_here(edit, event):
        return
    typed = _character(event)
    if not typed.isdigit() or edit.isReadOnly():
        qt_key(event)
        return
    line = edit.lineEdit()
    before, held = line.text(), QDateTimeEdit.dateTime(edit)
    position = line.selectionStart() if line.hasSelectedText() else line.cursorPosition()
    section = edit.currentSection()
    start = position
    while start > 0 and before[start - 1].isdigit() and not line.hasSelectedText():
        start -= 1
    number = before[start:position] + typed
    qt_key(event)
    after = line.text()
    taken = after[position : position + 1] == typed or (
        after != before and edit.sectionText(section).endswith(typed)
    )
    if taken:
        return
    if QDateTimeEdit.dateTime(edit) != held:
        QDateTimeEdit.setDateTime(edit, held)
    if line.text() != before:
        line.setText(before)
    line.setCursorPosition(position)
    _say_refused(edit, _digit_words(edit, section, number.lstrip("0") or number, typed))


def _stepped_text(edit: QDateTimeEdit, steps: int) -> tuple[str, QDateTime] | None:
    """What ``edit`` would show after Qt's own step of ``steps`` in its current section
    (its range, wrapping and "Not noted" special text alike), worked out on a field
    that is never shown (a new one each time), so ``edit``'s line keeps its undo
    history: its text and its value. None when there is no section to step."""
    section = edit.currentSection()
    if section == QDateTimeEdit.Section.NoSection:
        return None
    # A new one for each step: one kept from the step before kept its section, and
    # stepped the year at every other Down on the day (issue 10 break test of session
    # 24: 2026-12-04, 12-03, 2025-12-03, 2025-12-02...).
    twin = QDateTimeEdit()
    twin.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    twin.setLocale(edit.locale())
    twin.setTimeZone(edit.timeZone())  # the wall clock the field shows, not this computer's
    twin.setDisplayFormat(edit.displayFormat())
    twin.setDateTimeRange(QDateTimeEdit.minimumDateTime(edit), QDateTimeEdit.maximumDateTime(edit))
    if isinstance(edit, _Range):
        # Solace's own range (`_Range`), which Qt's is not, and no day after today in
        # a field marked `no_days_ahead`: Page Up in "Day you did this", which takes
        # days up to today, stepped ten years ahead, and only "We did this" refused it
        # (break test 45a, F7).
        twin.setDateRange(edit.minimumDate(), latest_day(edit))
    twin.setSpecialValueText(edit.specialValueText())
    twin.setWrapping(edit.wrapping())
    twin.setDateTime(QDateTimeEdit.dateTime(edit))
    twin.setCurrentSection(section)
    QDateTimeEdit.stepBy(twin, steps)
    stepped = twin.lineEdit().text(), QDateTimeEdit.dateTime(twin)
    twin.deleteLater()
    return stepped


class _Range:
    """The days a date field takes, kept by Solace rather than by Qt: Qt's own range,
    checked section by section while a day is typed, refused a month or rewrote a
    whole day typed correctly ("2026-12-01" typed into a field that takes days up
    to today became 2026-01-01, as 2026-12-10 was past today when the month was
    typed: break test 15 of session 12, finding 7). Here a day is taken as typed;
    one outside the range is refused in words beside the field when the field is
    left (`check_range`), and the screen using the field refuses it when it is
    committed (`range_refusal`). The calendar (`DayPicker`) reads the range through
    `minimumDate` and `maximumDate`, and stops at it."""

    _low: QDate | None = None
    _high: QDate | None = None
    #: False where the screen refuses a day outside the range itself, as soon as it is
    #: shown (the entry's "Written on" refuses a moment in the future at once): the
    #: field then does not say it again when left.
    says_range = True

    def setMinimumDate(self, day: QDate) -> None:
        """Take days from ``day`` on (the program's value is moved into the range)."""
        self._low = QDate(day)
        self._keep_within()

    def setMaximumDate(self, day: QDate) -> None:
        """Take days up to ``day`` (the program's value is moved into the range)."""
        self._high = QDate(day)
        self._keep_within()

    def setDateRange(self, low: QDate, high: QDate) -> None:
        """Take the days from ``low`` to ``high``, both included."""
        self._low, self._high = QDate(low), QDate(high)
        self._keep_within()

    def minimumDate(self) -> QDate:
        """The first day the field takes (Qt's first day when there is no limit)."""
        assert isinstance(self, QDateTimeEdit)
        return QDate(self._low) if self._low is not None else QDateTimeEdit.minimumDate(self)

    def maximumDate(self) -> QDate:
        """The last day the field takes (Qt's last day when there is no limit)."""
        assert isinstance(self, QDateTimeEdit)
        return QDate(self._high) if self._high is not None else QDateTimeEdit.maximumDate(self)

    def range_refusal(self) -> str | None:
        """Why the day shown cannot be chosen: a day typed that does not exist, kept as
        typed (`refused_words`), or one outside the range or, in a day field marked
        `no_days_ahead`, after today (`out_of_range`); None when it can."""
        assert isinstance(self, QDateTimeEdit)
        words = refused_words(self)
        if words is not None:
            return words
        # A moment's field leaves a day ahead to its screen, which says "still ahead of
        # now" (the Time of a log); a day's field says it here.
        high = latest_day(self) if isinstance(self, QDateEdit) else self._high
        return out_of_range(QDateTimeEdit.date(self), self._low, high)

    def hold_typed(self, text: str) -> None:
        """Type ``text`` over the whole field and read it, as a person's typing is read
        once she leaves the field: a day that exists is taken, one that does not is
        kept as typed and refused in words (`kept_refusal`). A form's draft gives back
        so a day typed and refused before a lock: it came back as the day held before
        it, with no refusal, and Save kept that time, one she never chose (re-test
        45b, P1)."""
        assert isinstance(self, QDateTimeEdit)
        self.lineEdit().selectAll()
        typing = _begin_typing(self)
        if typing is None:
            return
        for char in text:
            typing.over.key(char)
        _show_typed(self, typing)
        _judge_typed(self, typing)

    def kept_refusal(self) -> str | None:
        """What was said of a day this field shows as typed and refused (`refused_words`;
        `field_notes.refused_on_save` refuses a Save on it), or None."""
        assert isinstance(self, QDateTimeEdit)
        return refused_words(self)

    def setDate(self, day: QDate) -> None:
        """Show ``day``, set by the program (a refused day kept as typed goes)."""
        assert isinstance(self, QDateTimeEdit)
        _drop_refused(self)
        QDateTimeEdit.setDate(self, day)

    def check_range(self) -> None:
        """The field was left (or Enter pressed in it) showing a day outside its range:
        the refusal is said beside it, and the day typed stays shown until corrected."""
        assert isinstance(self, QDateTimeEdit)
        if _refused(self) is not None:
            return  # said as it was refused
        words = self.range_refusal()
        if words is not None and self.says_range:
            _say_refused(self, words)

    def stepBy(self, steps: int) -> None:
        """Step the section the caret is in by ``steps`` (an Up or Down arrow, Page Up or
        Page Down, a wheel step while the field has the focus) as Qt does, as one step
        of the line's undo history: Ctrl+Z takes it back, said as every undo in a date
        field is ("Undone: back to 20/11/2026": `undo_said`). Qt's own step set the
        line's text, which empties its undo history, so a step could not be undone
        (issue 15). The step is taken on a field of the same format, range and value
        that is never shown (`_stepped_text`); its text replaces the line's as a
        typed edit does, and the value follows the text."""
        assert isinstance(self, QDateTimeEdit)
        if _refused(self) is not None:
            return  # a refused day kept as typed: no day to step from
        section = self.currentSection()
        stepped = _stepped_text(self, steps)
        line = self.lineEdit()
        if stepped is None or stepped[0] == line.text():
            return
        text, value = stepped
        line.selectAll()
        line.insert(text)  # one undo step; Qt reads the value back from the text
        if QDateTimeEdit.dateTime(self) != value:
            # Not read back: the first Down with the caret inside the day, which Qt's
            # own key handling had just shown as "2025-12-4" (issue 10 break test of
            # session 24). Set as a value; only that step's undo is lost.
            QDateTimeEdit.setDateTime(self, value)
        self.setSelectedSection(section)

    def _keep_within(self) -> None:
        """A day set by the program (not typed) outside the range set after it is moved
        into it, as Qt does."""
        assert isinstance(self, QDateTimeEdit)
        day = QDateTimeEdit.date(self)
        if self._low is not None and day < self._low:
            self.setDate(self._low)
        elif self._high is not None and day > self._high:
            self.setDate(self._high)


class TypedDateEdit(_Range, QDateEdit):
    """A day field that takes a whole day typed at once (see ``_typed_as_a_whole``),
    each digit as typed or refused in words (``refused``, `_typed_key`), and any day
    typed, a day outside its range (`_Range`) refused in words when it is left; it
    opens its calendar with Alt+Down or F4."""

    #: Words refusing what was typed, to say beside the field (`FieldNotes.show`).
    refused = Signal(str)
    #: A day typed over the field was read whole and taken (said also when it is the
    #: day the field held, which changes no date: `_judge_typed`).
    taken = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: The line that says them, for the screen to place right under the field's row
        #: (or a `FieldNotes` form to take): no refusal is only heard, never shown.
        self.note = FieldNote(self)
        earliest(self)
        self.editingFinished.connect(self.check_range)

    def event(self, event: QEvent) -> bool:
        if _shortcut_ends_typing(self, event):
            return True
        handled = super().event(event)
        _show_refused_again(self, event)
        _first_section_on_back_tab(self, event)
        return handled

    def keyPressEvent(self, event: QKeyEvent) -> None:
        _typed_key(self, event, super().keyPressEvent)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        _end_typing(self)
        if not _pressed_on_arrow(self, event):
            super().mousePressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if _left(self, event):
            super().focusOutEvent(event)


def whole_minute(value: QDateTime) -> QDateTime:
    """``value`` without its seconds and milliseconds (in its own zone's wall time):
    the minute a time field shows for it."""
    time = value.time()
    return value.addMSecs(-(time.second() * 1000 + time.msec()))


class TypedDateTimeEdit(_Range, QDateTimeEdit):
    """A day-and-time field that takes a whole moment typed at once, and any wall
    time, even one the clocks skip; it opens its calendar with Alt+Down or F4.

    It shows minutes, so it holds whole minutes: a moment the person types, picks or
    steps to has no seconds ("08:00" typed over now is 08:00:00, not 08:00:53). A
    moment set by the program (`setDateTime`, often now, or a saved log's time) is
    given back exactly by `dateTime` until the person changes the field, so a log
    or entry whose time was not touched keeps its seconds.

    A wall time the person chose is read by one rule (`local_time.read_typed`) in
    ``zone`` (an IANA name, None for the person's own): the first time when it
    happens twice, unless they tick `second` ("The second 02:30 (CET), after the
    clocks went back", shown under the field only while its wall time happens twice;
    see `second_time_row`), moved forward when the clocks skip it. When they leave
    the field it shows the moment it now holds, and `told` gives the words to say
    beside it ("02:15 does not happen …: it is 02:45", "… this is the first time").
    """

    told = Signal(str)
    #: Words refusing what was typed, to say beside the field (see `TypedDateEdit`).
    refused = Signal(str)
    #: A moment typed over the field was read whole and taken (see `TypedDateEdit`).
    taken = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = FieldNote(self)  # the line that says them (see `TypedDateEdit`)
        earliest(self)
        self._setting = False
        self._exact: QDateTime | None = None  # what the program set, until a change
        self.zone: str | None = None  # whose wall clock the field shows (None: the person's)
        # The second of a wall time that happens twice (break test 9 of session 7, F8):
        # a child of the field, never shown, until a form places it (`second_time_row`).
        self.second = QCheckBox(self)
        self.second.hide()
        self._show_second: Callable[[bool], None] | None = None
        self.dateTimeChanged.connect(self._changed_by_person)
        self.dateTimeChanged.connect(self._offer_second)
        # Told as soon as a typed moment is taken, while the focus is still in the field,
        # so the line shows at once and moves nothing the person is about to use; told
        # only on leaving, it waited for the focus to come back and was never seen (a
        # skipped 02:30 became 03:30 without a word: break test 9 of session 20, F2).
        self.taken.connect(lambda: self._say_reading(typing=True))
        self.editingFinished.connect(self._say_reading)
        self.editingFinished.connect(self.check_range)
        self.second.toggled.connect(self._second_chosen)

    def _changed_by_person(self, value: QDateTime) -> None:
        # Qt also says "changed" when it reads the text back unchanged (Enter in the
        # field, or leaving it): only another minute than the one shown is a change.
        exact = self._exact
        if not self._setting and exact is not None and value != whole_minute(exact):
            self._exact = None

    def _typed(self) -> tuple[datetime, datetime, bool] | None:
        """The wall time shown (naive), the moment it is read as (UTC) and whether it
        was moved forward; None when the program's own moment is shown."""
        if self._exact is not None:
            return None
        value = super().dateTime()
        if not value.isValid():
            return None
        d, t = value.date(), value.time()
        wall = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        moment, moved = read_typed(wall, self.zone, second=self.second.isChecked())
        return wall, moment, moved

    def _wall(self) -> datetime | None:
        """The wall time the field shows, to the minute (naive), or None."""
        value = super().dateTime()
        if not value.isValid():
            return None
        d, t = value.date(), value.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def _offer_second(self, _value: QDateTime | None = None) -> None:
        """Offer "The second 02:30 (CET)" while the wall time shown happens twice, and
        only then; a wall time that happens once is never the second."""
        wall = self._wall()
        name = repeats(wall, self.zone) if wall is not None else None
        if name is None:
            with QSignalBlocker(self.second):
                self.second.setChecked(False)
        else:
            words = f"The second {wall:%H:%M} ({name}), after the clocks went back"
            self.second.setText(words)
            self.second.setAccessibleName(words)
        if self._show_second is not None:
            self._show_second(name is not None)

    def _second_chosen(self, _checked: bool) -> None:
        """The person chose the first or the second of a repeated wall time: the field
        holds that moment now, and says which it is."""
        if self._setting:
            return
        self._exact = None  # the person's choice from now on
        self.dateTimeChanged.emit(self.dateTime())
        self._say_reading()

    def place_second(self, show: Callable[[bool], None]) -> None:
        """``show(True/False)`` shows or hides the placed `second` choice (its row)."""
        self._show_second = show
        self._offer_second()

    def dateTime(self) -> QDateTime:
        """The moment shown: exactly the one set by the program while the person has
        not changed it, else the whole minute they chose, read by `read_typed` (its
        offset says which of two equal wall times it is, whatever the field showed
        before)."""
        if self._exact is not None:
            return QDateTime(self._exact)
        typed = self._typed()
        if typed is None:
            return super().dateTime()
        local = to_local(typed[1], self.zone)
        offset = local.utcoffset()
        return QDateTime(
            local.year,
            local.month,
            local.day,
            local.hour,
            local.minute,
            0,
            0,
            QTimeZone.fromSecondsAheadOfUtc(int(offset.total_seconds()) if offset else 0),
        )

    def _say_reading(self, *, typing: bool = False) -> None:
        """Once a moment typed is taken (`taken`: ``typing``) and when the person leaves
        the field: a moved or repeated wall time is told (`told`; the same words again
        for the same moment on leaving, which a form keeps as they are shown), and a
        skipped one is replaced by the moment it was read as once the focus has left or
        the field's editing is finished (Enter). Replaced as soon as the hour was
        typed, the minutes typed next went after the moved hour, and the words went
        with the value they were about: 01:30 typed a section at a time on the night
        the clocks go forward became 02:30 without a word (break test 43, F3)."""
        typed = self._typed()
        if typed is None:
            return
        wall, moment, moved = typed
        local = to_local(moment, self.zone)
        day = f"{wall:%A} {wall.day} {wall:%B %Y}"
        if moved:
            if not (typing and self.hasFocus()):  # the same moment, as the clock reads it
                with QSignalBlocker(self):
                    self.setDateTime(self.dateTime())
                self._exact = None  # still the person's choice
            # Moved past now (01:30 typed at 02:03 on that night), the time is then
            # refused as still ahead: said here, the two notes never seem to disagree
            # (break test 45a, F4).
            ahead = ", which has not come yet" if moment > now_utc() else ""
            self.told.emit(
                f"The clocks go forward that night, so {wall:%H:%M} does not happen on "
                f"{day}: this is {local:%H:%M}{ahead}."
            )
        elif (which := occurrence(local)) is not None:
            self.told.emit(
                f"{wall:%H:%M} happens twice on {day}, as the clocks go back: "
                f"this is {which} ({zone_abbreviation(local)})."
            )

    def stepBy(self, steps: int) -> None:
        """A step (`_Range.stepBy`), then what the wall time stepped to is read as, told
        at once, the focus still in the field, as for a time typed: stepped into the
        hour the clocks skip and left with Tab, it was moved with no word on screen
        (re-test 43, N2; the words of a field left wait for the focus to come back)."""
        super().stepBy(steps)
        self._say_reading(typing=True)

    def event(self, event: QEvent) -> bool:
        if _shortcut_ends_typing(self, event):
            return True
        handled = super().event(event)
        _show_refused_again(self, event)
        _first_section_on_back_tab(self, event)
        return handled

    def keyPressEvent(self, event: QKeyEvent) -> None:
        _typed_key(self, event, super().keyPressEvent)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        _end_typing(self)
        if not _pressed_on_arrow(self, event):
            super().mousePressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if _left(self, event):
            super().focusOutEvent(event)

    def setDateTime(self, value: QDateTime) -> None:
        """Show ``value`` (from ``local_time.to_qdatetime``: a wall time with its UTC
        offset; or a local time) in its fixed UTC offset rather than in Qt's local
        zone.

        In the local zone Qt refuses a typed wall time the clocks skip (02:30 on the
        spring-forward night in Berlin) and keeps the hour it had, so a log typed
        for 02:30 was saved 16 hours away. In a fixed offset every wall time exists;
        ``local_time.from_qdatetime`` then applies the zone's rules of that day
        (02:30 is read as 03:30 summer time, as PEP 495 does).
        """
        _drop_refused(self)
        self._setting = True
        try:
            if value.isValid():
                fixed = QTimeZone.fromSecondsAheadOfUtc(value.offsetFromUtc())
                self.setTimeZone(fixed)
                value = value.toTimeZone(fixed)
                self._exact = QDateTime(value)
                value = whole_minute(value)
            else:
                self._exact = None
            super().setDateTime(value)
            self._mark_second(value)
        finally:
            self._setting = False
        self._offer_second()

    def _mark_second(self, value: QDateTime) -> None:
        """Tick `second` when the moment set is the second time its wall time happens."""
        second = False
        if value.isValid():
            d, t = value.date(), value.time()
            wall = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
            moment, _moved = read_typed(wall, self.zone, second=True)
            local = to_local(moment, self.zone)
            offset = local.utcoffset()
            second = (
                occurrence(local) == SECOND_TIME
                and offset is not None
                and int(offset.total_seconds()) == value.offsetFromUtc()
            )
        with QSignalBlocker(self.second):
            self.second.setChecked(second)


def second_time_row(form: QFormLayout, field: TypedDateTimeEdit) -> None:
    """Place ``field``'s choice of the second of a repeated wall time ("The second 02:30
    (CET), after the clocks went back") on a row of ``form`` (under the rows so far),
    shown only while the field's wall time happens twice, and next after the field
    for Tab."""
    form.addRow("", field.second)

    def show(shown: bool) -> None:
        form.setRowVisible(field.second, shown)
        # Next after the field for Tab, set once both are in the window shown (Qt's
        # focus chain is rebuilt as a form is put together; set earlier, it was not
        # where the form ended up).
        if shown and field.second.window() == field.window():
            QWidget.setTabOrder(field, field.second)

    field.place_second(show)


def date_edit(name: str, edit: TypedDateEdit | None = None) -> TypedDateEdit:
    """A day, typed as the person's locale writes it (see ``date_format``), with a
    calendar to pick it, and its `note` line (`FieldNote`) for the screen to place
    right under it (or a `FieldNotes` form to take); ``edit``, a field of a class made
    from `TypedDateEdit`, is set up so instead of a new one."""
    edit = TypedDateEdit() if edit is None else edit
    edit.setDisplayFormat(date_format())
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    one_tab_stop(edit)
    return edit
