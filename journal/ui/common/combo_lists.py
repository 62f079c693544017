"""A drop-down's open list is heard by the drop-down's name.

Qt shows a drop-down's list in a popup window of its own, a list with no name: a
screen reader said only "list" as it opened over Bleeding (issue 15, break test of
session 25, F9). One application-wide filter (`install_combo_list_names`) gives each
such list, as it is shown, the name of its drop-down ("Bleeding"). Choosing in it with
Enter is `enter_presses`' part: the choice is made before the list closes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QWidget

from journal.ui.common.app_filter import install_once

__all__ = ["ComboListNames", "combo_of_list", "install_combo_list_names"]

_NAME = "solaceComboListNames"


def combo_of_list(widget: QWidget) -> QComboBox | None:
    """The drop-down whose open list ``widget`` is (Qt shows it in a popup window that
    the drop-down parents), or None."""
    if not isinstance(widget, QAbstractItemView):
        return None
    popup = widget.window()
    combo = popup.parentWidget() if popup.windowType() == Qt.WindowType.Popup else None
    return combo if isinstance(combo, QComboBox) else None


class ComboListNames(QObject):
    """Names a drop-down's list, as it is shown, by its drop-down: the name set on the
    drop-down, else the one assistive technology has for it (its label's words)."""

    #: What `eventFilter` acts on: the only events it is handed (see `app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.Show})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QAbstractItemView):
            combo = combo_of_list(watched)
            if combo is not None:
                name = combo.accessibleName()
                if not name:
                    interface = QAccessible.queryAccessibleInterface(combo)
                    name = interface.text(QAccessible.Text.Name) if interface else ""
                watched.setAccessibleName(name)
        return False


def install_combo_list_names(app: QApplication | None = None) -> ComboListNames | None:
    """Install the filter on ``app`` (default: the running application) once; returns
    it, or None when there is no QApplication yet."""
    return install_once(ComboListNames, _NAME, app)
