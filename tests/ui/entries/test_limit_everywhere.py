"""The size limit holds for every way text grows, not only a paste or a key (break test
9 of session 12, finding 3): a numbered list adds "10000. " to a line, not "1. "; bold
over a selection keeps the selection and adds its markers; an input method commits its
words without a single key event. Each is refused with the kind message, nothing
changed, as a paste that does not fit is. A real editor, driven by its own actions and
by a real input-method event."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent

from journal.domain.entries.entry import MAX_BODY_CHARS
from journal.ui.entries.markdown import TOO_LONG_TO_FORMAT
from tests.ui.entries.editing import focused_editor

LINE = "x" * 96


def _lines(count: int) -> str:
    return "\n".join([LINE] * count)


def test_a_numbered_list_that_would_not_fit_is_refused(qtbot):
    editor = focused_editor(qtbot)
    text = _lines(20_000)  # 1,939,999 characters: "1. " on each line would fit
    editor.set_markdown(text)
    # An entry of many lines goes in a slice at a time (`MarkdownEditor.opening`): the
    # whole of it is chosen once it is all in.
    qtbot.waitUntil(lambda: not editor.opening, timeout=60_000)
    editor.selectAll()
    with qtbot.waitSignal(editor.refused) as said:
        editor.actions_by_name["numbers"].trigger()
    assert "one holds up to 2,000,000" in said.args[0]
    assert editor.markdown() == text


def test_a_numbered_list_that_fits_is_made(qtbot):
    editor = focused_editor(qtbot)
    editor.set_markdown(_lines(12))
    editor.selectAll()
    editor.actions_by_name["numbers"].trigger()
    assert editor.markdown().splitlines()[11] == "12. " + LINE


def test_bold_over_a_selection_that_would_not_fit_is_refused(qtbot):
    editor = focused_editor(qtbot)
    text = ("a quiet word " * (MAX_BODY_CHARS // 13 + 1))[: MAX_BODY_CHARS - 2].strip()
    editor.set_markdown(text)
    editor.selectAll()
    with qtbot.waitSignal(editor.refused) as said:
        editor.actions_by_name["bold"].trigger()
    # One line this long is also too long to format (break test 9 of session 14,
    # finding 4): either refusal leaves the text as it was.
    assert "one holds up to 2,000,000" in said.args[0] or said.args[0] == TOO_LONG_TO_FORMAT
    assert editor.markdown() == text


def test_words_an_input_method_commits_past_the_limit_are_refused(qtbot):
    editor = focused_editor(qtbot)
    text = _lines(20_700)[: MAX_BODY_CHARS - 2]
    editor.set_markdown(text)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    commit = QInputMethodEvent()
    commit.setCommitString("悲しい")  # as a Japanese input method sends a word
    with qtbot.waitSignal(editor.refused) as said:
        QCoreApplication.sendEvent(editor, commit)
    assert "one holds up to 2,000,000" in said.args[0]
    assert editor.markdown() == text
    fits = QInputMethodEvent()
    fits.setCommitString("悲し")
    QCoreApplication.sendEvent(editor, fits)
    assert editor.markdown() == text + "悲し"
