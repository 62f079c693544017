"""The word index's terms as a table, made once on each connection as it opens.

``temp.entries_fts_terms`` is an FTS5 ``fts5vocab`` table (sqlite.org/fts5.html,
"The fts5vocab Virtual Table Module") over ``main.entries_fts``: one row per term,
read by `journal.storage.entries.search.terms_starting` as a person types. It lives
in the connection's memory (``temp_store = MEMORY``), never in the file, and reads
the index as it is at each query: made before the index exists (a journal being
created) or kept while a migration makes the index again, it follows it.
"""

from __future__ import annotations

from typing import Any

TERMS_TABLE = "temp.entries_fts_terms"


def make_terms_table(cursor: Any) -> None:
    """Create `TERMS_TABLE` on the connection of the DB-API ``cursor`` (once, in the
    connection's set-up: `journal.storage.lock.engine`). Issue 12: it was created
    (``IF NOT EXISTS``) on every keystroke's search, a statement parsed and the
    schema looked up each time."""
    cursor.execute(f"CREATE VIRTUAL TABLE {TERMS_TABLE} USING fts5vocab(main, entries_fts, row)")
