"""Whether the journal is still exactly the kept backup a restore brought back.

A restore writes `SAME_AS` (the name of the backup folder it restored) into the
restored journal's settings: the journal then holds exactly what that backup holds.
Every connection Solace opens carries TEMP triggers (`watch_changes`, run in the
connection set-up of `journal.storage.lock.engine`) on every table of the journal,
which delete that setting in the same transaction as any change of a row, so it is
there exactly while nothing was written since the restore, whoever wrote it (an
entry, a body log, a mark, an import, a migration). Only bookkeeping is not a change
(`BOOKKEEPING_PREFIX`, `LAST_OPEN`: where backups and exports went, work cut short,
the entry open at the last lock), since a backup does not need to hold it.

Break test 16 of session 11, finding e: right after restoring backup B, Settings said
no backup held the journal, though B held it exactly. The same mark, read from a copy
kept aside before a restore, tells that the copy holds exactly a kept backup
(`journal.storage.safekeeping.status.note_same_as`), so the rotation can let it go.

TEMP triggers live in the connection, never in the file: the schema, its revisions
and every backup stay as they are, and a connection that does not set them up (none
of Solace's) would only make the journal read as changed, never as unchanged.
"""

from __future__ import annotations

from typing import Any

SAME_AS = "safekeeping.same_as"
# Settings that are not the journal's content: keys starting with these (where backups
# and exports went, work cut short: journal.storage.safekeeping) or equal to the entry
# open at the last lock (journal.ui.entries.area.LAST_OPEN, written at every lock).
BOOKKEEPING_PREFIX = "safekeeping"
LAST_OPEN = "entries/last_open"
SETTINGS_TABLE = "journal_settings"
_OPERATIONS = ("INSERT", "UPDATE", "DELETE")


def _content(row: str) -> str:
    """SQL: the settings row ``row`` (NEW or OLD) is content, not bookkeeping."""
    return (
        f"substr({row}.key, 1, {len(BOOKKEEPING_PREFIX)}) != '{BOOKKEEPING_PREFIX}' "
        f"AND {row}.key != '{LAST_OPEN}'"
    )


def watch_changes(cursor: Any) -> None:
    """Create, on the connection of the DB-API ``cursor``, the TEMP triggers that delete
    `SAME_AS` when any row of any table of the journal changes (virtual tables and
    their shadow tables are changed only through the tables they index; bookkeeping
    settings are not changes). Does nothing when the journal holds no `SAME_AS` mark
    (then there is nothing to end, and the triggers' cost, tens of milliseconds on a
    busy machine, is not paid at every opening), or has no settings table yet (a
    journal being created). A restore marks the journal closed, so every connection
    opened on it afterwards carries them."""
    rows = cursor.execute(
        "SELECT name, coalesce(sql, '') FROM main.sqlite_master WHERE type = 'table'"
    ).fetchall()
    names = {str(name) for name, _sql in rows}
    if SETTINGS_TABLE not in names:
        return
    marked = cursor.execute(
        f"SELECT 1 FROM {SETTINGS_TABLE} WHERE key = ? AND value != ''", (SAME_AS,)
    ).fetchone()
    if marked is None:
        return  # nothing to end: every journal not just restored opens as before
    virtual = [str(name) for name, sql in rows if str(sql).upper().startswith("CREATE VIRTUAL")]
    for name in sorted(names):
        if name.startswith("sqlite_") or name in virtual:
            continue
        if any(name.startswith(f"{table}_") for table in virtual):
            continue
        for operation in _OPERATIONS:
            when = ""
            if name == SETTINGS_TABLE:
                rows_of = {"INSERT": ("NEW",), "DELETE": ("OLD",), "UPDATE": ("NEW", "OLD")}
                when = "WHEN " + " OR ".join(f"({_content(r)})" for r in rows_of[operation])
            trigger = f'"solace_changed_{name}_{operation.lower()}"'
            cursor.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS {trigger} AFTER {operation} "
                f'ON main."{name}" {when} BEGIN '
                f"DELETE FROM {SETTINGS_TABLE} WHERE key = '{SAME_AS}'; END"
            )
