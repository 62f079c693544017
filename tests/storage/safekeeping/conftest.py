"""Fixtures shared by the Safekeeping storage tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.storage.safekeeping.status import back_up_to
from tests.storage.safekeeping.helpers import write_entries


@pytest.fixture
def real_backup(journal, tmp_path) -> Path:  # type: ignore[no-untyped-def]
    """A real backup file of the ``journal`` fixture with 20 entries, on a "usb" folder."""
    write_entries(journal, 20)
    place = tmp_path / "usb"
    place.mkdir()
    return back_up_to(journal, place / "real.solacebackup")
