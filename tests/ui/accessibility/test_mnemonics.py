"""Alt+letter, on every screen and dialog: within a window each mnemonic belongs to one
control (two on one letter make Alt+letter only cycle between them), and a label's
mnemonic moves the focus into the control it labels.

A control counts while it can show with the screen walked: shown, or hidden only by
its own or a container's hide (a fold, a row shown once two writers are named, an
Undo bar, a field asked for later), not by being on another page of a stack or tab
widget. Counting only what the walk happened to show missed "&Written on" and
"&Written by" (break test 15 of session 18, re-test R5): the walk showed the entry
with its "Mood, feelings, tags" fold closed, in a journal with no writers named."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenuBar,
    QStackedWidget,
    QTabBar,
    QWidget,
)

from tests.ui.accessibility.screens import each_screen


@dataclass(frozen=True)
class Mnemonic:
    letter: str  # "H" for Alt+H
    text: str  # the words with their "&", as written
    owner: QWidget  # the button, label, group, tab bar or menu bar that holds it
    target: QWidget | None  # where the focus should go (a label's buddy), if anywhere


def _letter(text: str) -> str:
    return QKeySequence.mnemonic(text).toString().removeprefix("Alt+").upper()


#: Controls hidden for good in a window (its class name, their words), and why.
HIDDEN_FOR_GOOD = {
    # The log form's own Save: the dialog's "Save changes" saves the form instead.
    ("LogEditDialog", "&Save this log"),
}


def can_show(widget: QWidget, window: QWidget) -> bool:
    """Whether ``widget`` shows, or can show, in ``window`` with the pages now current:
    False only for a widget on a page of a stack (or tab widget) other than the current
    one, or in another window (a dialog of its own)."""
    node: QWidget | None = widget
    while node is not None and node is not window:
        parent = node.parentWidget()
        if node.isWindow() or (
            isinstance(parent, QStackedWidget) and parent.currentWidget() is not node
        ):
            return False
        node = parent
    return node is window


def mnemonics(root: QWidget, *, could_show: bool = False) -> list[Mnemonic]:
    """Every mnemonic live in ``root``'s window now (its holder is showing), or, with
    ``could_show``, every one that can be live with the pages now current (`can_show`)."""
    window = root.window()
    found: list[Mnemonic] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() and not (could_show and can_show(widget, window)):
            continue
        texts: list[tuple[str, QWidget | None]] = []
        if isinstance(widget, QAbstractButton):
            texts = [(widget.text(), widget)]
        elif isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
            texts = [(widget.text(), widget.buddy())]
        elif isinstance(widget, QGroupBox):
            texts = [(widget.title(), widget)]
        elif isinstance(widget, QTabBar):
            texts = [
                (widget.tabText(i), widget)
                for i in range(widget.count())
                if widget.isTabVisible(i)
            ]
        elif isinstance(widget, QMenuBar):
            texts = [(a.text(), widget) for a in widget.actions() if a.isVisible()]
        for text, target in texts:
            letter = _letter(text)
            if letter and (type(window).__name__, text) not in HIDDEN_FOR_GOOD:
                found.append(Mnemonic(letter, text, widget, target))
    return found


def test_every_mnemonic_is_unique_in_its_window_and_reaches_its_control(  # type: ignore[no-untyped-def]
    qtbot, window, store
):
    problems: list[str] = []
    counts: list[str] = []
    for title, root in each_screen(qtbot, window, store):
        live = mnemonics(root)
        counts.append(f"{title:38} {len(live):4}")
        by_letter: dict[str, list[Mnemonic]] = {}
        for each in mnemonics(root, could_show=True):
            by_letter.setdefault(each.letter, []).append(each)
        for letter, holders in sorted(by_letter.items()):
            if len(holders) > 1:
                texts = ", ".join(repr(h.text) for h in holders)
                problems.append(f"{title}: Alt+{letter} on {texts}")
        labels = [m for m in live if isinstance(m.owner, QLabel)]
        if not labels:
            continue
        top = root.window()
        top.activateWindow()
        qtbot.waitUntil(lambda top=top: QApplication.activeWindow() is top, timeout=2_000)
        for each in labels:
            target = each.target
            if target is None or not target.isVisible() or not target.isEnabled():
                problems.append(f"{title}: {each.text!r} labels nothing a person can reach")
                continue
            if len(by_letter[each.letter]) > 1:
                continue  # already said; Alt+letter cycles
            qtbot.keyClick(top, each.letter.lower(), Qt.KeyboardModifier.AltModifier)
            focus = QApplication.focusWidget()
            if focus is not target and not target.isAncestorOf(focus):
                where = type(focus).__name__ if focus is not None else "nowhere"
                problems.append(f"{title}: Alt+{each.letter} ({each.text!r}) went to {where}")
    print()
    print("\n".join(counts))
    print("\n".join(problems))
    assert problems == []


def test_no_menu_has_two_items_on_one_letter(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    """View had "&Together" and "&Text size": Alt+V, T went to Together and Text size
    could not be reached by its letter. In every menu and submenu of the menu bar each
    letter belongs to one item."""
    from PySide6.QtWidgets import QMenu

    problems: list[str] = []

    def check(menu: QMenu, path: str) -> None:
        owners: dict[str, list[str]] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            letter = _letter(action.text())
            if letter:
                owners.setdefault(letter, []).append(action.text())
            if action.menu() is not None:
                check(action.menu(), f"{path} > {action.text().replace('&', '')}")
        problems.extend(
            f"{path}: Alt+{letter} on {texts}" for letter, texts in owners.items() if len(texts) > 1
        )

    bar = unlocked_window.menuBar()
    for action in bar.actions():
        if action.menu() is not None:
            check(action.menu(), action.text().replace("&", ""))
    assert problems == []
