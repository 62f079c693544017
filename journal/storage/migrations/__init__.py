"""Alembic migrations, run from code on the already keyed connection."""
