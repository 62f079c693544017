"""A dialog is placed at the size it opens at: every question and dialog of the app has
its final size when it is placed, centred over the window and wholly on the screen, the
first time it opens too (break test 10 of session 17, finding 5: the first "Delete this
entry?" at 1024x600 and 200 % text was placed before its words had sized it, then grew
from its top-left corner, its buttons past the screen's right edge)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QDialog

from journal.settings import FONT_SCALE
from journal.ui.common.confirm import Question
from tests.ui.common.test_open_on_screen import NETBOOK, _placement_problems

LAPTOP = QRect(0, 0, 1366, 768)


class _SizeAtShow(QObject):
    """Records each dialog's size as it is shown: on the dialog itself, so after the
    application's filters (`DialogFit` places it there), as the window manager maps it."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: dict[int, QSize] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            self.sizes.setdefault(id(watched), watched.size())
        return False


class _EveryDialog(QObject):
    """Installed on the application: puts ``record`` on every dialog as it is readied
    to show (``Polish``, before it is shown)."""

    def __init__(self, record: _SizeAtShow) -> None:
        super().__init__()
        self.record = record

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QDialog):
            watched.installEventFilter(self.record)
        return False


@pytest.mark.parametrize(("screen", "scale"), [(LAPTOP, 100), (NETBOOK, 200), (NETBOOK, 100)])
def test_the_first_delete_question_opens_at_its_size_centred_and_on_the_screen(
    qtbot, unlocked_window, monkeypatch, screen, scale
) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.accessibility.screens import settle

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(screen))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(screen))
    window = unlocked_window
    window.settings.set(FONT_SCALE, scale)
    window.setGeometry(screen.adjusted(0, 30, 0, 0))
    settle()
    area = window.area("journal")
    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(area.editor.body, "Words I may take back")
    area.editor.save_now()
    settle()
    record = _SizeAtShow()
    watcher = _EveryDialog(record)
    QApplication.instance().installEventFilter(watcher)
    try:
        qtbot.mouseClick(area.editor.delete_button, Qt.MouseButton.LeftButton)
        question = area.question
        assert isinstance(question, Question) and question.isVisible()
        placed_at = record.sizes[id(question)]
        settle()
    finally:
        QApplication.instance().removeEventFilter(watcher)
    assert placed_at == question.size(), "placed at one size, opened at another"
    monkeypatch.setattr("tests.ui.common.test_open_on_screen.NETBOOK", QRect(screen))
    assert _placement_problems(question, window) == []
    qtbot.keyClick(question.keep_button, Qt.Key.Key_Escape)


def test_every_dialog_is_placed_at_the_size_it_opens_at(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, monkeypatch
) -> None:
    """Each dialog of the app (`made_dialogs`), shown the first time on a 1024x600 screen
    at 200 % text, has the size it was placed at once its words have wrapped."""
    from tests.ui.accessibility.screens import made_dialogs, settle

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(NETBOOK))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(NETBOOK))
    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    window.setGeometry(NETBOOK.adjusted(0, 30, 0, 0))
    settle()
    record = _SizeAtShow()
    watcher = _EveryDialog(record)
    QApplication.instance().installEventFilter(watcher)
    moved: dict[str, str] = {}
    try:
        for title, make in made_dialogs(window, store).items():
            dialog = make()
            record.sizes.clear()  # an id may be used again by a dialog made after
            dialog.show()
            placed_at = record.sizes.get(id(dialog))
            settle()
            if placed_at is not None and placed_at != dialog.size():
                moved[title] = f"placed at {placed_at.toTuple()}, open at {dialog.size().toTuple()}"
            elif problems := _placement_problems(dialog, window):
                moved[title] = "; ".join(problems)
            dialog.close()
            if dialog is not window.settings_dialog:
                dialog.deleteLater()
    finally:
        QApplication.instance().removeEventFilter(watcher)
    assert moved == {}
