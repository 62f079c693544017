"""Looking along the focus chain, or at a label's field, never marks a living Qt
object's Python wrapper as deleted (journal.ui.common.borrowed).

PySide makes what a getter hands back a Python child of the wrapper it was asked
on; walking the focus chain from a passing wrapper of a widget Qt made (a line
edit's clear button) hung the main window under it, and when that wrapper went,
every menu of the menu bar was marked deleted while it lived (issue 10's 0b).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from journal.ui.common.borrowed import (
    has_buddy,
    next_in_focus_chain,
    previous_in_focus_chain,
    screen_of,
)
from journal.ui.common.fit import window_room

Step = Callable[[QWidget], "QWidget | None"]


def _window(qtbot) -> tuple[QMainWindow, dict[str, QMenu], QLineEdit, QSpinBox]:  # type: ignore[no-untyped-def]
    """A main window as Solace's: menus Qt made (``addMenu``), kept by title, and a
    form with a search field whose clear button is a widget Qt made."""
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = window.menuBar()
    menus = {title: bar.addMenu(title) for title in ("&File", "&View")}
    menus["Text size"] = menus["&View"].addMenu("Text si&ze")
    del bar
    page = QWidget()
    form = QFormLayout(page)
    search = QLineEdit("words")
    search.setClearButtonEnabled(True)
    form.addRow("&Search", search)
    number = QSpinBox()
    form.addRow("&Number", number)
    form.addRow(QPushButton("&Go"))
    window.setCentralWidget(page)
    window.show()
    qtbot.waitExposed(window)
    return window, menus, search, number


def _walk_from_clear_button(search: QLineEdit, step: Step) -> list[str]:
    """Walk the window's focus chain with ``step`` from the search field's clear button,
    looked up as the app meets it (a passing wrapper), until just past the menu bar;
    returns the classes passed."""
    start = next(c for c in search.children() if isinstance(c, QToolButton))
    passed = []
    widget: QWidget | None = start
    for _ in range(50):
        widget = step(widget) if widget is not None else None
        if widget is None or widget is start:
            break
        passed.append(type(widget).__name__)
        if isinstance(widget, QMenuBar):
            break
    return passed


def test_walking_the_focus_chain_leaves_every_menu_usable(qtbot) -> None:  # type: ignore[no-untyped-def]
    _shown, menus, search, number = _window(qtbot)
    for step in (next_in_focus_chain, previous_in_focus_chain):
        passed = _walk_from_clear_button(search, step)
        gc.collect()
        assert "QMainWindow" in passed or "QMenuBar" in passed, passed
        dead = [title for title, menu in menus.items() if not shiboken6.isValid(menu)]
        assert dead == [], f"marked deleted after walking {passed}"
        for menu in menus.values():
            menu.addAction("Still works")  # a wrapper marked deleted raises here
    # What the walk hands back is the widget as Python knows it, of its own class.
    assert next_in_focus_chain(search) is not None
    inner = number.findChild(QLineEdit)
    assert inner is not None
    assert previous_in_focus_chain(inner) is not None
    assert isinstance(next_in_focus_chain(number), QLineEdit)  # the spin box's own field
    assert type(number.lineEdit()) is QLineEdit


def test_asking_a_label_for_its_field_leaves_the_field_usable(qtbot) -> None:  # type: ignore[no-untyped-def]
    window, _menus, search, number = _window(qtbot)
    labels = [c for c in window.centralWidget().children() if isinstance(c, QLabel)]
    assert [has_buddy(label) for label in labels] == [True, True]
    clear = search.findChild(QToolButton)
    inner = number.lineEdit()
    del labels
    gc.collect()
    assert shiboken6.isValid(clear) and shiboken6.isValid(inner)
    assert not has_buddy(QLabel("no field"))


class _Dialog(QDialog):
    """A dialog of Solace's own class, as every one is."""


def test_a_window_fitted_to_its_screen_leaves_the_screen_to_the_application(qtbot) -> None:  # type: ignore[no-untyped-def]
    """CI of stop 38: every dialog fitted to its screen (`window_room`) asked the
    dialog for its screen (QWidget.screen), and PySide tied the screen's wrapper to
    the dialog's; taken apart with the wrappers, the screen's wrapper once came back
    into Python's keeping and the cyclic collector deleted the screen itself: the next
    window made crashed the app (a segmentation fault in QScreen::virtualSiblings).
    The screen's wrapper now belongs to no window's."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = _Dialog(parent)
    dialog.show()
    room = window_room(dialog)
    screen = QGuiApplication.primaryScreen()
    assert screen is not None and room.intersects(screen.availableGeometry())
    assert screen_of(dialog) is screen
    keepers = [type(r).__name__ for r in gc.get_referrers(screen) if isinstance(r, QWidget)]
    assert keepers == []


def test_solace_asks_for_what_a_widget_does_not_own_only_through_borrowed() -> None:
    """The getters PySide re-parents the answer of, where the asker does not own it,
    are called in one place (a new call elsewhere would bring the fault back); the
    screen, which the tests and the scripts of docs/ ask for too, nowhere else either."""
    top = Path(__file__).resolve().parents[3]
    app = re.compile(r"\.(nextInFocusChain|previousInFocusChain|buddy|screen)\(")
    elsewhere = re.compile(r"\.screen\(")
    found = [
        f"{path.relative_to(top)}:{number}"
        for folder, calls in (("journal", app), ("tests", elsewhere), ("docs", elsewhere))
        for path in sorted((top / folder).rglob("*.py"))
        if path.name != "borrowed.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if calls.search(line)
    ]
    assert found == []


def test_a_window_without_qt_functions_still_walks(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Where Qt's C++ functions cannot be reached, the binding answers as before."""
    from journal.ui.common import borrowed

    monkeypatch.setattr(borrowed, "_getter", lambda _name: None)
    *_others, search, _number = _window(qtbot)
    assert next_in_focus_chain(search) is search.nextInFocusChain()
