"""The names Solace gives what it writes outside its data folder, in one place.

Such files end up on a shared USB stick, in a synced folder, in a recent-files list or
a printer queue, where anyone may read their names. So every name is neutral (issue
16: "file names are neutral"; break test 16 of session 11, finding g): a date and a
plain word, never the app's name (known to be about miscarriage) nor the subject.

* a backup file written to a place she chooses: ``journal-YYYY-MM-DD.backup``;
* the export folder: ``journal-export-YYYY-MM-DD`` (``-2``, ``-3``... when taken);
  inside it ``journal.json``, ``body-log.csv`` and ``entries/<date>_<n>.md``;
* the body log's summary for a doctor and its CSV: ``health-summary.pdf`` and
  ``health-log.csv``;
* the latest words, sealed, when the disk was full at a lock and she chose another
  place for them: ``unsaved words.sealed`` (it was "Solace unsaved words.sealed").

Backup files named before (``.solacebackup``) are still recognised and offered by the
file dialogs; any file she picks is judged by its content, never by its name.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

BACKUP_SUFFIX = ".backup"
OLD_BACKUP_SUFFIX = ".solacebackup"  # written until session 12; still read
BACKUP_FILTER = "Backups (*.backup *.solacebackup);;All files (*)"
EXPORT_PREFIX = "journal-export-"
OLD_EXPORT_PREFIX = "solace-export-"  # its unfinished .partial folders are still tidied
HEALTH_SUMMARY_PDF = "health-summary.pdf"
HEALTH_LOG_CSV = "health-log.csv"
HELD_WORDS_FILE = "unsaved words.sealed"


def backup_file_name(day: date) -> str:
    """The name offered for a backup file made on the local ``day``:
    "journal-2026-12-01.backup"."""
    return f"journal-{day.isoformat()}{BACKUP_SUFFIX}"


def with_backup_suffix(target: Path) -> Path:
    """``target`` as a backup file: kept as it is when it ends with `BACKUP_SUFFIX` or
    `OLD_BACKUP_SUFFIX` (a name she chose), else with `BACKUP_SUFFIX` added."""
    if target.suffix in (BACKUP_SUFFIX, OLD_BACKUP_SUFFIX):
        return target
    return target.with_name(target.name + BACKUP_SUFFIX)


def export_folder_name(day: date) -> str:
    """The name of the folder an export made on the local ``day`` is written into
    (before a number is added when it is taken): "journal-export-2026-12-01"."""
    return f"{EXPORT_PREFIX}{day.isoformat()}"
