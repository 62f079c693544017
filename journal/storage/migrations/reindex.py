"""Rebuilding the journal's search indexes after the folding of words changed.

A change to `journal.storage.word_forms.search_fold` changes what the word index and
the pairs index hold for the same text, so a migration that brings it (0014 Arabic
letters, 0015 Persian and Urdu letters) rebuilds both from the bodies: the word index
through its view (``solace_index_body``), so it holds exactly what its triggers will
remove again when an entry changes, and the pairs index written again for every entry,
as 0013 wrote it.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

from journal.storage.ngrams import index_grams

# Entries read at a time while the pairs index is written again.
BATCH = 500


def reindex_search() -> None:
    """Rebuild the word index and write the pairs index again with today's folding, on
    the migration's connection (Alembic's ``op``). Costs one pass over every body."""
    op.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
    rewrite_grams(index_grams)


def rewrite_grams(make: Callable[[str, str, str], str]) -> None:
    """Empty the pairs index and write it again for every entry, ``BATCH`` entries at a
    time, with ``make(title, body, tags)`` (an entry whose text makes none gets no row)."""
    op.execute("INSERT INTO entries_grams(entries_grams) VALUES ('delete-all')")
    connection = op.get_bind()
    last = -1
    while True:
        rows = connection.execute(
            sa.text(
                "SELECT seq, title, solace_unpack(body), tags FROM entries WHERE seq > :last "
                "ORDER BY seq LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            break
        values = [
            {"seq": seq, "grams": grams}
            for seq, title, body, tags in rows
            if (grams := make(title or "", body or "", tags or ""))
        ]
        if values:
            connection.execute(
                sa.text("INSERT INTO entries_grams(rowid, grams) VALUES (:seq, :grams)"), values
            )
        last = rows[-1][0]
