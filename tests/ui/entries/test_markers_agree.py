"""A list shows every character the editor shows as text (break test 9, session 7, F2).

The editor dims Markdown markers and shows everything else as text; a headline (and
so every timeline row) takes the markers off. Both follow one set of rules
(`journal.domain.entries.markup`), and this property holds them to it: for any line,
the headline is exactly the characters the editor does not dim. Before, a headline
took ``5*3 = 15 and 2*4`` for italics ("53 = 15 and 24") while the editor showed the
stars, and the editor italicised ``\\*escaped\\*`` stars that the headline kept.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QPalette

from journal.domain.entries.plain import plain_line
from journal.ui.common.utf16 import unit_offsets
from journal.ui.entries.markdown import MarkdownEditor

# Words, digits, spaces and the inline markers, and characters beyond U+FFFF (an
# emoji, a CJK Extension B letter: two UTF-16 units each in Qt, one in Python); a
# line starts with a letter so no line-start rule (heading, quote, list, rule)
# applies: those are tested apart.
_LINE = st.text(alphabet="ab1 *_~\\<>[]()😢𠀋", max_size=24).map(lambda rest: "a" + rest)


def _shown_as_text(editor: MarkdownEditor, line: str) -> str:
    editor.setPlainText(line)
    block = editor.document().firstBlock()
    dim = editor.palette().color(QPalette.ColorRole.PlaceholderText)
    dimmed: set[int] = set()  # Qt's positions: UTF-16 units
    for span in block.layout().formats():
        if span.format.foreground().color() == dim:
            dimmed.update(range(span.start, span.start + span.length))
    at = unit_offsets(line)
    return " ".join("".join(c for i, c in enumerate(line) if at[i] not in dimmed).split())


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(line=_LINE)
@example(line="a 5*3 = 15 and 2*4 = 8")
@example(line="a \\*literal\\* and *soft*")
@example(line="a snake__case__name and __both__")
@example(line="a *****1*")  # nested runs: read once per rule, as the editor reads them
@example(line="a😢😢 **real** word")  # the dim fell one unit early per emoji (session 10)
def test_a_headline_is_what_the_editor_shows_as_text(qtbot, line: str) -> None:
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    assert plain_line(line) == _shown_as_text(editor, line)
