"""Opening Together moves the focus once, straight to what is read, and says that
Together is open (break test 15 of session 14, finding 9: the focus went first to
"Leave Together", heard before the entry, and nothing said Together had opened).
Real window, two real journals, real keys."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.together.support import open_together, seeded, together


def test_opening_together_focuses_the_reading_once_and_says_so(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store, a11y_events
):
    window = unlocked_window
    folder = seeded(window, store)
    area = together(window)
    moved: list[QWidget] = []
    opened: list[bool] = []
    area.exclusive.connect(opened.append)

    def focused(_old: QWidget | None, new: QWidget | None) -> None:
        if opened and new is not None:
            moved.append(new)

    app = QApplication.instance()
    a11y_events.clear()
    app.focusChanged.connect(focused)
    try:
        open_together(qtbot, window, folder)
        qtbot.waitUntil(lambda: "Together is open" in " ".join(a11y_events.announcements()))
    finally:
        app.focusChanged.disconnect(focused)
    reader = area.session_page.reader
    assert moved and all(reader.isAncestorOf(w) or w is reader for w in moved), moved
    assert "Together is open, with" in " ".join(a11y_events.announcements())
