"""All ORM models in one metadata, for Alembic's comparisons and the tests."""

from __future__ import annotations

from sqlalchemy import MetaData

from journal.storage.base import Base


def metadata() -> MetaData:
    """Every area's models, registered on the shared base by importing them."""
    from journal.storage import models  # noqa: F401
    from journal.storage.body import models as body_models  # noqa: F401
    from journal.storage.entries import models as entry_models  # noqa: F401
    from journal.storage.library import models as library_models  # noqa: F401
    from journal.storage.together import models as together_models  # noqa: F401

    return Base.metadata
