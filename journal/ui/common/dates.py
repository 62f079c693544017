"""Date and time fields for every screen: a day, or a day and a time to the minute,
typed as the person's locale writes them (a whole day at once), with a calendar to
pick the day, and one Tab stop each (their sections are reached with the arrow keys)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from journal.ui.common.accessibility import one_tab_stop

__all__ = [
    "TypedDateEdit",
    "TypedDateTimeEdit",
    "date_edit",
    "date_format",
    "time_edit",
    "time_format",
]


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


def time_edit(name: str) -> QDateTimeEdit:
    """A day and time to the minute, typed as the person's locale writes them, with a
    calendar to pick the day."""
    edit = TypedDateTimeEdit()
    edit.setDisplayFormat(time_format())
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    one_tab_stop(edit)
    return edit


def _typed_as_a_whole(edit: QDateTimeEdit, event: QKeyEvent) -> bool:
    """Let a date (and time) field take a whole day typed at once; True when ``event``
    was used up here.

    Qt's date fields fill a section at a time: with the whole text selected they
    refuse the first digit, and after a full section ("20") they have already
    moved past the "/", so the "/" typed next jumps over the month. Here a digit
    typed over the whole text starts at the first section, and a separator typed
    right after the one Qt skipped to is taken as already typed.
    """
    typed = event.text()
    line = edit.lineEdit()
    if len(typed) == 1 and typed.isdigit() and line.hasSelectedText():
        if line.selectedText() == line.text():
            edit.setSelectedSection(edit.sectionAt(0))
    elif len(typed) == 1 and not typed.isalnum() and typed.isprintable():
        position = line.selectionStart() if line.hasSelectedText() else line.cursorPosition()
        before = line.text()[position - 1 : position] if position > 0 else ""
        if before and not before.isalnum():
            event.accept()
            return True
    return False


class TypedDateEdit(QDateEdit):
    """A day field that takes a whole day typed at once (see ``_typed_as_a_whole``)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _typed_as_a_whole(self, event):
            super().keyPressEvent(event)


class TypedDateTimeEdit(QDateTimeEdit):
    """A day-and-time field that takes a whole moment typed at once."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _typed_as_a_whole(self, event):
            super().keyPressEvent(event)


def date_edit(name: str) -> QDateEdit:
    """A day, typed as the person's locale writes it (see ``date_format``), with a
    calendar to pick it."""
    edit = TypedDateEdit()
    edit.setDisplayFormat(date_format())
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    one_tab_stop(edit)
    return edit
