"""An export cut short: where it was writing, kept in the journal's encrypted settings,
and its plaintext deleted at the next unlock.

Kept apart from `journal.storage.safekeeping.export` so that every unlock can look
without importing the export's writers (Markdown, YAML: about 0.1-0.2 s, issue 12).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from journal.storage.database import Database

__all__ = ["UNFINISHED_EXPORT", "remove_unfinished_export"]

UNFINISHED_EXPORT = "safekeeping/unfinished_export"  # the .partial folder being written
_PARTIAL = re.compile(r"\.solace-export-[0-9-]+(?:-\d+)?\.partial")


def remove_unfinished_export(db: Database) -> Path | None:
    """Delete the plaintext an export left when it was cut short (the process killed,
    the power gone: break test 16, N7, 4,750 readable entries in a hidden folder of a
    USB stick). The export records its ``.partial`` folder in the journal's
    encrypted settings before writing and forgets it once done, so this finds it at
    the next unlock. Returns the folder that was deleted, or None when there was
    none. A place that is not there now (a stick taken out) is tried again at the
    next unlock; only a folder named as an export's ``.partial`` is ever deleted."""
    where = db.get_setting(UNFINISHED_EXPORT, "")
    if not where:
        return None
    partial = Path(where)
    if not partial.parent.is_dir():
        return None  # the place is not here now: try again next time
    removed = None
    if _PARTIAL.fullmatch(partial.name) and partial.is_dir():
        shutil.rmtree(partial, ignore_errors=True)
        removed = partial
    db.set_setting(UNFINISHED_EXPORT, "")
    return removed
