"""Non-sensitive preferences, each declared once with its default.

Stored with QSettings in an INI file inside the data folder. Nothing with content
goes here: no journal names, no text, no dates of anything that happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QSettings

T = TypeVar("T", int, str)


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T


IDLE_LOCK_MINUTES = Setting("lock/idle_minutes", 5)
LOCK_ON_SCREEN_LOCK = Setting("lock/on_screen_lock", 1)
THEME = Setting("appearance/theme", Theme.SYSTEM.value)
FONT_SCALE = Setting("appearance/font_scale_percent", 100)
TEMPERATURE_UNIT = Setting("body/temperature_unit", "C")
EMERGENCY_NUMBER = Setting("body/emergency_number", "")
LAST_JOURNAL = Setting("journals/last_id", "")


class Settings:
    """Typed access to the preferences file."""

    FILE_NAME = "settings.ini"

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / self.FILE_NAME
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        raw = self._store.value(setting.key, setting.default)
        if isinstance(setting.default, int):
            try:
                return cast(T, int(str(raw)))  # type: ignore[redundant-cast]
            except ValueError:
                return setting.default
        return cast(T, str(raw))  # type: ignore[redundant-cast]

    def set(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, value)
        self._store.sync()
