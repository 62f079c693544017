"""Reading the app as assistive technology does (no tests here).

Everything below goes through ``QAccessible`` interfaces, the same objects Qt's
AT-SPI bridge serialises onto the accessibility bus: names, roles, states,
descriptions, values and label relations. A control "says what it is" the way
Orca speaks it: the text of the label that labels it (the LabelledBy relation,
from a buddy label), else its own name. On Linux Qt names a combo box by its
current choice ("None", "Any"), so a combo box with no label relation says only
its value and counts as unnamed.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

Role = QAccessible.Role
Text = QAccessible.Text

#: Roles a person acts on (presses, types into, chooses from, moves through).
CONTROL_ROLES = frozenset(
    {
        Role.PushButton,
        Role.CheckBox,
        Role.RadioButton,
        Role.ComboBox,
        Role.EditableText,
        Role.SpinBox,
        Role.Slider,
        Role.Dial,
        Role.List,
        Role.Table,
        Role.Tree,
        Role.ButtonMenu,
        Role.ButtonDropDown,
        Role.Link,
        Role.PageTabList,
    }
)


@dataclass(frozen=True)
class Node:
    """One accessible object as a screen reader meets it."""

    role: QAccessible.Role
    name: str
    value: str
    description: str
    labels: tuple[str, ...]
    focusable: bool
    focused: bool
    disabled: bool
    checkable: bool
    checked: bool
    obj_type: str
    path: str

    @property
    def spoken(self) -> str:
        """What Orca says the control is: its own name, else the label that labels it.
        A combo box's name on the Linux bus is its current choice, even when the app
        named it (a name set on it is heard only while it is empty: break test 15 of
        session 15, finding 4, "Wed 30 Dec 2026, 01:40, combo box"), so for a combo
        box only its label counts."""
        label = " ".join(text for text in self.labels if text.strip()).strip()
        if self.role == Role.ComboBox:
            return label
        return self.name.strip() or label

    @property
    def is_control(self) -> bool:
        return self.role in CONTROL_ROLES and not self.disabled


@dataclass
class Screen:
    """Every visible accessible object under one root."""

    title: str
    nodes: list[Node] = field(default_factory=list)

    @property
    def controls(self) -> list[Node]:
        return [node for node in self.nodes if node.is_control]

    def unnamed(self) -> list[Node]:
        return [node for node in self.controls if not node.spoken]

    def unnamed_images(self) -> list[Node]:
        """Images with no name: a screen reader meets "image" and nothing more (the
        question dialogs' icon: break test 15 of session 25, F5)."""
        return [node for node in self.nodes if node.role == Role.Graphic and not node.name]

    def ambiguous(self) -> list[Node]:
        """Controls that say the same as another control on this screen."""
        counts = Counter(node.spoken.casefold() for node in self.controls if node.spoken)
        return [n for n in self.controls if n.spoken and counts[n.spoken.casefold()] > 1]

    def ambiguous_names(self) -> list[Node]:
        """The same, by the bare AT-SPI name alone (what a walker ignoring relations sees).
        A combo box's name is its current choice, so it counts too."""
        counts = Counter(node.name.casefold() for node in self.controls if node.name)
        return [n for n in self.controls if n.name and counts[n.name.casefold()] > 1]

    def replaced_labels(self) -> list[Node]:
        """Static texts whose accessible name hides the words on screen (a mnemonic's
        "&" and punctuation aside)."""
        return [
            node
            for node in self.nodes
            if node.role == Role.StaticText
            and node.obj_type == "QLabel"
            and _words(_shown(node.value))
            and _words(_shown(node.value)) not in _words(node.name)
        ]

    def find(self, spoken: str) -> Node:
        matches = [n for n in self.nodes if n.spoken == spoken or n.name == spoken]
        assert matches, f"nothing says {spoken!r} on {self.title}: {self.says()}"
        return matches[0]

    def says(self) -> list[str]:
        return [f"{n.role.name}: {n.spoken or n.name!r}" for n in self.controls]


def _shown(text: str) -> str:
    """A label's text as it is shown: rich text's tags dropped and its entities
    ("&nbsp;", "&#9632;") turned into the characters they stand for."""
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.replace("&", "").casefold()))


def node_of(interface: QAccessibleInterface, path: str) -> Node:
    state = interface.state()
    obj = interface.object()
    labels = tuple(
        other.text(Text.Name)
        for other, _flag in interface.relations(QAccessible.RelationFlag.Label)
        if other is not None and other.isValid()
    )
    value = interface.text(Text.Value)
    if not value and interface.role() == Role.StaticText and obj is not None:
        text = getattr(obj, "text", None)
        value = text() if callable(text) else ""
    return Node(
        role=interface.role(),
        name=interface.text(Text.Name),
        value=value or "",
        description=interface.text(Text.Description),
        labels=labels,
        focusable=bool(state.focusable),
        focused=bool(state.focused),
        disabled=bool(state.disabled),
        checkable=bool(state.checkable),
        checked=bool(state.checked),
        obj_type=type(obj).__name__ if obj is not None else "",
        path=path,
    )


def read(root: QWidget, title: str = "") -> Screen:
    """Walk the accessible tree under ``root``, skipping what is invisible."""
    screen = Screen(title or type(root).__name__)
    top = QAccessible.queryAccessibleInterface(root)
    assert top is not None and top.isValid()
    stack: list[tuple[QAccessibleInterface, str]] = [(top, top.text(Text.Name))]
    seen: set[int] = set()
    while stack:
        interface, path = stack.pop()
        if interface.state().invisible:
            continue
        key = QAccessible.uniqueId(interface)
        if key in seen:
            continue
        seen.add(key)
        screen.nodes.append(node_of(interface, path))
        if interface.role() in (Role.ComboBox, Role.SpinBox):
            continue  # a combo box's popup list and a spin box's parts are its own
        children = [interface.child(i) for i in range(interface.childCount())]
        for child in reversed(children):
            if child is not None and child.isValid():
                stack.append((child, f"{path}/{child.text(Text.Name)}"))
    return screen


def numbered_headers(root: QWidget) -> list[str]:
    """The row and column headers of the item views under ``root`` that are read as a
    bare number: Qt's own numbering, on the bus even where the header is hidden on
    screen (the library's topics were heard as "1": break test 15 of session 29, N8).
    Each as "view: header"."""
    found = []
    for view in root.findChildren(QAbstractItemView):
        if not view.isVisible():
            continue
        interface = QAccessible.queryAccessibleInterface(view)
        for index in range(interface.childCount() if interface is not None else 0):
            child = interface.child(index)
            if child is None or child.role() not in (Role.ColumnHeader, Role.RowHeader):
                continue
            if child.text(Text.Name).strip().isdigit():
                found.append(f"{view.accessibleName()}: {child.text(Text.Name)}")
    return found


def silent_errors(root: QWidget) -> list[str]:
    """Error lines under ``root``, shown or hidden, that are not a `Message`: their words
    would appear on screen without being announced."""
    from journal.ui.common.accessibility import Message

    return [
        f"error line {label.text()[:50]!r} ({type(label.parent()).__name__}) is not announced"
        for label in root.findChildren(QLabel)
        if label.property("role") == "error" and not isinstance(label, Message)
    ]


def names_over_labels(root: QWidget) -> list[str]:
    """Labels under ``root``, shown or hidden, whose accessible name replaces the words
    they show or will show (``setAccessibleName("Message")`` on an error line that is
    empty until something goes wrong): a screen reader reads a label's own words. A
    name that holds those words (and adds to them) is fine; so is a picture's name."""
    found = []
    for label in [root, *root.findChildren(QLabel)]:
        if not isinstance(label, QLabel) or not label.accessibleName():
            continue
        shown = _words(re.sub(r"<[^>]+>", " ", label.text()))
        if not shown and (label.pixmap() is not None and not label.pixmap().isNull()):
            continue
        if not shown or shown not in _words(label.accessibleName()):
            found.append(
                f"{type(label).__name__} {label.objectName() or ''}{label.text()[:50]!r}"
                f" is read as {label.accessibleName()!r}"
            )
    return found
