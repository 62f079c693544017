"""A backslash is a character she typed: the list, the search snippet, the editor and
Together's reading view all show it (break test 9 of session 20, finding 1).

A shrug ``¯\\_(ツ)_/¯`` lost its arm in the list (``¯_(ツ)_/¯``) and a Windows path
``\\\\server\\share`` lost a backslash in the search snippet: every view took the
backslash before punctuation off as Markdown's escape. It stays now, everywhere; the
punctuation after it is still never read as a marker (``\\*not italic\\*``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from journal.domain.entries.plain import CUT, plain_fragment, plain_line
from journal.domain.entries.reading import reading_lines
from journal.ui.entries.timeline import SNIPPET_ROLE
from tests.ui.entries.test_editor import journal_area
from tests.ui.entries.test_fidelity import type_text

SHRUG = "¯\\_(ツ)_/¯ so that was the scan"
PATHS = "C:\\Users\\me\\_notes and \\\\server\\share"
ESCAPED = "2*3*4 and a\\_b and \\\\ backslash \\* star and \\*not italic\\*"


def _snippet(area) -> list[tuple[str, bool]]:  # type: ignore[no-untyped-def]
    if area.model.browsing or area.model.rowCount() != 1:
        return []
    return list(area.model.index(0).data(SNIPPET_ROLE))


def test_the_list_and_the_search_show_every_backslash_typed(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    body = area.editor.body
    for line in (SHRUG, PATHS):
        type_text(qtbot, body, line)  # key by key, as she would type it
        qtbot.keyClick(body, Qt.Key.Key_Return)
    type_text(qtbot, body, ESCAPED)
    assert body.markdown() == f"{SHRUG}\n{PATHS}\n{ESCAPED}"
    assert area.editor.save_now()
    assert area.model.index(0).data() == SHRUG  # the row's headline: the shrug's arm is there

    qtbot.keyClicks(area.search.field, "server")
    qtbot.waitUntil(lambda: not area.model.browsing and area.model.rowCount() == 1, timeout=5_000)
    snippet = "".join(text for text, _found in area.model.index(0).data(SNIPPET_ROLE))
    assert "and \\\\server\\share" in snippet

    area.search.field.clear()
    qtbot.keyClicks(area.search.field, "backslash")
    qtbot.waitUntil(lambda: ("backslash", True) in _snippet(area), timeout=5_000)
    snippet = "".join(text for text, _found in _snippet(area))
    assert "a\\_b and \\\\ backslash \\* star" in snippet


def test_the_editor_shows_a_backslash_as_text_not_dimmed(qtbot, unlocked_window):
    area = journal_area(unlocked_window)
    area.new_entry()
    body = area.editor.body
    type_text(qtbot, body, ESCAPED)
    block = body.document().firstBlock()
    dim = body.palette().color(QPalette.ColorRole.PlaceholderText)
    dimmed = {
        at
        for span in block.layout().formats()
        if span.format.foreground().color() == dim
        for at in range(span.start, span.start + span.length)
    }
    assert not dimmed & {at for at, char in enumerate(ESCAPED) if char == "\\"}
    assert not dimmed  # "\*not italic\*" is no italic: its stars are text too


def test_every_other_view_keeps_the_backslash():
    """Together's reading view, a headline, a snippet's whole line and one cut at both
    edges."""
    for line in (SHRUG, PATHS, ESCAPED):
        assert reading_lines(line)[0].text == line
        assert plain_line(line) == line
        assert plain_fragment(f"{line}\nmore") == f"{line}\nmore"
    for line in (PATHS, ESCAPED):
        assert plain_fragment(f"{CUT}{line}{CUT}") == f"{CUT}{line}{CUT}"
    (read,) = reading_lines("**a\\*b** and ~~c\\~~~")
    assert read.text == "a\\*b and c\\~"
