"""In Together, a key of an action kept out of reach says why instead of nothing (break
test 15 of session 14, finding 8: Ctrl+N, Ctrl+1 and Ctrl+, did nothing and said
nothing). The words promise nothing later: "Larger text waits until you leave Together"
was then dropped (re-test 44b, M3). Real window, two real journals, real keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.together.support import open_together, seeded, together


def test_a_key_together_keeps_out_of_reach_says_why(qtbot, unlocked_window, store) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    open_together(qtbot, window, seeded(window, store))
    focus = QApplication.focusWidget()
    assert focus is not None and window.isAncestorOf(focus)

    qtbot.keyClick(focus, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    said = window.statusBar().currentMessage() or " ".join(window.notices.texts())
    assert "New entry can be used again once you leave Together" in said
    assert window.pages.currentWidget() is together(window)  # still reading together
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Comma, ctrl)
    said = window.statusBar().currentMessage() or " ".join(window.notices.texts())
    assert "Settings can be used again once you leave Together" in said


def test_the_text_size_changes_in_together_as_its_choices_do(qtbot, unlocked_window, store) -> None:  # type: ignore[no-untyped-def]
    """Re-test 45, N2: Ctrl+= was refused in Together ("can be used again once you
    leave") while View > Text size > 150 % and Ctrl+0 worked there. The size is for
    both readers: Larger and Smaller work too, and nothing private shows."""
    window = unlocked_window
    area = open_together(qtbot, window, seeded(window, store))
    size = QApplication.font().pointSizeF()
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier
    )
    assert QApplication.font().pointSizeF() > size
    assert window.pages.currentWidget() is area and "leave Together" not in (
        window.statusBar().currentMessage() or ""
    )
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier
    )
    assert QApplication.font().pointSizeF() == size


def test_light_and_dark_switch_in_together_as_the_themes_choices_do(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
) -> None:
    """Break test 53, T10: Ctrl+Shift+D was refused in Together ("so that nothing private
    shows") while View > Theme > Dark worked there."""
    from journal.settings import THEME, Theme
    from journal.ui.common.theme import is_dark

    window = unlocked_window
    open_together(qtbot, window, seeded(window, store))
    dark = is_dark(Theme(window.settings.get(THEME)))
    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, both)
    assert is_dark(Theme(window.settings.get(THEME))) is not dark
    assert "once you leave Together" not in window.statusBar().currentMessage()
