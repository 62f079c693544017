"""One export, one timestamp format (break test 10 of session 15, finding 8: body-log.csv
said ``2026-12-02T01:46:35Z``, journal.json ``2026-12-02T01:46:35.684000+00:00`` for the
same log, the Markdown front matter ``…37.725000+00:00``). Every moment in every file of
the export is RFC 3339 UTC to the millisecond, and Solace's own JSON reads back, both
as written now and as written before (offsets, microseconds)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from journal.domain.body.log import BleedingLevel, BodyLog, PadChange, PadKind, Soaking
from journal.domain.entries.entry import Entry
from journal.domain.safekeeping import solace_json
from journal.storage import migrate
from journal.storage.body.repository import BodyRepository
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.export import export_journal
from journal.storage.safekeeping.importer import apply
from tests.conftest import PASSPHRASE

MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
ANY_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
AT = datetime(2026, 12, 2, 1, 46, 35, 684_000, tzinfo=UTC)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _fill(journal) -> None:  # type: ignore[no-untyped-def]
    EntryRepository(journal.db).save(
        Entry(
            id="00000000-0000-4000-8000-000000000001",
            created_at=AT - timedelta(minutes=2, seconds=1, milliseconds=959),
            updated_at=AT,
            title="Morning",
            body="Quiet.",
            zone="Europe/Berlin",
        )
    )
    body = BodyRepository(journal.db)
    body.save_log(
        BodyLog(
            "log-1",
            AT,
            BleedingLevel.LIGHT,
            cramping=3,
            pain_relief="paracetamol",
            pain_relief_at=AT - timedelta(minutes=30),
        )
    )
    body.save_pad_change(PadChange("pad-1", AT, PadKind.THICK, Soaking.PARTLY))


def test_every_moment_of_the_export_is_rfc3339_utc_to_the_millisecond(journal, tmp_path):
    _fill(journal)
    folder = export_journal(journal.db, tmp_path, ["x"]).folder

    document = json.loads((folder / "journal.json").read_text(encoding="utf-8"))
    json_times = [s for s in _strings(document) if ANY_TIME.match(s)]
    rows = list(csv.DictReader(io.StringIO((folder / "body-log.csv").read_text("utf-8"))))
    csv_times = [r[c] for r in rows for c in ("time_utc", "pain_relief_time_utc") if r[c]]
    (markdown,) = (folder / "entries").iterdir()
    front = markdown.read_text(encoding="utf-8").split("---")[1]
    md_times = [line.split(": ", 1)[1] for line in front.splitlines() if ANY_TIME.search(line)]

    assert len(csv_times) == 3 and len(md_times) == 2 and len(json_times) >= 5
    for moment in json_times + csv_times + md_times:
        assert MOMENT.match(moment), moment
    # The same log, the same text in the CSV and in the JSON.
    (log_row,) = document["tables"]["body_logs"]
    assert log_row["logged_at"] == rows[0]["time_utc"] == "2026-12-02T01:46:35.684Z"
    assert md_times == ["2026-12-02T01:44:33.725Z", "2026-12-02T01:46:35.684Z"]
    assert 'zone: "Europe/Berlin"' in front  # its wall clock there can still be told


def _old_style(value: Any) -> Any:
    """journal.json as Solace wrote it before: ``…35.684000+00:00``."""
    if isinstance(value, str) and MOMENT.match(value):
        return datetime.fromisoformat(value).isoformat()
    if isinstance(value, dict):
        return {k: _old_style(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_old_style(v) for v in value]
    return value


def test_solace_json_written_now_and_before_reads_back_the_same(tmp_path: Path):
    store = JournalStore(tmp_path / "data")
    source, _ = store.create("From", PASSPHRASE, LIGHT_KDF)
    _fill(source)
    folder = export_journal(
        source.db, tmp_path, sorted(migrate.current_revisions(source.db.engine))
    ).folder
    text = (folder / "journal.json").read_text(encoding="utf-8")
    old = json.dumps(_old_style(json.loads(text)))
    assert "+00:00" in old and ".684000" in old
    expected_entry = EntryRepository(source.db).get("00000000-0000-4000-8000-000000000001")
    expected_logs = BodyRepository(source.db).logs()
    for name, written in (("new", text), ("old", old)):
        target, _ = store.create(name, PASSPHRASE, LIGHT_KDF)
        apply(target, solace_json.parse(written), keep_shared=True)
        assert EntryRepository(target.db).get(expected_entry.id) == expected_entry  # type: ignore[union-attr]
        assert BodyRepository(target.db).logs() == expected_logs
        assert BodyRepository(target.db).pad_changes() == BodyRepository(source.db).pad_changes()
        target.lock()
    source.lock()
