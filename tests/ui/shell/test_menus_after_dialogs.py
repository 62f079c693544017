"""Every menu and menu item still works after dialogs were opened and closed.

A dialog opened from a button walks the window's focus chain (to give the focus back
when it closes); PySide hung the main window's menu bar under a passing wrapper on
that walk, and once it went, every menu was marked deleted while it lived
("RuntimeError: Internal C++ object already deleted", issue 10's 0b, found by body8
after "Make a summary for the doctor" and "Change this log…").
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from journal.ui.shell.actions import ActionId
from journal.ui.shell.main_window import MainWindow
from tests.ui.accessibility.screens import settle
from tests.ui.accessibility.test_dialog_focus import cases, focus_problem

#: Actions that end the session, triggered last (Lock) or not at all (they lock too).
_ENDING = {ActionId.LOCK, ActionId.QUIT, ActionId.NEW_JOURNAL}


def _dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def _menus(window: MainWindow) -> list[QMenu]:
    """Every menu as the window keeps it, and every submenu reached through them."""
    found: list[QMenu] = []
    pending = list(window.menus.values())
    while pending:
        menu = pending.pop(0)
        if menu not in found:
            found.append(menu)
            pending.extend(a.menu() for a in menu.actions() if a.menu() is not None)
    return found


def _marked_deleted(window: MainWindow) -> list[str]:
    gc.collect()
    dead = [f"menu {title}" for title, m in window.menus.items() if not shiboken6.isValid(m)]
    dead += [f"action {i.name}" for i, a in window.action_by_id.items() if not shiboken6.isValid(a)]
    return dead


def _close_what_opens() -> None:
    """Close every dialog an action opens, even one with its own event loop (About)."""
    for dialog in _dialogs():
        dialog.reject()


def test_every_menu_and_item_works_after_a_past_log_and_the_summary_were_closed(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, tmp_path
):
    window = unlocked_window
    assert window.journal is not None
    every = cases(qtbot, tmp_path)
    for title in ("Change a past log", "Summary for the doctor"):
        assert focus_problem(qtbot, window, every[title], "no") == ""
    assert _marked_deleted(window) == []
    for menu in _menus(window):  # each menu opens and closes
        menu.popup(window.mapToGlobal(window.rect().center()))
        qtbot.waitUntil(menu.isVisible, timeout=3_000)
        menu.hide()
    ending = [window.action_by_id[i] for i in _ENDING]
    items = [a for m in _menus(window) for a in m.actions() if not a.isSeparator() and not a.menu()]
    assert len(items) >= 20
    attempted: list[str] = []
    triggered: list[str] = []
    for action in items:
        assert shiboken6.isValid(action)
        if action in ending or not action.isEnabled():
            continue
        if action.isCheckable() and not action.isChecked():
            continue  # a text size or theme not chosen: restyling the app takes seconds
        attempted.append(action.objectName())
        action.triggered.connect(lambda _c=False, a=action: triggered.append(a.objectName()))
        QTimer.singleShot(50, _close_what_opens)  # a dialog with its own loop (About)
        action.trigger()
        qtbot.waitUntil(lambda: not _dialogs(), timeout=5_000)
        settle()
    assert triggered == attempted
    assert {"text_100", "theme_system"} <= set(attempted)
    assert len(attempted) >= 15
    assert _marked_deleted(window) == []
    window.action_by_id[ActionId.LOCK].trigger()
    qtbot.waitUntil(lambda: window.is_locked, timeout=10_000)

