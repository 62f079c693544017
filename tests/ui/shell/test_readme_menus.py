"""README's "Menus and keys" table names every item of Solace's menus and its keys.

Break test 10 of session 31, finding 6: the table's File row lacked Back up now…,
Export… and Import…, which the File menu had held for sessions; a person reading
the README to find them was told they did not exist."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from journal.ui.shell.actions import ACTIONS, MENUS, ActionId, MenuSpec
from tests.shared_files import ROOT


def _rows() -> dict[str, str]:
    """The first table's rows: a menu's title ("File") → what the row says of it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Menus and keys", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, str] = {}
    lines = table.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("|"))
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] not in ("Menu", "---"):
            rows[cells[0]] = cells[1]
    return rows


def _plain(title: str) -> str:
    return title.replace("&", "").removesuffix("…")


def _items(menu: MenuSpec) -> list[ActionId | MenuSpec]:
    found: list[ActionId | MenuSpec] = []
    for item in menu.items:
        if isinstance(item, MenuSpec):
            found += [item, *_items(item)]
        elif item is not None:
            found.append(item)
    return found


def _keys(action_id: ActionId) -> list[str]:
    """The keys of an action the README must name: its first key sequence on this
    platform and each one Solace adds ("Ctrl++" and "Ctrl+=")."""
    spec = ACTIONS[action_id]
    shortcuts = spec.shortcuts()[:1]
    named = [s.toString(QKeySequence.SequenceFormat.PortableText) for s in shortcuts]
    return list(dict.fromkeys([*named, *spec.keys]))


def test_the_readme_names_every_menu_item_and_its_keys(qapp) -> None:  # type: ignore[no-untyped-def]
    rows = _rows()
    assert [row for row in rows] == [_plain(menu.title) for menu in MENUS]
    missing = []
    for menu in MENUS:
        row = rows[_plain(menu.title)].lower()
        for item in _items(menu):
            name = item.title if isinstance(item, MenuSpec) else ACTIONS[item].text
            words = [_plain(name)] + ([] if isinstance(item, MenuSpec) else _keys(item))
            missing += [f"{_plain(menu.title)}: {w}" for w in words if w.lower() not in row]
    assert missing == [], "\n".join(missing)
