"""Two entries of one file with one id each come in, and the preview says what is
already in the journal only of what is (break test 46, F2: two Day One entries with
one uuid came in as one, and the preview called the other "already in your journal"
of a journal that had never held either). Real SQLCipher journal; Day One and
Solace export files made here in the samples' formats."""

from __future__ import annotations

import json
from pathlib import Path

from journal.domain.safekeeping.imported import preview
from journal.domain.safekeeping.sources import plan_for
from journal.storage.entries.repository import EntryRepository
from journal.storage.safekeeping.importer import apply, existing_ids


def _day_one(path: Path, *entries: tuple[str, str, str] | dict[str, object]) -> Path:
    path.write_text(
        json.dumps(
            {
                "metadata": {"version": "1.0"},
                "entries": [
                    entry
                    if isinstance(entry, dict)
                    else {"uuid": entry[0], "creationDate": entry[1], "text": entry[2]}
                    for entry in entries
                ],
            }
        ),
        encoding="utf-8",
    )
    return path


def _bodies(journal) -> list[str]:  # type: ignore[no-untyped-def]
    repository = EntryRepository(journal.db)
    summaries, _ = repository.summaries(50)
    return sorted(
        entry.body.strip()
        for summary in summaries
        if (entry := repository.get(summary.id)) is not None
    )


def test_two_entries_with_one_uuid_both_come_in(journal, tmp_path: Path):  # type: ignore[no-untyped-def]
    source = _day_one(
        tmp_path / "two.json",
        ("A", "2020-01-01T00:00:00Z", "first"),
        ("A", "2020-01-02T00:00:00Z", "second"),
    )
    plan = plan_for(source)
    said = preview(plan, existing_ids(journal.db))
    assert (said.new, said.duplicates) == (2, 0)
    assert not [note for note in said.notes if "already" in note]
    apply(journal, plan, backup=False)
    assert _bodies(journal) == ["first", "second"]
    # The same file again adds nothing: the second's id is the same at every import.
    again = preview(plan_for(source), existing_ids(journal.db))
    assert (again.new, again.duplicates) == (0, 2)


def test_an_entry_repeated_word_for_word_comes_in_once_and_is_said(journal, tmp_path: Path):  # type: ignore[no-untyped-def]
    source = _day_one(
        tmp_path / "repeat.json",
        ("A", "2020-01-01T00:00:00Z", "the same words"),
        ("A", "2020-01-01T00:00:00Z", "the same words"),
        ("B", "2020-01-03T00:00:00Z", "another day"),
    )
    plan = plan_for(source)
    said = preview(plan, existing_ids(journal.db))
    assert (said.new, said.duplicates) == (2, 0)
    assert "1 entry appears twice in the file, the same both times: it comes in once." in (
        said.notes
    )
    apply(journal, plan, backup=False)
    assert _bodies(journal) == ["another day", "the same words"]


def test_a_repeat_of_the_second_kind_of_an_id_comes_in_once(journal, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Re-test 46, N2: it was compared with the first entry of its id only."""
    source = _day_one(
        tmp_path / "three.json",
        ("A", "2020-01-01T00:00:00Z", "first version"),
        ("A", "2020-01-02T00:00:00Z", "second version"),
        ("A", "2020-01-02T00:00:00Z", "second version"),
    )
    said = preview(plan_for(source), existing_ids(journal.db))
    assert (said.new, said.duplicates) == (2, 0)
    apply(journal, plan_for(source), backup=False)
    assert _bodies(journal) == ["first version", "second version"]


def test_entries_that_differ_only_by_their_tags_and_star_both_come_in(journal, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Re-test 46, N3: the second was left out as "word for word", its tags and star lost."""
    words = {"uuid": "A", "creationDate": "2020-01-01T00:00:00Z", "text": "tags differ"}
    source = _day_one(
        tmp_path / "tags.json",
        {**words, "tags": ["first"]},
        {**words, "tags": ["bleeding-day", "important"], "starred": True},
    )
    plan = plan_for(source)
    said = preview(plan, existing_ids(journal.db))
    assert (said.new, said.duplicates) == (2, 0)
    assert not [note for note in said.notes if "the same" in note]
    apply(journal, plan, backup=False)
    repository = EntryRepository(journal.db)
    tags = sorted(
        tuple(sorted(found.tags))
        for entry in plan.entries
        if (found := repository.get(entry.id)) is not None
    )
    assert tags == [("bleeding-day", "important", "starred"), ("first",)]


def test_a_later_export_with_an_entry_more_under_one_id_adds_only_that_one(journal, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Re-test 46b, P5: ids numbered by place shifted when an entry came before the
    others, and the new entry's words were dropped as "already in your journal"."""
    first = ("A", "2020-01-01T00:00:00Z", "the first day")
    second = ("A", "2020-01-03T00:00:00Z", "another day")
    apply(journal, plan_for(_day_one(tmp_path / "then.json", first, second)), backup=False)
    new = ("A", "2020-01-02T00:00:00Z", "the night I could not stop crying")
    later = plan_for(_day_one(tmp_path / "later.json", new, first, second))
    said = preview(later, existing_ids(journal.db))
    assert (said.new, said.duplicates) == (1, 2)
    apply(journal, later, backup=False)
    assert _bodies(journal) == ["another day", "the first day", "the night I could not stop crying"]


def test_entries_alike_but_for_tag_order_or_last_change_come_in_once(journal, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Re-test 46b, P6: Solace keeps tags as a set and shows no date of last change."""
    words = {"uuid": "A", "creationDate": "2020-01-01T00:00:00Z", "text": "alike"}
    source = _day_one(
        tmp_path / "alike.json",
        {**words, "tags": ["a", "b"], "modifiedDate": "2020-01-01T00:00:00Z"},
        {**words, "tags": ["b", "a"], "modifiedDate": "2020-02-01T00:00:00Z"},
    )
    said = preview(plan_for(source), existing_ids(journal.db))
    assert (said.new, said.duplicates) == (1, 0)
    assert "1 entry appears twice in the file, the same both times: it comes in once." in (
        said.notes
    )


def test_a_solace_export_with_an_id_twice_keeps_both(journal, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A Solace export edited by hand, one entry copied and changed, its id kept."""
    exported = tmp_path / "journal.json"
    entry = {
        "id": "5b2d2f1e-8d55-4c4e-9d0e-6b8f3c2a1e10",
        "created_at": "2024-05-02T09:00:00+00:00",
        "updated_at": "2024-05-02T09:00:00+00:00",
        "title": "",
        "body": "kept as written",
    }
    changed = {**entry, "body": "changed by hand"}
    exported.write_text(
        json.dumps({"format": "solace-export", "version": 1, "entries": [entry, changed]}),
        encoding="utf-8",
    )
    plan = plan_for(exported)
    if not plan.entries:  # the export's own fields, as Solace writes them, are needed
        raise AssertionError(plan.notes)
    apply(journal, plan, backup=False)
    assert _bodies(journal) == ["changed by hand", "kept as written"]
