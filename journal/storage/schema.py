"""All ORM models in one metadata, for Alembic's comparisons and the tests.

Each area of the app keeps its models in its own module, listed here.
"""

from __future__ import annotations

import importlib
import importlib.util

from sqlalchemy import MetaData

from journal.storage.base import Base

MODEL_MODULES: tuple[str, ...] = (
    "journal.storage.models",
    "journal.storage.entry_models",
    "journal.storage.library_models",
    "journal.storage.body_models",
)


def metadata() -> MetaData:
    for name in MODEL_MODULES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
    return Base.metadata
