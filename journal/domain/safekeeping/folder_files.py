"""Which files of a chosen folder an import reads, and which it skips, and why.

A folder to import (Markdown notes, RedNotebook month files) is walked without
following links, and each file whose name fits is looked at without opening it
(``lstat``): an ordinary file is read; a pipe (FIFO), a device or a socket is
skipped, never opened (opening a pipe waits for a writer for ever); a link is read
only when it leads to an ordinary file inside the chosen folder, and each file
only once (`_once_each`), and a link to a folder is not followed. Every file
skipped is named with its reason, for the preview (break test 16 of session 10,
finding 5: a FIFO and a link were skipped without a word).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from journal.domain.common.words import count
from journal.files import kind_of, not_allowed


@dataclass(frozen=True, slots=True)
class FolderFiles:
    """The files to read (paths under the folder, in walk order), those skipped, each
    as (its name relative to the folder, why, in words), and the ``others``: the names
    (relative to the folder, in walk order) of the files the import does not look for,
    hidden ones (a name starting with ".", or in such a folder: an app's own settings)
    left out."""

    found: tuple[Path, ...]
    skipped: tuple[tuple[str, str], ...]
    others: tuple[str, ...] = ()


def folder_files(folder: Path, wanted: Callable[[str], bool], limit: int) -> FolderFiles:
    """The files under ``folder`` whose file name ``wanted`` accepts, looked at without
    opening any (see the module's words), stopping once more than ``limit`` are found
    (the caller refuses a folder that large), and the names of the others
    (`FolderFiles.others`). Never raises for one file that cannot be looked at: it is
    skipped, with its reason."""
    root = folder.resolve()
    found: list[Path] = []
    skipped: list[tuple[str, str]] = []
    others: list[str] = []

    def name_of(path: Path) -> str:
        return str(path.relative_to(folder))

    def unopened(error: OSError) -> None:  # a folder inside it (the chosen one opened)
        if error.filename is not None and Path(error.filename) != folder:
            skipped.append((name_of(Path(error.filename)), _why_unopened(error)))

    for place, folders, files in os.walk(folder, onerror=unopened, followlinks=False):
        here = Path(place)
        for name in folders:
            if (here / name).is_symlink():
                skipped.append((name_of(here / name), "a link to a folder, which is not followed"))
        hidden = any(part.startswith(".") for part in here.relative_to(folder).parts)
        for name in files:
            path = here / name
            if not wanted(name):
                if not hidden and not name.startswith("."):
                    others.append(name_of(path))
                continue
            why = _why_skipped(path, root)
            if why:
                skipped.append((name_of(path), why))
            else:
                found.append(path)
            if len(found) > limit:
                return FolderFiles(tuple(found), tuple(skipped), tuple(others))
    once = _once_each(found, skipped, name_of)
    return FolderFiles(once.found, once.skipped, tuple(others))


def _once_each(
    found: list[Path], skipped: list[tuple[str, str]], name_of: Callable[[Path], str]
) -> FolderFiles:
    """``found`` with each file read once: a link to a file also found (or a second
    hard link to it) is skipped, naming the file read: the file itself rather than a
    link to it, else the first by name. Break test 16 of session 12, finding 10: a
    note and two links to it (aliases some note apps and sync tools leave) were
    imported as three entries."""
    first: dict[tuple[int, int], Path] = {}
    # Files before links to them, then by name: the one kept is the same every time.
    for path in sorted(found, key=lambda p: (p.is_symlink(), name_of(p))):
        try:
            info = path.stat()
        except OSError:
            continue
        first.setdefault((info.st_dev, info.st_ino), path)
    kept: list[Path] = []
    for path in found:
        try:
            info = path.stat()
        except OSError:
            kept.append(path)
            continue
        original = first[(info.st_dev, info.st_ino)]
        if original == path:
            kept.append(path)
        else:
            skipped.append((name_of(path), f"the same file as “{name_of(original)}”, read once"))
    return FolderFiles(tuple(kept), tuple(skipped))


def _why_unopened(error: OSError) -> str:
    """Why a folder inside the chosen one was not looked into, in words: os.walk left
    it out without a word, and a folder Solace may not open was read as one holding no
    notes (break test 46, F4)."""
    if not_allowed(error):
        return "a folder Solace is not allowed to open (its permissions)"
    return f"a folder that could not be opened ({error.strerror or type(error).__name__})"


def _why_skipped(path: Path, root: Path) -> str:
    """Why ``path`` is not read, in words; "" when it is an ordinary file to read."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return "it could not be looked at"
    if not stat.S_ISLNK(mode):
        kind = kind_of(mode)
        return f"not an ordinary file: it is {kind}" if kind else ""
    try:
        target = path.resolve(strict=True)
        target_mode = target.stat().st_mode
    except (OSError, RuntimeError):
        return "a link that leads nowhere"
    if not target.is_relative_to(root):
        return "a link to a file outside the folder you chose"
    kind = kind_of(target_mode)
    return f"a link to something that is not an ordinary file ({kind})" if kind else ""


#: The names (before the first dot, in any case, "-" and "_" left out) that a folder's own
#: documentation goes by, never a journal entry's: a project's or a collection's
#: README, SOURCES, LICENSE, CHANGELOG, CONTRIBUTING and their kin.
FOLDER_NOTES = frozenset(
    {
        "readme",
        "sources",
        "license",
        "licence",
        "copying",
        "changelog",
        "contributing",
        "codeofconduct",
        "authors",
    }
)


def about_the_folder(name: str) -> bool:
    """Whether the file called ``name`` (a file name, or a path relative to the
    chosen folder) looks like notes about the folder rather than a journal entry:
    its name before the first dot is one of `FOLDER_NOTES`, in any case and with any
    extension, "-" and "_" aside ("README.md", "readme.markdown", "Sources.de.md",
    "Change-Log.md", "CODE_OF_CONDUCT.md").

    The rule is applied to a folder chosen for Import only, never to a file chosen on
    its own: a folder copied from somewhere often keeps its README.md or SOURCES.md
    at its top, beside the notes, and each was previewed as an entry dated by its
    file's modification time (today), with Import as the default button (issue 16
    break test of session 24, F4). Such a file is left out and named in the
    preview (`folder_notes_note`), so the person can still import it by choosing the
    file itself. Words such as "changes" or "notice" are not in the list: a person
    may well call a note that."""
    stem = Path(name).name.partition(".")[0]
    return stem.casefold().replace("-", "").replace("_", "") in FOLDER_NOTES


def folder_notes_note(names: tuple[str, ...]) -> str:
    """The preview's sentence naming the files `about_the_folder` left out (``names``,
    relative to the folder), and how to import one anyway; "" when none."""
    if not names:
        return ""
    shown = ", ".join(f"\u201c{name}\u201d" for name in names[:10])
    more = f" and {len(names) - 10:,} more" if len(names) > 10 else ""
    which = "which looks" if len(names) == 1 else "which look"
    one = "it" if len(names) == 1 else "one of them"
    return (
        f"Left out: {shown}{more}, {which} like notes about the folder, not journal "
        f"entries. To import {one}, choose that file on its own in Import."
    )


def skipped_note(skipped: tuple[tuple[str, str], ...]) -> str:
    """The preview's sentence naming every file skipped and why ("" when none)."""
    if not skipped:
        return ""
    shown = "; ".join(f"\u201c{name}\u201d ({why})" for name, why in skipped[:10])
    more = f"; and {len(skipped) - 10:,} more" if len(skipped) > 10 else ""
    verb = "was" if len(skipped) == 1 else "were"
    return f"{count(len(skipped), 'file', 'files')} {verb} skipped: {shown}{more}."
