"""Together: Enter in a field presses its part's main button, and a refusal goes once
it is put right (break test 15 of session 12, 11k: Enter in "Second writer's name" did
nothing and "Please give both of you a name…" stayed beside two filled names)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.together.support import open_together, seeded, together

NOTHING_TO_KEEP = "There is nothing to keep yet. Write a few words first."


def test_enter_in_the_second_writers_name_names_both_and_the_refusal_goes(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    window = unlocked_window
    area = together(window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    start = area.start
    start.second_writer.setFocus()
    qtbot.keyClick(start.second_writer, Qt.Key.Key_Return)
    assert start.writers_problem.isVisible()  # no names yet: said why
    qtbot.keyClicks(start.second_writer, "Alex")
    start.first_writer.setFocus()
    qtbot.keyClicks(start.first_writer, "Sam")
    assert not start.writers_problem.isVisible()
    start.second_writer.setFocus()
    qtbot.keyClick(start.second_writer, Qt.Key.Key_Return)
    assert start.writers_text.text() == "This journal is kept by Sam and Alex."
    assert not start.writers_problem.isVisible()


def test_words_typed_take_away_nothing_to_keep(qtbot, unlocked_window, store):  # type: ignore[no-untyped-def]
    folder = seeded(unlocked_window, store)
    page = open_together(qtbot, unlocked_window, folder).session_page.reader.page
    page.respond_box.setFocus()
    qtbot.mouseClick(page.respond_button, Qt.MouseButton.LeftButton)  # nothing written
    assert page.problem.isVisible() and page.problem.text() == NOTHING_TO_KEEP
    page.respond_box.setFocus()
    qtbot.keyClicks(page.respond_box, " ")  # still nothing to keep
    assert page.problem.isVisible()
    qtbot.keyClicks(page.respond_box, "I remember.")
    assert not page.problem.isVisible()
