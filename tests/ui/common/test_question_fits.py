"""Every question Solace asks (`journal.ui.common.confirm.Question`) opens wholly on
the screen, at a width to read, with its words and both its buttons in sight: on a
1366x768 laptop and on a 1024x600 netbook at 200 % text.

Break test 16 of session 11, finding 6: "Restore “Notes”, another journal?" was a
QMessageBox, which fixes its own size as it opens (at most 500 pixels wide, whatever the
text size); it opened 409x1239 on a 768-pixel screen with its buttons below the edge,
and 620 pixels tall on a 600-pixel one.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QWidget

from journal.settings import FONT_SCALE
from journal.storage.lock.keys import LIGHT_KDF
from journal.ui.common.confirm import Question
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries
from tests.ui.common.test_open_on_screen import _frame

SCREENS = {
    "1366x768 at 100 %": (QRect(0, 0, 1366, 768), 100),
    "1024x600 at 200 %": (
        QRect(0, 0, 1024, 600),
        200,
    ),
}


def _on_screen(widget: QWidget, screen: QRect) -> bool:
    """Whether all of ``widget`` is drawn on ``screen`` and inside its window."""
    window = widget.window()
    inside = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not window.rect().contains(inside):
        return False
    return screen.contains(QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size()))


@pytest.mark.parametrize("where", list(SCREENS))
def test_the_question_about_another_journals_backup_fits_the_screen_with_its_buttons(
    qtbot, store, window, tmp_path, monkeypatch, where
) -> None:  # type: ignore[no-untyped-def]
    from journal.storage.safekeeping.status import back_up_to
    from tests.ui.accessibility.screens import settle
    from tests.ui.safekeeping.test_restore_flow import restore_dialog

    screen, scale = SCREENS[where]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(screen))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(screen))
    window.settings.set(FONT_SCALE, scale)
    window.setGeometry(screen.adjusted(0, 30, 0, 0))
    # "Notes" is on this computer too: the longest of the two explanations.
    notes, _ = store.create("Notes", PASSPHRASE, LIGHT_KDF)
    write_entries(notes, 2)
    archive = back_up_to(notes, tmp_path / "notes.solacebackup")
    notes.lock()

    page = window.lock_screen.unlock_page
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    dialog = restore_dialog()
    dialog.choose_file(archive)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    def asked() -> list[Question]:
        return [w for w in dialog.findChildren(Question) if w.isVisible()]

    qtbot.waitUntil(lambda: bool(asked()))
    settle()
    (question,) = asked()
    assert "another journal" in question.text()
    frame = _frame(question)
    assert screen.contains(frame), f"{frame.getRect()} is not on the screen {where}"
    # A width to read: neither a narrow column nor wider than the screen.
    line = question.fontMetrics().averageCharWidth()
    assert question.width() >= min(40 * line, screen.width() - 20), where
    for button in (question.yes_button, question.keep_button):
        assert button.isVisible() and _on_screen(button, screen), f"{button.text()} {where}"
    # The words in sight or a scroll away, never cut off by the window.
    for label in (question.question_label, question.detail_label):
        assert label.isVisible() and label.height() >= label.heightForWidth(label.width())
    qtbot.keyClick(question, Qt.Key.Key_Escape)  # the default: nothing is restored
    QApplication.processEvents()
    assert not asked() and window.is_locked
    dialog.reject()


def test_a_question_sized_for_its_words_keeps_enter_and_escape_on_keep(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Enter and Escape answer "Keep it"; the yes button says yes once, before closing."""
    said: list[str] = []
    question = Question(window, "Delete this log?", "It cannot be undone.", "Delete")
    question.said_yes.connect(lambda: said.append("yes"))
    question.open()
    qtbot.waitExposed(question)
    assert question.focusWidget() is question.keep_button
    qtbot.keyClick(question.focusWidget(), Qt.Key.Key_Return)
    assert not question.isVisible() and said == []
    assert question.clickedButton() is question.keep_button
    question = Question(window, "Delete this log?", "It cannot be undone.", "Delete")
    question.said_yes.connect(lambda: said.append("yes"))
    question.open()
    qtbot.waitExposed(question)
    qtbot.mouseClick(question.yes_button, Qt.MouseButton.LeftButton)
    assert said == ["yes"] and not question.isVisible()
    assert QSize(0, 0) != question.size()
