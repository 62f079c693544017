"""A Tab walk of every screen: each stop is named, visible and enabled, Tab never
stays silently inside one control, and every control a person can act on is reached."""

from __future__ import annotations

from tests.ui.accessibility.screens import each_screen
from tests.ui.accessibility.tabwalk import walk


def test_every_screen_can_be_walked_with_tab(qtbot, window, store):  # type: ignore[no-untyped-def]
    problems = []
    counts = []
    for title, root in each_screen(qtbot, window, store):
        forwards = walk(qtbot, root)
        found = forwards.problems(root)
        counts.append(f"{title:38} {len(forwards.stops):4} {len(found):4}")
        problems += [f"{title}: {problem}" for problem in found]
    print()
    print("\n".join(counts))
    print("\n".join(problems))
    assert problems == []


def test_a_dialogs_buttons_come_last_in_tab_order(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    """Settings: Tab went "Rotate encryption key…", Save, Cancel, then on to the
    backups; a keyboard or screen-reader user met Save and Cancel in the middle of the
    dialog. Tab now reaches every section first, and Save and Cancel last."""
    from PySide6.QtWidgets import QPushButton

    from tests.ui.accessibility.screens import settle

    window = unlocked_window
    window.show_settings()
    dialog = window.settings_dialog
    settle()
    tab_walk = walk(qtbot, dialog, start=dialog.idle)
    texts = [w.text().replace("&", "") for w in tab_walk.stops if isinstance(w, QPushButton)]
    assert texts[-2:] == ["Save", "Cancel"], texts
    assert "Back up now…" in texts and "Rotate encryption key…" in texts
    dialog.reject()


def test_the_formatting_buttons_are_reached_by_tab_and_work_from_the_keyboard(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QWidget

    from journal.ui.entries.markdown import FormatButton
    from tests.ui.accessibility.screens import area, settle

    unlocked_window.resize(QSize(1366, 768))
    journal = area(unlocked_window, "journal")
    unlocked_window.show_area(journal)
    journal.new_button.click()  # type: ignore[attr-defined]
    body = journal.editor.body  # type: ignore[attr-defined]
    qtbot.keyClicks(body, "calm")
    settle()
    bar = journal.findChild(QWidget, "formatting")
    shown = [b for b in bar.findChildren(FormatButton) if b.isVisible()]
    # All six, none behind an overflow button Qt left disabled and out of the Tab order
    # (break test 15 of session 9, finding 11).
    names = ("bold", "italic", "heading", "bullets", "numbers", "quote")
    assert shown == [body.button(name) for name in names]
    forwards = walk(qtbot, unlocked_window, start=body)
    assert forwards.problems(unlocked_window) == []
    for button in shown:
        assert button in forwards.stops, button.accessibleName() or button.text()
    cursor = body.textCursor()
    cursor.select(QTextCursor.SelectionType.WordUnderCursor)
    body.setTextCursor(cursor)
    bold = body.button("bold")
    bold.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is bold
    qtbot.keyClick(bold, Qt.Key.Key_Space)
    assert body.markdown() == "**calm**"
