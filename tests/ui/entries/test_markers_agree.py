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

from journal.domain.entries.entry import make_headline
from journal.domain.entries.markup import line_start
from journal.domain.entries.plain import plain_fragment, plain_line
from journal.ui.common.utf16 import unit_offsets
from journal.ui.entries.markdown import MarkdownEditor

# Words, digits, spaces and the inline markers, and characters beyond U+FFFF (an
# emoji, a CJK Extension B letter: two UTF-16 units each in Qt, one in Python); a
# line starts with a letter so no line-start rule (heading, quote, list, rule)
# applies: those are tested apart.
_LINE = st.text(alphabet="ab1 *_~\\<>[]()😢𠀋", max_size=24).map(lambda rest: "a" + rest)


def _shown_as_text(
    editor: MarkdownEditor, line: str, kept: frozenset[int] | set[int] = frozenset()
) -> str:
    editor.setPlainText(line)
    block = editor.document().firstBlock()
    dim = editor.palette().color(QPalette.ColorRole.PlaceholderText)
    dimmed: set[int] = set()  # Qt's positions: UTF-16 units
    for span in block.layout().formats():
        if span.format.foreground().color() == dim:
            dimmed.update(range(span.start, span.start + span.length))
    at = unit_offsets(line)
    shown = (c for i, c in enumerate(line) if i in kept or at[i] not in dimmed)
    return " ".join("".join(shown).split())


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


# Any line: the line-start characters too (hashes, ">", list markers, numbers, tabs and
# leading spaces, backticks and tildes for "fences" and rules).
_ANY_LINE = st.text(alphabet=" \t#>-+*_~`\\1.)ab😢", max_size=24)


def _number(line: str) -> set[int]:
    """A numbered item's number: the editor dims it, every list keeps it as words."""
    start = line_start(line)
    if start.item is None or start.bullet is not None:
        return set()
    return set(range(*start.item))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(line=_ANY_LINE)
@example(line="~~~ 12 weeks ~~~")
@example(line="``` hi there ```")
@example(line="``` hi there")
@example(line="# Day 1 #")
@example(line="## 2 ##")
@example(line="\t> she said")
@example(line="** **")
@example(line="- - -")
@example(line="__**")
@example(line="~~~~~~~~~~")
@example(line="> # not a heading in a quote")
@example(line="> - an item in a quote")
@example(line="# **bold** in a heading")
@example(line="2. second try")
@example(line="- > she said")  # a quote in a list item (session 20, N5)
@example(line="1. > she said")
def test_any_line_reads_in_the_list_as_the_editor_shows_it(qtbot, line: str) -> None:
    """Break test 9 of session 12, finding 2: the headline had its own line-start rules
    (fences, rules, closing hashes, a tab before ">") that the editor does not have."""
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    assert plain_line(line) == _shown_as_text(editor, line, kept=_number(line))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(_ANY_LINE, min_size=2, max_size=4))
@example(lines=["Some days", "I don`t know why I", "can`t stop crying"])
@example(lines=["**she said no", "more** tears today"])
@example(lines=["`12 weeks ", "maybe` lily pad"])
@example(lines=["a1~~**> _b", "-_11"])
def test_a_snippets_whole_lines_read_as_the_editor_shows_them(qtbot, lines: list[str]) -> None:
    """Break test 9 of session 14, finding 2: a snippet paired backticks, stars and
    tildes across line breaks ("I don`t know why I" / "can`t stop" read "dont", "cant")
    while the editor reads each line alone. Every line a snippet holds whole reads as
    the editor shows it."""
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    shown = plain_fragment("\n".join(lines)).split("\n")
    assert [" ".join(line.split()) for line in shown] == [
        _shown_as_text(editor, line, kept=_number(line)) for line in lines
    ]


def test_the_break_tests_lines_read_as_written() -> None:
    assert make_headline("", "~~~ 12 weeks ~~~\nmore") == "~~~ 12 weeks ~~~"
    assert make_headline("", "``` hi there ```") == "hi there"  # a code span
    assert make_headline("", "``` hi there") == "``` hi there"
    assert make_headline("", "# Day 1 #") == "Day 1 #"
    assert make_headline("", "\t> she said") == "> she said"
    assert make_headline("", "** **") == "** **"


def test_a_quote_in_a_list_item_shows_no_marker_in_rows_or_snippets() -> None:
    """Break test of session 20, N5: the ``>`` of "- > words" showed in the headline
    (every timeline row) and in a search snippet, as a plain quote's never does."""
    assert make_headline("", "- > she held my hand") == "she held my hand"
    assert make_headline("", "1. > she held my hand") == "1. she held my hand"
    assert make_headline("", "> - she held my hand") == "she held my hand"
    assert plain_fragment("before\n- > she held my hand\nafter") == (
        "before\nshe held my hand\nafter"
    )
