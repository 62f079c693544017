"""All ORM models in one metadata, for Alembic's comparisons and the tests."""

from __future__ import annotations

from sqlalchemy import MetaData

from journal.storage.base import Base


def metadata() -> MetaData:
    """Every area's models, registered on the shared base by importing them."""
    from journal.storage import body_models, entry_models, library_models, models  # noqa: F401

    return Base.metadata
