"""Where every file chooser opens, and the folder it remembers: one mechanism for all.

Each chooser (Back up now, Restore from a file, Export, Import, the summary for the
doctor, a partner's journal folder, where to keep held words) is of one `Place`. It
opens in the last folder the person chose for that kind, kept in the preferences
(`journal.settings`, ``places/...``: a folder, never a file name), or else in the
Documents folder, or the home folder (``QStandardPaths``); never in the working folder
the app was started from (break test 16 of session 10, finding 4). A folder inside
Solace's data folder (the journals, their keys and backups) is never remembered nor
offered: nothing there is for the person to pick or to leave files in.

The settings are the running window's (`use_settings`, called by the main window);
with none (a dialog shown alone), nothing is remembered and the default is used.
"""

from __future__ import annotations

import contextlib
from enum import Enum
from pathlib import Path

import shiboken6
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from journal.settings import (
    PLACE_BACKUP,
    PLACE_EXPORT,
    PLACE_HELD_WORDS,
    PLACE_IMPORT,
    PLACE_PARTNER,
    PLACE_RESTORE,
    PLACE_SUMMARY,
    Setting,
    Settings,
)


class Place(Enum):
    """The kinds of file a chooser picks, each with the preference that remembers it."""

    BACKUP = PLACE_BACKUP
    RESTORE = PLACE_RESTORE
    EXPORT = PLACE_EXPORT
    IMPORT = PLACE_IMPORT
    SUMMARY = PLACE_SUMMARY
    PARTNER = PLACE_PARTNER
    HELD_WORDS = PLACE_HELD_WORDS

    @property
    def setting(self) -> Setting[str]:
        value: Setting[str] = self.value
        return value


_settings: list[Settings] = []  # the running window's, at most one


def use_settings(settings: Settings) -> None:
    """Remember the chosen folders in ``settings`` (the main window's, at start)."""
    _settings[:] = [settings]


def _current() -> Settings | None:
    if _settings and shiboken6.isValid(_settings[0]):
        return _settings[0]
    return None


def _data_dir(settings: Settings | None) -> Path | None:
    return settings.path.parent if settings is not None else None


def _allowed(folder: Path, settings: Settings | None) -> bool:
    """Whether ``folder`` may be offered or remembered: an existing folder outside the
    data folder (`Settings.path`'s folder)."""
    data_dir = _data_dir(settings)
    try:
        resolved = folder.resolve()
        if data_dir is not None and resolved.is_relative_to(data_dir.resolve()):
            return False
        return resolved.is_dir()
    except (OSError, RuntimeError):
        return False


def default_folder() -> Path:
    """The Documents folder when there is one, else the home folder (QStandardPaths)."""
    for location in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ):
        found = QStandardPaths.writableLocation(location)
        if found and Path(found).is_dir():
            return Path(found)
    return Path.home()


def start_folder(place: Place) -> Path:
    """Where a chooser of ``place`` opens: the folder last chosen for it, when it is
    still there and outside the data folder, else `default_folder`."""
    settings = _current()
    stored = settings.get(place.setting) if settings is not None else ""
    if stored and _allowed(Path(stored), settings):
        return Path(stored)
    return default_folder()


def remember(place: Place, chosen: Path) -> None:
    """Keep the folder of ``chosen`` (a file's folder, or a chosen folder itself) as
    the start of the next chooser of ``place``; nothing when it is in the data folder."""
    settings = _current()
    if settings is None:
        return
    folder = chosen if chosen.is_dir() else chosen.parent
    if _allowed(folder, settings):
        with contextlib.suppress(OSError):  # a preference not kept: the default next time
            settings.set(place.setting, str(folder.resolve()))


def save_file_name(
    parent: QWidget,
    place: Place,
    caption: str,
    suggested: str,
    file_filter: str,
    options: QFileDialog.Option | None = None,
) -> Path | None:
    """Ask where to save a file, starting in `start_folder` with the ``suggested`` name;
    the chosen path (its folder remembered), or None when the person cancels."""
    start = str(start_folder(place) / suggested)
    if options is None:
        name, _ = QFileDialog.getSaveFileName(parent, caption, start, file_filter)
    else:
        name, _ = QFileDialog.getSaveFileName(parent, caption, start, file_filter, options=options)
    return _chosen(place, name)


def open_file_name(
    parent: QWidget, place: Place, caption: str, file_filter: str = ""
) -> Path | None:
    """Ask for a file to open, starting in `start_folder`; the chosen path (its folder
    remembered), or None when the person cancels."""
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(start_folder(place)), file_filter)
    return _chosen(place, name)


def existing_folder(parent: QWidget, place: Place, caption: str) -> Path | None:
    """Ask for a folder, starting in `start_folder`; the chosen folder (remembered), or
    None when the person cancels."""
    name = QFileDialog.getExistingDirectory(parent, caption, str(start_folder(place)))
    return _chosen(place, name)


def _chosen(place: Place, name: str) -> Path | None:
    if not name:
        return None
    remember(place, Path(name))
    return Path(name)
