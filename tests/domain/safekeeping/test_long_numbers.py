"""A JSON export holding an integer too long for Python to convert is read, the number
kept as its digits (break test 16 of session 12, finding 2: a valid jrnl export with
one 5,000-digit number gave "Something went wrong on Solace's side … restarting
Solace usually helps")."""

from __future__ import annotations

from journal.domain.safekeeping.sources import plan_for

LONG = "9" * 5000


def test_a_jrnl_export_with_a_very_long_number_is_read(tmp_path):
    export = tmp_path / "journal.json"
    export.write_text(
        '{"tags": {}, "id": ' + LONG + ', "entries": [{"date": "2020-01-01", "time": "10:00", '
        '"title": "Kept", "body": "Every word.", "tags": [], "starred": false}]}',
        encoding="utf-8",
    )
    (entry,) = plan_for(export).entries
    assert entry.title == "Kept" and entry.body == "Every word."
