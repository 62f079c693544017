"""Every action of the app, declared once: its text, shortcut, menu place and role.

As in Picard, an enum names each action and one table says what it is; the main
window gives a handler for each id and `build_actions` makes the QActions, from
which the menu bar, the toolbar and every keyboard shortcut are built. Nothing
else in Solace creates a shortcut, so a test can prove no two actions share one.

Shortcuts are Qt's standard key sequences (`QKeySequence.StandardKey`) wherever
one exists; where the platform defines none for it (Quit and Preferences have no
binding on most Linux desktops), the plain keys given beside it are used, so
every action has a shortcut on every platform.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from journal.settings import FONT_SCALE, THEME, Setting, Theme

Key = QKeySequence.StandardKey
Role = QAction.MenuRole


class ActionId(Enum):
    """Every action in Solace. Menu order is given by `MENUS`, not by this order."""

    # File
    NEW_ENTRY = auto()
    NEW_JOURNAL = auto()
    # -- Slots for issue 16 (Safekeeping: back up, export and import a journal). They
    # are declared here so their text and shortcut sit with all the others, and they
    # appear in the File menu as soon as the main window gives them a handler;
    # without one they are not built at all.
    BACK_UP = auto()
    EXPORT = auto()
    IMPORT = auto()
    # -- end of the issue 16 slots
    LOCK = auto()
    QUIT = auto()
    # Edit
    UNDO = auto()
    REDO = auto()
    DELETE = auto()
    FIND = auto()
    SETTINGS = auto()
    # View
    SHOW_JOURNAL = auto()
    SHOW_BODY = auto()
    SHOW_LIBRARY = auto()
    SHOW_TOGETHER = auto()
    TEXT_LARGER = auto()
    TEXT_SMALLER = auto()
    TEXT_100 = auto()
    TEXT_125 = auto()
    TEXT_150 = auto()
    TEXT_175 = auto()
    TEXT_200 = auto()
    THEME_SYSTEM = auto()
    THEME_LIGHT = auto()
    THEME_DARK = auto()
    THEME_SWITCH = auto()
    # Help
    HELP = auto()
    ABOUT = auto()
    # The library's article reader: shortcuts only, active while the reader has focus
    # (in its text, Ctrl++ / Ctrl+- / Ctrl+0 size the reading text: see ArticleReader)
    READER_BACK = auto()
    READER_FORWARD = auto()


@dataclass(frozen=True)
class ActionSpec:
    """How one action looks and is reached.

    ``standard`` is Qt's platform key sequence for it; ``keys`` are plain sequences
    ("Ctrl+Q") added after the standard ones (and the only ones where the platform
    has no standard binding). ``needs_journal`` actions are disabled while locked.
    ``choice`` makes a checkable item that stores ``value`` in a preference; the
    items of one preference are exclusive. ``widget_scope`` actions are attached to
    one widget and work only while the focus is inside it.
    """

    text: str
    standard: Key | None = None
    keys: tuple[str, ...] = ()
    tip: str = ""
    role: Role = Role.NoRole
    needs_journal: bool = False
    choice: tuple[Setting[Any], int | str] | None = None
    widget_scope: bool = False

    def shortcuts(self) -> list[QKeySequence]:
        """The key sequences on this platform: the standard ones first, no repeats."""
        found = [] if self.standard is None else list(QKeySequence.keyBindings(self.standard))
        for keys in self.keys:
            sequence = QKeySequence(keys)
            if sequence not in found:
                found.append(sequence)
        return found


#: The text sizes offered, in percent of the desktop's; Larger and Smaller step along them.
TEXT_SIZES = (100, 125, 150, 175, 200)


def _text_size(percent: int, keys: tuple[str, ...] = ()) -> ActionSpec:
    return ActionSpec(f"{percent} %", keys=keys, choice=(FONT_SCALE, percent))


ACTIONS: dict[ActionId, ActionSpec] = {
    ActionId.NEW_ENTRY: ActionSpec(
        "&New entry", Key.New, tip="Start a new journal entry", needs_journal=True
    ),
    ActionId.NEW_JOURNAL: ActionSpec(
        "New &journal…", tip="Lock this journal and create another one"
    ),
    ActionId.BACK_UP: ActionSpec("&Back up now…", needs_journal=True),
    ActionId.EXPORT: ActionSpec("&Export…", needs_journal=True),
    ActionId.IMPORT: ActionSpec("&Import…", needs_journal=True),
    ActionId.LOCK: ActionSpec("&Lock", keys=("Ctrl+L",), tip="Lock now", needs_journal=True),
    ActionId.QUIT: ActionSpec(
        "&Quit", Key.Quit, ("Ctrl+Q",), "Lock and close Solace", Role.QuitRole
    ),
    ActionId.UNDO: ActionSpec("&Undo", Key.Undo, needs_journal=True),
    # Ctrl+Y as well, which the README promises: the X11 desktops' own Redo is only
    # Ctrl+Shift+Z, and Ctrl+Y did nothing there (break test 43, F5).
    ActionId.REDO: ActionSpec("&Redo", Key.Redo, ("Ctrl+Y",), needs_journal=True),
    ActionId.DELETE: ActionSpec(
        "&Delete…",
        tip="Delete the chosen entry or body log, after asking (Delete key in its list)",
        needs_journal=True,
    ),
    ActionId.FIND: ActionSpec("&Find…", Key.Find, tip="Search", needs_journal=True),
    ActionId.SETTINGS: ActionSpec(
        "&Settings…", Key.Preferences, ("Ctrl+,",), "Preferences and keys", Role.PreferencesRole
    ),
    ActionId.SHOW_JOURNAL: ActionSpec("&Journal", keys=("Ctrl+1",), needs_journal=True),
    ActionId.SHOW_BODY: ActionSpec("&Body log", keys=("Ctrl+2",), needs_journal=True),
    ActionId.SHOW_LIBRARY: ActionSpec("&Library", keys=("Ctrl+3",), needs_journal=True),
    ActionId.SHOW_TOGETHER: ActionSpec(
        "&Together",
        keys=("Ctrl+4",),
        tip="Read together what each of you shares",
        needs_journal=True,
    ),
    # As in browsers and editors: Ctrl++ (Ctrl+= too, the same key unshifted), Ctrl+-,
    # and Ctrl+0 for the normal size.
    ActionId.TEXT_LARGER: ActionSpec("&Larger text", Key.ZoomIn, ("Ctrl+=",)),
    ActionId.TEXT_SMALLER: ActionSpec("&Smaller text", Key.ZoomOut),
    ActionId.TEXT_100: _text_size(100, ("Ctrl+0",)),
    ActionId.TEXT_125: _text_size(125),
    ActionId.TEXT_150: _text_size(150),
    ActionId.TEXT_175: _text_size(175),
    ActionId.TEXT_200: _text_size(200),
    ActionId.THEME_SYSTEM: ActionSpec("Follow the &system", choice=(THEME, Theme.SYSTEM.value)),
    ActionId.THEME_LIGHT: ActionSpec("&Light", choice=(THEME, Theme.LIGHT.value)),
    ActionId.THEME_DARK: ActionSpec("&Dark", choice=(THEME, Theme.DARK.value)),
    # No platform has a standard key for it; Ctrl+Shift+D ("dark") is free in Solace
    # and in the desktops' own window keys.
    ActionId.THEME_SWITCH: ActionSpec(
        "S&witch light and dark", keys=("Ctrl+Shift+D",), tip="Light if it is dark now, else dark"
    ),
    ActionId.HELP: ActionSpec(
        "&Using Solace", Key.HelpContents, tip="How Solace works, in the library"
    ),
    ActionId.ABOUT: ActionSpec("&About Solace", role=Role.AboutRole),
    ActionId.READER_BACK: ActionSpec("Back", Key.Back, widget_scope=True),
    ActionId.READER_FORWARD: ActionSpec("Forward", Key.Forward, widget_scope=True),
}


@dataclass(frozen=True)
class MenuSpec:
    """A menu: its title and items in order; None is a separator."""

    title: str
    items: tuple[ActionId | MenuSpec | None, ...] = field(default_factory=tuple)


MENUS: tuple[MenuSpec, ...] = (
    MenuSpec(
        "&File",
        (
            ActionId.NEW_ENTRY,
            ActionId.NEW_JOURNAL,
            None,
            ActionId.BACK_UP,  # issue 16 slot
            ActionId.EXPORT,  # issue 16 slot
            ActionId.IMPORT,  # issue 16 slot
            None,
            ActionId.LOCK,
            ActionId.QUIT,
        ),
    ),
    MenuSpec(
        "&Edit",
        (
            ActionId.UNDO,
            ActionId.REDO,
            None,
            ActionId.DELETE,
            None,
            ActionId.FIND,
            None,
            ActionId.SETTINGS,
        ),
    ),
    MenuSpec(
        "&View",
        (
            ActionId.SHOW_JOURNAL,
            ActionId.SHOW_BODY,
            ActionId.SHOW_LIBRARY,
            ActionId.SHOW_TOGETHER,
            None,
            MenuSpec(
                "Text si&ze",
                (
                    ActionId.TEXT_LARGER,
                    ActionId.TEXT_SMALLER,
                    None,
                    ActionId.TEXT_100,
                    ActionId.TEXT_125,
                    ActionId.TEXT_150,
                    ActionId.TEXT_175,
                    ActionId.TEXT_200,
                ),
            ),
            MenuSpec(
                "T&heme",
                (
                    ActionId.THEME_SYSTEM,
                    ActionId.THEME_LIGHT,
                    ActionId.THEME_DARK,
                    None,
                    ActionId.THEME_SWITCH,
                ),
            ),
        ),
    ),
    MenuSpec("&Help", (ActionId.HELP, None, ActionId.ABOUT)),
)

TOOLBAR: tuple[ActionId, ...] = (ActionId.SETTINGS, ActionId.LOCK)


def shortcut_clashes(actions: Iterable[QAction]) -> list[str]:
    """Every key sequence bound to more than one action, named with those actions'
    texts ("Ctrl+N: New entry, New window"); empty when each shortcut is unique."""
    owners: dict[str, list[str]] = {}
    for action in actions:
        for sequence in action.shortcuts():
            if not sequence.isEmpty():
                owners.setdefault(sequence.toString(), []).append(action.text().replace("&", ""))
    return [f"{keys}: {', '.join(texts)}" for keys, texts in owners.items() if len(texts) > 1]


def plain_text(spec: ActionSpec) -> str:
    """The text without its mnemonic ampersand or trailing ellipsis."""
    return spec.text.replace("&", "").rstrip("…")


def build_action(action_id: ActionId, parent: QObject, handler: Callable[[], object]) -> QAction:
    """One QAction from its declaration; its tooltip names its first shortcut."""
    spec = ACTIONS[action_id]
    action = QAction(spec.text, parent)
    action.setObjectName(action_id.name.lower())
    action.setShortcuts(spec.shortcuts())
    action.setMenuRole(spec.role)
    if spec.widget_scope:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip = spec.tip or plain_text(spec)
    action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    action.setStatusTip(tip)
    if spec.choice is not None:
        action.setCheckable(True)
    action.triggered.connect(lambda _checked=False: handler())
    return action


def build_actions(
    parent: QObject, handlers: Mapping[ActionId, Callable[[], object]]
) -> dict[ActionId, QAction]:
    """A QAction for every declared action that has a handler (the slots of features
    still to come have none and are left out). Choices of one preference share an
    exclusive QActionGroup."""
    actions: dict[ActionId, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for action_id, spec in ACTIONS.items():
        handler = handlers.get(action_id)
        if handler is None:
            continue
        action = build_action(action_id, parent, handler)
        if spec.choice is not None:
            key = spec.choice[0].key
            if key not in groups:
                groups[key] = QActionGroup(parent)
                groups[key].setExclusive(True)
            groups[key].addAction(action)
        actions[action_id] = action
    return actions


def build_menus(
    bar: QMenuBar, actions: Mapping[ActionId, QAction], window: QWidget
) -> dict[str, QMenu]:
    """Fill the menu bar from `MENUS`; window-wide actions are also added to
    ``window`` so their shortcuts work wherever the focus is. Returns the menus by
    title (without the ampersand)."""
    menus: dict[str, QMenu] = {}

    def fill(menu: QMenu, items: tuple[ActionId | MenuSpec | None, ...]) -> None:
        previous_was_separator = True
        for item in items:
            if item is None:
                if not previous_was_separator:
                    menu.addSeparator()
                previous_was_separator = True
            elif isinstance(item, MenuSpec):
                submenu = menu.addMenu(item.title)
                menus[item.title.replace("&", "")] = submenu
                fill(submenu, item.items)
                previous_was_separator = False
            elif item in actions:
                menu.addAction(actions[item])
                window.addAction(actions[item])
                previous_was_separator = False

    for spec in MENUS:
        menu = bar.addMenu(spec.title)
        menus[spec.title.replace("&", "")] = menu
        fill(menu, spec.items)
    return menus
