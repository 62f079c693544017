"""The menu bar, the shortcuts and the toolbar all come from one action registry: the
menus a desktop app has, standard keys, no shortcut used twice, Help and About."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from journal import __version__
from journal.settings import FONT_SCALE, THEME
from journal.ui.shell.actions import ACTIONS, MENUS, ActionId, shortcut_clashes
from tests.conftest import PASSPHRASE

CTRL = Qt.KeyboardModifier.ControlModifier


def _menu_texts(window, title: str) -> list[str]:  # type: ignore[no-untyped-def]
    menu = window.menus[title]
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def _every_action(window) -> list[QAction]:  # type: ignore[no-untyped-def]
    """Every QAction anywhere in the window (menus, toolbar, areas, editors), once."""
    found = {id(a): a for a in window.findChildren(QAction)}
    for widget in window.findChildren(QWidget):
        for action in widget.actions():
            found.setdefault(id(action), action)
    return list(found.values())


def test_the_menus_a_desktop_app_has(unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Help"]
    assert _menu_texts(window, "File") == [
        "New entry",
        "New journal…",
        "Back up now…",
        "Export…",
        "Import…",
        "Lock",
        "Quit",
    ]
    assert _menu_texts(window, "Edit") == ["Undo", "Redo", "Delete…", "Find…", "Settings…"]
    assert _menu_texts(window, "View")[:3] == ["Journal", "Body log", "Library"]
    assert _menu_texts(window, "Text size") == [
        "Larger text",
        "Smaller text",
        "100 %",
        "125 %",
        "150 %",
        "175 %",
        "200 %",
    ]
    assert _menu_texts(window, "Theme") == [
        "Follow the system",
        "Light",
        "Dark",
        "Switch light and dark",
    ]
    assert _menu_texts(window, "Help") == ["Using Solace", "About Solace"]


def test_standard_keys_where_they_exist_and_a_shortcut_on_every_platform(unlocked_window) -> None:  # type: ignore[no-untyped-def]
    actions = unlocked_window.action_by_id
    for action_id, standard in (
        (ActionId.NEW_ENTRY, QKeySequence.StandardKey.New),
        (ActionId.FIND, QKeySequence.StandardKey.Find),
        (ActionId.UNDO, QKeySequence.StandardKey.Undo),
        (ActionId.REDO, QKeySequence.StandardKey.Redo),
        (ActionId.HELP, QKeySequence.StandardKey.HelpContents),
    ):
        assert actions[action_id].shortcuts() == QKeySequence.keyBindings(standard)
    # Quit and Preferences have no standard binding on many desktops: the plain keys
    # stand in, so Settings and Quit have a shortcut everywhere.
    assert QKeySequence("Ctrl+Q") in actions[ActionId.QUIT].shortcuts()
    assert QKeySequence("Ctrl+,") in actions[ActionId.SETTINGS].shortcuts()
    assert actions[ActionId.NEW_ENTRY].shortcut() == QKeySequence("Ctrl+N")
    assert actions[ActionId.FIND].shortcut() == QKeySequence("Ctrl+F")
    assert actions[ActionId.HELP].shortcut() == QKeySequence("F1")


def test_macos_app_menu_roles(unlocked_window) -> None:  # type: ignore[no-untyped-def]
    actions = unlocked_window.action_by_id
    assert actions[ActionId.QUIT].menuRole() is QAction.MenuRole.QuitRole
    assert actions[ActionId.SETTINGS].menuRole() is QAction.MenuRole.PreferencesRole
    assert actions[ActionId.ABOUT].menuRole() is QAction.MenuRole.AboutRole
    others = [
        a for i, a in actions.items() if i not in (ActionId.QUIT, ActionId.SETTINGS, ActionId.ABOUT)
    ]
    assert all(a.menuRole() is QAction.MenuRole.NoRole for a in others)


def test_no_two_actions_share_a_shortcut(unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    actions = _every_action(window)
    assert len(actions) > len(ActionId)  # the editor's formatting actions are here too
    assert shortcut_clashes(actions) == []
    assert window.findChildren(QShortcut) == []  # every shortcut is an action


def test_the_clash_check_catches_a_shared_shortcut(qtbot) -> None:  # type: ignore[no-untyped-def]
    first, second = QAction("New entry"), QAction("New window")
    first.setShortcut(QKeySequence("Ctrl+N"))
    second.setShortcuts([QKeySequence("Ctrl+W"), QKeySequence("Ctrl+N")])
    assert shortcut_clashes([first, second]) == ["Ctrl+N: New entry, New window"]


def test_every_menu_item_and_toolbar_button_is_declared_in_the_registry(unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    declared = set(window.action_by_id.values())
    for menu in window.menus.values():
        for action in menu.actions():
            assert action.isSeparator() or action.menu() or action in declared, action.text()
    for action in window.toolbar.actions():
        widget = window.toolbar.widgetForAction(action)
        assert action in declared or not isinstance(widget, QAbstractButton), action.text()
    in_menus = {item for spec in MENUS for item in _items(spec)}
    scoped = {i for i, spec in ACTIONS.items() if spec.widget_scope}
    slots = {ActionId.BACK_UP, ActionId.EXPORT, ActionId.IMPORT}
    assert in_menus | scoped | slots == set(ActionId)


def _items(spec) -> list[ActionId]:  # type: ignore[no-untyped-def]
    found = []
    for item in spec.items:
        if isinstance(item, ActionId):
            found.append(item)
        elif item is not None:
            found.extend(_items(item))
    return found


def test_the_backup_slots_have_their_handlers(unlocked_window) -> None:  # type: ignore[no-untyped-def]
    for slot in (ActionId.BACK_UP, ActionId.EXPORT, ActionId.IMPORT):
        assert slot in ACTIONS and slot in unlocked_window.action_by_id


def test_actions_that_need_a_journal_are_off_while_locked(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.lock()
    actions = window.action_by_id
    for action_id in (ActionId.NEW_ENTRY, ActionId.LOCK, ActionId.FIND, ActionId.SHOW_BODY):
        assert not actions[action_id].isEnabled()
    for action_id in (ActionId.NEW_JOURNAL, ActionId.QUIT, ActionId.HELP, ActionId.TEXT_150):
        assert actions[action_id].isEnabled()
    assert window.menuBar().isVisible()


def test_settings_opens_with_its_shortcut(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    qtbot.keyClick(window.navigation, Qt.Key.Key_Comma, CTRL)
    qtbot.waitUntil(lambda: window.settings_dialog is not None)
    window.settings_dialog.reject()


def test_quit_locks_and_closes(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    with qtbot.waitSignal(window.locked):
        qtbot.keyClick(window.navigation, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()


def test_new_journal_locks_and_shows_the_create_page(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    editor = next(a for a in window.areas if a.area_id == "journal").editor
    window.action_by_id[ActionId.NEW_ENTRY].trigger()
    qtbot.keyClicks(editor.body, "Before a new journal")
    window.action_by_id[ActionId.NEW_JOURNAL].trigger()
    assert window.is_locked
    assert window.lock_screen.currentWidget() is window.lock_screen.create_page
    assert "Before a new journal" not in editor.body.toPlainText()


def test_view_menu_sets_theme_and_text_size_at_once(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    app = QApplication.instance()
    normal = app.font().pointSizeF()
    window.action_by_id[ActionId.THEME_DARK].trigger()
    window.action_by_id[ActionId.TEXT_150].trigger()
    assert window.settings.get(THEME) == "dark"
    assert window.settings.get(FONT_SCALE) == 150
    assert app.palette().window().color().lightness() < 80
    assert abs(app.font().pointSizeF() - normal * 1.5) < 0.01
    assert window.action_by_id[ActionId.TEXT_150].isChecked()
    assert not window.action_by_id[ActionId.TEXT_100].isChecked()
    window.action_by_id[ActionId.TEXT_100].trigger()
    window.action_by_id[ActionId.THEME_LIGHT].trigger()
    assert abs(app.font().pointSizeF() - normal) < 0.01


def _shown_keys(window, title: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each item of a menu with the keys the menu shows beside it ("" for none)."""
    return {
        a.text().replace("&", ""): a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        for a in window.menus[title].actions()
        if not a.isSeparator()
    }


def test_text_size_and_theme_have_their_keys_shown_in_the_menu(unlocked_window) -> None:  # type: ignore[no-untyped-def]
    """Ctrl++ / Ctrl+- / Ctrl+0 as in browsers and editors, and one key for the theme
    (break test 10 of session 7, finding 7: none had a shortcut)."""
    sizes = _shown_keys(unlocked_window, "Text size")
    assert sizes["Larger text"] == "Ctrl++"
    assert sizes["Smaller text"] == "Ctrl+-"
    assert sizes["100 %"] == "Ctrl+0"
    assert _shown_keys(unlocked_window, "Theme")["Switch light and dark"] == "Ctrl+Shift+D"
    larger = unlocked_window.action_by_id[ActionId.TEXT_LARGER]
    assert QKeySequence("Ctrl+=") in larger.shortcuts()  # the same key, unshifted


def test_ctrl_plus_minus_and_zero_size_the_text_from_anywhere(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    app = QApplication.instance()
    normal = app.font().pointSizeF()
    here = window.navigation
    here.setFocus()
    qtbot.keyClick(here, Qt.Key.Key_Plus, CTRL)
    assert window.settings.get(FONT_SCALE) == 125
    assert window.action_by_id[ActionId.TEXT_125].isChecked()
    qtbot.keyClick(here, Qt.Key.Key_Equal, CTRL)
    assert window.settings.get(FONT_SCALE) == 150
    assert abs(app.font().pointSizeF() - normal * 1.5) < 0.01
    qtbot.keyClick(here, Qt.Key.Key_Minus, CTRL)
    assert window.settings.get(FONT_SCALE) == 125
    qtbot.keyClick(here, Qt.Key.Key_0, CTRL)
    assert window.settings.get(FONT_SCALE) == 100
    qtbot.keyClick(here, Qt.Key.Key_Minus, CTRL)  # the smallest there is: it stays
    assert window.settings.get(FONT_SCALE) == 100
    assert abs(app.font().pointSizeF() - normal) < 0.01


def test_ctrl_shift_d_switches_between_light_and_dark(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    app = QApplication.instance()
    window.action_by_id[ActionId.THEME_LIGHT].trigger()
    here = window.navigation
    here.setFocus()
    qtbot.keyClick(here, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.settings.get(THEME) == "dark"
    assert window.action_by_id[ActionId.THEME_DARK].isChecked()
    assert app.palette().window().color().lightness() < 80
    qtbot.keyClick(here, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.settings.get(THEME) == "light"
    assert app.palette().window().color().lightness() > 180


def test_f1_opens_using_solace_in_the_library(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    qtbot.keyClick(window.navigation, Qt.Key.Key_F1)
    library = window.pages.currentWidget()
    assert library.area_id == "library"
    assert library.reader.current is not None
    assert library.reader.current.slug == "using-solace"
    assert "Using Solace" in library.reader.browser.toPlainText()


def test_f1_on_the_lock_screen_opens_the_same_article(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from journal.ui.shell.help import HelpDialog

    qtbot.keyClick(window.lock_screen.unlock_page.passphrase, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert "Using Solace" in text and "not medical advice" in text
    assert PASSPHRASE not in text
    dialog.close()


def test_about_names_the_version_the_licences_and_that_it_is_not_medical_advice(
    qtbot, window
) -> None:  # type: ignore[no-untyped-def]
    from journal.ui.shell.about import LIBRARIES, AboutDialog

    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    assert __version__ in dialog.version.text()
    assert "not medical advice" in dialog.not_advice.text()
    table = dialog.libraries
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert names == [library.name for library in LIBRARIES]
    for row in range(table.rowCount()):
        assert table.item(row, 1).text() != "not recorded", names[row]
        assert table.item(row, 2).text(), names[row]
    assert "LGPL-3.0-only" in [table.item(row, 2).text() for row in range(table.rowCount())]


def _runtime_distributions(name: str) -> set[str]:
    """Every distribution ``name`` needs to run here, in turn (no extras), normalised."""
    import re as re_names
    from importlib.metadata import PackageNotFoundError, requires

    from packaging.markers import Marker

    found: set[str] = set()
    todo = [name]
    while todo:
        try:
            needs = requires(todo.pop()) or []
        except PackageNotFoundError:
            continue
        for need in needs:
            if ";" in need:
                condition = need.split(";", 1)[1]
                if "extra" in condition or not Marker(condition).evaluate():
                    continue
            match = re_names.match(r"[A-Za-z0-9_.\-]+", need)
            assert match is not None
            key = re_names.sub(r"[-_.]+", "-", match.group(0)).lower()
            if key not in found:
                found.add(key)
                todo.append(key)
    return found


def test_about_names_every_library_solace_runs_with() -> None:
    """Break test 10 of session 12, finding 2: About left out zxcvbn, PyYAML and regex
    (named in pyproject.toml) and the libraries they and the others need in turn."""
    import re as re_names

    from journal.ui.shell.about import LIBRARIES

    named = {re_names.sub(r"[-_.]+", "-", lib.distribution).lower() for lib in LIBRARIES}
    needed = _runtime_distributions("solace")
    assert {"zxcvbn", "pyyaml", "regex"} <= needed
    assert needed <= named, sorted(needed - named)
