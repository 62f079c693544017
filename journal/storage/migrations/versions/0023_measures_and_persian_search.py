"""Search reads measurements and Persian words one way however they are typed (issue 9).

* The pairs index holds each measurement in one spelling, whatever way it was typed
  ("39C", "38,5 °C", "102F", "39 degrees", "ºC": ``journal.storage.measures``), and
  each decimal number ("38.5"), so that "°F" finds "102F" and "38.5°C" no longer finds
  "38 °C" (break test 9 of session 15, finding 9).
* `journal.domain.common.letters.search_fold` now reads Persian and Arabic-Indic digits
  as ASCII digits, the half-space (ZWNJ) as nothing and the teh marbuta goal ۃ as ه
  (finding 5).
* A ``#tag`` keeps its half-space (``#غم‌ها`` was stored as غم), and tags that differ
  only by what search folds (ی/ي, ک/ك) are one tag, spelled as the first written
  (``journal.domain.entries.tags``; finding 4).

So every entry whose body holds a half-space gains the tags its body holds by today's
reading and its row does not (the cut tag it had is kept: it may be in use; a body
without a half-space reads as before), each tag is spelled as the journal's
first entry holding one like it spelled it, and both search indexes are rebuilt from
the bodies (`journal.storage.migrations.reindex.reindex_search`). No entry's text or
time changes. A snapshot is taken before any migration of an existing journal.

Revision ID: 0023_measures_and_persian_search
Revises: 0019_bold_italic_headlines (the entries branch)
"""

import sqlalchemy as sa
from alembic import op

from journal.domain.entries.tags import hashtags_in_order, one_spelling
from journal.storage.migrations.reindex import reindex_search

revision = "0023_measures_and_persian_search"
down_revision = "0019_bold_italic_headlines"
branch_labels = None
depends_on = None

BATCH = 500
JOIN = "\n"  # entries.tags holds the tags newline-joined (journal.storage.entries.repository)


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: the tags
    (see the module's notes), then both search indexes."""
    connection = op.get_bind()
    known: dict[str, None] = {}  # the journal's tags so far, oldest entry first
    after: tuple[str, int] = ("", -1)
    while True:
        rows = connection.execute(
            sa.text(
                "SELECT seq, created_at, tags, CASE WHEN instr(solace_unpack(body), :zwnj) "
                "THEN solace_unpack(body) END FROM entries "
                "WHERE (created_at, seq) > (:created, :seq) ORDER BY created_at, seq "
                "LIMIT :batch"
            ),
            {"created": after[0], "seq": after[1], "batch": BATCH, "zwnj": "\u200c"},
        ).all()
        if not rows:
            break
        for seq, _created, tags, body in rows:
            kept = [tag for tag in str(tags or "").split(JOIN) if tag]
            written = hashtags_in_order(body) if body else []
            now = list(one_spelling([*kept, *written], known))
            known.update(dict.fromkeys(now))
            if now == kept:
                continue
            connection.execute(
                sa.text("UPDATE entries SET tags = :tags WHERE seq = :seq"),
                {"tags": JOIN.join(now), "seq": seq},
            )
            connection.execute(
                sa.text("DELETE FROM entry_tags WHERE entry_seq = :seq"), {"seq": seq}
            )
            connection.execute(
                sa.text("INSERT INTO entry_tags (entry_seq, tag) VALUES (:seq, :tag)"),
                [{"seq": seq, "tag": tag} for tag in now],
            )
        after = (str(rows[-1][1]), int(rows[-1][0]))
    reindex_search()


def downgrade() -> None:
    """Alembic's step back: the indexes are built again by the code that runs it (an
    earlier app refuses a newer journal, so only this app steps back); the tags added
    are the bodies' own and stay."""
    reindex_search()
