"""Label in name (WCAG 2.5.3): a control's accessible name holds the words of the
label shown beside it, so a person using speech input can say what they see
("click From") and a screen-reader user hears the word a sighted helper reads out.
Break test 15, minor m: Summary for the doctor showed "From" and "To" beside date
fields named "First day" and "Last day"."""

from __future__ import annotations

import re

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QLabel

from tests.ui.accessibility.screens import each_screen


def words(text: str) -> list[str]:
    """The words of ``text``, without mnemonic marks and punctuation, casefolded."""
    return re.findall(r"\w+", text.replace("&&", " ").replace("&", "").casefold())


def test_every_labelled_control_is_named_with_the_words_of_its_label(qtbot, window, store):  # type: ignore[no-untyped-def]
    problems = []
    seen = 0
    for title, root in each_screen(qtbot, window, store):
        for label in root.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is None or not label.isVisible() or not buddy.isVisible():
                continue
            shown, name = words(label.text()), buddy.accessibleName()
            if not shown or not name:
                continue  # unnamed controls are the census's to find
            seen += 1
            if not set(shown) <= set(words(name)):
                problems.append(f"{title}: {label.text()!r} shown, {name!r} heard")
    assert seen > 20
    print("\n".join(sorted(set(problems))))
    assert sorted(set(problems)) == []


def _contains(name: list[str], shown: list[str]) -> bool:
    """Whether the words ``shown`` come in ``name``, in order and together."""
    return any(name[i : i + len(shown)] == shown for i in range(len(name) - len(shown) + 1))


def test_every_button_s_name_holds_the_words_it_shows(qtbot, window, store):  # type: ignore[no-untyped-def]
    """Break test 15 of session 11, finding 14: "Summary for the doctor…" was named
    "Make a summary for the doctor", "Filters" "Show search filters", "I have seen
    this" "I have seen the sign fever": a person using speech input who says "click
    Filters" got nothing (WCAG 2.5.3). Every button, check box and radio button
    showing words is named with them (its mnemonic's "&" and a trailing "…" aside):
    first, then, where it needs to, what it is about ("I have seen this: fever"), or
    after what they answer ("Hugging: Yes"); what more it needs to say is its
    description. A button showing a symbol in place
    of an icon ("B" for Bold, "1." for Numbered list) is named by what it does."""
    problems = []
    seen = 0
    for title, root in each_screen(qtbot, window, store):
        for button in root.findChildren(QAbstractButton):
            shown = words(button.text())
            if not shown or not button.isVisible() or all(len(w) == 1 for w in shown):
                continue
            interface = QAccessible.queryAccessibleInterface(button)
            name = interface.text(QAccessible.Text.Name) if interface is not None else ""
            seen += 1
            if not _contains(words(name), shown):
                problems.append(f"{title}: {button.text()!r} shown, {name!r} heard")
    assert seen > 100
    print("\n".join(sorted(set(problems))))
    assert sorted(set(problems)) == []
