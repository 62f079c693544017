"""Ctrl+F from another area moves the focus once, straight to the Journal's search
field (break test 15 of session 14, finding 5: the entry's words were focused first,
their long description heard, then the search). Real window, real keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def test_ctrl_f_from_another_area_focuses_only_the_search(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window, Qt.Key.Key_2, ctrl)  # the body log, which has no search
    journal = window.area("journal")
    assert window.pages.currentWidget() is not journal
    moved: list[QWidget] = []

    def focused(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            moved.append(new)

    app = QApplication.instance()
    app.focusChanged.connect(focused)
    try:
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F, ctrl)
    finally:
        app.focusChanged.disconnect(focused)
    assert window.pages.currentWidget() is journal
    assert moved == [journal.search.field], moved
