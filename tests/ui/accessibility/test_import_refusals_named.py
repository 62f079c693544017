"""Every import refusal names the file or folder chosen, on screen and as heard (break
test 15 of session 12, 11f: "“x.json” is not UTF-8 text…" named it, the next refusal,
"The file is not valid JSON; it may be cut short.", did not)."""

from __future__ import annotations

from pathlib import Path

from journal.ui.safekeeping.import_dialog import ImportDialog
from tests.conftest import UNLOCK_WAIT_MS
from tests.ui.accessibility.conftest import Recorder


def refusals(tmp_path: Path) -> list[Path]:
    """A file or folder for each kind of refusal a person meets first."""
    not_utf8 = tmp_path / "latin.json"
    not_utf8.write_bytes(b"\x00\xff")
    cut_short = tmp_path / "cut short.json"
    cut_short.write_text('{"format": "solace-export", "entries": [', encoding="utf-8")
    unknown = tmp_path / "hello.json"
    unknown.write_text('{"hello": "world"}', encoding="utf-8")
    not_zip = tmp_path / "export.zip"
    not_zip.write_bytes(b"not a zip at all")
    empty = tmp_path / "empty folder"
    empty.mkdir()
    plain = tmp_path / "notes.txt"
    plain.write_text("just a line\n", encoding="utf-8")
    return [not_utf8, cut_short, unknown, not_zip, empty, plain]


def test_every_refusal_names_the_file_chosen(  # type: ignore[no-untyped-def]
    qtbot, journal, tmp_path, a11y_events: Recorder
) -> None:
    dialog = ImportDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    unnamed = []
    for path in refusals(tmp_path):
        a11y_events.clear()
        dialog.choose(path)
        qtbot.waitUntil(
            lambda: dialog.error.isVisible() and not dialog.working, timeout=UNLOCK_WAIT_MS
        )
        named = f"\u201c{path.name}\u201d"
        heard = a11y_events.announcements(assertive=True)
        shown = dialog.error.text()
        if named not in shown or not any(named in said for said in heard):
            unnamed.append((path.name, shown, heard))
        assert "Nothing was imported." in shown
    dialog.reject()
    assert unnamed == []
