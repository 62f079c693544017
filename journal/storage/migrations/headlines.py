"""Making stored headlines again after the rule that makes them changed.

Until 0031 each entry kept its headline in the ``headline`` column, written at save,
so a change to `journal.domain.entries.entry.make_headline` (what a headline takes off
a line) reached an entry saved before only through a migration: 0019 (bold italic) and
0026 (backslashes) make again the headlines the change can alter, and write those that
differ; 0031's downgrade makes every one again. No text, time or tag changes. Since
0031 a headline is made when it is read (`journal.storage.types.stored_headline`).
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

from journal.domain.entries.entry import make_headline
from journal.storage.types import unpack_text

# Entries read at a time; each body is read on its own, so a batch of long entries
# never sits in memory at once.
BATCH = 500


def remake_headlines(
    may_differ: str = "1", body_may_differ: Callable[[str], bool] | None = None
) -> None:
    """Make again, on the migration's connection (Alembic's ``op``), the headline of
    each entry whose row matches the SQL condition ``may_differ`` and, when given,
    whose body text ``body_may_differ`` accepts; write it where today's rule makes
    another. One pass over the rows that match, in batches of `BATCH`."""
    connection = op.get_bind()
    last = -1
    while True:
        rows = connection.execute(
            sa.text(
                f"SELECT seq, headline, title FROM entries WHERE seq > :last AND {may_differ}"
                " ORDER BY seq LIMIT :batch"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            break
        for seq, headline, title in rows:
            (body,) = connection.execute(
                sa.text("SELECT body FROM entries WHERE seq = :seq"), {"seq": seq}
            ).one()
            text = unpack_text(body) or ""
            if body_may_differ is not None and not body_may_differ(text):
                continue
            made = make_headline(title or "", text)
            if made != headline:
                connection.execute(
                    sa.text("UPDATE entries SET headline = :headline WHERE seq = :seq"),
                    {"headline": made, "seq": seq},
                )
        last = rows[-1][0]
