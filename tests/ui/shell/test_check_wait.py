"""A save that waits for the check of a large journal's pages says so in the status bar
(break test 34, finding 3: on a slow disk the window froze 15 to 20 s with nothing
said). The real window, unlocked with keys; the real check, held by the test until it
lets it go (as on a slow disk), so that what waits for it can be seen waiting."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import cast

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QStatusBar, QWidget

from journal.storage.body.repository import BodyRepository
from journal.storage.entries.repository import EntryRepository
from journal.ui.common.check_wait import WRITE_WAITS
from journal.ui.entries.area import JournalArea
from journal.ui.shell.main_window import LOCKED_SAVED
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.lock.held_checks import hold_page_checks

HELD_S = 10  # the longest the check is held for the words to be painted


class PaintedWords(QObject):
    """The words ``widget`` shows (``words()``, the status bar's message by default)
    each time it paints; `waits_said` is set once they are ``awaited`` (painted while
    the window's thread waits)."""

    def __init__(
        self,
        widget: QWidget,
        words: Callable[[], str] | None = None,
        awaited: str = WRITE_WAITS,
    ) -> None:
        super().__init__(widget)
        self.words = words or cast(QStatusBar, widget).currentMessage
        self.awaited = awaited
        self.painted: list[str] = []
        self.waits_said = threading.Event()
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.append(self.words())
            if self.painted[-1] == self.awaited:
                self.waits_said.set()
        return False


def open_while_checked(qtbot, window, monkeypatch) -> threading.Event:  # type: ignore[no-untyped-def]
    """Unlock ``window``'s journal with keys, its pages checked beside the window (as
    a large journal's are) by a check that waits for the event returned."""
    let_go = hold_page_checks(monkeypatch)
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert not window.journal.page_check.done
    return let_go


def let_go_once_said(let_go: threading.Event, painted: PaintedWords) -> threading.Thread:
    """Let the check go once the window has painted why it waits (as a slow disk's
    check ends at last), or after `HELD_S` if it never does."""

    def run() -> None:
        painted.waits_said.wait(HELD_S)
        let_go.set()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def ctrl_s_while_checked(
    qtbot,
    window,
    let_go: threading.Event,
    words: str,
    before_keys: Callable[[], None] = lambda: None,
) -> tuple[JournalArea, PaintedWords]:  # type: ignore[no-untyped-def]
    """In a new entry of ``window`` (opened while its check is held by ``let_go``),
    type ``words`` and press Ctrl+S; the check is let go once the window has painted
    why it waits (``before_keys`` is called just before Ctrl+S). Returns the area and
    what the status bar painted."""
    area = next(a for a in window.areas if isinstance(a, JournalArea))
    area.new_entry()
    qtbot.keyClicks(area.editor.body, words)
    painted = PaintedWords(window.statusBar())
    before_keys()
    releaser = let_go_once_said(let_go, painted)
    qtbot.keyClick(area.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    releaser.join()
    return area, painted


@pytest.fixture
def opened_while_checked(qtbot, window, monkeypatch):  # type: ignore[no-untyped-def]
    let_go = open_while_checked(qtbot, window, monkeypatch)
    yield let_go
    let_go.set()


def test_a_pad_change_noted_while_the_check_runs_says_why_the_window_waits(
    qtbot, window, opened_while_checked
):  # type: ignore[no-untyped-def]
    """A save on the window's own thread (a pad change, Alt+C)."""
    window.resize(900, 520)  # the pad changes beside the form, as on a laptop
    body = next(area for area in window.areas if area.area_id == "body")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    body.tabs.setCurrentIndex(0)
    form = body.form
    window.page_scroll.ensureWidgetVisible(form.pad_time)
    qtbot.mouseClick(form.pad_time.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(form.pad_time.hasFocus)
    painted = PaintedWords(window.statusBar())

    timer = let_go_once_said(opened_while_checked, painted)
    qtbot.keyClick(form.pad_time, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: form.pad_status.text().startswith("Noted"), timeout=HELD_S * 2000)
    timer.join()

    assert WRITE_WAITS in painted.painted  # painted while it waited
    assert window.statusBar().currentMessage() != WRITE_WAITS  # and gone after
    assert len(BodyRepository(window.journal.db).pad_changes()) == 1


def test_ctrl_s_while_the_check_runs_says_why_the_window_waits(qtbot, window, opened_while_checked):  # type: ignore[no-untyped-def]
    """The window waiting for a worker's save (`EntrySaver.flush`), which waits for the
    check: said the same way."""
    words = "Written while the journal was checked"
    area, painted = ctrl_s_while_checked(qtbot, window, opened_while_checked, words)

    assert WRITE_WAITS in painted.painted
    assert window.statusBar().currentMessage() != WRITE_WAITS
    assert area.editor.status.text().startswith("Saved")
    saved = EntryRepository(window.journal.db).get(area.editor.entry_id)
    assert saved is not None and saved.body.strip() == words


def test_what_the_note_covered_comes_back_after_it(qtbot, window, monkeypatch):  # type: ignore[no-untyped-def]
    """The note takes the status bar's line for as long as the save waits; what it
    covered comes back after it: "Keys pressed while your journal was opening were
    not used…", which a damage lock found next says again, and which had gone for
    good with the note."""
    from journal.ui.shell.main_window import STALE_INPUT_DROPPED
    from tests.ui.accessibility.test_keys_while_opening import unlock_typing_after_enter

    let_go = hold_page_checks(monkeypatch)
    window.resize(1366, 768)  # wide enough for those words in the status bar
    try:
        unlock_typing_after_enter(qtbot, window, "typed as it opened")
        assert window.statusBar().currentMessage() == STALE_INPUT_DROPPED
        _area, painted = ctrl_s_while_checked(
            qtbot, window, let_go, "Typed again once it had opened"
        )
    finally:
        let_go.set()
    assert WRITE_WAITS in painted.painted
    assert window.statusBar().currentMessage() == STALE_INPUT_DROPPED


def test_a_lock_during_the_check_says_what_it_waits_for(qtbot, window, opened_while_checked):  # type: ignore[no-untyped-def]
    """Break test 35, finding 6: Ctrl+L (or quitting, or the idle lock) during the
    check showed "Locking…" for as long as the check ran, with no reason given."""
    from journal.ui.shell.lock_cover import LOCKING_AFTER_CHECK_THEN_SAVING

    said = window.lock_cover.said
    painted = PaintedWords(said, said.text, LOCKING_AFTER_CHECK_THEN_SAVING)
    releaser = let_go_once_said(opened_while_checked, painted)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    releaser.join()

    assert LOCKING_AFTER_CHECK_THEN_SAVING in painted.painted
    assert window.journal is None
    assert window.lock_notice == LOCKED_SAVED


class PaintedNote(QObject):
    """Every paint of the note said in a dialog (`check_wait._say_in_dialog`), seen by
    the application: its text, and the dialog it was in; `waits_said` once painted."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: list[tuple[str, QWidget]] = []
        self.waits_said = threading.Event()
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QLabel)
            and watched.objectName() == "checkWaitNote"
        ):
            self.painted.append((watched.text(), watched.window()))
            self.waits_said.set()
        return False


def test_a_save_from_settings_says_why_at_the_foot_of_the_dialog(
    qtbot, window, opened_while_checked
):  # type: ignore[no-untyped-def]
    """Break test 35, finding 2: Settings > untick "Keep a body log" > Save waited for
    the check under the dialog, which covered the status bar ("Saving" alone showed
    at 200 % text). The note is said at the foot of the dialog too, and goes after."""
    from journal.settings import FONT_SCALE
    from tests.ui.accessibility.test_settings_saved_heard import _open_settings

    window.settings.set(FONT_SCALE, 200)
    window.resize(1366, 768)
    dialog = _open_settings(qtbot, window)
    dialog.body_log.setFocus()
    qtbot.waitUntil(dialog.body_log.hasFocus)
    qtbot.keyClick(dialog.body_log, Qt.Key.Key_Space)  # unticked
    painted = PaintedNote()
    releaser = let_go_once_said(opened_while_checked, painted)  # type: ignore[arg-type]
    try:
        with qtbot.waitSignal(dialog.finished, timeout=HELD_S * 2000):
            save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
            qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        releaser.join()
    finally:
        QApplication.instance().removeEventFilter(painted)
    assert painted.painted and painted.painted[0] == (WRITE_WAITS, dialog)
    assert not window.body_log_on
    assert window.statusBar().currentMessage() != WRITE_WAITS  # gone after, there too
