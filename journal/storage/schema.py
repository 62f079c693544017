"""All ORM models in one metadata, for Alembic's comparisons and the tests.

Each area of the app adds its models module to `MODEL_MODULES`.
"""

from __future__ import annotations

import importlib

from sqlalchemy import MetaData

from journal.storage.base import Base

MODEL_MODULES: tuple[str, ...] = ("journal.storage.models",)


def metadata() -> MetaData:
    for name in MODEL_MODULES:
        importlib.import_module(name)
    return Base.metadata
