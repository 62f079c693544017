"""Tags written after a line of backticks or tildes are recorded (issue 9).

The ``#tags`` of a body were read with a rule of their own: a line starting with
```` ``` ```` or ``~~~`` opened a code block that hid every tag after it, and a code
span could run across lines. The editor has neither (it shows those lines as text),
so "~~~ 12 weeks ~~~" above "#grief came back today" left the entry without its tag
(break test 9 of session 14, finding 1). `journal.domain.entries.tags.extract_hashtags`
now reads code spans as the editor does; this step adds to every entry already saved
the tags its body holds by that reading and its row does not, in ``entries.tags``,
``entry_tags`` and the pairs index, as `EntryRepository.save` writes them. Only bodies
holding a backtick or a tilde can gain one; no tag is taken away (a tag the rule no
longer reads may have been typed in the tag field too), and no entry's time changes.
A snapshot is taken before any migration of an existing journal.

Revision ID: 0016_tags_read_as_the_editor
Revises: 0015_persian_letters
"""

import sqlalchemy as sa
from alembic import op

from journal.domain.entries.tags import extract_hashtags
from journal.storage.ngrams import index_grams

revision = "0016_tags_read_as_the_editor"
down_revision = "0015_persian_letters"
branch_labels = None
depends_on = None

BATCH = 500
JOIN = "\n"  # entries.tags holds the tags newline-joined (journal.storage.entries.repository)


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection."""
    connection = op.get_bind()
    last = -1
    while True:
        rows = connection.execute(
            sa.text(
                "SELECT seq, title, body, tags FROM (SELECT seq, title, solace_unpack(body) "
                "AS body, tags FROM entries WHERE seq > :last ORDER BY seq LIMIT :batch) "
                "WHERE instr(body, '`') OR instr(body, '~')"
            ),
            {"last": last, "batch": BATCH},
        ).all()
        more = connection.execute(
            sa.text(
                "SELECT max(seq) FROM (SELECT seq FROM entries WHERE seq > :last "
                "ORDER BY seq LIMIT :batch)"
            ),
            {"last": last, "batch": BATCH},
        ).scalar()
        for seq, title, body, tags in rows:
            kept = [tag for tag in str(tags or "").split(JOIN) if tag]
            added = sorted(extract_hashtags(body or "") - set(kept))
            if not added:
                continue
            joined = JOIN.join([*kept, *added])
            connection.execute(
                sa.text("UPDATE entries SET tags = :tags WHERE seq = :seq"),
                {"tags": joined, "seq": seq},
            )
            connection.execute(
                sa.text("INSERT INTO entry_tags (entry_seq, tag) VALUES (:seq, :tag)"),
                [{"seq": seq, "tag": tag} for tag in added],
            )
            connection.execute(
                sa.text("DELETE FROM entries_grams WHERE rowid = :seq"), {"seq": seq}
            )
            grams = index_grams(title or "", body or "", joined)
            if grams:
                connection.execute(
                    sa.text("INSERT INTO entries_grams(rowid, grams) VALUES (:seq, :grams)"),
                    {"seq": seq, "grams": grams},
                )
        if more is None:
            break
        last = int(more)


def downgrade() -> None:
    """Alembic's step back: nothing to undo (the tags added are the body's own)."""
