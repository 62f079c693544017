"""No focus on a hidden control: its panel is shown first, or the focus goes where it can be seen.

Qt gives the focus to a control inside a hidden panel when asked (``QWidget::setFocus``
checks only that the control is enabled and not hidden itself, not that its panel is
shown): a screen reader then says an editable field that is nowhere on the screen,
and what is typed and what it answers go nowhere seen or heard. Ctrl+F did so with
the Journal's list given way to the entry (break test 15 of session 18, finding 2).

A panel that can be hidden and shown again (the Journal's list) says how it is shown
with `reveals`. One application-wide filter (`install_hidden_focus`) sees the focus
arrive on every control: when the control is hidden in a shown window, the hidden
panels around it that can be shown are shown at once (the focus stays, now on a seen
control, before assistive technology is told); when that is not enough, once the
events of the moment are done (the app may be showing the control's page), a control
still hidden hands the focus to the first control of the nearest part of the window
that is shown, and the fault is logged (our bug, without any of the person's words).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from journal.ui.common.accessibility import first_tab_stop
from journal.ui.common.app_filter import install_once

__all__ = ["HiddenFocusGuard", "install_hidden_focus", "reveals"]

log = logging.getLogger(__name__)

_NAME = "solaceHiddenFocus"
_REVEAL_NAME = "solaceReveal"


class _Reveal(QObject):
    """How the panel it belongs to (its parent) is shown again."""

    def __init__(self, panel: QWidget, show: Callable[[], None]) -> None:
        super().__init__(panel)
        self.setObjectName(_REVEAL_NAME)
        self.show = show


def reveals(panel: QWidget, show: Callable[[], None]) -> None:
    """Declare that ``panel``, when hidden, is shown by ``show()`` (as the button that
    shows it does): a focus request for any control inside it then shows it first
    (see the module). ``show`` must leave ``panel`` shown; it is kept as long as
    ``panel`` lives."""
    _Reveal(panel, show)


def _reveal_of(panel: QWidget) -> _Reveal | None:
    found = panel.findChild(_Reveal, _REVEAL_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return found if isinstance(found, _Reveal) else None


def _hidden_in_shown_window(widget: QWidget) -> bool:
    return (
        shiboken6.isValid(widget)
        and not widget.isVisible()
        and not widget.isWindow()
        and widget.window().isVisible()
    )


class HiddenFocusGuard(QObject):
    """Sees every FocusIn of the application and keeps the focus off hidden controls
    (see the module)."""

    #: What `eventFilter` acts on (see `journal.ui.common.app_filter`).
    EVENT_TYPES = frozenset({QEvent.Type.FocusIn})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(watched, QWidget)
            and _hidden_in_shown_window(watched)
        ):
            self._show_panels_of(watched)
            if not watched.isVisible():
                QTimer.singleShot(0, self, lambda: self._still_hidden(watched))
        return False

    @staticmethod
    def _show_panels_of(widget: QWidget) -> None:
        """Show the hidden panels around ``widget``, the outermost first, when each of
        them says how (`reveals`); none when one does not (another area's page)."""
        hidden: list[_Reveal] = []
        panel: QWidget | None = widget
        while panel is not None and not panel.isWindow():
            if panel.isHidden():
                reveal = _reveal_of(panel)
                if reveal is None:
                    return
                hidden.append(reveal)
            panel = panel.parentWidget()
        for reveal in reversed(hidden):
            reveal.show()

    @staticmethod
    def _still_hidden(widget: QWidget) -> None:
        """The focus went to ``widget`` and it was not shown since: to the first control
        of the nearest shown part of the window around it that has one."""
        if QApplication.focusWidget() is not widget or not _hidden_in_shown_window(widget):
            return
        log.warning("the focus was given to a hidden %s", type(widget).__name__)
        part = widget.parentWidget()
        while part is not None:
            target = first_tab_stop(part) if part.isVisible() else None
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            part = part.parentWidget()


def install_hidden_focus(app: QApplication | None = None) -> HiddenFocusGuard | None:
    """Install the guard on ``app`` (default: the running application) once; returns
    it (the same one on every call), or None when there is no QApplication yet."""
    return install_once(HiddenFocusGuard, _NAME, app)
