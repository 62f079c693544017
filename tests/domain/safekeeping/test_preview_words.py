"""What an import's preview or refusal says names what is really there (break test
16, S5 and S8)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from journal.domain.safekeeping import dayone
from journal.domain.safekeeping.imported import ImportRefused
from journal.domain.safekeeping.sources import plan_for
from tests.shared_files import SAMPLES

PARTIAL = SAMPLES / "jrnl-text" / "partial-dates.journal"


@pytest.mark.skipif(not PARTIAL.is_file(), reason="the shared samples are not here")
def test_a_jrnl_header_whose_date_cannot_be_read_is_named_in_the_preview():
    """S5: "[2019-07 14:23] The third entry" was folded into the entry before, unsaid."""
    plan = plan_for(PARTIAL)
    assert len(plan.entries) == 2
    (note,) = plan.notes
    assert note.startswith("1 line looks like the start of an entry")
    assert "“[2019-07 14:23] The third entry”" in note
    assert "kept in the text of the entry before" in note
    assert "[2019-07 14:23] The third entry" in plan.entries[1].body  # no word dropped


def test_a_day_one_zip_whose_journal_is_too_large_says_so(tmp_path, monkeypatch):
    """S8: it said "The zip archive holds no Day One journal" of a journal too large."""
    monkeypatch.setattr(dayone, "MAX_ZIP_MEMBER_BYTES", 1024 * 1024)
    document = {"metadata": {"version": "1.0"}, "entries": [{"text": "x" * 2 * 1024 * 1024}]}
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Journal.json", json.dumps(document))
    path = tmp_path / "export.zip"
    path.write_bytes(data.getvalue())
    with pytest.raises(ImportRefused) as refused:
        plan_for(path)
    said = str(refused.value)
    assert "“Journal.json” is too large for Solace to read" in said
    assert "holds no Day One journal" not in said
