"""A refusal repeated for the same reason is heard again each time the person tries
again (issue 15): every refusal line says it through one mechanism
(`Message.refuse`), so no line keeps its own rule. Before, the entry's note under
the words was said again only once hidden ("nothing to make bold" a second time was
silent), and Together's couple prompts problem line not at all the second time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.ui.entries.markdown import NOTHING_TO_FORMAT
from tests.ui.accessibility.conftest import Recorder
from tests.ui.accessibility.screens import area, settle
from tests.ui.entries.test_editor import journal_area

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_b_again_with_nothing_to_make_bold_is_heard_again(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder
):
    entries = journal_area(unlocked_window)
    entries.new_entry()
    body = entries.editor.body
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    qtbot.keyClicks(body, "  ")
    for attempt in range(3):
        body.selectAll()  # only spaces chosen: nothing to make bold
        a11y_events.listen()
        qtbot.keyClick(body, Qt.Key.Key_B, CTRL)
        settle()
        assert entries.editor.text_note.isVisible()
        said = a11y_events.announcements(assertive=True)
        assert said == [NOTHING_TO_FORMAT], (attempt, said)


def test_keep_again_with_no_answer_is_heard_again(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder
):
    """Couple prompts: "Keep my answer" with nothing written, twice."""
    together = area(unlocked_window, "together")
    unlocked_window.show_area(together)
    together.show_my_answers()  # type: ignore[attr-defined]
    settle()
    page = together.answers  # type: ignore[attr-defined]
    for attempt in range(3):
        a11y_events.clear()
        page.keep_button.setFocus()
        qtbot.keyClick(page.keep_button, Qt.Key.Key_Space)
        settle()
        said = a11y_events.announcements(assertive=True)
        assert len(said) == 1 and "Write a few words first" in said[0], (attempt, said)
        assert page.problem.isVisible()
        # The focus in the answer to write (break test 15 of session 29, F14).
        assert QApplication.focusWidget() is page.text
