"""Alembic environment: always online, on the connection Solace hands over.

There is no database URL anywhere: the connection is keyed before Alembic sees it.
"""

from alembic import context

from journal.storage.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata(),
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
