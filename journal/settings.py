"""Non-sensitive preferences, each declared once with its default, that signal a change.

Stored with QSettings in an INI file inside the data folder. Nothing with content
goes here: no journal names, no text, no dates of anything that happened. What
belongs to one journal (whether it keeps a body log) is stored encrypted inside
that journal instead.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QObject, QSettings, Signal

T = TypeVar("T", int, str)


class Theme(StrEnum):
    """The colour theme: follow the system, or always light, or always dark."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One preference: its key in ``settings.ini`` and its default (an int or a str)."""

    key: str
    default: T


IDLE_LOCK_MINUTES = Setting("lock/idle_minutes", 5)
LOCK_ON_SCREEN_LOCK = Setting("lock/on_screen_lock", 1)
THEME = Setting("appearance/theme", Theme.SYSTEM.value)
FONT_SCALE = Setting("appearance/font_scale_percent", 100)
TEMPERATURE_UNIT = Setting("body/temperature_unit", "C")
EMERGENCY_NUMBER = Setting("body/emergency_number", "")
LAST_JOURNAL = Setting("journals/last_id", "")
# The main window's size, place and maximised state as the person left it, in Qt's own
# format (`QWidget.saveGeometry`, base64): kept at every lock and quit, so the fresh
# process a lock starts, and the next start, open as she had it (issue 10, break test
# of session 23, F8: Ctrl+L made a window she had made 800x500 1100x728 again).
WINDOW_GEOMETRY = Setting("window/geometry", "")

# Every preference, in one place (a test checks that no two share a key).
ALL_SETTINGS: tuple[Setting[Any], ...] = (
    IDLE_LOCK_MINUTES,
    LOCK_ON_SCREEN_LOCK,
    THEME,
    FONT_SCALE,
    TEMPERATURE_UNIT,
    EMERGENCY_NUMBER,
    LAST_JOURNAL,
    WINDOW_GEOMETRY,
)

# The text sizes offered, in percent of the normal size (View menu and Settings).
FONT_SCALE_RANGE = (75, 250)


# QSettings writes the file through a temporary ``settings.ini.XXXXXX`` (QSaveFile's
# six letters or digits) renamed into place; a kill before the rename leaves it.
_LEFTOVER = re.compile(r"\.[A-Za-z0-9]{6}")


def remove_leftover_temp_files(path: Path) -> list[Path]:
    """Delete the temporary copies of the settings file ``path`` that a write cut
    short by a crash or ``kill -9`` left beside it (break test 14 of session 7,
    finding 6: they stayed for ever). Only regular files named exactly as QSaveFile
    names them are removed, never a link; only one Solace runs per data folder (the
    single-instance lock is taken before the settings are read), so none is being
    written now. Returns what was removed; a file that cannot be removed is left."""
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for leftover in path.parent.glob(f"{path.name}.*"):
            if _LEFTOVER.fullmatch(leftover.name[len(path.name) :]) is None:
                continue
            if leftover.is_symlink() or not leftover.is_file():
                continue
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
    return removed


class Settings(QObject):
    """Typed access to the preferences file.

    ``changed`` is emitted with the `Setting` whose stored value changed, after it is
    written, so every open view can follow it at once; setting the value a preference
    already has emits nothing.
    """

    FILE_NAME = "settings.ini"
    changed = Signal(object)  # Setting

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = data_dir / self.FILE_NAME
        remove_leftover_temp_files(self.path)
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._held: list[Setting[Any]] | None = None  # changed within `together`

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when it is missing or unreadable."""
        raw = self._store.value(setting.key, setting.default)
        if isinstance(setting.default, int):
            try:
                return cast(T, int(str(raw)))  # type: ignore[redundant-cast]
            except ValueError:
                return setting.default
        return cast(T, str(raw))  # type: ignore[redundant-cast]

    def set(self, setting: Setting[T], value: T) -> None:
        """Store ``value`` (written to disk at once) and emit ``changed`` if it differs
        (within `together`, once every setting of it is stored)."""
        before = self.get(setting)
        self._store.setValue(setting.key, value)
        self._store.sync()
        if before == value:
            return
        if self._held is None:
            self.changed.emit(setting)
        elif setting not in self._held:
            self._held.append(setting)

    @contextmanager
    def together(self) -> Iterator[None]:
        """Store the settings set inside at once, and emit ``changed`` for each that
        changed only after the last is stored, in the order they were set: whoever
        listens then sees them all. Settings' Save of the dark theme and 200 % text
        restyled the whole app twice, once for each, with the dialog half drawn for
        5 s (break test 16 of session 20, L4); the second restyle now finds the app
        styled already (`theme.apply_theme` does nothing then)."""
        if self._held is not None:  # within another: its end says them
            yield
            return
        self._held = []
        try:
            yield
        finally:
            held, self._held = self._held, None
            for setting in held:
                self.changed.emit(setting)
