"""Stored headlines keep every backslash the first line holds.

A headline made from a body line took the backslash before punctuation off as
Markdown's escape (``¯\\_(ツ)_/¯`` was listed as ``¯_(ツ)_/¯``, ``\\\\server`` as
``\\server``) while the entry itself kept it; today's rule
(`journal.domain.entries.markup.hidden`) keeps it, as the editor shows it (break test
9 of session 20, finding 1). Each entry keeps its headline in the ``headline`` column,
written at save, so an entry saved before would keep the old headline until saved
again. Only the headline of an entry whose body holds a backslash can differ (a
title was always shown as typed): those are made again with `make_headline` and
written only when they differ; one pass over the bodies. No text, time or tag changes. A
snapshot is taken before any migration of an existing journal.

Revision ID: 0026_backslash_headlines
Revises: 0023_measures_and_persian_search (the entries branch)
"""

from journal.storage.migrations.headlines import remake_headlines

revision = "0026_backslash_headlines"
down_revision = "0023_measures_and_persian_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Alembic's step up to this revision, on the open journal's connection: each
    headline of an entry whose body holds a backslash is made again from its title and
    body, and written when today's rule makes another."""
    remake_headlines(body_may_differ=lambda text: "\\" in text)


def downgrade() -> None:
    """Nothing to undo: a headline that keeps its backslashes is right for the earlier
    revision too."""
