"""An import spells each tag as the journal already spells its kind: tags that differ
only by what search folds (Persian ی and ک beside the Arabic ي and ك, with or without
the half-space: `tags.tag_key`) are one tag in the journal, spelled as first written
(`tags.one_spelling`), whichever app they come from: Day One, jrnl, RedNotebook,
Markdown, or Solace's own export. Real SQLCipher journal; small source files made here
in the samples' formats (/work/shared/import-samples/)."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.domain.entries.entry import new_entry
from journal.domain.safekeeping.imported import preview
from journal.domain.safekeeping.sources import plan_for
from journal.storage.entries.repository import EntryRepository
from journal.storage.safekeeping.importer import apply, existing_ids

PERSIAN = ("کتاب", "یاد", "غم\u200cها")  # keheh, Farsi yeh, a half-space: as first written
ARABIC = ("كتاب", "ياد", "غمها")  # the same tags typed on an Arabic keyboard

SOURCES = {
    "dayone.json": json.dumps(
        {
            "metadata": {"version": "1.0"},
            "entries": [
                {
                    "uuid": "2F8DDCA258634D9994DF3A4FEE328035",
                    "creationDate": "2024-05-02T09:00:00Z",
                    "timeZone": "Asia/Tehran",
                    "text": "Today I read again.",
                    "tags": list(ARABIC),
                }
            ],
        },
        ensure_ascii=False,
    ),
    "old.journal": "[2024-05-02 10:00] Today I read again.\n\n"
    + " ".join(f"@{tag}" for tag in ARABIC[:2])
    + f" #{ARABIC[2]}\n",
    "2024-05.txt": "2:\n  text: Today I read again.\n  Tags: {"
    + ", ".join(f"{tag}: null" for tag in ARABIC)
    + "}\n",
    "note.md": "---\ntitle: Read again\ncreated: 2024-05-02 10:00\ntags: ["
    + ", ".join(ARABIC)
    + "]\n---\n\nToday I read again.\n",
}


def _journal_tags(journal) -> set[str]:  # type: ignore[no-untyped-def]
    with journal.db.engine.connect() as connection:
        return {tag for (tag,) in connection.exec_driver_sql("SELECT tag FROM entry_tags")}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_an_import_spells_its_tags_as_the_journal_does(journal, tmp_path: Path, name: str):
    first = dataclasses.replace(
        new_entry(datetime(2024, 5, 1, 8, 0, tzinfo=UTC)), body="Written here.", tags=PERSIAN
    )
    EntryRepository(journal.db).save(first)
    source = tmp_path / name
    source.write_text(SOURCES[name], encoding="utf-8")
    plan = plan_for(source)
    assert plan.entries, plan.notes
    said = preview(plan, existing_ids(journal.db))
    assert said.new == 1
    assert not [n for n in said.notes if "tag" in n.lower()]  # nothing said of them
    apply(journal, plan, backup=False)
    assert _journal_tags(journal) == set(PERSIAN)
    (imported,) = [
        found
        for entry in plan.entries
        if (found := EntryRepository(journal.db).get(entry.id)) is not None
    ]
    assert set(imported.tags) == set(PERSIAN)
    assert "Today I read again." in imported.title + imported.body  # as written


def test_within_one_import_the_oldest_entry_spells_a_new_tag(journal, tmp_path: Path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "later.md").write_text(
        "---\ncreated: 2024-05-03 10:00\ntags: [یاد]\n---\n\nLater.\n", encoding="utf-8"
    )
    (notes / "earlier.md").write_text(
        "---\ncreated: 2024-05-02 10:00\ntags: [ياد]\n---\n\nEarlier.\n", encoding="utf-8"
    )
    apply(journal, plan_for(notes), backup=False)
    assert _journal_tags(journal) == {"ياد"}


def test_a_jrnl_tag_with_a_half_space_is_whole(journal, tmp_path: Path):
    """jrnl's ``@tags`` read as a ``#tag`` is: the half-space (ZWNJ) of غم‌ها and
    می‌خواهم is inside the tag, not its end (break test 9 of session 15, finding 4:
    the tag was cut to غم and می)."""
    source = tmp_path / "half.journal"
    source.write_text(
        "[2024-05-02 10:00] Tonight.\n\n@غم\u200cها and @می\u200cخواهم\n", encoding="utf-8"
    )
    apply(journal, plan_for(source), backup=False)
    assert _journal_tags(journal) == {"غم\u200cها", "می\u200cخواهم"}
