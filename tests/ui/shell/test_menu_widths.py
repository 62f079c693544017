"""At 200 % text no menu item and no drop-down choice is cut short: "100 %" in View >
Text size was drawn as "1…%", the words squeezed by Fusion's check-mark column."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QMenu

from journal.settings import FONT_SCALE


def test_menus_and_drop_downs_have_room_for_their_words_at_200_percent(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.settings.set(FONT_SCALE, 200)
    cut: list[str] = []
    for menu in window.menuBar().findChildren(QMenu):
        menu.popup(window.geometry().center())
        QApplication.processEvents()
        metrics = menu.fontMetrics()
        for action in menu.actions():
            if action.isSeparator():
                continue
            words = action.text().replace("&", "")
            room = menu.actionGeometry(action).width() - 2 * metrics.height()  # check column
            if room < metrics.horizontalAdvance(words):
                cut.append(f"{menu.title()} > {words}")
        menu.hide()
    body = window.area("body")
    window.show_area(body)
    for box in body.findChildren(QComboBox):
        box.showPopup()
        view = box.view()
        metrics = view.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(box.itemText(i)) for i in range(box.count())), default=0
        )
        if view.viewport().width() < widest:
            cut.append(f"{box.accessibleName()} drop-down")
        box.hidePopup()
    assert cut == []
