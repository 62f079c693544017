"""Couple-prompt answers and remembered warning signs brought in without a zone (an
export of a Solace of before 0025) take the zone of the journal's nearest zoned
record, as migration 0025 gives the journal's own (issue 9, fid17 finding 1); one
that comes with its zone keeps it. Real SQLCipher journal in tmp_path."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

from journal.domain.entries.entry import new_entry
from journal.domain.safekeeping import solace_json
from journal.storage.entries.repository import EntryRepository
from journal.storage.safekeeping.importer import apply
from tests.time_zones import in_zone

NEW_YORK = "America/New_York"


def test_an_export_of_an_older_solace_gives_answers_and_signs_a_zone(journal):
    written = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
    entry = dataclasses.replace(new_entry(written), body="ours", zone=NEW_YORK)
    EntryRepository(journal.db).save(entry)
    document = {
        "format": solace_json.FORMAT,
        "version": solace_json.FORMAT_VERSION,
        "entries": [],
        "tables": {
            "couple_answers": [
                {
                    "prompt_id": "couple-miss-most",
                    "writer": 1,
                    "state": "answered",
                    "text": "the plans",
                    "updated_at": "2026-11-02T02:02:00+00:00",
                },
                {
                    "prompt_id": "couple-more-of",
                    "writer": 1,
                    "state": "answered",
                    "text": "walks",
                    "updated_at": "2026-11-02T02:02:00+00:00",
                    "zone": "Europe/Berlin",
                },
            ],
            "body_signs": [
                {
                    "key": "fever:l1",
                    "sign": "fever",
                    "evidence_at": "2026-11-02T02:02:00+00:00",
                    "raised_at": "2026-11-02T02:03:00+00:00",
                }
            ],
        },
    }
    plan = solace_json.parse(json.dumps(document))
    assert apply(journal, plan, backup=False).rows == 3
    with in_zone("Asia/Kolkata"), journal.db.engine.connect() as connection:
        answers = connection.exec_driver_sql(
            "SELECT prompt_id, zone FROM couple_answers ORDER BY prompt_id"
        ).all()
        signs = connection.exec_driver_sql("SELECT zone FROM body_signs").scalars().all()
    assert [tuple(a) for a in answers] == [
        ("couple-miss-most", NEW_YORK),
        ("couple-more-of", "Europe/Berlin"),
    ]
    assert signs == [NEW_YORK]
