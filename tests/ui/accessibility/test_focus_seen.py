"""Where the keyboard focus is can be seen on every label that is a Tab stop (seen in a
walk: on the new recovery key page the focus sat on the key, for a screen reader to
read it first, with no ring around it, so a sighted keyboard user could not tell
where Tab would go from)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.accessibility.screens import each_screen, settle


def _tab_stop(label: QLabel) -> bool:
    return label.isVisible() and bool(label.focusPolicy() & Qt.FocusPolicy.TabFocus)


def test_every_label_that_takes_the_focus_shows_it(qtbot, window, store) -> None:  # type: ignore[no-untyped-def]
    unseen: list[str] = []
    tried = 0
    for title, root in each_screen(qtbot, window, store):
        top = root.window()
        top.activateWindow()
        qtbot.waitUntil(top.isActiveWindow, timeout=2000)
        for label in [w for w in top.findChildren(QLabel) if _tab_stop(w)]:
            label.clearFocus()
            settle()
            before = label.grab().toImage()
            label.setFocus(Qt.FocusReason.TabFocusReason)
            settle()
            if QApplication.focusWidget() is not label:
                continue
            tried += 1
            if label.grab().toImage() == before:
                unseen.append(f"{title}: {label.text()[:40]!r}")
    assert tried >= 3  # readable labels and the recovery key, on several screens
    assert unseen == []
