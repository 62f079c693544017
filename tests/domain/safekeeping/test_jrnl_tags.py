"""A jrnl journal's tags come in by both of jrnl's default marks (its ``tagsymbols``
is "#@"), in the title as in the body: re-test 51, N4, "#weiß" on an entry's first
line was lost, and the preview said nothing of it. Files made here in the format of
/work/shared/import-samples/."""

from __future__ import annotations

from pathlib import Path

from journal.domain.safekeeping.sources import plan_for


def test_hash_and_at_tags_of_the_title_and_body_all_come_in(tmp_path: Path) -> None:
    source = tmp_path / "old.journal"
    source.write_text(
        "[2024-03-01 08:00] Snow again @grief #weiß at the window.\n"
        "Walked by the river #walk and @ماه.\n\n"
        "[2024-03-02 09:00] A quiet day, email me at sam@example.org #1 and C# notes.\n"
        "Nothing else.\n",
        encoding="utf-8",
    )
    first, second = plan_for(source).entries
    assert set(first.tags) == {"grief", "weiß", "walk", "ماه"}
    assert "#weiß" in first.title  # the words as written
    assert second.tags == ()  # an address, a number and "C#" are no tags
