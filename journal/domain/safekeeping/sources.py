"""Which importer reads a chosen file or folder, and the plan it makes.

Recognised by content, not by name alone: Solace's own ``journal.json``; Day One
JSON exports (the ``.zip`` or its JSON); jrnl's JSON export and its plain-text
journal; a RedNotebook data folder or backup zip (``YYYY-MM.txt`` month files);
a folder of Markdown files (or one file) with front matter. Anything else is
refused with a sentence saying why (`ImportRefused`).
"""

from __future__ import annotations

import json
from pathlib import Path

from journal.domain.safekeeping import solace_json
from journal.domain.safekeeping.imported import ImportPlan, ImportRefused

MAX_FILE_BYTES = 512 * 1024 * 1024  # far above any real export; refuses absurd files


def read_text(path: Path) -> str:
    """A file's text as UTF-8 (a byte-order mark removed). Raises `ImportRefused`."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportRefused("The file is too large to be a journal export.")
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(
            "The file is not text in UTF-8; it may not be a journal export."
        ) from error
    except OSError as error:
        raise ImportRefused("The file could not be read.") from error


def plan_for(path: Path) -> ImportPlan:
    """The import plan for ``path`` (a file or a folder). Raises `ImportRefused`."""
    if path.is_dir():
        raise ImportRefused("Solace cannot import this folder yet.")
    if path.suffix.lower() == ".json":
        text = read_text(path)
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImportRefused("The file is not valid JSON; it may be cut short.") from error
        if solace_json.looks_like(document):
            return solace_json.parse(text)
    raise ImportRefused("Solace does not recognise this file as a journal export it can read.")
