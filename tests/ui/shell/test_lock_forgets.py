"""Locking drops every reference to the open journal, its engine and its key."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS


def test_after_locking_nothing_holds_the_journal_or_its_engine(qtbot, unlocked_window):
    window = unlocked_window
    journal_area = next(a for a in window.areas if a.area_id == "journal")
    qtbot.mouseClick(journal_area.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(journal_area.editor.body, "something to save")
    for index in range(len(window.areas)):
        window.navigation.setCurrentRow(index)
    journal_ref = weakref.ref(window.journal)
    engine_ref = weakref.ref(window.journal.db.engine)
    window.lock()
    gc.collect()
    assert engine_ref() is None
    assert journal_ref() is None, [type(r).__name__ for r in gc.get_referrers(journal_ref())]

    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: not window.is_locked or page.error.isVisible(), timeout=10_000)
    assert page.error.text() == ""
    journal_area = next(a for a in window.areas if a.area_id == "journal")  # rebuilt
    assert "something to save" in journal_area.editor.body.toPlainText()


# -- the whole object tree after a lock ---------------------------------------------------
CANARIES = {
    "entry": "Lanternwick",
    "feeling": "Thistledown",
    "remembrance": "Marigoldie",
    "prompt": "Quenwillow",
    "summary": "Brackenholt",
    "old passphrase": PASSPHRASE,
    "new passphrase": "Velvetmoss harbour",
}


UNDO_AVAILABLE = "<a text field still has an undo history>"


def strings_held(obj) -> list[str]:
    """Every piece of text a Qt object can hand back: field contents, labels, items of
    every view and completer model, names, tooltips and window titles."""
    from PySide6.QtCore import QAbstractItemModel, QObject
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QCompleter,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QWidget,
    )

    found: list[str] = []
    if isinstance(obj, QLineEdit):
        found += [obj.text(), obj.placeholderText()]
        if obj.completer() is not None:
            found += strings_held(obj.completer())
    if isinstance(obj, QTextEdit | QPlainTextEdit):
        found.append(obj.toPlainText())
        if obj.document().isUndoAvailable():
            found.append(UNDO_AVAILABLE)
    if isinstance(obj, QLabel | QAbstractButton):
        found.append(obj.text())
    if isinstance(obj, QComboBox):
        found += [obj.itemText(i) for i in range(obj.count())]
    if isinstance(obj, QCompleter):
        obj = obj.model()
    if isinstance(obj, QAbstractItemView):
        obj = obj.model()
    if isinstance(obj, QAbstractItemModel):
        found += model_strings(obj)
    if isinstance(obj, QWidget):
        found += [obj.windowTitle(), obj.toolTip(), obj.accessibleName(),
                  obj.accessibleDescription()]
    if isinstance(obj, QObject):
        found.append(obj.objectName())
    return found


def model_strings(model) -> list[str]:
    from PySide6.QtCore import QModelIndex, Qt

    found: list[str] = []
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        for row in range(min(model.rowCount(parent), 2000)):
            try:
                columns = max(1, model.columnCount(parent))
            except TypeError:  # a list model keeps columnCount private
                columns = 1
            for column in range(columns):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                             Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if value is not None:
                        found.append(str(value))
                if column == 0:
                    stack.append(index)
    return found


def everything_the_app_holds() -> str:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    held: list[str] = []
    roots = list(QApplication.topLevelWidgets()) + list(QApplication.allWidgets())
    for root in roots:
        for obj in [root, *root.findChildren(QObject)]:
            held += strings_held(obj)
    held.append(QGuiApplication.clipboard().text())
    return "\n".join(held)


def test_after_a_lock_no_widget_dialog_or_model_holds_anything_typed(qtbot, unlocked_window):
    from journal.ui.body.export_dialog import ExportDialog
    from journal.ui.common.local_time import today_local
    from journal.ui.entries.prompts import PromptPicker
    from journal.ui.entries.remembrance import RemembranceDialog
    from journal.ui.lock.security_dialogs import ChangePassphraseDialog
    from journal.ui.shell.settings_dialog import SettingsDialog

    window = unlocked_window
    areas = {a.area_id: a for a in window.areas}
    entries, body = areas["journal"], areas["body"]
    qtbot.mouseClick(entries.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(entries.editor.body, f"Today {CANARIES['entry']} was quiet")
    qtbot.keyClicks(entries.editor.feelings.own, CANARIES["feeling"])
    qtbot.keyClicks(entries.search.field, CANARIES["entry"][:6])

    remembrance = RemembranceDialog(entries.remembrance, window)
    remembrance.show()
    qtbot.keyClicks(remembrance.name, CANARIES["remembrance"])
    picker = PromptPicker(entries.prompts, entries.prompt_store, entries)
    picker.show()
    qtbot.keyClicks(picker.own, CANARIES["prompt"])
    summary = ExportDialog(
        body.repository, window.journal.check_passphrase, body.unit, today_local(), window
    )
    summary.show()
    qtbot.keyClicks(summary.extra, CANARIES["summary"])
    settings = SettingsDialog(window.settings, window)
    settings.show()
    change = ChangePassphraseDialog(window.journal, window)
    change.show()
    qtbot.keyClicks(change.current, CANARIES["old passphrase"])
    qtbot.keyClicks(change.new.first, CANARIES["new passphrase"])
    qtbot.keyClicks(change.new.second, CANARIES["new passphrase"])
    change.hide()  # a dialog closed earlier but never deleted
    assert CANARIES["remembrance"] in everything_the_app_holds()  # the walk sees them

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    if not window.is_locked:
        window.lock_action.trigger()
    assert window.is_locked
    held = everything_the_app_holds()
    for what, canary in CANARIES.items():
        assert canary not in held, what
    assert UNDO_AVAILABLE not in held

    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        page.unlock_button.click()
    held = everything_the_app_holds()
    assert CANARIES["feeling"] not in held  # not back after the next unlock either
    entries = next(a for a in window.areas if a.area_id == "journal")
    assert CANARIES["entry"] in entries.editor.body.toPlainText()  # saved, and back


def test_text_copied_from_solace_is_marked_secret_and_cleared_at_lock(qtbot, unlocked_window):
    from PySide6.QtGui import QGuiApplication

    from journal.ui.common.clipboard import KDE_HINT

    window = unlocked_window
    entries = next(a for a in window.areas if a.area_id == "journal")
    qtbot.mouseClick(entries.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(entries.editor.body, "words to copy")
    entries.editor.body.selectAll()
    entries.editor.body.copy()
    clipboard = QGuiApplication.clipboard()
    qtbot.waitUntil(lambda: clipboard.mimeData().hasFormat(KDE_HINT))
    assert bytes(clipboard.mimeData().data(KDE_HINT)) == b"secret"
    assert clipboard.text() == "words to copy"
    window.lock()
    assert clipboard.text() == ""
