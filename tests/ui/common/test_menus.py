"""Menus are as wide as their words at every text size, both ways."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from journal.ui.shell.actions import ActionId


def _opened_width(qtbot, window, menu: QMenu) -> int:  # type: ignore[no-untyped-def]
    menu.popup(window.mapToGlobal(window.rect().topLeft()))
    qtbot.waitExposed(menu)
    width = menu.width()
    menu.hide()
    return width


def test_a_menu_follows_the_text_size_both_ways(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
) -> None:
    """Break test 10 (session 7), finding 7: after View > Text size > 200 % and back to
    100 %, the View menu kept its 200 % width (items at 100 % beside a wide empty gap)."""
    window = unlocked_window
    menu = window.menus["View"]
    at_100 = _opened_width(qtbot, window, menu)
    window.action_by_id[ActionId.TEXT_200].trigger()
    at_200 = _opened_width(qtbot, window, menu)
    assert at_200 > at_100 * 1.5  # drawn at the new size when opened again
    window.action_by_id[ActionId.TEXT_100].trigger()
    assert _opened_width(qtbot, window, menu) == at_100
