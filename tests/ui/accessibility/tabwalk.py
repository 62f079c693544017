"""Walking a screen with Tab, as a keyboard user does (no tests here)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from tests.ui.accessibility.reader import node_of

MAX_STOPS = 400


@dataclass
class Walk:
    """Where each Tab press left the focus."""

    stops: list[QWidget] = field(default_factory=list)
    silent: list[QWidget] = field(default_factory=list)  # Tab pressed, focus stayed put

    def problems(self, root: QWidget) -> list[str]:
        found = []
        for widget in self.stops:
            what = describe(widget)
            if not spoken(widget):
                found.append(f"unnamed stop {what}")
            if not widget.isVisible():
                found.append(f"hidden stop {what}")
            if not widget.isEnabled():
                found.append(f"disabled stop {what}")
            if holds_controls(widget):
                found.append(f"a stop that only holds controls {what}")
            elif says_only_its_name(widget):
                found.append(f"a stop that says only its name {what}")
        for widget in dict.fromkeys(self.silent):
            found.append(f"Tab stays inside {describe(widget)}")
        for widget in dict.fromkeys(self.stops):
            if types_tabs(widget) and "Tab" not in widget.accessibleDescription():
                found.append(f"Tab types into {describe(widget)}, which does not say how to leave")
        reached = set(map(id, self.stops))
        for widget in actionable(root):
            if id(widget) not in reached:
                found.append(f"never reached {describe(widget)}")
        return found


def holds_controls(widget: QWidget) -> bool:
    """A scroll area around controls of its own: as a Tab stop it says nothing to act
    on (break test 15, minor h: Together's page was focused as "filler"); its controls
    are the stops, and each is scrolled into view as it is focused."""
    if not isinstance(widget, QScrollArea) or widget.widget() is None:
        return False
    inner = widget.widget()
    return any(
        child.isVisible() and child.isEnabled() and child.focusPolicy() & Qt.FocusPolicy.TabFocus
        for child in inner.findChildren(QWidget)
    )


def says_only_its_name(widget: QWidget) -> bool:
    """A container as a Tab stop with nothing to say but its name (break test 15 of
    session 7, 14h: the Body log's "Recovery timeline", a filler whose words were
    never read; Together's closeness ideas and recovery the same): a screen reader
    says "Recovery timeline, filler" and no more. Its texts are the stops instead
    (`readable`), or, as the shared entry page, its description says them."""
    interface = QAccessible.queryAccessibleInterface(owner(widget))
    if interface is None:
        return False
    containers = (QAccessible.Role.Client, QAccessible.Role.Pane, QAccessible.Role.Grouping)
    return interface.role() in containers and not interface.text(
        QAccessible.Text.Description
    ).strip()


def types_tabs(widget: QWidget) -> bool:
    """A text editor where Tab types a tab (the entry's text): a keyboard user leaves
    it with Ctrl+Tab, as its accessible description says."""
    return (
        isinstance(widget, QPlainTextEdit | QTextEdit)
        and not widget.tabChangesFocus()
        and not widget.isReadOnly()
    )


def owner(widget: QWidget) -> QWidget:
    """Qt's inner part of a control (a spin box's text field) stands for the control;
    a tab bar stands for itself (it is read as its current tab)."""
    parent = widget.parentWidget()
    if isinstance(widget, QTabBar):
        return widget
    if widget.objectName().startswith("qt_") and parent is not None:
        return parent
    return widget


def spoken(widget: QWidget) -> str:
    if isinstance(widget, QTabBar):
        return widget.tabText(widget.currentIndex()).replace("&", "")
    interface = QAccessible.queryAccessibleInterface(owner(widget))
    return node_of(interface, "").spoken if interface is not None else ""


def describe(widget: QWidget) -> str:
    widget = owner(widget)
    return f"{type(widget).__name__} {spoken(widget)!r}"


def actionable(root: QWidget) -> list[QWidget]:
    """Every visible, enabled control under root that takes focus by Tab."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or not widget.isEnabled() or widget.window() is not root.window():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget, QScrollArea) and not widget.accessibleName():
            continue  # a container; counted as a problem only when it is a stop
        if widget.visibleRegion().isEmpty():
            continue  # scrolled out of sight; still reached, but not demanded here
        found.append(widget)
    return found


def walk(qtbot, root: QWidget, start: QWidget | None = None, *, backwards: bool = False) -> Walk:  # type: ignore[no-untyped-def]
    """Press Tab from ``start`` (or what has focus) until the focus comes round again."""
    window = root.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    if start is not None:
        start.setFocus(Qt.FocusReason.TabFocusReason)
    result = Walk()
    first = QApplication.focusWidget()
    if first is None or not (first is root or root.isAncestorOf(first)):
        for widget in actionable(root):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            break
        first = QApplication.focusWidget()
    if first is None:
        return result
    result.stops.append(owner(first))
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    for _ in range(MAX_STOPS):
        before = QApplication.focusWidget()
        assert before is not None
        leave = Qt.KeyboardModifier.ControlModifier if types_tabs(before) else None
        qtbot.keyClick(before, key, leave or Qt.KeyboardModifier.NoModifier)
        now = QApplication.focusWidget()
        if now is None:
            break
        if now is before:
            if not isinstance(now, QTextBrowser):  # Tab moves between an article's links
                result.silent.append(owner(now))
            continue
        if owner(now) in result.stops[1:] or now is first:
            break  # round once
        result.stops.append(owner(now))
    if len(result.stops) == 1:
        result.silent = []  # a screen with one control: Tab has nowhere else to go
    return result
