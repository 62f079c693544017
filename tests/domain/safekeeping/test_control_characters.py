"""Control characters in another app's entries come in as visible marks, said in the
preview; tab and line breaks stay; Solace's own export comes back exactly (break test
16 of session 12, finding 9: a NUL from a jrnl export showed as a box and went out
raw in the exported Markdown, which editors then took for binary)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from journal.domain.safekeeping.controls import CONTROLS, shown
from journal.domain.safekeeping.fitting import fitted
from journal.domain.safekeeping.imported import ImportedEntry, ImportPlan, preview
from journal.domain.safekeeping.sources import plan_for


def local(wall: datetime) -> datetime:
    return wall.replace(tzinfo=UTC)


def test_a_jrnl_export_s_controls_come_in_visible_and_the_preview_says_so(tmp_path: Path):
    exported = tmp_path / "jrnl.json"
    entries = [
        {"date": "2020-01-01", "time": "10:00", "title": "a\u0000b",
         "body": "x\u0000y \u001b[1m\u0085z\ttab\nnext\r\nline \u007f", "tags": [],
         "starred": False},
        {"date": "2020-01-02", "time": "10:00", "title": "calm", "body": "plain\twords",
         "tags": [], "starred": False},
    ]
    exported.write_text(json.dumps({"tags": {}, "entries": entries}), encoding="utf-8")
    plan = plan_for(exported, local)
    first, second = sorted(plan.entries, key=lambda e: e.created_at)
    assert first.title == "a\u2400b"
    assert first.body == "x\u2400y \u241b[1m\ufffdz\ttab\nnext\r\nline \u2421"
    assert (second.title, second.body) == ("calm", "plain\twords")
    notes = preview(plan, []).notes
    said = [note for note in notes if "control characters" in note]
    assert said and said[0].startswith("1 entry holds invisible control characters")


def test_solace_s_own_export_comes_back_exactly() -> None:
    moment = datetime(2024, 5, 1, 9, tzinfo=UTC)
    entry = ImportedEntry("e", moment, moment, "a\u0000b", "x\u0000y\u0085")
    own = ImportPlan("a Solace export", (entry,), whole_tags=True)
    (kept,) = fitted(own).entries
    assert (kept.title, kept.body) == ("a\u0000b", "x\u0000y\u0085")
    (marked,) = fitted(replace(own, whole_tags=False)).entries
    assert (marked.title, marked.body) == ("a\u2400b", "x\u2400y\ufffd")


def test_every_control_but_tab_and_line_breaks_is_shown_and_nothing_else_changes() -> None:
    every = "".join(chr(code) for code in range(0x00, 0xA0))
    marked = shown(every)
    assert len(marked) == len(every)  # one mark for each: none dropped
    assert not CONTROLS.search(marked)
    for before, after in zip(every, marked, strict=True):
        if before in "\t\n\r" or 0x20 <= ord(before) < 0x7F:
            assert after == before
        else:
            assert after != before and after.isprintable()
